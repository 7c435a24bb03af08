"""The content model: what every writer receives, and nothing else.

Step 2 of the pipeline. ``parse`` builds it once from a source; the booklet and deck
writers only read it. Everything is immutable (frozen dataclasses and tuples) and every
block keeps the line in the source where it starts, so that any later step can point
an author at ``content/x.md:LINE``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from collections.abc import Iterator
from pathlib import Path
from typing import Union

# --- inline content -------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A run of plain text, typography already applied (curly quotes, dashes)."""

    text: str


@dataclass(frozen=True)
class Emph:
    """Emphasis, set in italics."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    """Strong emphasis, set in bold."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    """A hyperlink; ``href`` is an absolute web or mail address."""

    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    """A short piece of literal text (an address, a file name)."""

    text: str


@dataclass(frozen=True)
class LineBreak:
    """A hard line break typed by the author (two spaces or a backslash at line end)."""


Inline = Union[Text, Emph, Strong, Link, Code, LineBreak]
Inlines = tuple[Inline, ...]


def plain_text(inlines: Inlines) -> str:
    """The inlines as plain text, without any markup."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        else:
            parts.append(plain_text(node.children))
    return "".join(parts)


# --- blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text."""

    inlines: Inlines
    line: int


@dataclass(frozen=True)
class Subheading:
    """A heading inside a lesson or the introduction (``###`` in the source)."""

    inlines: Inlines
    line: int


@dataclass(frozen=True)
class ListItem:
    """One item of a list; it may hold several blocks (paragraphs, a nested list)."""

    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    start: int
    items: tuple[ListItem, ...]
    line: int


@dataclass(frozen=True)
class Quote:
    """A block quotation inside running text."""

    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class Image:
    """An image file inside the content folder, checked to exist and to be readable."""

    path: Path
    alt: str
    width_px: int
    height_px: int
    line: int


Block = Union[Paragraph, Subheading, ListBlock, Quote, Image]


def walk_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in order, with quotations and list items opened up."""
    for block in blocks:
        if isinstance(block, Quote):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item.blocks)
        else:
            yield block


def blocks_text(blocks: tuple[Block, ...]) -> list[str]:
    """The blocks as plain-text paragraphs: one string per paragraph or list item."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph | Subheading):
            out.append(plain_text(block.inlines))
        elif isinstance(block, Quote):
            out.extend(blocks_text(block.blocks))
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}." if block.ordered else "•"
                texts = blocks_text(item.blocks)
                if texts:
                    out.append(f"{marker} {texts[0]}")
                    out.extend(texts[1:])
        elif isinstance(block, Image):
            if block.alt:
                out.append(block.alt)
    return out


# --- the publication ------------------------------------------------------------------


@dataclass(frozen=True)
class Lesson:
    """One numbered lesson: a title, an optional key message, a body, optional notes."""

    number: int
    title: Inlines
    key_message: Inlines | None
    blocks: tuple[Block, ...]
    notes: tuple[Paragraph, ...] | None
    line: int
    key_message_line: int | None = None

    @property
    def title_text(self) -> str:
        return plain_text(self.title)


@dataclass(frozen=True)
class Introduction:
    """What comes before the first lesson: a salutation and paragraphs."""

    salutation: Inlines | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Closing:
    """What comes after the lessons: an optional heading and closing words."""

    title: Inlines | None
    blocks: tuple[Block, ...]
    line: int | None


@dataclass(frozen=True)
class DeckSettings:
    """Front-matter settings for the slide deck."""

    template: Path | None = None
    layouts: tuple[tuple[str, str], ...] = ()
    agenda: bool = False


@dataclass(frozen=True)
class Meta:
    """The front matter, checked and typed."""

    title: str
    subtitle: str | None = None
    organisation: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    language: str = "nl"
    signatories: tuple[str, ...] = ()
    description: str | None = None
    keywords: tuple[str, ...] = ()
    layout: str = "booklet"
    deck: DeckSettings = field(default_factory=DeckSettings)
    lines: tuple[tuple[str, int], ...] = ()  # (setting, line in the source) for errors

    def line_of(self, key: str) -> int | None:
        """The source line on which front-matter setting ``key`` stands, if it was set."""
        return dict(self.lines).get(key)


@dataclass(frozen=True)
class Publication:
    """A whole publication: front matter, introduction, lessons and closing."""

    name: str
    source: Path
    meta: Meta
    introduction: Introduction
    lessons: tuple[Lesson, ...]
    closing: Closing

    @property
    def folder(self) -> Path:
        """The folder the source lives in; images are resolved inside it."""
        return self.source.parent

    def images(self) -> list[Image]:
        """Every image in the publication, in order."""
        sections = (self.introduction.blocks, *(l.blocks for l in self.lessons),
                    self.closing.blocks)
        return [block for blocks in sections for block in walk_blocks(blocks)
                if isinstance(block, Image)]
