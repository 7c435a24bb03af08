"""Read a web page saved as HTML (.html, .htm) into paragraphs.

Step 0 of the pipeline (bringing a letter in), for a page a browser saved or a mailing
sent as HTML, cleaned by ``html_page``: its headings, paragraphs (with italic, bold,
links and line breaks), lists (and lists inside their items), quotations and tables of
data, in the order they stand. The site's name and menus above the page's own title are
left out, and a name under the title is the page's byline. A table that lays the page
out (a mailing's, or one that holds paragraphs or other tables) is read cell by cell, as
the text it holds; a row of short cells is one paragraph. Two line breaks start a
paragraph, and a line in bold over a line break heads one, as mailings write them. A
picture in a file beside the page comes in; one on the web is said, never fetched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from ..errors import printable
from ..text_limits import MAX_PARAGRAPHS
from .html_page import (
    BLOCKS,
    HEADINGS,
    LISTS,
    PARAGRAPHS,
    all_linked,
    cleaned_page,
    holds_blocks,
    holds_data,
    main_part,
    table_of,
)
from .pieces import Picture, Piece, Span
from .signature import split_names
from .word_tables import CELL_SEPARATOR, SHORT_CELL_WORDS

#: A line break ('<br>') while a paragraph is read: a character white space is not.
BREAK = "\u2028"
#: A heading of more words than this is a paragraph set large (a mailing's opening).
HEADING_WORDS = 16
#: How deep elements may stand inside one another before what they hold is read as
#: plain text (a page nested thousands deep must not exhaust the reader).
MAX_DEPTH = 60
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    href: str | None = None
    linked: bool = False  # inside a link, to anywhere
    large: bool = False  # set larger than running text (a mailing's headings)


@dataclass(frozen=True)
class _Read(Span):
    """Words as the page set them: inside a link (a menu's, a button's, or a link in a
    sentence), or larger than the running text."""

    linked: bool = False
    large: bool = False


def _span(text: str, style: _Style) -> Span:
    return _Read(text, style.italic, style.bold, style.href, linked=style.linked,
                 large=style.large)


#: A picture's file beside the page, by the name the page gives it: the picture, or
#: what to do instead.
PictureBeside = Callable[[str], tuple[Picture | None, str | None]]


@dataclass
class _Reading:
    beside: PictureBeside
    pieces: list[Piece] = field(default_factory=list)
    pictures_on_the_web: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    full: bool = False  # MAX_PARAGRAPHS read: the rest is left out
    levels: dict[int, int] = field(default_factory=dict)  # a heading's (by id): 1 for h1
    buttons: list[str] = field(default_factory=list)  # share and forward buttons left out
    links_only: set[int] = field(default_factory=set)  # paragraphs (by id) of links alone,
    #                                                    and short items: a menu's


def html_to_pieces(data: bytes | str, beside: PictureBeside) -> tuple[list[Piece], list[str], str]:
    """The paragraphs of a web page, what was left out (for the report), and the name
    of its writer when a heading under its title gives it (its byline, taken out of the
    text); ``beside`` reads a picture's file that stands beside the page."""
    root, embedded = cleaned_page(data)
    top = main_part(root)
    reading = _Reading(beside)
    _blocks(top, reading, _Style(), 0, level=0)
    problems = reading.problems
    if reading.pictures_on_the_web:
        shown = ", ".join(f"“{printable(alt[:60])}”" for alt in reading.pictures_on_the_web[:3]
                          if alt)
        count = len(reading.pictures_on_the_web)
        problems.append(f"left out {count} picture{'s' if count != 1 else ''} kept on the web"
                        f"{' (' + shown + ')' if shown else ''}: nothing is fetched; save each "
                        "one in content/images/ and write ![description](images/NAME.jpg) "
                        "where it goes")
    if embedded:
        count = len(embedded)
        problems.append(f"left out {count} video{'s' if count != 1 else ''} or page"
                        f"{'s' if count != 1 else ''} the page showed in a frame "
                        f"({', '.join(printable(address[:80]) for address in embedded[:2])}"
                        f"{' …' if count > 2 else ''}): paper "
                        "cannot show it; write its address as a link where it stood, if "
                        "readers should find it")
    if reading.buttons:
        count = len(reading.buttons)
        problems.append(f"left out {count} button{'s' if count != 1 else ''} to share or "
                        f"forward the page or change a subscription "
                        f"(“{printable(reading.buttons[0][:40])}”"
                        f"{' …' if count > 1 else ''}): on paper they lead nowhere")
    if reading.full:
        problems.append(f"left out the paragraphs after the first {MAX_PARAGRAPHS:,} (a "
                        "publication holds no more: put the rest in a second one)")
    pieces, levels = _without_menus(reading, problems), reading.levels
    byline = next((index for index, piece in enumerate(pieces[1:4], start=1)
                   if levels.get(id(piece), 0) >= 4 and levels.get(id(pieces[index - 1])) == 1
                   and len(piece.text.split()) <= 4
                   and split_names(piece.text, allow_single=True) == [piece.text]), None)
    if byline is None:
        return pieces, problems, ""
    return [*pieces[:byline], *pieces[byline + 1:]], problems, pieces[byline].text


