"""What a paste from a web page or an e-mail leaves in a letter, cleaned away.

Step 0 of the pipeline (bringing a letter in), pure: links whose address was lost, the
page around the letter (menus, separators, a blog's motto, a side column's heading) and
paragraphs a paste broke in mid-sentence; each repair with a note for the report.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import replace

from ..errors import printable
from ..sentences import ends_a_sentence, opens_with_a_label
from .lesson_lines import TYPED_NUMBER
from .letter_parts import Note
from .line_kinds import CONTACT_LINE, SEPARATOR
from .pieces import Piece, Span
from .signature import SIGNED_MARK
from .text_reader import BULLET, SHARED_MARK

#: The addresses a publication's links may have (as the build checks them).
FULL_ADDRESS = re.compile(r"(https?://|mailto:|tel:)\S", re.IGNORECASE)


def placeholder_links(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """Links whose address was lost in the paste keep their words as plain text, as do
    links to a file beside the letter ('../verslag.pdf'), which no reader can open; an
    address a browser completes ('www.…', an e-mail address) is completed."""
    out = []
    for piece in pieces:
        spans, said = [], []
        for span in piece.spans:
            if span.href is not None and (not span.href or span.href.startswith("#")):
                said.append(f"the link '{span.text.strip()}' had no address; its words are "
                            "kept as plain text")
                span = replace(span, href=None)
            elif span.href is not None and span.href.lower().startswith("www."):
                span = replace(span, href="https://" + span.href)  # (as a browser reads it)
            elif span.href is not None and re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+",
                                                        span.href):
                span = replace(span, href="mailto:" + span.href)
            elif span.href is not None and not FULL_ADDRESS.match(span.href):
                said.append(f"the link '{printable(span.text.strip()[:40])}' led to a file "
                            f"beside the letter ('{printable(span.href[:60])}'), which readers "
                            "cannot open; its words are kept as plain text: write a web "
                            "address there if there is one")
                span = replace(span, href=None)
            spans.append(span)
        kept = replace(piece, spans=tuple(spans)) if said or spans != list(piece.spans) \
            else piece
        notes.extend(Note(kept, message) for message in said)
        out.append(kept)
    return out


#: A paragraph that is only words in square brackets: what a picture leaves in a paste.
BRACKETED = re.compile(r"\[[^\[\]]+\]")


#: A paragraph that a web page adds around a letter (comment forms, counters, buttons).
WEB_LEFTOVER = re.compile(
    r"(no comments|\d+ comments?|leave a (reply|comment)|your email address will not be "
    r"published.*|required fields are marked.*|share this|like this|geen reacties|"
    r"geef een reactie|laat een reactie achter|je e-?mailadres wordt niet gepubliceerd.*|"
    r"vereiste velden zijn gemarkeerd.*|lees meer|read more|background image|"
    r"\d*\s*hit count|hits:?\s*\d+|"
    r"nog geen reacties|geen opmerkingen|een reactie posten|"
    r"\d+\s*views?\s*\d*\s*comments?|recent posts|see all|(top|bottom) of page|"
    r"you may also like|related posts|gerelateerde berichten|"
    r"(updated|posted( on)?|geplaatst( op)?|bijgewerkt( op)?):?\s+\w+\.?\s+\d{1,2},?\s+\d{4}|"
    r"(dsc|dscn|dscf|img|pict|p)_?\d{3,}(\.(jpe?g|png|heic))?|"
    # a mailing's foot: its copyright line, and where to unsubscribe
    r"(copyright\s*)?©.{0,80}(all rights reserved|alle rechten voorbehouden)|"
    r"(want to change how you receive these emails\?\s*)?you can update your preferences "
    r"or unsubscribe.*|view this email in your browser|bekijk deze e-?mail in (je|uw) "
    r"browser)"
    r"\s*[:.!»›…]*", re.IGNORECASE)
#: A web page's buttons: one common word, which a letter may hold too (a form's 'E-mail'
#: label): the page's only beside another of its leftovers.
WEB_BUTTON = re.compile(r"(reageer|reacties?|delen|share|tweet|print|e-?mail|bericht)"
                        r"\s*[:.!»›…]*", re.IGNORECASE)
#: How many paragraphs apart a button may stand from another leftover of the page.
BUTTONS_APART = 2


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


def _of_the_page(piece: Piece) -> str | None:
    """"page" when ``piece`` is what a web page adds around a letter, "button" when it is
    only a common word a page's button shows ('E-mail'), else ``None``."""
    lines = [line.strip() for line in piece.lines or (piece.text,)]
    if piece.pictures or not all(WEB_LEFTOVER.fullmatch(line) or WEB_BUTTON.fullmatch(line)
                                 for line in lines):
        return None
    return "page" if any(WEB_LEFTOVER.fullmatch(line) for line in lines) else "button"


