"""Find the parts of a letter in its paragraphs: date, title, salutation, introduction,
numbered lessons, closing, greeting, signatories and organisation.

Step 0 of the pipeline (bringing a letter in), pure: paragraphs as read (``Piece``s) →
a ``Letter``, with a note for everything that was guessed or repaired, so the author can
check those few places. Dutch and English letters alike.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field, replace

from ..dates import parse_date_line
from ..errors import printable
from ..labels import MONTHS
from ..letters import GREETINGS, is_greeting, is_quoted
from ..sentences import ends_a_sentence
from .pieces import Piece, Span

#: A line that is a numbered lesson title: "1. Titel", "1) Titel", "Les 1: Titel".
LESSON_LINE = re.compile(r"^(?:(?:les|lesson)\s+)?(\d{1,2})\s*(?:[.):]|\s[-–—])\s*(\S.*)$",
                         re.IGNORECASE)
SALUTATION = re.compile(r"^(beste|lieve|geachte|hallo|hoi|dag|goedemorgen|goedemiddag|"
                        r"goedenavond|aan|dear|hello|hi|to|greetings)\b.{0,100},$|"
                        # a short one that lost its comma: "Beste mensen" (not a title
                        # such as "Beste wensen voor 2027")
                        r"^(beste|lieve|geachte|hallo|hoi|dear|hello)\s+"
                        r"(?!.*\b(wens\w*|wish\w*|groet\w*|regards|\d+)\b)[^.!?:,;]{2,40}$",
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
#: A function under a signature: "voorzitter", "interim voorzitter", "secretary".
ROLE = (r"(?:(?:interim|waarnemend|algemeen|vice|oud|plv\.?|plaatsvervangend|acting|vice-|"
        r"deputy|former|board|club)[\s-]*)?(?:voorzitter|voorzitster|secretaris|penningmeester|"
        r"bestuurslid|bestuursleden|coördinator|coordinator|directeur|trainer|"
        r"ledenadministratie|wijkcoördinator|teamleider|president|secretary|treasurer|"
        r"chair(?:man|woman|person)?|board member|director|coach|manager)"
        r"(?:\s+.{1,80})?")
ROLE_LINE = re.compile(rf"^{ROLE}[.,]?$", re.IGNORECASE)
#: A role alone, without what may follow it ("President" of "President, St. George's").
ROLE_START = ROLE.removesuffix(r"(?:\s+.{1,80})?")
#: "Anna de Wit – interim voorzitter", "Anna de Wit, secretaris", "Anna de Wit (voorzitter)".
NAME_AND_ROLE = re.compile(rf"^(?P<name>[^,–—(]+?)\s*(?:\s[–—-]\s|,|\()\s*(?P<role>{ROLE})\)?[.,]?$",
                           re.IGNORECASE)
#: What follows a greeting on its line: "namens het bestuur, Jan van der Lei".
BEHALF_AND_NAMES = re.compile(r"(?P<lead>(?:namens|on behalf of)\s[^,]{1,60},)\s*(?P<names>.+)$",
                              re.IGNORECASE)
#: A line that stands before names: "Uw voorzitter,", "Namens het bestuur,".
LEAD_LINE = re.compile(rf"^(?:(?:uw|jullie|je|de|het|your|the)\s+(?P<role>{ROLE})|"
                       r"namens\s+(?:het\s+bestuur|de\s+werkgroep|het\s+team|ons\s+allen|"
                       r"iedereen)|on behalf of the (?:board|committee|team))[,.:]?$",
                       re.IGNORECASE)
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
    title_from_file: bool = False  # no title in the letter: its file's name stands in
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


def split_names(text: str, allow_single: bool = False) -> list[str] | None:
    """The names in a signature line ("Anna, Bram en Carla"), or ``None`` when it is not
    a line of names; with ``allow_single``, one name alone counts too."""
    names = [item for item in re.split(r"\s*(?:,|;|·|\||&|\t+|\s{3,}|\s+en\s+|\s+and\s+)\s*",
                                       text.strip().rstrip("."))
             if item]
    if not names or (len(names) < 2 and not allow_single):
        return None
    for name in names:
        words = re.sub(r"\([^)]*\)", "", name).split()
        if not 1 <= len(words) <= 6 or len(name) > 60 or ":" in name:
            return None
        if any(not (word[0].isupper() or word.lower() in PARTICLES or word.isdigit())
               or any(char.isdigit() for char in word) and not word.isdigit()
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


#: A line of a postal address (a house number and street, a postcode, a PO box), or an
#: addressee's "To"/"Aan": a letterhead's lines, never a title.
ADDRESS_LINE = re.compile(
    r"^\d+[a-z]?\s+\w|\b\d{4}\s?[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}\b|\bP\.?\s?O\.?\s+Box\b|"
    r"\bPMB\b|\bpostbus\b|^(to|aan|from|van)\s*:?$|"
    r"\w(straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park)\s+\d+", re.IGNORECASE)


#: A month and a year alone ("October, 2017", "december 2026"): a date line, no title.
MONTH_YEAR = re.compile(r"(" + "|".join(name for names in MONTHS.values() for name in names)
                        + r")\W+\d{4}", re.IGNORECASE)


def _title_like(piece: Piece) -> bool:
    text = piece.text
    if ADDRESS_LINE.search(text) or MONTH_YEAR.fullmatch(text) or SALUTATION.match(text):
        return False  # (a salutation without its comma too; "Beste wensen …" may be one)
    trails_off = re.search(r"(…|\.\.\.)\.?$", text)  # "Namens het bestuur…."
    return 0 < len(text.split()) <= MAX_TITLE_WORDS \
        and (not text.endswith((".", ",", ";", ":")) or bool(trails_off)) \
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


#: A paragraph that a web page adds around a letter (comment forms, counters, buttons).
WEB_LEFTOVER = re.compile(
    r"(no comments|\d+ comments?|leave a (reply|comment)|your email address will not be "
    r"published.*|required fields are marked.*|share this|like this|geen reacties|"
    r"geef een reactie|laat een reactie achter|je e-?mailadres wordt niet gepubliceerd.*|"
    r"vereiste velden zijn gemarkeerd.*|lees meer|read more|background image|"
    r"\d*\s*hit count|hits:?\s*\d+|reageer|reacties?|delen|share|tweet|print|e-?mail|"
    r"nog geen reacties|geen opmerkingen|een reactie posten|bericht|"
    r"\d+\s*views?\s*\d*\s*comments?|recent posts|see all|(top|bottom) of page|"
    r"you may also like|related posts|gerelateerde berichten|"
    r"(updated|posted( on)?|geplaatst( op)?|bijgewerkt( op)?):?\s+\w+\.?\s+\d{1,2},?\s+\d{4}|"
    r"(dsc|dscn|dscf|img|pict|p)_?\d{3,}(\.(jpe?g|png|heic))?)"
    r"\s*[:.!»›…]*", re.IGNORECASE)


#: A blog's motto printed above every post ("Mission Statement: We will …").
SITE_MOTTO = re.compile(r"(mission statement|our mission|onze missie|missie)\b\W", re.IGNORECASE)
#: Headings of a web page's side column, left alone at the end of a pasted letter.
SIDE_COLUMN = re.compile(
    r"(club |our |onze )?sponsors|categories|categorieën|archives?|archief|tags|search|"
    r"zoeken|follow us|volg ons|blog ?roll|meta|links|menu|navigation|navigatie"
    r"\s*[:.]*", re.IGNORECASE)


def _page_around(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """A blog's motto above the letter and a side column's heading left at its end are
    the web page's, not the letter's: left out, each with a note."""
    out = list(pieces)
    while out and not out[0].pictures and SITE_MOTTO.match(out[0].text):
        motto = out.pop(0)
        words = textwrap.shorten(printable(motto.text), 48, placeholder=" …")
        notes.append(Note("title", f"left out “{words}”, the web site's motto printed above "
                                   "every post"))
    while out and not out[-1].pictures and SIDE_COLUMN.fullmatch(out[-1].text.strip()):
        heading = out.pop()
        notes.append(Note(out[-1] if out else "title", f"left out “{printable(heading.text)}” "
                          "at the end, a heading of the web page's side column with nothing of "
                          "the letter under it"))
    return out


def _pasted_leftovers(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """Separator lines and what a web page adds around a letter ('Leave a Reply', a hit
    counter) are left out (the closing gets its own '---'), each with a note; a picture's
    description left in square brackets is kept, with a note saying what to do."""
    out: list[Piece] = []
    for piece in pieces:
        text = piece.text
        leftover = [line for line in (piece.lines or (text,))
                    if WEB_LEFTOVER.fullmatch(line.strip())]
        if leftover and len(leftover) == len(piece.lines or (text,)) and not piece.pictures:
            anchor = out[-1] if out else "title"
            notes.append(Note(anchor, f"left out “{printable(text[:40])}”, which a web page "
                                      "adds around a letter"))
            continue
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
    return _page_around(out, notes)


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
    if numbered:
        return [(index, None) for index in numbered]
    # Short lines set in bold that head the parts of a letter (at least two).
    bold = [index for index in range(start, end) if _bold_heading(pieces[index])
            and index + 1 < end and not _bold_heading(pieces[index + 1])]
    return [(index, None) for index in bold] if len(bold) >= 2 else []


#: The number typed before an item of a numbered list: "1. ", "2) ".
TYPED_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")


def _typed_lists(pieces: list[Piece]) -> list[Piece]:
    """Paragraphs typed as a numbered list ('1. …', '2. …', counting up from 1, two or
    more in a row) become its items, without the typed numbers."""
    out = list(pieces)
    index = 0
    while index < len(out):
        run = index
        while run < len(out) and not out[run].numbered and not out[run].bullet and \
                (found := TYPED_NUMBER.match(out[run].text)) and \
                int(found.group(1)) == run - index + 1:
            run += 1
        numbers = [TYPED_NUMBER.match(out[item].spans[0].text.lstrip())
                   for item in range(index, run)]
        if run - index >= 2 and all(numbers):  # (not a number split over two spans)
            for item, number in zip(range(index, run), numbers, strict=True):
                spans = out[item].spans
                assert number is not None
                first = replace(spans[0], text=spans[0].text.lstrip()[number.end():])
                out[item] = replace(out[item], spans=(first, *spans[1:]), numbered=True)
        index = max(run, index + 1)
    return out


def _bold_heading(piece: Piece) -> bool:
    """A line set wholly in bold that could head a part: short, no full stop."""
    visible = [span for span in piece.spans if span.text.strip()]
    return bool(visible) and all(span.bold for span in visible) and len(piece.lines) <= 1 \
        and 0 < len(piece.text.split()) <= MAX_TITLE_WORDS and not piece.pictures \
        and not piece.bullet and not piece.text.endswith((".", ",", ";")) \
        and not is_quoted(piece.text)  # a motto between quotation marks heads nothing


def _numbered_lines(pieces: list[Piece], start: int, end: int) -> list[tuple[int, int | None]]:
    """Lines such as '1. Title' that stand alone and count up from 1, with text between
    them (lines that follow each other directly are a list)."""
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
    if len(found) >= 2 and all(later - earlier == 1 for (earlier, _), (later, _) in
                               zip(found, found[1:], strict=False)):
        return []  # one after the other with no text between: a numbered list
    return found


def _organisation_in(text: str) -> str | None:
    behalf = ON_BEHALF.search(text)
    if behalf and ORGANISATION_WORDS.search(behalf.group(1)):
        return behalf.group(1).strip()
    role = re.match(rf"{ROLE_START}\s*[,–—-]\s*(?=\S)", text, re.IGNORECASE)
    if role is not None:  # "President, St. George's Tennis Club": the role is not its name
        text = text[role.end():]
    if ORGANISATION_WORDS.search(text) and len(text.split()) <= 10 \
            and not ends_a_sentence(text):
        return text.strip().rstrip(",")
    return None


def read_letter(pieces: list[Piece]) -> Letter:
    """The parts of a letter. A letter without recognisable lessons is read all the
    same: its body becomes the introduction (``Letter.lessons`` is empty)."""
    letter = Letter()
    notes = letter.notes
    pieces = _placeholder_links([piece for piece in pieces if piece.text or piece.pictures],
                                notes)
    pieces = _pasted_leftovers(pieces, notes)
    _take_date(pieces, letter)
    body_end, greeting, after = _take_signature(pieces, letter)
    body_start = _take_head(pieces, body_end, letter)

    body = pieces[body_start:body_end]
    keep = {index for index, piece in enumerate(body)
            if piece.heading or piece.marked_heading
            or LESSON_LINE.match(piece.text) and len(piece.lines) <= 1}
    body = _join_broken(body, notes, keep)

    headings = _lesson_headings(body, 0, len(body))
    if headings and all(_bold_heading(body[index]) and not body[index].heading
                        and not LESSON_LINE.match(body[index].text) for index, _ in headings):
        # Lines in bold head the parts of a letter, not lessons: they become '### '
        # headings (a slide each), and the letter has no lessons unless the author says so.
        for index, _ in headings:
            body[index] = replace(body[index], section=True)
        what = "Markdown headings" if all(body[index].marked_heading for index, _ in headings) \
            else "lines set in bold"
        notes.append(Note(body[headings[0][0]], f"took the {len(headings)} {what} as the "
                                                 "headings of the letter's parts ('### …', a "
                                                 "slide each); to make them lessons, write "
                                                 "'## ' instead of '### '"))
        headings = []
    # The other Markdown headings head parts too: of the letter, or inside a lesson.
    lesson_rows = {index for index, _ in headings}
    for index, piece in enumerate(body):
        if piece.marked_heading and not piece.section and index not in lesson_rows:
            body[index] = replace(piece, section=True)
    if headings:
        letter.introduction = body[:headings[0][0]]
        for number, (index, _) in enumerate(headings, start=1):
            spans, _typed = _strip_number(body[index].spans)
            following = headings[number][0] if number < len(headings) else len(body)
            letter.lessons.append(LessonPart(number, _trimmed(spans), body[index],
                                             body[index + 1:following]))
        last = letter.lessons[-1].paragraphs
        letter.closing = _take_closing(last, greeting is not None or bool(letter.signatories),
                                       letter)
    else:
        letter.introduction = body
        letter.closing = _take_closing(letter.introduction, False, letter, window=2)
    letter.introduction = _typed_lists(letter.introduction)
    for lesson in letter.lessons:
        lesson.paragraphs = _typed_lists(lesson.paragraphs)
    letter.closing = _typed_lists(letter.closing)
    if greeting is not None:
        letter.closing.append(greeting)
    letter.closing.extend(after)
    if letter.organisation is None:
        letter.organisation = _organisation_in_text(pieces, notes)

    english = [piece for piece in (letter.salutation, greeting) if piece is not None]
    language = language_of(" ".join(piece.text for piece in pieces))
    if language == "en" or any(ENGLISH.match(piece.text) for piece in english) or \
            any(body[index].text.lower().startswith("lesson") for index, _ in headings):
        letter.language = "en"
    elif language not in ("nl", None):
        notes.append(Note("language", f"the letter seems to be written in {language}; "
                                      "tweeluik's own words (contents, closing, dates) are "
                                      "Dutch or English: set 'language: en' if English "
                                      "suits the readers better"))
    return letter


#: Short words that only one of the languages uses often.
_FUNCTION_WORDS = {
    "nl": set("de het een en van ik we wij je jullie u niet dat die is op voor met zijn "
              "ook naar bij maar nog wat ons onze".split()),
    "en": set("the and of to a is in that for you we our with on are this be was have "
              "will it at your".split()),
    "German": set("der die das und ist nicht mit für wir sie ein eine auf dem den zu "
                  "unsere ihr".split()),
    "French": set("le la les et des est pour nous vous une dans que qui sur avec".split()),
}


def language_of(text: str) -> str | None:
    """The language most of ``text``'s short words belong to ('nl', 'en', or the name
    of another), or ``None`` when there are too few words to tell."""
    words = re.findall(r"[a-zäöüßéèàç]+", text.lower())
    if len(words) < 20:
        return None
    counts = {language: sum(1 for word in words if word in vocabulary)
              for language, vocabulary in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] >= 5 else None


#: A line of a memo's header: "Aan: …", "Van: …", "Datum: …", "Onderwerp: …".
MEMO_LINE = re.compile(r"^(aan|van|datum|onderwerp|betreft|kenmerk|cc|to|from|date|subject|re)"
                       r"\s*:\s*(.+)$", re.IGNORECASE)


def _take_memo_header(pieces: list[Piece], letter: Letter) -> None:
    """A memo's header at the top ("Aan:", "Van:", "Datum:", "Onderwerp:" lines) gives the
    date and the title, and leaves the text."""
    if not pieces:
        return
    lines = pieces[0].lines or (pieces[0].text,)
    found = [MEMO_LINE.match(line.strip()) for line in lines]
    if len(lines) < 2 or not all(found):
        return
    for match in found:
        assert match is not None
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in ("datum", "date") and letter.date is None:
            date = parse_date_line(value)
            if date is not None:
                letter.date, letter.date_text = date, value
        elif key in ("onderwerp", "betreft", "subject", "re") and letter.title is None:
            letter.title = value.rstrip(".")
    del pieces[0]
    letter.notes.append(Note("title", "left out the memo header at the top (“"
                                      f"{printable(lines[0][:30])} …”); its date and subject "
                                      "are used"))


def _take_date(pieces: list[Piece], letter: Letter) -> None:
    """The date line at the top becomes ``letter.date`` and leaves the text."""
    _take_memo_header(pieces, letter)
    if letter.date is not None:
        return
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
            return


def _take_signature(pieces: list[Piece], letter: Letter
                    ) -> tuple[int, Piece | None, list[Piece]]:
    """The signature block at the bottom: a greeting, then names (with their roles) and
    an organisation; or, without a greeting, a last paragraph of names. Returns where the
    body ends, the greeting, and the lines under the greeting that are not names (they
    stay in the text, after the greeting, with a note)."""
    notes = letter.notes
    greeting_at = next((index for index in range(len(pieces) - 1, -1, -1)
                        if is_greeting(pieces[index].lines[0] if pieces[index].lines
                                       else pieces[index].text)), None)
    if greeting_at is not None:
        greeting = pieces[greeting_at]
        after = list(greeting.lines[1:]) if len(greeting.lines) > 1 else []
        first = greeting.lines[0] if greeting.lines else greeting.text
        words = GREETINGS.match(first.strip())
        rest = first.strip()[words.end():].strip() if words else ""
        behalf = BEHALF_AND_NAMES.match(rest)
        if rest and not rest.startswith((",", "!", ".")) and split_names(rest, allow_single=True):
            after.insert(0, rest)  # "Groet Bert Wagemans": the name was on the same line
            first = first.strip()[:words.end()] if words else first
            greeting = replace(greeting, spans=(Span(first),), lines=(first,))
        elif behalf and split_names(behalf.group("names"), allow_single=True):
            # "Met vriendelijke groet namens het bestuur, Jan van der Lei"
            after.insert(0, behalf.group("names"))
            first = first.strip()[:len(first.strip()) - len(rest) + behalf.end("lead")]
            greeting = replace(greeting, spans=(Span(first),), lines=(first,))
        if after:
            greeting = replace(greeting, spans=(Span(greeting.lines[0]),),
                               lines=greeting.lines[:1])
        block = [line for piece in pieces[greeting_at + 1:] for line in
                 (piece.lines or (piece.text,))]
        names, organisation, kept = _signature(after + block)
        letter.signatories = names
        letter.organisation = letter.organisation or organisation \
            or _organisation_in(greeting.text)
        kept_pieces = [Piece((Span(line),), (line,)) for line in kept]
        for piece in kept_pieces:
            if not LEAD_LINE.match(piece.text):
                notes.append(Note(piece, f"kept “{piece.text[:40]}” under the greeting: it "
                                         "is not a name tweeluik recognises. If it is one, "
                                         "move it to 'signatories:'"))
        return greeting_at, greeting, kept_pieces
    start = len(pieces)
    while start > 1 and (is_signature(pieces[start - 1]) or LEAD_LINE.match(pieces[start - 1].text)):
        start -= 1
    if start < len(pieces) and not LEAD_LINE.match(pieces[start].text) or \
            start < len(pieces) - 1:
        lines = [line for piece in pieces[start:] for line in (piece.lines or (piece.text,))]
        names, organisation, kept = _signature(lines)
        if names:
            letter.signatories = names
            letter.organisation = letter.organisation or organisation
            return start, None, [Piece((Span(line),), (line,)) for line in kept]
    return len(pieces), None, []


def _take_head(pieces: list[Piece], body_end: int, letter: Letter) -> int:
    """The salutation, and above it the title (and a subtitle or letterhead); returns
    where the body starts."""
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
            letter.notes.append(Note("organisation", f"took the letterhead “{piece.text}” "
                                                     "as the organisation"))
        elif letter.title is None:
            letter.title = piece.text.rstrip(".")
        elif letter.subtitle is None:
            letter.subtitle = piece.text.rstrip(".")
    if salutation_at is not None:
        letter.salutation = pieces[salutation_at]
        if not letter.salutation.text.endswith(","):  # "Beste mensen": the paste lost it
            spans = letter.salutation.spans
            last = replace(spans[-1], text=spans[-1].text.rstrip() + ",")
            letter.salutation = replace(letter.salutation, spans=(*spans[:-1], last),
                                        lines=(letter.salutation.text + ",",))
            letter.notes.append(Note(letter.salutation, "added the comma after the "
                                                        "salutation, which sets it apart"))
        # A picture above the salutation (a newsletter's masthead) opens the text.
        pictured = [piece for piece in pieces[:salutation_at] if piece.pictures]
        others = [piece for piece in pieces[:salutation_at] if not piece.pictures]
        pieces[:salutation_at + 1] = [*others, letter.salutation, *pictured]
        return len(others) + 1
    # The first line with words (a newsletter's masthead picture may stand above it).
    at = next((index for index, piece in enumerate(pieces[:4]) if piece.text), 0)
    first = pieces[at] if pieces and pieces[at].text else None
    if letter.title is None and first is not None and body_end > at + 1 and not first.bullet \
            and (first.title_style or _title_like(first) and len(first.text.split()) <= 10):
        letter.title = first.text.rstrip(".")  # a short first line, such as a greeting
        if not first.title_style:
            letter.notes.append(Note("title", f"took the first line “{letter.title}” as the "
                                              "title"))
        pictures = pieces[:at]  # above the title: they open the text
        below = pieces[at + 1] if at + 2 < body_end else None
        if below is not None and _bold_heading(below) and _bold_heading(first) \
                and len(below.text.split()) <= 5 and re.search(r"\d", below.text) \
                and not LESSON_LINE.match(below.text):
            # A masthead's issue line in bold under its name: "Autumn 2010", "Nummer 4"
            letter.subtitle = below.text.rstrip(".")
            pieces[:at + 2] = [first, below, *pictures]
            return 2
        pieces[:at + 1] = [first, *pictures]
        return 1
    return head_end


#: Words of a paragraph that wishes, thanks or looks ahead: a closing without a heading.
CLOSING_WORDS = re.compile(r"\b(wens(en)?|bedank\w*|dank(en|baar)?|fijne feestdagen|"
                           r"gelukkig nieuwjaar|tot (ziens|volgend jaar|dan)|we zien (u|jullie|"
                           r"elkaar)|wish(es)?|thank(s| you)?|see you|happy (holidays|new year)|"
                           r"merry christmas)\b", re.IGNORECASE)


def _take_closing(paragraphs: list[Piece], signed: bool, letter: Letter,
                  window: int | None = None) -> list[Piece]:
    """The closing words at the end of ``paragraphs`` (the last lesson, or the body of a
    letter without lessons), taken out of them: from a closing heading or cue; else, in a
    signed letter, the last paragraph when it wishes, thanks or looks ahead (a guess the
    report names). ``window`` limits the search to the last few paragraphs."""
    first = 1 if window is None else max(1, len(paragraphs) - window)
    closing_at = next((index for index, piece in enumerate(paragraphs)
                       if index >= first and (CLOSING_HEADINGS.match(piece.text)
                                         or CLOSING_CUES.match(piece.text))), None)
    if closing_at is None and signed and len(paragraphs) >= 2 \
            and CLOSING_WORDS.search(paragraphs[-1].text) and not paragraphs[-1].bullet:
        closing_at = len(paragraphs) - 1
        letter.notes.append(Note(paragraphs[closing_at], "took this paragraph, the last "
                                 "before the names, as the closing words (it wishes, thanks "
                                 "or looks ahead); move the '---' line if that is wrong"))
    if closing_at is None:
        return []
    closing = paragraphs[closing_at:]
    del paragraphs[closing_at:]
    if CLOSING_HEADINGS.match(closing[0].text):
        letter.closing_title = closing[0].text.rstrip(".:")
        closing = closing[1:]
    return closing


#: An organisation named in the text: "Vereniging Zuidkant", "Stichting De Linde".
ORGANISATION_NAME = re.compile(
    r"\b((?:[A-Z][a-zà-ÿ]+)?"  # a compound: Wijkbelangenvereniging, Seniorenvereniging
    r"(?:[Vv]ereniging|[Ss]tichting|[Ww]ijkteams?|[Cc]oöperatie|[Bb]ewonersgroep|"
    r"[Bb]ewonerscommissie|[Ww]erkgroep|[Cc]lub|[Aa]ssociation|[Ff]oundation|[Ss]ociety)"
    r"(?:\s+(?:van|voor|de|der|den|het|'t|of|the|[A-Z][\w'’-]+))*\s+[A-Z][\w'’-]+)")


#: What stands before an organisation's name in running text ("als", "het bestuur van").
ORGANISATION_CONTEXT = re.compile(r"\b(als|van|namens|bestuur|leden|voor|bij|door|of|from|"
                                  r"by|for|with|at)\s+(?:de\s+|het\s+|the\s+|onze\s+|our\s+)?$",
                                  re.IGNORECASE)


def _organisation_in_text(pieces: list[Piece], notes: list[Note]) -> str | None:
    """An organisation the letter names in its text ("als Vereniging Zuidkant", "het
    bestuur van de Vereniging Zuidkant"): the name said most often, with a note; a note
    saying what to add when there is none."""
    found = Counter(match.group(1) for piece in pieces
                    for match in ORGANISATION_NAME.finditer(piece.text)
                    if ORGANISATION_CONTEXT.search(piece.text[max(0, match.start() - 30):
                                                              match.start()]))
    if not found:
        notes.append(Note("organisation", "no organisation found in the letter: add a line "
                                          "'organisation: …' to the front matter, so the "
                                          "cover, the colophon and the slides name it"))
        return None
    name = found.most_common(1)[0][0]
    notes.append(Note("organisation", f"took “{name}”, named in the letter, as the "
                                      "organisation"))
    return name


def _trimmed(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """A title's spans without a full stop or colon at the end."""
    if not spans:
        return spans
    last = spans[-1]
    return (*spans[:-1], replace(last, text=last.text.rstrip().rstrip(".:")))


def _signature(lines: list[str]) -> tuple[list[str], str | None, list[str]]:
    """Names (a role kept with its name, "Anna de Wit (secretaris)"), an organisation,
    and the lines that are neither, from the lines under the greeting. Lead lines such
    as "Uw voorzitter," give their role to the name under them; "Namens het bestuur,"
    and every line not understood are returned to stay in the text."""
    names: list[str] = []
    organisation = None
    kept: list[str] = []
    pending: str | None = None  # a role from a lead line, for the next name
    for line in lines:
        text = line.strip()
        if not text:
            continue
        lead = LEAD_LINE.match(text)
        if lead:
            pending = lead.group("role")
            if pending is None:
                kept.append(text)
            continue
        with_role = NAME_AND_ROLE.match(text)
        if with_role and split_names(with_role.group("name"), allow_single=True):
            names.append(f"{with_role.group('name').strip()} ({with_role.group('role').strip()})")
            pending = None
            continue
        role_first = re.match(rf"(?P<role>{ROLE_START})\s*[,–—-]\s*(?P<rest>\S.*)$", text,
                              re.IGNORECASE)
        if role_first and names and "(" not in names[-1]:  # "President, Tennis Club X"
            names[-1] = f"{names[-1]} ({role_first.group('role')})"
            organisation = organisation or role_first.group("rest").rstrip(".,")
            continue
        if ROLE_LINE.match(text) and names and "(" not in names[-1]:
            named = ORGANISATION_NAME.search(text)
            role = text[:named.start()].strip() if named else text
            if named:
                organisation = organisation or named.group(1)
            names[-1] = f"{names[-1]} ({role.rstrip('.,')})"
            continue
        found = _organisation_in(text)
        if found and ORGANISATION_WORDS.search(text):
            organisation = organisation or found
            continue
        line_names = split_names(text, allow_single=True)
        if line_names:
            if pending and len(line_names) == 1:
                line_names = [f"{line_names[0]} ({pending})"]
            names.extend(line_names)
            pending = None
            continue
        kept.append(text)
    return names, organisation, kept


def is_signature(piece: Piece) -> bool:
    """True for a paragraph that is only names, names with roles, and lead lines."""
    lines = piece.lines or (piece.text,)
    names, _, kept = _signature(list(lines))
    return bool(names) and not kept and (len(names) > 1 or len(piece.text.split()) <= 8)
