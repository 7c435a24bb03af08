"""Where a letter's lessons begin: numbered headings, bold lines with a number, numbered
paragraphs, and numbered lists typed as text.

Step 0 of the pipeline (bringing a letter in), pure: paragraphs (``Piece``s) → the
positions of the lesson titles and the numbers typed in front of them, for
``letter.read_letter`` to cut the letter into lessons.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..letters import is_quoted
from .line_kinds import CLOSING_HEADINGS, MAX_TITLE_WORDS, title_like
from .pieces import Piece, Span

#: A line that is a numbered lesson title: "1. Titel", "1) Titel", "Les 1: Titel".
LESSON_LINE = re.compile(r"^(?:(?:les|lesson)\s+)?(\d{1,2})\s*(?:[.):]|\s[-–—])\s*(\S.*)$",
                         re.IGNORECASE)


def strip_number(spans: tuple[Span, ...]) -> tuple[tuple[Span, ...], int | None]:
    """A heading's spans without the number typed in front of them, and that number."""
    text = "".join(span.text for span in spans)
    found = LESSON_LINE.match(text.strip())
    if not found:
        return spans, None
    cut = len(text) - len(text.lstrip()) + found.start(2)
    out, seen = [], 0
    for span in spans:
        end = seen + len(span.text)
        if end <= cut:
            seen = end
            continue
        out.append(replace(span, text=span.text[max(0, cut - seen):]))
        seen = end
    return tuple(out), int(found.group(1))


def lesson_headings(pieces: list[Piece], start: int, end: int) -> list[tuple[int, int | None]]:
    """(position, typed number) of the paragraphs that head lessons, in order."""
    # Word's own headings: the level used most often (at least twice), after the start.
    levels = Counter(piece.heading for piece in pieces[start:end] if piece.heading)
    if levels:
        level, count = max(levels.items(), key=lambda item: (item[1], -item[0]))
        counting = _counting_level(pieces, start, end, levels)
        if counting is not None:  # ('1. …' to '9. …' over more subsections, '5.1. …')
            level, count = counting, levels[counting]
        headings = [index for index in range(start, end) if pieces[index].heading == level
                    and not CLOSING_HEADINGS.match(pieces[index].text)]
        if count >= 2 or len(headings) == 1 and not numbered_lines(pieces, start, end):
            return [(index, strip_number(pieces[index].spans)[1]) for index in headings]
    lines = numbered_lines(pieces, start, end)
    if lines:
        return lines
    # Word's numbered list paragraphs that stand alone between paragraphs of text (not
    # one item of an agenda with a few lines under it, right under the item before).
    numbered = [index for index in range(start, end) if pieces[index].numbered
                and title_like(pieces[index])
                and not (index > start and pieces[index - 1].numbered)
                and index + 1 < end and not pieces[index + 1].numbered
                and not pieces[index + 1].in_item
                and pieces[index + 1].list_level <= pieces[index].list_level
                and not (index > start and pieces[index - 1].list_level)
                and not (index > start and pieces[index - 1].bullet
                         and pieces[index].list_level > pieces[index - 1].list_level)]
    # (an item with deeper items under it, or after them, belongs to a list, as they do;
    # so does a numbered list inside a bulleted item)
    if numbered:
        return [(index, None) for index in numbered]
    # Short lines set in bold that head the parts of a letter (at least two).
    bold = [index for index in range(start, end) if bold_heading(pieces[index])
            and index + 1 < end and not bold_heading(pieces[index + 1])]
    return [(index, None) for index in bold] if len(bold) >= 2 else []


def _counting_level(pieces: list[Piece], start: int, end: int, levels: Counter
                    ) -> int | None:
    """The shallowest heading level whose headings (two or more) all carry typed
    numbers counting up from 1: minutes number their items so, with more subsections
    under them than items, so that the level used most is not the lessons'."""
    for level in sorted(levels):
        numbers = [LESSON_LINE.match(pieces[index].text.strip())
                   for index in range(start, end) if pieces[index].heading == level
                   and not CLOSING_HEADINGS.match(pieces[index].text)]
        if len(numbers) >= 2 and all(numbers) and [int(found.group(1)) for found in numbers
                                                    if found] == list(range(1, len(numbers) + 1)):
            return level
    return None


