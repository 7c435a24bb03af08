"""Read a Word letter (.docx) into paragraphs, with python-docx.

Step 0 of the pipeline (bringing a letter in), for ``.docx`` files: each paragraph with
its italic, bold and links, whether Word marks it as a heading, a numbered list item
(with the number Word shows, ``word_numbers``) or the title, and the pictures in it with
their descriptions; the paragraphs of text boxes after the paragraph that holds them; a
table's paragraphs where it stands (``word_tables``): a table of data as a table, the
paragraphs of another row by row, a row of short cells (a form's labels, a label and
its value) as one paragraph (the report says so).
Damaged formatting is read as plain text, and a file that unpacks to far more than a
letter is refused before it is unpacked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import docx
from docx.exceptions import PythonDocxError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.hyperlink import Hyperlink
from lxml import etree

from ..letters import BULLETS
from ..text_limits import MAX_PARAGRAPHS as PARAGRAPHS_IN_A_PUBLICATION
from .docx_internals import paragraph_element, paragraph_parent, run_element
from .office_package import package_problem
from .page_margins import PageMargins, useful
from .pieces import Picture, Piece, Span
from .word_numbers import WordListNumbers
from .word_tables import (
    CELL_EDGE,
    CELL_SEPARATOR,
    MAX_TABLE_DEPTH,
    ROW_END,
    ROW_START,
    FormLine,
    ShortRow,
    WordTable,
    paragraphs_in_order,
)

#: The line a form's label gets to be written on, on paper.
FILL_IN = "…" * 24
PICTURE_TYPES = {"image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg"}
HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "titel"}
CAPTION_STYLES = {"caption", "bijschrift"}
#: The style Word gives a list's paragraphs; one without a number or bullet of its own
#: goes on with the item above it, as does a paragraph indented by hand at least
#: ``ITEM_INDENT`` (Word's indent button: 1.27 cm).
LIST_PARAGRAPH_STYLES = {"list paragraph", "lijstalinea"}
ITEM_INDENT = Cm(0.6)
LIST_STYLES = re.compile(r"^(?:list number|lijstnummering)", re.IGNORECASE)
BULLET_STYLES = re.compile(r"^(?:list bullet|lijstopsommingsteken)", re.IGNORECASE)
#: A bullet typed as a character at a paragraph's start, and the space or tab after it.
TYPED_BULLET = re.compile(rf"^\s*[{BULLETS}]\s+(?=\S)")
QUOTE_STYLES = re.compile(r"^(?:quote|intense quote|block text|citaat|duidelijk citaat|"
                          r"bloktekst)$", re.IGNORECASE)
_BLIP = qn("a:blip")
_EMBED = qn("r:embed")


MAX_PICTURE_BYTES = 20 * 1024 * 1024
MAX_PARAGRAPHS = PARAGRAPHS_IN_A_PUBLICATION  # more would not build
_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class DocxProblem(Exception):
    """The file is not a Word document tweeluik can read (the message says why)."""


def docx_to_pieces(path: Path
                   ) -> tuple[list[Piece], list[str], list[str], list[str], PageMargins]:
    """(paragraphs, pictures left out, other things not read, things read in a way to
    check, the page header's and footer's lines) of a Word file; the paragraphs of text
    boxes follow the paragraph they stand in, and a table's paragraphs stand where the
    table does, row by row (a row of short cells as one paragraph)."""
    problem = package_problem(path)
    if problem is not None:
        raise DocxProblem(problem)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a file it cannot use
        raise DocxProblem(str(error)) from None
    reading = _Reading(document)
    left_out, unread = reading.left_out, []
    paragraphs, tables, too_deep = paragraphs_in_order(document)
    kept = sum(1 for paragraph in paragraphs if isinstance(paragraph, WordTable))
    read_so_far = 0
    for paragraph in paragraphs:
        if paragraph is CELL_EDGE:
            reading.after_break = True
            continue
        if paragraph is ROW_START or paragraph is ROW_END:
            reading.rows_open += 1 if paragraph is ROW_START else -1
            continue
        read_so_far += 1
        if read_so_far > MAX_PARAGRAPHS:
            break
        reading.take(paragraph)
    pieces, damaged, marked = reading.pieces, reading.damaged, reading.marked
    if read_so_far > MAX_PARAGRAPHS:
        unread.append(f"paragraphs after the first {MAX_PARAGRAPHS:,} (a publication holds no "
                      "more: put the rest in a second one)")
    if damaged:
        left_out.append(f"the formatting of {damaged} paragraph{'s' if damaged != 1 else ''} "
                        "that Word stored damaged (their words are read as plain text)")
    if too_deep:
        unread.append(f"{too_deep} table{'s' if too_deep != 1 else ''} inside tables more "
                      f"than {MAX_TABLE_DEPTH} deep")
    checks = [f"read {_tables(tables - kept)} in the Word file as paragraphs, row by row "
              "and cell by cell: check that the text reads in order"] if tables > kept else []
    if kept:
        checks.append(f"kept {_tables(kept)} of the Word file as {'tables' if kept != 1 else 'a table'}"
                      ", the first row naming the columns: check that it does")
    if marked:
        checks.append(f"put the text of {len(marked)} footnote{'s' if len(marked) != 1 else ''}"
                      " in the Word file between brackets where each is marked (a letter has "
                      "no footnotes of its own): check that each reads well there")
    return pieces, left_out, unread, checks, _margins(document)


def _margins(document) -> PageMargins:
    """The lines of the first section's page header and footer (a first page's own, when
    it has one), with their tables' cells; none when Word stores none."""
    if not document.sections:
        return PageMargins()
    section = document.sections[0]

    def lines(*parts) -> tuple[str, ...]:
        for part in parts:
            try:
                if part.is_linked_to_previous:  # (the first section's: none stored)
                    continue
                texts = [paragraph.text for paragraph in part.paragraphs]
                texts += [paragraph.text for table in part.tables for row in table.rows
                          for cell in row.cells for paragraph in cell.paragraphs]
            except (ValueError, KeyError, AttributeError, PythonDocxError):
                continue  # (a damaged header: the letter's text still counts)
            found = useful(texts)
            if found:
                return found
        return ()

    first = (section.first_page_header,) if section.different_first_page_header_footer \
        else ()
    first_footer = (section.first_page_footer,) \
        if section.different_first_page_header_footer else ()
    return PageMargins(lines(*first, section.header), lines(*first_footer, section.footer))

