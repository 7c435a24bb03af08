"""What a mailing program sets above and under a letter, left out (step 0, bringing a
letter in).

Pure: paragraphs → paragraphs, with a note for the report. A mailing (a newsletter, an
association's e-mail to its members, a company's) opens with a line for readers whose
mail program cannot show it ("View this e-mail in your browser") and ends with a foot:
why the reader gets it, how to leave the list, the copyright, the sender's registration
at the chamber of commerce, the buttons to pass it on. None of it belongs in a booklet,
which has a colophon of its own. Such words can stand in a letter's own text too
("afmelden voor de ALV kan tot 1 december"), so a foot is only taken from the letter's
end, from a paragraph that says it is about the mailing itself.
"""

from __future__ import annotations

import re
import textwrap

from ..errors import printable
from ..letters import is_greeting
from .letter_parts import Note
from .pieces import Piece

#: A paragraph of a mailing's foot (Dutch, German, English): why the reader gets the
#: mailing, how to leave it, that nobody reads replies, that it is confidential, the
#: sender's registration, a copyright line.
FOOT = re.compile(
    r"\b(you (are|were) receiving|you received|you're receiving|you have received) th(is|ese)"
    r"\b.{0,20}\b(e-?mails?|newsletters?|messages?|mailings?|updates)\b|"
    r"\bunsubscribe\b|\byou (are|were) subscribed (as|with|to)\b|\bsie sind mit "
    r"(folgenden daten|der (e-?mail-?)?adresse) (registriert|angemeldet)|\bje bent "
    r"(aangemeld|ingeschreven) (met|als|op)\b|\b(update|manage|change) (your )?(e-?mail |subscription )?"
    r"(preferences|subscription)\b|"
    r"\b(je|u) (ontvangt|ontving|krijgt) (deze|dit|onze)\b.{0,60}\b(e-?mail|nieuwsbrief|"
    r"bericht|mailing)|"
    r"\b(afmelden|uitschrijven|meld (je|u) (hier )?af|schrijf (je|u) (hier )?uit)\b.{0,60}"
    r"\b(e-?mail|nieuwsbrief|mailing|berichten)|\b(e-?mail|nieuwsbrief|mailing|berichten)\b"
    r".{0,60}\b(afmelden|uitschrijven|meld (je|u) (hier )?af|schrijf (je|u) (hier )?uit)\b|"
    r"\bsie (erhalten|bekommen|haben) (diese|diesen|den|die)\b.{0,60}\b(e-?mail|newsletter|"
    r"nachricht)|\b(newsletter )?abbestellen\b|\be-?mail-einstellungen\b|"
    # (a registration, with its number or the words a foot says it with)
    r"\beingetragen (im|beim) (handelsregister|registergericht)\b|\b(handelsregister|"
    r"registergericht):|\bamtsgericht [\w ]{2,30},? hr[ab]\b|\bhr[ab]:? ?\d{3,}|"
    r"\b(ust-?id(-?nr)?|umsatzsteuer-?id(entifikationsnummer)?)\.?:? ?[a-z]{2} ?\d{3}|"
    r"\b(kvk|kamer van koophandel)[- ]?(nummer|nr\.?|onder nummer)?:? ?\d{8}\b|"
    r"\bingeschreven (bij|in) (de )?(kvk|kamer van koophandel|handelsregister)\b|"
    r"\bdiese (nachricht|e-?mail) wurde automatisch|\bbitte antworten sie nicht\b|"
    r"\b(please )?do not reply to this\b|\bdit is een automatisch (verzonden |gegenereerd )?"
    r"bericht|"
    r"\b(dit|deze) (e-?mail(bericht)?|bericht) (is|kan) (uitsluitend|alleen|vertrouwelijk)|"
    r"\bth(is|e information in this) (e-?mail|message)\b.{0,40}\b(confidential|intended "
    r"(solely |only )?for)\b|\bdiese (e-?mail|nachricht) (enthält|ist) vertraulich|"
    r"^\s*(copyright\s*)?(©|\(c\)\s*\d{4})|^\s*copyright \d{4}",
    re.IGNORECASE)
