"""Run parts of the work on the machine's other cores, in forked processes (step 4).

``Beside``: the build makes the deck, the web page and the glyph check while this
process lays out the booklet; on the 2-core machine this saves about a fifth of a cold
build of the sample (``bench/bench.py``, row "serial build"). The worker is a process
forked from this one, so it starts with everything this process has already imported;
it sends back its result, or the exception it raised with the worker's own traceback
attached (shown by ``--debug``). When the build stops early (an error elsewhere, Ctrl-C,
SIGTERM), the worker is killed at once rather than waited for. Where fork is not
available or there is one core, the call simply runs here when its result is asked for.

``build_in_processes``: several publications built at once, in one process per core
that takes the next when done, their events passed back through a pipe and told in
order (``runner.build_all``).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any


class WorkerStopped(RuntimeError):
    """The worker ended without sending a result (it crashed or was killed)."""


class _RemoteTraceback(Exception):
    """The worker's traceback, as text, attached to the exception it raised."""

    def __str__(self) -> str:
        return str(self.args[0])


def leave_interrupts_to_the_parent() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and only the build's own
    process says something about it (the worker used to print a traceback). SIGTERM
    (sent to a daemonic worker still running when the build's process ends) ends the
    worker quietly rather than through the handler it inherited from the command line."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def usable_cores() -> int:
    """The cores this process may run on: fewer than the machine has when ``taskset`` or
    a container's CPU set limits it."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def shared_with_forks() -> Iterator[None]:
    """The objects alive now frozen while processes are forked from this one, so that
    the cycle collector leaves them alone and a forked process does not copy the memory
    it shares with this one by touching them. A freeze a caller already made is left
    as it is, and thawed by that caller alone (``gc.unfreeze`` thaws everything)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def can_fork() -> bool:
    """True where a forked worker can run beside this process on another core."""
    return "fork" in multiprocessing.get_all_start_methods() and usable_cores() > 1


def _run_and_send(sender, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """In the worker: run the call and send (True, result) or (False, error, traceback)."""
    leave_interrupts_to_the_parent()
    try:
        message: tuple[Any, ...] = (True, function(*args))
    except BaseException as error:  # every failure goes back to the parent
        message = (False, error, traceback.format_exc())
    try:
        sender.send(message)
    except Exception:  # the result or the error cannot be pickled: say what it was
        if message[0]:
            raise
        failure = message[1]
        sender.send((False, RuntimeError(f"{type(failure).__name__}: {failure}"), message[2]))
    finally:
        sender.close()


class Beside:
    """``function(*args)``: started now on the other core, or run here on demand."""

    def __init__(self, function: Callable[..., Any], *args: Any, parallel: bool = True):
        self.function, self.args = function, args
        self.process: Any = None
        if parallel and can_fork():
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=_run_and_send, args=(sender, function, args),
                                           daemon=True)
            self.process.start()
            sender.close()  # the worker holds its own end: the pipe closes if it dies

    def result(self) -> Any:
        """The function's return value; an exception it raised is raised here."""
        if self.process is None:
            return self.function(*self.args)
        try:
            message = self.receiver.recv()
        except EOFError:
            self.process.join()
            raise _stopped(self.process) from None
        finally:
            self.receiver.close()
        self.process.join()
        return _answer(message)

    def abandon(self) -> None:
        """The build stopped elsewhere: the worker's result is not wanted, so it is
        stopped now rather than waited for."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.receiver.close()


class Ahead:
    """``function(data, *args)`` on the other core, for input this process makes later:
    the worker is forked now and calls ``prepare()`` (imports, typically) while this
    process works; ``result(data)`` hands it the input and waits for the answer. Where
    no worker can run, ``result`` simply calls the function here."""

    def __init__(self, prepare: Callable[[], Any], function: Callable[..., Any], *args: Any,
                 parallel: bool = True):
        self.function, self.args = function, args
        self.process: Any = None
        if parallel and can_fork():
            context = multiprocessing.get_context("fork")
            inbox, self.sender = context.Pipe(duplex=False)
            self.receiver, outbox = context.Pipe(duplex=False)
            self.process = context.Process(target=_prepare_wait_and_send,
                                           args=(inbox, outbox, prepare, function, args),
                                           daemon=True)
            self.process.start()
            inbox.close()
            outbox.close()

    def result(self, data: Any) -> Any:
        """The function's return value for ``data``; an exception it raised is raised."""
        if self.process is None:
            return self.function(data, *self.args)
        try:
            self.sender.send(data)
            message = self.receiver.recv()
        except (EOFError, BrokenPipeError):
            self.process.join()
            raise _stopped(self.process) from None
        finally:
            self.sender.close()
            self.receiver.close()
        self.process.join()
        return _answer(message)

    def abandon(self) -> None:
        """The input will not come: the worker is stopped now."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.sender.close()
            self.receiver.close()


def _prepare_wait_and_send(inbox, outbox, prepare: Callable[[], Any],
                           function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """In the worker: prepare, wait for the input, then answer as ``_run_and_send``. A
    failure while preparing is left to the call itself, which meets it again and
    sends it; when the input never comes (the build stopped), the worker just ends."""
    leave_interrupts_to_the_parent()
    with contextlib.suppress(Exception):
        prepare()
    try:
        data = inbox.recv()
    except EOFError:
        return
    finally:
        inbox.close()
    _run_and_send(outbox, function, (data, *args))


def _stopped(process) -> WorkerStopped:
    return WorkerStopped(f"the process working beside the build stopped unexpectedly "
                         f"(exit code {process.exitcode})")


def _answer(message: tuple[Any, ...]) -> Any:
    """The result a worker sent, or the exception it raised, with its traceback."""
    if message[0]:
        return message[1]
    error, remote = message[1], message[2]
    error.__cause__ = _RemoteTraceback(remote)
    raise error


def build_in_processes(jobs: Sequence[Callable[[Callable[[Any], None]], int]], processes: int,
                       listener: Callable[[Any], None],
                       died: Callable[[int, int | None], Any]) -> list[int]:
    """Run ``job(tell)`` for each job in ``processes`` forked processes that each take the
    next job when done with one; return the jobs' results in order. A process keeps what
    its builds loaded (fonts, measured words, the template read), as one build after the
    other in one process does, and is forked once rather than once per job: on 2 cores,
    12 copies of the sample took 11–14 s against 15–18 s with a process per job
    (``bench/bench.py --many 12``). Progress (``Working``) events reach ``listener`` as
    they come; every other event a job tells is held until the job is done, and the
    jobs' events are told in the order of ``jobs``, so two builds never mix their lines.
    A job whose process dies is told as ``died(index, exit code)``, and a new process
    takes the jobs still waiting. When this process is interrupted, the running jobs are
    stopped as Ctrl-C stops a build (SIGTERM, so each finishes its renames), and killed
    if they do not end soon."""
    from multiprocessing.connection import wait

    pool = _JobPool(jobs, listener, died)
    finished: dict[int, tuple[list[Any], int]] = {}
    results: list[int] = []
    with shared_with_forks():  # for the processes started now and any that replace one
        try:
            for _ in range(min(processes, len(jobs))):
                pool.start_process()
            while pool.running:
                for ready in wait(list(pool.running)):
                    done = pool.receive(ready)
                    if done is not None:
                        index, told, code = done
                        finished[index] = (told, code)
                while len(results) in finished:
                    told, code = finished.pop(len(results))
                    for event in told:
                        listener(event)
                    results.append(code)
        finally:
            pool.stop()
    return results


class _JobProcess:
    """A forked process that builds one job after the other, and the job it is on."""

    def __init__(self, process: Any, orders: Any):
        self.process, self.orders = process, orders
        self.index = -1
        self.told: list[Any] = []


class _JobPool:
    """The processes of ``build_in_processes``, by the pipe each reports on."""

    def __init__(self, jobs: Sequence[Callable[[Callable[[Any], None]], int]],
                 listener: Callable[[Any], None], died: Callable[[int, int | None], Any]):
        self.jobs, self.listener, self.died = jobs, listener, died
        self.context = multiprocessing.get_context("fork")
        self.waiting = list(range(len(jobs)))
        self.running: dict[Any, _JobProcess] = {}

    def start_process(self) -> None:
        """Fork a process and give it the next job."""
        orders, order_sender = self.context.Pipe(duplex=False)
        reports, report_sender = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_take_jobs,
                                       args=(orders, report_sender, self.jobs))
        process.start()
        orders.close()
        report_sender.close()
        self.running[reports] = worker = _JobProcess(process, order_sender)
        self._give_next(reports, worker)

    def _give_next(self, reports: Any, worker: _JobProcess) -> None:
        """The next job to ``worker``; with none left, the process ends."""
        if self.waiting:
            worker.index, worker.told = self.waiting.pop(0), []
            worker.orders.send(worker.index)
            return
        del self.running[reports]
        worker.orders.send(None)
        worker.orders.close()
        worker.process.join()
        reports.close()

    def receive(self, reports: Any) -> tuple[int, list[Any], int] | None:
        """Take one message from a process: (job, its events, its exit code) when it ends
        a job, else ``None``. A process that dies ends its job as ``died`` and is
        replaced while jobs wait."""
        from .events import Working
        worker = self.running[reports]
        try:
            message = reports.recv()
        except EOFError:
            message = ("done", None)
        if message[0] == "event":
            if isinstance(message[1], Working):
                self.listener(message[1])
            else:
                worker.told.append(message[1])
            return None
        done = worker.index, worker.told, message[1]
        if message[1] is None:  # the process died with the job
            del self.running[reports]
            reports.close()
            worker.orders.close()
            worker.process.join()
            worker.told.append(self.died(worker.index, worker.process.exitcode))
            done = worker.index, worker.told, 1
            if self.waiting:
                self.start_process()
        else:
            self._give_next(reports, worker)
        return done

    def stop(self) -> None:
        """Stop the processes still running (this process was interrupted)."""
        for worker in self.running.values():
            if worker.process.is_alive():
                worker.process.terminate()
        for reports, worker in self.running.items():
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            reports.close()
            worker.orders.close()


def _take_jobs(orders, sender, jobs: Sequence[Callable[[Callable[[Any], None]], int]]) -> None:
    """In a build process: run the job each order names, sending its events and then its
    exit code, until the order is ``None``. Ctrl-C is the parent's to handle; SIGTERM
    (from the parent, when it is interrupted) stops the build as it stops the command
    line: after the renames, without a word."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while (index := orders.recv()) is not None:
            code = jobs[index](lambda event: sender.send(("event", event)))
            sender.send(("done", code))
    except BaseException:  # stopped (Terminated) or the pipe is gone: end quietly
        os._exit(143)
    finally:
        sender.close()
