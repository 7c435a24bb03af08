"""Read a pasted letter in plain text or Markdown into paragraphs.

Step 0 of the pipeline (bringing a letter in), for ``.txt`` and ``.md`` files. An empty
line ends a paragraph; the lines inside one are kept too (a signature may put one name
on each line). Prose lines that each end a sentence are a paragraph each (a web page
copied without its empty lines). Markdown's own marks (``*italic*``, links) are kept as
they are, and its headings are read as headings (``Piece.marked_heading``), as are the
lines a text underlines with '===' or '---'. A list typed or pasted with its bullets as
characters (``•``, or ``-``/``*`` on two lines or more) becomes one piece per item, so
it is written back as a list. A letter quoted in a
forwarded e-mail ('> ' before every line) is read without its quote marks first; a
paragraph quoted on its own ('> ' lines) stays a quotation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import replace

from ..letters import BULLETS
from ..text_limits import MAX_TABLE_COLUMNS
from .lesson_lines import TYPED_NUMBER
from .line_kinds import SEPARATOR
from .pieces import Piece, Span

#: Bullets that only ever start a list item.
BULLET = re.compile(rf"^[{BULLETS}]\s*(?=\S)")
#: Marks that start an item only when two lines or more of a paragraph start with them
#: (one line starting with a dash is more often a sentence).
SHARED_MARK = re.compile(r"^([-*+–·])\s+(?=\S)")
#: The line under a Markdown table's first row: '| --- | ---: |'.
TABLE_RULE = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")
#: A Markdown picture alone on its line: '![Het plein](plein.jpg)' (its words, its file).
PICTURE_LINE = re.compile(r"!\[([^\]\n]*)\]\(([^()\s]+)(?:\s+\"[^\"\n]*\")?\)")
#: A Markdown heading ('## Title', '# Title #'): its words.
HEADING = re.compile(r"#{1,6}\s+(.*?\S)(?:\s+#+)?\s*")
#: A line of '=' or '-' right under a heading's line: a setext heading in Markdown, and
#: how a plain-text e-mail underlines its headings.
UNDERLINE = re.compile(r"=+|-+")
#: Markdown's rule, which ends the paragraph above it and starts none.
THEMATIC_BREAK = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
#: Words between two rules on a line of a plain text: '*****  W I C H T I G  *****'.
BANNER = re.compile(r"([*=~#_-])\1{3,}\s+([^*=~#_\s-](?:.*[^*=~#_\s-])?)\s+\1{4,}")
#: The share of a text's lines that must start with '>' for it to be a quoted e-mail.
QUOTED_SHARE = 0.8


def without_email_quoting(text: str) -> tuple[str, int]:
    """A letter quoted in a forwarded or replied e-mail ('> ' before every line, perhaps
    several times) without its quote marks, and how many levels were taken off."""
    levels = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while True:
        written = [line for line in lines if line.strip()]
        quoted = [line for line in written if line.lstrip().startswith(">")]
        if not written or len(quoted) < QUOTED_SHARE * len(written):
            return "\n".join(lines), levels
        lines = [re.sub(r"^\s*> ?", "", line) for line in lines]
        levels += 1


def _cells(line: str) -> list[str]:
    """A Markdown table row's cells, as written (an escaped '\\|' stays in its cell)."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def with_wide_tables_as_lines(text: str) -> tuple[str, list[int]]:
    """Markdown tables wider than the booklet's page (``MAX_TABLE_COLUMNS``) as lists, a
    row a line: its first cell in bold, then each filled cell after its column's name
    ('**Sloebers**: Totaal 3 · Patrouille 2'), and the columns each such table had.
    Every line keeps its number (the header and its rule become empty lines)."""
    lines = text.split("\n")
    widths: list[int] = []
    at = 0
    while at + 1 < len(lines):
        header, rule = lines[at].strip(), lines[at + 1].strip()
        if "|" not in header or not TABLE_RULE.fullmatch(rule) \
                or len(_cells(header)) <= MAX_TABLE_COLUMNS:
            at += 1
            continue
        names = _cells(header)
        widths.append(len(names))
        lines[at] = lines[at + 1] = ""
        at += 2
        while at < len(lines) and "|" in lines[at] and lines[at].strip():
            cells = _cells(lines[at])
            label, rest = cells[0], cells[1:]
            pairs = [f"{name} {cell}".strip() for name, cell in zip(names[1:], rest,
                                                                    strict=False) if cell]
            lines[at] = "- " + (f"**{label}**: " if label else "") + " · ".join(pairs)
            at += 1
    return "\n".join(lines), widths