def skipped_number(pieces: list[Piece], headings: list[tuple[int, int | None]]
                   ) -> tuple[int, int, int] | None:
    """Where numbered lines that head lessons ('1. …' to '10. …') go on after a number
    left out ('12. …'): that line's position, the last lesson's number and the line's,
    or ``None``. The lessons end before it; the author may have meant them to go on."""
    if not headings or headings[-1][1] is None:
        return None
    last = headings[-1][1]
    for index in range(headings[-1][0] + 1, len(pieces)):
        match = LESSON_LINE.match(pieces[index].text)
        if match is not None and len(pieces[index].lines) <= 1 \
                and last + 1 < int(match.group(1)) <= last + 3:
            return index, last, int(match.group(1))
    return None


#: The number typed before an item of a numbered list: "1. ", "2) ".
TYPED_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")


def typed_lists(pieces: list[Piece]) -> list[Piece]:
    """Paragraphs typed as a numbered list ('1. …', '2. …', counting up from 1, two or
    more in a row, perhaps with a deeper list under an item) become its items, without
    the typed numbers."""
    out = list(pieces)
    index = 0
    while index < len(out):
        run = index
        items: list[int] = []  # where the typed numbers stand
        while run < len(out):
            if items and out[run].bullet and out[run].list_level:
                run += 1  # an item of a list inside the numbered item above
            elif not out[run].numbered and not out[run].bullet and \
                    (found := TYPED_NUMBER.match(out[run].text)) and \
                    int(found.group(1)) == len(items) + 1:
                items.append(run)
                run += 1
            else:
                break
        numbers = [TYPED_NUMBER.match(out[item].spans[0].text.lstrip()) for item in items]
        if len(items) >= 2 and all(numbers):  # (not a number split over two spans)
            for item, number in zip(items, numbers, strict=True):
                spans = out[item].spans
                assert number is not None
                first = replace(spans[0], text=spans[0].text.lstrip()[number.end():])
                out[item] = replace(out[item], spans=(first, *spans[1:]), numbered=True)
        index = max(run, index + 1)
    return out


def bold_heading(piece: Piece) -> bool:
    """A line set wholly in bold that could head a part: short, no full stop."""
    visible = [span for span in piece.spans if span.text.strip()]
    return bool(visible) and all(span.bold for span in visible) and len(piece.lines) <= 1 \
        and 0 < len(piece.text.split()) <= MAX_TITLE_WORDS and not piece.pictures \
        and not piece.bullet and not piece.text.endswith((".", ",", ";")) \
        and not is_quoted(piece.text) \
        and not all(span.href for span in visible)
    # (a motto between quotation marks heads nothing, nor does a link alone: a button,
    # 'Bekijk de flyer', set in bold)


def numbered_lines(pieces: list[Piece], start: int, end: int) -> list[tuple[int, int | None]]:
    """Lines such as '1. Title' that stand alone and count up from 1, with text between
    them. Two that follow each other directly are items of a list, and so are the rest:
    a meeting's agenda (1 to 10) above a list of who comes (11 on) counts up too."""
    found: list[tuple[int, int | None]] = []
    expected = 1
    for index in range(start, end):
        piece = pieces[index]
        if len(piece.lines) > 1 or piece.pictures:
            continue
        match = LESSON_LINE.match(piece.text)
        if match is None or len(match.group(2).split()) > MAX_TITLE_WORDS:
            continue
        if int(match.group(1)) == expected and index + 1 < end:
            found.append((index, expected))
            expected += 1
    def nothing_between(earlier: int, later: int) -> bool:
        # (a list indented under a step is no text between it and the next step)
        return all(pieces[index].bullet and pieces[index].list_level
                   for index in range(earlier + 1, later))

    if len(found) >= 2 and any(nothing_between(earlier, later) for (earlier, _), (later, _)
                               in zip(found, found[1:], strict=False)):
        return []  # one after the other with no text between: a numbered list
    return found
