"""Watch mode's quick booklet: lay out again only the lesson that changed.

Step 3b, in watch mode only. Every lesson starts on a new page, so when an edit
changes one lesson's text and that lesson still takes as many pages, the other pages
of the last layout are still right. The changed lesson is laid out on its own, with
its first page number, page side and footnote count set to where it stands in the
booklet, and its pages take the place of the old ones; the PDF is written from that
mix. Anything else (a changed title, the introduction, a lesson that grows or shrinks
by a page, a new image) returns ``None``, and the author waits for the full layout.

The quick file is only ever a preview: the full build follows straight after and
writes the booklet a cold build would (byte for byte, except for a booklet of 10 to 100
lessons, which a cold build lays out in groups and joins: the same pages, other bytes;
watch mode lays it out in one piece, so that this preview has a layout to start from).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import lxml.html

from .laid_out import LaidOut, LastLayout

if TYPE_CHECKING:
    from weasyprint import Document

_SECTION = re.compile(r'<section class="lesson[^"]*" id="lesson-(\d+)"[^>]*>.*?</section>', re.S)


def split_sections(html: str) -> tuple[str, dict[int, str]]:
    """The HTML without its lesson sections, and the sections by lesson number."""
    sections = {int(found.group(1)): found.group(0) for found in _SECTION.finditer(html)}
    return _SECTION.sub(lambda found: f"<!--lesson {found.group(1)}-->", html), sections


def lesson_pages(document) -> dict[int, tuple[int, int]]:
    """Each lesson's first and last page index, from its anchor and its end marker."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            found = re.fullmatch(r"lesson-(\d+)(-end)?", anchor)
            if found is None:
                continue
            number = int(found.group(1))
            if found.group(2):
                last[number] = index
            else:
                first.setdefault(number, index)
    return {number: (start, last[number]) for number, start in first.items() if number in last}


def last_layout_of(laid_out: LaidOut) -> LastLayout:
    """What a preview needs of a full layout (the session keeps it)."""
    rest, sections = split_sections(laid_out.html)
    return LastLayout(rest, sections, laid_out, lesson_pages(laid_out.document))


def part_html(html: str, number: int, first_page: int, footnotes_before: int) -> str:
    """The booklet's HTML with only lesson ``number`` in it, set to start on page
    ``first_page`` (on its side of the spread) after ``footnotes_before`` footnotes. The
    cover's title goes along, out of sight, for the running heads that repeat it."""
    document = lxml.html.document_fromstring(html)
    section = document.get_element_by_id(f"lesson-{number}")
    titles = document.find_class("cover-title")
    for child in list(document.body):
        document.body.remove(child)
    if titles:
        hidden = lxml.html.Element("div", style="height: 0; overflow: hidden; visibility: hidden")
        hidden.append(copy.deepcopy(titles[0]))
        section.insert(0, hidden)
    document.body.append(section)
    style = lxml.html.Element("style")
    style.text = (f"@page :first {{ counter-reset: page {first_page} }} "
                  f"html {{ counter-reset: footnote {footnotes_before}"
                  + ("; break-before: left" if first_page % 2 == 0 else "") + " }")
    document.head.append(style)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


def quick_booklet(last: LastLayout, html: str,
                  lay_out: Callable[[str], Document]) -> Document | None:
    """A document like the last full layout with the changed lessons laid out again, or
    ``None`` when that cannot be done. ``html`` is the booklet's HTML now (with the last
    layout's copyfitting levels), ``lay_out(html)`` lays out HTML as the booklet
    writer does."""
    rest, sections = split_sections(html)
    if rest != last.rest or sections.keys() != last.sections.keys():
        return None
    changed = [number for number in sections if sections[number] != last.sections[number]]
    if not changed or len(changed) > 2 or any(n not in last.pages for n in changed):
        return None
    document = last.laid_out.document
    assert document is not None, "a session keeps only layouts made whole"
    pages = list(document.pages)
    for number in changed:
        start, end = last.pages[number]
        before = html[:html.index(f'id="lesson-{number}"')].count('class="link-note')
        part = lay_out(part_html(html, number, start + 1, before))
        if len(part.pages) != end - start + 1:
            return None
        pages[start:end + 1] = part.pages
    return document.copy(pages)
