"""Decide which lessons are copyfitted and which start on the page where the one before
ends, on trial layouts of the lessons concerned.

Step 3b of the pipeline, inside the booklet writer's layout (``render.layout_booklet``):
the first layout's lesson extents → fitting levels, from trials of the lessons that want
fitting (``copyfit.fit_lessons``) → lessons run on, round by round, each round measured
on a trial of the chains it changes (``copyfit.run_on_chains``) → the decisions, which
the writer lays out once more as a whole. Every layout counts against ``PAGE_BUDGET``.
The trials are laid out in parts on every core (``trial_parts``).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from weasyprint import LOGGER as WEASYPRINT_LOGGER

from ..model import Lesson, Publication
from ..theme import Theme
from .copyfit import (
    FitResult,
    LessonExtent,
    chain_prefix,
    chains_html,
    did_not_run_on,
    fit_lessons,
    fit_notes,
    leading_px,
    lesson_page_lines,
    lines_per_page,
    measure_introduction,
    measure_lessons,
    numbered_as_in_the_booklet,
    run_on_chains,
    runs_on,
    trial_html,
    trial_prefix,
    wants_fitting,
)
from .trial_parts import measure_in_parts, parts_of
from .view import NO_FITTING, Fitting

Measured = TypeVar("Measured")

#: The numbers of lessons for which the booklet is first measured in parts, on every core,
#: rather than laid out whole (see ``measured_in_parts``).
MEASURED_IN_PARTS = range(10, 101)
#: Layouts at most spent on starting lessons on the page where the one before ends.
RUN_ON_ROUNDS = 3
#: Pages laid out in all for one booklet, first layout included: copyfitting and running
#: lessons on stop when another layout would pass this, so that a booklet within the
#: README's limits is set in bounded time (WeasyPrint sets some 20 pages a second).
PAGE_BUDGET = 900


class OverBudget(Exception):
    """Another layout would pass ``PAGE_BUDGET``."""


class LaysOut(Protocol):
    """What the decisions need of the booklet: its theme, its HTML for some decisions,
    and a layout of HTML (the document and its fingerprint)."""

    theme: Theme

    def html_for(self, fitting: Fitting) -> str: ...

    def lay_out(self, html: str) -> tuple[Any, str]: ...


class Layouts:
    """The layouts made for one booklet, within ``PAGE_BUDGET``: of the whole booklet
    (``full``, which keeps the latest), and trials of some lessons whose warnings are
    not collected (the whole booklet repeats them)."""

    def __init__(self, booklet: LaysOut, collector: logging.Handler, parallel: bool = True):
        self.booklet, self.collector, self.parallel = booklet, collector, parallel
        self.leading = leading_px(booklet.theme)
        self.spent = 0  # pages laid out so far
        self.fitting = NO_FITTING  # the decisions the latest full layout shows
        self.html = ""
        self.document: Any = None
        self.fingerprint = ""
        self.extents: dict[int, LessonExtent] = {}  # the lessons of ``document``
        self.first: FirstLook | None = None  # what the first layout or measure showed

    def affordable(self, pages: int) -> bool:
        return self.spent + pages <= PAGE_BUDGET

    def full(self, fitting: Fitting) -> dict[int, LessonExtent]:
        """Lay out the whole booklet with ``fitting``; its lessons' extents."""
        self.html = self.booklet.html_for(fitting)
        self.document, self.fingerprint = self.booklet.lay_out(self.html)
        self.spent += len(self.document.pages)
        self.fitting = fitting
        self.extents = measure_lessons(self.document, self.leading)
        if self.first is None:
            self.first = FirstLook(self.extents,
                                   measure_introduction(self.document, self.leading),
                                   lines_per_page(self.document, self.leading),
                                   len(self.document.pages),
                                   "closing" in html_ids(self.html),
                                   section_starts(self.document, html_ids(self.html)))
        return self.extents

    def measure(self) -> dict[int, LessonExtent]:
        """Measure the whole booklet, as laid out without decisions, in parts on every
        core (``trial_parts``), without keeping its pages; its lessons' extents. Each
        section numbers its footnotes as in the whole, so each lays out as it would
        there."""
        html = self.booklet.html_for(NO_FITTING)
        looks = self._in_parts(numbered_as_in_the_booklet(html), self._look_at_part)
        self.first = FirstLook.joined(looks, "closing" in html_ids(html))
        self.spent += self.first.pages
        return self.first.extents

    def _in_parts(self, html: str, measure: Callable[[str], Measured]) -> list[Measured]:
        """``measure`` of each part of ``html``, on every core (``trial_parts``), with
        WeasyPrint's warnings not collected (the whole booklet repeats them)."""
        WEASYPRINT_LOGGER.removeHandler(self.collector)
        try:
            return measure_in_parts(parts_of(html), measure, self.parallel)
        finally:
            WEASYPRINT_LOGGER.addHandler(self.collector)

    def _look_at_part(self, html: str) -> FirstLook:
        document, _ = self.booklet.lay_out(html)
        return FirstLook(measure_lessons(document, self.leading),
                         measure_introduction(document, self.leading),
                         lesson_page_lines(document, self.leading) or 0,
                         len(document.pages), False, section_starts(document, html_ids(html)))

    def trial(self, html: str, prefixes: Iterable[str]) -> dict[str, dict[int, LessonExtent]]:
        """Lay out a trial document, in parts on every core (``trial_parts``); the extents
        of the lessons under each prefix, their pages counted as in the whole trial."""
        prefixes = tuple(prefixes)
        measured = self._in_parts(html, functools.partial(self._measure, prefixes=prefixes))
        extents: dict[str, dict[int, LessonExtent]] = {prefix: {} for prefix in prefixes}
        before = 0  # the pages of the parts before this one
        for pages, found in measured:
            for prefix, part in found.items():
                extents[prefix].update({number: moved(extent, before)
                                        for number, extent in part.items()})
            before += pages
        self.spent += before
        return extents

    def _measure(self, html: str, prefixes: tuple[str, ...]
                 ) -> tuple[int, dict[str, dict[int, LessonExtent]]]:
        """(pages, the extents under each prefix) of one part of a trial."""
        document, _ = self.booklet.lay_out(html)
        return len(document.pages), {prefix: measure_lessons(document, self.leading, prefix)
                                     for prefix in prefixes}


