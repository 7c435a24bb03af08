"""Errors that reach the author as one line: ``file:line: what is wrong and what to do``."""

from __future__ import annotations

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
            try:
                shown = self.path.resolve().relative_to(relative_to.resolve())
            except ValueError:
                pass
        return f"{shown}:{self.line}" if self.line else f"{shown}"

    def format(self, relative_to: Path | None = None) -> str:
        """The whole one-line message."""
        return f"{self.where(relative_to)}: {self.message}"

    def __str__(self) -> str:
        return self.format()
