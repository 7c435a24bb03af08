"""Lay out the booklet with WeasyPrint and write it as the screen PDF.

Step 3b of the pipeline (booklet writer, second half): HTML → laid-out pages →
PDF bytes. Lessons whose last page would be nearly empty are copyfitted, or the next
lesson starts on that page (``copyfit``); those decisions are made on trial layouts of
the lessons they concern, and the booklet is laid out a second time, once, only when
there are decisions (then with the same bytes as a booklet laid out with them from the
start). The page count
is padded to a multiple of four (saddle stitch) by keeping just enough of the layout's
spare blank pages before the back cover. The print-shop and office variants are
derived from these bytes in ``variants``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import weasyprint
from weasyprint import LOGGER as WEASYPRINT_LOGGER
from weasyprint.text.fonts import FontConfiguration

from ..errors import SourceError, printable
from ..hyphenation import read_exceptions, unbreakable
from ..model import Lesson, Publication
from ..session import WriterSession
from ..theme import Theme
from . import quick
from .copyfit import (
    FitResult,
    LessonExtent,
    chain_prefix,
    chains_html,
    did_not_run_on,
    fit_lessons,
    fit_notes,
    lines_per_page,
    measure_introduction,
    measure_lessons,
    run_on_chains,
    run_on_notes,
    runs_on,
    trial_html,
    trial_prefix,
    wants_fitting,
)
from .fetcher import FolderFetcher, RefusedResource
from .html import BookletLayout, find_layout, publication_to_html, stylesheet_text
from .laid_out import LaidOut, RenderedBooklet
from .links import link_notes
from .page_lookup import page_lookup_kept
from .structure import structure_tree_kept
from .view import NO_FITTING, Fitting, last_words
from .wordbreaks import tweeluik_word_breaks

SPARE_PAGE_PREFIX = "spare-"
#: Layouts at most spent on starting lessons on the page where the one before ends.
RUN_ON_ROUNDS = 3
#: Pages laid out in all for one booklet, first layout included: copyfitting and running
#: lessons on stop when another layout would pass this, so that a booklet within the
#: README's limits is set in bounded time (WeasyPrint sets some 20 pages a second).
PAGE_BUDGET = 900

def booklet_stylesheet(theme: Theme, layout: BookletLayout, layouts: Path,
                       fetcher: FolderFetcher, session: WriterSession):
    """(digest, font configuration, parsed stylesheet): parsed, and its fonts loaded,
    once per session (in watch mode every rebuild after the first skips loading fonts
    and parsing CSS, and Pango's caches stay warm)."""
    text = stylesheet_text(theme, layout, layouts)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in session.stylesheets:
        font_config = FontConfiguration()
        css = weasyprint.CSS(string=text, base_url=layout.base_url,
                             url_fetcher=fetcher, font_config=font_config)
        session.stylesheets[key] = (font_config, css)
    return (key, *session.stylesheets[key])


class _CollectWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _OverBudget(Exception):
    """Another layout would pass ``PAGE_BUDGET``."""


class _Booklet:
    """One publication's booklet as the writer lays it out: its layout, its gate for
    files, and how HTML is made and laid out."""

    def __init__(self, publication: Publication, theme: Theme, layouts: Path,
                 content_root: Path, created: dt.datetime, session: WriterSession):
        self.publication, self.theme, self.layouts, self.created = (publication, theme,
                                                                    layouts, created)
        self.session = session
        self.layout = find_layout(publication, layouts)
        self.fetcher = FolderFetcher({"content": content_root, "layouts": layouts})
        self.exceptions = unbreakable(read_exceptions(layouts), last_words(publication))
        self.links = link_notes(publication.meta.links, theme.colours["ink"])

    def html_for(self, fitting: Fitting) -> str:
        return publication_to_html(self.publication, self.theme, self.layout, self.layouts,
                                   self.created,
                                   image_url=lambda image: self.fetcher.url_for(image.path),
                                   links=self.links, fitting=fitting,
                                   environment=self.session.environment(self.layout.folder,
                                                                        "the booklet"))

    def lay_out(self, html: str):
        """(laid-out document, fingerprint of the HTML and stylesheet)."""
        style_key, font_config, stylesheet = booklet_stylesheet(
            self.theme, self.layout, self.layouts, self.fetcher, self.session)
        with tweeluik_word_breaks(self.exceptions):
            document = weasyprint.HTML(string=html, base_url=self.layout.base_url,
                                       url_fetcher=self.fetcher).render(
                font_config=font_config, stylesheets=[stylesheet], pdf_tags=True,
                cache=self.session.images)
        self.session.images.remember(self.fetcher)
        return document, hashlib.sha256((style_key + html).encode("utf-8")).hexdigest()


class _Layouts:
    """The layouts made for one booklet, within ``PAGE_BUDGET``: of the whole booklet
    (``full``, which keeps the latest), and trials of some lessons whose warnings are
    not collected (the whole booklet repeats them)."""

    def __init__(self, booklet: _Booklet, collector: _CollectWarnings):
        self.booklet, self.collector = booklet, collector
        self.leading = booklet.theme.length_pt("leading") / 0.75  # CSS px, as WeasyPrint
        self.spent = 0  # pages laid out so far
        self.fitting = NO_FITTING  # the decisions the latest full layout shows
        self.html = ""
        self.document: Any = None
        self.fingerprint = ""

    def affordable(self, pages: int) -> bool:
        return self.spent + pages <= PAGE_BUDGET

    def full(self, fitting: Fitting) -> dict[int, LessonExtent]:
        """Lay out the whole booklet with ``fitting``; its lessons' extents."""
        self.html = self.booklet.html_for(fitting)
        self.document, self.fingerprint = self.booklet.lay_out(self.html)
        self.spent += len(self.document.pages)
        self.fitting = fitting
        return measure_lessons(self.document, self.leading)

    def trial(self, html: str, prefixes: Iterable[str]) -> dict[str, dict[int, LessonExtent]]:
        """Lay out a trial document; the extents of the lessons under each prefix."""
        WEASYPRINT_LOGGER.removeHandler(self.collector)
        try:
            document, _ = self.booklet.lay_out(html)
        finally:
            WEASYPRINT_LOGGER.addHandler(self.collector)
        self.spent += len(document.pages)
        return {prefix: measure_lessons(document, self.leading, prefix) for prefix in prefixes}


def layout_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime,
                   session: WriterSession | None = None) -> LaidOut:
    """Lay out the booklet's pages, copyfitting lessons whose last page is nearly empty
    and starting a lesson on the page where the one before ends when that page would
    stay nearly empty (see ``copyfit``), and keep just enough spare pages for a multiple
    of four. The decisions are made on trial layouts of the lessons they concern, so
    the whole booklet is laid out once more only when there are decisions."""
    session = session or WriterSession()
    booklet = _Booklet(publication, theme, layouts, content_root, created, session)
    collector = _CollectWarnings()
    session.images.refresh(booklet.fetcher)
    WEASYPRINT_LOGGER.addHandler(collector)
    try:
        made = _Layouts(booklet, collector)
        before = made.full(NO_FITTING)
        pages = len(made.document.pages)
        decided = _Decisions(publication, theme, made, before if theme.copyfit_below > 0 else {})
        decided.fit()
        decided.run_on()
        if decided.fitting != made.fitting:
            if made.affordable(pages):
                decided.after = made.full(decided.fitting)
            else:
                decided.give_up()
        notes = _final_notes(publication, decided.notes(), made.fitting, decided.over_budget,
                             pages, measure_lessons(made.document, made.leading))
    except RefusedResource as refused:
        raise refused_by_the_gate(publication, booklet.layout, refused) from None
    finally:
        WEASYPRINT_LOGGER.removeHandler(collector)
    warnings = tuple(dict.fromkeys(collector.messages))
    return LaidOut(drop_spare_blank_pages(made.document), made.fingerprint, warnings,
                   tuple(notes), made.html, made.fitting)


