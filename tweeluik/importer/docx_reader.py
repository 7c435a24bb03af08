"""Read a Word letter (.docx) into paragraphs, with python-docx.

Step 0 of the pipeline (bringing a letter in), for ``.docx`` files: each paragraph with
its italic, bold and links, whether Word marks it as a heading, a numbered list item or
the title, and the pictures in it with their descriptions. Tables and text boxes are
not read; the report says so when the file has them.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.hyperlink import Hyperlink

from .pieces import Picture, Piece, Span

PICTURE_TYPES = {"image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg"}
HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "titel"}
LIST_STYLES = re.compile(r"^(?:list number|lijstnummering)", re.IGNORECASE)
BULLET_STYLES = re.compile(r"^(?:list bullet|lijstopsommingsteken)", re.IGNORECASE)
QUOTE_STYLES = re.compile(r"^(?:quote|intense quote|block text|citaat|duidelijk citaat|"
                          r"bloktekst)$", re.IGNORECASE)
_BLIP = qn("a:blip")
_EMBED = qn("r:embed")


class DocxProblem(Exception):
    """The file is not a Word document tweeluik can read."""


def docx_to_pieces(path: Path) -> tuple[list[Piece], list[str], list[str]]:
    """(paragraphs, pictures left out, other things not read) of a Word file."""
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a file it cannot use
        raise DocxProblem(str(error)) from None
    pieces: list[Piece] = []
    left_out: list[str] = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        heading = HEADING_STYLE.match(style or "")
        kind = _list_kind(document, paragraph, style or "")
        spans = list(_spans(paragraph))
        pictures = []
        for drawing in paragraph._p.iter(qn("w:drawing")):
            picture = _picture(document, drawing)
            if isinstance(picture, Picture):
                pictures.append(picture)
            else:
                left_out.append(picture)
        text = "".join(span.text for span in spans)
        if not text.strip() and not pictures:
            continue
        pieces.append(Piece(tuple(spans), tuple(line.strip() for line in text.split("\n")
                                                if line.strip()),
                            heading=int(heading.group(1)) if heading else 0,
                            numbered=kind == "number", bullet=kind == "bullet",
                            quote=bool(QUOTE_STYLES.match(style or "")),
                            title_style=(style or "").lower() in TITLE_STYLES,
                            pictures=tuple(pictures)))
    unread = []
    if document.tables:
        unread.append(f"{len(document.tables)} table{'s' if len(document.tables) != 1 else ''}")
    return pieces, left_out, unread


def _list_kind(document, paragraph, style: str) -> str | None:
    """"bullet" or "number" for a paragraph of a Word list (by its style, else by the
    format of its numbering level), else ``None``."""
    if BULLET_STYLES.match(style):
        return "bullet"
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
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


def _spans(paragraph):
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            address = item.address or ""
            if item.fragment:
                address = f"{address}#{item.fragment}" if address else f"#{item.fragment}"
            for run in item.runs:
                yield Span(run.text, bool(run.italic), bool(run.bold), address or "#")
        else:
            yield Span(item.text, bool(item.italic), bool(item.bold))


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
    return Picture(part.blob, kind, alt)
