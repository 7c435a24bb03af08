"""Booklet writer (step 3b): the types a layout hands on.

``LaidOut`` is one publication's laid-out pages (or, laid out in groups, its joined
PDF: ``JoinedBooklet``) with what made them; ``RenderedBooklet``
the screen PDF written from them; ``LastLayout`` what watch mode keeps of the last full
layout to preview a one-lesson edit (see ``quick``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Lesson
from .view import NO_FITTING, Fitting

if TYPE_CHECKING:
    import weasyprint


@dataclass(frozen=True)
class RenderedBooklet:
    """The screen PDF, its page count, what WeasyPrint warned about, and what
    copyfitting did (each note with its lesson)."""

    pdf: bytes
    page_count: int
    warnings: tuple[str, ...]
    notes: tuple[tuple[Lesson, str], ...] = ()


@dataclass(frozen=True)
class JoinedBooklet:
    """A booklet laid out in groups and joined (``groups``, ``pdf_join``): the screen
    PDF and its page count."""

    pdf: bytes
    pages: int


@dataclass(frozen=True)
class LaidOut:
    """The booklet's laid-out pages, a fingerprint of what produced them, WeasyPrint's
    warnings, and copyfitting's notes (each with its lesson)."""

    document: weasyprint.Document | None  # None when laid out in groups
    fingerprint: str
    warnings: tuple[str, ...]
    notes: tuple[tuple[Lesson, str], ...] = ()
    html: str = ""                 # the HTML the pages were laid out from
    fitting: Fitting = NO_FITTING  # the copyfitting levels in it
    joined: JoinedBooklet | None = None  # the written PDF, when laid out in groups


@dataclass(frozen=True)
class LastLayout:
    """What the last full layout of one source was made from, and its pages."""

    rest: str                  # its HTML with each lesson's section cut out
    sections: dict[int, str]   # lesson number → the HTML of its section
    laid_out: LaidOut
    pages: dict[int, tuple[int, int]]  # lesson number → its first and last page index
