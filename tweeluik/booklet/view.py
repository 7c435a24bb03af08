"""Turn the content model into the plain data a booklet layout sees.

Step 3a of the pipeline (booklet writer, first half). A layout is a Jinja2 template
that runs in a sandbox and receives only dicts, lists, strings, numbers and escaped
HTML fragments: no paths, no objects with methods. Every block is a dict with a
``kind`` ("paragraph", "subheading", "list", "quote", "image", "table"); a block of a kind this
module does not know stops the build here, and a layout that meets a kind it does not
handle calls ``unknown_kind()``, which stops it there. Nothing is dropped quietly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..labels import LANGUAGE_TAGS, format_date, labels_for
from ..model import (
    Block,
    Code,
    Emph,
    Image,
    Inlines,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Picture,
    Publication,
    Quote,
    Strong,
    Subheading,
    Table,
    Text,
    UnknownKind,
    plain_text,
    sole_emphasis,
)
from .table_view import table_setting

View = dict[str, Any]
#: Given a link, the HTML that follows it on paper (a footnote with its address), or "".
LinkNotes = Callable[[Link], str]
#: Given an image, the URL the layout's <img> loads it from.
ImageURL = Callable[[Image | Picture], str]


@dataclass(frozen=True)
class Fitting:
    """Copyfitting levels by lesson number (see ``copyfit``), and the leading that step 3
    uses, as a CSS length."""

    levels: dict[int, int] = dataclasses.field(default_factory=dict)
    leading: str = ""
    #: Lessons (by number; ``RUN_ON_CLOSING`` for the closing) that start on the page
    #: where the one before ends, because that page would hold only a few lines.
    run_on: frozenset[int] = frozenset()


NO_FITTING = Fitting()
RUN_ON_CLOSING = 0  # the closing's place in ``Fitting.run_on``

SHORT_LAST_WORD = 7  # a last word this short is kept on the line of the word before it


@dataclass(frozen=True)
class LastWords:
    """The end of a paragraph: glued with a no-break space to the word before when the
    last word is short, and never hyphenated (``last_words`` hands these words to the
    word breaks as unbreakable). No element of its own: WeasyPrint's line breaker set a
    hyphenated half-word alone on a line mid-paragraph when the end was a <span>. A view
    node, not a model one."""

    text: str


def last_words(publication) -> frozenset[str]:
    """The words that end the publication's paragraphs, lower case and without
    punctuation: the booklet never hyphenates them, so no paragraph ends on the tail of
    a hyphenated word."""
    from ..model import walk_blocks
    sections = (publication.introduction.blocks,
                *(lesson.blocks for lesson in publication.lessons), publication.closing.blocks)
    found: set[str] = set()
    for blocks in sections:
        for block in walk_blocks(blocks):
            if isinstance(block, Paragraph):
                ending = without_runt(block.inlines)
                for node in ending[-1:]:
                    for word in _last_text(node).replace("\u00a0", " ").split():
                        word = re.sub(r"^\W+|\W+$", "", word).lower()
                        if word:
                            found.add(word)
    return frozenset(found)


def _last_text(node: Any) -> str:
    if isinstance(node, LastWords | Text):
        return node.text
    if isinstance(node, Emph | Strong) and node.children:
        return _last_text(node.children[-1])
    return ""


def without_runt(inlines: Inlines) -> tuple[Any, ...]:
    """The inlines with their last word marked as ``LastWords`` (with the word before it
    when the last is short), so a paragraph never ends on a line holding a short word
    alone or the tail of a hyphenated word."""
    if not inlines:
        return inlines
    last = inlines[-1]
    if isinstance(last, Emph | Strong):  # a link's words also make its note: left alone
        return (*inlines[:-1], dataclasses.replace(last, children=without_runt(last.children)))
    if isinstance(last, Text) and last.text.strip():
        text = last.text.rstrip()
        trailing = last.text[len(text):]
        space = text.rfind(" ")
        word = text[space + 1:]
        if space > 0 and len(word.rstrip(".,;:!?)’”'\"")) <= SHORT_LAST_WORD:
            before = text.rfind(" ", 0, space)
            if text[before + 1:space].strip():
                space = before
                word = text[space + 1:].replace(" ", "\u00a0")
        head = text[:space + 1] if space >= 0 else ""
        return (*inlines[:-1], *((Text(head),) if head else ()), LastWords(word + trailing))
    return inlines


#: Dots or a rule typed to write on ('Naam: ………', 'Naam: ____'), and one at the end;
#: not an ellipsis ('...', '…').
BLANK = re.compile(r"[.…](?:\s?[.…]){4,}|…{3,}|_{3,}")
LINE_TO_FILL_IN = re.compile(rf"\s*(?:{BLANK.pattern})\s*$")


def without_line_to_fill_in(inlines: Inlines) -> tuple[Inlines, bool]:
    """The inlines without the dots or rule typed at their end to write on, and whether
    there were any: the layout draws that line to the paragraph's end instead (typed, it
    ran onto a line of its own, as long as it was in the Word file it came from). A
    paragraph of nothing but dots is left as it is."""
    if not inlines or not isinstance(inlines[-1], Text):
        return inlines, False
    found = LINE_TO_FILL_IN.search(inlines[-1].text)
    if found is None or not plain_text(inlines)[:-len(found.group())].strip():
        return inlines, False
    head = inlines[-1].text[:found.start()]
    return (*inlines[:-1], *((Text(head),) if head else ())), True


#: Dots typed to write on inside a line are set this long: as long as a figure needs,
#: not as long as the Word page they came from was wide.
BLANK_LENGTH = 5


def with_short_blanks(inlines: Inlines) -> Inlines:
    """The inlines with each run of dots typed to write on inside a line set to
    ``BLANK_LENGTH`` ellipses at most, so that 'Aantal: ……… × 8,50 euro = ……… euro'
    stays on one line."""
    return tuple(Text(BLANK.sub(lambda found: found.group() if len(found.group())
                                <= BLANK_LENGTH else "…" * BLANK_LENGTH, node.text))
                 if isinstance(node, Text) else node for node in inlines)


#: A web or e-mail address written in the text.
ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’”]"
                     r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Where an address may break, as typesetters break them (after "//", before a single
#: slash, a dot, a hyphen or other punctuation), never with a hyphen added to it.
ADDRESS_BREAK = re.compile(r"(?<=//)(?=.)|(?<!/)(?<!^)(?=[.,\-_~#%@?&=]|/(?!/))")
#: An address this short moves to the next line whole rather than leave "www" behind.
SHORT_ADDRESS = 24


#: A sign that belongs to the figure after it: '€ 20', '> 50', '± 30' never part at the
#: end of a line (a real club's '> 50' began a line and read as a quotation mark).
BOUND_TO_A_FIGURE = re.compile(r"(?<!\S)([€$£<>≤≥±~]) (?=\d)")


def text_html(text: str) -> str:
    """Escaped text; each address in it set apart so it breaks only where an address may
    (``<wbr>``) and is never hyphenated (the layout's CSS: ``.address { hyphens: manual }``);
    a currency or comparison sign bound to the figure after it."""
    text = BOUND_TO_A_FIGURE.sub("\\1\u00a0", text)
    parts, end = [], 0
    for found in ADDRESS.finditer(text):
        parts.append(str(escape(text[end:found.start()])))
        address = found.group()
        pieces = ADDRESS_BREAK.split(address) if len(address) > SHORT_ADDRESS else [address]
        # A word joiner after each hyphen: the line may break before it, not after, so
        # no line of an address ends in what looks like a hyphenation hyphen.
        parts.append('<span class="address">' + "<wbr>".join(
            str(escape(piece.replace("-", "-\u2060"))) for piece in pieces) + "</span>")
        end = found.end()
    parts.append(str(escape(text[end:])))
    return "".join(parts)


def inline_html(inlines: Inlines, links: LinkNotes | None = None) -> Markup:
    """Inline content as escaped HTML; ``links`` adds a note for paper to each link."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text | LastWords):
            parts.append(text_html(node.text))
        elif isinstance(node, Code):
            parts.append(f"<code>{escape(node.text)}</code>")
        elif isinstance(node, LineBreak):
            parts.append("<br>")
        elif isinstance(node, Emph):
            parts.append(f"<em>{inline_html(node.children, links)}</em>")
        elif isinstance(node, Strong):
            parts.append(f"<strong>{inline_html(node.children, links)}</strong>")
        elif isinstance(node, Link):
            inner = inline_html(node.children, links)
            note = links(node) if links is not None else ""
            parts.append(f'<a href="{escape(node.href)}">{inner}</a>{note}')
        else:
            raise UnknownKind(node, "the booklet's inline writer")
    return Markup("".join(parts))


#: Keeps a list item's first word on the line of its dash or number (U+2060).
WORD_JOINER = "\u2060"


def joined_to_its_mark(entry: list[View]) -> list[View]:
    """A list item's blocks, its first paragraph opening with a word joiner. The dash or
    number is an inline block before the paragraph's words (``::before``), and WeasyPrint
    breaks a line after such a block when the words of the line overrun the measure by a
    hair (Pango's line, 0.4 pt too wide): a real evaluation's third recommendation, at
    the top of a page, had its number alone on a line above its words. No line breaks
    before a word joiner."""
    if entry and entry[0]["kind"] == "paragraph":
        return [{**entry[0], "html": Markup(WORD_JOINER) + entry[0]["html"]}, *entry[1:]]
    return entry


def block_to_view(block: Block, image_url: ImageURL, links: LinkNotes | None) -> View:
    """One block as a dict with its ``kind``."""
    if isinstance(block, Paragraph):
        # (a paragraph without dots to write on, nearly every one, is left as it is)
        to_fill_in = BLANK.search(plain_text(block.inlines)) is not None
        inlines, line_to_end = without_line_to_fill_in(with_short_blanks(block.inlines)) \
            if to_fill_in else (block.inlines, False)
        return {"kind": "paragraph", "line": block.line,
                "html": inline_html(without_runt(inlines), links),
                "lead": isinstance(sole_emphasis(block.inlines), Strong),
                "to_fill_in": to_fill_in, "line_to_end": line_to_end,
                # set in lines by its writer (an address, a timetable): flush left
                "lines": any(isinstance(inline, LineBreak) for inline in block.inlines)}
    if isinstance(block, Subheading):
        return {"kind": "subheading", "text": plain_text(block.inlines), "line": block.line,
                "level": block.level, "html": inline_html(block.inlines, links)}
    if isinstance(block, ListBlock):
        return {"kind": "list", "ordered": block.ordered, "start": block.start,
                "entries": [joined_to_its_mark(blocks_to_view(item.blocks, image_url, links))
                            for item in block.items],
                "line": block.line}
    if isinstance(block, Quote):
        return {"kind": "quote", "blocks": blocks_to_view(block.blocks, image_url, links),
                "line": block.line}
    if isinstance(block, Image):
        return {"kind": "image", "src": image_url(block), "alt": block.alt,
                "caption": block.caption,
                "orientation": "portrait" if block.height_px > block.width_px else "landscape",
                # a strip at least four times as wide as high heads the text under it
                "banner": block.width_px >= BANNER_RATIO * block.height_px,
                "width_px": block.width_px, "height_px": block.height_px, "line": block.line,
                "widest_mm": widest_on_paper(block)}
    if isinstance(block, Table):
        return {"kind": "table", "line": block.line,
                "header": [inline_html(cell.inlines, links) for cell in block.header],
                "rows": [[inline_html(cell.inlines, links) for cell in row]
                         for row in block.rows],
                **table_setting(block)}
    raise UnknownKind(block, "the booklet writer")


#: The most letters a running head holds on one line across the top of a page (set in
#: spaced capitals); a longer title is cut after a word, with an ellipsis.
RUNNING_HEAD_LETTERS = 52


def running_head(text: str) -> str:
    """A title as the running head shows it: whole when it fits on one line, else the
    title before its subtitle in brackets or after a dash, else its first words and '…'
    (a real letter's 90-letter title ran onto two lines there)."""
    if len(text) <= RUNNING_HEAD_LETTERS:
        return text
    # a title with its subtitle in brackets or after a dash: the title alone, if it
    # says something ('Handleiding: Hoe host ik een etentje? (of: hoe help ik …)')
    whole = re.match(r"(.{12,}?)\s+(?:\(|[–—]\s)", text)
    if whole is not None and len(whole.group(1)) <= RUNNING_HEAD_LETTERS \
            and len(whole.group(1).split()) >= 3:
        return whole.group(1).rstrip(" ,;:")
    cut = text[:RUNNING_HEAD_LETTERS - 1]
    cut = cut[:cut.rfind(" ")] if " " in cut.strip() else cut
    return cut.rstrip(" ,;:–-") + "…"


#: A picture this many times as wide as it is high is a banner: a newsletter's heading
#: drawn as a picture ("Pasdagen" on a coloured strip), kept with the text it heads.
BANNER_RATIO = 4

#: A picture made of pixels is printed at this many pixels an inch at least: a small one
#: (a club's 100-pixel clip art) keeps its own size rather than being blown up to the
#: width of the text, blurred.
LEAST_PRINT_DPI = 150


def widest_on_paper(image: Image) -> float | None:
    """How wide, in millimetres, a picture may be printed: its pixels at
    ``LEAST_PRINT_DPI`` (the layout keeps it within the text); ``None`` for a drawing
    (SVG), which is sharp at any size."""
    if image.path.suffix.lower() == ".svg":
        return None
    return round(image.width_px / LEAST_PRINT_DPI * 25.4, 1)


def blocks_to_view(blocks: tuple[Block, ...], image_url: ImageURL, links: LinkNotes | None
                   ) -> list[View]:
    return [block_to_view(block, image_url, links) for block in blocks]


def picture_view(picture: Picture | None, image_url: ImageURL) -> View | None:
    """A front-matter picture for the layout: its address, format and proportions."""
    if picture is None:
        return None
    return {"src": image_url(picture), "format": picture.format,
            "ratio": round(picture.width / picture.height, 4),
            "wide": picture.width >= picture.height * 2}


def publication_to_view(publication: Publication, image_url: ImageURL, created: dt.datetime,
                        links: LinkNotes | None = None, fitting: Fitting = NO_FITTING) -> View:
    """Everything a booklet layout may show, as plain data."""
    meta = publication.meta
    labels = labels_for(meta.language)
    intro, closing = publication.introduction, publication.closing
    has_closing = bool(closing.blocks or closing.title or closing.key_message
                       or meta.signatories)
    return {
        "title": meta.title,
        "running_title": running_head(meta.title),  # over the left-hand pages
        "logo": picture_view(meta.logo, image_url),
        "cover_image": picture_view(meta.cover_image, image_url),
        "made_with": meta.made_with,
        "subtitle": meta.subtitle,
        "organisation": meta.organisation,
        "description": meta.description,
        "keywords": list(meta.keywords),
        "signatories": list(meta.signatories),
        "language": meta.language,
        "language_tag": LANGUAGE_TAGS[meta.language],
        "date_line": format_date(meta.date, meta.language) if meta.date else meta.date_text,
        "year": str(meta.date.year) if meta.date else None,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "labels": dict(labels),
        "introduction": None if not (intro.blocks or intro.salutation) else {
            # Without lessons the introduction is the whole letter: it is headed by the
            # publication's title, not by "Introduction".
            "label": labels["introduction"] if publication.lessons else meta.title,
            "running": running_head(labels["introduction"] if publication.lessons
                                    else meta.title),
            "salutation": inline_html(intro.salutation, links) if intro.salutation else None,
            "blocks": blocks_to_view(intro.blocks, image_url, links),
        },
        "lessons": [{
            "number": lesson.number,
            "id": f"lesson-{lesson.number}",
            "end_id": f"lesson-{lesson.number}-end",  # where copyfitting measures its end
            "fit_class": f"fit-{fitting.levels[lesson.number]}"
            if lesson.number in fitting.levels else "",
            "fit_leading": fitting.leading,
            "run_on": lesson.number in fitting.run_on,
            "title": inline_html(lesson.title, links),
            "title_text": plain_text(lesson.title),
            "running": running_head(f"{lesson.number}  {plain_text(lesson.title)}"),
            "key_message": inline_html(lesson.key_message, links)
            if lesson.key_message else None,
            "blocks": blocks_to_view(lesson.blocks, image_url, links),
        } for lesson in publication.lessons],
        "closing": None if not has_closing else {
            "title": inline_html(closing.title, links) if closing.title
            else Markup(escape(labels["closing"])),
            "title_text": plain_text(closing.title) if closing.title else labels["closing"],
            "titled": closing.title is not None,  # the author's own heading
            "running": running_head(plain_text(closing.title) if closing.title
                                    else labels["closing"]),
            "run_on": RUN_ON_CLOSING in fitting.run_on,
            "key_message": inline_html(closing.key_message, links)
            if closing.key_message else None,
            "blocks": (closing_blocks := blocks_to_view(closing.blocks, image_url, links)),
            # the closing's words, then the greeting and the lines under it, which the
            # layouts keep together with the names
            "words_blocks": closing_blocks[:closing.signed_at],
            "signature_blocks": closing_blocks[len(closing_blocks[:closing.signed_at]):],
        },
    }
