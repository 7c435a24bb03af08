"""The worker beside the build: its result or its error comes back, and a build that
stops early stops the worker at once instead of waiting for it."""

from __future__ import annotations

import os
import time

import pytest
from lxml import etree

from tweeluik.workers import Beside, WorkerStopped, can_fork

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
