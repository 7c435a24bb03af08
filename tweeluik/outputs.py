"""The files a build makes, where they go, and how they get there: all or nothing.

Step 4 of the pipeline (the build's last step, the edge where bytes meet the disk).
Every target is checked before anything is written; each file is written under a
unique temporary name; a small journal then lists the renames, the files are renamed
into place, and the journal is removed. A build that is killed between two renames
leaves its journal behind, and the next build in that folder finishes the renames
first, so an output folder holds either the old set or the new one. All of this runs
under a lock on the output folder, which also guards the manifest.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import secrets
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

from .disk_errors import describe_write_error
from .errors import SourceError
from .paths import real

#: Output kind → file name suffix. The booklet kinds come from one layout.
OUTPUTS = {
    "booklet": ".pdf",
    "print-shop": "-print-shop.pdf",
    "a4-duplex": "-a4-duplex.pdf",
    "deck": ".pptx",
    "web": ".html",
}
BOOKLET_KINDS = ("booklet", "print-shop", "a4-duplex")
KIND_NAMES = {"booklet": "booklet", "print-shop": "print-shop booklet",
              "a4-duplex": "office booklet", "deck": "deck", "web": "web edition"}

TEMPORARY_PREFIX = ".tweeluik-"
TEMPORARY_SUFFIX = ".tmp"
JOURNAL_PREFIX = ".tweeluik-journal-"
LOCK_NAME = ".tweeluik-lock"
MAX_NAME = 200  # bytes of a file name we write; file systems allow 255


#: A temporary file of ours, as ``write_all`` names it.
_TEMPORARY_NAME = re.compile(re.escape(TEMPORARY_PREFIX) + r"[0-9a-f]{8}-\d{1,3}"
                             + re.escape(TEMPORARY_SUFFIX))


def is_output_name(name: str) -> bool:
    """True for the plain name of an output file (no folder, no '..', our suffixes)."""
    return (0 < len(name.encode("utf-8", "surrogateescape")) <= MAX_NAME
            and name == os.path.basename(name) and "\\" not in name and "\0" not in name
            and not name.startswith(".") and name.endswith(tuple(OUTPUTS.values())))


def _journal_renames(journal: Path) -> list[tuple[str, str]] | None:
    """The renames a journal lists, or ``None`` when it is not a journal of ours: every
    entry must rename a temporary file of ours to an output name, both in this folder."""
    try:
        if journal.is_symlink() or journal.stat().st_size > 64 * 1024:
            return None
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(entries, list) or len(entries) > len(OUTPUTS) * 4:
        return None
    renames = []
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 2
                and all(isinstance(name, str) for name in entry)):
            return None
        temporary, target = entry
        if not _TEMPORARY_NAME.fullmatch(temporary) or not is_output_name(target):
            return None
        renames.append((temporary, target))
    return renames


def output_paths(name: str, out_dir: Path) -> dict[str, Path]:
    """Where each output of publication ``name`` goes."""
    return {kind: out_dir / f"{name}{suffix}" for kind, suffix in OUTPUTS.items()}


def collisions(source: Path, others: list[Path], out_dir: Path) -> str | None:
    """Why ``source`` may not be built into ``out_dir`` next to ``others``: one of its
    outputs would overwrite one of theirs (``x.md`` and ``x-a4-duplex.md``). ``None`` if
    nothing collides."""
    mine = output_paths(source.stem, out_dir)
    for other in others:
        if real(other) == real(source):
            continue
        theirs = {path: kind for kind, path in output_paths(other.stem, out_dir).items()}
        for kind, path in mine.items():
            if path in theirs:
                return (f"its {KIND_NAMES[kind]} would be written to {path.name}, which is "
                        f"also where {other.name} puts its {KIND_NAMES[theirs[path]]}; rename "
                        "one of the two files")
    return None


class OutputFolder:
    """An output folder, locked while this build writes its files and the manifest."""

    def __init__(self, path: Path):
        self.path = path
        self._lock: int | None = None
        #: Journals found and not acted on: (where it now lies, what to say).
        self.set_aside: list[tuple[Path, str]] = []

    def fail(self, path: Path, message: str) -> SourceError:
        return SourceError(path, None, message)

    def prepare(self) -> None:
        """Make the folder, or say why it cannot be used."""
        if self.path.exists() and not self.path.is_dir():
            raise self.fail(self.path, "the output folder is a file; choose a folder with "
                            "--out, or remove the file")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise self.fail(self.path, f"cannot make the output folder: "
                            f"{describe_write_error(error)}") from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[OutputFolder]:
        """Hold the folder's lock (other builds into the same folder wait), and first
        finish or clean up what an interrupted build left."""
        self.prepare()
        try:
            handle = os.open(self.path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise self.fail(self.path, f"cannot write in the output folder: "
                            f"{describe_write_error(error)}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            self._lock = handle
            self.repair()
            yield self
        finally:
            self._lock = None
            fcntl.flock(handle, fcntl.LOCK_UN)
            os.close(handle)

    def repair(self) -> None:
        """Finish the renames of an interrupted build; remove stray temporary files. A
        journal is acted on only when every entry renames one of our temporary files to
        the plain name of an output in this folder; any other journal (planted, or from
        another program) is set aside untouched and said in ``set_aside``."""
        for journal in sorted(self.path.glob(f"{JOURNAL_PREFIX}*.json")):
            renames = _journal_renames(journal)
            if renames is None:
                kept = journal.with_name(journal.name + ".refused")
                with contextlib.suppress(OSError):
                    os.replace(journal, kept)
                self.set_aside.append((kept, "a rename journal here names files that are "
                                       "not this folder's outputs; it was set aside and not "
                                       "acted on (delete it if you did not put it there)"))
                continue
            for temporary, target in renames:
                source = self.path / temporary
                with contextlib.suppress(OSError):
                    if stat.S_ISREG(os.lstat(source).st_mode) and not (
                            self.path / target).is_symlink():
                        os.replace(source, self.path / target)
            with contextlib.suppress(OSError):
                journal.unlink()
        for stray in self.path.glob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                if not stray.is_symlink():
                    stray.unlink()

    def check_targets(self, targets: list[Path]) -> None:
        """Refuse, before anything is written, a target that cannot be replaced."""
        for target in targets:
            if len(target.name.encode("utf-8")) > MAX_NAME:
                raise self.fail(target, "the file name is too long; give the source a "
                                "shorter name")
            if target.is_dir() and not target.is_symlink():
                raise self.fail(target, "a folder stands where this file should go; remove "
                                "or rename the folder")
            if target.exists() and not os.access(target, os.W_OK) \
                    and not os.access(self.path, os.W_OK):
                raise self.fail(target, "this file cannot be replaced: permission denied")

    def write_all(self, files: dict[Path, bytes]) -> None:
        """Write ``files`` (all inside this folder) all or nothing; the lock must be held."""
        assert self._lock is not None, "write_all needs the folder's lock"
        self.check_targets(list(files))
        written: list[tuple[Path, Path]] = []
        token = secrets.token_hex(4)
        try:
            for number, (target, data) in enumerate(files.items()):
                temporary = self.path / f"{TEMPORARY_PREFIX}{token}-{number}{TEMPORARY_SUFFIX}"
                try:
                    with open(temporary, "xb") as stream:
                        written.append((temporary, target))
                        stream.write(data)
                    os.chmod(temporary, 0o644)
                except OSError as error:
                    raise self.fail(target, f"cannot write: {describe_write_error(error)}") from None
            raise_a_swallowed_interrupt()
            journal = self.path / f"{JOURNAL_PREFIX}{token}.json"
            try:
                self._write_small(journal, json.dumps(
                    [[temporary.name, target.name] for temporary, target in written]))
            except OSError as error:
                raise self.fail(journal, f"cannot write: {describe_write_error(error)}") from None
        except BaseException:
            for temporary, _ in written:
                with contextlib.suppress(OSError):
                    temporary.unlink()
            raise
        # Ctrl-C and SIGTERM wait until every file is in place (a few renames), so an
        # interrupted build has either the old set or the new one.
        masked = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, masked)
        try:
            for temporary, target in written:
                os.replace(temporary, target)
        except OSError as error:  # the journal stays: the next build finishes the renames
            raise self.fail(target, f"cannot replace: {describe_write_error(error)}") from None
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        with contextlib.suppress(OSError):
            journal.unlink()

    def _write_small(self, path: Path, text: str) -> None:
        """Write a small file under a unique temporary name, then rename it into place."""
        temporary = path.with_name(f"{TEMPORARY_PREFIX}{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()

    def write_text(self, path: Path, text: str) -> None:
        """A small text file (the manifest), atomically; the lock must be held."""
        assert self._lock is not None, "write_text needs the folder's lock"
        self._write_small(path, text)


def raise_a_swallowed_interrupt() -> None:
    """Raise the Ctrl-C or SIGTERM that arrived during the build, if a library swallowed
    it (fontTools decodes tables inside a bare 'except:'), so an interrupted build never
    puts its files in place. The command line's signal handler remembers what it raised
    (its ``interrupted``); a handler that does not is left alone."""
    for number in (signal.SIGINT, signal.SIGTERM):
        raised = getattr(signal.getsignal(number), "interrupted", None)
        if raised is not None:
            raise raised()

