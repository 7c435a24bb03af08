"""What a document's running header and footer tell about the letter (step 0, bringing a
letter in, for Word and LibreOffice files).

Pure. Minutes and letters made in an office program often carry their title in the page
header ("Protokoll der ordentlichen Mitgliederversammlung des …") and the organisation
in the footer (its name over its address); the text itself then has no title line, and
the import fell back on the file's name. The header's and footer's lines are used only
for what the text does not give, each with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import parse_date_line
from ..errors import printable
from .letter_parts import Letter, Note
from .line_kinds import ADDRESS_LINE, CONTACT_LINE, MAX_TITLE_WORDS, without_full_stop
from .signature import ORGANISATION_WORDS, organisation_in


@dataclass(frozen=True)
class PageMargins:
    """The lines of the first page style's running header and footer, as written."""

    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()


#: A file without a running header or footer (a text, a web page, an e-mail).
NO_MARGINS = PageMargins()


#: A line of a page's margin that only counts the pages: '2', 'Seite 2 von 4', '1 / 2'.
PAGE_COUNT = re.compile(r"((seite|pagina|page|blad|blz\.?)\s*)?\d+(\s*(/|von|van|of)\s*\d+)?",
                        re.IGNORECASE)
#: What a title says a document is ("Protokoll der …", "Notulen van de …"), which an
#: organisation's name never starts with.
DOCUMENT_KIND = re.compile(r"(protokoll|niederschrift|einladung|notulen|verslag|"
                           r"uitnodiging|jaarverslag|nieuwsbrief|minutes|notice|invitation|"
                           r"newsletter|annual report|report|agenda|tagesordnung|"
                           r"planungstreffen|jahresbericht|rundbrief|mitteilung)\b",
                           re.IGNORECASE)


def useful(lines: list[str]) -> tuple[str, ...]:
    """A margin's lines without the empty ones and those that only count pages."""
    kept = (" ".join(line.split()) for line in lines)
    return tuple(line for line in kept if line and not PAGE_COUNT.fullmatch(line))


def title_from_the_header(letter: Letter, margins: PageMargins) -> None:
    """The letter's title from the page header, and its date, when the text gave none,
    each with a note."""
    if letter.date is None:
        for line in margins.header:
            date = parse_date_line(line)
            if date is not None:
                letter.date, letter.date_text = date, line
                letter.notes.append(Note("date", f"took “{printable(line)}”, the page "
                                                 "header's date, as the letter's date"))
                break
    if letter.title is not None:
        return
    title = next((line for line in margins.header if _title_like(line)), None)
    if title is not None:
        letter.title = without_full_stop(title)
        letter.notes.append(Note("title", f"took “{printable(letter.title)}”, the page "
                                          "header's line, as the title (the text has no "
                                          "title line)"))


def organisation_in_the_margins(margins: PageMargins, notes: list[Note]) -> str | None:
    """The organisation the page header or footer names at a line's start, with a note;
    None when neither does."""
    for where, lines in (("header", margins.header), ("footer", margins.footer)):
        name = next((found for line in lines if (found := _organisation(line))), None)
        if name is not None:
            notes.append(Note("organisation", f"took “{printable(name)}”, named in the page "
                                              f"{where}, as the organisation"))
            return name
    return None


def _title_like(line: str) -> bool:
    """A header line that can be a title: short, no address or date, and no
    organisation's name alone (unless it says what the document is: 'Protokoll der …
    e.V.', or only that: 'Planungstreffen')."""
    words = line.split()
    kind = DOCUMENT_KIND.match(line) is not None
    return (2 if not kind else 1) <= len(words) <= MAX_TITLE_WORDS \
        and not ADDRESS_LINE.search(line) and not CONTACT_LINE.search(line) \
        and parse_date_line(line) is None and (kind or not ORGANISATION_WORDS.search(line))


def _organisation(line: str) -> str | None:
    """The organisation a margin's line names at its start ('Makerspace Gütersloh e.V.
    info@…'), not inside a title ('Protokoll der … des Makerspace Gütersloh e.V.')."""
    if DOCUMENT_KIND.match(line):
        return None
    # (the name, before its address, e-mail, site or board: after a dash, a dot, a bar or
    # a comma, or a space)
    head = re.split(r"\s[–—|·•-]\s|,\s|\s+(?=\S+@|https?://|www\.|tel\b|telefon\b|"
                    r"vorstand:|bestuur:)", line, maxsplit=1, flags=re.IGNORECASE)[0]
    found = organisation_in(head)
    return found if found and len(found.split()) <= 8 else None
