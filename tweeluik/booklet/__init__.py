"""The booklet writer: publication → HTML → laid-out A5 pages → three PDFs.

``html`` renders the layout's templates, ``render`` lays the pages out once with
WeasyPrint, ``variants`` derives the print-shop and office PDFs from that one layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..model import Publication
from ..theme import Theme


@dataclass(frozen=True)
class BuiltBooklet:
    """The three booklet PDFs by output kind, the page count, and WeasyPrint's warnings."""

    files: dict[str, bytes]
    page_count: int
    warnings: tuple[str, ...]


def build_booklet(publication: Publication, theme: Theme, layouts: Path,
                  created: dt.datetime) -> BuiltBooklet:
    """Lay out the booklet once and derive all three PDFs from it."""
    from .render import render_booklet
    from .variants import add_bleed_and_crop_marks, impose_booklet

    rendered = render_booklet(publication, theme, layouts, publication.folder, created)
    files = {
        "booklet": rendered.pdf,
        "print-shop": add_bleed_and_crop_marks(rendered.pdf),
        "a4-duplex": impose_booklet(rendered.pdf),
    }
    return BuiltBooklet(files, rendered.page_count, rendered.warnings)