def _without_menus(reading: _Reading, problems: list[str]) -> list[Piece]:
    """The pieces without a site's or a mailing's menus and buttons above the page's
    title (its first heading of the highest level that is not a link): paragraphs and
    headings of links alone (the site's name linking home), and short list items
    ('Subscribe', 'Past Issues', 'Translate' over fifty languages)."""
    pieces, levels = reading.pieces, reading.levels
    own = {key: level for key, level in levels.items() if key not in reading.links_only}
    highest = min(own.values(), default=0)
    title = next((index for index, piece in enumerate(pieces)
                  if own.get(id(piece)) == highest), None)
    if title is None:
        return pieces
    menus = [piece for piece in pieces[:title] if id(piece) in reading.links_only]
    if menus:
        count = len(menus)
        problems.append(f"left out {count} line{'s' if count != 1 else ''} of the page's "
                        f"menus and buttons above its title (“{printable(menus[0].text[:40])}”"
                        f"{' …' if count > 1 else ''})")
    left_out = {id(piece) for piece in menus}
    return [piece for piece in pieces if id(piece) not in left_out]


def _add(reading: _Reading, piece: Piece) -> None:
    if len(reading.pieces) >= MAX_PARAGRAPHS:
        reading.full = True
        return
    reading.pieces.append(piece)


def _blocks(element, reading: _Reading, style: _Style, depth: int, level: int,
            quote: bool = False, in_item: bool = False) -> None:
    """The blocks inside ``element``: its words between blocks are paragraphs, each
    block read by its kind."""
    if depth > MAX_DEPTH:
        words = " ".join(element.text_content().split())
        if words:
            _add(reading, Piece((Span(words),), (words,), quote=quote, in_item=in_item))
        return
    loose: list[Span] = []

    def flush() -> None:
        _paragraph(loose, reading, quote=quote, in_item=in_item)
        loose.clear()

    if element.text:
        loose.append(_span(element.text, style))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCKS or tag not in BLOCKS and holds_blocks(child):
            flush()
            _block(child, reading, _styled(child, style), depth + 1, level, quote, in_item)
        else:
            loose.extend(_inline(child, reading, style, depth + 1))
        if child.tail:
            loose.append(_span(child.tail, style))
    flush()


def _block(element, reading: _Reading, style: _Style, depth: int, level: int, quote: bool,
           in_item: bool) -> None:
    tag = element.tag
    if tag in HEADINGS:
        spans = _spans_of(element, reading, style, depth)  # (once: a picture in it comes in)
        text = _text_of(spans)
        if all_linked(element) and reading.levels or len(text.split()) > HEADING_WORDS:
            # (a button set large, "Bekijk de flyer", or a paragraph set large)
            _paragraph(spans, reading, quote, in_item)
        elif text:
            heading = Piece((Span(text, bold=True),), (text,), marked_heading=True, quote=quote)
            reading.levels[id(heading)] = int(tag[1])
            _add(reading, heading)
            if all_linked(element):  # a site's name over every page, linking home
                reading.links_only.add(id(heading))
    elif tag in PARAGRAPHS:
        if holds_blocks(element):
            _blocks(element, reading, style, depth, level, quote, in_item)
        else:
            _paragraph(_spans_of(element, reading, style, depth), reading, quote=quote,
                       in_item=in_item)
    elif tag in LISTS:
        _list(element, reading, style, depth, level, quote)
    elif tag == "li":  # an item outside a list
        _item(element, reading, style, depth, level, quote, ordered=False, number=None)
    elif tag == "blockquote":
        _blocks(element, reading, style, depth, level, quote=True, in_item=in_item)
    elif tag == "table":
        _table(element, reading, style, depth, quote)
    elif tag != "hr":  # (a rule: the booklet has its own spacing)
        _blocks(element, reading, style, depth, level, quote, in_item)


