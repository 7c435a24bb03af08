"""Words the booklet and deck add themselves, in the publication's language."""

from __future__ import annotations

import datetime as dt

LABELS = {
    "nl": {
        "contents": "Inhoud",
        "introduction": "Inleiding",
        "lesson": "Les",
        "lessons": "Lessen",
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
}

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

#: The language tag for spell checking in the deck and for hyphenation in the booklet.
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def labels_for(language: str) -> dict[str, str]:
    """The label words for ``language``."""
    return LABELS[language]


def format_date(date: dt.date, language: str) -> str:
    """A date written out: '12 december 2026' or '12 December 2026'."""
    return f"{date.day} {MONTHS[language][date.month - 1]} {date.year}"
