"""A letter's parts as the import finds them, and the notes on what it guessed.

Step 0 of the pipeline (bringing a letter in): the draft that ``letter.read_letter``
fills and ``markdown`` writes as a publication.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .pieces import Piece, Span


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
