"""Find the parts of a letter in its paragraphs: date, title, salutation, introduction,
numbered lessons, closing, greeting, signatories and organisation.

Step 0 of the pipeline (bringing a letter in), pure: paragraphs as read (``Piece``s) →
a ``Letter``, with a note for everything that was guessed or repaired, so the author can
check those few places. Dutch and English letters alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..checks import is_greeting
from ..dates import parse_date_line
from ..sentences import ends_a_sentence
from .pieces import Piece, Span

#: A line that is a numbered lesson title: "1. Titel", "1) Titel", "Les 1: Titel".
LESSON_LINE = re.compile(r"^(?:(?:les|lesson)\s+)?(\d{1,2})\s*(?:[.):]|\s[-–—])\s*(\S.*)$",
                         re.IGNORECASE)
SALUTATION = re.compile(r"^(beste|lieve|geachte|hallo|hoi|dag|goedemorgen|goedemiddag|"
                        r"goedenavond|aan|dear|hello|hi|to|greetings)\b.{0,100},$",
                        re.IGNORECASE)
CLOSING_HEADINGS = re.compile(r"^(tot slot|ten slotte|tenslotte|tot besluit|afsluitend|"
                              r"ter afsluiting|in closing|to conclude|finally|closing words?)"
                              r"[.:!]?$", re.IGNORECASE)
CLOSING_CUES = re.compile(r"^(tot slot|ten slotte|tenslotte|tot besluit|afsluitend|"
                          r"ter afsluiting|dank|bedankt|hartelijk dank|heel hartelijk dank|"
                          r"wij danken|we danken|wij wensen|we wensen|fijne feestdagen|"
                          r"prettige feestdagen|thank|thanks|in closing|to conclude|finally|"
                          r"we wish|happy holidays|season's greetings)\b", re.IGNORECASE)
ENGLISH = re.compile(r"^(dear|hello|hi|to|greetings|kind regards|best wishes|yours|"
                     r"with (kind )?regards|warm regards|sincerely|lesson)\b", re.IGNORECASE)
ORGANISATION_WORDS = re.compile(r"\b(vereniging|stichting|wijkteams?|buurtvereniging|"
                                r"bewonersvereniging|coöperatie|cooperatie|association|"
                                r"foundation|society|club|comité|committee|netwerk|network|"
                                r"platform|collectief|werkgroep|buurthuis|gemeente)\b",
                                re.IGNORECASE)
ON_BEHALF = re.compile(r"\b(?:namens|on behalf of)\s+(?:het bestuur van\s+|the board of\s+)?"
                       r"(?:de\s+|het\s+|the\s+)?(.+?)[,.]?$", re.IGNORECASE)
PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "'t", "’t", "el", "al", "bin",
             "da", "di", "du", "le", "la", "von", "vom", "zu", "op", "in", "het", "bij", "d'",
             "o'", "mc", "ben", "ibn", "abu"}
MAX_TITLE_WORDS = 16


@dataclass
class Note:
    """Something the import guessed or repaired, to show in the report; ``anchor`` is the
    paragraph (or front-matter setting) it concerns."""

    anchor: object
    message: str


@dataclass
class LessonPart:
    number: int
    title: tuple[Span, ...]
    heading: Piece
    paragraphs: list[Piece] = field(default_factory=list)


@dataclass
class Letter:
    """A letter's parts, ready to be written as a publication."""

    title: str | None = None
    subtitle: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    language: str = "nl"
    salutation: Piece | None = None
    introduction: list[Piece] = field(default_factory=list)
    lessons: list[LessonPart] = field(default_factory=list)
    closing_title: str | None = None
    closing: list[Piece] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    organisation: str | None = None
    notes: list[Note] = field(default_factory=list)


class NoLessons(Exception):
    """The letter holds nothing that looks like numbered lessons."""


