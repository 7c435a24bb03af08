"""Run a piece of a build on the machine's other core, in a forked worker process.

Used by the build (step 4) to make the deck while the booklet is laid out, and by the
booklet writer to derive its two print variants at the same time. A fork shares what
this process has already imported and loaded, so a worker starts at once; where fork is
not available or there is one core, the call simply runs here.
"""

from __future__ import annotations

import multiprocessing
import os

from .errors import SourceError


def can_fork() -> bool:
    """True where a forked worker can run beside this process on another core."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def _worker(connection, function, args) -> None:
    try:
        connection.send(("ok", function(*args)))
    except SourceError as error:
        connection.send(("error", error))
    except BaseException as error:  # reported by the parent as an internal error
        connection.send(("crash", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


class ForkedCall:
    """``function(*args)``, started now in a worker (or run later here), result on demand."""

    def __init__(self, function, *args, parallel: bool = True):
        self.function, self.args = function, args
        self.process = None
        if parallel and can_fork():
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=_worker, args=(sender, function, args),
                                           daemon=True)
            self.process.start()
            sender.close()

    def result(self):
        """The function's return value; its ``SourceError`` is raised here as it was there."""
        if self.process is None:
            return self.function(*self.args)
        try:
            message = self.receiver.recv()
        except EOFError:
            message = ("crash", f"the worker stopped (exit code {self.process.exitcode})")
        finally:
            self.process.join()
        if message[0] == "error":
            raise message[1]
        if message[0] == "crash":
            raise RuntimeError(message[1])
        return message[1]

    def cancel(self) -> None:
        """Stop the worker if it is still running (the build failed elsewhere)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
