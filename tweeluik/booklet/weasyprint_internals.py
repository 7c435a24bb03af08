"""Every name tweeluik reads or replaces inside WeasyPrint and pydyf, in one place.

Booklet writer (step 3b), beside the layout. WeasyPrint's public interface lays out
HTML and writes a PDF; tweeluik needs a little more of it: the page's box tree (to
measure where a lesson ends and to build the PDF/UA structure tree), the line breaker's
hyphenation dictionary, the function that tags a PDF, pydyf's page references, the
names of WeasyPrint's picture cache and the wording of its progress messages. Each is
reached here and nowhere else, through a function that first checks the name is still
where tweeluik expects it. A WeasyPrint or pydyf that moved one stops the build with
one line naming the internal and the versions tweeluik is known to work with, instead
of laying out wrong pages. ``tests/test_weasyprint_internals.py`` holds one contract
test for each.

The box attributes the structure tree reads (``element``, ``element_tag``, ``children``,
``link_annotation``, ``is_leader`` and a ``TextBox``'s ``text``) are WeasyPrint's
documented box model; their contract tests are there too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import InstallError

#: The versions tweeluik is tested with (pyproject.toml says the same).
KNOWN_GOOD = "WeasyPrint 66–70 with pydyf 0.11–0.13"
#: WeasyPrint's logger for the steps of a render, and the words of the two it reports.
PROGRESS_LOGGER = "weasyprint.progress"
LAYING_OUT_PAGE = "Creating layout - Page"
WRITING_PDF = "Creating PDF"


class InternalMoved(InstallError):
    """WeasyPrint or pydyf no longer has an internal tweeluik relies on."""

    def __init__(self, internal: str):
        import pydyf
        import weasyprint
        super().__init__(
            f"WeasyPrint {weasyprint.__version__} (pydyf {pydyf.__version__}) has moved an "
            f"internal tweeluik uses ({internal}); install the versions tweeluik is known "
            f"to work with ({KNOWN_GOOD}): .venv/bin/pip install -e .")
        self.internal = internal


def _attribute(owner: Any, name: str, where: str) -> Any:
    try:
        return getattr(owner, name)
    except AttributeError:
        raise InternalMoved(f"{where}.{name}") from None


@contextmanager
def _replaced(owner: Any, name: str, value: Any, where: str) -> Iterator[None]:
    original = _attribute(owner, name, where)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


# -- the laid-out pages -------------------------------------------------------------------

def page_box(page) -> Any:
    """A laid-out page's box (``Page._page_box``): its content box and children."""
    return _attribute(page, "_page_box", "weasyprint.document.Page")


def box_classes() -> tuple[Any, ...]:
    """WeasyPrint's box types the structure tree tells apart: (MarginBox, TextBox,
    ReplacedBox, FootnoteAreaBox, AbsolutePlaceholder)."""
    try:
        from weasyprint.formatting_structure import boxes
        from weasyprint.layout.absolute import AbsolutePlaceholder
    except ImportError as error:
        raise InternalMoved(error.name or "weasyprint.formatting_structure") from None
    names = ("MarginBox", "TextBox", "ReplacedBox", "FootnoteAreaBox")
    return (*(_attribute(boxes, name, "weasyprint.formatting_structure.boxes")
              for name in names), AbsolutePlaceholder)


def placed_box(placeholder) -> Any:
    """The box an ``AbsolutePlaceholder`` stands for (``_box``)."""
    return _attribute(placeholder, "_box", "weasyprint.layout.absolute.AbsolutePlaceholder")


# -- the PDF being written --------------------------------------------------------------

def stream_tags(stream) -> dict:
    """A page stream's marked content by box (``Stream._tags``), as WeasyPrint keeps it
    for tagging: each value holds the ``mcid``."""
    return _attribute(stream, "_tags", "weasyprint.pdf.stream.Stream")


def stream_operators(stream) -> list:
    """A page stream's list of operators and operands (pydyf's ``Stream.stream``)."""
    return _attribute(stream, "stream", "pydyf.Stream")


def pdf_tagging_replaced_by(add_structure_tree) -> Any:
    """A context in which WeasyPrint tags a PDF with ``add_structure_tree`` (called as
    its own ``weasyprint.pdf.add_tags``: pdf, document, version, page streams)."""
    import weasyprint.pdf as weasyprint_pdf
    return _replaced(weasyprint_pdf, "add_tags", add_structure_tree, "weasyprint.pdf")


def page_references_property() -> property | None:
    """pydyf's ``PDF.page_references`` property, or ``None`` when it is no longer a
    property (then nothing is kept: the bytes are the same, only slower)."""
    import pydyf
    found = pydyf.PDF.__dict__.get("page_references")
    return found if isinstance(found, property) and found.fget is not None else None


@contextmanager
def page_references_as(replacement: property) -> Iterator[None]:
    import pydyf
    with _replaced(pydyf.PDF, "page_references", replacement, "pydyf.PDF"):
        yield


def page_count(pdf) -> int:
    """How many pages a pydyf PDF has so far (its page tree keeps each page's reference
    as three items: number, generation, ``R``)."""
    return len(_attribute(pdf, "pages", "pydyf.PDF")["Kids"]) // 3


# -- layout -----------------------------------------------------------------------------

def hyphenation_replaced_by(stand_in) -> Any:
    """A context in which WeasyPrint's line breaker asks ``stand_in`` (in place of the
    ``pyphen`` module, by its name in ``weasyprint.text.line_break``) where a word may
    break."""
    try:
        from weasyprint.text import line_break
    except ImportError:
        raise InternalMoved("weasyprint.text.line_break") from None
    return _replaced(line_break, "pyphen", stand_in, "weasyprint.text.line_break")


def is_drawing(picture) -> bool:
    """True for an SVG drawing in WeasyPrint's picture cache (tied to one layout)."""
    return type(picture).__name__ == "SVGImage"


def cache_key_prefix(url: str) -> str:
    """How WeasyPrint's picture cache starts the keys of what it made from ``url`` (its
    PDF data): the MD5 of the address."""
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def font_files_folder(font_config) -> Any:
    """The temporary folder where a ``FontConfiguration`` keeps the fonts of the
    stylesheet's ``@font-face`` rules (``None`` before the first), which WeasyPrint
    removes only when the configuration is freed."""
    return _attribute(font_config, "_folder", "weasyprint.text.fonts.FontConfiguration")
