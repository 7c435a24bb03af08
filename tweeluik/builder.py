"""Build a publication's outputs and put them on disk, all or nothing.

Step 4 of the pipeline: source file → content model → booklet PDFs and deck → files
in the output folder. Files are written to a temporary name and renamed into place
only when every output of the publication is ready, so a failed build leaves the
previous outputs untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .glyphs import missing_glyph_warnings
from .model import Publication
from .parse import parse_publication
from .theme import Theme, load_theme

#: What a build makes, per publication: kind → file name suffix.
OUTPUTS = {
    "booklet": ".pdf",
    "print-shop": "-print-shop.pdf",
    "a4-duplex": "-a4-duplex.pdf",
    "deck": ".pptx",
}
BOOKLET_OUTPUTS = ("booklet", "print-shop", "a4-duplex")


@dataclass
class BuildReport:
    """What happened while building one publication."""

    source: Path
    written: list[tuple[str, Path, str, float]] = field(default_factory=list)  # kind, path, detail, s
    warnings: list[SourceError] = field(default_factory=list)
    seconds: float = 0.0


def output_paths(name: str, out_dir: Path) -> dict[str, Path]:
    """Where each output of publication ``name`` goes."""
    return {kind: out_dir / f"{name}{suffix}" for kind, suffix in OUTPUTS.items()}


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


def build_publication(source: Path, out_dir: Path, layouts: Path,
                      kinds: tuple[str, ...] = tuple(OUTPUTS),
                      theme: Theme | None = None) -> BuildReport:
    """Build the requested outputs of one source; raise ``SourceError`` on bad input."""
    started = time.perf_counter()
    report = BuildReport(source)
    publication = parse_publication(source)
    theme = theme or load_theme(layouts)
    report.warnings.extend(missing_glyph_warnings(publication, theme))
    created = creation_time(publication)
    paths = output_paths(publication.name, out_dir)
    files: dict[Path, bytes] = {}

    if any(kind in kinds for kind in BOOKLET_OUTPUTS):
        from .booklet import build_booklet
        step = time.perf_counter()
        booklet = build_booklet(publication, theme, layouts, created)
        for message in booklet.warnings:
            report.warnings.append(SourceError(source, None, f"booklet: {message}"))
        seconds = time.perf_counter() - step
        for kind in BOOKLET_OUTPUTS:
            if kind in kinds:
                files[paths[kind]] = booklet.files[kind]
                report.written.append((kind, paths[kind], f"{booklet.page_count} pages", seconds))

    if "deck" in kinds:
        from .deck import build_deck
        step = time.perf_counter()
        deck = build_deck(publication, theme, layouts, created)
        report.warnings.extend(deck.warnings)
        files[paths["deck"]] = deck.pptx
        report.written.append(("deck", paths["deck"], f"{len(deck.plan.slides)} slides",
                               time.perf_counter() - step))

    write_atomically(files)
    report.seconds = time.perf_counter() - started
    return report
