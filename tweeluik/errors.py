"""Problems an author can fix, as data: ``file:line:column: what is wrong and what to do``.

Used by every step. A reader collects ``Diagnostic``s (errors, warnings and notes) in a
``Diagnostics`` list instead of stopping at the first; at the end of a step the list
raises one ``SourceError`` holding all of them if any was an error. The command prints
each on one line, in source order. Exceptions other than these are tweeluik's own bugs.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ERROR, WARNING, NOTE = "error", "warning", "note"
#: At most this many diagnostics are shown for one source; the rest are counted.
LIMIT = 25


def printable(text: str) -> str:
    """``text`` safe to print on one terminal line: control, format and line-separator
    characters (escape sequences, bidi overrides, newlines) become visible ``<U+001B>``."""
    out = []
    for char in text:
        if char in "\t":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") \
                and char not in "\u00ad\u200d":
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)


def shown_path(path: Path, relative_to: Path | None) -> str:
    """``path`` relative to ``relative_to`` when it lies inside it, else as given."""
    if relative_to is not None:
        try:  # realpath, unlike Path.resolve, does not raise on a symbolic link loop
            real = Path(os.path.realpath(path))
            return str(real.relative_to(os.path.realpath(relative_to)))
        except (ValueError, OSError):
            pass
    return str(path)


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a file: where it is, how bad, and what to do about it."""

    path: Path
    line: int | None
    message: str
    severity: str = ERROR
    column: int | None = None

    def where(self, relative_to: Path | None = None) -> str:
        """``file:line:column``, with as much of it as is known."""
        shown = printable(shown_path(self.path, relative_to))
        if self.line and self.column:
            return f"{shown}:{self.line}:{self.column}"
        return f"{shown}:{self.line}" if self.line else shown

    def format(self, relative_to: Path | None = None) -> str:
        """The whole one-line message; errors carry no label, the others say what they are."""
        label = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{self.where(relative_to)}: {label}{printable(self.message)}"

    def sort_key(self) -> tuple[str, int, int]:
        return (str(self.path), self.line or 0, self.column or 0)


class Diagnostics:
    """The problems found in one source, collected while reading it."""

    def __init__(self, path: Path):
        self.path = path
        self.items: list[Diagnostic] = []

    def add(self, severity: str, line: int | None, message: str,
            column: int | None = None, path: Path | None = None) -> None:
        item = Diagnostic(path or self.path, line, message, severity, column)
        if item not in self.items:
            self.items.append(item)

    def error(self, line: int | None, message: str, column: int | None = None) -> None:
        self.add(ERROR, line, message, column)

    def warning(self, line: int | None, message: str, column: int | None = None) -> None:
        self.add(WARNING, line, message, column)

    def note(self, line: int | None, message: str, column: int | None = None) -> None:
        self.add(NOTE, line, message, column)

    def extend(self, items) -> None:
        for item in items:
            if item not in self.items:
                self.items.append(item)

    @property
    def has_errors(self) -> bool:
        return any(item.severity == ERROR for item in self.items)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [item for item in self.items if item.severity == WARNING]

    def in_order(self) -> list[Diagnostic]:
        return sorted(self.items, key=Diagnostic.sort_key)

    def raise_if_errors(self, strict: bool = False) -> None:
        """Raise one ``SourceError`` holding everything found, if anything was an error
        (with ``strict``, a warning counts as an error too)."""
        items = self.items
        summary = None
        if strict and not self.has_errors and self.warnings:
            count = len(self.warnings)
            summary = Diagnostic(self.path, None, f"not built: --strict counts the {count} "
                                 f"warning{'s' if count != 1 else ''} above as errors; fix "
                                 "them, or build without --strict", ERROR)
        if strict:
            items = [Diagnostic(i.path, i.line, i.message, ERROR if i.severity == WARNING
                                else i.severity, i.column) for i in items]
        if any(item.severity == ERROR for item in items):
            error = SourceError.of(sorted(items, key=Diagnostic.sort_key))
            error.summary = summary
            raise error


