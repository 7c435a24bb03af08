"""A web page saved as HTML, parsed and cleaned of what only a screen shows (step 0).

Step 0 of the pipeline (bringing a letter in), for ``html_reader``: the page's text in
the encoding it names; its elements without scripts, styles, menus, forms, buttons and
what it hides (a mailing's preview line); the part that holds the letter (its ``main``
or only ``article``); and what the reader asks of an element: whether a table holds
data, whether every word of it is a link.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..text_limits import MAX_TABLE_COLUMNS
from .word_tables import DATA_CELL_WORDS

#: What a page has only for the screen: never words of the letter.
LEFT_OUT = {"script", "style", "noscript", "template", "head", "nav", "form", "button",
            "select", "input", "textarea", "iframe", "svg", "canvas", "object", "embed",
            "audio", "video", "map", "title", "meta", "link", "dialog", "label", "output",
            "datalist", "progress", "meter"}
#: Elements that hold blocks: their words between blocks are paragraphs of their own.
CONTAINERS = {"html", "body", "div", "section", "article", "main", "header", "footer",
              "aside", "center", "figure", "details", "fieldset", "dl", "td", "th",
              "tbody", "thead", "tfoot", "tr", "caption", "summary"}
#: Elements whose words are one paragraph.
PARAGRAPHS = {"p", "address", "dt", "dd", "figcaption", "pre", "legend"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul", "ol", "menu"}
BLOCKS = CONTAINERS | PARAGRAPHS | HEADINGS | LISTS | {"blockquote", "table", "hr", "li"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class HtmlProblem(Exception):
    """The file is not a web page tweeluik can read (the message says why)."""


#: What a page shows in a frame of its own: a video, a map, another page.
EMBEDDED = {"iframe", "video", "audio", "object", "embed"}


def embedded_addresses(root) -> list[str]:
    """The addresses of the videos and pages a page shows in frames of its own, in order
    (``cleaned_page`` leaves them out: the report says them)."""
    found = []
    for element in root.iter(*EMBEDDED):
        address = (element.get("src") or element.get("data") or "").strip()
        if not address:
            source = element.find(".//source")
            address = (source.get("src") or "").strip() if source is not None else ""
        if address and not _hidden(element):
            found.append(address)
    return found


def cleaned_page(data: bytes | str) -> tuple:
    """The page's root element, without what only a screen shows, and the addresses of
    what it showed in frames of its own (``embedded_addresses``), for the report. A
    page read from an e-mail comes decoded already, as ``str``."""
    if (b"\x00" in data[:4096]) if isinstance(data, bytes) else "\x00" in data[:4096]:
        raise HtmlProblem("it holds binary data")
    text = data if isinstance(data, str) else _decoded(data)
    try:
        # (an XHTML page's XML declaration: lxml takes none in a text already decoded;
        # a page nested deeper than libxml2's default limit is read as deep as it goes,
        # 2,048, and ``html_reader`` bounds its own depth)
        root = lxml.html.document_fromstring(
            re.sub(r"^\s*<\?xml[^>]*\?>", "", text),
            parser=lxml.html.HTMLParser(huge_tree=True, no_network=True))
    except (etree.ParserError, ValueError) as error:
        raise HtmlProblem(str(error)) from None
    for element in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(element)  # a page's comments, a script's '<?php … ?>'
    embedded = embedded_addresses(root)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and (element.tag in LEFT_OUT or _hidden(element)):
            _drop(element)
    return root, embedded


def main_part(root):
    """The element that holds the letter: the page's ``main``, or its only ``article``,
    else the whole page."""
    main = root.find(".//main")
    articles = root.findall(".//article")
    return main if main is not None else articles[0] if len(articles) == 1 else root


#: A page's own word on its encoding: '<meta charset="utf-8">', or in its content type.
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _decoded(data: bytes) -> str:
    """The page's text: in the encoding it names, else UTF-8, else Windows' (a page
    without a word on it, such as a site's part kept without its head)."""
    named = _CHARSET.search(data[:4096])
    if named:
        try:
            return data.decode(named.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _drop(element) -> None:
    """Take an element out of the page, keeping the words that follow it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _hidden(element) -> bool:
    """True for what the page does not show: hidden, or a mailing's preview line."""
    return element.get("hidden") is not None or element.get("aria-hidden") == "true" \
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def all_linked(element) -> bool:
    """True when every word inside ``element`` stands inside a link."""
    return _every_word_inside(element, "ancestor-or-self::a[@href]")


def _every_word_inside(element, ancestors: str) -> bool:
    """True when every word inside ``element`` stands inside an element that the XPath
    ``ancestors`` (from the element holding the word) finds."""
    for text in element.xpath(".//text()[normalize-space()]"):
        owner = text.getparent()
        if text.is_tail:
            owner = owner.getparent()
        if owner is None or not owner.xpath(ancestors):
            return False
    return True


def table_of(row):
    """The table a row belongs to (not a table inside one of its cells)."""
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def holds_data(table, cells: list[list]) -> bool:
    """Whether a table holds data (as ``word_tables`` decides for Word's): every row as
    wide, two to ``MAX_TABLE_COLUMNS`` columns, a first row that names every column and
    that the page marks as a header (its cells are headers, ``th``, or all in bold: a
    table of labels and values has none), short cells without blocks or pictures,
    something below the first row, and no sign that it only lays the page out."""
    if (table.get("role") or "").lower() in ("presentation", "none") or not cells:
        return False
    widths = {len(row) for row in cells}
    if len(cells) < 2 or len(widths) != 1 or not 2 <= widths.pop() <= MAX_TABLE_COLUMNS:
        return False
    if any(cell.get("colspan") not in (None, "1") or holds_blocks(cell)
           or cell.find(".//img") is not None for row in cells for cell in row):
        return False
    texts = [[" ".join(cell.text_content().split()) for cell in row] for row in cells]
    if any(len(text.split()) > DATA_CELL_WORDS for row in texts for text in row):
        return False
    labels = sum(1 for row in texts if row[0].endswith(":"))
    return all(texts[0]) and labels * 2 < len(texts) and any(any(row) for row in texts[1:]) \
        and all(cell.tag == "th" or _all_bold(cell) for cell in cells[0])


def _all_bold(element) -> bool:
    """True when every word inside ``element`` stands in bold ('<b>', '<strong>')."""
    return _every_word_inside(element, "ancestor-or-self::*[self::b or self::strong]")


def holds_blocks(element) -> bool:
    """True for an element that holds blocks (a link around a paragraph)."""
    return any(isinstance(inner.tag, str) and inner.tag in BLOCKS
               for inner in element.iterdescendants())
