"""Lay out the booklet once with WeasyPrint and write it as the screen PDF.

Step 3b of the pipeline (booklet writer, second half): HTML → laid-out pages →
PDF bytes. The page count is padded to a multiple of four (saddle stitch) by keeping
just enough of the layout's spare blank pages before the back cover. The print-shop
and office variants are derived from these bytes in ``variants``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import weasyprint
from weasyprint import LOGGER as WEASYPRINT_LOGGER
from weasyprint.text.fonts import FontConfiguration

from ..errors import SourceError, printable
from ..model import Publication
from ..theme import Theme
from .fetcher import FolderFetcher, RefusedResource
from .html import BookletLayout, find_layout, publication_to_html, stylesheet_text
from .links import link_notes

SPARE_PAGE_PREFIX = "spare-"

# Parsed stylesheets with their loaded fonts, kept for the life of the process: in watch
# mode every rebuild after the first skips loading fonts and parsing CSS, and Pango's
# caches stay warm.
_STYLESHEETS: dict[str, tuple[FontConfiguration, weasyprint.CSS]] = {}


def clear_stylesheet_cache() -> None:
    """Forget parsed stylesheets (tests use it to watch fonts being loaded)."""
    _STYLESHEETS.clear()


def booklet_stylesheet(theme: Theme, layout: BookletLayout, layouts: Path,
                       fetcher: FolderFetcher):
    """(digest, font configuration, parsed stylesheet), from the cache when unchanged."""
    text = stylesheet_text(theme, layout, layouts)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in _STYLESHEETS:
        if len(_STYLESHEETS) >= 4:
            _STYLESHEETS.clear()
        font_config = FontConfiguration()
        css = weasyprint.CSS(string=text, base_url=layout.base_url,
                             url_fetcher=fetcher, font_config=font_config)
        _STYLESHEETS[key] = (font_config, css)
    return (key, *_STYLESHEETS[key])


@dataclass(frozen=True)
class RenderedBooklet:
    """The screen PDF, its page count, and what WeasyPrint warned about."""

    pdf: bytes
    page_count: int
    warnings: tuple[str, ...]


class _CollectWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def layout_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime):
    """Lay out the booklet's pages; returns (WeasyPrint document, a fingerprint of the
    HTML and stylesheet, warnings)."""
    layout = find_layout(publication, layouts)
    fetcher = FolderFetcher({"content": content_root, "layouts": layouts})
    html = publication_to_html(publication, theme, layout, layouts, created,
                               image_url=lambda image: fetcher.url_for(image.path),
                               links=link_notes(publication.meta.links, theme.colours["ink"]))
    collector = _CollectWarnings()
    WEASYPRINT_LOGGER.addHandler(collector)
    try:
        style_key, font_config, stylesheet = booklet_stylesheet(theme, layout, layouts, fetcher)
        document = weasyprint.HTML(string=html, base_url=layout.base_url,
                                   url_fetcher=fetcher).render(
            font_config=font_config, stylesheets=[stylesheet], pdf_tags=True)
    except RefusedResource as refused:
        raise refused_by_the_gate(publication, layout, refused) from None
    finally:
        WEASYPRINT_LOGGER.removeHandler(collector)
    fingerprint = hashlib.sha256((style_key + html).encode("utf-8")).hexdigest()
    return drop_spare_blank_pages(document), fingerprint, tuple(collector.messages)


def render_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime) -> RenderedBooklet:
    """Render ``publication`` to the A5 screen PDF (bytes), padded for saddle stitching."""
    document, fingerprint, warnings = layout_booklet(publication, theme, layouts, content_root,
                                                     created)
    identifier = fingerprint[:32].encode("ascii")
    try:  # attachments and some images are only fetched now, through the same gate
        pdf = document.write_pdf(pdf_tags=True, pdf_identifier=identifier)
    except RefusedResource as refused:
        raise refused_by_the_gate(publication, find_layout(publication, layouts),
                                  refused) from None
    return RenderedBooklet(pdf, len(document.pages), warnings)


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
