"""The booklet writer: publication → HTML → laid-out A5 pages → three PDFs.

``html`` renders the layout's templates, ``render`` lays the pages out with WeasyPrint
(a second time only when ``copyfit`` saved a page; in watch mode ``quick`` previews a
one-lesson edit first), ``variants`` derives the print-shop and office PDFs from the
finished PDF.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import missing_library
from ..model import Publication
from ..theme import Theme
from ..workers import Beside

if TYPE_CHECKING:
    from ..session import WriterSession


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


def _timed(derive, pdf: bytes) -> tuple[bytes, float]:
    started = time.perf_counter()
    return derive(pdf), time.perf_counter() - started


def render_screen_booklet(publication: Publication, theme: Theme, layouts: Path,
                          created: dt.datetime, session: WriterSession, parallel: bool = True):
    """Lay out the booklet and write the screen PDF (``laid_out.RenderedBooklet``), with
    the seconds it took; copyfitting's trials on every core unless ``parallel`` is
    false."""
    import_weasyprint()
    from .render import render_booklet

    started = time.perf_counter()
    rendered = render_booklet(publication, theme, layouts, publication.folder, created,
                              session, parallel)
    return rendered, time.perf_counter() - started


def preview_booklet(publication: Publication, theme: Theme, layouts: Path,
                    created: dt.datetime, session: WriterSession) -> bytes | None:
    """Watch mode: the booklet with only the changed lesson laid out again, or ``None``
    (see ``quick``). The full layout must follow."""
    import_weasyprint()
    from .render import quick_booklet
    return quick_booklet(publication, theme, layouts, publication.folder, created, session)


def load_variant_writers() -> None:
    """Import what ``derive_variants`` needs (pikepdf): a worker forked at the start of a
    build does this while the booklet is laid out, so the variants cost only their
    work when the screen PDF is ready."""
    from . import variants  # noqa: F401


def derive_variants(pdf: bytes, theme: Theme, kinds, parallel: bool = True
                    ) -> tuple[dict[str, bytes], dict[str, float]]:
    """The print variants among ``kinds`` from the screen PDF: the print-shop file in a
    worker while this process imposes the office one."""
    from .variants import add_bleed_and_crop_marks, greys_for, impose_booklet

    files: dict[str, bytes] = {}
    seconds: dict[str, float] = {}
    for_the_press = functools.partial(add_bleed_and_crop_marks, greys=greys_for(theme.colours))
    print_shop = Beside(_timed, for_the_press, pdf, parallel=parallel and "a4-duplex" in kinds) \
        if "print-shop" in kinds else None
    if "a4-duplex" in kinds:
        files["a4-duplex"], seconds["a4-duplex"] = _timed(impose_booklet, pdf)
    if print_shop is not None:
        files["print-shop"], seconds["print-shop"] = print_shop.result()
    return files, seconds