class _Reading:
    """The pieces of a Word file as they are read, with what the reading found on the way:
    what it left out, how many paragraphs were damaged, which notes were marked, and
    whether an empty paragraph or a cell's edge stands since the last piece."""

    def __init__(self, document):
        self.document = document
        self.pieces: list[Piece] = []
        self.left_out: list[str] = []
        self.numbers = WordListNumbers(document)
        try:
            self.notes = _note_texts(document)
        except etree.XMLSyntaxError:
            self.notes = {}
            self.left_out.append("the footnotes, which Word stored damaged")
        self.marked: set[tuple[str, str]] = set()  # notes whose text was put at their mark
        self.damaged = 0
        self.after_break = False
        self.rows_open = 0  # inside the cells of how many rows read cell by cell

    def take(self, paragraph) -> None:
        """Read a paragraph, its text boxes after it, a row of short cells, or a table
        that holds data."""
        if isinstance(paragraph, WordTable):
            rows = tuple(tuple(self.cell_spans(cell) for cell in row) for row in paragraph)
            lines = tuple(CELL_SEPARATOR.join("".join(span.text for span in spans).strip()
                                              for spans in row) for row in rows)
            self.add(Piece((Span(" ".join(lines)),), lines, table=True, rows=rows))
            return
        if isinstance(paragraph, FormLine):
            piece = self.read(paragraph[0])
            if piece is not None:  # the label, and a line to write on
                line = Span(("" if piece.text.endswith((":", "?")) else ":") + " " + FILL_IN)
                self.add(replace(piece, spans=(*piece.spans, line)))
                self.pieces[-1] = replace(self.pieces[-1], lines=(self.pieces[-1].text,))
            self.after_break = True
            return
        if isinstance(paragraph, ShortRow):
            if not any(_text_box_paragraphs(cell) for cell in paragraph):
                for piece in _joined_row([self.read(cell) for cell in paragraph]):
                    self.after_break = True
                    self.add(piece)
                self.after_break = True
                return
            parts = [part for cell in paragraph for part in (cell, *_text_box_paragraphs(cell))]
        else:
            parts = [paragraph, *_text_box_paragraphs(paragraph)]
        for part in parts:
            self.add(self.read(part))

    def cell_spans(self, cell) -> tuple[Span, ...]:
        """The words of a table's cell (``None``: an empty one), with their emphasis."""
        piece = self.read(cell) if cell is not None else None
        return piece.spans if piece is not None else ()

    def read(self, part) -> Piece | None:
        try:
            return _piece(self.document, part, self.left_out, self.numbers, self.notes,
                          self.marked)
        except (ValueError, TypeError, KeyError, AttributeError, PythonDocxError):
            # damaged formatting (a bold of 'misschien', a list id that is no number, a
            # link without its target): the words still count
            self.damaged += 1
            return _plain_piece(part)

    def add(self, piece: Piece | None) -> None:
        """Keep ``piece``; an empty paragraph (``None``) is a break before the next."""
        if piece is None:
            self.after_break = True
            return
        if self.after_break or self.rows_open:
            piece = replace(piece, after_break=piece.after_break or self.after_break,
                            in_row=self.rows_open > 0)
        self.pieces.append(piece)
        self.after_break = False


