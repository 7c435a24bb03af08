"""What an accessible deck is, as the tests read it back from the .pptx file: every
slide titled in its title box and no two titles alike, every picture described (the
logo by the organisation's name), every run in the publication's language, the title
first in reading order, and the document's title and language in its properties."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)


def title_of(slide) -> str | None:
    for shape in slide.shapes:
        if shape.is_placeholder and shape.placeholder_format.type in TITLES:
            return " ".join(shape.text_frame.text.replace("\u2060", "").split())
    return None


def accessibility_problems(deck: Path, language: str, organisation: str | None,
                           title: str) -> list[str]:
    """Every rule the deck breaks, one line each (empty when it keeps them all)."""
    problems = []
    prs = Presentation(str(deck))
    if prs.core_properties.title != title:
        problems.append(f"document title {prs.core_properties.title!r}")
    if prs.core_properties.language != language:
        problems.append(f"document language {prs.core_properties.language!r}")
    titles = []
    for number, slide in enumerate(prs.slides, start=1):
        heading = title_of(slide)
        titles.append(heading)
        if not heading:
            problems.append(f"slide {number} has no title in a title box")
        shapes = list(slide.shapes)
        if shapes and heading and not (shapes[0].is_placeholder
                                       and shapes[0].placeholder_format.type in TITLES):
            problems.append(f"slide {number}: the title is not read first ({shapes[0].name})")
        for picture in slide.shapes._spTree.iter(f"{{{P}}}pic"):
            described = picture.find(f"{{{P}}}nvPicPr/{{{P}}}cNvPr")
            descr = described.get("descr") if described is not None else None
            if not descr:
                problems.append(f"slide {number}: a picture without a description")
            elif described.get("name") == "Logo" and organisation and descr != organisation:
                problems.append(f"slide {number}: the logo is described as {descr!r}")
        for part, tree in (("slide", slide._element), ("notes", slide.notes_slide._element
                                                      if slide.has_notes_slide else None)):
            if tree is None:
                continue
            for props in etree.ElementBase.iter(tree, f"{{{A}}}rPr", f"{{{A}}}endParaRPr"):
                if props.get("lang") != language:
                    problems.append(f"slide {number} {part}: a run in {props.get('lang')!r}")
                    break
    problems += [f"{count} slides titled {heading!r}" for heading, count in Counter(titles).items()
                 if heading and count > 1]
    return problems