def without_quoted_letter(text: str) -> tuple[str, bool]:
    """Markdown: a quotation that holds a letter's parts without its quote marks (a web
    page that quotes an open letter whole, its headings and paragraphs '> ' lines: read
    as one quotation, it was one paragraph with '#### reden 1' inside it), and whether
    there was one. A quotation holds a letter when a heading stands in it, or when it is
    three paragraphs or more and most of the text; a quotation in a letter stays one.
    Every line keeps its number."""
    lines = text.split("\n")
    written = sum(1 for line in lines if line.strip())
    start, found = 0, False
    while start < len(lines):
        if not lines[start].lstrip().startswith(">"):
            start += 1
            continue
        end = start
        while end < len(lines) and lines[end].lstrip().startswith(">"):
            end += 1
        run = [re.sub(r"^\s*> ?", "", line) for line in lines[start:end]]
        paragraphs = sum(1 for at, line in enumerate(run)
                         if line.strip() and (at == 0 or not run[at - 1].strip()))
        words = sum(1 for line in run if line.strip())
        if any(HEADING.fullmatch(line.strip()) for line in run) \
                or paragraphs >= 3 and 2 * words > written:
            lines[start:end] = run
            found = True
        start = end
    return "\n".join(lines), found


def text_to_pieces(text: str, markdown: bool) -> list[Piece]:
    """The paragraphs of ``text`` with the line each starts on."""
    pieces: list[Piece] = []
    lines: list[str] = []
    indents: list[int] = []  # of each line, for the items of a list inside another
    start = 1
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    listed = _list_marks(raws)
    underlined = _underlined_headings(raws, markdown)
    for number, raw in enumerate(raws, start=1):
        line = raw.strip()
        if line == "--" and not markdown:  # an e-mail's mark above its sender's signature
            line = ""
        if number - 2 in underlined:  # a heading's underline
            continue
        alone = _standing_alone(line, number, markdown, number - 1 in underlined, listed)
        if alone is not None:  # it ends the paragraph above
            if lines:
                pieces.extend(_piece(lines, start, markdown, indents, listed))
                lines, indents = [], []
            pieces.extend(alone)
            continue
        if line:
            if not lines:
                start = number
            lines.append(line)
            spaced = raw.expandtabs(4)
            indents.append(len(spaced) - len(spaced.lstrip()))
            continue
        if lines:
            pieces.extend(_piece(lines, start, markdown, indents, listed))
            lines, indents = [], []
    if lines:
        pieces.extend(_piece(lines, start, markdown, indents, listed))
    bullets = [index for index, piece in enumerate(pieces) if piece.bullet]
    if len(bullets) == 1:  # a list of one item is not a list: a web page's stray bullet
        pieces[bullets[0]] = replace(pieces[bullets[0]], bullet=False)
    if not markdown:  # (Markdown joins a paragraph's lines: a break is two spaces there)
        width = _wrap_width(raws)
        for index, piece in enumerate(pieces):
            kept = _broken_on_purpose(piece, raws, width)
            if kept:
                pieces[index] = replace(piece, spans=(Span(_joined(list(piece.lines), kept)),),
                                        kept_lines=True)
    return pieces


def _wrap_width(lines: list[str]) -> int:
    """How long a text's lines may grow before it wraps them: the length most of its
    lines of three words or more stay within (a text of long lines, not wrapped, breaks
    its lines only where its writer did)."""
    lengths = sorted(len(line.rstrip()) for line in lines
                     if len(line.split()) >= 3 and "://" not in line)
    return lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0


#: How much shorter than the text's wrap width a line broken on purpose stays, with the
#: next line's first word: a line wrapped early by a few letters is still wrapped.
_BREAK_ROOM = 5


def _broken_on_purpose(piece: Piece, raws: list[str], width: int) -> set[int]:
    """Where the writer of a plain text broke a paragraph's lines on purpose, rather
    than wrapped them ('Rochusstr. 44' over '40479 Düsseldorf', a timetable a line an
    event): after each line that the next line's first word would have fitted on, with
    room to spare, when the next line does not go on in lower case (a sentence wrapped
    early), and when the line is more than one word or ends in a colon ('P.S.' opens the
    sentence under it); the indexes of those lines."""
    lines = piece.lines
    if len(lines) < 2 or len(piece.spans) != 1 or piece.bullet or piece.numbered \
            or piece.marked_heading or piece.quote or piece.table or piece.line is None \
            or [line.strip() for line in raws[piece.line - 1:piece.line - 1 + len(lines)]] \
            != list(lines):
        return set()
    return {at for at in range(len(lines) - 1)
            if len(lines[at]) + 1 + len(lines[at + 1].split()[0]) <= width - _BREAK_ROOM
            and not lines[at + 1][0].islower()
            and (len(lines[at].split()) > 1 or lines[at].endswith(":"))}