def _tables(count: int) -> str:
    return "the table" if count == 1 else f"the {count} tables"


#: The notes a Word file may keep in parts of their own, and the element of each note.
NOTE_PARTS = ((RT.FOOTNOTES, qn("w:footnote")), (RT.ENDNOTES, qn("w:endnote")))
_NOTE_MARKS = (qn("w:footnoteReference"), qn("w:endnoteReference"))
#: A note's text is kept up to this long (a footnote is a remark or a source).
MAX_NOTE_CHARACTERS = 2000


def _note_texts(document) -> dict[tuple[str, str], str]:
    """The text of each footnote and endnote, by (kind of mark, id): its paragraphs'
    words, joined."""
    texts: dict[tuple[str, str], str] = {}
    for (reltype, tag), mark in zip(NOTE_PARTS, _NOTE_MARKS, strict=True):
        for relationship in document.part.rels.values():
            if relationship.reltype != reltype or relationship.is_external:
                continue
            root = etree.fromstring(relationship.target_part.blob, parser=etree.XMLParser(
                resolve_entities=False, no_network=True))
            for note in root.iter(tag):
                if note.get(qn("w:type")) not in (None, "normal"):
                    continue  # the separator lines above the notes
                words = " ".join(" ".join(node.text or "" for node in paragraph.iter(_TEXT))
                                 for paragraph in note.iter(qn("w:p")))
                text = " ".join(words.split())[:MAX_NOTE_CHARACTERS]
                if text:
                    texts[(mark, note.get(qn("w:id"), ""))] = text
    return texts


def _text_box_paragraphs(paragraph) -> list:
    """The paragraphs of the text boxes anchored in ``paragraph`` (each once: Word keeps a
    fallback copy of every box for older programs), the boxes in reading order: by where
    they stand on the page, top to bottom and in a row left to right (Word stores them in
    the order they were drawn)."""
    from docx.text.paragraph import Paragraph
    boxes = [box for box in paragraph_element(paragraph).iter(_TEXT_BOX)
             if not any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors())]
    places = [_box_place(box) for box in boxes]
    known = [place for place in places if place is not None]
    if len(known) == len(boxes) > 1:
        tops = sorted(top for top, _ in known)
        order = sorted(range(len(boxes)),
                       key=lambda index: (_row_of(known[index][0], tops), known[index][1]))
        boxes = [boxes[index] for index in order]
    found: list = []
    for box in boxes:
        # its own paragraphs; a box inside it is found by this loop on its own
        found.extend(Paragraph(element, paragraph_parent(paragraph))
                     for element in box.iter(qn("w:p")) if _nearest_box(element) is box)
    return found


#: Boxes whose tops lie closer than this (points) stand in one row of the page.
ROW_TOLERANCE_PT = 12.0
_LENGTH = re.compile(r"(-?\d*\.?\d+)(pt|in|cm|mm|px)?$")
_POINTS_PER: dict[str | None, float] = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54,
                                         "mm": 72 / 25.4, "px": 0.75, None: 1.0}


def _row_of(top: float, tops: list[float]) -> float:
    """The top of the row a box whose top is ``top`` stands in: the first of the tops
    (in order) within the tolerance above it."""
    return next(other for other in tops if top - other <= ROW_TOLERANCE_PT)


