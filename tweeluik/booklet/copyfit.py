"""Copyfitting: a lesson whose last page is nearly empty is set onto one page fewer.

Step 3b of the pipeline (booklet writer, between layout and PDF). After the first
layout, each lesson's pages are measured (from its anchor to the empty marker
``lesson-N-end`` at its end). A lesson of two pages or more whose last page holds less
than the theme's ``[copyfit] below`` share of the text area is tried again on its own,
in small steps that a reader does not see, each adding to the one before:

1. ``fit-1``: tighter space around the opener and the pull quote;
2. ``fit-2``: word spacing and tracking a few thousandths of an em tighter;
3. ``fit-3``: leading so that each page holds one line more.

The layout's CSS says what each step does. A lesson keeps the first step that saves a
page; when none does, it stays as it was, and the author is told how much to cut.
Because every lesson starts on a new page, and a trial numbers each lesson's footnotes
from where it stands in the booklet, a lesson laid out alone takes as many pages as it
does in the booklet, so one trial layout holds just the lessons being fitted, each once
at every level (``trial_parts`` lays it out in parts, on every core). The whole booklet
is laid out again only when a lesson was fitted (see ``render``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import lxml.html

from ..model import Lesson, Publication
from .weasyprint_internals import page_box

LEVELS = (1, 2, 3)
END_SUFFIX = "-end"


@dataclass(frozen=True)
class LessonExtent:
    """How many pages a lesson takes and how full its last page is (0 to 1)."""

    number: int
    pages: int
    last_fill: float
    lines_on_last: int
    first: int = 0  # the index of its first page in the document measured
    last: int = 0  # and of its last


@dataclass(frozen=True)
class FitResult:
    """The level chosen for each lesson that could be fitted, and the lessons that
    wanted fitting but could not be."""

    levels: dict[int, int]
    unfitted: frozenset[int]
    #: each fitted lesson's extent at its level, as the trial measured it
    extents: dict[int, LessonExtent] = field(default_factory=dict)


def leading_px(theme) -> float:
    """The theme's leading in CSS pixels, as WeasyPrint measures the page."""
    return theme.length_pt("leading") / 0.75


def lesson_id(number: int) -> str:
    return f"lesson-{number}"


def measure_lessons(document, leading_px: float, prefix: str = "lesson-"
                    ) -> dict[int, LessonExtent]:
    """The extent of every lesson that has both its anchor (``prefix`` and its number)
    and its end marker in ``document`` (a layout without end markers is never fitted)."""
    first: dict[int, int] = {}
    last: dict[int, tuple[int, float]] = {}
    for index, page in enumerate(document.pages):
        for anchor, position in page.anchors.items():
            if not anchor.startswith(prefix):
                continue
            name = anchor.removeprefix(prefix)
            if name.isdigit():  # a lesson split over pages has its anchor on each
                first.setdefault(int(name), index)
            elif name.endswith(END_SUFFIX) and name.removesuffix(END_SUFFIX).isdigit():
                last[int(name.removesuffix(END_SUFFIX))] = (index, position[1])
    extents = {}
    for number, start in first.items():
        if number not in last:
            continue
        end, y = last[number]
        box = page_box(document.pages[end])
        top, height = box.content_box_y(), box.height
        used = max(0.0, y - top)
        extents[number] = LessonExtent(number, end - start + 1, min(1.0, used / height),
                                       round(used / leading_px) if leading_px else 0,
                                       start, end)
    return extents


def measure_introduction(document, leading_px: float) -> LessonExtent | None:
    """The introduction's extent, measured like a lesson's (number 0)."""
    renamed = {"introduction": "intro-0", "introduction-end": "intro-0-end"}

    class Renamed:  # the anchors under the names measure_lessons reads
        def __init__(self, page):
            self.anchors = {renamed.get(name, name): position
                            for name, position in page.anchors.items()}
            self._page_box = page_box(page)  # read again by page_box

    class Pages:
        pages = [Renamed(page) for page in document.pages]

    return measure_lessons(Pages, leading_px, "intro-").get(0)


