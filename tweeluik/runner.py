"""The build loop: which publications need work, build them, and report in plain words.

Step 4 of the pipeline, below the command line: ``cli`` (one run) and ``watch`` (a run
on every save) both call ``build_all``. Each source is built on its own, so a mistake in
one publication never stops the others; the exit code is the worst of them.
"""

from __future__ import annotations

import sys
import traceback
from contextlib import nullcontext
from pathlib import Path

from .errors import (
    Diagnostic,
    InstallError,
    SourceError,
    format_diagnostics,
    missing_package,
    shown_path,
)
from .incremental import Manifest
from .outputs import BOOKLET_KINDS, OUTPUTS, collisions, describe_os_error, output_paths
from .paths import real

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_INSTALL = 0, 1, 2, 3


class Console:
    """Prints progress to stdout and problems to stderr, paths relative to the project."""

    def __init__(self, root: Path, quiet: bool = False):
        self.root, self.quiet = root, quiet

    def shown(self, path: Path) -> str:
        return shown_path(path, self.root)

    def info(self, line: str) -> None:
        if not self.quiet:
            print(line, flush=True)

    def error(self, error: SourceError) -> None:
        """Every problem the error holds (warnings and notes among them), in order."""
        for line in error.lines(self.root):
            print(line, file=sys.stderr, flush=True)

    def diagnostics(self, items: list[Diagnostic]) -> None:
        """Warnings and notes of a build that went ahead; notes only when not quiet."""
        shown = [item for item in items if item.severity != "note" or not self.quiet]
        for line in format_diagnostics(shown, self.root):
            print(line, file=sys.stderr, flush=True)

    def problem(self, line: str) -> None:
        print(line, file=sys.stderr, flush=True)


def kinds_for(only: str | None) -> tuple[str, ...]:
    """The output kinds ``--only`` asks for."""
    if only == "deck":
        return ("deck",)
    if only == "booklet":
        return BOOKLET_KINDS
    return tuple(OUTPUTS)


def outdated_kinds(source: Path, out_dir: Path, kinds: tuple[str, ...],
                   manifest: Manifest) -> tuple[str, ...]:
    """The requested outputs of ``source`` that are missing or older than their inputs."""
    paths = output_paths(source.stem, out_dir)
    return tuple(kind for kind in kinds
                 if not manifest.is_current(paths[kind], extra_inputs=[source]))


class _Told:
    """What has been said about one build: in watch mode the booklet and the deck are
    reported as soon as they are written, the rest when the build is done."""

    def __init__(self, console: Console, source: Path):
        self.console, self.source = console, source
        self.warnings: list[Diagnostic] = []
        self.files = 0

    def files_and_warnings(self, report) -> None:
        self.console.diagnostics([item for item in report.warnings
                                  if item not in self.warnings])
        self.warnings = list(report.warnings)
        for kind, path, detail, seconds in report.written[self.files:]:
            self.console.info(f"  {kind:<11} {self.console.shown(path):<40} {detail:<10} "
                              f"{seconds:5.2f} s")
        self.files = len(report.written)

    def first_stage(self, report) -> None:
        self.files_and_warnings(report)
        self.console.info(f"updated {self.console.shown(self.source)} in {report.seconds:.2f} s "
                          "(the booklet and the slides; the print files follow)")

    def rest(self, report) -> None:
        self.files_and_warnings(report)
        self.console.info(f"built {self.console.shown(self.source)} in {report.seconds:.2f} s")


def build_all(sources: list[Path], out_dir: Path, layouts: Path, kinds: tuple[str, ...],
              console: Console, debug: bool = False, force: bool = False,
              strict: bool = False, staged: bool = False) -> int:
    """Build what is out of date in each source; return the exit code. ``staged`` (watch
    mode) writes each booklet and deck first and says so, then the print variants."""
    status = EXIT_OK
    manifest = Manifest(out_dir, roots=[layouts, *{source.parent for source in sources}])
    for source in sources:
        neighbours = sorted({*sources, *(real(path) for path in source.parent.glob("*.md"))})
        clash = collisions(source, neighbours, out_dir)
        if clash is not None:
            console.error(SourceError(source, None, clash))
            status = max(status, EXIT_BAD_INPUT)
            continue
        todo = kinds if force else outdated_kinds(source, out_dir, kinds, manifest)
        if not todo:
            console.info(f"up to date: {console.shown(source)}")
            continue
        told = _Told(console, source)

        try:
            from .builder import build_publication
            from .progress import LiveProgress
            with LiveProgress(console.shown(source)) if not console.quiet else nullcontext():
                report = build_publication(source, out_dir, layouts, todo, manifest=manifest,
                                           strict=strict,
                                           first=told.first_stage if staged else None)
        except SourceError as error:
            console.error(error)
            status = max(status, EXIT_BAD_INPUT)
            continue
        except InstallError as error:  # the same for every publication: stop here
            console.problem(f"tweeluik: {error}")
            return EXIT_INSTALL
        except OSError as error:  # a disk problem met on the way: the file it concerns
            where = Path(error.filename) if error.filename else source
            console.problem(f"{console.shown(where)}: {describe_os_error(error)}")
            status = max(status, EXIT_BAD_INPUT)
            continue
        except ModuleNotFoundError as error:
            if (error.name or "").split(".")[0] == "tweeluik":
                raise
            console.problem(f"tweeluik: {missing_package(error, sys.executable)}")
            return EXIT_INSTALL
        except Exception as error:  # a bug in tweeluik, not in the author's text
            report_internal_error(console, source, error, debug)
            status = EXIT_INTERNAL if status == EXIT_OK else status
            continue
        told.rest(report)
    return status


def report_internal_error(console: Console, source: Path, error: Exception,
                          debug: bool) -> None:
    """One line for a bug in tweeluik (never for the author's mistake); the traceback with --debug."""
    if debug:
        traceback.print_exc()
    console.problem(f"{console.shown(source)}: internal error: {type(error).__name__}: "
                    f"{error} (this is a bug in tweeluik; run again with --debug and report "
                    "the output)")


def check_all(sources: list[Path], layouts: Path, console: Console, debug: bool = False,
              strict: bool = False) -> int:
    """Read and check every source and print what a build would report; write nothing."""
    status = EXIT_OK
    for source in sources:
        try:
            from .builder import check_source
            found = check_source(source, layouts, strict)
        except SourceError as error:
            console.error(error)
            status = max(status, EXIT_BAD_INPUT)
            continue
        except InstallError as error:
            console.problem(f"tweeluik: {error}")
            return EXIT_INSTALL
        except Exception as error:  # a bug in tweeluik, not in the author's text
            report_internal_error(console, source, error, debug)
            status = EXIT_INTERNAL if status == EXIT_OK else status
            continue
        console.diagnostics(found)
        warnings = sum(1 for item in found if item.severity == "warning")
        console.info(f"checked {console.shown(source)}: "
                     + (f"{warnings} warning{'s' if warnings != 1 else ''}" if warnings
                        else "no problems"))
    return status