def _standing_alone(line: str, number: int, markdown: bool, underlined: bool,
                    listed: frozenset[str]) -> list[Piece] | None:
    """The piece of a line that stands on its own, whatever stands around it, if it is
    one: a heading underlined ('Waar' over '===='); in Markdown, a heading ('### Het
    salon' over its paragraph), a picture on its line (a site's screenshots, one under
    another) or a rule; in a plain text, a rule ('====', left out later with a note) or words
    between rules ('****  W I C H T I G  ****', a heading)."""
    if underlined:
        return [Piece((Span(line, bold=True, markdown=markdown),), (line,), line=number,
                      marked_heading=True)]
    if not line:
        return None
    if markdown:
        if HEADING.fullmatch(line) or PICTURE_LINE.fullmatch(line):
            return _piece([line], number, markdown, [0], listed)
        if THEMATIC_BREAK.fullmatch(line):  # ('---' right over a line of text)
            return [Piece((Span(line, markdown=True),), (line,), line=number)]
        return None
    banner = BANNER.fullmatch(line)
    if banner:
        words = _unspaced(banner.group(2))
        return [Piece((Span(words, bold=True),), (words,), line=number, marked_heading=True)]
    if SEPARATOR.fullmatch(line) and len(line) >= 4:
        return [Piece((Span(line),), (line,), line=number)]
    return None


def _unspaced(words: str) -> str:
    """Words letter-spaced with a space between letters ('W I C H T I G') as written."""
    if re.fullmatch(r"\w( \w){2,}(  +\w( \w)+)*", words):
        return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", words))
    return words


def _underlined_headings(lines: list[str], markdown: bool) -> set[int]:
    """The indexes of the lines underlined as headings: a line of words after an empty
    line (or at the top), right above a line of three '=' or '-' or more; in a plain
    text, one at least half as long ('Veranstaltungsort' over '=================')."""
    found = set()
    for at in range(len(lines) - 1):
        words, under = lines[at].strip(), lines[at + 1].strip()
        if words and len(under) >= 3 and UNDERLINE.fullmatch(under) \
                and (markdown or 2 * len(under) >= min(len(words), 80)) and len(words) <= 100 \
                and not UNDERLINE.fullmatch(words) and (at == 0 or not lines[at - 1].strip()) \
                and not words.startswith(("|", "#", ">", "-", "*", "+")):
            found.add(at)
    return found


#: Marks that stand only before a list's items in a plain text, never in a sentence:
#: used before two lines of a text, each line they open is an item.
LIST_ONLY_MARKS = "*+"


def _list_marks(lines: list[str]) -> frozenset[str]:
    """The marks of ``LIST_ONLY_MARKS`` that open two lines or more of the text: an
    e-mail's ' * ' items, one of which follows an item's address lines indented under it
    (a real welcome e-mail's third item ran into them)."""
    counted = Counter(found.group(1) for line in lines
                      if (found := SHARED_MARK.match(line.strip())) is not None
                      and found.group(1) in LIST_ONLY_MARKS)
    return frozenset(mark for mark, count in counted.items() if count >= 2)


