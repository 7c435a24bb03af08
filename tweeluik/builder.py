"""Build a publication's outputs and put them on disk, all or nothing.

Step 4 of the pipeline: source file → content model → booklet PDFs and deck → files
in the output folder. When both are needed, the deck is built in a forked worker on
the other core while this process lays out the booklet. Files are written under a
temporary name and renamed into place only when every requested output is ready, so
a failed build leaves the previous outputs untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_publication
from .errors import WARNING, Diagnostic, Diagnostics
from .glyphs import missing_glyph_warnings
from .incremental import Manifest
from .model import Publication
from .outputs import BOOKLET_KINDS, OUTPUTS, output_paths
from .parse import parse_publication
from .theme import Theme, load_theme
from .workers import Beside, can_fork


@dataclass
class BuildReport:
    """What happened while building one publication."""

    source: Path
    written: list[tuple[str, Path, str, float]] = field(default_factory=list)  # kind, path, detail, s
    warnings: list[Diagnostic] = field(default_factory=list)  # warnings and notes
    seconds: float = 0.0


def creation_time(publication: Publication) -> dt.datetime:
    """The timestamp written into the files: from SOURCE_DATE_EPOCH, the date, or the file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    if publication.meta.date is not None:
        date = publication.meta.date
        return dt.datetime(date.year, date.month, date.day, 12, 0, tzinfo=dt.UTC)
    mtime = int(publication.source.stat().st_mtime)
    return dt.datetime.fromtimestamp(mtime, dt.UTC)


def write_atomically(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name first, then rename them all into place."""
    temporary: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                            dir=target.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(name, 0o644)
            temporary.append((Path(name), target))
        for path, target in temporary:
            os.replace(path, target)
    finally:
        for path, _ in temporary:
            path.unlink(missing_ok=True)


def inputs_of(kind: str, publication: Publication, theme: Theme,
              layouts: Path) -> tuple[list[Path], list[Path]]:
    """The files (and whole folders) an output is made from, for the manifest."""
    files = [publication.source, theme.path, *theme.font_files(),
             *(image.path for image in publication.images())]
    folders: list[Path] = []
    if kind == "deck":
        from .deck import template_path
        files.append(template_path(publication, layouts))
    else:
        folders.append(layouts / publication.meta.layout)
    return files, folders


def _beside_the_booklet(publication, theme, layouts, created, with_deck: bool):
    """The glyph check and the deck: runs in a worker while the booklet is laid out."""
    warnings = missing_glyph_warnings(publication, theme)
    if not with_deck:
        return warnings, None
    from .deck import build_deck
    started = time.perf_counter()
    deck = build_deck(publication, theme, layouts, created)
    return warnings, (deck.pptx, len(deck.plan.slides), deck.warnings,
                      time.perf_counter() - started)


def warm_up(layouts: Path) -> None:
    """Load the writers and the font metrics once, so that every later build (and every
    worker forked for it) starts with them loaded: watch mode calls this first."""
    from .booklet import import_weasyprint
    import_weasyprint()
    from .deck import pptx_writer  # noqa: F401  (imports python-pptx)
    from .fonts import load_metrics
    for path in load_theme(layouts).font_files():
        load_metrics(path)


def read_and_check(source: Path, diagnostics: Diagnostics, strict: bool = False) -> Publication:
    """Parse a source and run the paste-mistake checks; raise on errors (and, with
    ``strict``, on warnings)."""
    publication = parse_publication(source, diagnostics=diagnostics)
    check_publication(publication, diagnostics)
    diagnostics.raise_if_errors(strict)
    return publication


def check_source(source: Path, layouts: Path, strict: bool = False) -> list[Diagnostic]:
    """Everything a build would report about ``source``, without writing anything: the
    parser's and the checks' findings, characters the fonts lack, and what the deck would
    have to shorten. Raises ``SourceError`` on errors."""
    diagnostics = Diagnostics(source)
    publication = read_and_check(source, diagnostics, strict)
    theme = load_theme(layouts)
    diagnostics.extend(missing_glyph_warnings(publication, theme))
    from .deck import plan_deck
    diagnostics.extend(plan_deck(publication, theme, layouts).warnings)
    diagnostics.raise_if_errors(strict)
    return diagnostics.in_order()


def build_publication(source: Path, out_dir: Path, layouts: Path,
                      kinds: tuple[str, ...] = tuple(OUTPUTS), theme: Theme | None = None,
                      manifest: Manifest | None = None, parallel: bool | None = None,
                      strict: bool = False) -> BuildReport:
    """Build the requested outputs of one source; raise ``SourceError`` on bad input
    (with ``strict``, on warnings too), before anything is written."""
    started = time.perf_counter()
    report = BuildReport(source)
    diagnostics = Diagnostics(source)
    publication = read_and_check(source, diagnostics, strict)
    theme = theme or load_theme(layouts)
    created = creation_time(publication)
    paths = output_paths(publication.name, out_dir)
    booklet_kinds = tuple(kind for kind in BOOKLET_KINDS if kind in kinds)
    if parallel is None:  # TWEELUIK_SERIAL=1: everything in this process (the benchmark's row)
        parallel = can_fork() and os.environ.get("TWEELUIK_SERIAL") != "1"

    side_job = Beside(_beside_the_booklet, publication, theme, layouts, created,
                      "deck" in kinds, parallel=parallel and bool(booklet_kinds))
    files: dict[Path, bytes] = {}
    try:
        if booklet_kinds:
            from .booklet import build_booklet
            booklet = build_booklet(publication, theme, layouts, created, booklet_kinds, parallel)
            diagnostics.extend(Diagnostic(source, None, f"booklet: {message}", WARNING)
                               for message in booklet.warnings)
            for kind in booklet_kinds:
                files[paths[kind]] = booklet.files[kind]
                report.written.append((kind, paths[kind], f"{booklet.page_count} pages",
                                       booklet.seconds[kind]))
        glyph_warnings, deck = side_job.result()
        diagnostics.extend(glyph_warnings)
        if deck is not None:
            pptx, slide_count, warnings, seconds = deck
            diagnostics.extend(warnings)
            files[paths["deck"]] = pptx
            report.written.append(("deck", paths["deck"], f"{slide_count} slides", seconds))
    except BaseException:
        side_job.abandon()
        raise
    diagnostics.raise_if_errors(strict)

    write_atomically(files)
    if manifest is not None:
        for kind in kinds:
            inputs, folders = inputs_of(kind, publication, theme, layouts)
            manifest.record(paths[kind], inputs, folders)
        manifest.save()
    report.warnings = diagnostics.in_order()
    report.seconds = time.perf_counter() - started
    return report
