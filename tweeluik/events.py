"""What a build tells its face, as data: the build loop emits these, each face shows them.

Part of step 4 (the build loop, ``runner``), with no face of its own: the command line
prints them (``terminal``), watch mode prints them between saves, and the studio sends
them to the browser. An event is a small frozen record; a listener is any callable that
takes one. Nothing here prints, writes or imports a face.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostic, SourceError


@dataclass(frozen=True)
class UpToDate:
    """Nothing to do: every requested output of ``source`` is current."""

    source: Path


@dataclass(frozen=True)
class Started:
    """The build of ``source`` began."""

    source: Path


@dataclass(frozen=True)
class Working:
    """What a long build is doing now, for a progress line ("laying out page 57")."""

    source: Path
    what: str


@dataclass(frozen=True)
class Written:
    """An output was written (or is ready to be, with the others, all at once)."""

    source: Path
    kind: str
    path: Path
    detail: str
    seconds: float


@dataclass(frozen=True)
class Diagnosed:
    """Warnings and notes of a build that went ahead (in source order)."""

    source: Path
    items: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Preview:
    """Watch mode: the booklet with the changed lesson laid out again, as PDF bytes, before
    anything is written (the studio shows its pages at once)."""

    source: Path
    pdf: bytes = field(repr=False)


@dataclass(frozen=True)
class FirstFiles:
    """Watch mode: the booklet, the slides and the web page are written; the print files
    follow."""

    source: Path
    seconds: float


@dataclass(frozen=True)
class Built:
    """Every requested output of ``source`` is written."""

    source: Path
    seconds: float


@dataclass(frozen=True)
class Refused:
    """``source`` was not built: the author's mistake, every problem of it."""

    source: Path
    error: SourceError


@dataclass(frozen=True)
class DiskProblem:
    """A file could not be written or read: ``where`` and what to do, in plain words."""

    source: Path
    where: Path
    message: str


@dataclass(frozen=True)
class NotInstalled:
    """Something tweeluik needs is missing on this machine; the build stops."""

    message: str


@dataclass(frozen=True)
class InternalError:
    """A bug in tweeluik (never the author's mistake), with its traceback."""

    source: Path
    error: str
    traceback: str = field(default="", repr=False)


@dataclass(frozen=True)
class Checked:
    """``--check``: what a build of ``source`` would report."""

    source: Path
    items: tuple[Diagnostic, ...]


Event = (UpToDate | Started | Working | Written | Diagnosed | Preview | FirstFiles | Built
         | Refused | DiskProblem | NotInstalled | InternalError | Checked)
Listener = Callable[[Event], None]


def ignore(event: Event) -> None:
    """A listener that shows nothing (a build nobody watches)."""
