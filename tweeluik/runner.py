"""The build loop: which publications need work, build them, and tell what happened.

Step 4 of the pipeline, below the faces: the command line (``cli``), watch mode and the
studio call ``build_all`` with a listener and show the events it emits (``events``); this
module prints nothing and imports no face. Each source is built on its own, so a mistake
in one publication never stops the others; the exit code is the worst of them.
"""

from __future__ import annotations

import functools
import sys
import traceback
from pathlib import Path

from .disk_errors import describe_write_error
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
from .outputs import BOOKLET_KINDS, OUTPUTS, collisions, output_paths
from .paths import real
from .session import WriterSession

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
              staged: bool = False, processes: int = 1,
              session: WriterSession | None = None) -> int:
    """Build what is out of date in each source, telling ``listener``; return the exit
    code. ``staged`` (watch mode) writes each booklet and deck first and says so, then
    the print variants. With ``processes`` over 1 and more than two publications to
    build, the first is built here and the others then several at once, each in a
    process of its own (see ``workers.build_in_processes``); what each build says is
    told when it is done, in the order of ``sources``. The builds share ``session`` (what
    the writers keep; watch mode and the studio keep one for their process), or a new
    one."""
    session = session or WriterSession()
    status = EXIT_OK
    manifest = Manifest(out_dir, roots=[layouts, *{source.parent for source in sources}])
    work: list[tuple[Path, tuple[str, ...]]] = []
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
        work.append((source, todo))

    def build(source: Path, todo: tuple[str, ...], tell: Listener,
              parallel: bool | None = None) -> int:
        return _build_one(source, todo, out_dir, layouts, manifest, tell, strict, staged,
                          parallel, session)

    if processes > 1 and len(work) > 2 and not staged:
        # The first is built here, so that every process forked for the others starts
        # with what it loaded (fonts, stylesheet, templates): a warm build takes a
        # quarter of a cold one.
        first, rest = work[0], work[1:]
        outcome = build(*first, listener)
        if outcome == EXIT_INSTALL:
            return EXIT_INSTALL
        status = _worse(status, outcome)
        from .workers import build_in_processes
        # no worker beside each build: the other processes keep the other cores busy
        jobs = [functools.partial(build, source, todo, parallel=False) for source, todo in rest]
        outcomes = build_in_processes(
            jobs, processes, listener,
            lambda index, code: internal_error_event(rest[index][0], code))
        for outcome in outcomes:
            status = _worse(status, outcome)
        return status
    for source, todo in work:
        outcome = build(source, todo, listener)
        if outcome == EXIT_INSTALL:
            return EXIT_INSTALL
        status = _worse(status, outcome)
    return status


def _worse(status: int, outcome: int) -> int:
    """The exit code of two results: install problems, then bad input, then bugs."""
    if outcome == EXIT_INTERNAL:
        return EXIT_INTERNAL if status == EXIT_OK else status
    if status == EXIT_INTERNAL and outcome == EXIT_OK:
        return status
    return max(status, outcome)


def _build_one(source: Path, todo: tuple[str, ...], out_dir: Path, layouts: Path,
               manifest: Manifest, listener: Listener, strict: bool, staged: bool,
               parallel: bool | None, session: WriterSession) -> int:
    """Build one publication, telling ``listener``; its exit code."""
    reporter = _Reporter(listener, source)
    listener(Started(source))
    try:
        from .builder import build_publication
        from .progress import LayoutProgress
        with LayoutProgress(listener, source):
            report = build_publication(source, out_dir, layouts, todo, manifest=manifest,
                                       strict=strict, parallel=parallel,
                                       first=reporter.first_stage if staged else None,
                                       preview_ready=reporter.preview if staged else None,
                                       session=session)
    except SourceError as error:
        listener(Refused(source, error))
        return EXIT_BAD_INPUT
    except InstallError as error:  # the same for every publication: stop here
        listener(NotInstalled(str(error)))
        return EXIT_INSTALL
    except OSError as error:  # a disk problem met on the way: the file it concerns
        where = Path(error.filename) if error.filename else source
        listener(DiskProblem(source, where, describe_write_error(error)))
        return EXIT_BAD_INPUT
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] == "tweeluik":
            raise
        listener(NotInstalled(str(missing_package(error, sys.executable))))
        return EXIT_INSTALL
    except Exception as error:  # a bug in tweeluik, not in the author's text
        listener(internal_error(source, error))
        return EXIT_INTERNAL
    reporter.rest(report)
    return EXIT_OK


def internal_error_event(source: Path, exit_code: int | None) -> InternalError:
    """A build process that ended without saying how (it crashed or was killed)."""
    return InternalError(source, f"the build stopped unexpectedly (exit code {exit_code})", "")


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