class _Decisions:
    """Which lessons are fitted, and which start on the page where the one before ends,
    decided on trial layouts from the extents of the booklet's first layout."""

    def __init__(self, publication: Publication, theme: Theme, made: _Layouts,
                 before: dict[int, LessonExtent]):
        self.publication, self.theme, self.made = publication, theme, made
        self.below = theme.copyfit_below
        self.numbers = [lesson.number for lesson in publication.lessons]
        self.closing = "closing" in html_ids(made.html)
        self.introduction = measure_introduction(made.document, made.leading)
        self.pages = len(made.document.pages)
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
        per_page = lines_per_page(self.made.document, self.made.leading)
        tighter = f"{self.theme.length_pt('leading') * per_page / (per_page + 1):.3f}pt"
        try:
            self.result = fit_lessons(self.before, self.below,
                                      lambda numbers, levels: self._trial(numbers, levels,
                                                                          tighter))
        except _OverBudget:
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
            raise _OverBudget
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


def _final_notes(publication: Publication, notes: list[tuple[Lesson, str]], fitting: Fitting,
                 over_budget: bool, pages: int, extents: dict[int, LessonExtent]
                 ) -> list[tuple[Lesson, str]]:
    """What the build says about fitting: lessons run on, as the final layout
    (``extents``) shows them (which replaces 'too many to save'), and a booklet too long
    to lay out again."""
    if fitting.run_on:
        notes = [(lesson, note) for lesson, note in notes if "too many to save" not in note]
        notes += run_on_notes(publication, fitting.run_on, extents)
    if over_budget and publication.lessons:
        notes.append((publication.lessons[0], f"the booklet is too long to lay out again "
                      f"(some {pages} pages), so some lessons may end on a nearly empty "
                      "page: tweeluik fits a lesson onto fewer pages, or starts it on the "
                      "last page of the one before, only while it lays out at most "
                      f"{PAGE_BUDGET} pages in all"))
    return notes