def split_names(text: str, allow_single: bool = False) -> list[str] | None:
    """The names in a signature line ("Anna, Bram en Carla"), or ``None`` when it is not
    a line of names; with ``allow_single``, one name alone counts too."""
    names = [item for item in re.split(r"\s*(?:,|;|·|\||&|\s+en\s+|\s+and\s+)\s*",
                                       text.strip().rstrip("."))
             if item]
    if not names or (len(names) < 2 and not allow_single):
        return None
    for name in names:
        words = re.sub(r"\([^)]*\)", "", name).split()
        if not 1 <= len(words) <= 6 or len(name) > 60:
            return None
        if any(not (word[0].isupper() or word.lower() in PARTICLES or word[0].isdigit())
               for word in words):
            return None
    return names


def names_in(piece: Piece) -> list[str] | None:
    """The names of a paragraph that is a signature: a line of names, or a name a line."""
    if len(piece.lines) > 1:
        found = [split_names(line, allow_single=True) for line in piece.lines]
        if all(found):
            return [name for names in found for name in names or []]
        return None
    return split_names(piece.text)


def _strip_number(spans: tuple[Span, ...]) -> tuple[tuple[Span, ...], int | None]:
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


def _title_like(piece: Piece) -> bool:
    text = piece.text
    return 0 < len(text.split()) <= MAX_TITLE_WORDS and not text.endswith((".", ",", ";", ":")) \
        or bool(re.search(r"[!?]$", text)) and len(text.split()) <= MAX_TITLE_WORDS