@dataclass(frozen=True)
class FirstLook:
    """What the booklet's first layout, or its measure in parts, shows: its lessons'
    extents, the introduction's, the lines of running text a body page holds, its pages,
    and whether it has a closing."""

    extents: dict[int, LessonExtent]
    introduction: LessonExtent | None
    per_page: int
    pages: int
    closing: bool
    sections: dict[str, int] = dataclasses.field(default_factory=dict)  # id → first page

    @classmethod
    def joined(cls, parts: list[FirstLook], closing: bool) -> FirstLook:
        """The look of the whole from the looks of its parts, in order: each part's page
        indexes moved on by the pages before it."""
        extents: dict[int, LessonExtent] = {}
        sections: dict[str, int] = {}
        introduction = None
        before = 0
        for part in parts:
            sections.update({section: index + before
                             for section, index in part.sections.items()})
            extents.update({number: moved(extent, before)
                            for number, extent in part.extents.items()})
            if introduction is None and part.introduction is not None:
                introduction = moved(part.introduction, before)
            before += part.pages
        per_page = next((part.per_page for part in parts if part.per_page), 1)
        return cls(extents, introduction, per_page, before, closing, sections)


def moved(extent: LessonExtent, pages: int) -> LessonExtent:
    """``extent`` with its page indexes ``pages`` further on."""
    return dataclasses.replace(extent, first=extent.first + pages, last=extent.last + pages)


def measured_in_parts(publication: Publication, theme: Theme) -> bool:
    """Whether the booklet is first measured in parts rather than laid out whole: when
    copyfitting is on and the publication has ``MEASURED_IN_PARTS`` lessons. With that
    many, some lesson nearly always ends on a nearly empty page, so the booklet is laid
    out again with the decisions, and the first layout only measures (on every core).
    Shorter publications often need no decision, and much longer ones could not afford
    two layouts within ``PAGE_BUDGET``: each is laid out whole first. This depends on the
    publication alone, never on the machine."""
    return theme.copyfit_below > 0 and len(publication.lessons) in MEASURED_IN_PARTS


