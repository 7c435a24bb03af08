"""Build a publication's outputs and put them on disk, all or nothing.

Step 4 of the pipeline: source file → content model → booklet PDFs and deck → files
in the output folder. When both are needed, the deck is built in a forked worker on
the other core while this process lays out the booklet. Files are written under a
temporary name and renamed into place only when every requested output is ready, so
a failed build leaves the previous outputs untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_publication
from .errors import NOTE, WARNING, Diagnostic, Diagnostics, SourceError, printable
from .hyphenation import EXCEPTIONS_NAME, read_exceptions
from .incremental import Manifest
from .layout_folders import WEB_LAYOUT, template_path
from .logo_check import paper_logo_warnings
from .model import Publication
from .outputs import BOOKLET_KINDS, OUTPUTS, OutputFolder, output_paths
from .parse import parse_publication
from .session import WriterSession
from .theme import Theme, load_theme
from .workers import Ahead, Beside, can_fork


@dataclass
class BuildReport:
    """What happened while building one publication."""

    source: Path
    written: list[tuple[str, Path, str, float]] = field(default_factory=list)  # kind, path, detail, s
    warnings: list[Diagnostic] = field(default_factory=list)  # warnings and notes
    seconds: float = 0.0


FIXED_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the ZIP format's first day
MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a time, ``None`` when unset; a bad value is refused."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_EPOCH:  # not "²"
        shown = printable(text if len(text) <= 30 else text[:27] + "…")
        raise SourceError(Path("SOURCE_DATE_EPOCH"), None, f"the value '{shown}' is not a "
                          "number of seconds since 1970 (such as 1767225600); fix it or unset it")
    return dt.datetime.fromtimestamp(int(text), dt.UTC)


def creation_time(publication: Publication) -> dt.datetime:
    """The timestamp written into the files: the publication's date, else
    ``SOURCE_DATE_EPOCH``, else a fixed day. Never the clock or a file's time, so the same
    source gives the same bytes anywhere, on any day."""
    epoch = source_date_epoch()
    if publication.meta.date is not None:
        date = publication.meta.date
        return dt.datetime(date.year, date.month, date.day, 12, 0, tzinfo=dt.UTC)
    return epoch or FIXED_EPOCH


def inputs_of(kind: str, publication: Publication, theme: Theme,
              layouts: Path) -> tuple[list[Path], list[Path]]:
    """The files (and whole folders) an output is made from, for the manifest."""
    files = [publication.source, theme.path, *theme.font_files(),
             layouts / EXCEPTIONS_NAME, *(image.path for image in publication.images()),
             *(picture.path for picture in (publication.meta.logo, publication.meta.cover_image)
               if picture is not None)]
    folders: list[Path] = []
    if kind == "deck":
        files.append(template_path(publication, layouts))
    elif kind == "web":
        folders.append(layouts / WEB_LAYOUT)
    else:
        folders.append(layouts / publication.meta.layout)
    return files, folders


def _beside_the_booklet(publication, theme, layouts, created, with_deck: bool,
                        with_web: bool, session: WriterSession):
    """The glyph check, the deck and the web edition: runs in a worker while the booklet
    is laid out. (warnings, deck or None, web edition or None); the web edition comes
    with the font subsets the session holds, for the process that forked the worker."""
    from .glyphs import missing_glyph_warnings  # fontTools: the worker loads it, not the booklet
    warnings = missing_glyph_warnings(publication, theme) + paper_logo_warnings(publication, theme)
    deck = web = None
    if with_deck:
        from .deck import build_deck
        started = time.perf_counter()
        built = build_deck(publication, theme, layouts, created)
        deck = (built.pptx, len(built.plan.slides), built.warnings,
                time.perf_counter() - started)
    if with_web:
        from .web_edition import render_web_edition
        started = time.perf_counter()
        web = (render_web_edition(publication, theme, layouts, created, session),
               time.perf_counter() - started, session.subsets_made())
    return warnings, deck, web


def warm_up(layouts: Path) -> None:
    """Load the writers and the font metrics once, so that every later build (and every
    worker forked for it) starts with them loaded: watch mode calls this first."""
    from .booklet import import_weasyprint, load_variant_writers
    import_weasyprint()
    load_variant_writers()  # the worker of each build then starts with pikepdf loaded
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
    read_exceptions(layouts, diagnostics)
    theme = load_theme(layouts)
    from .glyphs import missing_glyph_warnings
    diagnostics.extend(missing_glyph_warnings(publication, theme))
    diagnostics.extend(paper_logo_warnings(publication, theme))
    from .deck import plan_deck
    diagnostics.extend(plan_deck(publication, theme, layouts).warnings)
    diagnostics.raise_if_errors(strict)
    return diagnostics.in_order()


def build_publication(source: Path, out_dir: Path, layouts: Path,
                      kinds: tuple[str, ...] = tuple(OUTPUTS), theme: Theme | None = None,
                      manifest: Manifest | None = None, parallel: bool | None = None,
                      strict: bool = False,
                      first: Callable[[BuildReport], None] | None = None,
                      preview_ready: Callable[[bytes], None] | None = None,
                      session: WriterSession | None = None) -> BuildReport:
    """Build the requested outputs of one source; raise ``SourceError`` on bad input
    (with ``strict``, on warnings too), before anything is written.

    With ``first`` (watch mode), the booklet and the deck are written as soon as they
    are ready and ``first`` is told; the print variants follow. ``session`` is what the
    writers keep between builds (watch mode's, for one); without one, a new one."""
    session = session or WriterSession()
    started = time.perf_counter()
    report = BuildReport(source)
    diagnostics = Diagnostics(source)
    publication = read_and_check(source, diagnostics, strict)
    read_exceptions(layouts, diagnostics)  # reported here, read again by each writer
    theme = theme or load_theme(layouts)
    created = creation_time(publication)
    paths = output_paths(publication.name, out_dir)
    folder = OutputFolder(out_dir)
    folder.prepare()
    folder.check_targets([paths[kind] for kind in kinds])
    booklet_kinds = tuple(kind for kind in BOOKLET_KINDS if kind in kinds)
    if parallel is None:  # TWEELUIK_SERIAL=1: everything in this process (the benchmark's row)
        parallel = can_fork() and os.environ.get("TWEELUIK_SERIAL") != "1"

    side_job = Beside(_beside_the_booklet, publication, theme, layouts, created,
                      "deck" in kinds, "web" in kinds, session,
                      parallel=parallel and bool(booklet_kinds))
    variants = tuple(kind for kind in booklet_kinds if kind != "booklet")
    from .booklet import derive_variants, load_variant_writers
    variants_job = Ahead(load_variant_writers, derive_variants, theme, variants, False,
                         parallel=parallel and bool(variants))

    def written(kind: str, detail: str, seconds: float) -> None:
        report.written.append((kind, paths[kind], detail, seconds))

    def deck_files() -> dict[str, bytes]:  # and the web edition
        return _side_files(side_job, diagnostics, written, session)

    def stage(files: dict[str, bytes]) -> None:  # the booklet and the deck, told at once
        assert first is not None
        _write(folder, files, paths, publication, theme, layouts, manifest, diagnostics)
        report.warnings = diagnostics.in_order()
        report.seconds = time.perf_counter() - started
        first(report)

    files: dict[str, bytes] = {}
    with _stopped_on_failure(side_job, variants_job):
        preview = None
        if first is not None and "booklet" in kinds and not strict:  # watch: one lesson
            from .booklet import preview_booklet
            preview_started = time.perf_counter()
            preview = preview_booklet(publication, theme, layouts, created, session)
        if preview is not None:
            if preview_ready is not None:  # before the slides: shown while they are made
                preview_ready(preview)
            written("booklet", "preview", time.perf_counter() - preview_started)
            stage({"booklet": preview, **deck_files()})
        screen = None
        if booklet_kinds:
            from .booklet import render_screen_booklet
            screen, seconds = render_screen_booklet(publication, theme, layouts, created,
                                                    session, parallel)
            diagnostics.extend(Diagnostic(source, None, f"booklet: {message}", WARNING)
                               for message in screen.warnings)
            diagnostics.extend(Diagnostic(source, lesson.line, f"booklet: {message}", NOTE)
                               for lesson, message in screen.notes)
            if "booklet" in kinds:
                files["booklet"] = screen.pdf
                written("booklet", f"{screen.page_count} pages", seconds)
        if preview is None:
            files.update(deck_files())
        diagnostics.raise_if_errors(strict)
        if first is not None and preview is None and variants and files:
            stage(files)
            files = {}
    if variants and screen is not None:
        derived, times = variants_job.result(screen.pdf)
        for kind in variants:
            files[kind] = derived[kind]
            written(kind, f"{screen.page_count} pages", times[kind])
    _write(folder, files, paths, publication, theme, layouts, manifest, diagnostics)
    report.warnings = diagnostics.in_order()
    report.seconds = time.perf_counter() - started
    return report


@contextlib.contextmanager
def _stopped_on_failure(*workers: Beside | Ahead) -> Iterator[None]:
    """When the build stops early (bad input, an error, Ctrl-C), its workers are stopped
    at once rather than waited for."""
    try:
        yield
    except BaseException:
        for worker in workers:
            worker.abandon()
        raise


def _side_files(side_job: Beside, diagnostics: Diagnostics,
                written: Callable[[str, str, float], None],
                session: WriterSession) -> dict[str, bytes]:
    """The deck and the web edition made beside the booklet, once they are ready; their
    warnings join the build's."""
    glyph_warnings, deck, web = side_job.result()
    diagnostics.extend(glyph_warnings)
    made = {}
    if deck is not None:
        pptx, slide_count, warnings, seconds = deck
        diagnostics.extend(warnings)
        written("deck", f"{slide_count} slides", seconds)
        made["deck"] = pptx
    if web is not None:
        page, seconds, subsets = web
        session.font_subsets.keep(subsets)  # the next build's worker starts with them
        written("web", f"{len(page) // 1024} KB", seconds)
        made["web"] = page
    return made


def _write(folder: OutputFolder, files: dict[str, bytes], paths: dict[str, Path],
           publication: Publication, theme: Theme, layouts: Path,
           manifest: Manifest | None, diagnostics: Diagnostics) -> None:
    """Write the outputs (all or none) and record what each was made from; a journal
    the folder would not act on is a warning."""
    with folder.locked():
        diagnostics.extend(Diagnostic(path, None, message, WARNING)
                           for path, message in folder.set_aside)
        folder.write_all({paths[kind]: data for kind, data in files.items()})
        if manifest is not None:
            for kind in files:
                inputs, folders = inputs_of(kind, publication, theme, layouts)
                manifest.record(paths[kind], inputs, folders)
            manifest.save(folder)
