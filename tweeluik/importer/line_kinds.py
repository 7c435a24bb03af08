"""What a single line of a letter is: a salutation, a closing's heading or cue, an
address, a month and a year, or words that could be a title.

Step 0 of the pipeline (bringing a letter in), pure; Dutch and English alike, and the
common German and French salutations. Used to find the letter's head, its lessons and its
closing.
"""

from __future__ import annotations

import re

from ..labels import MONTHS
from .pieces import Piece

SALUTATION = re.compile(r"^(beste|lieve|geachte|hallo|hoi|dag|goedemorgen|goedemiddag|"
                        r"goedenavond|aan|dear|hello|hi|to|greetings|respected|"
                        # German and French: 'Liebe Mitglieder,', 'Chers membres,'
                        r"liebe|lieber|liebes|sehr\s+geehrte[r]?|guten\s+tag|grüezi|moin|servus|"
                        r"cher|chère|chers|chères|bonjour)\b.{0,100},$|"
                        # a short one that lost its comma: "Beste mensen" (not a title
                        # such as "Beste wensen voor 2027")
                        r"^(beste|lieve|geachte|hallo|hoi|dear|hello|liebe|lieber|liebes|guten)\s+"
                        r"(?!.*\b(wens\w*|wish\w*|groet\w*|grü\w*|regards|\d+)\b)"
                        r"[^.!?:,;]{2,40}$",
                        re.IGNORECASE)


#: A line of nothing but a separator, as a web page's rule becomes in a paste (a
#: government's Word minutes draw theirs in slashes, a plain-text e-mail in '=').
SEPARATOR = re.compile(r"[-_=*~·•—–/\\\s]{3,}")


#: A line that is only a web address or a site's name ("wijkteams-noord.nl").
WEB_ADDRESS_ALONE = re.compile(r"(https?://)?(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}/?",
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


MAX_TITLE_WORDS = 16


#: A line of a postal address (a house number and street, a postcode, a PO box), or an
#: addressee's "To"/"Aan": a letterhead's lines, never a title.
ADDRESS_LINE = re.compile(
    r"^\d+[a-z]?\s+\w|\b\d{4}\s?[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}\b|\bP\.?\s?O\.?\s+Box\b|"
    r"\bPMB\b|\bpostbus\b|^(to|aan|from|van)\s*:?$|"
    r"\w(straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|gasse|straße|strasse|"
    r"str\.|allee|platz|damm)\s+\d+|"
    # a Belgian, French or German letterhead's: 'Rue François Vekemans 131', 'Frans
    # Vekemansstraat, 1120 Brussel'
    r"\b(rue|avenue|chaussée|boulevard|straße|strasse)\s+[^\d,]{2,40}\s\d+\b|"
    r"\w(straat|laan|weg|plein|gracht|kade|singel|dijk),\s*\d{4,5}\s", re.IGNORECASE)


#: A line of an address under a letter's greeting: a street or postcode ('3000 Bern',
#: '1234 AB Zuidoever'), an e-mail address, a telephone number or a website.
CONTACT_LINE = re.compile(
    ADDRESS_LINE.pattern + r"|^\d{4,5}\s+[A-ZÀ-Ý][\w-]+$|\S@\S+\.\w{2,}|"
    r"^(tel\.?|telefoon|phone|telefon|t|m|mob\.?)?:?\s*\+?[\d() -]{9,}$|"
    r"^(https?://|www\.)\S+$", re.IGNORECASE)


#: The name of a part that any text may have, which names no letter: its first heading
#: 'Einleitung' is no title.
SECTION_NAME = re.compile(r"(inleiding|introductie|voorwoord|einleitung|vorwort|introduction|"
                          r"intro|preface|foreword|overview|overzicht|samenvatting|"
                          r"zusammenfassung|summary|algemeen|allgemeines|general|achtergrond|"
                          r"hintergrund|background|inhoud|inhalt|contents|"
                          # minutes open with who was there
                          r"(anwesende( mitglieder)?|anwesend|aanwezig(en)?|afwezig(en)?|"
                          r"present|attendees|attendance|apologies|teilnehmer(innen)?))[.:]?",
                          re.IGNORECASE)


#: A month and a year alone ("October, 2017", "december 2026"): a date line, no title.
MONTH_YEAR = re.compile(r"(" + "|".join(name for names in MONTHS.values() for name in names)
                        + r")\W+\d{4}", re.IGNORECASE)


def title_like(piece: Piece) -> bool:
    text = piece.text
    if ADDRESS_LINE.search(text) or MONTH_YEAR.fullmatch(text) or SALUTATION.match(text):
        return False  # (a salutation without its comma too; "Beste wensen …" may be one)
    trails_off = re.search(r"(…|\.\.\.)\.?$", text)  # "Namens het bestuur…."
    return 0 < len(text.split()) <= MAX_TITLE_WORDS \
        and (not text.endswith((".", ",", ";", ":")) or bool(trails_off)) \
        or bool(re.search(r"[!?]$", text)) and len(text.split()) <= MAX_TITLE_WORDS


#: A letter's subject line above its salutation: "Betreft: …", "Subject: …".
SUBJECT_LINE = re.compile(r"^(?:onderwerp|betreft|subject|re)\s*:\s*(\S.{0,200})$",
                          re.IGNORECASE)


def without_full_stop(text: str) -> str:
    """A title without the full stop a sentence ends with; a German date's stays
    ('am 21.08.'), and so does an abbreviation's ('Makerspace Gütersloh e.V.')."""
    if re.search(r"\b\d{1,2}\.\d{1,2}\.$|(\b\w\.){2,}$", text):
        return text
    return text.rstrip(".")
