"""What WeasyPrint is doing while it lays out a booklet, as events (step 4, the build).

WeasyPrint logs each step of a render ("Step 5 - Creating layout - Page 57"); while a
build runs, ``LayoutProgress`` turns those messages into ``Working`` events for the
build's listener, which decides whether and how to show them (a terminal shows a line
that rewrites itself once a build takes longer than a moment; a script shows nothing).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .booklet.weasyprint_internals import LAYING_OUT_PAGE, PROGRESS_LOGGER, WRITING_PDF
from .events import Listener, Working


def progress_text(record: logging.LogRecord) -> str | None:
    """What a WeasyPrint progress message says, in our words; ``None`` for the others.
    The page number is the message's argument ("Page %d"), never its last word."""
    template = str(record.msg)
    if LAYING_OUT_PAGE in template:
        page = record.args[0] if isinstance(record.args, tuple) and record.args else None
        return f"laying out page {page}" if page is not None else "laying out the pages"
    if WRITING_PDF in template:
        return "writing the PDF"
    return None


class LayoutProgress(logging.Handler):
    """While active, WeasyPrint's progress messages become ``Working`` events."""

    def __init__(self, listener: Listener, source: Path):
        super().__init__(logging.INFO)
        self.listener, self.source = listener, source
        self._level = logging.NOTSET

    def emit(self, record: logging.LogRecord) -> None:
        text = progress_text(record)
        if text is not None:
            self.listener(Working(self.source, text))

    def __enter__(self) -> LayoutProgress:
        logger = logging.getLogger(PROGRESS_LOGGER)
        self._level = logger.level
        logger.setLevel(logging.INFO)
        logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logger = logging.getLogger(PROGRESS_LOGGER)
        logger.removeHandler(self)
        logger.setLevel(self._level)
