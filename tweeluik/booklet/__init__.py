"""The booklet writer: publication → HTML → laid-out A5 pages → three PDFs.

``html`` renders the layout's templates, ``render`` lays the pages out once with
WeasyPrint, ``variants`` derives the print-shop and office PDFs from that one layout.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from ..model import Publication
from ..theme import Theme


@dataclass(frozen=True)
class BuiltBooklet:
    """The booklet PDFs by output kind, the seconds each took, the page count, and
    WeasyPrint's warnings."""

    files: dict[str, bytes]
    seconds: dict[str, float]
    page_count: int
    warnings: tuple[str, ...]


def build_booklet(publication: Publication, theme: Theme, layouts: Path,
                  created: dt.datetime, kinds=("booklet", "print-shop", "a4-duplex")) -> BuiltBooklet:
    """Lay out the booklet once and derive the requested PDFs from it."""
    from .render import render_booklet
    from .variants import add_bleed_and_crop_marks, impose_booklet

    started = time.perf_counter()
    rendered = render_booklet(publication, theme, layouts, publication.folder, created)
    files, seconds = {"booklet": rendered.pdf}, {"booklet": time.perf_counter() - started}
    for kind, derive in (("print-shop", add_bleed_and_crop_marks), ("a4-duplex", impose_booklet)):
        if kind in kinds:
            started = time.perf_counter()
            files[kind] = derive(rendered.pdf)
            seconds[kind] = time.perf_counter() - started
    return BuiltBooklet(files, seconds, rendered.page_count, rendered.warnings)
