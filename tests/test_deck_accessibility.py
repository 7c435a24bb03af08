"""The deck is accessible on tweeluik's own design: each slide's title in its title box,
unique; pictures and the logo described; every run in the publication's language; the
title read first; title and language in the document's properties. (The same rules are
checked on every template of the test set in ``test_templates``.)"""

from __future__ import annotations

import pytest

from .conftest import ROOT, run_build
from .decks import accessibility_problems


@pytest.mark.slow
def test_the_sample_deck_is_accessible(sample_build):
    assert accessibility_problems(sample_build.deck, "nl-NL", "Vereniging van Wijkteams Zuidoever",
                                  "Wat de wijk ons leerde") == []


@pytest.mark.slow
def test_letters_without_lessons_and_in_english_give_accessible_decks(tmp_path):
    letters = ROOT / "tests" / "letters"
    english = tmp_path / "year-letter.md"
    english.write_text("---\ntitle: What the street taught us\norganisation: Eastside Teams\n"
                       "language: en\n---\nDear members,\n\nA short year in two lessons.\n\n"
                       "## Start small\n\nOne street at a time.\n\n## Listen first\n\n"
                       "Plans come after the kettle.\n", encoding="utf-8")
    sources = [letters / "zonder-lessen.md", letters / "zonder-lessen-met-kopjes.md",
               letters / "korte-lessen.md", english]
    out = tmp_path / "out"
    result = run_build(*map(str, sources), "--out", str(out), "--only", "deck")
    assert result.returncode == 0, result.stderr
    from tweeluik.parse import parse_publication
    for source in sources:
        meta = parse_publication(source).meta
        language = "en-GB" if meta.language == "en" else "nl-NL"  # every run, spelled so
        assert accessibility_problems(out / f"{source.stem}.pptx", language,
                                      meta.organisation, meta.title) == [], source.name


def test_the_rules_catch_what_they_name(sample_build, tmp_path):
    """The checker itself: a deck with a picture undescribed, a run in another language
    and the title read last is reported on each."""
    from pptx import Presentation
    prs = Presentation(str(sample_build.deck))
    slide = list(prs.slides)[0]
    tree = slide.shapes._spTree
    title = next(shape for shape in slide.shapes if shape.is_placeholder
                 and shape.placeholder_format.type == 3)  # the centred title
    tree.remove(title._element)
    tree.append(title._element)
    logo = next(shape for shape in slide.shapes if shape.name == "Logo")
    logo._element.nvPicPr.cNvPr.set("descr", "")
    next(iter(slide.shapes.title.text_frame.paragraphs[0].runs)).font._rPr.set("lang", "en-US")
    broken = tmp_path / "broken.pptx"
    prs.save(str(broken))
    problems = accessibility_problems(broken, "nl-NL", "Vereniging van Wijkteams Zuidoever",
                                      "Wat de wijk ons leerde")
    assert any("not read first" in p for p in problems)
    assert any("without a description" in p for p in problems)
    assert any("'en-US'" in p for p in problems)
