"""Read a LibreOffice letter (.odt, or a flat .fodt) into paragraphs, with lxml.

Step 0 of the pipeline (bringing a letter in), for OpenDocument text: each paragraph with
its italic, bold and links, whether its style makes it a heading, the title, a quotation
or a caption, a list item with the number LibreOffice shows (lists that go on after
another count on), the pictures in it with their descriptions, a footnote's text between
brackets where it is marked; a table of data as a table, another cell by cell. What a
letter has no place for is left out and said: comments, tracked deletions, a table of
contents. The package is checked before it is unpacked (``office_package``), the XML
read without entities or the network, and nesting is bounded.

The work is in deciding what each paragraph is for a letter (what its style makes it is
resolved in ``odt_styles``); reading OpenDocument's XML takes only lxml, which the
import has already.
"""

from __future__ import annotations

import base64
import binascii
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from ..errors import printable
from ..text_limits import MAX_PARAGRAPHS, MAX_TABLE_COLUMNS
from .odt_styles import ParagraphStyle, Styles, read_styles
from .odt_styles import attribute as _attribute
from .odt_styles import tag as _tag
from .office_package import package_problem
from .page_margins import PageMargins, useful
from .pieces import Picture, Piece, Span, picture_kind
from .word_tables import CELL_SEPARATOR

#: How deep sections, lists and tables may stand inside each other; a letter nests a
#: few levels, and a file nested deeper is a bomb or a mistake.
MAX_DEPTH = 40
#: List levels deeper than this are written at this depth (a letter's lists are shallow).
MAX_LIST_LEVEL = 3
MAX_PICTURE_BYTES = 20 * 1024 * 1024
#: A footnote's text is kept up to this long (a footnote is a remark or a source).
MAX_NOTE_CHARACTERS = 2000
_XML = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                       remove_pis=True)


class OdtProblem(Exception):
    """The file is not an OpenDocument text tweeluik can read (the message says why)."""


def odt_to_pieces(path: Path) -> tuple[list[Piece], list[str], PageMargins]:
    """The paragraphs of a LibreOffice text (.odt, or flat .fodt), what was left out
    or read in a way to check, for the report, and the lines of its page header and
    footer."""
    content, styles, pictures = _parts(path)
    reading = _Reading(read_styles(styles, content), pictures)
    body = content.find(f"{_tag('office:body')}/{_tag('office:text')}")
    if body is None:
        raise OdtProblem("it holds no text document")
    reading.blocks(body, 0)
    return reading.pieces, reading.said(), _margins(styles)


def _margins(styles) -> PageMargins:
    """The lines of the page header and footer: the first page style's that has any
    (a document's first page often has a style of its own), a first page's own before
    the running one."""
    masters = list(styles.iterfind(f"{_tag('office:master-styles')}/{_tag('style:master-page')}"))

    def lines(*names: str) -> tuple[str, ...]:
        for master in masters:
            for name in names:
                part = master.find(_tag(name))
                if part is not None:
                    found = useful(["".join(paragraph.itertext()) for paragraph in
                                    part.iter(_tag("text:p"), _tag("text:h"))])
                    if found:
                        return found
        return ()

    return PageMargins(lines("style:header-first", "style:header"),
                       lines("style:footer-first", "style:footer"))


def _parts(path: Path):
    """The document's content, its styles and its pictures by name; a flat file holds all
    in one XML document, its pictures written out in it."""
    if path.suffix.lower() == ".fodt":
        try:
            root = etree.parse(str(path), _XML).getroot()
        except (etree.XMLSyntaxError, OSError) as error:
            raise OdtProblem(str(error)) from None
        return root, root, {}
    problem = package_problem(path)
    if problem is not None:
        raise OdtProblem(problem)
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "content.xml" not in names:
                raise OdtProblem("it has no content.xml")
            content = etree.fromstring(package.read("content.xml"), _XML)
            styles = etree.fromstring(package.read("styles.xml"), _XML) \
                if "styles.xml" in names else content
            pictures = {name: package.read(name) for name in names
                        if name.startswith("Pictures/") and not name.endswith("/")}
    except (zipfile.BadZipFile, OSError, KeyError, etree.XMLSyntaxError) as error:
        raise OdtProblem(str(error)) from None
    return content, styles, pictures


@dataclass
class _List:
    """A list being read: its style and the number each level has come to."""

    style: str
    counts: dict[int, int] = field(default_factory=dict)


