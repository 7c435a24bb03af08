"""Fill-in hints a template prints on its slides: found, and left out of the deck; and
dates it prints as plain text, found and named.

Part of step 3 of the deck writer, on both sides: ``pptx_reader`` finds the hints a
template's masters and layouts print in text boxes of their own (not placeholders, whose
prompts never show), such as '<Project name>', '<Autor>' or '<Dateiname>.ppt', for the
template's description; ``pptx_writer`` takes them out of the deck's copy of those
masters and layouts, as the plan says, so no slide shows them. The template file itself
is not changed.

A hint goes with the word it is part of ('<Dateiname>.ppt') and with the separator that
joined it to the words before or after it ('Club day - <Project name>' → 'Club day').
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from .template_xml import NS

#: A fill-in hint a template's author left in angle brackets: '<Project name>', '<Autor>'.
ANGLED_HINT = re.compile(r"<[^<>]{2,40}>")
#: What joins a hint to the words beside it: spaces and a separator between them.
_GAP = r"[\s\-–—|·•,:;/]*"
_A = f"{{{NS['a']}}}"


def _own_text_boxes(presentation) -> Iterator[etree._Element]:
    """The text shapes (not placeholders) of every master and layout, groups' too."""
    for master in presentation.slide_masters:
        for owner in (master, *master.slide_layouts):
            for shape in owner._element.iter(f"{{{NS['p']}}}sp"):
                if shape.find("p:nvSpPr/p:nvPr/p:ph", NS) is None:
                    yield shape


def printed_hints(presentation) -> tuple[str, ...]:
    """The fill-in hints that masters and layouts print in their own text boxes, each
    once, in the order they are found."""
    found: dict[str, None] = {}
    for shape in _own_text_boxes(presentation):
        for paragraph in shape.iter(f"{_A}p"):  # as ``leave_out_hints`` reads them
            text = "".join(text for _, text in _pieces(paragraph))
            found.update(dict.fromkeys(ANGLED_HINT.findall(text)))
    return tuple(found)


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|januari|februari|maart|mei|juni|juli|augustus|oktober|januar|februar|"
           "märz|maerz|mai|dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|"
           "septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|"
           "junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|"
           "fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro")
#: A whole date written out (not a date field, which shows the day it is shown):
#: '18. August 2023', '3 mei 2024', 'March 5, 2021', '03.05.2024', '2023-08-18'.
WRITTEN_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s+(?:{_MONTHS})\s+(?:19|20)\d\d|(?:{_MONTHS})\s+\d{{1,2}},?\s+"
    rf"(?:19|20)\d\d|\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b",
    re.IGNORECASE)


def printed_dates(presentation) -> tuple[str, ...]:
    """The dates that masters and layouts print as plain text in their own text boxes
    (a date left from the deck the template was made from), each once: a date field,
    which shows the day the deck is shown, is not one of them."""
    found: dict[str, None] = {}
    for shape in _own_text_boxes(presentation):
        for paragraph in shape.iter(f"{_A}p"):
            text = "".join(text for element, text in _pieces(paragraph)
                           if etree.QName(element).localname != "fld")
            found.update(dict.fromkeys(match.group() for match in WRITTEN_DATE.finditer(text)))
    return tuple(found)


def _pieces(paragraph) -> list[tuple[etree._Element, str]]:
    """A paragraph's runs, fields and line breaks with the text each shows."""
    pieces = []
    for element in paragraph:
        local = etree.QName(element).localname
        if local in ("r", "fld"):
            pieces.append((element, element.findtext(f"{_A}t") or ""))
        elif local == "br":
            pieces.append((element, "\n"))
    return pieces


def _spans_to_drop(text: str, hints: set[str]) -> list[tuple[int, int]]:
    """Where the hints stand in ``text``, each with its word and the gap joining it to
    the words before (or, at the start, after) it."""
    spans = []
    for match in ANGLED_HINT.finditer(text):
        if match.group() not in hints:
            continue
        start, end = match.span()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        before = re.search(_GAP + r"\Z", text[:start])
        if before is not None and before.start() > 0:
            start = before.start()
        else:
            end += re.match(_GAP, text[end:]).end()  # type: ignore[union-attr]
        spans.append((start, end))
    return spans


def _leave_out_of_paragraph(paragraph, hints: set[str]) -> bool:
    pieces = _pieces(paragraph)
    spans = _spans_to_drop("".join(text for _, text in pieces), hints)
    if not spans:
        return False
    offset = 0
    for element, text in pieces:
        kept = "".join(char for index, char in enumerate(text, start=offset)
                       if not any(start <= index < end for start, end in spans))
        offset += len(text)
        if kept == text:
            continue
        if kept and etree.QName(element).localname == "r":
            element.find(f"{_A}t").text = kept
        else:
            paragraph.remove(element)
    return True


def leave_out_hints(presentation, hints: Iterable[str]) -> int:
    """Take ``hints`` out of the text boxes of the deck's masters and layouts; return in
    how many paragraphs one was found."""
    wanted = set(hints)
    if not wanted:
        return 0
    return sum(_leave_out_of_paragraph(paragraph, wanted)
               for shape in _own_text_boxes(presentation)
               for paragraph in shape.iter(f"{_A}p"))
