"""Recognise a line that is only a date, as letters open: in Dutch, English or German,
written out ("12 december 2026", "vrijdag 12 december 2026", "December 12, 2026",
"12. Dezember 2026") or numeric
("12-12-2026", "12/12/2026", "2026-12-12"), with or without a place ("Utrecht, 12 …").

Used by the checks (a date line left in the body) and by the import of letters.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10,
    "jan": 1, "feb": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "dezember": 12, "mär": 3,
    "dez": 12,
}
WEEKDAYS = ("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday "
            "wednesday thursday friday saturday sunday ma di wo do vr za zo mon tue wed thu "
            "fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag").split()

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_PREFIX = rf"(?:[A-ZÀ-Þ][\w’' -]{{1,40}},\s*)?(?:(?:{_WEEKDAY})\.?,?\s+)?(?:de\s+)?"
_PATTERNS = [
    # ('12th April, 2007', '1st of May 2026': as British letters write it)
    (re.compile(rf"{_PREFIX}(\d{{1,2}})(?:e|st|nd|rd|th|\.)?\s+(?:of\s+)?({_MONTH})\.?,?\s+"
                rf"(\d{{4}})",
                re.IGNORECASE), ("day", "month", "year")),
    (re.compile(rf"{_PREFIX}({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})",
                re.IGNORECASE), ("month", "day", "year")),
    (re.compile(rf"{_PREFIX}(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})", re.IGNORECASE),
     ("year", "month", "day")),
    (re.compile(rf"{_PREFIX}(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}})", re.IGNORECASE),
     ("day", "month", "year")),
]


def parse_date_line(text: str) -> dt.date | None:
    """The date a line holds when it holds nothing else (a place before it may)."""
    line = " ".join(text.split()).rstrip(".")
    if not line or len(line) > 80:
        return None
    for pattern, order in _PATTERNS:
        found = pattern.fullmatch(line)
        if found is None:
            continue
        parts = dict(zip(order, found.groups(), strict=True))
        month = parts["month"]
        number = MONTHS.get(month.lower()) if not month.isdigit() else int(month)
        try:
            return dt.date(int(parts["year"]), number or 0, int(parts["day"]))
        except ValueError:
            return None
    return None
