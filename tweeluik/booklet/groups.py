"""The final layout of a long booklet in groups of lessons, on every core (step 3b).

Every lesson starts on a new page, and a run of lessons lays out the same wherever it
starts: both sides of a page have the same text width, each section numbers its
footnotes from where it stands (``copyfit.numbered_as_in_the_booklet``), and only the
folio and the side of the page change with the first page. So the booklet's HTML is cut
where ``trial_parts`` cuts a trial (into groups of about equal length, each starting
with a section that starts a page), each group is laid out and written as a PDF of its
own in a process of its own, and ``pdf_join`` joins the PDFs.

A group must know its first page before it is laid out: it is predicted from the
measure the decisions were made on (``predicted_pages``), and a group that turns out to
start elsewhere is laid out again where it starts (its page count does not change with
that: ``laid_out_in_groups``). The group that holds the contents cannot count pages laid
out in other processes: the page numbers are written into its HTML (the layout's own
rule for them, with the number in place of ``target-counter``), and its links go to
stand-in anchors that the join points at the lessons. A group whose last lesson's
footnote spills onto a page of its own is joined with the next
(``laid_out_whole_lessons``).

The cut depends on the booklet's text alone, never on the machine: one core lays out
the same groups one after the other, and the bytes are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import lxml.html

from .copyfit import LessonExtent, lesson_id, numbered_as_in_the_booklet
from .trial_parts import sized_parts_of

#: The layout's contents rule that groups can write a page number into: the number is
#: ``target-counter(attr(href), page)``, with at most a leader and strings around it.
_CONTENTS_RULE = re.compile(
    r"content:\s*(?P<before>[^;{}]*?)target-counter\(\s*attr\(\s*href\s*\)\s*,\s*page\s*\)"
    r"(?P<after>[^;{}]*?)\s*(?:;|(?=}))")


_INTERNAL_LINK = re.compile(r'<a [^>]*href="#')


@dataclass(frozen=True)
class GroupedBooklet:
    """A booklet's HTML cut into groups: each group's HTML, the section ids in it, what
    stands before and after the number in the layout's contents rule, what each group
    costs to lay out, and which group holds the contents (the links inside the
    booklet)."""

    parts: tuple[str, ...]
    ids: tuple[tuple[str, ...], ...]
    contents_rule: tuple[str, str]
    sizes: tuple[int, ...]  # what each costs to lay out (``trial_parts.sized_parts_of``)
    contents: int  # the group that holds the contents
    cover_title: str = ""  # the cover's title element, for the running heads


def contents_rule(stylesheet: str) -> tuple[str, str] | None:
    """What stands before and after the page number in the layout's contents entries,
    when its stylesheet has exactly one rule that counts a link's target page."""
    found = _CONTENTS_RULE.findall(stylesheet)
    if len(found) != 1:
        return None
    before, after = found[0]
    return before.strip(), after.strip()


def grouped(html: str, rule: tuple[str, str]) -> GroupedBooklet | None:
    """The booklet's HTML cut into groups (``None`` when it is one group, or links inside
    the booklet stand in more than one group: only the contents' numbers can be
    written in)."""
    sized = sized_parts_of(numbered_as_in_the_booklet(html), MOST_GROUPS, GROUP_CHARACTERS)
    if len(sized) < 2:
        return None
    parts = tuple(part for part, _ in sized)
    ids = tuple(tuple(section.get("id") for section in
                      lxml.html.document_fromstring(part).body.iter("section")
                      if section.get("id")) for part in parts)
    linking = [index for index, part in enumerate(parts) if _INTERNAL_LINK.search(part)]
    if len(linking) > 1:
        return None
    titles = lxml.html.document_fromstring(parts[0]).find_class("cover-title")
    return GroupedBooklet(parts, ids, rule, tuple(size for _, size in sized),
                          linking[0] if linking else 0,
                          lxml.html.tostring(titles[0], encoding="unicode", with_tail=False)
                          if titles else "")