def _placeholder_links(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """Links whose address was lost in the paste keep their words as plain text."""
    out = []
    for piece in pieces:
        spans = []
        for span in piece.spans:
            if span.href is not None and (not span.href or span.href.startswith("#")):
                notes.append(Note(piece, f"the link '{span.text.strip()}' had no address; its "
                                         "words are kept as plain text"))
                span = replace(span, href=None)
            spans.append(span)
        out.append(replace(piece, spans=tuple(spans)))
    return out


#: A paragraph of nothing but a separator line, as a web page's rule becomes in a paste.
SEPARATOR = re.compile(r"[-_=*~·•—–\s]{3,}")
#: A paragraph that is only words in square brackets: what a picture leaves in a paste.
BRACKETED = re.compile(r"\[[^\[\]]+\]")


def _pasted_leftovers(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """Separator lines are left out (the closing gets its own '---'); a picture's
    description left in square brackets is kept, with a note saying what to do."""
    out: list[Piece] = []
    for piece in pieces:
        text = piece.text
        if not piece.pictures and SEPARATOR.fullmatch(text):
            if out:  # said at the paragraph above it (the one below may become a heading)
                notes.append(Note(out[-1], "left out a separator line under this paragraph "
                                           f"(“{text[:12]}”)"))
            continue
        if BRACKETED.fullmatch(text):
            notes.append(Note(piece, "this line in square brackets looks like the description "
                                     "of a picture the paste left behind: save the picture in "
                                     "content/images/ and write ![description](images/NAME.jpg) "
                                     "here, or delete the line"))
        out.append(piece)
    return out


def _join_broken(pieces: list[Piece], notes: list[Note], keep: set[int]) -> list[Piece]:
    """Join a paragraph that ends mid-sentence with the next one when that starts in lower
    case (a paste broke one sentence in two). Paragraphs in ``keep`` (by position) are
    headings and lines of names: never joined."""
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        if out and index not in keep and (index - 1) not in keep:
            before = out[-1]
            ending, opening = before.text, piece.text
            if ending and opening and not ends_a_sentence(ending) \
                    and not ending.endswith(",") and opening[0].isalpha() \
                    and opening[0].islower() and not before.heading and not piece.heading \
                    and not before.pictures and not piece.pictures \
                    and not before.bullet and not piece.bullet \
                    and not before.quote and not piece.quote:
                joined = replace(before, spans=(*before.spans, Span(" "), *piece.spans),
                                 lines=(*before.lines, *piece.lines))
                out[-1] = joined
                tail = " ".join(ending.split()[-3:])
                head = " ".join(opening.split()[:3])
                notes.append(Note(joined, f"joined two paragraphs that the paste broke in "
                                          f"mid-sentence (“… {tail}” + “{head} …”)"))
                continue
        out.append(piece)
    return out


def _lesson_headings(pieces: list[Piece], start: int, end: int) -> list[tuple[int, int | None]]:
    """(position, typed number) of the paragraphs that head lessons, in order."""
    # Word's own headings: the level used most often (at least twice), after the start.
    levels = Counter(piece.heading for piece in pieces[start:end] if piece.heading)
    if levels:
        level, count = max(levels.items(), key=lambda item: (item[1], -item[0]))
        headings = [index for index in range(start, end) if pieces[index].heading == level
                    and not CLOSING_HEADINGS.match(pieces[index].text)]
        if count >= 2 or len(headings) == 1 and not _numbered_lines(pieces, start, end):
            return [(index, _strip_number(pieces[index].spans)[1]) for index in headings]
    lines = _numbered_lines(pieces, start, end)
    if lines:
        return lines
    # Word's numbered list paragraphs that stand alone between paragraphs of text.
    numbered = [index for index in range(start, end) if pieces[index].numbered
                and _title_like(pieces[index])
                and index + 1 < end and not pieces[index + 1].numbered]
    return [(index, None) for index in numbered]


def _numbered_lines(pieces: list[Piece], start: int, end: int) -> list[tuple[int, int | None]]:
    """Lines such as '1. Title' that stand alone and count up from 1."""
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
    return found


def _organisation_in(text: str) -> str | None:
    behalf = ON_BEHALF.search(text)
    if behalf and ORGANISATION_WORDS.search(behalf.group(1)):
        return behalf.group(1).strip()
    if ORGANISATION_WORDS.search(text) and len(text.split()) <= 10 \
            and not ends_a_sentence(text):
        return text.strip().rstrip(",")
    return None


def read_letter(pieces: list[Piece]) -> Letter:
    """The parts of a letter; raises ``NoLessons`` when it has no recognisable lessons."""
    letter = Letter()
    notes = letter.notes
    pieces = _placeholder_links([piece for piece in pieces if piece.text or piece.pictures],
                                notes)
    pieces = _pasted_leftovers(pieces, notes)

    # The date, at the top.
    for index, piece in enumerate(pieces[:4]):
        first = piece.lines[0] if piece.lines else piece.text
        date = parse_date_line(first)
        if date is not None:
            letter.date, letter.date_text = date, first
            rest = piece.lines[1:] if len(piece.lines) > 1 else ()
            if rest:
                pieces[index] = replace(piece, spans=(Span(" ".join(rest)),), lines=rest)
            else:
                del pieces[index]
            break

    # The signature block, at the bottom: a greeting, then names (and an organisation).
    greeting_at = next((index for index in range(len(pieces) - 1, -1, -1)
                        if is_greeting(pieces[index].lines[0] if pieces[index].lines
                                       else pieces[index].text)), None)
    tail_start = len(pieces)
    if greeting_at is not None:
        greeting = pieces[greeting_at]
        after = list(greeting.lines[1:]) if len(greeting.lines) > 1 else []
        if after:
            pieces[greeting_at] = replace(greeting, spans=(Span(greeting.lines[0]),),
                                          lines=greeting.lines[:1])
        block = [line for piece in pieces[greeting_at + 1:] for line in
                 (piece.lines or (piece.text,))]
        letter.signatories, organisation = _signature(after + block)
        letter.organisation = letter.organisation or organisation
        tail_start = greeting_at + 1
    elif pieces:
        names = names_in(pieces[-1])
        if names:
            letter.signatories = names
            tail_start = len(pieces) - 1
    behalf = _organisation_in(pieces[greeting_at].text) if greeting_at is not None else None
    letter.organisation = letter.organisation or behalf
    body_end = greeting_at if greeting_at is not None else tail_start

    # The salutation, and above it the title (and perhaps a subtitle or letterhead).
    salutation_at = next((index for index in range(min(5, body_end))
                          if SALUTATION.match(pieces[index].text)), None)
    head_end = salutation_at if salutation_at is not None else 0
    heads = [piece for piece in pieces[:head_end] if _title_like(piece)
             or piece.title_style or piece.heading]
    styled = [piece for piece in heads if piece.title_style] or \
        [piece for piece in heads if piece.heading == 1]
    titles = styled + [piece for piece in heads if piece not in styled]
    for piece in titles:
        if letter.organisation is None and ORGANISATION_WORDS.search(piece.text) \
                and not piece.title_style and len(titles) > 1:
            letter.organisation = piece.text
            notes.append(Note("organisation", f"took the letterhead “{piece.text}” as the "
                                              "organisation"))
        elif letter.title is None:
            letter.title = piece.text.rstrip(".")
        elif letter.subtitle is None:
            letter.subtitle = piece.text.rstrip(".")
    if salutation_at is not None:
        letter.salutation = pieces[salutation_at]
        body_start = salutation_at + 1
    else:
        body_start = head_end

    body = pieces[body_start:body_end]
    keep = {index for index, piece in enumerate(body)
            if piece.heading or LESSON_LINE.match(piece.text) and len(piece.lines) <= 1}
    body = _join_broken(body, notes, keep)

    headings = _lesson_headings(body, 0, len(body))
    if not headings:
        raise NoLessons()
    letter.introduction = body[:headings[0][0]]
    for number, (index, _) in enumerate(headings, start=1):
        spans, _typed = _strip_number(body[index].spans)
        following = headings[number][0] if number < len(headings) else len(body)
        lesson = LessonPart(number, _trimmed(spans), body[index], body[index + 1:following])
        letter.lessons.append(lesson)

    # The closing: from a closing heading or cue after the last lesson, else the paragraph
    # right before the greeting.
    last = letter.lessons[-1]
    closing_at = next((index for index, piece in enumerate(last.paragraphs)
                       if index > 0 and (CLOSING_HEADINGS.match(piece.text)
                                         or CLOSING_CUES.match(piece.text))), None)
    if closing_at is None and greeting_at is not None and len(last.paragraphs) >= 2:
        closing_at = len(last.paragraphs) - 1
        notes.append(Note(last.paragraphs[closing_at], "took this paragraph, the last before "
                                                        "the greeting, as the closing words; "
                                                        "move the '---' line if that is wrong"))
    if closing_at is not None:
        letter.closing = last.paragraphs[closing_at:]
        last.paragraphs = last.paragraphs[:closing_at]
        if CLOSING_HEADINGS.match(letter.closing[0].text):
            letter.closing_title = letter.closing[0].text.rstrip(".:")
            letter.closing = letter.closing[1:]
    if greeting_at is not None:
        letter.closing.append(pieces[greeting_at])

    english = [piece for piece in (letter.salutation, pieces[greeting_at] if greeting_at
                                   is not None else None) if piece is not None]
    if any(ENGLISH.match(piece.text) for piece in english) or \
            any(body[index].text.lower().startswith("lesson") for index, _ in headings):
        letter.language = "en"
    return letter


def _trimmed(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """A title's spans without a full stop or colon at the end."""
    if not spans:
        return spans
    last = spans[-1]
    return (*spans[:-1], replace(last, text=last.text.rstrip().rstrip(".:")))


def _signature(lines: list[str]) -> tuple[list[str], str | None]:
    """Names and an organisation from the lines under the greeting."""
    names: list[str] = []
    organisation = None
    for line in lines:
        found = _organisation_in(line)
        if found and ORGANISATION_WORDS.search(line):
            organisation = organisation or found
            continue
        names.extend(split_names(line, allow_single=True) or [])
    return names, organisation
