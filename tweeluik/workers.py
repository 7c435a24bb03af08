"""Run a piece of a build on the machine's other core, in a forked worker process.

Used by the build (step 4) to make the deck and run the glyph check while this process
lays out the booklet: on the 2-core machine this saves about a fifth of a cold build of
the sample (``bench/bench.py``, row "serial build"). The worker is a
``concurrent.futures`` process forked from this one, so it starts with everything this
process has already imported, and an exception raised in it comes back with the
worker's own traceback attached (shown by ``--debug``). Where fork is not available or
there is one core, the call simply runs here when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


def leave_interrupts_to_the_parent() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and only the build's own
    process says something about it (the worker used to print a traceback). SIGTERM,
    which the pool sends to a worker it no longer needs, ends the worker quietly rather
    than through the handler it inherited from the command line."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def can_fork() -> bool:
    """True where a forked worker can run beside this process on another core."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


class Beside:
    """``function(*args)``: started now on the other core, or run here on demand."""

    def __init__(self, function: Callable[..., Any], *args: Any, parallel: bool = True):
        self.function, self.args = function, args
        self.executor: ProcessPoolExecutor | None = None
        self.future: Future | None = None
        if parallel and can_fork():
            self.executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("fork"),
                initializer=leave_interrupts_to_the_parent)
            self.future = self.executor.submit(function, *args)

    def result(self) -> Any:
        """The function's return value; an exception it raised is raised here."""
        if self.executor is None or self.future is None:
            return self.function(*self.args)
        try:
            return self.future.result()
        finally:
            self.executor.shutdown()

    def abandon(self) -> None:
        """The build failed elsewhere: do not start the call if it has not started, and
        let the worker finish on its own."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