def predicted_pages(booklet: GroupedBooklet, measured: Mapping[str, int],
                    measured_extents: Mapping[int, LessonExtent],
                    decided: Mapping[int, LessonExtent], run_on: frozenset[int]
                    ) -> tuple[list[int], dict[str, int]]:
    """Each group's first page number, and each section's, predicted from the measure
    without decisions (``measured``: the page index where each section started;
    ``measured_extents``: the lessons' extents) and the lessons' page counts with the
    decisions (``decided``; ``run_on`` holds the lessons, and as 0 the closing, that
    start on the page where the one before ends): a section starts where it started,
    less the pages the lessons before it saved, less one if it now runs on. A section
    the measure did not show is predicted on the page after the measured booklet (and
    its group laid out again if it starts elsewhere)."""
    saved_before: dict[str, int] = {}
    saved = 0
    for number in sorted(measured_extents):
        saved_before[lesson_id(number)] = saved
        was = measured_extents[number].pages
        now = decided.get(number, measured_extents[number]).pages - (number in run_on)
        saved += was - now
    after_all = max(measured.values(), default=0) + 1
    pages: dict[str, int] = {}
    for ids in booklet.ids:
        for section in ids:
            if section not in measured:
                pages[section] = after_all + 1
                continue
            lesson = _lesson_number(section)
            moved_on = (lesson if lesson is not None else
                        0 if section == "closing" else None) in run_on
            before = saved_before.get(section, saved if section == "closing" else 0)
            pages[section] = measured[section] + 1 - before - moved_on
    firsts = [1, *(pages[ids[0]] for ids in booklet.ids[1:])]
    return firsts, pages


def _lesson_number(section_id: str) -> int | None:
    found = re.fullmatch(r"lesson-(\d+)", section_id)
    return int(found.group(1)) if found else None


def group_html(booklet: GroupedBooklet, index: int, first_page: int,
               pages_of: Mapping[str, int]) -> str:
    """Group ``index`` as laid out from page ``first_page``; the one with the contents
    with ``pages_of`` (the first page of each section in other groups) written in."""
    document = lxml.html.document_fromstring(booklet.parts[index])
    css = []
    if index == booklet.contents:
        css.extend(_contents_numbers(document, booklet, pages_of))
    if index > 0:
        if booklet.cover_title:
            # floated, so that the section's first margin still collapses
            # through its top as in the whole booklet (the section's destination stays)
            hidden = lxml.html.Element("div", style="float: left; width: 0; height: 0; "
                                       "overflow: hidden; visibility: hidden",
                                       **{"aria-hidden": "true"})
            hidden.append(lxml.html.fragment_fromstring(booklet.cover_title))
            document.body[0].insert(0, hidden)
        css.append(f"@page :first {{ counter-reset: page {first_page} }}")
        if first_page % 2 == 0:
            css.append("html { break-before: left }")
    style = lxml.html.Element("style")
    style.text = "\n".join(css)
    document.head.append(style)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


def _contents_numbers(document, booklet: GroupedBooklet, pages_of: Mapping[str, int]
                      ) -> list[str]:
    """The contents' page numbers as written text, and stand-in anchors for the links
    to sections of other groups (hidden at the top of the contents)."""
    here = set(booklet.ids[booklet.contents])
    before, after = booklet.contents_rule
    rules = []
    stand_ins = lxml.html.Element("div", style="position: absolute; width: 0; height: 0; "
                                  "overflow: hidden", **{"aria-hidden": "true"})
    for link in document.iter("a"):
        target = (link.get("href") or "").removeprefix("#")
        if not (link.get("href") or "").startswith("#") or target not in pages_of:
            continue
        rules.append(f'a[href="#{target}"]::after {{ content: {before} "{pages_of[target]}" '
                     f"{after} !important }}")
        if target not in here:
            stand_ins.append(lxml.html.Element("span", id=target))
    if len(stand_ins):
        contents = document.get_element_by_id("contents", None)
        (contents if contents is not None else document.body[0]).insert(0, stand_ins)
    return rules


def stand_in_ids(booklet: GroupedBooklet) -> set[str]:
    """The sections the contents link to in other groups (it holds stand-ins for them)."""
    elsewhere = {section for ids in booklet.ids for section in ids} - set(
        booklet.ids[booklet.contents])
    linked = re.findall(r'<a [^>]*href="#([^"]+)"', booklet.parts[booklet.contents])
    return elsewhere & set(linked)


@dataclass(frozen=True)
class LaidOutGroup:
    """One group laid out and written: its pages, its PDF, the page index (in the
    group) where each section starts, its lessons' extents (indexes in the group) and
    what WeasyPrint warned about."""

    pages: int
    pdf: bytes
    starts: dict[str, int]
    extents: dict[int, LessonExtent]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class GroupOrder:
    """What a process needs to lay out a group: its HTML, its first page number, and
    whether it is the last group (which keeps only the spare pages the page count
    needs)."""

    html: str
    first_page: int
    last: bool


#: At most this many groups, of at least some this many characters (a dozen pages): each
#: is a layout and a PDF of its own, with its own start-up (some 0.1 s) and fonts to
#: merge, so a short booklet is cut into fewer, and no more than 8 cores can be used.
MOST_GROUPS = 8
GROUP_CHARACTERS = 12_000

#: How many times the groups are laid out again where they turned out to start.
ROUNDS = 3