def _list(element, reading: _Reading, style: _Style, depth: int, level: int,
          quote: bool) -> None:
    ordered = element.tag == "ol"
    try:
        number = int(element.get("start") or 1)
    except ValueError:
        number = 1
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in LISTS:  # a list written straight inside a list
            _list(child, reading, style, depth + 1, level + 1, quote)
            continue
        _item(child, reading, _styled(child, style), depth + 1, level, quote, ordered,
              number if ordered else None)
        number += 1


def _item(element, reading: _Reading, style: _Style, depth: int, level: int, quote: bool,
          ordered: bool, number: int | None) -> None:
    """A list item: its first words are the item, a list inside it a level deeper, its
    further paragraphs go on with it."""
    spans: list[Span] = []
    if element.text:
        spans.append(_span(element.text, style))
    rest: list = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if rest or tag in BLOCKS and not (tag == "p" and not _text_of(spans)):
            rest.append(child)
            continue
        if tag == "p":  # the item's first paragraph: its words
            spans.extend(_spans_of(child, reading, style, depth + 1))
        else:
            spans.extend(_inline(child, reading, style, depth + 1))
        if child.tail:
            spans.append(_span(child.tail, style))
    piece = _piece(spans, quote=quote)
    if piece is not None:
        item = Piece(piece.spans, piece.lines, numbered=ordered, bullet=not ordered,
                     list_number=number, list_level=level, quote=quote,
                     kept_lines=piece.kept_lines)
        _add(reading, item)
        if _links_only(spans) or len(item.text.split()) <= 3:  # (a menu's items)
            reading.links_only.add(id(item))
    for child in rest:
        if child.tag in LISTS:
            _list(child, reading, _styled(child, style), depth + 1, level + 1, quote)
        else:
            _block(child, reading, _styled(child, style), depth + 1, level, quote,
                   in_item=True)
        if child.tail and child.tail.strip():
            _paragraph([Span(child.tail)], reading, quote=quote, in_item=True)


