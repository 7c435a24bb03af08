"""Find the parts of a letter in its paragraphs: date, title, salutation, introduction,
numbered lessons, closing, greeting, signatories and organisation.

Step 0 of the pipeline (bringing a letter in), pure: paragraphs as read (``Piece``s) →
a ``Letter``, with a note for everything that was guessed or repaired, so the author can
check those few places. Dutch and English letters alike.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections import Counter
from dataclasses import replace

from ..dates import parse_date_line
from ..errors import printable
from ..letters import GREETINGS, MERGE_FIELD, is_greeting
from .captions import captions_as_descriptions
from .lesson_lines import (
    LESSON_LINE,
    bold_heading,
    lesson_headings,
    skipped_number,
    strip_number,
    typed_lists,
)
from .letter_parts import LessonPart, Letter, Note
from .line_kinds import (
    CLOSING_CUES,
    CLOSING_HEADINGS,
    CONTACT_LINE,
    ENGLISH,
    SALUTATION,
    SECTION_NAME,
    SUBJECT_LINE,
    WEB_ADDRESS_ALONE,
    title_like,
    without_full_stop,
)
from .mailing_foot import without_the_mailing
from .page_margins import NO_MARGINS, PageMargins, organisation_in_the_margins
from .paste_leftovers import (
    address_blocks,
    join_broken,
    pasted_leftovers,
    placeholder_links,
    unglued,
)
from .pieces import Piece, Span, goes_on_an_item
from .signature import (
    BEHALF_AND_NAMES,
    EMPHASIS_AT_THE_ENDS,
    LEAD_LINE,
    ORGANISATION_NAME,
    ORGANISATION_WORDS,
    ROLE_LINE,
    SIGNED_MARK,
    is_role_and_organisation,
    is_signature,
    organisation_in,
    signature_parts,
    split_names,
    trimmed,
)


def read_letter(pieces: list[Piece], sender: str = "",
                margins: PageMargins = NO_MARGINS) -> Letter:
    """The parts of a letter. A letter without recognisable lessons is read all the
    same: its body becomes the introduction (``Letter.lessons`` is empty). ``sender`` is
    the name an e-mail was sent under ('Wijkteam Oost'), the organisation when it names
    one and the letter does not; so are an office file's page header and footer
    (``margins``)."""
    letter = Letter()
    notes = letter.notes
    pieces = placeholder_links([piece for piece in pieces if piece.text or piece.pictures],
                                notes)
    pieces = unglued(pasted_leftovers(without_the_mailing(pieces, notes), notes), notes)
    pieces = _without_fields_alone(pieces, notes)
    pieces = captions_as_descriptions(pieces, notes)
    _take_date(pieces, letter)
    pieces = address_blocks(pieces, notes)
    pieces = _postscript_above_the_greeting(pieces, notes)
    body_end, greeting, after, appendix = _take_signature(pieces, letter, sender)
    body_start = _take_head(pieces, body_end, letter)

    body = _without_the_date_at_the_end(pieces[body_start:body_end], letter)
    keep = {index for index, piece in enumerate(body)
            if piece.heading or piece.marked_heading
            or LESSON_LINE.match(piece.text) and len(piece.lines) <= 1}
    body = join_broken(body, notes, keep)

    headings = _headings(body, notes)
    lesson_rows = {index for index, _ in headings}
    if headings:
        _bold_lines_as_part_headings(body, lesson_rows, notes)
        letter.introduction = body[:headings[0][0]]
        for number, (index, _) in enumerate(headings, start=1):
            spans, _typed = strip_number(body[index].spans)
            following = headings[number][0] if number < len(headings) else len(body)
            letter.lessons.append(LessonPart(number, trimmed(spans), body[index],
                                             body[index + 1:following]))
        last = letter.lessons[-1].paragraphs
        letter.closing = _take_closing(last, greeting is not None or bool(letter.signatories),
                                       letter)
    else:
        letter.introduction = body
        letter.closing = _take_closing(letter.introduction, False, letter, window=2)
    # The text under the names goes above the greeting, as a publication ends with them:
    # after the text of a letter without lessons, else before the closing's own words
    # (which the closing slide takes its words from)
    if letter.lessons:
        letter.closing = [*appendix, *letter.closing]
    else:
        letter.introduction = [*letter.introduction, *appendix]
    letter.introduction = typed_lists(letter.introduction)
    for lesson in letter.lessons:
        lesson.paragraphs = typed_lists(lesson.paragraphs)
    letter.closing = typed_lists(letter.closing)
    if greeting is not None:
        letter.closing.append(greeting)
    letter.closing.extend(after)
    if letter.organisation is None:
        letter.organisation = _organisation_of_the_sender(sender, notes) \
            or organisation_in_the_margins(margins, notes) \
            or _organisation_in_text(pieces, notes)

    english = [piece for piece in (letter.salutation, greeting) if piece is not None]
    language = language_of(" ".join(piece.text for piece in pieces))
    if language == "en" or any(ENGLISH.match(piece.text) for piece in english) or \
            any(body[index].text.lower().startswith("lesson") for index, _ in headings):
        letter.language = "en"
    elif language == "de":  # its contents, closing, colophon and dates in German
        letter.language = "de"
    elif language not in ("nl", None):
        notes.append(Note("language", f"the letter seems to be written in {language}; "
                                      "tweeluik's own words (contents, closing, dates) are "
                                      "Dutch, English or German: set 'language: en' if "
                                      "English suits the readers better"))
    return letter


def _bold_lines_as_part_headings(body: list[Piece], lesson_rows: set[int],
                                 notes: list[Note]) -> None:
    """In a letter with lessons, a short line set wholly in bold over a paragraph or a
    picture heads a part of its lesson (or of the introduction), as a Word heading would:
    it becomes '### ', which a screen reader can jump to and the booklet keeps with what
    follows (a handout's "Verdeling naar gemeente" stood alone at a page's foot, its
    chart on the next page). Bold lines in a row are a block of emphasis, not headings."""
    found = [index for index in range(len(body) - 1)
             if index not in lesson_rows and index + 1 not in lesson_rows
             and not body[index].section and not body[index].heading
             and bold_heading(body[index]) and not bold_heading(body[index + 1])
             and not (index > 0 and bold_heading(body[index - 1]))]
    for index in found:
        body[index] = replace(body[index], section=True)
    if found:
        lines = "a line" if len(found) == 1 else f"{len(found)} lines"
        notes.append(Note(body[found[0]], f"took {lines} set wholly in bold over a "
                                          "paragraph as the heading of a part ('### …'); "
                                          "to keep one as a line in bold, write it as "
                                          "'**…**'"))


#: Short words that only one of the languages uses often.
_FUNCTION_WORDS = {
    "nl": set("de het een en van ik we wij je jullie u niet dat die is op voor met zijn "
              "ook naar bij maar nog wat ons onze".split()),
    "en": set("the and of to a is in that for you we our with on are this be was have "
              "will it at your".split()),
    "de": set("der die das und ist nicht mit für wir sie ein eine auf dem den zu "
              "unsere ihr".split()),
    "French": set("le la les et des est pour nous vous une dans que qui sur avec".split()),
}


def language_of(text: str) -> str | None:
    """The language most of ``text``'s short words belong to ('nl', 'en', 'de', or the
    name of another), or ``None`` when there are too few words to tell."""
    words = re.findall(r"[a-zäöüßéèàç]+", text.lower())
    if len(words) < 20:
        return None
    counts = {language: sum(1 for word in words if word in vocabulary)
              for language, vocabulary in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] >= 5 else None


#: A line of a memo's header: "Aan: …", "Van: …", "Datum: …", "Onderwerp: …"; or of an
#: e-mail's, as a mail program saves or prints it ("Verzonden: …", "Reply-To: …").
MEMO_LINE = re.compile(r"^(aan|van|datum|onderwerp|betreft|kenmerk|cc|bcc|to|from|date|"
                       r"subject|re|verzonden|sent|reply-to|content-type|mime-version|"
                       r"content-transfer-encoding|message-id|in-reply-to|references)"
                       r"\s*:\s*(.+)$", re.IGNORECASE)
#: What a mail program puts before a subject it answers or sends on: "Re: Fwd: …",
#: and a mailing list before every subject: "[Announce] …".
REPLY_MARKS = re.compile(r"^(?:(?:re|fw|fwd|aw|wg|antw|doorst)\s*:\s*|\[[^\[\]]{1,30}\]\s*)+",
                         re.IGNORECASE)  # (and a mailing list's name: '[Leden] …')


def _without_fields_alone(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """Without the paragraphs that hold only mail-merge fields (a Word mail merge's
    address block: '«Vorname» «Name»', '«Adresse_1»'; a mailing program's '{footer}'),
    with one note: they are filled in for each reader, and a booklet cannot be."""
    alone = [piece for piece in pieces if MERGE_FIELD.search(piece.text)
             and not MERGE_FIELD.sub("", piece.text).strip(" ,.;:*_\\")]
    if not alone:
        return pieces
    shown = ", ".join(printable(piece.text[:30]) for piece in alone[:3])
    notes.append(Note(alone[0], f"left out {len(alone)} line{'s' if len(alone) > 1 else ''} "
                                f"that hold{'' if len(alone) > 1 else 's'} only fields a "
                                f"mail merge fills in ({shown}): they stand for each "
                                "reader's own name and address, or a mailing's own words, "
                                "which a booklet cannot print"))
    return [piece for piece in pieces if all(piece is not other for other in alone)]


def _take_memo_header(pieces: list[Piece], letter: Letter) -> None:
    """A memo's or an e-mail's header at the top ("Aan:", "Van:", "Datum:", "Onderwerp:"
    lines; "From:", "Subject:", "Date:", "Reply-To:") gives the date and the title, and
    leaves the text. A field a mailing program fills in ('{{.Subject}}') gives nothing."""
    if not pieces:
        return
    lines = pieces[0].lines or (pieces[0].text,)
    found = [MEMO_LINE.match(line.strip()) for line in lines]
    if len(lines) < 2 or not all(found):
        return
    used = []
    for match in found:
        assert match is not None
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in ("datum", "date", "verzonden", "sent") and letter.date is None:
            date = parse_date_line(value) or _mail_date(value)
            if date is not None:
                letter.date, letter.date_text = date, value
                used.append("date")
        elif key in ("onderwerp", "betreft", "subject", "re") and letter.title is None \
                and not MERGE_FIELD.search(value) and REPLY_MARKS.sub("", value).strip(" ."):
            letter.title = without_full_stop(REPLY_MARKS.sub("", value))
            used.append("subject")
    del pieces[0]
    what = "e-mail's header" if any(match and match.group(1).lower() in _MAIL_ONLY
                                    for match in found) else "header"
    said = {("subject", "date"): "its subject is the title, its date the date",
            ("date", "subject"): "its subject is the title, its date the date",
            ("subject",): "its subject is the title", ("date",): "its date is the date"
            }.get(tuple(used), "it gives no date or subject")
    letter.notes.append(Note("title", f"left out the {what} at the top (“"
                                      f"{printable(lines[0][:30])} …”); {said}"))


def _mail_date(value: str) -> dt.date | None:
    """The day of an e-mail's 'Date:' ('Tue, 3 Dec 2024 10:12:00 +0100'), if it is one."""
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


#: Header names only an e-mail has.
_MAIL_ONLY = {"reply-to", "content-type", "mime-version", "content-transfer-encoding",
              "message-id", "in-reply-to", "references", "verzonden", "sent", "bcc"}


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


def _last_greeting(pieces: list[Piece], below: int = -1) -> int | None:
    """Where the last paragraph that opens with a greeting stands, below ``below``."""
    return next((index for index in range(len(pieces) - 1, below, -1)
                 if is_greeting(pieces[index].lines[0] if pieces[index].lines
                                else pieces[index].text)), None)


#: What opens a postscript under the names: 'P.S.', 'PS:', 'N.B.'; with at least this
#: many words in all (a name with initials, 'P.S. de Vries', is no postscript).
POSTSCRIPT = re.compile(r"(p\.?\s?s|n\.?\s?b)\b\.?:?(\s|$)", re.IGNORECASE)
POSTSCRIPT_WORDS = 5


def _postscript_above_the_greeting(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """A postscript under the names ('P.S. Als je komt, meld je dan aan.') moved above
    the greeting, as one paragraph with its 'P.S.': a publication ends with its names,
    and under the greeting the postscript would be read as lines of names."""
    greeting_at = _last_greeting(pieces)
    if greeting_at is None:
        return pieces
    start = next((index for index in range(greeting_at + 1, len(pieces))
                  if POSTSCRIPT.match(pieces[index].text)
                  and len(pieces[index].text.split()) >= POSTSCRIPT_WORDS), None)
    if start is None:
        return pieces
    moved = [replace(piece, lines=(piece.text,)) for piece in pieces[start:]]
    notes.append(Note(moved[0], "moved the postscript (“P.S.”) from under the names to above "
                                "the greeting: a publication ends with its names"))
    return [*pieces[:greeting_at], *moved, *pieces[greeting_at:start]]


def _take_signature(pieces: list[Piece], letter: Letter, sender: str = ""
                    ) -> tuple[int, Piece | None, list[Piece], list[Piece]]:
    """The signature block at the bottom: a greeting, then names (with their roles) and
    an organisation; or, without a greeting, a last paragraph of names. Returns where the
    body ends, the greeting, the lines under the greeting that are not names (they
    stay in the text, after the greeting, with a note), and the text under the names (an
    appendix: it goes above the greeting, with a note)."""
    notes = letter.notes
    # A greeting above a heading closes a part (a mail quoted in a club's procedures),
    # not the letter: only one below the last heading can sign it.
    last_heading = max((index for index, piece in enumerate(pieces)
                        if piece.heading or piece.marked_heading), default=-1)
    greeting_at = _last_greeting(pieces, below=last_heading)
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
        appendix_at = _appendix_start(pieces, greeting_at + 1)
        block = [line for piece in pieces[greeting_at + 1:appendix_at] for line in
                 (piece.lines or (piece.text,))]
        block = _without_signed_marks(block, greeting, notes)
        block = _date_under_the_names(block, letter)
        names, organisation, kept = signature_parts(after + block)
        if not names and sender:  # ('mark anton', as the e-mail was sent, signs)
            names = [line.strip() for line in kept if line.strip().lower() == sender.lower()]
            kept = [line for line in kept if line.strip().lower() != sender.lower()]
            if names:
                notes.append(Note(greeting, f"took “{printable(names[0])}”, the name the "
                                            "e-mail was sent under, as the signatory"))
        letter.signatories = names
        letter.organisation = letter.organisation or organisation \
            or organisation_in(greeting.text)
        kept_pieces = _as_pieces(kept, pieces[greeting_at + 1:appendix_at])
        appendix = pieces[appendix_at:]
        if appendix:
            count = len(appendix)
            opening = printable(EMPHASIS_AT_THE_ENDS.sub("", appendix[0].text)[:40])
            notes.append(Note(appendix[0], f"moved the {count} paragraph"
                                           f"{'s' if count != 1 else ''} under the names (from "
                                           f"“{opening}”) above "
                                           "the closing words and the greeting: an appendix "
                                           "to the letter (an "
                                           "agenda, a motion), and a publication ends with "
                                           "its names; move them if they belong elsewhere"))
        for piece in kept_pieces:
            if all(CONTACT_LINE.search(line) for line in piece.lines):
                notes.append(Note(piece, f"kept the address “{piece.text[:40]}” under the "
                                         "greeting, as it stands"))
            elif not LEAD_LINE.match(piece.text):
                notes.append(Note(piece, f"kept “{piece.text[:40]}” under the greeting: it "
                                         "is not a name tweeluik recognises. If it is one, "
                                         "move it to 'signatories:'"))
        return greeting_at, greeting, kept_pieces, appendix
    start = len(pieces)
    while start > 1 and _may_sign(pieces, start - 1) and not goes_on_an_item(pieces, start - 1):
        start -= 1
    if start < len(pieces) and not LEAD_LINE.match(pieces[start].text) or \
            start < len(pieces) - 1:
        lines = [line for piece in pieces[start:] for line in (piece.lines or (piece.text,))]
        names, organisation, kept = signature_parts(lines)
        if names:
            letter.signatories = names
            letter.organisation = letter.organisation or organisation
            contact = [line for line in kept if CONTACT_LINE.search(line)]
            if contact:  # (without a greeting, they would be the closing's words)
                notes.append(Note("signatories", f"left out “{printable(contact[0][:40])}”"
                                                 f"{' …' if len(contact) > 1 else ''} under "
                                                 "the names; write it into the text if "
                                                 "readers need it"))
            kept = [line for line in kept if not CONTACT_LINE.search(line)]
            return start, None, _as_pieces(kept, pieces[start:]), []
    return len(pieces), None, [], []


#: How many paragraphs from its end a letter's closing date may stand ('Gütersloh, 22.
#: Februar 2025' over the names, as minutes end).
DATE_AT_THE_END = 3


def _without_the_date_at_the_end(body: list[Piece], letter: Letter) -> list[Piece]:
    """The letter's text without a town and date standing alone at its end ('Gütersloh,
    22. Februar 2025'), which is the letter's date when none stands at its top."""
    if letter.date is not None:
        return body
    for index in range(len(body) - 1, max(len(body) - 1 - DATE_AT_THE_END, -1), -1):
        text = body[index].text.strip()
        town = text.split(",")[0] if "," in text else ""
        # (a town before it, one word: 'Teus van Vliet, 1 november 2022' is a writer's)
        date = parse_date_line(text) if len(body[index].lines) <= 1 \
            and len(town.split()) <= 1 else None
        if date is not None:
            letter.date, letter.date_text = date, text
            letter.notes.append(Note("date", f"took “{printable(text)}”, at the letter's end, "
                                             "as its date"))
            return body[:index] + body[index + 1:]
    return body


def _without_signed_marks(lines: list[str], greeting: Piece, notes: list[Note]) -> list[str]:
    """The lines under a greeting without '[signed]' (or '(w.g.)'): on paper a hand
    signed there; in a publication it would read as a name."""
    marks = [line for line in lines if SIGNED_MARK.fullmatch(line.strip())]
    if marks:
        notes.append(Note(greeting, f"left out “{printable(marks[0].strip())}” under the "
                                    "greeting: it stands where a letter on paper is signed "
                                    "by hand"))
    return [line for line in lines if not SIGNED_MARK.fullmatch(line.strip())]


def _date_under_the_names(lines: list[str], letter: Letter) -> list[str]:
    """The lines under a greeting without the letter's date, when it stands there
    ('12th April, 2007' under the names) and not at the top: it becomes the date."""
    if letter.date is not None:
        return lines
    for index, line in enumerate(lines):
        date = parse_date_line(line.strip())
        if date is not None:
            letter.date, letter.date_text = date, line.strip()
            letter.notes.append(Note("date", f"took “{printable(line.strip())}”, under the "
                                             "names, as the letter's date"))
            return lines[:index] + lines[index + 1:]
    return lines


#: A paragraph under the names at least this long is text, not a name or an address.
APPENDIX_WORDS = 25


def _appendix_start(pieces: list[Piece], start: int) -> int:
    """Where text that follows the names begins (an agenda, a motion sent with the
    letter): the first heading, list item, table or long paragraph under the greeting,
    or a line in bold over one of those (a company's name in bold over its address is
    no appendix); ``len(pieces)`` when there is none."""
    def is_text(piece: Piece) -> bool:
        return bool(piece.heading or piece.marked_heading or piece.title_style
                    or piece.section or piece.numbered or piece.bullet or piece.table
                    or len(piece.text.split()) >= APPENDIX_WORDS
                    and not CONTACT_LINE.search(piece.text))  # (a long address is none)

    def heads_it(piece: Piece) -> bool:
        """A line in bold ('Agenda', or Markdown's '**…**') that is no person's name
        (a single word heads), role or firm."""
        visible = [span for span in piece.spans if span.text.strip()]
        words = EMPHASIS_AT_THE_ENDS.sub("", piece.text).strip().rstrip(".:")
        bold = bool(visible) and all(span.bold for span in visible) \
            or piece.text.startswith("**") and piece.text.rstrip().endswith("**")
        return bold and not ROLE_LINE.match(words) and not organisation_in(words) \
            and not (len(words.split()) > 1 and split_names(words, allow_single=True))

    first = next((index for index in range(start, len(pieces)) if is_text(pieces[index])),
                 len(pieces))
    while len(pieces) > first > start and heads_it(pieces[first - 1]):
        first -= 1
    return first


def _as_pieces(lines: list[str], read_from: list[Piece]) -> list[Piece]:
    """Lines kept under the names, a paragraph each, written as they were typed: in
    Markdown when the pieces they were read from were (a post's '**Gezamenlijk
    statement**' under its greeting had printed with its stars, escaped). Lines of an
    address one under another stay one paragraph, a line each ('3000 Bern' over
    'info@lobbywatch.ch')."""
    markdown = any(span.markdown for piece in read_from for span in piece.spans)
    runs: list[list[str]] = []
    for line in lines:
        if runs and CONTACT_LINE.search(line) and CONTACT_LINE.search(runs[-1][-1]):
            runs[-1].append(line)
        else:
            runs.append([line])
    return [Piece((Span("\n".join(run), markdown=markdown),), tuple(run),
                  kept_lines=len(run) > 1) for run in runs]


def _may_sign(pieces: list[Piece], index: int) -> bool:
    """True for a paragraph that may be part of a signature without a greeting above it:
    names, a lead line ('Namens het bestuur,'), or a role (and organisation) under a
    paragraph of names. A list's items and a heading never are: a post's list of who
    comes ('## Aanwezigen' over twenty names) is its text."""
    piece = pieces[index]
    if piece.bullet or piece.numbered or piece.marked_heading or piece.heading or piece.table \
            or piece.in_row:  # a 'who' of an action list's last row
        return False
    if is_signature(piece) or LEAD_LINE.match(piece.text):
        return True
    return index > 0 and is_role_and_organisation(piece) and _may_sign(pieces, index - 1) \
        and is_signature(pieces[index - 1])


#: The salutation is looked for among this many paragraphs at the top (an address block,
#: a date and a subject line may stand above it).
HEAD_PIECES = 8


def _take_head(pieces: list[Piece], body_end: int, letter: Letter) -> int:
    """The salutation, and above it the title (and a subtitle or letterhead); returns
    where the body starts."""
    salutation_at = next((index for index in range(min(HEAD_PIECES, body_end))
                          if SALUTATION.match(pieces[index].text)), None)
    head_end = salutation_at if salutation_at is not None else 0
    subject = next((piece for piece in pieces[:head_end] if SUBJECT_LINE.match(piece.text)),
                   None)
    taken = set()  # the pieces whose words went into the front matter
    if subject is not None and letter.title is None:
        found = SUBJECT_LINE.match(subject.text)
        assert found is not None
        letter.title = without_full_stop(found.group(1))
        taken.add(id(subject))
        letter.notes.append(Note("title", "took the subject line above the salutation as "
                                          "the title"))
    heads = [piece for piece in pieces[:head_end] if (title_like(piece) and not taken
             or piece.title_style or piece.heading) and id(piece) not in taken]
    # (beside a subject line, the short lines above the salutation are an address)
    styled = [piece for piece in heads if piece.title_style] or \
        [piece for piece in heads if piece.heading == 1]
    titles = styled + [piece for piece in heads if piece not in styled]
    for piece in titles:
        if letter.organisation is None and ORGANISATION_WORDS.search(piece.text) \
                and not piece.title_style and len(titles) > 1:
            # (a Markdown letterhead's stars are no part of the name)
            letter.organisation = EMPHASIS_AT_THE_ENDS.sub("", piece.text).strip()
            letter.notes.append(Note("organisation", f"took the letterhead "
                                                     f"“{letter.organisation}” as the "
                                                     "organisation"))
        elif letter.title is None:
            letter.title = without_full_stop(piece.text)
        elif letter.subtitle is None:
            letter.subtitle = without_full_stop(piece.text)
        else:
            continue
        taken.add(id(piece))
    if salutation_at is not None:
        letter.salutation = pieces[salutation_at]
        if not letter.salutation.text.endswith(","):  # "Beste mensen": the paste lost it
            spans = letter.salutation.spans
            last = replace(spans[-1], text=spans[-1].text.rstrip() + ",")
            letter.salutation = replace(letter.salutation, spans=(*spans[:-1], last),
                                        lines=(letter.salutation.text + ",",))
            letter.notes.append(Note(letter.salutation, "added the comma after the "
                                                        "salutation, which sets it apart"))
        # A picture above the salutation (a newsletter's masthead) opens the text; the
        # words beside it that became the title are not said twice.
        pictured = [replace(piece, spans=(), lines=()) if id(piece) in taken else piece
                    for piece in pieces[:salutation_at] if piece.pictures]
        others = [piece for piece in pieces[:salutation_at] if not piece.pictures]
        left = [piece for piece in others if id(piece) not in taken]
        if left:  # an address, a letterhead, a date line: not the publication's text
            # (said as what they are: a page's second heading there is no letterhead)
            what = "a heading" if all(piece.marked_heading or piece.heading for piece in left) \
                else "an address or a letterhead"
            letter.notes.append(Note("title", f"left out the {len(left)} line"
                                              f"{'s' if len(left) != 1 else ''} above the "
                                              f"salutation (“{printable(left[0].text[:40])}”"
                                              f"{' …' if len(left) > 1 else ''}): {what}; "
                                              "copy into the text what readers should see"))
        pieces[:salutation_at + 1] = [*others, letter.salutation, *pictured]
        return len(others) + 1
    # The first line with words (a newsletter's masthead picture may stand above it).
    at = next((index for index, piece in enumerate(pieces[:4]) if piece.text), 0)
    if at + 1 < body_end and WEB_ADDRESS_ALONE.fullmatch(pieces[at].text) \
            and (pieces[at + 1].title_style or pieces[at + 1].heading == 1):
        at += 1  # a cover's web address above the heading: the heading is the title
        letter.notes.append(Note("title", f"took the heading under “{pieces[at - 1].text}” "
                                          "as the title; that address stays in the text"))
    first = pieces[at] if pieces and pieces[at].text else None
    if letter.title is None and first is not None and body_end > at + 1 and not first.bullet \
            and not SECTION_NAME.fullmatch(first.text) \
            and (first.title_style or title_like(first) and (
                len(first.text.split()) <= 10 or first.marked_heading)):
        # a short first line, such as a greeting; a heading the author marked as one
        # ('# Handleiding: hoe host ik een etentje? (of: …)'), however long
        letter.title = without_full_stop(first.text)
        if not first.title_style:
            letter.notes.append(Note("title", f"took the first line “{letter.title}” as the "
                                              "title"))
        pictures = pieces[:at]  # above the title: they open the text
        below = pieces[at + 1] if at + 2 < body_end else None
        if below is not None and bold_heading(below) and bold_heading(first) \
                and len(below.text.split()) <= 5 and re.search(r"\d", below.text) \
                and not LESSON_LINE.match(below.text):
            # A masthead's issue line in bold under its name: "Autumn 2010", "Nummer 4"
            letter.subtitle = without_full_stop(below.text)
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


#: What stands before an organisation's name in running text ("als", "het bestuur van").
ORGANISATION_CONTEXT = re.compile(r"\b(als|van|namens|bestuur|leden|voor|bij|door|of|from|"
                                  r"by|for|with|at)\s+(?:de\s+|het\s+|the\s+|onze\s+|our\s+)?$",
                                  re.IGNORECASE)


def _headings(body: list[Piece], notes: list[Note]) -> list[tuple[int, int | None]]:
    """The lessons' headings in the letter's body (position, typed number); the other
    headings, and lines in bold that head parts rather than lessons, become the headings
    of parts ('### ', in place in ``body``), said in one note."""
    headings = lesson_headings(body, 0, len(body))
    if headings and all(bold_heading(body[index]) and not body[index].heading
                        and not LESSON_LINE.match(body[index].text) for index, _ in headings):
        # Lines in bold head the parts of a letter, not lessons: they become '### '
        # headings (a slide each), and the letter has no lessons unless the author says so.
        for index, _ in headings:
            body[index] = replace(body[index], section=True)
        marked = all(body[index].marked_heading for index, _ in headings)
        what = "lines set in bold" if not marked else "Markdown headings" if all(
            span.markdown for index, _ in headings for span in body[index].spans) \
            else "headings"
        part_heads = [body[index] for index, _ in headings]
        headings = []
    else:
        what, part_heads = "", []
    gap = skipped_number(body, headings)
    if gap is not None:
        row, counted, goes_on = gap
        notes.append(Note(body[row], f"the numbered lines count up to {counted} and go on "
                                     f"at {goes_on} here: the lessons end at {counted}, and "
                                     f"what stands from {goes_on} on is part of lesson "
                                     f"{counted}; if those are lessons too, number them from "
                                     f"{counted + 1}"))
    # The other headings, Markdown's and Word's of other levels, head parts too: of the
    # letter, or inside a lesson ('### '), rather than standing as a line of text.
    lesson_rows = {index for index, _ in headings}
    more_heads: list[Piece] = []
    for index, piece in enumerate(body):
        if not (piece.marked_heading or piece.heading) or piece.section \
                or index in lesson_rows:
            continue
        if index + 1 == len(body) or index + 1 in lesson_rows:
            # A Word chapter heading right above a lesson heads no text: as a part's
            # heading it would end the part before, alone at a page's foot. So does one
            # at the end (a blog's 'Ander nieuws' over a list the website made).
            kind = "Word heading" if piece.heading else "heading"
            where = "stands at the end of the letter" if index + 1 == len(body) \
                else "stands right above a lesson"
            notes.append(Note(piece, f"the {kind} “{printable(piece.text)}” {where} and "
                                     "heads no text of its own (a publication has no "
                                     "chapters): it stays a line of text; move it or leave "
                                     "it out"))
            continue
        body[index] = replace(piece, section=True)
        more_heads.append(piece)
    if part_heads:  # (the count said is that of all the parts' headings, in the source)
        more = "Markdown headings" if all(span.markdown for piece in more_heads
                                          for span in piece.spans) else "headings"
        if more_heads and more != what:
            what = f"{what} and {more}"
        notes.append(Note(part_heads[0], f"took the {len(part_heads) + len(more_heads)} {what} "
                                         "as the headings of the letter's parts ('### …', a "
                                         "slide each); to make them lessons, write '## ' "
                                         "instead of '### '"))
    return headings


def _organisation_of_the_sender(sender: str, notes: list[Note]) -> str | None:
    """The organisation an e-mail was sent under ('Wijkteam Oost <info@…>'), with a note;
    None for a person's name."""
    name = organisation_in(sender)
    if name:
        notes.append(Note("organisation", f"took “{printable(sender)}”, the name the e-mail "
                                          "was sent under, as the organisation"))
    return name


def _organisation_in_text(pieces: list[Piece], notes: list[Note]) -> str | None:
    """An organisation the letter names in its text ("als Vereniging Zuidkant", "het
    bestuur van de Vereniging Zuidkant", a sentence that opens with it: "Buurtvereniging
    Eiland-Brandt heeft …"): the name said most often, with a note; a note saying what
    to add when there is none."""
    found = Counter(match.group(1) for piece in pieces
                    for match in ORGANISATION_NAME.finditer(piece.text)
                    if ORGANISATION_CONTEXT.search(piece.text[max(0, match.start() - 30):
                                                              match.start()])
                    or re.fullmatch(r"(.*[.!?]\s+)?", piece.text[:match.start()]))
    if not found:
        notes.append(Note("organisation", "no organisation found in the letter: add a line "
                                          "'organisation: …' to the front matter, so the "
                                          "cover, the colophon and the slides name it"))
        return None
    name = found.most_common(1)[0][0]
    notes.append(Note("organisation", f"took “{name}”, named in the letter, as the "
                                      "organisation"))
    return name


