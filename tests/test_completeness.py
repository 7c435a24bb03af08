"""Nothing is lost: every word of the source reaches the booklet, and every word of a
lesson reaches its slide's notes; every kind of block goes through every writer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import subprocess
from dataclasses import dataclass
from io import BytesIO
from typing import ClassVar

import pytest
from pptx import Presentation

from tweeluik.booklet.html import find_layout, publication_to_html
from tweeluik.deck import build_deck
from tweeluik.errors import SourceError
from tweeluik.model import (
    BLOCK_KINDS,
    Block,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Subheading,
    Table,
    blocks_text,
    plain_text,
)
from tweeluik.parse import parse_publication
from tweeluik.theme import load_theme
from tweeluik.web_edition import render_web_edition

from .conftest import LAYOUTS, SAMPLE, need_tool, write_source

THEME = load_theme(LAYOUTS)
CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def normalised(text: str) -> str:
    """Letters and digits only, lower case: hyphenation, spacing and quotes fall away."""
    return re.sub(r"[\W_]+", "", text.lower())


def booklet_text(pdf) -> str:
    """The PDF's text in the order it is drawn (the reading order of our layout)."""
    tool = need_tool("pdftotext")
    return subprocess.run([tool, "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def words_in_order(words: list[str], haystack: str, max_gap: int = 400) -> bool:
    """True when the words occur in ``haystack`` in this order, each within ``max_gap``
    characters of the one before (room for a running head and folio at a page turn)."""
    words = [normalised(word) for word in words if normalised(word)]
    if not words:
        return True
    start = haystack.find(words[0])
    while start != -1:
        position, ok = start + len(words[0]), True
        for word in words[1:]:
            found = haystack.find(word, position)
            if found == -1 or found - position > max_gap:
                ok = False
                break
            position = found + len(word)
        if ok:
            return True
        start = haystack.find(words[0], start + 1)
    return False


def leaf_texts(blocks: tuple[Block, ...]) -> list[str]:
    """The text of every paragraph, subheading, list item, quotation and caption."""
    out = []
    for block in blocks:
        if isinstance(block, Paragraph | Subheading):
            out.append(plain_text(block.inlines))
        elif isinstance(block, Image):
            out.append(block.alt)
        elif isinstance(block, Quote):
            out.extend(leaf_texts(block.blocks))
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.extend(leaf_texts(item.blocks))
        elif isinstance(block, Table):
            out.extend(plain_text(cell.inlines) for row in (block.header, *block.rows)
                       for cell in row)
        else:
            raise AssertionError(f"no case for {block.kind}")
    return out


def all_texts(pub) -> list[str]:
    texts = [plain_text(pub.introduction.salutation)] if pub.introduction.salutation else []
    texts += leaf_texts(pub.introduction.blocks)
    for lesson in pub.lessons:
        texts.append(lesson.title_text)
        if lesson.key_message:
            texts.append(plain_text(lesson.key_message))
        texts += leaf_texts(lesson.blocks)
    if pub.closing.title:
        texts.append(plain_text(pub.closing.title))
    texts += leaf_texts(pub.closing.blocks)
    return texts + list(pub.meta.signatories)


@pytest.mark.slow
def test_every_word_of_the_sample_is_in_the_booklet(sample_build):
    pub = parse_publication(SAMPLE)
    haystack = normalised(booklet_text(sample_build.booklet))
    texts = all_texts(pub)
    assert len(texts) > 30
    kinds = {type(block) for lesson in pub.lessons for block in lesson.blocks}
    assert {ListBlock, Image, Paragraph} <= kinds  # the sample exercises these
    missing = [text for text in texts if not words_in_order(text.split(), haystack)]
    assert missing == []


@pytest.mark.slow
def test_every_word_of_the_sample_is_in_the_web_edition(sample_build):
    pub = parse_publication(SAMPLE)
    page = sample_build.booklet.with_suffix(".html").read_text(encoding="utf-8")
    body = page.split("</style>", 1)[1]
    haystack = normalised(html.unescape(re.sub(r"<[^>]+>", " ", body)))
    missing = [text for text in all_texts(pub) if not words_in_order(text.split(), haystack)]
    assert missing == []


@pytest.mark.slow
def test_every_word_of_each_lesson_is_in_its_slide_notes(sample_build):
    pub = parse_publication(SAMPLE)
    prs = Presentation(str(sample_build.deck))
    notes = {slide.shapes.title.text_frame.text: slide.notes_slide.notes_text_frame.text
             for slide in prs.slides if slide.has_notes_slide and slide.shapes.title}
    for lesson in pub.lessons:
        slide_notes = notes[lesson.title_text]
        for text in [plain_text(lesson.key_message), *blocks_text(lesson.blocks)]:
            assert text in slide_notes, (lesson.number, text)


EVERY_KIND = """
Beste leden,

## Alle soorten

> De kernboodschap.

Een gewone alinea met *nadruk*.

### Een tussenkop

- een opsomming
- met twee punten

1. een genummerde lijst

> Een citaat in de tekst.

![Een plaatje met een onderschrift](images/foto.png)

| Jaar | Leden |
| ---- | ----: |
| 2025 | 385   |
"""


@pytest.mark.slow
def test_every_block_kind_goes_through_every_writer(source_dir):
    from PIL import Image as PILImage
    (source_dir / "images").mkdir()
    PILImage.new("RGB", (60, 40), "white").save(source_dir / "images" / "foto.png")
    pub = parse_publication(write_source(source_dir, EVERY_KIND))
    kinds = set()

    def collect(blocks):
        for block in blocks:
            kinds.add(block.kind)
            if isinstance(block, Quote):
                collect(block.blocks)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    collect(item.blocks)

    collect(pub.lessons[0].blocks)
    assert kinds == set(BLOCK_KINDS), "add the new kind to EVERY_KIND"

    html = publication_to_html(pub, THEME, find_layout(pub, LAYOUTS), LAYOUTS, CREATED,
                               image_url=lambda image: "file:///tweeluik/content/images/foto.png")
    for fragment in ("<p>Een gewone alinea", "<h3>Een tussenkop</h3>", "<li><p>\u2060een ",
                     '<ol start="1"', "<blockquote><p>Een citaat", "<figcaption>Een plaatje",
                     '<th scope="col" class="align-right">Jaar</th>', '<td class="align-right">385</td>'):
        assert fragment in html, fragment

    page = render_web_edition(pub, THEME, LAYOUTS, CREATED).decode("utf-8")
    for fragment in ("<p>Een gewone alinea", "<h3>Een tussenkop</h3>", "<li><p>\u2060een ",
                     '<ol start="1">', "<blockquote><p>Een citaat", "<figcaption>Een plaatje",
                     'src="data:image/png;base64,', "De kernboodschap.",
                     '<th scope="col" class="align-right">Jaar</th>', '<td class="align-right">385</td>'):
        assert fragment in page, fragment

    deck = build_deck(pub, THEME, LAYOUTS, CREATED)
    notes = Presentation(BytesIO(deck.pptx)).slides[1].notes_slide.notes_text_frame.text
    for words in ("Een gewone alinea", "Een tussenkop", "• een opsomming", "1. een genummerde",
                  "Een citaat in de tekst", "Een plaatje met een onderschrift",
                  "Jaar · Leden", "2025 · 385"):
        assert words in notes, words


@dataclass(frozen=True)
class Aside:
    """A block kind tweeluik does not have (yet)."""

    kind: ClassVar[str] = "aside"
    line: int


def test_a_block_of_an_unknown_kind_stops_the_booklet(source_dir):
    pub = parse_publication(write_source(source_dir, "## Les\n\nTekst.\n"))
    lesson = dataclasses.replace(pub.lessons[0], blocks=(*pub.lessons[0].blocks, Aside(9)))
    pub = dataclasses.replace(pub, lessons=(lesson,))
    from tweeluik.model import UnknownKind
    with pytest.raises(UnknownKind, match="kind 'aside'"):
        publication_to_html(pub, THEME, find_layout(pub, LAYOUTS), LAYOUTS, CREATED,
                            image_url=str)


def test_a_layout_without_a_case_for_a_kind_stops_the_build(source_dir, tmp_path):
    import shutil
    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    template = layouts / "booklet" / "booklet.html"
    # A layout written before lists existed: its list case is gone.
    text = template.read_text(encoding="utf-8")
    text = re.sub(r'\{%- elif block.kind == "list" -%\}.*?\{%- endif -%\}\n', "", text,
                  flags=re.DOTALL)
    template.write_text(text, encoding="utf-8")
    pub = parse_publication(write_source(source_dir, "## Les\n\n- een\n- twee\n"))
    with pytest.raises(SourceError) as caught:
        publication_to_html(pub, THEME, find_layout(pub, layouts), layouts, CREATED,
                            image_url=str)
    assert caught.value.path == template
    assert "no case for content of kind 'list'" in caught.value.message
    assert caught.value.line is not None