def _box_place(box) -> tuple[float, float] | None:
    """(top, left) in points of a text box, from its drawing's offsets or its VML
    style, relative to what it is anchored to; ``None`` when not stated."""
    for ancestor in box.iterancestors():
        if ancestor.tag == qn("wp:anchor"):
            offsets = [ancestor.findtext(f"{qn(axis)}/{qn('wp:posOffset')}")
                       for axis in ("wp:positionV", "wp:positionH")]
            if not all(re.fullmatch(r"-?\d+", (offset or "").strip()) for offset in offsets):
                return None
            top, left = (int(offset or 0) / 12700 for offset in offsets)
            return top, left
        style = ancestor.get("style")
        if style is not None and ancestor.tag.startswith("{urn:schemas-microsoft-com:vml}"):
            values = {key.strip(): value for key, value in
                      (part.split(":", 1) for part in style.split(";") if ":" in part)}
            if "margin-top" not in values:
                continue  # the text box's own style ('mso-fit-shape-to-text'): the shape's
            found = [_LENGTH.match(values.get(key, "").strip())
                     for key in ("margin-top", "margin-left")]
            if found[0] is None or found[1] is None:
                return None
            top, left = (float(match.group(1)) * _POINTS_PER[match.group(2)]
                         for match in found if match is not None)
            return top, left
    return None


def _nearest_box(element):
    """The text box an element stands in, ``None`` outside any."""
    return next(element.iterancestors(_TEXT_BOX), None)


def _piece(document, paragraph, left_out: list[str], numbers: WordListNumbers,
           notes: dict[tuple[str, str], str], marked: set[tuple[str, str]]) -> Piece | None:
    """One paragraph as read, with its styles, list kind (and number) and pictures, a
    footnote's text between brackets where it is marked."""
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = HEADING_STYLE.match(style or "")
    kind = _list_kind(document, paragraph, style or "")
    list_number = numbers.number_of(paragraph) if kind == "number" else None
    spans = list(_spans(paragraph, notes, marked))
    if kind is None:
        spans, kind = _without_typed_bullet(spans)
    pictures = []
    element = paragraph_element(paragraph)
    for drawing in element.iter(qn("w:drawing")):
        if next(drawing.iterancestors(qn("w:p")), None) is not element or any(
                ancestor.tag == _FALLBACK for ancestor in drawing.iterancestors()):
            continue  # a picture in a text box: the box's own paragraph holds it
        picture = _picture(document, drawing)
        if isinstance(picture, Picture):
            pictures.append(picture)
        else:
            left_out.append(picture)
    text = "".join(span.text for span in spans)
    if not text.strip() and not pictures:
        return None
    return Piece(tuple(spans), tuple(line.strip() for line in text.split("\n")
                                     if line.strip()),
                 heading=int(heading.group(1)) if heading else 0,
                 numbered=kind == "number", list_number=list_number,
                 bullet=kind == "bullet", list_level=_list_level(paragraph) if kind else 0,
                 in_item=kind is None and _goes_on_with_an_item(paragraph, style or ""),
                 quote=bool(QUOTE_STYLES.match(style or "")),
                 title_style=(style or "").lower() in TITLE_STYLES,
                 caption_style=(style or "").lower() in CAPTION_STYLES,
                 pictures=tuple(pictures))


def _joined_row(cells: list[Piece | None]) -> list[Piece]:
    """The pieces of a row of short cells as one piece, their words joined by
    ``CELL_SEPARATOR`` (by a space after a label's colon); each on its own when one is a
    heading, a list item, a quotation or holds a picture."""
    found = [piece for piece in cells if piece is not None]
    if len(found) < 2 or any(piece.heading or piece.numbered or piece.bullet or piece.quote
                             or piece.pictures or piece.title_style for piece in found):
        return found
    spans: list[Span] = []
    for before, piece in zip([None, *found], found, strict=False):
        if before is not None:  # a label ending in a colon says what the next cell is
            spans.append(Span(" " if before.text.endswith(":") else CELL_SEPARATOR))
        spans.extend(piece.spans)
    joined = Piece(tuple(spans))
    return [replace(joined, lines=(joined.text,))]


def _goes_on_with_an_item(paragraph, style: str) -> bool:
    """Whether a paragraph without a bullet or number of its own is set as a further
    paragraph of a list item: in Word's list style, or indented by hand. (Only after an
    item is it written as one.)"""
    indent = paragraph.paragraph_format.left_indent
    return style.lower() in LIST_PARAGRAPH_STYLES or indent is not None and indent >= ITEM_INDENT


