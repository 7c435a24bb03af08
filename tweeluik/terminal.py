"""The command line's face: prints what the build tells, in plain words (step 5).

``Console`` knows where lines go (progress to stdout, problems to stderr, paths relative
to the project); ``TerminalFace`` is the build's listener for a terminal: it turns each
event into lines, and on a terminal shows one progress line that rewrites itself while a
long build lays out pages, wiped before anything else is printed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .errors import Diagnostic, SourceError, format_diagnostics, shown_path
from .events import (
    Built,
    Checked,
    Diagnosed,
    DiskProblem,
    Event,
    FirstFiles,
    InternalError,
    NotInstalled,
    Preview,
    Refused,
    Started,
    UpToDate,
    Working,
    Written,
)


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


class LiveLine:
    """One line on a terminal that rewrites itself, once a build has taken ``delay``
    seconds, at most every ``interval`` seconds; nothing when not on a terminal."""

    def __init__(self, stream=None, delay: float = 1.5, interval: float = 0.2):
        self.stream = stream or sys.stderr
        self.delay, self.interval = delay, interval
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def restart(self) -> None:
        self.wipe()
        self.started, self.last = time.monotonic(), 0.0

    def show(self, text: str) -> None:
        now = time.monotonic()
        if not self.stream.isatty() or now - self.started < self.delay \
                or now - self.last < self.interval:
            return
        self.last, self.shown = now, True
        self.stream.write(f"\r  {text} …\x1b[K")
        self.stream.flush()

    def wipe(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


class TerminalFace:
    """The build's listener on the command line (and in watch mode)."""

    def __init__(self, console: Console, debug: bool = False, live: LiveLine | None = None):
        self.console, self.debug = console, debug
        self.live = live if live is not None else LiveLine()
        self.said: dict[Path, set[Diagnostic]] = {}

    def __call__(self, event: Event) -> None:
        if isinstance(event, Working):
            if not self.console.quiet:
                self.live.show(f"{self.console.shown(event.source)}: {event.what}")
            return
        self.live.wipe()
        for kind in type(event).__mro__:  # show_<type of event>, as ast.NodeVisitor visits
            shown = getattr(self, f"show_{kind.__name__}", None)
            if shown is not None:
                shown(event)
                return
        raise TypeError(f"the terminal has no words for {type(event).__name__}")

    def show_Started(self, event: Started) -> None:
        self.live.restart()
        self.said[event.source] = set()

    def show_UpToDate(self, event: UpToDate) -> None:
        self.console.info(f"up to date: {self.console.shown(event.source)}")

    def show_Written(self, event: Written) -> None:
        self.console.info(f"  {event.kind:<11} {self.console.shown(event.path):<40} "
                          f"{event.detail:<10} {event.seconds:5.2f} s")

    def show_Diagnosed(self, event: Diagnosed) -> None:
        said = self.said.setdefault(event.source, set())
        self.console.diagnostics([item for item in event.items if item not in said])
        said.update(event.items)

    def show_Preview(self, event: Preview) -> None:
        pass  # the terminal says what was written; the preview is not on disk yet

    def show_FirstFiles(self, event: FirstFiles) -> None:
        self.console.info(f"updated {self.console.shown(event.source)} in {event.seconds:.2f} "
                          "s (the booklet, the slides and the web page; the print files "
                          "follow)")

    def show_Built(self, event: Built) -> None:
        self.console.info(f"built {self.console.shown(event.source)} in {event.seconds:.2f} s")

    def show_Refused(self, event: Refused) -> None:
        self.console.error(event.error)

    def show_DiskProblem(self, event: DiskProblem) -> None:
        self.console.problem(f"{self.console.shown(event.where)}: {event.message}")

    def show_NotInstalled(self, event: NotInstalled) -> None:
        self.console.problem(f"tweeluik: {event.message}")

    def show_InternalError(self, event: InternalError) -> None:
        if self.debug:
            print(event.traceback, file=sys.stderr, end="", flush=True)
        self.console.problem(f"{self.console.shown(event.source)}: internal error: "
                             f"{event.error} (this is a bug in tweeluik; run again with "
                             "--debug and report the output)")

    def show_Checked(self, event: Checked) -> None:
        self.console.diagnostics(list(event.items))
        warnings = sum(1 for item in event.items if item.severity == "warning")
        self.console.info(f"checked {self.console.shown(event.source)}: "
                          + (f"{warnings} warning{'s' if warnings != 1 else ''}" if warnings
                             else "no problems"))
