"""A letter as it was read, before its parts are known: paragraphs of styled text.

Step 0 of the pipeline (bringing a letter in): each reader (Word, LibreOffice, plain
text, Markdown, a web page, an e-mail) turns its file into ``Piece``s; ``letter`` then
finds the letter's parts in them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis or link. ``markdown`` spans are written as they
    are (a pasted Markdown letter); the others are escaped."""

    text: str
    italic: bool = False
    bold: bool = False
    href: str | None = None
    markdown: bool = False


@dataclass(frozen=True)
class Picture:
    """An image found in a letter's file: its bytes, file type and description."""

    data: bytes
    extension: str  # "png" or "jpeg"; anything else is reported and left out
    alt: str


#: The first bytes of the picture files a letter's pictures may be, by their kind.
PICTURE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def picture_kind(data: bytes) -> str | None:
    """"png" or "jpeg" for the bytes of such a picture (by its first bytes, not by its
    name), else ``None``: a picture that cannot come in."""
    return next((kind for start, kind in PICTURE_SIGNATURES.items() if data.startswith(start)),
                None)


@dataclass(frozen=True)
class Piece:
    """One paragraph as read."""

    spans: tuple[Span, ...]
    lines: tuple[str, ...] = ()   # its lines as typed (plain text), for lists of names
    heading: int = 0              # a Word heading's level, 0 for running text
    numbered: bool = False        # a paragraph of a numbered list in Word
    list_number: int | None = None  # the number Word shows before it, when known
    list_level: int = 0           # how deep in a list it stands (0: the outer list)
    in_item: bool = False         # a paragraph of a Word list item after its first (a
    #                               "List Paragraph" without a number or bullet of its own)
    bullet: bool = False          # an item of a bulleted list (Word's, or typed bullets)
    quote: bool = False           # a quotation (Word's Quote styles, or '> ' lines)
    title_style: bool = False     # Word's "Title" style
    caption_style: bool = False   # Word's "Caption" style (a picture's or a table's)
    section: bool = False         # heads a part of a letter without lessons ('### ')
    marked_heading: bool = False  # a Markdown heading ('## Title') in a pasted text
    table: bool = False           # a table: a Markdown one, written back line for line,
    rows: tuple[tuple[tuple[Span, ...], ...], ...] = ()  # or a Word one, cell by cell
    pictures: tuple[Picture, ...] = field(default_factory=tuple)
    line: int | None = None       # where it starts in the input text
    after_break: bool = False     # an empty paragraph, or a table cell's edge, stands before
    #                               it in a Word file: no sentence goes on across that
    in_row: bool = False          # a cell's paragraph, of a Word table's row read cell by
    #                               cell (beside a long one): no signature
    kept_lines: bool = False      # lines a plain text broke on purpose (an address, a
    #                               timetable): its spans hold the breaks ('\n'), kept

    @property
    def text(self) -> str:
        return " ".join("".join(span.text for span in self.spans).split())

    @property
    def italic(self) -> bool:
        """True when all its words are in italics."""
        visible = [span for span in self.spans if span.text.strip()]
        return bool(visible) and all(span.italic for span in visible)


def goes_on_an_item(pieces: list[Piece], index: int) -> bool:
    """Whether a paragraph is set as a further paragraph of the list item above it
    (Word's list style, or an item's indent, under an item or its other further
    paragraphs): under a choir's agenda item 'Wahlen', its 'Vorstand' and 'Präsident';
    under the last item, its 'Kulinarischer Ausblick'."""
    if not pieces[index].in_item:
        return False
    above = index - 1
    while above >= 0 and pieces[above].in_item and not (pieces[above].numbered
                                                        or pieces[above].bullet):
        above -= 1
    return above >= 0 and (pieces[above].numbered or pieces[above].bullet)