class SourceError(Exception):
    """One or more problems in an author's input; the first error is ``path:line``."""

    def __init__(self, path: Path | str, line: int | None, message: str,
                 column: int | None = None):
        super().__init__(message)
        self.diagnostics: tuple[Diagnostic, ...] = (Diagnostic(Path(path), line, message,
                                                               ERROR, column),)
        #: A last line after all of them (why nothing was built), if any.
        self.summary: Diagnostic | None = None

    @classmethod
    def of(cls, diagnostics: list[Diagnostic]) -> SourceError:
        """An error holding several diagnostics (at least one of them an error)."""
        first = next(d for d in diagnostics if d.severity == ERROR)
        error = cls(first.path, first.line, first.message, first.column)
        error.diagnostics = tuple(diagnostics)
        return error

    def __reduce__(self):  # so the error survives the trip back from a worker
        return (_rebuild, (self.diagnostics, self.summary))

    @property
    def first(self) -> Diagnostic:
        return next(d for d in self.diagnostics if d.severity == ERROR)

    @property
    def path(self) -> Path:
        return self.first.path

    @property
    def line(self) -> int | None:
        return self.first.line

    @property
    def column(self) -> int | None:
        return self.first.column

    @property
    def message(self) -> str:
        return self.first.message

    def where(self, relative_to: Path | None = None) -> str:
        return self.first.where(relative_to)

    def format(self, relative_to: Path | None = None) -> str:
        """The first error as one line."""
        return self.first.format(relative_to)

    def lines(self, relative_to: Path | None = None, limit: int = LIMIT) -> list[str]:
        """Every diagnostic as a line, in source order, at most ``limit`` of them, and
        the summary last."""
        lines = format_diagnostics(list(self.diagnostics), relative_to, limit)
        return [*lines, self.summary.format(relative_to)] if self.summary else lines

    def __str__(self) -> str:
        return self.format()


def _rebuild(diagnostics: tuple[Diagnostic, ...],
             summary: Diagnostic | None = None) -> SourceError:
    error = SourceError.of(list(diagnostics))
    error.summary = summary
    return error


def format_diagnostics(items: list[Diagnostic], relative_to: Path | None = None,
                       limit: int = LIMIT) -> list[str]:
    """Diagnostics as lines in source order; past ``limit``, one line counts the rest."""
    ordered = sorted(items, key=Diagnostic.sort_key)
    lines = [item.format(relative_to) for item in ordered[:limit]]
    if len(ordered) > limit:
        rest = ordered[limit:]
        errors = sum(1 for item in rest if item.severity == ERROR)
        lines.append(f"{ordered[limit].where(relative_to)}: … and {len(rest)} more "
                     f"({errors} of them errors) not shown; fix these first and build again")
    return lines


class InstallError(Exception):
    """Something tweeluik needs is not installed on this machine: not the author's
    mistake and not a bug. The message says what to install, in one line."""


#: The Debian packages WeasyPrint needs, named in every message about a missing library.
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig"


def missing_library(error: OSError) -> InstallError:
    """A system library that WeasyPrint could not load, as an install problem."""
    text = str(error)
    name = text.split("'")[1] if text.count("'") >= 2 else "a system library"
    return InstallError(f"WeasyPrint cannot load {name} (Pango, HarfBuzz or fontconfig is "
                        f"missing); install them with: sudo apt install {SYSTEM_PACKAGES}")


def missing_package(error: ModuleNotFoundError, python: str) -> InstallError:
    """A Python package tweeluik imports that this interpreter does not have."""
    return InstallError(f"the Python package '{error.name}' is not installed for {python}; "
                        "run tweeluik with the Python of its virtual environment "
                        "(.venv/bin/python build.py), or install it there first: "
                        "python3 -m venv .venv && .venv/bin/pip install -e .")
