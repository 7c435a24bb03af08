"""The content model: what every writer receives, and nothing else.

Step 2 of the pipeline. ``parse`` builds it once from a source; the booklet and deck
writers only read it. Everything is immutable (frozen dataclasses and tuples) and every
block keeps the line in the source where it starts, so that any later step can point
an author at ``content/x.md:LINE``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, NamedTuple


class UnknownKind(TypeError):
    """A writer met a node whose ``kind`` it has no handler for: a bug in tweeluik."""

    def __init__(self, node: object, where: str):
        kind = getattr(node, "kind", type(node).__name__)
        super().__init__(f"{where} has no handler for content of kind {kind!r}")


# --- inline content -------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A run of plain text, typography already applied (curly quotes, dashes)."""

    kind: ClassVar[str] = "text"

    text: str


@dataclass(frozen=True)
class Emph:
    """Emphasis, set in italics."""

    kind: ClassVar[str] = "emph"

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    """Strong emphasis, set in bold."""

    kind: ClassVar[str] = "strong"

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    """A hyperlink; ``href`` is an absolute web or mail address."""

    kind: ClassVar[str] = "link"

    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    """A short piece of literal text (an address, a file name)."""

    kind: ClassVar[str] = "code"

    text: str


@dataclass(frozen=True)
class LineBreak:
    """A hard line break typed by the author (two spaces or a backslash at line end)."""

    kind: ClassVar[str] = "break"


Inline = Text | Emph | Strong | Link | Code | LineBreak
Inlines = tuple[Inline, ...]


def plain_text(inlines: Inlines) -> str:
    """The inlines as plain text, without any markup."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        elif isinstance(node, Emph | Strong | Link):
            parts.append(plain_text(node.children))
        else:
            raise UnknownKind(node, "plain_text")
    return "".join(parts)


# --- blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text."""

    kind: ClassVar[str] = "paragraph"

    inlines: Inlines
    line: int


@dataclass(frozen=True)
class Subheading:
    """A heading inside a lesson or the introduction (``###`` in the source); ``level``
    is 3, or 4 for a heading under one (``####`` or deeper below a ``###``)."""

    kind: ClassVar[str] = "subheading"

    inlines: Inlines
    line: int
    level: int = 3


@dataclass(frozen=True)
class ListItem:
    """One item of a list; it may hold several blocks (paragraphs, a nested list)."""

    kind: ClassVar[str] = "item"

    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list."""

    kind: ClassVar[str] = "list"

    ordered: bool
    start: int
    items: tuple[ListItem, ...]
    line: int


@dataclass(frozen=True)
class Quote:
    """A block quotation inside running text."""

    kind: ClassVar[str] = "quote"

    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class Image:
    """An image file inside the content folder, checked to exist and to be readable,
    with its description (what a screen reader says) and the caption printed under it:
    the description, or none for the import's stand-in."""

    kind: ClassVar[str] = "image"

    path: Path
    alt: str
    width_px: int
    height_px: int
    line: int
    caption: str | None


@dataclass(frozen=True)
class Table:
    """A table: its column names, its rows, and how each column is aligned ("left",
    "right", "center" or ``None`` for the text's own). Each cell is a ``Paragraph`` (its
    words, emphasis and links), so whatever reads paragraphs reads the cells too."""

    kind: ClassVar[str] = "table"

    header: tuple[Paragraph, ...]
    rows: tuple[tuple[Paragraph, ...], ...]
    aligns: tuple[str | None, ...]
    line: int


Block = Paragraph | Subheading | ListBlock | Quote | Image | Table


@dataclass(frozen=True)
class Picture:
    """A picture named in the front matter (the logo, the cover image): a checked PNG,
    JPEG or SVG file inside the content folder, with its size (pixels, or the SVG's own
    units) for its proportions."""

    path: Path
    format: str  # "png", "jpeg" or "svg"
    width: float
    height: float
    line: int
    #: A logo's drawn parts, darkest to lightest (``images.ink_of``); empty when it
    #: brings its own background or is not a logo.
    ink: tuple[float, ...] = ()


#: Every block kind, in the order a writer's handler table lists them.
BLOCK_KINDS = ("paragraph", "subheading", "list", "quote", "image", "table")


def walk_blocks(blocks: tuple[Block, ...]) -> Iterator[Paragraph | Subheading | Image]:
    """Every leaf block in order (paragraphs, subheadings, images), with quotations, list
    items and tables (their cells, row by row) opened up."""
    for block in blocks:
        if isinstance(block, Quote):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item.blocks)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                yield from row
        elif isinstance(block, Paragraph | Subheading | Image):
            yield block
        else:
            raise UnknownKind(block, "walk_blocks")


def sole_emphasis(inlines: Inlines) -> Strong | Emph | None:
    """The one bold or italic run a paragraph is made of (spaces around it aside), such
    as a line '**Wat we deden**'; ``None`` when anything else stands beside it."""
    marks = [node for node in inlines if not (isinstance(node, Text) and not node.text.strip())]
    return marks[0] if len(marks) == 1 and isinstance(marks[0], Strong | Emph) else None


