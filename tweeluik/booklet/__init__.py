"""The booklet writer: publication → HTML → laid-out A5 pages → three PDFs.

``html`` renders the layout's templates, ``render`` lays the pages out once with
WeasyPrint, ``variants`` derives the print-shop and office PDFs from that one layout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import missing_library
from ..model import Lesson, Publication
from ..theme import Theme
from ..workers import Beside


def import_weasyprint() -> None:
    """Import WeasyPrint, turning a missing system library into an install message.

    WeasyPrint prints a box of advice to stdout when it cannot load Pango; our one line
    on stderr says the same in fewer words, so that box is kept off the screen.
    """
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # noqa: F401
    except OSError as error:
        raise missing_library(error) from None


@dataclass(frozen=True)
class BuiltBooklet:
    """The booklet PDFs by output kind, the seconds each took, the page count,
    WeasyPrint's warnings, and copyfitting's notes (each with its lesson)."""

    files: dict[str, bytes]
    seconds: dict[str, float]
    page_count: int
    warnings: tuple[str, ...]
    notes: tuple[tuple[Lesson, str], ...] = ()


def _timed(derive, pdf: bytes) -> tuple[bytes, float]:
    started = time.perf_counter()
    return derive(pdf), time.perf_counter() - started


def build_booklet(publication: Publication, theme: Theme, layouts: Path,
                  created: dt.datetime, kinds=("booklet", "print-shop", "a4-duplex"),
                  parallel: bool = True) -> BuiltBooklet:
    """Lay out the booklet once and derive the requested PDFs from it; the print-shop
    variant is derived in a worker while this process imposes the A4 one."""
    import_weasyprint()
    from .render import render_booklet
    from .variants import add_bleed_and_crop_marks, greys_for, impose_booklet

    started = time.perf_counter()
    rendered = render_booklet(publication, theme, layouts, publication.folder, created)
    files, seconds = {"booklet": rendered.pdf}, {"booklet": time.perf_counter() - started}
    for_the_press = functools.partial(add_bleed_and_crop_marks, greys=greys_for(theme.colours))
    print_shop = Beside(_timed, for_the_press, rendered.pdf,
                        parallel=parallel and "a4-duplex" in kinds) \
        if "print-shop" in kinds else None
    if "a4-duplex" in kinds:
        files["a4-duplex"], seconds["a4-duplex"] = _timed(impose_booklet, rendered.pdf)
    if print_shop is not None:
        files["print-shop"], seconds["print-shop"] = print_shop.result()
    return BuiltBooklet(files, seconds, rendered.page_count, rendered.warnings, rendered.notes)