#: What stands right above a foot and goes with it: a button to pass the mailing on, the
#: icons of the sender's pages on social networks, a heading over the foot.
FOOT_START = re.compile(
    r".{0,40}\b(weiterempfehlen|weiterleiten|doorsturen|stuur (deze|dit) door|forward (this|to)|"
    r"share (this|on)|delen|teilen|volg ons|follow us|folgen sie uns)\b.{0,40}|"
    r"(facebook|twitter|x|instagram|linkedin|youtube|google\s*(plus|\+)?|xing|whatsapp|"
    r"mastodon)|impressum|colofon|colophon|contact|kontakt|disclaimer|datenschutz\w*|"
    r"privacy",
    re.IGNORECASE)
#: The line above a mailing for readers whose mail program cannot show it.
IN_THE_BROWSER = re.compile(
    r".{0,60}\b((sollte|wird|falls) diese (e-?mail|nachricht|newsletter)\b.{0,40}\bnicht "
    r"(korrekt|richtig)|im (web-?)?browser (ansehen|anzeigen|öffnen|lesen)|"
    r"view (this e-?mail |it |this message )?(online|in (your|a|the) (web )?browser)|"
    r"bekijk (deze|de|dit) (e-?mail|nieuwsbrief|bericht) (online|in (je|uw|de) browser)|"
    r"(wordt|ziet) deze (e-?mail|nieuwsbrief)\b.{0,30}\bniet (goed|juist)|"
    r"having trouble (viewing|reading) this)\b.{0,120}", re.IGNORECASE)
#: How far from the end a foot may start: a mailing's foot is a handful of paragraphs.
FOOT_PARAGRAPHS = 24
#: The first paragraphs a browser line may stand in.
TOP_PARAGRAPHS = 3


def without_the_mailing(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """``pieces`` without a mailing's browser line at the top and its foot at the end,
    each said in a note."""
    pieces = _without_browser_line(pieces, notes)
    start = _foot_start(pieces)
    if start is None:
        return pieces
    foot = pieces[start:]
    first = next((piece.text for piece in foot if piece.text), "")
    words = textwrap.shorten(printable(first), 48, placeholder=" …")
    count = len(foot)
    notes.append(Note(pieces[start - 1] if start else "title",
                      f"left out the mailing's foot ({count} paragraph{'s' if count != 1 else ''}"
                      f" from “{words}”): why readers get it, how to leave the list, the "
                      "sender's registration; a booklet has a colophon of its own, so copy "
                      "in only what readers should keep"))
    return pieces[:start]


def _without_browser_line(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    for index, piece in enumerate(pieces[:TOP_PARAGRAPHS]):
        if not piece.pictures and IN_THE_BROWSER.fullmatch(piece.text.strip()):
            words = textwrap.shorten(printable(piece.text), 48, placeholder=" …")
            notes.append(Note("title", f"left out “{words}”, the line a mailing sets above "
                                       "itself for mail programs that cannot show it"))
            return pieces[:index] + pieces[index + 1:]
    return pieces


def _foot_start(pieces: list[Piece]) -> int | None:
    """Where a mailing's foot begins: the first paragraph about the mailing itself among
    the last ones (under the greeting, when the letter has one), with the buttons,
    icons and headings right above it."""
    greeting = next((index for index in range(len(pieces) - 1, -1, -1)
                     if is_greeting(pieces[index].text)), None)
    lowest = max(len(pieces) - FOOT_PARAGRAPHS, 1 if greeting is None else greeting + 1)
    start = next((index for index in range(lowest, len(pieces))
                  if pieces[index].text and FOOT.search(pieces[index].text)), None)
    if start is None:
        return None
    while start > lowest and _goes_with_the_foot(pieces[start - 1]):
        start -= 1
    return start


def _goes_with_the_foot(piece: Piece) -> bool:
    """A button, an icon or a heading that stands right above a mailing's foot."""
    if piece.pictures and not piece.text:
        return all(not picture.alt or FOOT_START.fullmatch(picture.alt.strip())
                   for picture in piece.pictures)
    return bool(FOOT_START.fullmatch(piece.text.strip().rstrip(".:!")))