def html_ids(html: str) -> set[str]:
    """The ids of the sections in the booklet's HTML (``closing`` when it has one)."""
    return set(re.findall(r'<section[^>]* id="([^"]+)"', html))


def render_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime,
                   session: WriterSession | None = None) -> RenderedBooklet:
    """Render ``publication`` to the A5 screen PDF (bytes), padded for saddle stitching.
    A session that remembers layouts keeps this one for the next preview."""
    session = session or WriterSession()
    laid_out = layout_booklet(publication, theme, layouts, content_root, created, session)
    document = laid_out.document
    identifier = laid_out.fingerprint[:32].encode("ascii")
    if session.remember_layouts:
        session.keep_layout(publication.source, quick.last_layout_of(laid_out))
    try:  # attachments and some images are only fetched now, through the same gate
        with page_lookup_kept(), structure_tree_kept():
            pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier,
                                     finisher=open_with_bookmarks)
    except RefusedResource as refused:
        raise refused_by_the_gate(publication, find_layout(publication, layouts),
                                  refused) from None
    return RenderedBooklet(pdf, len(document.pages), laid_out.warnings, laid_out.notes)


def quick_booklet(publication: Publication, theme: Theme, layouts: Path,
                  content_root: Path, created: dt.datetime,
                  session: WriterSession) -> bytes | None:
    """Watch mode's preview of the booklet: the session's last full layout with only the
    changed lesson laid out again (see ``quick``), as PDF bytes; ``None`` when that
    cannot be done. A full build must follow."""
    last = session.last_layout(publication.source)
    if last is None:
        return None
    booklet = _Booklet(publication, theme, layouts, content_root, created, session)
    session.images.refresh(booklet.fetcher)
    try:
        html = booklet.html_for(last.laid_out.fitting)
        document = quick.quick_booklet(last, html, lambda part: booklet.lay_out(part)[0])
        if document is None:
            return None
        with page_lookup_kept(), structure_tree_kept():
            return document.write_pdf(pdf_variant="pdf/ua-1", finisher=open_with_bookmarks)
    except RefusedResource:
        return None  # the full build says what is wrong


def open_with_bookmarks(document, pdf) -> None:
    """A WeasyPrint finisher: the PDF opens with its bookmarks panel showing."""
    pdf.catalog["PageMode"] = "/UseOutlines"


def refused_by_the_gate(publication: Publication, layout: BookletLayout,
                        refused: RefusedResource) -> SourceError:
    """A file the layout asked for that the gate refused, as the author's error."""
    return SourceError(publication.source, None, f"the booklet layout '{layout.name}' tried "
                       f"to load {printable(refused.url)}: {refused.reason}")


def is_spare_page(page) -> bool:
    """True for the layout's spare pages for notes (sections with an id ``spare-N``)."""
    return any(anchor.startswith(SPARE_PAGE_PREFIX) for anchor in page.anchors)


def drop_spare_blank_pages(document):
    """Keep just enough spare blank pages that the page count is a multiple of four."""
    spare = [index for index, page in enumerate(document.pages) if is_spare_page(page)]
    total = len(document.pages)
    keep = (-(total - len(spare))) % 4
    drop = set(spare[keep:])
    return document.copy([page for index, page in enumerate(document.pages)
                          if index not in drop])
