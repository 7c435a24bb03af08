"""The studio's project: the publications in ``content/``, their builds and what the
browser shows of them.

Part of step 5 (a face, like the command line). It calls the same build loop as
``build.py --watch`` (``runner.build_all``, staged, with a session that remembers the
last layout so a one-lesson edit is laid out again alone), listens to its events, and keeps for each
publication what the page needs: the problems, the structure as tweeluik understood it,
pictures of the booklet's pages and of the slides, and the files. Builds run one at a
time in the thread that calls ``run_builds``; the web server's thread only reads, and a
watcher's thread queues a build when a file changes by other hands than the studio's.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ERROR, Diagnostic, SourceError
from ..events import (
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
    Written,
)
from ..outputs import OUTPUTS, output_paths
from ..paths import real
from ..session import WriterSession
from ..source import MAX_SOURCE_BYTES
from .pictures import booklet_pages, slide_pictures

LOCK_NAME = ".tweeluik-studio-lock"
#: The longest text the studio saves: four times what the build reads, so that an
#: author who pasted too much keeps it all and is told by the check what to cut.
MAX_SAVED_BYTES = 4 * MAX_SOURCE_BYTES
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,80}", re.IGNORECASE)


def _signature(path: Path) -> tuple[int, int]:
    """A file's time and size, to tell the studio's own saves from other hands' (none: -1)."""
    try:
        stat = path.stat()
    except OSError:
        return -1, -1
    return stat.st_mtime_ns, stat.st_size


class StudioBusy(Exception):
    """Another studio holds this project folder."""


@dataclass
class Shown:
    """What the browser shows of one publication."""

    version: int = 0              # goes up with every change the page should fetch
    state: str = "new"            # new, building, built, refused
    problems: list[dict] = field(default_factory=list)
    pages: list[bytes] = field(default_factory=list)
    slides: list[bytes] = field(default_factory=list)
    slides_drawn_by: str = ""     # "libreoffice", "plan" (drawn by tweeluik) or "" (none)
    structure: dict | None = None
    changed_pages: list[int] = field(default_factory=list)
    pages_drawn: int = 0          # the version at which the pages, and the slides, were
    slides_drawn: int = 0         # drawn last (the page reloads a picture only then)
    seconds: float = 0.0


def problem_view(item: Diagnostic) -> dict:
    return {"severity": item.severity, "line": item.line, "column": item.column,
            "message": item.message}


def structure_view(source: Path) -> dict | None:
    """What tweeluik understood of the source: the parts, each lesson with its number,
    title and key message (or the sentence its slide shows instead)."""
    from ..errors import Diagnostics
    from ..model import plain_text
    from ..parse import parse_publication
    try:
        publication = parse_publication(source, diagnostics=Diagnostics(source))
    except SourceError:
        return None
    meta = publication.meta
    return {
        "title": meta.title, "subtitle": meta.subtitle, "organisation": meta.organisation,
        "date": meta.date.isoformat() if meta.date else meta.date_text,
        "language": meta.language, "signatories": list(meta.signatories),
        "introduction": len(publication.introduction.blocks),
        "lessons": [{
            "number": lesson.number, "line": lesson.line, "title": lesson.title_text,
            "key_message": plain_text(lesson.key_message) if lesson.key_message else None,
            "stand_in": lesson.stand_in[0] if lesson.stand_in else None,
        } for lesson in publication.lessons],
        "closing": bool(publication.closing.blocks or publication.closing.title),
    }


