"""Booklet writer, PDF output (step 3b): a page-reference lookup that does not grow with
the booklet.

pydyf 0.13's ``PDF.page_references`` builds a fresh tuple of every page's reference each
time it is read, and WeasyPrint's PDF tagging reads it once per tagged element, so writing
a tagged PDF costs pages × elements: on a generated 100-lesson booklet (189 pages, 8,226
reads, 1.56 million references built) about 1 s, four times that at 200 lessons. While
``page_lookup_kept()`` is active the tuple is built once and kept until a page is added.
The bytes written are the same (``tests/test_booklet.py`` compares them); nothing else
in pydyf changes, and the patch is only installed around our own ``write_pdf`` calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .weasyprint_internals import page_count, page_references_as, page_references_property

_KEPT = "_tweeluik_page_references"


def _kept(build_every_time: property) -> property:
    build = build_every_time.fget
    assert build is not None

    def kept_page_references(pdf) -> tuple[bytes, ...]:
        pages = page_count(pdf)
        kept = pdf.__dict__.get(_KEPT)
        if kept is None or kept[0] != pages:  # built again after add_page
            kept = (pages, build(pdf))
            pdf.__dict__[_KEPT] = kept
        return kept[1]
    return property(kept_page_references)


@contextmanager
def page_lookup_kept() -> Iterator[None]:
    """Within this block, pydyf builds the list of page references once per page added."""
    build_every_time = page_references_property()
    if build_every_time is None:  # a pydyf that changed: leave it be
        yield
        return
    with page_references_as(_kept(build_every_time)):
        yield