def _table(element, reading: _Reading, style: _Style, depth: int, quote: bool) -> None:
    """A table of data as a table; a table that lays out a page cell by cell, a row of
    short cells as one paragraph."""
    rows = [row for row in element.iter("tr") if table_of(row) is element]
    cells = [[cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
             for row in rows]
    if holds_data(element, cells):
        data = tuple(tuple(_cell_spans(cell, reading, depth) for cell in row) for row in cells)
        lines = tuple(CELL_SEPARATOR.join(_text_of(list(spans)) for spans in row)
                      for row in data)
        _add(reading, Piece((Span(" ".join(lines)),), lines, table=True, rows=data))
        return
    for row in cells:
        texts = [" ".join(cell.text_content().split()) for cell in row]
        filled = [text for text in texts if text]
        if len(filled) > 1 and all(len(text.split()) <= SHORT_CELL_WORDS for text in filled) \
                and not any(holds_blocks(cell) for cell in row):
            # (a value cell that opens with the colon of its label's: 'Naam: Stichting X')
            words = re.sub(rf"{re.escape(CELL_SEPARATOR)}:\s*", ": ", CELL_SEPARATOR.join(filled))
            piece = Piece((Span(words),), (words,), quote=quote, in_row=True)
            _add(reading, piece)
            if all(all_linked(cell) for cell in row):
                reading.links_only.add(id(piece))
            continue
        for cell in row:
            _blocks(cell, reading, _styled(cell, style), depth + 1, 0, quote)


def _cell_spans(cell, reading: _Reading, depth: int) -> tuple[Span, ...]:
    """A table cell's words as one paragraph's spans ('Kosten <b>totaal</b>' keeps the
    space between its words)."""
    piece = _piece(_spans_of(cell, reading, _styled(cell, _Style()), depth + 1))
    if piece is None:
        return ()
    return tuple(Span(span.text.replace("\n", " "), span.italic, span.bold, span.href)
                 for span in piece.spans)


def _paragraph(spans: list[Span], reading: _Reading, quote: bool = False,
               in_item: bool = False) -> None:
    """The paragraphs of ``spans``: two line breaks in a row ('<br><br>', as a mailing
    sets its paragraphs) start another."""
    groups: list[list[Span]] = [[]]
    breaks = 0  # line breaks in a row, with nothing but white space between them
    for span in spans:
        if span.text == BREAK:
            breaks += 1
            if breaks == 2:  # (the first of the two ends the paragraph before)
                while groups[-1] and (groups[-1][-1].text == BREAK
                                      or not groups[-1][-1].text.strip()):
                    groups[-1].pop()
                groups.append([])
                continue
        elif span.text.strip():
            breaks = 0
        groups[-1].append(span)
    parts: list[list[Span]] = []
    for group in groups:
        split = _bold_line_apart(group)
        # (a large line under a bold one is its subtitle, not a heading of its own)
        parts.extend(split if len(split) > 1 else [_large_line_bold(group)])
    for part in parts:
        piece = _piece(part, quote=quote, in_item=in_item)
        if piece is not None and _links_only(part) and all(
                SHARE_LINK.search(span.href or "") for span in part if span.text.strip()):
            reading.buttons.append(piece.text)  # (left out, and said: on paper it leads
            #                                     nowhere)
            continue
        if piece is not None:
            _add(reading, piece)
            if _links_only(part):
                reading.links_only.add(id(piece))


#: Where a mailing's buttons lead: to share it, forward it, or change a subscription
#: (a forward link carries the code of the reader who saved the page).
SHARE_LINK = re.compile(r"facebook\.com/shar|twitter\.com/(share|intent)|x\.com/intent|"
                        r"linkedin\.com/(share|shareArticle)|forward-to-friend|/forward\?|"
                        r"list-manage\.com/(profile|unsubscribe)|whatsapp\.com/send|"
                        r"api\.whatsapp|/unsubscribe|mailto:\?", re.IGNORECASE)
#: A line in bold over a paragraph, with a line break between, heads it: at most so
#: many words.
BOLD_LINE_WORDS = 10


def _bold_line_apart(spans: list[Span]) -> list[list[Span]]:
    """A paragraph whose first line is wholly in bold, with words under it ('<strong>
    Vooruitblik 2021</strong><br>Er komt …', as a mailing heads its parts): the line and
    the words as two paragraphs, so that the line can head a part."""
    at = next((index for index, span in enumerate(spans) if span.text == BREAK), None)
    if at is None:
        return [spans]
    line, rest = spans[:at], spans[at + 1:]
    visible = [span for span in line if span.text.strip()]
    if not visible or not all(span.bold for span in visible) \
            or len(_text_of(line).split()) > BOLD_LINE_WORDS or not _text_of(rest):
        return [spans]
    return [line, rest]


def _large_line_bold(spans: list[Span]) -> list[Span]:
    """A short line set wholly larger than running text, as a mailing heads a part
    ('Meer samenwerking met het Forum' at 18 px), in bold, as a word processor's heading
    comes in: so it heads its part. A paragraph set large keeps its weight."""
    visible = [span for span in spans if span.text.strip()]
    text = _text_of(spans)
    if not visible or not all(isinstance(span, _Read) and span.large for span in visible) \
            or len(text.split()) > BOLD_LINE_WORDS or text.endswith((".", ",", ";", ":")):
        return spans
    return [replace(span, bold=True) if span.text.strip() else span for span in spans]


def _links_only(spans: list[Span]) -> bool:
    """True for words that are all inside links: a menu, a button, a row of links."""
    return all(isinstance(span, _Read) and span.linked for span in spans if span.text.strip())


def _piece(spans: list[Span], quote: bool = False, in_item: bool = False) -> Piece | None:
    """A paragraph of ``spans``: white space as a browser shows it (runs of it one
    space, a line break where the page breaks a line), ``None`` without words."""
    cleaned: list[Span] = []
    for span in spans:
        text = re.sub(r"[ \t\r\n\f\u00a0]+", " ", span.text).replace(BREAK, "\n")
        if cleaned and cleaned[-1].text.endswith((" ", "\n")) and text.startswith(" "):
            text = text[1:]
        if text:
            cleaned.append(Span(text, span.italic, span.bold, span.href))
    text = "".join(span.text for span in cleaned)
    if not text.strip():
        return None
    while cleaned and not cleaned[0].text.strip():
        cleaned.pop(0)
    while cleaned and not cleaned[-1].text.strip():
        cleaned.pop()
    first, last = cleaned[0], cleaned[-1]
    cleaned[0] = Span(first.text.lstrip(), first.italic, first.bold, first.href)
    last = cleaned[-1]
    cleaned[-1] = Span(last.text.rstrip(), last.italic, last.bold, last.href)
    cleaned = [Span(re.sub(r" ?\n ?", "\n", span.text), span.italic, span.bold, span.href)
               for span in cleaned]
    lines = tuple(line.strip() for line in "".join(span.text for span in cleaned).split("\n")
                  if line.strip())
    return Piece(tuple(cleaned), lines, quote=quote, in_item=in_item,
                 kept_lines=len(lines) > 1)


def _text_of(spans: list[Span] | tuple[Span, ...]) -> str:
    return " ".join("".join(span.text for span in spans).split())


def _styled(element, style: _Style) -> _Style:
    """The emphasis and link an element gives the words inside it."""
    tag = element.tag if isinstance(element.tag, str) else ""
    css = element.get("style") or ""
    bold = style.bold or tag in ("b", "strong") or bool(_BOLD_STYLE.search(css))
    italic = style.italic or tag in ("i", "em", "cite") or bool(_ITALIC_STYLE.search(css))
    href, linked = style.href, style.linked
    if tag == "a" and element.get("href") is not None:
        target = (element.get("href") or "").strip()
        href = target if re.match(r"(https?:|mailto:)", target, re.IGNORECASE) else None
        linked = True
    return _Style(bold, italic, href, linked, style.large or _set_large(element, css))


#: A font size in a page's style: its number and unit.
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem|%)", re.IGNORECASE)
#: Sizes from which type is set larger than running text: a heading's (18 px, 14 pt).
_LARGE_FROM = {"px": 18.0, "pt": 13.5, "em": 1.2, "rem": 1.2, "%": 120.0}


