"""Errors that reach the author as one line: ``file:line: what is wrong and what to do``."""

from __future__ import annotations

import contextlib
from pathlib import Path


class SourceError(Exception):
    """A problem in an author's input, pointing at a file and (when known) a line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        super().__init__(message)
        self.path = Path(path)
        self.line = line
        self.message = message

    def __reduce__(self):  # so the error survives the trip back from the deck worker
        return (type(self), (self.path, self.line, self.message))

    def where(self, relative_to: Path | None = None) -> str:
        """The ``file:line`` prefix, the file shown relative to ``relative_to`` when inside it."""
        shown = self.path
        if relative_to is not None:
            with contextlib.suppress(ValueError):
                shown = self.path.resolve().relative_to(relative_to.resolve())
        return f"{shown}:{self.line}" if self.line else f"{shown}"

    def format(self, relative_to: Path | None = None) -> str:
        """The whole one-line message."""
        return f"{self.where(relative_to)}: {self.message}"

    def __str__(self) -> str:
        return self.format()


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