class Decisions:
    """Which lessons are fitted, and which start on the page where the one before ends,
    decided on trial layouts from the extents of the booklet's first layout."""

    def __init__(self, publication: Publication, theme: Theme, made: Layouts,
                 before: dict[int, LessonExtent]):
        self.publication, self.theme, self.made = publication, theme, made
        self.below = theme.copyfit_below
        self.numbers = [lesson.number for lesson in publication.lessons]
        assert made.first is not None, "the booklet is laid out or measured first"
        self.closing = made.first.closing
        self.introduction = made.first.introduction
        self.pages = made.first.pages
        self.per_page = made.first.per_page
        self.before = before
        self.after = before  # the extents with the decisions so far, as last measured
        self.fitting = NO_FITTING
        self.result: FitResult | None = None
        self.over_budget = False
        self.refused: frozenset[int] = frozenset()  # tried, and found no room to run on

    def fit(self) -> None:
        """Fit the lessons that want it (``fit_lessons``), measured on trials."""
        if not any(wants_fitting(extent, self.below) for extent in self.before.values()):
            return
        per_page = self.per_page
        tighter = f"{self.theme.length_pt('leading') * per_page / (per_page + 1):.3f}pt"
        try:
            self.result = fit_lessons(self.before, self.below,
                                      lambda numbers, levels: self._trial(numbers, levels,
                                                                          tighter))
        except OverBudget:
            self.over_budget = True
            return
        if self.result.levels:
            if self.made.affordable(self.pages):
                self.fitting = Fitting(self.result.levels, tighter)
                self.after = {**self.before, **self.result.extents}
            else:
                self.over_budget, self.result = True, None

    def _trial(self, numbers: set[int], levels: tuple[int, ...], tighter: str
               ) -> dict[int, dict[int, LessonExtent]]:
        if not self.made.affordable(len(levels) * sum(self.before[number].pages
                                                      for number in numbers)):
            raise OverBudget
        html = trial_html({level: self.made.booklet.html_for(
            Fitting(dict.fromkeys(numbers, level), tighter)) for level in levels},
            sorted(numbers))
        measured = self.made.trial(html, [trial_prefix(level) for level in levels])
        return {level: measured[trial_prefix(level)] for level in levels}

    def run_on(self) -> None:
        """Start lessons on the page where the one before ends when it would stay
        nearly empty. Each round may leave a new nearly empty page further on, so look
        again: a round measures the lessons it moves after those they follow
        (``run_on_chains``), or, where that cannot tell, in the whole booklet."""
        for _ in range(RUN_ON_ROUNDS if self.below > 0 and self.after else 0):
            new = runs_on(self.after, self.below, self.numbers, self.closing,
                          self.introduction) - self.fitting.run_on - self.refused
            if not new and self.fitting == self.made.fitting:
                return
            if not self.made.affordable(self.pages):
                self.over_budget = True
                return
            if new:
                self.fitting = dataclasses.replace(self.fitting,
                                                   run_on=self.fitting.run_on | new)
                measured = self._chain_trial(new)
                if measured is not None:
                    self.after = {**self.after, **measured}
                    continue
            self.after = self.made.full(self.fitting)

    def _chain_trial(self, new: frozenset[int]) -> dict[int, LessonExtent] | None:
        """The extents of the lessons that now run on, each laid out after the lessons
        it follows; ``None`` when only the whole booklet can tell."""
        chains = run_on_chains(self.numbers, self.fitting.run_on, new)
        if chains is None or not self.made.affordable(sum(
                self.after[number].pages for chain in chains for number in chain
                if number in self.after)):
            return None
        if not chains:
            return {}
        html = chains_html(self.made.booklet.html_for(self.fitting), chains)
        measured = self.made.trial(html, [chain_prefix(index) for index in range(len(chains))])
        extents: dict[int, LessonExtent] = {}
        for index, chain in enumerate(chains):
            found = measured[chain_prefix(index)]
            # A lesson whose opening found no room on the page before starts a page of
            # its own after all: it does not run on, now or in a later round.
            refused = did_not_run_on(found, chain, self.fitting.run_on)
            self.refused |= refused
            extents.update({number: found[number] for number in chain[1:]
                            if number in found and number not in refused})
        self.fitting = dataclasses.replace(self.fitting,
                                           run_on=self.fitting.run_on - self.refused)
        return extents

    def give_up(self) -> None:
        """The booklet cannot be laid out again: it keeps the decisions of its latest
        full layout, and says nothing of fitting it does not show."""
        self.over_budget = True
        if self.fitting.levels != self.made.fitting.levels:
            self.result = None
        self.fitting = self.made.fitting

    def notes(self) -> list[tuple[Lesson, str]]:
        """What fitting did, measured on the final layout."""
        if self.result is None:
            return []
        return fit_notes(self.publication, self.result, self.before, self.after,
                         self.made.fitting.run_on)


def section_starts(document, sections: set[str]) -> dict[str, int]:
    """The index of the page where each of ``sections`` (ids) starts in ``document``."""
    starts: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in sections:
                starts.setdefault(anchor, index)
    return starts


def html_ids(html: str) -> set[str]:
    """The ids of the sections in the booklet's HTML (``closing`` when it has one)."""
    return set(re.findall(r'<section[^>]* id="([^"]+)"', html))