def _set_large(element, css: str) -> bool:
    """True for an element that sets its words larger than running text: by its style
    ('font-size: 18px', as a mailing sets a part's heading) or an old <font size="4">."""
    found = _FONT_SIZE.search(css)
    if found is not None:
        return float(found.group(1)) >= _LARGE_FROM[found.group(2).lower()]
    return element.tag == "font" and (element.get("size") or "").strip() in ("4", "5", "6",
                                                                              "7", "+1", "+2")


def _spans_of(element, reading: _Reading, style: _Style, depth: int) -> list[Span]:
    """The words inside an element, as spans (a line break as '\\n')."""
    spans = [_span(element.text, style)] if element.text else []
    for child in element:
        spans.extend(_inline(child, reading, style, depth + 1))
        if child.tail:
            spans.append(_span(child.tail, style))
    return spans


def _inline(element, reading: _Reading, style: _Style, depth: int) -> list[Span]:
    """An inline element's words, with its emphasis and link; a picture is taken or
    said."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        return [Span(BREAK)]
    if tag == "img":
        return _picture(element, reading)
    if depth > MAX_DEPTH:
        words = " ".join(element.text_content().split())
        return [_span(words, style)] if words else []
    return _spans_of(element, reading, _styled(element, style), depth)


def _tracking_pixel(element) -> bool:
    """A picture one or two pixels wide or high: a mailing's way of seeing that it was
    opened, which shows nothing."""
    sizes = [element.get("width") or "", element.get("height") or ""]
    style = (element.get("style") or "").replace(" ", "").lower()
    return any(re.fullmatch(r"[0-2](px)?", size.strip()) for size in sizes) \
        or bool(re.search(r"(^|;)(width|height):[0-2]px", style))


def _picture(element, reading: _Reading) -> list[Span]:
    """A picture in a file beside the page comes in (before the paragraph it stands in);
    one on the web is said."""
    source = (element.get("src") or "").strip()
    alt = " ".join((element.get("alt") or "").split())
    if not source or source.startswith("data:") or _tracking_pixel(element):
        return []
    if re.match(r"[a-z][a-z0-9+.-]*:|//", source, re.IGNORECASE) \
            and not source.lower().startswith("cid:"):  # (an e-mail's own part)
        reading.pictures_on_the_web.append(alt)
        return []
    picture, problem = reading.beside(unquote(source.split("?")[0].split("#")[0]))
    if picture is not None:
        _add(reading, Piece((), pictures=(replace(picture, alt=alt),)))
    if problem and problem not in reading.problems:
        reading.problems.append(problem)
    return []
