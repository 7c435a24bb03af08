"""The worker beside the build: its result or its error comes back, and a build that
stops early stops the worker at once instead of waiting for it. The processes that build
several publications: each takes one job after the other, the jobs' events are told in
order, and a process that dies is one job's error."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from lxml import etree

from tweeluik.events import Working
from tweeluik.workers import Ahead, Beside, WorkerStopped, build_in_processes, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")


def _sleep_then_answer(seconds: float) -> int:
    time.sleep(seconds)
    return 42


def _raise_unpicklable() -> None:
    etree.fromstring(b"<a><b></a>")  # XMLSyntaxError: its error log cannot be pickled


def _die() -> None:
    os._exit(3)


def test_the_result_comes_back():
    assert Beside(_sleep_then_answer, 0.01).result() == 42


def test_an_error_that_cannot_be_pickled_still_comes_back_with_its_name():
    with pytest.raises(RuntimeError, match="XMLSyntaxError: Opening and ending tag mismatch"):
        Beside(_raise_unpicklable).result()


def test_a_worker_that_dies_is_an_error_not_a_hang():
    with pytest.raises(WorkerStopped, match="exit code 3"):
        Beside(_die).result()


def test_abandoning_a_busy_worker_stops_it_at_once():
    side = Beside(_sleep_then_answer, 60)
    started = time.monotonic()
    side.abandon()
    assert time.monotonic() - started < 5
    assert not side.process.is_alive()


def _job(number: int, tell) -> int:
    tell(Working(Path("pub.md"), f"job {number}"))  # progress: told at once
    if number == 2:
        os._exit(3)
    time.sleep(0.05 * (5 - number))  # the first jobs take longest, yet are told first
    tell((number, os.getpid()))
    return number % 2


def test_several_jobs_share_a_process_each_are_told_in_order_and_one_may_die():
    import functools
    told: list = []
    results = build_in_processes([functools.partial(_job, number) for number in range(6)],
                                 2, told.append, lambda index, code: ("died", index, code))
    assert results == [0, 1, 1, 1, 0, 1]  # the job that died counts as failed
    done = [event for event in told if not isinstance(event, Working)]
    assert [event[0] for event in done] == [0, 1, "died", 3, 4, 5]
    assert done[2] == ("died", 2, 3)
    processes = {event[1] for event in done if event[0] != "died"}
    assert os.getpid() not in processes
    assert len(processes) <= 3  # two processes, and one more for the jobs after the death
    assert sorted(event.what for event in told if isinstance(event, Working)) == \
        [f"job {number}" for number in range(6)]


def _get_ready() -> None:
    os.environ["TWEELUIK_TEST_READY"] = str(os.getpid())


def _answer_with(data: int, plus: int) -> tuple[int, str | None, int]:
    return data + plus, os.environ.get("TWEELUIK_TEST_READY"), os.getpid()


def _die_on(data: int) -> None:
    os._exit(data)


def test_a_worker_ahead_prepares_in_its_own_process_then_answers_the_input():
    ahead = Ahead(_get_ready, _answer_with, 2)
    total, ready_in, worker = ahead.result(40)
    assert total == 42 and ready_in == str(worker) and worker != os.getpid()
    assert "TWEELUIK_TEST_READY" not in os.environ  # prepared there, not here
    here = Ahead(_get_ready, _answer_with, 2, parallel=False)  # no worker: called here
    assert here.result(1)[1:] == (None, os.getpid())


def test_a_worker_ahead_that_dies_is_an_error_and_one_abandoned_stops_at_once():
    with pytest.raises(WorkerStopped, match="exit code 5"):
        Ahead(_get_ready, _die_on).result(5)
    with pytest.raises(RuntimeError, match="XMLSyntaxError"):
        Ahead(_get_ready, lambda data: _raise_unpicklable()).result(0)
    ahead = Ahead(_get_ready, _answer_with, 2)
    started = time.monotonic()
    ahead.abandon()
    assert time.monotonic() - started < 5 and not ahead.process.is_alive()


def test_a_process_limited_to_one_core_forks_no_worker():
    """Under ``taskset -c 0`` (or a container's CPU set) the machine's other core is not
    this process's to use: no worker is forked beside it."""
    import shutil
    import subprocess
    import sys

    if shutil.which("taskset") is None or len(os.sched_getaffinity(0)) < 2:
        pytest.skip("needs taskset and two cores")
    result = subprocess.run(
        ["taskset", "-c", "0", sys.executable, "-c",
         "from tweeluik.workers import can_fork, usable_cores; print(usable_cores(), can_fork())"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent)
    assert result.stdout.split() == ["1", "False"]


def test_objects_are_frozen_while_processes_are_forked_and_a_callers_freeze_is_kept():
    import gc

    from tweeluik.booklet.trial_parts import measure_in_parts
    from tweeluik.workers import shared_with_forks

    assert gc.get_freeze_count() == 0
    with shared_with_forks():
        assert gc.get_freeze_count() > 0  # the objects alive are left alone
    assert gc.get_freeze_count() == 0  # and thawed after
    gc.freeze()  # a caller's own freeze, as a server that forks workers makes
    try:
        frozen = gc.get_freeze_count()
        assert measure_in_parts(["a", "b"], str.upper) == ["A", "B"]
        with shared_with_forks():
            pass
        assert gc.get_freeze_count() == frozen  # neither thawed it
    finally:
        gc.unfreeze()
