"""A live progress line for builds that take more than a moment (step 5, the command).

On a terminal, once a publication has been building for a while, one line shows which
page WeasyPrint is laying out; it is wiped when the build finishes. Nothing is shown
when the output is not a terminal (scripts, CI) or with --quiet.
"""

from __future__ import annotations

import logging
import sys
import time

PROGRESS_LOGGER = "weasyprint.progress"


class LiveProgress(logging.Handler):
    """Turns WeasyPrint's progress messages into one line that rewrites itself."""

    def __init__(self, label: str, stream=None, delay: float = 1.5, interval: float = 0.2):
        super().__init__(logging.INFO)
        self.label, self.stream = label, stream or sys.stderr
        self.delay, self.interval = delay, interval
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def emit(self, record: logging.LogRecord) -> None:
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last < self.interval:
            return
        message = record.getMessage()
        if "Creating layout - Page" in message:
            text = f"laying out page {message.rsplit(' ', 1)[-1]}"
        elif "Creating PDF" in message:
            text = "writing the PDF"
        else:
            return
        self.last = now
        self.shown = True
        self.stream.write(f"\r  {self.label}: {text} …\x1b[K")
        self.stream.flush()

    def __enter__(self) -> LiveProgress:
        if self.stream.isatty():
            logger = logging.getLogger(PROGRESS_LOGGER)
            self._level = logger.level
            logger.setLevel(logging.INFO)
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logger = logging.getLogger(PROGRESS_LOGGER)
        if self in logger.handlers:
            logger.removeHandler(self)
            logger.setLevel(self._level)
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
