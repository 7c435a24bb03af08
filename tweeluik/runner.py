"""The build loop: which publications need work, build them, and tell what happened.

Step 4 of the pipeline, below the faces: the command line (``cli``), watch mode and the
studio call ``build_all`` with a listener and show the events it emits (``events``); this
module prints nothing and imports no face. Each source is built on its own, so a mistake
in one publication never stops the others; the exit code is the worst of them.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from .errors import InstallError, SourceError, missing_package
from .events import (
    Built,
    Checked,
    Diagnosed,
    DiskProblem,
    FirstFiles,
    InternalError,
    Listener,
    NotInstalled,
    Preview,
    Refused,
    Started,
    UpToDate,
    Written,
)
from .incremental import Manifest
from .outputs import BOOKLET_KINDS, OUTPUTS, collisions, describe_os_error, output_paths
from .paths import real

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_INSTALL = 0, 1, 2, 3


def kinds_for(only: str | None) -> tuple[str, ...]:
    """The output kinds ``--only`` asks for."""
    if only in ("deck", "web"):
        return (only,)
    if only == "booklet":
        return BOOKLET_KINDS
    return tuple(OUTPUTS)


def outdated_kinds(source: Path, out_dir: Path, kinds: tuple[str, ...],
                   manifest: Manifest) -> tuple[str, ...]:
    """The requested outputs of ``source`` that are missing or older than their inputs."""
    paths = output_paths(source.stem, out_dir)
    return tuple(kind for kind in kinds
                 if not manifest.is_current(paths[kind], extra_inputs=[source]))


class _Reporter:
    """Emits what one build did, each file and warning once: in watch mode the booklet
    and the deck are told as soon as they are written, the rest when the build is done."""

    def __init__(self, listener: Listener, source: Path):
        self.listener, self.source = listener, source
        self.files = 0

    def files_and_warnings(self, report) -> None:
        self.listener(Diagnosed(self.source, tuple(report.warnings)))
        for kind, path, detail, seconds in report.written[self.files:]:
            self.listener(Written(self.source, kind, path, detail, seconds))
        self.files = len(report.written)

    def preview(self, pdf: bytes) -> None:
        self.listener(Preview(self.source, pdf))

    def first_stage(self, report) -> None:
        self.files_and_warnings(report)
        self.listener(FirstFiles(self.source, report.seconds))

    def rest(self, report) -> None:
        self.files_and_warnings(report)
        self.listener(Built(self.source, report.seconds))


def build_all(sources: list[Path], out_dir: Path, layouts: Path, kinds: tuple[str, ...],
              listener: Listener, force: bool = False, strict: bool = False,
              staged: bool = False) -> int:
    """Build what is out of date in each source, telling ``listener``; return the exit
    code. ``staged`` (watch mode) writes each booklet and deck first and says so, then
    the print variants."""
    status = EXIT_OK
    manifest = Manifest(out_dir, roots=[layouts, *{source.parent for source in sources}])
    for source in sources:
        neighbours = sorted({*sources, *(real(path) for path in source.parent.glob("*.md"))})
        clash = collisions(source, neighbours, out_dir)
        if clash is not None:
            listener(Refused(source, SourceError(source, None, clash)))
            status = max(status, EXIT_BAD_INPUT)
            continue
        todo = kinds if force else outdated_kinds(source, out_dir, kinds, manifest)
        if not todo:
            listener(UpToDate(source))
            continue
        reporter = _Reporter(listener, source)
        listener(Started(source))
        try:
            from .builder import build_publication
            from .progress import LayoutProgress
            with LayoutProgress(listener, source):
                report = build_publication(source, out_dir, layouts, todo, manifest=manifest,
                                           strict=strict,
                                           first=reporter.first_stage if staged else None,
                                           preview_ready=reporter.preview if staged else None)
        except SourceError as error:
            listener(Refused(source, error))
            status = max(status, EXIT_BAD_INPUT)
            continue
        except InstallError as error:  # the same for every publication: stop here
            listener(NotInstalled(str(error)))
            return EXIT_INSTALL
        except OSError as error:  # a disk problem met on the way: the file it concerns
            where = Path(error.filename) if error.filename else source
            listener(DiskProblem(source, where, describe_os_error(error)))
            status = max(status, EXIT_BAD_INPUT)
            continue
        except ModuleNotFoundError as error:
            if (error.name or "").split(".")[0] == "tweeluik":
                raise
            listener(NotInstalled(str(missing_package(error, sys.executable))))
            return EXIT_INSTALL
        except Exception as error:  # a bug in tweeluik, not in the author's text
            listener(internal_error(source, error))
            status = EXIT_INTERNAL if status == EXIT_OK else status
            continue
        reporter.rest(report)
    return status


def internal_error(source: Path, error: Exception) -> InternalError:
    """A bug in tweeluik (never the author's mistake), with its traceback for --debug."""
    return InternalError(source, f"{type(error).__name__}: {error}", traceback.format_exc())


def check_all(sources: list[Path], layouts: Path, listener: Listener,
              strict: bool = False) -> int:
    """Read and check every source and tell what a build would report; write nothing."""
    status = EXIT_OK
    for source in sources:
        try:
            from .builder import check_source
            found = check_source(source, layouts, strict)
        except SourceError as error:
            listener(Refused(source, error))
            status = max(status, EXIT_BAD_INPUT)
            continue
        except InstallError as error:
            listener(NotInstalled(str(error)))
            return EXIT_INSTALL
        except Exception as error:  # a bug in tweeluik, not in the author's text
            listener(internal_error(source, error))
            status = EXIT_INTERNAL if status == EXIT_OK else status
            continue
        listener(Checked(source, tuple(found)))
    return status
