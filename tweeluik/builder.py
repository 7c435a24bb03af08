"""Build a publication's outputs and put them on disk, all or nothing.

Step 4 of the pipeline: source file → content model → booklet PDFs and deck → files
in the output folder. When both are needed, the deck is built in a forked worker on
the other core while this process lays out the booklet. Files are written under a
temporary name and renamed into place only when every requested output is ready, so
a failed build leaves the previous outputs untouched.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .glyphs import missing_glyph_warnings
from .incremental import Manifest
from .model import Publication
from .outputs import BOOKLET_KINDS, OUTPUTS, output_paths
from .parse import parse_publication
from .theme import Theme, load_theme


@dataclass
class BuildReport:
    """What happened while building one publication."""

    source: Path
    written: list[tuple[str, Path, str, float]] = field(default_factory=list)  # kind, path, detail, s
    warnings: list[SourceError] = field(default_factory=list)
    seconds: float = 0.0


def creation_time(publication: Publication) -> dt.datetime:
    """The timestamp written into the files: from SOURCE_DATE_EPOCH, the date, or the file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    if publication.meta.date is not None:
        date = publication.meta.date
        return dt.datetime(date.year, date.month, date.day, 12, 0, tzinfo=dt.timezone.utc)
    mtime = int(publication.source.stat().st_mtime)
    return dt.datetime.fromtimestamp(mtime, dt.timezone.utc)


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


# --- the deck on the other core ------------------------------------------------------


def _deck_worker(connection, publication, theme, layouts, created) -> None:
    """Runs in the forked worker: build the deck and send back bytes or the error."""
    try:
        from .deck import build_deck
        started = time.perf_counter()
        deck = build_deck(publication, theme, layouts, created)
        connection.send(("ok", deck.pptx, len(deck.plan.slides), deck.warnings,
                         time.perf_counter() - started))
    except SourceError as error:
        connection.send(("error", error))
    except BaseException as error:  # reported by the parent as an internal error
        connection.send(("crash", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


class _DeckJob:
    """The deck, built either in a forked worker (when there is a second core) or here."""

    def __init__(self, publication, theme, layouts, created, parallel: bool):
        self.args = (publication, theme, layouts, created)
        self.process = None
        if parallel:
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=_deck_worker, args=(sender, *self.args),
                                           daemon=True)
            self.process.start()
            sender.close()

    def result(self) -> tuple[bytes, int, tuple[SourceError, ...], float]:
        if self.process is None:
            from .deck import build_deck
            started = time.perf_counter()
            deck = build_deck(*self.args)
            return deck.pptx, len(deck.plan.slides), deck.warnings, time.perf_counter() - started
        try:
            message = self.receiver.recv()
        except EOFError:
            message = ("crash", f"the deck worker stopped (exit code {self.process.exitcode})")
        finally:
            self.process.join()
        if message[0] == "error":
            raise message[1]
        if message[0] == "crash":
            raise RuntimeError(message[1])
        return message[1:]

    def cancel(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def build_publication(source: Path, out_dir: Path, layouts: Path,
                      kinds: tuple[str, ...] = tuple(OUTPUTS), theme: Theme | None = None,
                      manifest: Manifest | None = None, parallel: bool | None = None) -> BuildReport:
    """Build the requested outputs of one source; raise ``SourceError`` on bad input."""
    started = time.perf_counter()
    report = BuildReport(source)
    publication = parse_publication(source)
    theme = theme or load_theme(layouts)
    report.warnings.extend(missing_glyph_warnings(publication, theme))
    created = creation_time(publication)
    paths = output_paths(publication.name, out_dir)
    booklet_kinds = tuple(kind for kind in BOOKLET_KINDS if kind in kinds)
    if parallel is None:
        parallel = can_fork()

    deck_job = None
    if "deck" in kinds:
        deck_job = _DeckJob(publication, theme, layouts, created, parallel and bool(booklet_kinds))
    files: dict[Path, bytes] = {}
    try:
        if booklet_kinds:
            from .booklet import build_booklet
            booklet = build_booklet(publication, theme, layouts, created, booklet_kinds)
            report.warnings.extend(SourceError(source, None, f"booklet: {message}")
                                   for message in booklet.warnings)
            for kind in booklet_kinds:
                files[paths[kind]] = booklet.files[kind]
                report.written.append((kind, paths[kind], f"{booklet.page_count} pages",
                                       booklet.seconds[kind]))
        if deck_job is not None:
            pptx, slide_count, warnings, seconds = deck_job.result()
            report.warnings.extend(warnings)
            files[paths["deck"]] = pptx
            report.written.append(("deck", paths["deck"], f"{slide_count} slides", seconds))
    except BaseException:
        if deck_job is not None:
            deck_job.cancel()
        raise

    write_atomically(files)
    if manifest is not None:
        for kind in kinds:
            inputs, folders = inputs_of(kind, publication, theme, layouts)
            manifest.record(paths[kind], inputs, folders)
        manifest.save()
    report.seconds = time.perf_counter() - started
    return report
