"""Lay out copyfitting's trial layouts in parts, on every core.

Step 3b, inside copyfitting's decisions (``fit_rounds.Layouts.trial``). A trial document
holds lessons, or chains of lessons that run on, and each starts on a new page with its
footnotes numbered from where it stands in the booklet (``copyfit``): it lays out the
same whatever stands before it in the trial. So a trial is cut into parts at those
starts (``parts_of``), and the parts are laid out side by side in processes forked from
this one, each of which sends back only what it measured (``measure_in_parts``).

The cut depends on the trial's text alone, never on the machine: a build on one core
lays out the same parts one after the other and makes the same decisions, so the booklet
has the same bytes on any number of cores. What a part could still tell from the whole
is a footnote pushed past the last page of a lesson onto the first of the next: that
page is the next part's, and it is the same part on every machine.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import lxml.html

from ..workers import Beside, WorkerStopped, can_fork, shared_with_forks, usable_cores
from .weasyprint_internals import PROGRESS_LOGGER

#: About how many characters of text a part holds at least (some four pages of a lesson):
#: a part is a layout of its own, with its own start-up, so a short trial stays whole.
PART_CHARACTERS = 4_000
#: At most this many parts, however long the trial.
MOST_PARTS = 16
#: What a contents entry costs to lay out, in characters of running text (measured on
#: the 100-lesson publication: its contents took as long as 30,000 characters of text).
CONTENTS_ENTRY = 300

Measured = TypeVar("Measured")
Part = TypeVar("Part")


def parts_of(html: str) -> list[str]:
    """``html`` (a trial document) cut into parts of about equal length, in order, each
    starting with a section that starts a page; the whole when it is short."""
    return [part for part, _ in sized_parts_of(html)]


def sized_parts_of(html: str, most: int | None = None, least: int | None = None
                   ) -> list[tuple[str, int]]:
    """``parts_of(html)`` in at most ``most`` parts (``MOST_PARTS``) of at least some
    ``least`` characters (``PART_CHARACTERS``), each with its size: its characters,
    a contents entry counted as ``CONTENTS_ENTRY`` (its dotted leader is laid out dot
    by dot)."""
    document = lxml.html.document_fromstring(html)
    units: list[list[Any]] = []
    for child in document.body:
        starts_a_page = "run-on" not in (child.get("class") or "").split()
        if not units or (child.tag == "section" and starts_a_page):
            units.append([])
        units[-1].append(child)
    sizes = [sum(_size(element) for element in unit) for unit in units]
    count = min(most or MOST_PARTS, len(units),
                max(1, sum(sizes) // (least or PART_CHARACTERS)))
    if count == 1:
        return [(html, sum(sizes))]
    groups = _in_order_by_size(sizes, count)
    for child in list(document.body):
        document.body.remove(child)
    parts = []
    for group in groups:
        part = copy.deepcopy(document)
        for index in group:
            part.body.extend(copy.deepcopy(element) for element in units[index])
        parts.append((lxml.html.tostring(part, encoding="unicode", doctype="<!DOCTYPE html>"),
                      sum(sizes[index] for index in group)))
    return parts


def _size(element) -> int:
    """How much laying out ``element`` costs, in characters of running text."""
    entries = sum(len(toc) for toc in element.find_class("toc"))
    return len(element.text_content()) + entries * CONTENTS_ENTRY


def _in_order_by_size(sizes: list[int], count: int) -> list[list[int]]:
    """The indexes of ``sizes`` in ``count`` runs, in order, each of about the same sum
    (a run ends when it reaches its share of what is left)."""
    groups: list[list[int]] = []
    left = sum(sizes)
    index = 0
    for runs_left in range(count, 0, -1):
        share = left / runs_left
        group: list[int] = []
        taken = 0
        # leave at least one unit for each run still to come
        while index < len(sizes) - (runs_left - 1) and (not group or runs_left == 1
                                                         or taken + sizes[index] / 2 <= share):
            group.append(index)
            taken += sizes[index]
            index += 1
        groups.append(group)
        left -= taken
    return groups


def measure_in_parts(parts: list[Part], measure: Callable[[Part], Measured],
                     parallel: bool = True, sizes: list[int] | None = None
                     ) -> list[Measured]:
    """``measure(part)`` for every part, in order: the parts shared out over the cores
    (by turns, or with ``sizes`` each to the core with the least so far), this process
    taking the first share; with ``parallel`` false, one core, or one part, all of them
    here. ``measure`` must return what can be pickled. A worker that dies leaves its
    parts to this process; an error a worker raises is raised here."""
    processes = min(len(parts), usable_cores()) if parallel and can_fork() else 1
    shares = _shares(sizes or [1] * len(parts), processes)
    workers = []
    if processes > 1:
        with shared_with_forks():
            workers = [Beside(_measure_in_a_worker, measure, [parts[i] for i in share])
                       for share in shares[1:]]
    results: dict[int, Measured] = {}
    try:
        results.update(zip(shares[0], (measure(parts[i]) for i in shares[0]), strict=True))
        for share, worker in zip(shares[1:], workers, strict=True):
            try:
                measured = worker.result()
            except WorkerStopped:  # killed (out of memory, say): its parts are measured here
                measured = [measure(parts[i]) for i in share]
            results.update(zip(share, measured, strict=True))
    except BaseException:
        for worker in workers:
            worker.abandon()
        raise
    return [results[index] for index in range(len(parts))]


def _shares(sizes: list[int], processes: int) -> list[list[int]]:
    """The indexes of ``sizes`` shared out over ``processes``: each, largest first, to
    the share with the least so far (equal sizes go by turns); each share in order."""
    shares: list[list[int]] = [[] for _ in range(processes)]
    loads = [0] * processes
    for index in sorted(range(len(sizes)), key=lambda index: (-sizes[index], index)):
        least = loads.index(min(loads))
        shares[least].append(index)
        loads[least] += sizes[index]
    return [sorted(share) for share in shares]


def _measure_in_a_worker(measure: Callable[[Part], Measured], parts: list[Part]
                         ) -> list[Measured]:
    """In a forked process: measure the parts, telling no progress (the build's own
    process tells what it lays out; two would write over each other)."""
    logging.getLogger(PROGRESS_LOGGER).disabled = True
    return [measure(part) for part in parts]
