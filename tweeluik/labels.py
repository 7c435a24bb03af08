"""Words the booklet and deck add themselves, in the publication's language."""

from __future__ import annotations

import datetime as dt

LABELS = {
    "nl": {
        "contents": "Inhoud",
        "introduction": "Inleiding",
        "lesson": "Les",
        "lessons": "Lessen",
        "counted_lesson": "les",  # after a number: '1 les', '5 lessen'
        "counted_lessons": "lessen",
        "closing": "Tot slot",
        "colophon": "Colofon",
        "published_by": "Uitgegeven door",
        "date": "Datum",
        "signed_by": "Ondertekend door",
        "agenda": "Vandaag",
        "agenda_part": "Vandaag ({number} van {count})",
        "made_with": "Gemaakt met tweeluik",
        "notes": "Aantekeningen",
        "full_text": "de hele les",
        "links": "Links",
        "in_brief": "De brief in het kort",
        "skip_to_text": "Naar de tekst",
        "logo": "Logo",
        "table": "Tabel",
    },
    "en": {
        "contents": "Contents",
        "introduction": "Introduction",
        "lesson": "Lesson",
        "lessons": "Lessons",
        "counted_lesson": "lesson",
        "counted_lessons": "lessons",
        "closing": "In closing",
        "colophon": "Colophon",
        "published_by": "Published by",
        "date": "Date",
        "signed_by": "Signed by",
        "agenda": "Today",
        "agenda_part": "Today ({number} of {count})",
        "made_with": "Made with tweeluik",
        "notes": "Notes",
        "full_text": "the whole lesson",
        "links": "Links",
        "in_brief": "The letter in brief",
        "skip_to_text": "Skip to the text",
        "logo": "Logo",
        "table": "Table",
    },
    "de": {
        "contents": "Inhalt",
        "introduction": "Einleitung",
        "lesson": "Lehre",
        "lessons": "Lehren",
        "counted_lesson": "Lehre",  # (a noun keeps its capital in German)
        "counted_lessons": "Lehren",
        "closing": "Zum Schluss",
        "colophon": "Impressum",
        "published_by": "Herausgegeben von",
        "date": "Datum",
        "signed_by": "Unterzeichnet von",
        "agenda": "Heute",
        "agenda_part": "Heute ({number} von {count})",
        "made_with": "Erstellt mit tweeluik",
        "notes": "Notizen",
        "full_text": "die ganze Lehre",
        "links": "Links",
        "in_brief": "Der Brief in Kürze",
        "skip_to_text": "Zum Text",
        "logo": "Logo",
        "table": "Tabelle",
    },
}

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
}

#: The language tag for spell checking in the deck and for hyphenation in the booklet.
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB", "de": "de-DE"}


def labels_for(language: str) -> dict[str, str]:
    """The label words for ``language``."""
    return LABELS[language]


def format_date(date: dt.date, language: str) -> str:
    """A date written out: '12 december 2026', '12 December 2026', '12. Dezember 2026'."""
    day = f"{date.day}." if language == "de" else f"{date.day}"
    return f"{day} {MONTHS[language][date.month - 1]} {date.year}"