def lines_per_page(document, leading_px: float) -> int:
    """How many lines of running text a body page holds."""
    return lesson_page_lines(document, leading_px) or max(
        1, int(page_box(document.pages[-1]).height // leading_px))


def lesson_page_lines(document, leading_px: float) -> int | None:
    """How many lines of running text a lesson's page holds; ``None`` without one."""
    for page in document.pages:
        if any(anchor.startswith("lesson-") for anchor in page.anchors):
            return max(1, int(page_box(page).height // leading_px))
    return None


def most_lines_saved(pages: int) -> int:
    """More lines than copyfitting can save on a lesson of ``pages`` pages: the opener
    gives about two, tighter spacing about one a page, one more line a page one a page
    (measured: four lines on a lesson of three pages). A lesson further over is not
    tried, which spares the trial layout."""
    return 2 + 2 * pages


def wants_fitting(extent: LessonExtent, below: float) -> bool:
    return extent.pages >= 2 and extent.last_fill < below


def can_be_fitted(extent: LessonExtent) -> bool:
    return extent.lines_on_last <= most_lines_saved(extent.pages)


def trial_prefix(level: int) -> str:
    return f"fit{level}-lesson-"


def trial_html(html_at_level: Mapping[int, str], numbers: Iterable[int]) -> str:
    """One HTML document that holds each lesson in ``numbers`` once at each level of
    ``html_at_level``, and nothing else: the lessons' sections as the layout wrote them
    with that level set, their ids prefixed with ``trial_prefix(level)``."""
    trial = lxml.html.document_fromstring(next(iter(html_at_level.values())))
    body = trial.body
    for child in list(body):
        body.remove(child)
    for level in html_at_level:
        page = lxml.html.document_fromstring(html_at_level[level])
        before = footnotes_before(page)
        for number in numbers:
            try:
                section = page.get_element_by_id(lesson_id(number))
            except KeyError:
                continue
            body.append(_as_in_the_booklet(section, trial_prefix(level), before))
    return lxml.html.tostring(trial, encoding="unicode", doctype="<!DOCTYPE html>")


#: What makes a footnote in the booklet's HTML (a web address on paper).
FOOTNOTE_CLASS = "link-note"


def footnotes_before(document) -> dict[str, int]:
    """How many footnotes come before each section of the booklet's HTML, by its id."""
    counts: dict[str, int] = {}
    seen = 0
    for element in document.body.iter():
        if element.tag == "section" and element.get("id"):
            counts[element.get("id")] = seen
        elif FOOTNOTE_CLASS in (element.get("class") or "").split():
            seen += 1
    return counts


def numbered_as_in_the_booklet(html: str) -> str:
    """The booklet's HTML with each section numbering its footnotes from where it stands
    (the numbers it has anyway): cut into parts, each part still numbers them so."""
    document = lxml.html.document_fromstring(html)
    before = footnotes_before(document)
    for section in document.body.iter("section"):
        if section.get("id"):
            _as_in_the_booklet(section, "lesson-", before)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


def _as_in_the_booklet(section, prefix: str, footnotes: Mapping[str, int]):
    """``section`` with every id in it starting with ``prefix`` instead of "lesson-", and
    its footnotes numbered from where it stands in the booklet, so that it lays out the
    same whatever comes before it in a trial (a footnote's number takes room in a line)."""
    reset = f"counter-reset: footnote {footnotes.get(section.get('id'), 0)}"
    style = section.get("style")
    section.set("style", f"{style.rstrip().rstrip(';')}; {reset}" if style else reset)
    for element in section.iter():
        if element.get("id"):
            element.set("id", element.get("id").replace("lesson-", prefix, 1))
    return section


def chain_prefix(index: int) -> str:
    return f"chain{index}-lesson-"


def run_on_chains(numbers: list[int], run_on: frozenset[int], new: Iterable[int]
                  ) -> list[list[int]] | None:
    """For the lessons in ``new`` that now start on the page where the one before ends:
    each with the lessons it follows, back to the last one that starts on a page of its
    own (in order; chains that share that lesson are one). Laid out on their own, they
    flow as in the booklet, so their extents can be measured without it. ``None`` when
    a chain reaches back to the introduction (the first lesson runs on it)."""
    ends: dict[int, int] = {}  # index of the chain's first lesson → index of its last
    for number in new:
        if number not in numbers:
            continue  # the closing: nothing follows it, so its extent is not needed
        last = first = numbers.index(number)
        while first > 0 and numbers[first] in run_on:
            first -= 1
        if numbers[first] in run_on:
            return None
        ends[first] = max(ends.get(first, last), last)
    return [numbers[first:last + 1] for first, last in sorted(ends.items())]


def chains_html(html: str, chains: list[list[int]]) -> str:
    """One HTML document that holds each chain's lessons as the layout wrote them (the
    chains share no lesson), in order, their ids prefixed with ``chain_prefix`` and the
    chain's place in ``chains``."""
    document = lxml.html.document_fromstring(html)
    body = document.body
    sections = {number: document.get_element_by_id(lesson_id(number))
                for chain in chains for number in chain}
    before = footnotes_before(document)
    for child in list(body):
        body.remove(child)
    for index, chain in enumerate(chains):
        for number in chain:
            body.append(_as_in_the_booklet(sections[number], chain_prefix(index), before))
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


Trial = Callable[[set[int], tuple[int, ...]], dict[int, dict[int, LessonExtent]]]


def fit_lessons(extents: Mapping[int, LessonExtent], below: float, trial: Trial) -> FitResult:
    """Choose a fitting level for each lesson that wants one: the smallest that saves a
    page. ``trial(lessons, levels)`` lays out the lessons at those levels and measures
    them, by level. The steps add up, so the strongest is tried first, on every lesson
    that wants it; only the lessons it saves are tried at the gentler levels, the
    gentlest first, and each next level only on the lessons the one before did not
    save."""
    wanting = {number for number, extent in extents.items() if wants_fitting(extent, below)}
    waiting = {number for number in wanting if can_be_fitted(extents[number])}

    def saved(measured, level: int, number: int) -> bool:
        result = measured.get(level, {}).get(number)
        return result is not None and result.pages < extents[number].pages

    strongest = LEVELS[-1]
    measured = trial(waiting, (strongest,)) if waiting else {}
    fitted = {number for number in waiting if saved(measured, strongest, number)}
    gentler: dict[int, dict[int, LessonExtent]] = {}
    left = set(fitted)
    for level in LEVELS[:-1]:  # the gentlest first, each on the lessons still unsaved
        if left:
            gentler.update(trial(left, (level,)))
            left = {number for number in left if not saved(gentler, level, number)}
    levels = {number: next((level for level in LEVELS[:-1] if saved(gentler, level, number)),
                           strongest) for number in sorted(fitted)}
    at_level = {**measured, **gentler}
    return FitResult(levels, frozenset(wanting - set(levels)),
                     {number: at_level[level][number] for number, level in levels.items()})


#: A part that fits on one page, opener and all, and fills less than this share of it
#: leaves the rest of its page to the next lesson (its opener takes a quarter).
SHORT_PART = 0.5


def runs_on(extents: Mapping[int, LessonExtent], below: float, numbers: list[int],
            closing: bool, introduction: LessonExtent | None = None) -> frozenset[int]:
    """The lessons (and, as 0, the closing) that should start on the page where the part
    before ends, because that page would stay nearly empty even after copyfitting: the
    last page of a longer lesson (or the introduction) holding less than ``below`` of the
    text area, or a lesson of one page filling less than half of it. A typesetter would rather
    open the next lesson there, under a rule, than leave the page nearly empty."""
    found: set[int] = set()
    following = [*numbers[1:], 0] if closing else numbers[1:]
    if introduction is not None and numbers and introduction.last_fill < below:
        found.add(numbers[0])  # a salutation and a line or two: the first lesson joins it
    for number, after in zip(numbers, following, strict=False):
        extent = extents.get(number)
        if extent is None:
            continue
        limit = below if extent.pages > 1 else max(below, SHORT_PART)
        if extent.last_fill < limit:
            found.add(after)
    return frozenset(found)


def did_not_run_on(extents: Mapping[int, LessonExtent], numbers: list[int],
                   run_on: frozenset[int]) -> frozenset[int]:
    """The lessons in ``run_on`` that do not start on the last page of the lesson before
    (its last page held too little room for the next one's opening), by ``extents``
    measured on one document."""
    return frozenset(number for before, number in itertools.pairwise(numbers)
                     if number in run_on and before in extents and number in extents
                     and extents[number].first != extents[before].last)


def run_on_notes(publication: Publication, run_on: frozenset[int],
                 extents: Mapping[int, LessonExtent] | None = None) -> list[tuple[Lesson, str]]:
    """One sentence per lesson whose successor now starts on its last page (as
    ``extents``, measured on the final layout, shows)."""
    notes = []
    lessons = list(publication.lessons)
    if extents is not None:
        run_on = run_on - did_not_run_on(extents, [lesson.number for lesson in lessons],
                                        run_on)
    if lessons and lessons[0].number in run_on:
        notes.append((lessons[0], f"the introduction fills only part of its page, so lesson "
                                  f"{lessons[0].number} starts on that page"))
    for index, lesson in enumerate(lessons):
        after = lessons[index + 1].number if index + 1 < len(lessons) else 0
        if after in run_on:
            what = f"lesson {after}" if after else "the closing"
            notes.append((lesson, f"lesson {lesson.number} fills only part of its last "
                                  f"page, so {what} starts on that page"))
    return notes


def fit_notes(publication: Publication, result: FitResult,
              before: Mapping[int, LessonExtent], after: Mapping[int, LessonExtent],
              run_on: frozenset[int] = frozenset()) -> list[tuple[Lesson, str]]:
    """One sentence per lesson that wanted fitting, measured on the final layout. A
    fitted lesson that starts on the page where the one before ends shares that page:
    its own length is the trial's, when it takes no more pages after the shared one."""
    notes = []
    for lesson in publication.lessons:
        number = lesson.number
        pages = after[number].pages if number in after else None
        if pages is not None and number in run_on and number in result.extents:
            own = result.extents[number].pages
            pages = own if pages - 1 <= own else None
        if number in result.levels and pages is not None and pages < before[number].pages:
            notes.append((lesson, fitted_note(number, pages, before[number].pages)))
        elif number in result.unfitted or number in result.levels:
            notes.append((lesson, unfitted_note(number, before[number])))
    return notes


def fitted_note(number: int, pages: int, was: int) -> str:
    return f"lesson {number}: fitted onto {pages} page{'s' if pages != 1 else ''} (was {was})"


def unfitted_note(number: int, extent: LessonExtent) -> str:
    lines = max(1, extent.lines_on_last)
    plural = "s" if lines != 1 else ""
    return (f"lesson {number}: its last page holds only about {lines} line{plural}, too "
            f"many to save by setting the lesson tighter; cut about {lines} line{plural} "
            f"(some {lines * 10} words), or add to it")
