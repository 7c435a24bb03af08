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

from ..errors import SourceError
from ..model import Publication
from ..theme import Theme
from .fetcher import FolderFetcher, RefusedResource
from .html import find_layout, publication_to_html

BLANK_CLASS = "blank"


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
    """Lay out the booklet's pages; returns (WeasyPrint document, HTML, warnings)."""
    layout = find_layout(publication, layouts)
    html = publication_to_html(publication, theme, layout, created)
    fetcher = FolderFetcher([content_root, layouts])
    collector = _CollectWarnings()
    WEASYPRINT_LOGGER.addHandler(collector)
    try:
        document = weasyprint.HTML(string=html, base_url=str(layout.folder) + "/",
                                   url_fetcher=fetcher).render(pdf_tags=True)
    except RefusedResource as refused:
        raise SourceError(publication.source, None,
                          f"the booklet tried to load {refused.url}: {refused.reason}") from None
    finally:
        WEASYPRINT_LOGGER.removeHandler(collector)
    return drop_spare_blank_pages(document), html, tuple(collector.messages)


def render_booklet(publication: Publication, theme: Theme, layouts: Path,
                   content_root: Path, created: dt.datetime) -> RenderedBooklet:
    """Render ``publication`` to the A5 screen PDF (bytes), padded for saddle stitching."""
    document, html, warnings = layout_booklet(publication, theme, layouts, content_root, created)
    identifier = hashlib.md5(html.encode("utf-8")).hexdigest().encode("ascii")
    pdf = document.write_pdf(pdf_tags=True, pdf_identifier=identifier)
    return RenderedBooklet(pdf, len(document.pages), warnings)


def drop_spare_blank_pages(document):
    """Keep just enough spare blank pages that the page count is a multiple of four."""
    spare = [index for index, page in enumerate(document.pages)
             if _page_name(page) == BLANK_CLASS]
    total = len(document.pages)
    keep = (-(total - len(spare))) % 4
    drop = set(spare[keep:])
    return document.copy([page for index, page in enumerate(document.pages)
                          if index not in drop])


def _page_name(page) -> str | None:
    """The CSS page name (``page:`` property) a laid-out page was made for."""
    box = page._page_box
    return box.page_type.name if hasattr(box, "page_type") else None