def _piece(lines: list[str], start: int, markdown: bool, indents: list[int],
           listed: frozenset[str] = frozenset()) -> list[Piece]:
    """One paragraph, or its text before a list and one piece for each list item (an
    item's further lines belong to it; a bullet indented under an item is a level
    deeper, as a Markdown list inside a numbered step)."""
    marks = [SHARED_MARK.match(line) for line in lines]
    shared = {mark.group(1) for mark in marks if mark}
    repeated = {sign for sign in shared
                if sum(1 for mark in marks if mark and mark.group(1) == sign) >= 2} | listed

    def item_start(offset: int) -> re.Match[str] | None:
        line = lines[offset]
        found = BULLET.match(line)
        if found is None:
            found = SHARED_MARK.match(line)
            # one dash is an item when Markdown indents it under the line above
            nested = markdown and offset > 0 and indents[offset] > indents[0]
            if found is not None and found.group(1) not in repeated and not nested:
                found = None
        return found

    if markdown and len(lines) >= 2 and "|" in lines[0] and TABLE_RULE.fullmatch(lines[1]):
        return [Piece((Span(" ".join(lines), markdown=True),), tuple(lines), line=start,
                      table=True)]  # a table: its lines stay as they are
    numbered = _numbered_lines(lines)
    heading = HEADING.fullmatch(lines[0]) if markdown and len(lines) == 1 else None
    if heading is not None:  # its words, in bold like a heading set in a word processor
        return [Piece((Span(heading.group(1), bold=True, markdown=True),), (heading.group(1),),
                      line=start, marked_heading=True)]
    if all(line.startswith(">") for line in lines):  # a quotation ('> ' before each line)
        lines = [line[1:].strip() for line in lines]
        if any(lines):
            return [Piece((Span(" ".join(lines), markdown=markdown),), tuple(lines), line=start,
                          quote=True)]
    if not any(item_start(offset) for offset in range(len(lines))) and not numbered:
        if _lines_are_paragraphs(lines):  # a paste that lost its empty lines
            return [Piece((Span(line, markdown=markdown),), (line,), line=start + offset)
                    for offset, line in enumerate(lines)]
        return [Piece((Span(_joined(lines), markdown=markdown),), tuple(lines), line=start)]
    groups: list[tuple[int, list[str], bool, int]] = []
    outer: int | None = None  # the indent of the list's first item
    for offset, line in enumerate(lines):
        found = item_start(offset)
        if found is not None or offset in numbered:
            outer = indents[offset] if outer is None else outer
            level = 1 if found is not None and indents[offset] > outer else 0
            # a typed number stays on its line: it makes the item numbered
            text = line[found.end():] if found is not None else line
            groups.append((start + offset, [text], found is not None, level))
        elif groups:
            groups[-1][1].append(line)
        else:
            groups.append((start + offset, [line], False, 0))
    return [Piece((Span(_joined(group), markdown=markdown),), tuple(group), line=number,
                  bullet=bullet, list_level=level) for number, group, bullet, level in groups]


#: Words that follow a hyphen that stands for a compound's shared part ('Sport- und
#: Spielfest', 'sport- en spelmiddag'): the hyphen stays, and the space after it.
_SHARED_PART = re.compile(r"(und|oder|bis|bzw|sowie|en|of|tot|and|or|to)\b")
_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"


def _joined(lines: list[str], kept: AbstractSet[int] = frozenset()) -> str:
    """A paragraph's lines as one text, broken ('\\n') after the lines in ``kept``. A
    word a wrapped text hyphenated at a line's end is joined again ('Satzungs-' and
    'änderung'); the hyphen stays before a capital ('Noord-' 'Brabant') and between two
    vowels ('zee-' 'egel')."""
    text = lines[0] if lines else ""
    for at, line in enumerate(lines[1:]):
        if at in kept:
            text += "\n" + line
        elif re.search(r"\w-$", text) and line[:1].isalpha() and not _SHARED_PART.match(line):
            if line[0].islower() and not (text[-2].lower() in _VOWELS
                                          and line[0] in _VOWELS):
                text = text[:-1] + line
            else:
                text += line
        else:
            text += " " + line
    return text


def _numbered_lines(lines: list[str]) -> set[int]:
    """Which lines start the items of a numbered list, one under the other ('1. …',
    '2. …', counting up by one, two or more): a Markdown list, such as a meeting's
    agenda, whose lines were otherwise joined into one paragraph."""
    numbers = {offset: int(found.group(1)) for offset, line in enumerate(lines)
               if (found := TYPED_NUMBER.match(line))}
    counted = [offset for offset in numbers
               if numbers[offset] == 1 or any(numbers[earlier] == numbers[offset] - 1
                                                  for earlier in numbers if earlier < offset)]
    return set(counted) if len(counted) >= 2 else set()


#: What ends a line that ends a paragraph: a sentence's end, perhaps in quotes.
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)]*$")


def _lines_are_paragraphs(lines: list[str]) -> bool:
    """True when each line of a block is a paragraph of its own: a web page copied
    without the empty lines between its paragraphs. Three lines or more of prose, most of
    which end a sentence (a hard-wrapped e-mail breaks lines inside sentences)."""
    if len(lines) < 3:
        return False
    prose = [line for line in lines[:-1] if len(line) >= 40]
    ended = [line for line in prose if _SENTENCE_END.search(line)]
    return len(prose) >= 2 and len(prose) >= 0.6 * (len(lines) - 1) \
        and len(ended) >= 0.6 * len(prose)