class GroupsMoved(Exception):
    """The groups did not settle on their first pages within ``ROUNDS``."""


def laid_out_in_groups(booklet: GroupedBooklet, predicted: tuple[list[int], dict[str, int]],
                       lay_out: Callable[[list[GroupOrder], list[int]], list[LaidOutGroup]]
                       ) -> tuple[list[LaidOutGroup], list[int]]:
    """Every group laid out where it starts, and the first pages: all of them from
    their predicted first pages, the contents with the predicted page numbers
    (``lay_out(orders, sizes)`` shares them over the cores); then again each group that
    starts elsewhere, and the contents' group if a number in it is wrong."""
    count = len(booklet.parts)
    done: dict[int, LaidOutGroup] = {}
    used: dict[int, int] = {}  # group → the first page it was laid out from
    firsts, predicted_pages = predicted
    elsewhere = stand_in_ids(booklet)
    numbers = {section: page for section, page in predicted_pages.items()
               if section in elsewhere}  # the numbers the contents' group has
    todo = list(range(count))
    for _ in range(ROUNDS):
        orders = [GroupOrder(group_html(booklet, index, firsts[index], numbers),
                             firsts[index], index == count - 1) for index in todo]
        done.update(zip(todo, lay_out(orders, [booklet.sizes[index] for index in todo]),
                        strict=True))
        used.update((index, firsts[index]) for index in todo)
        firsts = [1]
        for index in range(1, count):
            firsts.append(firsts[-1] + done[index - 1].pages)
        todo = [index for index in range(1, count) if used[index] != firsts[index]]
        pages_of = {section: firsts[index] + start for index in range(count)
                    if index != booklet.contents
                    for section, start in done[index].starts.items() if section in elsewhere}
        if pages_of != numbers:
            numbers = pages_of
            todo = sorted({*todo, booklet.contents})
        if not todo:
            return [done[index] for index in range(count)], firsts
    raise GroupsMoved


def laid_out_whole_lessons(booklet: GroupedBooklet,
                           predict: Callable[[GroupedBooklet], tuple[list[int], dict[str, int]]],
                           lay_out: Callable[[list[GroupOrder], list[int]], list[LaidOutGroup]]
                           ) -> tuple[GroupedBooklet, list[LaidOutGroup], list[int]]:
    """``laid_out_in_groups``, with each group's last lesson ending on its last page. A
    footnote called at the foot of a lesson's last page can find no room there: laid out
    whole, WeasyPrint puts it at the foot of the next lesson's first page; at the end of
    a group it gets a page of its own. Such a group is joined with the next and laid out
    again (``predict(booklet)`` gives the first pages again); a group already laid out
    from the same HTML and first page is not laid out again."""
    done: dict[GroupOrder, LaidOutGroup] = {}

    def once(orders: list[GroupOrder], sizes: list[int]) -> list[LaidOutGroup]:
        todo = [index for index, order in enumerate(orders) if order not in done]
        made = lay_out([orders[index] for index in todo], [sizes[index] for index in todo])
        done.update(zip((orders[index] for index in todo), made, strict=True))
        return [done[order] for order in orders]

    while True:
        laid, firsts = laid_out_in_groups(booklet, predict(booklet), once)
        spilling = next((index for index, group in enumerate(laid[:-1])
                         if _spills(booklet.ids[index][-1], group)), None)
        if spilling is None:
            return booklet, laid, firsts
        if len(booklet.parts) < 3:
            raise GroupsMoved
        booklet = _with_the_next(booklet, spilling)


def _spills(last_section: str, group: LaidOutGroup) -> bool:
    """Whether a page follows the one where the group's last lesson ends."""
    number = _lesson_number(last_section)
    return number in group.extents and group.extents[number].last < group.pages - 1


def _with_the_next(booklet: GroupedBooklet, index: int) -> GroupedBooklet:
    """``booklet`` with group ``index`` and the one after it made one group."""
    first = lxml.html.document_fromstring(booklet.parts[index])
    first.body.extend(lxml.html.document_fromstring(booklet.parts[index + 1]).body)
    part = lxml.html.tostring(first, encoding="unicode", doctype="<!DOCTYPE html>")
    contents = booklet.contents - (booklet.contents > index)
    return GroupedBooklet(
        (*booklet.parts[:index], part, *booklet.parts[index + 2:]),
        (*booklet.ids[:index], booklet.ids[index] + booklet.ids[index + 1],
         *booklet.ids[index + 2:]),
        booklet.contents_rule,
        (*booklet.sizes[:index], booklet.sizes[index] + booklet.sizes[index + 1],
         *booklet.sizes[index + 2:]),
        contents, booklet.cover_title)