def _without_typed_bullet(spans: list[Span]) -> tuple[list[Span], str | None]:
    """A paragraph that starts with a bullet typed as a character ('•' and a tab, as
    a text copied into Word keeps it) is a list item: its spans without the bullet, and
    "bullet"; any other, as it is and ``None``."""
    text = "".join(span.text for span in spans)
    found = TYPED_BULLET.match(text)
    if found is None:
        return spans, None
    left, kept = found.end(), []
    for span in spans:
        cut = min(left, len(span.text))
        left -= cut
        if span.text[cut:]:
            kept.append(replace(span, text=span.text[cut:]))
    return kept, "bullet"


_TEXT, _BREAK, _TAB = qn("w:t"), qn("w:br"), qn("w:tab")


def _plain_piece(paragraph) -> Piece | None:
    """A paragraph's words without any of its formatting."""
    # Each text node once: python-docx's paragraph and run elements give their whole
    # text as their own, so lxml's itertext() would give every word three times.
    text = "".join(node.text or "" if node.tag == _TEXT else "\n" if node.tag == _BREAK
                   else "\t" for node in paragraph_element(paragraph).iter(_TEXT, _BREAK, _TAB))
    if not text.strip():
        return None
    return Piece((Span(text),), tuple(line.strip() for line in text.split("\n")
                                      if line.strip()))


#: List levels deeper than this are written at this depth (a letter's lists are shallow).
MAX_LIST_LEVEL = 3


def _numbering(paragraph):
    """A paragraph's own Word numbering (``w:numPr``), or ``None``."""
    properties = paragraph_element(paragraph).pPr
    return properties.numPr if properties is not None else None


def _list_level(paragraph) -> int:
    """How deep in its Word list a paragraph stands (Word's ``ilvl``), 0 for the outer
    list, at most ``MAX_LIST_LEVEL``."""
    numbering = _numbering(paragraph)
    if numbering is None or numbering.ilvl is None:
        return 0
    return max(0, min(MAX_LIST_LEVEL, int(numbering.ilvl.val)))


def _list_kind(document, paragraph, style: str) -> str | None:
    """"bullet" or "number" for a paragraph of a Word list (by its style, else by the
    format of its numbering level), else ``None``."""
    if BULLET_STYLES.match(style):
        return "bullet"
    numbering = _numbering(paragraph)
    if numbering is None or numbering.numId is None:
        return "number" if LIST_STYLES.match(style) else None
    level = numbering.ilvl.val if numbering.ilvl is not None else 0
    try:
        definitions = document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # a list without its definitions
        return "number"
    number = definitions.xpath(f"w:num[@w:numId='{int(numbering.numId.val)}']/w:abstractNumId")
    if not number:
        return "number"
    formats = definitions.xpath(f"w:abstractNum[@w:abstractNumId='{int(number[0].get(qn('w:val')))}']"
                                f"/w:lvl[@w:ilvl='{int(level)}']/w:numFmt")
    return "bullet" if formats and formats[0].get(qn("w:val")) == "bullet" else "number"


def _spans(paragraph, notes: dict[tuple[str, str], str], marked: set[tuple[str, str]]):
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            address = item.address or ""
            if item.fragment:
                address = f"{address}#{item.fragment}" if address else f"#{item.fragment}"
            for run in item.runs:
                yield Span(run.text, bool(run.italic), bool(run.bold), address or "#")
        else:
            yield Span(item.text, bool(item.italic), bool(item.bold))
            for mark in run_element(item).iter(*_NOTE_MARKS):
                key = (mark.tag, mark.get(qn("w:id"), ""))
                if key in notes:
                    marked.add(key)
                    yield Span(f" ({notes[key]})")


def _picture(document, drawing) -> Picture | str:
    described = drawing.find(".//" + qn("wp:docPr"))
    alt = " ".join((described.get("descr") or described.get("title") or "").split()) \
        if described is not None else ""
    blip = drawing.find(".//" + _BLIP)
    relationship = blip.get(_EMBED) if blip is not None else None
    part = document.part.related_parts.get(relationship) if relationship else None
    if part is None:
        return f"a picture without its file ({alt or 'no description'})"
    kind = PICTURE_TYPES.get(part.content_type)
    if kind is None:
        return f"a picture in a format tweeluik cannot use ({part.content_type}, " \
               f"{alt or 'no description'}); save it as PNG or JPEG and add it"
    if len(part.blob) > MAX_PICTURE_BYTES:
        described = alt or "no description"
        return (f"a picture of {len(part.blob) / 1024 / 1024:.0f} MB ({described}), larger "
                "than the 20 MB a picture in a letter may be")
    return Picture(part.blob, kind, alt)
