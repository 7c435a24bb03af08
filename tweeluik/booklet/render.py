"""Lay out the booklet with WeasyPrint and write it as the screen PDF.

Step 3b of the pipeline (booklet writer, second half): HTML → laid-out pages →
PDF bytes. Lessons whose last page would be nearly empty are copyfitted, or the next
lesson starts on that page (``copyfit``); ``fit_rounds`` decides which on trial layouts
of the lessons they concern, and the booklet is laid out a second time, once, only when
there are decisions (a booklet of 10 to 100 lessons, which nearly always has some, is
first only measured, in parts on every core, and laid out once, in groups of lessons on
every core that are joined into one PDF: ``groups``, ``pdf_join``). The page count is
padded to a multiple of four (saddle stitch) by keeping just enough of the layout's
spare blank pages before the back cover. The print-shop and office variants are derived
from these bytes in ``variants``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path

import weasyprint
from weasyprint import LOGGER as WEASYPRINT_LOGGER
from weasyprint.text.fonts import FontConfiguration

from ..errors import SourceError, printable
from ..hyphenation import read_exceptions, unbreakable
from ..model import Lesson, Publication
from ..session import WriterSession
from ..theme import Theme
from . import fit_rounds, groups, quick
from .copyfit import LessonExtent, leading_px, measure_lessons, run_on_notes
from .fetcher import FolderFetcher, RefusedResource
from .html import BookletLayout, find_layout, publication_to_html, stylesheet_text
from .laid_out import JoinedBooklet, LaidOut, RenderedBooklet
from .links import link_notes
from .page_lookup import page_lookup_kept
from .structure import structure_tree_kept
from .trial_parts import measure_in_parts
from .view import NO_FITTING, Fitting, last_words
from .weasyprint_internals import font_files_folder
from .wordbreaks import tweeluik_word_breaks

SPARE_PAGE_PREFIX = "spare-"


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
        folder = font_files_folder(font_config)
        if folder is not None:
            session.font_folders.append(folder)
    return (key, *session.stylesheets[key])


class _CollectWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


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

    def contents_rule(self) -> tuple[str, str] | None:
        """The layout's rule for the contents' page numbers, if groups can write them
        (``groups.contents_rule``)."""
        return groups.contents_rule(stylesheet_text(self.theme, self.layout, self.layouts))

    def lay_out_group(self, order: groups.GroupOrder) -> groups.LaidOutGroup:
        """One group of the booklet laid out and written as a PDF of its own, with what
        WeasyPrint warned about while it was laid out."""
        collector = _CollectWarnings()
        WEASYPRINT_LOGGER.addHandler(collector)
        try:
            document, _ = self.lay_out(order.html)
        finally:
            WEASYPRINT_LOGGER.removeHandler(collector)
        if order.last:
            document = drop_spare_blank_pages(document, order.first_page - 1)
        starts = fit_rounds.section_starts(document, fit_rounds.html_ids(order.html))
        extents = measure_lessons(document, leading_px(self.theme))
        with page_lookup_kept(), structure_tree_kept(), collector_paused():
            pdf = document.write_pdf(pdf_variant="pdf/ua-1", finisher=open_with_bookmarks)
        return groups.LaidOutGroup(len(document.pages), pdf, starts, extents,
                                   tuple(dict.fromkeys(collector.messages)))

    def fingerprint(self, html: str) -> str:
        """A digest of ``html`` and the stylesheet it is laid out with."""
        style_key = booklet_stylesheet(self.theme, self.layout, self.layouts, self.fetcher,
                                       self.session)[0]
        return _digest(style_key, html)

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
        return document, _digest(style_key, html)


def _digest(style_key: str, html: str) -> str:
    return hashlib.sha256((style_key + html).encode("utf-8")).hexdigest()


def layout_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime,
                   session: WriterSession | None = None, parallel: bool = True) -> LaidOut:
    """Lay out the booklet's pages, copyfitting lessons whose last page is nearly empty
    and starting a lesson on the page where the one before ends when that page would
    stay nearly empty (see ``copyfit``), and keep just enough spare pages for a multiple
    of four. The decisions are made on trial layouts of the lessons they concern (on
    every core, unless ``parallel`` is false), so the whole booklet is laid out once
    more only when there are decisions."""
    session = session or WriterSession()
    booklet = _Booklet(publication, theme, layouts, content_root, created, session)
    collector = _CollectWarnings()
    session.images.refresh(booklet.fetcher)
    WEASYPRINT_LOGGER.addHandler(collector)
    try:
        made = fit_rounds.Layouts(booklet, collector, parallel)
        if fit_rounds.measured_in_parts(publication, theme):
            before = made.measure()
        else:
            before = made.full(NO_FITTING)
        decided = fit_rounds.Decisions(publication, theme, made,
                                       before if theme.copyfit_below > 0 else {})
        decided.fit()
        decided.run_on()
        in_groups = None
        if made.document is None:  # only measured so far: laid out once, as decided
            # in groups on every core, unless the session keeps the layout for watch
            # mode's one-lesson previews (which need all the pages in one layout)
            if not session.remember_layouts:
                in_groups = _final_in_groups(booklet, made, decided, collector, parallel)
            if in_groups is None:
                decided.after = made.full(decided.fitting)
            else:
                decided.after = made.extents
        elif decided.fitting != made.fitting:
            if made.affordable(decided.pages):
                decided.after = made.full(decided.fitting)
            else:
                decided.give_up()
        notes = _final_notes(publication, decided.notes(), made.fitting, decided.over_budget,
                             decided.pages, made.extents)
    except RefusedResource as refused:
        raise refused_by_the_gate(publication, booklet.layout, refused) from None
    finally:
        WEASYPRINT_LOGGER.removeHandler(collector)
    warnings = tuple(dict.fromkeys(collector.messages))
    if in_groups is not None:
        return LaidOut(None, made.fingerprint, warnings, tuple(notes), made.html,
                       made.fitting, in_groups)
    return LaidOut(drop_spare_blank_pages(made.document), made.fingerprint, warnings,
                   tuple(notes), made.html, made.fitting)


def _final_in_groups(booklet: _Booklet, made: fit_rounds.Layouts,
                     decided: fit_rounds.Decisions, collector: _CollectWarnings,
                     parallel: bool) -> JoinedBooklet | None:
    """The booklet laid out with the decisions in groups on every core and joined
    (``groups``, ``pdf_join``), keeping what ``made.full`` would keep; ``None`` when it
    is one group, or its layout has no contents rule groups can write numbers into."""
    rule = booklet.contents_rule()
    html = booklet.html_for(decided.fitting)
    cut = groups.grouped(html, rule) if rule is not None and made.first else None
    if cut is None or made.first is None:
        return None
    first = made.first
    WEASYPRINT_LOGGER.removeHandler(collector)
    try:
        cut, laid_out, firsts = groups.laid_out_whole_lessons(
            cut, lambda cut: groups.predicted_pages(cut, first.sections, first.extents,
                                                    decided.after, decided.fitting.run_on),
            lambda orders, sizes: measure_in_parts(orders, booklet.lay_out_group, parallel,
                                                   sizes))
    except groups.GroupsMoved:
        return None
    finally:
        WEASYPRINT_LOGGER.addHandler(collector)
    made.html, made.fitting = html, decided.fitting
    made.fingerprint = booklet.fingerprint(html)
    made.extents = {number: fit_rounds.moved(extent, first - 1)
                    for group, first in zip(laid_out, firsts, strict=True)
                    for number, extent in group.extents.items()}
    pages = sum(group.pages for group in laid_out)
    made.spent += pages
    collector.messages.extend(message for group in laid_out for message in group.warnings)
    from .pdf_join import joined  # pikepdf: a build that needs no join does not load it
    return JoinedBooklet(joined([group.pdf for group in laid_out]), pages)


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
                      f"{fit_rounds.PAGE_BUDGET} pages in all"))
    return notes


def render_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime,
                   session: WriterSession | None = None, parallel: bool = True
                   ) -> RenderedBooklet:
    """Render ``publication`` to the A5 screen PDF (bytes), padded for saddle stitching.
    A session that remembers layouts keeps this one for the next preview."""
    session = session or WriterSession()
    laid_out = layout_booklet(publication, theme, layouts, content_root, created, session,
                              parallel)
    if laid_out.joined is not None:  # laid out in groups, and written
        return RenderedBooklet(laid_out.joined.pdf, laid_out.joined.pages, laid_out.warnings,
                               laid_out.notes)
    document = laid_out.document
    assert document is not None, "a layout made whole keeps its pages"
    identifier = laid_out.fingerprint[:32].encode("ascii")
    if session.remember_layouts:
        session.keep_layout(publication.source, quick.last_layout_of(laid_out))
    try:  # attachments and some images are only fetched now, through the same gate
        with page_lookup_kept(), structure_tree_kept(), collector_paused():
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
        with page_lookup_kept(), structure_tree_kept(), collector_paused():
            return document.write_pdf(pdf_variant="pdf/ua-1", finisher=open_with_bookmarks)
    except RefusedResource:
        return None  # the full build says what is wrong


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a PDF is written. Writing makes many small
    objects while the laid-out pages, millions of them, are alive, and each full
    collection walks them all; what writing makes is freed as it goes, not in cycles.
    Measured: 3.1–3.5 s → 2.5–3.0 s for the 100-lesson booklet, 10.1 → 8.3 s for 300
    lessons with a picture each, the same peak memory."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


def drop_spare_blank_pages(document, pages_before: int = 0):
    """Keep just enough spare blank pages that the page count is a multiple of four
    (with ``pages_before``: the pages of the booklet before ``document``'s)."""
    spare = [index for index, page in enumerate(document.pages) if is_spare_page(page)]
    total = pages_before + len(document.pages)
    keep = (-(total - len(spare))) % 4
    drop = set(spare[keep:])
    return document.copy([page for index, page in enumerate(document.pages)
                          if index not in drop])