def block_text(block: Paragraph | Subheading | Image) -> str:
    """The text a leaf block shows: its words, or an image's description."""
    return block.alt if isinstance(block, Image) else plain_text(block.inlines)


def blocks_text(blocks: tuple[Block, ...]) -> list[str]:
    """The blocks as plain-text paragraphs: one string per paragraph or list item."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph | Subheading | Image):
            text = block_text(block)
            if text:
                out.append(text)
        elif isinstance(block, Quote):
            out.extend(blocks_text(block.blocks))
        elif isinstance(block, Table):  # a row a line, its cells apart: 'Jaar · Leden'
            for row in (block.header, *block.rows):
                cells = [plain_text(cell.inlines) for cell in row]
                if any(cells):
                    out.append(" · ".join(cells))
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}." if block.ordered else "•"
                texts = blocks_text(item.blocks)
                if texts:
                    out.append(f"{marker} {texts[0]}")
                    out.extend(texts[1:])
        else:
            raise UnknownKind(block, "blocks_text")
    return out


def links_in(blocks: tuple[Block, ...], *inlines: Inlines | None) -> list[Link]:
    """Every link in ``inlines`` and ``blocks``, in order, each address once."""
    found: list[Link] = []

    def collect(nodes: Inlines) -> None:
        for node in nodes:
            if isinstance(node, Link):
                if all(link.href != node.href for link in found):
                    found.append(node)
            elif isinstance(node, Emph | Strong):
                collect(node.children)

    for extra in inlines:
        if extra:
            collect(extra)
    for block in walk_blocks(blocks):
        if isinstance(block, Paragraph | Subheading):
            collect(block.inlines)
    return found


# --- the publication ------------------------------------------------------------------


class StandIn(NamedTuple):
    """What a slide shows of a part that has no key message: a sentence and its line,
    and, when the part says what it has to say in a list and no sentence of its own, the
    first words of the list's first items (``points``; the slide shows as many as fit)."""

    text: str
    line: int
    points: tuple[str, ...] = ()


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
    #: What the lesson's slide shows when it has no key message: its first full
    #: sentence and that sentence's line, or its list's points, decided once by the
    #: reader for every writer.
    stand_in: StandIn | None = None

    @property
    def title_text(self) -> str:
        return plain_text(self.title)


@dataclass(frozen=True)
class Section:
    """A part of a letter without lessons, for its own slide: its heading (``None`` for
    the text above the first), its blocks, and the sentence its slide shows."""

    title: Inlines | None
    blocks: tuple[Block, ...]
    line: int | None
    stand_in: StandIn | None


@dataclass(frozen=True)
class Introduction:
    """What comes before the first lesson: a salutation and paragraphs. In a letter
    without lessons, its ``sections``: one per '###' heading when there are two or more,
    else the whole text as one (decided by the reader, for the deck)."""

    salutation: Inlines | None
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Closing:
    """What comes after the lessons: an optional heading, an optional key message (the
    words for the closing slide), and closing words."""

    title: Inlines | None
    blocks: tuple[Block, ...]
    line: int | None
    key_message: Inlines | None = None
    key_message_line: int | None = None
    #: Its paragraphs of words above the greeting ('Met vriendelijke groet,'): what the
    #: closing slide may say, decided by the reader.
    words: tuple[Paragraph, ...] = ()
    #: The greeting that closes the letter ('Groetjes,'), if any, and not one that only
    #: signs off ('Sincerely,'): what the closing slide says when the closing has no
    #: other words (never words the letter does not have).
    greeting: Paragraph | None = None
    #: Where the greeting, signing off or not, stands in ``blocks``: it and the lines
    #: under it sign the letter with the names (the booklet keeps them on one page).
    signed_at: int | None = None


@dataclass(frozen=True)
class DeckSettings:
    """Front-matter settings for the slide deck."""

    template: Path | None = None
    layouts: tuple[tuple[str, str], ...] = ()
    agenda: bool = False
    #: which slide master's layouts to use, counted from 1; None: the one the template's
    #: own slides use (the first when it has none)
    master: int | None = None
    design: str = "template"   # an own template keeps its design; "tweeluik" sets ours
    logo: str = "auto"         # "always": our logo even where the template has its own


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
    links: str = "footnotes"  # how the booklet shows a link's address on paper
    made_with: bool = True    # the colophon's line "made with tweeluik"
    logo: Picture | None = None
    cover_image: Picture | None = None
    picture_sources: tuple[tuple[str, str], ...] = ()  # (setting, file) until parse checks them
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
        sections = (self.introduction.blocks, *(lesson.blocks for lesson in self.lessons),
                    self.closing.blocks)
        return [block for blocks in sections for block in walk_blocks(blocks)
                if isinstance(block, Image)]