class _Reading:
    """The pieces of the document as they are read, and what the reading left out."""

    def __init__(self, styles: Styles, pictures: dict[str, bytes]):
        self.styles = styles
        self.pictures = pictures
        self.pieces: list[Piece] = []
        self.after_break = False
        self.in_row = False
        self.left_out: list[str] = []
        self.comments = 0
        self.notes = 0
        self.tables_as_text = 0
        self.tables_kept = 0
        self.contents = False
        self.last_list: dict[str, _List] = {}  # by style: for a list that goes on

    def said(self) -> list[str]:
        said = [f"left out {item}" for item in dict.fromkeys(self.left_out)]
        if self.comments:
            said.append(f"left out {self.comments} comment{'s' if self.comments != 1 else ''}"
                        " in the margin (a booklet prints the text only)")
        if self.contents:
            said.append("left out the document's table of contents: the booklet makes its "
                        "own")
        if self.notes:
            said.append(f"put the text of {self.notes} footnote{'s' if self.notes != 1 else ''} "
                        "between brackets where each is marked (a letter has no footnotes of "
                        "its own): check that each reads well there")
        if self.tables_kept:
            said.append(f"kept {_tables(self.tables_kept)} as "
                        f"{'tables' if self.tables_kept != 1 else 'a table'}, the first row "
                        "naming the columns: check that it does")
        if self.tables_as_text:
            said.append(f"read {_tables(self.tables_as_text)} as paragraphs, row by row and "
                        "cell by cell: check that the text reads in order")
        if len(self.pieces) >= MAX_PARAGRAPHS:
            said.append(f"left out the paragraphs after the first {MAX_PARAGRAPHS:,} (a "
                        "publication holds no more: put the rest in a second one)")
        return said

    def blocks(self, parent, depth: int, in_list: _List | None = None, level: int = 0) -> None:
        """Read the paragraphs, headings, lists, tables and sections in ``parent``."""
        if depth > MAX_DEPTH:
            raise OdtProblem(f"its parts stand more than {MAX_DEPTH} deep")
        for element in parent:
            if len(self.pieces) >= MAX_PARAGRAPHS:
                return
            tag = element.tag
            if tag in (_tag("text:p"), _tag("text:h")):
                self.paragraph(element, in_list, level)
            elif tag == _tag("text:list"):
                self.read_list(element, depth, in_list, level)
            elif tag == _tag("table:table"):
                self.table(element, depth)
            elif tag == _tag("text:table-of-content"):
                self.contents = True
            elif tag in (_tag("text:section"), _tag("text:index-body"),
                         _tag("table:table-header-rows"), _tag("table:table-rows")):
                self.blocks(element, depth + 1, in_list, level)
            # (tracked deletions, forms, sequence declarations: not the letter's text)

    def read_list(self, element, depth: int, outer: _List | None, level: int) -> None:
        if depth > MAX_DEPTH:
            raise OdtProblem(f"its lists stand more than {MAX_DEPTH} deep")
        style = _attribute(element, "text:style-name")
        if outer is not None and not style:
            current = outer
        elif _attribute(element, "text:continue-numbering") == "true" \
                or _attribute(element, "text:continue-list"):
            current = self.last_list.get(style) or _List(style)
        else:
            current = _List(style)
        if outer is None and current.style:
            self.last_list[current.style] = current
        deeper = level + 1 if outer is not None else 1
        for item in element.iterchildren(_tag("text:list-item"), _tag("text:list-header")):
            if item.tag == _tag("text:list-item"):
                start = _attribute(item, "text:start-value")
                kind, first = self.styles.lists.get(current.style, {}).get(deeper, ("", 1))
                before = current.counts.get(deeper)
                current.counts[deeper] = int(start) if start.isdigit() else \
                    (before + 1 if before is not None else first)
                for inner in [key for key in current.counts if key > deeper]:
                    del current.counts[inner]  # a deeper list counts afresh
            for position, child in enumerate(item):
                if child.tag == _tag("text:list"):
                    self.read_list(child, depth + 1, current, deeper)
                elif child.tag in (_tag("text:p"), _tag("text:h")):
                    self.paragraph(child, current, deeper, first=position == 0
                                   and item.tag == _tag("text:list-item"))
                else:
                    self.blocks(child, depth + 1, current, deeper)

    def paragraph(self, element, in_list: _List | None, level: int, first: bool = True) -> None:
        style = self.styles.paragraph.get(_attribute(element, "text:style-name"),
                                          ParagraphStyle())
        spans, pictures = self.inline(element, style.bold, style.italic)
        text = "".join(span.text for span in spans)
        boxes = list(self.text_boxes(element))
        if not text.strip() and not pictures:
            self.after_break = True
        else:
            heading = 0
            if element.tag == _tag("text:h"):
                outline = _attribute(element, "text:outline-level")
                heading = int(outline) if outline.isdigit() else 1
            elif style.heading and not style.title:
                heading = style.heading
            kind, number = "", None
            if in_list is not None and first:
                # (a list without a style of its own takes its paragraph's, else shows bullets)
                levels = self.styles.lists.get(in_list.style or style.list_style, {})
                kind = levels.get(level, ("bullet", 1))[0]
                number = in_list.counts.get(level) if kind == "number" else None
            lines = tuple(line.strip() for line in text.split("\n") if line.strip())
            self.add(Piece(tuple(spans), lines, kept_lines=len(lines) > 1,  # (line breaks)
                           heading=min(heading, 6) if not in_list else 0,
                           numbered=kind == "number", list_number=number,
                           list_level=min(MAX_LIST_LEVEL, level - 1) if kind else 0,
                           bullet=kind == "bullet", in_item=in_list is not None and not first,
                           quote=style.quote, title_style=style.title,
                           caption_style=style.caption, pictures=tuple(pictures)))
        for box in boxes:
            self.blocks(box, 1)

    def text_boxes(self, element):
        """The text boxes drawn in a paragraph: their paragraphs follow it."""
        for frame in element.iter(_tag("draw:frame")):
            box = frame.find(_tag("draw:text-box"))
            if box is not None and next(frame.iterancestors(_tag("draw:text-box")), None) is None:
                yield box

    def inline(self, element, bold: bool, italic: bool) -> tuple[list[Span], list[Picture]]:
        spans: list[tuple[Span, bool]] = []  # (a span, whether its spaces are meant)
        pictures: list[Picture] = []
        self._inline(element, bold, italic, None, spans, pictures, 0)
        return _collapsed(spans), pictures

    def _inline(self, element, bold: bool, italic: bool, href: str | None,
                spans: list[tuple[Span, bool]], pictures: list[Picture], depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if element.text:
            spans.append((Span(_WHITE_SPACE.sub(" ", element.text), italic, bold, href), False))
        for child in element:
            tag = child.tag
            if tag == _tag("text:span"):
                own_bold, own_italic = self.styles.text.get(
                    _attribute(child, "text:style-name"), (False, False))
                self._inline(child, bold or own_bold, italic or own_italic, href, spans,
                             pictures, depth + 1)
            elif tag == _tag("text:a"):
                self._inline(child, bold, italic, _attribute(child, "xlink:href") or "#", spans,
                             pictures, depth + 1)
            elif tag == _tag("text:line-break"):
                spans.append((Span("\n"), True))
            elif tag == _tag("text:tab"):
                spans.append((Span("\t"), True))
            elif tag == _tag("text:s"):
                count = _attribute(child, "text:c")
                spans.append((Span(" " * min(int(count) if count.isdigit() else 1, 80)), True))
            elif tag == _tag("text:note"):
                body = child.find(_tag("text:note-body"))
                words = " ".join("".join(body.itertext()).split()) if body is not None else ""
                if words:
                    self.notes += 1
                    spans.append((Span(f" ({words[:MAX_NOTE_CHARACTERS]})"), False))
            elif tag == _tag("office:annotation"):
                self.comments += 1
            elif tag == _tag("draw:frame"):
                self.frame(child, pictures)
            elif isinstance(tag, str) and tag not in _NO_WORDS:
                # a field shows its value as its text (a date, a user field's
                # '#VERLEIHER#', a placeholder), as do a ruby's base and a meta's words;
                # a picture's link (draw:a) holds the picture
                self._inline(child, bold, italic, href, spans, pictures, depth + 1)
            if child.tail:
                spans.append((Span(_WHITE_SPACE.sub(" ", child.tail), italic, bold, href), False))

    def frame(self, frame, pictures: list[Picture]) -> None:
        name = printable(_attribute(frame, "draw:name")[:40]) or "no name"
        if frame.find(_tag("draw:object")) is not None \
                or frame.find(_tag("draw:object-ole")) is not None:
            self.left_out.append(f"an object embedded in the document (“{name}”: a spreadsheet, "
                                 "a chart or a formula), which a booklet cannot show; paste "
                                 "its figures into the text as a table, or save it as a "
                                 "picture and add it")
            return
        image = frame.find(_tag("draw:image"))
        if image is None:
            return  # a text box: its paragraphs are read after the paragraph
        alt = " ".join(" ".join(filter(None, (frame.findtext(_tag("svg:title")),
                                              frame.findtext(_tag("svg:desc"))))).split())
        target = _attribute(image, "xlink:href")
        data = self.pictures.get(target)
        binary = image.find(_tag("office:binary-data"))
        if data is None and binary is not None and binary.text:
            try:
                data = base64.b64decode("".join(binary.text.split()), validate=True)
            except (binascii.Error, ValueError):
                data = None
        described = alt or f"“{name}”, no description"
        if data is None:
            self.left_out.append(f"a picture kept outside the file ({described})")
            return
        if len(data) > MAX_PICTURE_BYTES:
            self.left_out.append(f"a picture larger than 20 MB ({described})")
            return
        kind = picture_kind(data)
        if kind is None:
            self.left_out.append(f"a picture in a format tweeluik cannot use ({described}); "
                                 "save it as PNG or JPEG and add it")
            return
        pictures.append(Picture(data, kind, alt))

    def table(self, element, depth: int) -> None:
        """A table of data (a header row, or a first row in bold) as a table; another
        cell by cell, each cell's paragraphs on their own."""
        rows = [row for row in element.iter(_tag("table:table-row"))
                if next(row.iterancestors(_tag("table:table")), None) is element]
        header = element.find(_tag("table:table-header-rows")) is not None
        cells = [[cell for cell in row.iterchildren(_tag("table:table-cell"))] for row in rows]
        width = max((len(row) for row in cells), default=0)
        nested = any(inner is not element for inner in element.iter(_tag("table:table")))
        first_bold = bool(cells) and all(self._bold_cell(cell) for cell in cells[0]
                                         if "".join(cell.itertext()).strip())
        if rows and 1 < width <= MAX_TABLE_COLUMNS and not nested and (header or first_bold) \
                and len(rows) > 1:
            read = tuple(tuple(tuple(self._cell_spans(cell)) for cell in row) for row in cells)
            lines = tuple(CELL_SEPARATOR.join("".join(span.text for span in cell).strip()
                                              for cell in row) for row in read)
            self.tables_kept += 1
            self.add(Piece((Span(" ".join(lines)),), lines, table=True, rows=read))
            return
        self.tables_as_text += 1
        for row in cells:
            for cell in row:
                self.after_break = True
                was, self.in_row = self.in_row, True
                self.blocks(cell, depth + 1)
                self.in_row = was
        self.after_break = True

    def _bold_cell(self, cell) -> bool:
        paragraphs = list(cell.iter(_tag("text:p"), _tag("text:h")))
        return bool(paragraphs) and all(
            (span.bold or not span.text.strip())
            for paragraph in paragraphs
            for span in self.inline(paragraph, *self._style_emphasis(paragraph))[0])

    def _style_emphasis(self, paragraph) -> tuple[bool, bool]:
        style = self.styles.paragraph.get(_attribute(paragraph, "text:style-name"),
                                          ParagraphStyle())
        return style.bold, style.italic

    def _cell_spans(self, cell) -> list[Span]:
        spans: list[Span] = []
        for paragraph in cell.iter(_tag("text:p"), _tag("text:h")):
            if spans:
                spans.append(Span(" "))
            spans.extend(span for span in self.inline(paragraph,
                                                      *self._style_emphasis(paragraph))[0])
        return [Span(" ".join(span.text.split()) if span.text.strip() else " ", span.italic,
                     span.bold, span.href) for span in spans]

    def add(self, piece: Piece) -> None:
        if self.after_break or self.in_row:
            piece = replace(piece, after_break=piece.after_break or self.after_break,
                            in_row=self.in_row)
        self.pieces.append(piece)
        self.after_break = False


#: Spaces, tabs and line ends in a paragraph's XML: one space, as in HTML (OpenDocument
#: writes a tab, a line break and more spaces than one as elements of their own).
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")


def _collapsed(spans: list[tuple[Span, bool]]) -> list[Span]:
    """The spans of a paragraph with the white space of its XML collapsed across their
    edges (a space that ends one and starts the next is one), and none at its start;
    the spaces, tabs and line breaks written as elements kept."""
    out: list[Span] = []
    space_before = True  # (at the paragraph's start, a space is none)
    for span, meant in spans:
        text = span.text
        if not meant and space_before and text.startswith(" "):
            text = text[1:]
        if text:
            space_before = text.endswith((" ", "\n", "\t"))
            out.append(replace(span, text=text))
    return out


#: The inline elements that hold no words of the letter: marks, page numbers and counts,
#: a tracked change's marks, the end of a comment, a table of contents' mark.
_NO_WORDS = {_tag(name) for name in (
    "text:bookmark", "text:bookmark-start", "text:bookmark-end", "text:bookmark-ref",
    "text:reference-mark", "text:reference-mark-start", "text:reference-mark-end",
    "text:soft-page-break", "text:change", "text:change-start", "text:change-end",
    "text:page-number", "text:page-count", "text:page-continuation", "text:toc-mark",
    "text:toc-mark-start", "text:toc-mark-end", "text:alphabetical-index-mark",
    "text:alphabetical-index-mark-start", "text:alphabetical-index-mark-end",
    "office:annotation-end", "text:number", "text:note-citation", "draw:custom-shape",
    "draw:rect", "draw:line", "draw:polyline", "draw:polygon", "draw:path", "draw:circle",
    "draw:ellipse", "draw:connector", "draw:g", "draw:control", "text:sequence-ref")}


def _tables(count: int) -> str:
    return "the table" if count == 1 else f"the {count} tables"