def pasted_leftovers(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """Separator lines and what a web page adds around a letter ('Leave a Reply', a hit
    counter) are left out (the closing gets its own '---'), each with a note; a picture's
    description left in square brackets is kept, with a note saying what to do."""
    out: list[Piece] = []
    found = [_of_the_page(piece) for piece in pieces]
    for index, piece in enumerate(pieces):
        text = piece.text
        near = range(max(0, index - BUTTONS_APART), min(len(pieces), index + BUTTONS_APART + 1))
        if found[index] == "page" or found[index] == "button" and any(
                found[other] for other in near if other != index):
            anchor = out[-1] if out else "title"
            notes.append(Note(anchor, f"left out “{printable(text[:40])}”, which a web page "
                                      "adds around a letter"))
            continue
        if not piece.pictures and SEPARATOR.fullmatch(text):
            if out:  # said at the paragraph above it (the one below may become a heading)
                notes.append(Note(out[-1], "left out a separator line under this paragraph "
                                           f"(“{text[:12]}”)"))
            continue
        if BRACKETED.fullmatch(text) and not SIGNED_MARK.fullmatch(text):
            notes.append(Note(piece, "this line in square brackets looks like the description "
                                     "of a picture the paste left behind: save the picture in "
                                     "content/images/ and write ![description](images/NAME.jpg) "
                                     "here, or delete the line"))
        out.append(piece)
    return _page_around(out, notes)


#: A paragraph ending in a comma is a sentence broken in two (by a paste, or a PDF's line
#: ends) only when it is at least this long; a shorter one may be a salutation or a
#: greeting ("Met vriendelijke groet,") that a lower-case line follows.
COMMA_LINE_WORDS = 6
#: Where a page's export ran two paragraphs together: a sentence's end (after a word of
#: three small letters or more, perhaps a closing quote) right against a capital that
#: opens a word ('ondersteunen.Damiaanprijs', 'Harten.De paters').
GLUED = re.compile(r"(?<=[a-zà-ÿ]{3}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])|"
                   r"(?<=[a-zà-ÿ]{3}[.!?][”\"’])(?=[A-ZÀ-Ý][a-zà-ÿ])")
#: A paragraph at least this long may have others glued into it.
GLUED_LENGTH = 400


def unglued(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """A long paragraph of one run of text, into which a page's export glued the next
    ones (no space, no break, after a sentence's end), as the paragraphs it was; a
    place inside a web or e-mail address is none. Said once, at the first."""
    out: list[Piece] = []
    split = 0
    for piece in pieces:
        text = piece.spans[0].text if len(piece.spans) == 1 and len(piece.spans[0].text) \
            >= GLUED_LENGTH and not piece.table and not piece.marked_heading else ""
        places = [found.start() for found in GLUED.finditer(text)
                  if not re.search(r"[/@]|www|http", text[text.rfind(" ", 0, found.start()) + 1:
                                                          _word_end(text, found.start())])]
        if not places:
            out.append(piece)
            continue
        parts = [text[start:end].strip() for start, end in
                 zip([0, *places], [*places, len(text)], strict=True)]
        made = [replace(piece, spans=(replace(piece.spans[0], text=part),), lines=(part,))
                for part in parts if part]
        if not split:
            notes.append(Note(made[0], f"split a paragraph where the page had run the next "
                                       f"into it without a break (“…{parts[0][-20:]}” + "
                                       f"“{parts[1][:20]}…”)"))
        split += 1
        out.extend(made)
    return out


def _word_end(text: str, at: int) -> int:
    end = text.find(" ", at)
    return len(text) if end < 0 else end


def _broken_at_a_comma(piece: Piece) -> bool:
    """Whether ``piece``, ending in a comma, is the first half of a broken sentence: not
    a list item, nor a list item typed as text ('- …', '1. …'), which ends at its comma
    while the sentence that goes on below the list is not its own."""
    typed_item = any(mark.match(piece.text) for mark in (BULLET, SHARED_MARK, TYPED_NUMBER))
    return len(piece.text.split()) >= COMMA_LINE_WORDS and not piece.bullet \
        and not piece.numbered and not typed_item


#: The letter typed before an item of a list counted by letters: "b. ", "c) ".
TYPED_LETTER = re.compile(r"[a-z][.)]\s+\S")


def join_broken(pieces: list[Piece], notes: list[Note], keep: set[int]) -> list[Piece]:
    """Join a paragraph that ends mid-sentence with the next one when that starts in lower
    case (a paste broke one sentence in two), also after a comma in a long paragraph.
    Paragraphs in ``keep`` (by position) are headings and lines of names: never joined.
    A paragraph broken more than once is reported once for each break, at its line."""
    out: list[Piece] = []
    became: dict[int, Piece] = {}  # a joined paragraph (by id) → the one it is part of now
    joined_away: list[Piece] = []  # (kept, so that no id stands for two paragraphs)
    for index, piece in enumerate(pieces):
        if out and index not in keep and (index - 1) not in keep:
            before = out[-1]
            ending, opening = before.text, piece.text
            if ending and opening and not ends_a_sentence(ending) \
                    and (not ending.endswith(",") or _broken_at_a_comma(before)) \
                    and opening[0].isalpha() and not opens_with_a_label(opening) \
                    and not TYPED_LETTER.match(opening) \
                    and opening[0].islower() and not before.heading and not piece.heading \
                    and not before.pictures and not piece.pictures \
                    and not before.bullet and not piece.bullet \
                    and not (before.numbered and piece.numbered) \
                    and not before.quote and not piece.quote and not piece.after_break \
                    and not before.kept_lines and not piece.kept_lines:
                joined = replace(before, spans=(*before.spans, Span(" "), *piece.spans),
                                 lines=(*before.lines, *piece.lines))
                out[-1] = joined
                became[id(before)] = joined
                joined_away.append(before)
                tail = " ".join(ending.split()[-3:])
                head = " ".join(opening.split()[:3])
                # (a paste breaks them so, and so do an office file's or a page's own
                # line ends: the note says what was done, not by whom)
                notes.append(Note(joined, f"joined two paragraphs broken in mid-sentence "
                                          f"(“… {tail}” + “{head} …”)"))
                continue
        out.append(piece)
    for note in notes:  # a note on a paragraph joined since: on the one it is part of
        while id(note.anchor) in became:
            note.anchor = became[id(note.anchor)]
    return out


#: A word only an address has: a street's kind or a British postcode ('SW1V 3AA').
POSTAL = re.compile(r"\b(street|road|terrace|lane|avenue|gardens|square|place|close|"
                    r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|"
                    r"straße|strasse|gasse|allee|platz|ring|damm|chemin|rue)\b|"
                    r"\w(straat|laan|weg|plein|gracht|kade|singel|dijk|straße|strasse|gasse|"
                    r"allee|platz)\b|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\bP\.?\s?O\.?\s+box\b|"
                    r"\bpostbus\b|\bpostfach\b", re.IGNORECASE)
#: How many words a line of an address may have, and how many lines make a block.
ADDRESS_WORDS = 6
ADDRESS_LINES = 3


def address_blocks(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """The lines of an address that an office program kept as paragraphs of their own
    ('St Gabriel's Halls,' over 'Glasgow Terrace,' …) as one paragraph, a line each: three
    short lines or more with a postcode, a street, a telephone number or an e-mail address
    among them. In the letter's text only, between
    the first sentence and the greeting: the letterhead above it and the names under it
    are read line by line already."""
    from ..letters import is_greeting  # (beside the module's other leftovers)
    greeting = max((index for index, piece in enumerate(pieces) if is_greeting(piece.text)),
                   default=len(pieces))
    start = next((index for index, piece in enumerate(pieces)
                  if ends_a_sentence(piece.text) or piece.text.rstrip().endswith(",")),
                 len(pieces))  # (the first sentence, or the salutation, begins the text)
    out: list[Piece] = list(pieces[:start])
    index = start
    while index < len(pieces):
        end = index
        while end < greeting and _address_line(pieces[end]) \
                and (end == index or not pieces[end].after_break):
            end += 1
        run = pieces[index:end]
        if len(run) >= ADDRESS_LINES and any(CONTACT_LINE.search(piece.text)
                                             or POSTAL.search(piece.text) for piece in run):
            spans: list[Span] = []
            for piece in run:
                spans.extend([*([Span("\n")] if spans else []), *piece.spans])
            joined = replace(run[0], spans=tuple(spans),
                             lines=tuple(piece.text.strip() for piece in run), kept_lines=True)
            notes.append(Note(joined, f"kept the {len(run)} lines of an address (“"
                                      f"{printable(run[0].text.strip()[:30])} …”) together, a "
                                      "line each, as one paragraph"))
            out.append(joined)
            index = end
            continue
        out.append(pieces[index])
        index += 1
    return out


def _address_line(piece: Piece) -> bool:
    """A paragraph that can be a line of an address: a few words, plain, no sentence."""
    text = piece.text.strip()
    return 0 < len(text.split()) <= ADDRESS_WORDS and not piece.pictures \
        and not (piece.heading or piece.marked_heading or piece.section or piece.title_style
                 or piece.numbered or piece.bullet or piece.quote or piece.table
                 or piece.in_row or piece.in_item or piece.list_level or piece.kept_lines
                 or len(piece.lines) > 1) \
        and not text.endswith((".", "!", "?", ";", ":")) and not TYPED_NUMBER.match(text) \
        and not all(span.bold for span in piece.spans if span.text.strip())