class StudioProject:
    """One project folder (``content/``, ``layouts/``, ``output/``) seen by the studio."""

    def __init__(self, root: Path):
        self.root = real(root)
        self.content = self.root / "content"
        self.layouts = self.root / "layouts"
        # what the writers keep between builds, each booklet's last layout included
        self.session = WriterSession(remember_layouts=True)
        self.out = self.root / "output"
        self.shown: dict[str, Shown] = {}
        self.jobs: queue.Queue[Path | None] = queue.Queue()
        self.listeners: list[Callable[[dict], None]] = []
        self.guard = threading.Lock()
        self.saved: dict[Path, tuple[int, int]] = {}  # what the studio itself last wrote
        self._lock: int | None = None
        self.office_profile = Path(tempfile.mkdtemp(prefix="tweeluik-studio-office-"))

    # -- one studio per folder --------------------------------------------------------
    def claim(self) -> None:
        """Hold the studio lock of the output folder, or raise ``StudioBusy``."""
        self.out.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise StudioBusy(f"another studio is already open on {self.root}; use that one "
                             "(or close it first)") from None
        self._lock = handle

    def release(self) -> None:
        shutil.rmtree(self.office_profile, ignore_errors=True)
        if self._lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock, fcntl.LOCK_UN)
                os.close(self._lock)
            self._lock = None

    # -- publications ---------------------------------------------------------------
    def names(self) -> list[str]:
        return sorted(path.stem for path in self.content.glob("*.md")
                      if path.is_file() and NAME.fullmatch(path.stem))

    def source(self, name: str) -> Path:
        """``content/NAME.md`` for a name from the browser; a name that is not one of the
        publications raises ``KeyError``."""
        if not NAME.fullmatch(name) or name not in self.names():
            raise KeyError(name)
        return self.content / f"{name}.md"

    def state(self, name: str) -> Shown:
        with self.guard:
            return self.shown.setdefault(name, Shown())

    def files(self, name: str) -> dict[str, Path]:
        return {kind: path for kind, path in output_paths(name, self.out).items()
                if path.is_file()}

    def save(self, name: str, text: str) -> None:
        """Write the author's text to ``content/NAME.md`` at once (a temporary file renamed
        into place) and queue a build."""
        source = self.source(name)
        data = text.encode("utf-8")
        if len(data) > MAX_SAVED_BYTES:
            raise ValueError("the text is longer than 2 MB; a letter is far shorter")
        temporary = source.with_name(f".{source.name}.studio-{secrets.token_hex(4)}.tmp")
        try:
            with open(temporary, "xb") as stream:
                stream.write(data)
            os.replace(temporary, source)
            with self.guard:
                self.saved[source] = _signature(source)
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()
        self.queue_build(source)

    def watch_outside(self, stop: threading.Event) -> None:
        """Queue a build whenever a publication, a file beside it (a picture, a template)
        or ``layouts/`` changes by other hands than the studio's: a text editor, a file
        copied into ``content/``. Runs until ``stop`` is set."""
        from watchfiles import watch as watch_changes

        from ..watch import sources_to_rebuild
        folders = [folder for folder in (self.content, real(self.layouts)) if folder.is_dir()]
        for changes in watch_changes(*folders, stop_event=stop, debounce=200, step=50,
                                     rust_timeout=500, yield_on_timeout=True):
            changed = {Path(path) for _, path in changes if not Path(path).name.startswith(".")}
            with self.guard:
                changed = {path for path in changed
                           if path.suffix != ".md" or _signature(path) != self.saved.get(path)}
            sources = [self.content / f"{name}.md" for name in self.names()]
            for source in sources_to_rebuild(changed, sources, self.layouts, self.content):
                self.queue_build(source)

    def queue_build(self, source: Path) -> None:
        self.jobs.put(source)

    # -- building -----------------------------------------------------------------------
    def tell(self, message: dict) -> None:
        for listener in list(self.listeners):
            listener(message)

    def run_builds(self, stop: threading.Event) -> None:
        """Build what is queued, one at a time, until ``stop`` is set (the caller's thread:
        forked workers start from here)."""
        from ..builder import warm_up
        with contextlib.suppress(Exception):
            warm_up(self.layouts)
        for name in self.names():
            self.queue_build(self.content / f"{name}.md")
        while not stop.is_set():
            try:
                source = self.jobs.get(timeout=0.2)
            except queue.Empty:
                continue
            if source is None:
                break
            waiting = {source}
            while True:  # saves that came in while this one waited count once
                try:
                    more = self.jobs.get_nowait()
                except queue.Empty:
                    break
                if more is not None:
                    waiting.add(more)
            for each in sorted(waiting):
                if each.is_file():
                    self.build(each)

    def build(self, source: Path) -> None:
        """Build one publication as ``build.py --watch`` does and update what is shown."""
        from ..runner import build_all, check_all
        name = source.stem
        shown = self.state(name)
        started = time.perf_counter()
        old_pages = list(shown.pages)
        events: list[Event] = []
        slides_done: list[bool] = []

        def listener(event: Event) -> None:
            events.append(event)
            if isinstance(event, Started):
                self._update(name, state="building")
            elif isinstance(event, Preview):  # the changed lesson's pages, shown at once
                self._pages(name, old_pages, booklet_pages(event.pdf))
            elif isinstance(event, FirstFiles):  # the files are written: then the slides
                self._pictures(name, old_pages, slides=False)
                self._update(name, seconds=time.perf_counter() - started)
                self._pictures(name, old_pages, slides=True, pages=False)
                slides_done.append(True)

        build_all([source], self.out, self.layouts, tuple(OUTPUTS), listener, staged=True,
                  session=self.session)
        if any(isinstance(event, UpToDate) for event in events):
            # a build with nothing to do says nothing: what it would say is the check's
            # (the studio said 'no problems' of a source with warnings built before)
            check_all([source], self.layouts, listener)
        problems: list[Diagnostic] = []
        refused = False
        for event in events:
            if isinstance(event, Diagnosed | Checked):
                problems = list(event.items)
            elif isinstance(event, Refused):
                problems, refused = list(event.error.diagnostics), True
            elif isinstance(event, DiskProblem):
                problems, refused = [Diagnostic(event.where, None, event.message)], True
            elif isinstance(event, NotInstalled | InternalError):
                message = event.message if isinstance(event, NotInstalled) else (
                    f"internal error: {event.error} (a bug in tweeluik; please report it)")
                problems, refused = [Diagnostic(source, None, message)], True
        built = any(isinstance(event, Built | UpToDate) for event in events)
        if built and not refused:
            self._pictures(name, old_pages, slides=not slides_done and (any(
                isinstance(event, Written) and event.kind == "deck" for event in events)
                or not self.state(name).slides))
        self._update(name, state="refused" if refused else "built",
                     problems=[problem_view(item) for item in problems
                               if item.path == source or item.severity == ERROR],
                     structure=structure_view(source) or self.state(name).structure,
                     seconds=time.perf_counter() - started)

    def _pictures(self, name: str, old_pages: list[bytes], slides: bool,
                  pages: bool = True) -> None:
        paths = output_paths(name, self.out)
        update: dict = {}
        if pages:
            drawn_pages = booklet_pages(paths["booklet"]) if paths["booklet"].is_file() else []
            update.update(self._page_changes(old_pages, drawn_pages))
        if slides and paths["deck"].is_file():
            drawn, by = slide_pictures(paths["deck"], self.office_profile)
            if not drawn:  # no LibreOffice: the slides drawn from the deck's plan
                drawn, by = self._sketches(name), "plan"
            update.update(slides=drawn, slides_drawn_by=by if drawn else "")
        if update:
            self._update(name, **update)

    def _sketches(self, name: str) -> list[bytes]:
        """The slides drawn from the deck's plan (as the build planned them), or none
        when the publication cannot be read now."""
        from ..deck import sketch_slides
        from ..parse import parse_publication
        from ..theme import load_theme
        try:
            publication = parse_publication(self.content / f"{name}.md")
            return sketch_slides(publication, load_theme(self.layouts), self.layouts)
        except (SourceError, OSError, ValueError):  # (a picture PIL cannot draw)
            return []

    @staticmethod
    def _page_changes(old_pages: list[bytes], pages: list[bytes]) -> dict:
        return {"pages": pages, "changed_pages": [
            number for number, page in enumerate(pages, start=1)
            if old_pages and (number > len(old_pages) or old_pages[number - 1] != page)]}

    def _pages(self, name: str, old_pages: list[bytes], pages: list[bytes]) -> None:
        self._update(name, **self._page_changes(old_pages, pages))

    def _update(self, name: str, **changes) -> None:
        with self.guard:
            shown = self.shown.setdefault(name, Shown())
            for key, value in changes.items():
                setattr(shown, key, value)
            shown.version += 1
            if "pages" in changes:
                shown.pages_drawn = shown.version
            if "slides" in changes:
                shown.slides_drawn = shown.version
            message = {"publication": name, "version": shown.version, "state": shown.state}
        self.tell(message)
