"""A long booklet's final layout in groups of lessons on every core, joined into one PDF:
the same pages, text, structure tree, bookmarks and links as the booklet laid out whole,
both PDF/UA checkers passing, one copy of each font, the same bytes on any number of
cores; groups laid out again where they turn out to start; the contents' numbers
written from the layout's own rule."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from tweeluik.booklet import groups, render
from tweeluik.booklet.copyfit import LessonExtent
from tweeluik.parse import parse_publication
from tweeluik.session import WriterSession
from tweeluik.theme import load_theme

from .conftest import LAYOUTS, need_tool
from .test_structure import assert_both_checkers_pass

THEME = load_theme(LAYOUTS)
CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
#: Words whose accented letters the fonts build from parts (composite glyphs), spread
#: over lessons in different groups, so each group's font subsets hold different ones.
ACCENTED = ["Één café", "geëerd, ruïne", "naïef coördinator", "reünie in België",
            "Curaçao én Noorwegen"]


def generated(lessons: int) -> str:
    spec = importlib.util.spec_from_file_location("generate", LAYOUTS.parent / "bench" /
                                                  "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    text = generate.publication(lessons)
    for index, words in enumerate(ACCENTED):
        number = 1 + index * lessons // len(ACCENTED)
        text = text.replace(f"## {number}. ", f"## {number}. {words}: ", 1)
    def links(numbers):
        return " ".join(f"Zie [verslag {n}](https://example.nl/verslag/{n})." for n in numbers)
    # footnotes in two groups (each group numbers its notes from 1 until joined)
    return text.replace("## 7.", f"{links(range(4))}\n\n## 7.", 1).replace(
        "## 20.", f"{links(range(4, 8))}\n\n## 20.", 1)


@pytest.fixture(scope="module")
def booklets(tmp_path_factory) -> dict[str, Path]:
    """The same 24-lesson publication laid out in groups on every core, in groups on
    one core, and whole (at most one group)."""
    folder = tmp_path_factory.mktemp("groups")
    source = folder / "vierentwintig.md"
    source.write_text(generated(24), encoding="utf-8")
    publication = parse_publication(source)
    made: dict[str, Path] = {}
    cuts: list[int] = []
    grouped = groups.grouped

    def counted(html, rule):
        cut = grouped(html, rule)
        cuts.append(len(cut.parts) if cut else 1)
        return cut

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(groups, "grouped", counted)
        for name, parallel in (("grouped", True), ("one core", False)):
            rendered = render.render_booklet(publication, THEME, LAYOUTS, folder, CREATED,
                                             WriterSession(), parallel)
            made[name] = folder / f"{name}.pdf"
            made[name].write_bytes(rendered.pdf)
        assert cuts[0] == cuts[1] >= 3  # laid out in groups
        patch.setattr(groups, "MOST_GROUPS", 1)
        whole = render.render_booklet(publication, THEME, LAYOUTS, folder, CREATED,
                                      WriterSession(), True)
        assert cuts[-1] == 1
    made["whole"] = folder / "whole.pdf"
    made["whole"].write_bytes(whole.pdf)
    return made


def test_the_same_text_in_the_same_place_and_the_same_pixels_on_every_page(booklets,
                                                                            tmp_path):
    """Folios, running heads, the contents' page numbers, footnote numbers and every
    letter (accented ones built from parts too) as in the booklet laid out whole."""
    pdftotext, pdftoppm = need_tool("pdftotext"), need_tool("pdftoppm")
    texts = {}
    for name in ("grouped", "whole"):
        texts[name] = subprocess.run([pdftotext, "-bbox", str(booklets[name]), "-"],
                                     capture_output=True, text=True, check=True).stdout
        subprocess.run([pdftoppm, "-r", "40", "-gray", str(booklets[name]),
                        str(tmp_path / name)], check=True)
    assert "Één" in texts["whole"] and texts["grouped"] == texts["whole"]
    pages = sorted(tmp_path.glob("whole-*.pgm"))
    assert len(pages) >= 40
    for page in pages:
        grouped = tmp_path / page.name.replace("whole", "grouped")
        assert grouped.read_bytes() == page.read_bytes(), page.name


def _outline(pdf: pikepdf.Pdf, where) -> list[tuple]:
    items: list[tuple] = []
    with pdf.open_outline() as outline:
        def walk(children, depth):
            for item in children:
                items.append((depth, item.title, where(item.destination)))
                walk(item.children, depth + 1)
        walk(outline.root, 0)
    return items


def structure_links_and_bookmarks(path: Path) -> dict[str, list]:
    """What a reader's software finds in a booklet, with pages by their index: the
    structure elements in order (with how many pieces of marked content each holds),
    which element owns each piece of marked content and each link, every link with
    where it goes, and the bookmarks."""
    pdf = pikepdf.open(path)
    page_index = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    names = pdf.Root.Names.Dests.Names
    named = {str(names[index]): names[index + 1] for index in range(0, len(names), 2)}

    def where(destination):
        if isinstance(destination, pikepdf.String):
            destination = named[str(destination)]
        return page_index[destination[0].objgen], [round(float(v), 2) for v in destination[2:4]]

    elements: list[tuple] = []
    element_index: dict[tuple[int, int], int] = {}

    def walk(element, depth):
        if not isinstance(element, pikepdf.Dictionary) or element.get("/Type") in (
                "/MCR", "/OBJR"):
            return
        element_index[element.objgen] = len(elements)
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        elements.append((depth, str(element.S), str(element.get("/Alt", "")),
                         str(element.get("/ID", "")),
                         page_index.get(element.Pg.objgen) if "/Pg" in element else None,
                         sum(isinstance(kid, int) for kid in kids)))
        for kid in kids:
            walk(kid, depth + 1)

    walk(pdf.Root.StructTreeRoot.K[0], 0)
    numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(numbers[index]): numbers[index + 1] for index in range(0, len(numbers), 2)}
    owners: list[tuple] = []
    links: list[tuple] = []
    for index, page in enumerate(pdf.pages):
        owned = parents[int(page.obj.StructParents)]
        # the owner of each piece of marked content, in the page's order (a group's
        # first page numbers its pieces on past those of the cover title it carries
        # out of sight for the running heads, an artifact: the numbers are labels)
        owners.append((index, [element_index[owner.objgen] for owner in owned
                               if isinstance(owner, pikepdf.Dictionary)]))
        for annotation in page.obj.get("/Annots", []):
            owners.append((index, element_index[parents[int(annotation.StructParent)].objgen]))
            links.append((index, [round(float(v), 2) for v in annotation.Rect],
                           str(annotation.get("/Contents")),
                           where(annotation.Dest) if "/Dest" in annotation
                           else str(annotation.A.URI)))
    return {"elements": elements, "owners": owners, "links": links,
            "bookmarks": _outline(pdf, where)}


def test_the_same_structure_tree_links_and_bookmarks(booklets):
    grouped = structure_links_and_bookmarks(booklets["grouped"])
    whole = structure_links_and_bookmarks(booklets["whole"])
    assert len(whole["elements"]) > 300 and len(whole["bookmarks"]) >= 25
    # the contents link to lessons in the last groups
    assert max(link[3][0] for link in whole["links"] if isinstance(link[3], tuple)) > 40
    for kind in ("elements", "owners", "links", "bookmarks"):
        assert grouped[kind] == whole[kind], kind


def test_the_joined_booklet_passes_both_pdf_ua_checkers(booklets):
    assert_both_checkers_pass(booklets["grouped"])


def test_one_copy_of_each_font_and_no_bigger_file(booklets):
    """The groups' subsets of one font are one font in the joined file."""
    pdf = pikepdf.open(booklets["grouped"])
    fonts = {}
    for page in pdf.pages:
        for font in page.obj.Resources.Font.values():
            fonts.setdefault(str(font.BaseFont), set()).add(font.objgen)
    assert len(fonts) >= 4
    assert all(len(objects) == 1 for objects in fonts.values()), fonts
    assert booklets["grouped"].stat().st_size <= 1.03 * booklets["whole"].stat().st_size


def test_the_same_bytes_on_one_core_and_on_every_core(booklets):
    assert booklets["grouped"].read_bytes() == booklets["one core"].read_bytes()


# ---- groups settle where they start -----------------------------------------------------

def _cut(pages: list[int]) -> groups.GroupedBooklet:
    """A booklet of groups with ``pages`` pages, the contents in the first group linking
    to each other group's first section."""
    ids = [("cover", "contents"), *((f"lesson-{index}",) for index in range(1, len(pages)))]
    contents = "".join(f'<a href="#lesson-{index}">{index}</a>' for index in range(1, len(pages)))
    parts = [f'<html><head></head><body><section id="contents"><ul class="toc">{contents}'
             f"</ul></section></body></html>",
             *(f'<html><head></head><body><section id="lesson-{index}"></section></body></html>'
               for index in range(1, len(pages)))]
    return groups.GroupedBooklet(tuple(parts), tuple(ids), ("", ""), (1,) * len(pages), 0)


def _laid_out(pages: list[int], calls: list[list[int]]):
    def lay_out(orders, sizes):
        calls.append([order.first_page for order in orders])
        return [groups.LaidOutGroup(pages[_group_of(order)], b"", {_first_id(order): 0}, {}, ())
                for order in orders]
    return lay_out


def _group_of(order: groups.GroupOrder) -> int:
    return 0 if 'id="contents"' in order.html else int(
        order.html.split('id="lesson-')[1].split('"')[0])


def _first_id(order: groups.GroupOrder) -> str:
    return "contents" if 'id="contents"' in order.html else f"lesson-{_group_of(order)}"


def test_a_group_predicted_to_start_elsewhere_is_laid_out_again_where_it_starts():
    pages = [4, 6, 3, 5]
    cut = _cut(pages)
    calls: list[list[int]] = []
    right = {"lesson-1": 5, "lesson-2": 11, "lesson-3": 14}
    laid, firsts = groups.laid_out_in_groups(cut, ([1, 5, 11, 14], right),
                                             _laid_out(pages, calls))
    assert firsts == [1, 5, 11, 14] and calls == [[1, 5, 11, 14]]  # all right: one round
    calls.clear()
    wrong = {"lesson-1": 5, "lesson-2": 12, "lesson-3": 15}
    laid, firsts = groups.laid_out_in_groups(cut, ([1, 5, 12, 15], wrong),
                                             _laid_out(pages, calls))
    assert firsts == [1, 5, 11, 14]
    # the two groups again where they start, and the contents with the right numbers
    assert calls == [[1, 5, 12, 15], [1, 11, 14]]
    contents = groups.group_html(cut, 0, 1, right)
    assert 'a[href="#lesson-2"]::after { content:  "11"' in contents


def test_groups_that_never_settle_are_laid_out_whole():
    calls: list[list[int]] = []
    growing = iter(range(3, 100))

    def lay_out(orders, sizes):  # every layout a page longer than the one before
        calls.append([order.first_page for order in orders])
        return [groups.LaidOutGroup(next(growing), b"", {_first_id(order): 0}, {}, ())
                for order in orders]

    with pytest.raises(groups.GroupsMoved):
        groups.laid_out_in_groups(_cut([4, 6, 3]), ([1, 5, 11], {}), lay_out)
    assert len(calls) == groups.ROUNDS


def test_a_group_whose_last_lesson_spills_a_footnote_is_joined_with_the_next():
    """Laid out whole, a footnote with no room on its lesson's last page goes to the foot
    of the next lesson's first page; at the end of a group it would get a page of its
    own. Lesson 1 ends on the third of its group's four pages: its group and the next are
    laid out again as one."""
    cut = _cut([2, 4, 3, 5])
    laid_out: list[str] = []

    def lay_out(orders, sizes):
        made = []
        for order in orders:
            found = [int(n) for n in re.findall(r'<section id="lesson-(\d+)"', order.html)]
            laid_out.append("+".join(map(str, found)) or "contents")
            spilling = found == [1]
            pages = {(): 2, (1,): 4, (2,): 3, (3,): 5, (1, 2): 6}[tuple(found)]
            extents = {number: LessonExtent(number, 1, 0.5, 10, 0, pages - 1 - spilling)
                       for number in found}
            made.append(groups.LaidOutGroup(pages, b"", {f"lesson-{n}": 0 for n in found},
                                            extents, ()))
        return made

    def predict(booklet):  # right every time: no group is laid out again for its start
        pages = {("cover", "contents"): 2, ("lesson-1",): 4, ("lesson-2",): 3,
                 ("lesson-1", "lesson-2"): 6}
        firsts = [1]
        for ids in booklet.ids[:-1]:
            firsts.append(firsts[-1] + pages[ids])
        return firsts, {}

    joined, laid, firsts = groups.laid_out_whole_lessons(cut, predict, lay_out)
    assert joined.ids == (("cover", "contents"), ("lesson-1", "lesson-2"), ("lesson-3",))
    assert [group.pages for group in laid] == [2, 6, 5] and firsts == [1, 3, 9]
    # the contents again only for its numbers; lesson 3's group not at all
    # the joined group, lesson 3 where it now starts (the spilled page is gone), and the
    # contents with the new numbers; the contents' first layout is not made again
    assert laid_out == ["contents", "1", "2", "3", "contents", "1+2", "3", "contents"]


def test_a_section_is_predicted_where_it_started_less_the_pages_saved_before_it():
    cut = _cut([4, 6, 3, 5])
    measured = {"cover": 0, "contents": 1, "lesson-1": 4, "lesson-2": 11, "lesson-3": 15}
    extents = {1: LessonExtent(1, 7, 0.1, 2, 4, 10), 2: LessonExtent(2, 4, 0.9, 30, 11, 14),
               3: LessonExtent(3, 3, 0.5, 20, 15, 17)}
    decided = {1: LessonExtent(1, 6, 0.9, 30)}  # lesson 1 fitted onto a page less
    firsts, pages = groups.predicted_pages(cut, measured, extents, decided, frozenset({3}))
    # lesson 2 a page earlier; lesson 3 two: the page lesson 1 saved, and it runs on
    assert pages == {"cover": 1, "contents": 2, "lesson-1": 5, "lesson-2": 11,
                     "lesson-3": 14}
    assert firsts == [1, 5, 11, 14]


# ---- the contents' numbers -----------------------------------------------------------------

def test_the_contents_numbers_come_from_the_layouts_own_rule():
    assert groups.contents_rule(
        '.toc a::after { content: leader(dotted) " " target-counter(attr(href), page); }'
    ) == ('leader(dotted) " "', "")
    assert groups.contents_rule(
        'a::after { content: "p. " target-counter(attr(href), page) "."; }') == ('"p. "', '"."')
    assert groups.contents_rule(
        "a::after { color: red; content: target-counter(attr(href), page) }") == ("", "")
    assert groups.contents_rule("p { color: red; }") is None  # nothing to write into
    two = ('a::after { content: target-counter(attr(href), page); } '
           'b::after { content: "x" target-counter(attr(href), page); }')
    assert groups.contents_rule(two) is None  # which would it be?


def test_a_session_that_keeps_layouts_lays_out_whole(tmp_path, monkeypatch):
    """Watch mode keeps the last layout for its one-lesson previews, which need every
    page in one layout: its booklet (one the fixture above lays out in groups) is laid
    out whole, and kept."""
    source = tmp_path / "vierentwintig.md"
    source.write_text(generated(24), encoding="utf-8")
    publication = parse_publication(source)
    cuts: list[object] = []
    grouped = groups.grouped
    monkeypatch.setattr(groups, "grouped", lambda html, rule: cuts.append(1) or grouped(html,
                                                                                      rule))
    session = WriterSession(remember_layouts=True)
    render.render_booklet(publication, THEME, LAYOUTS, tmp_path, CREATED, session)
    assert cuts == [] and session.last_layout(source) is not None


def test_a_booklet_with_links_inside_it_outside_the_contents_is_laid_out_whole():
    """Only the contents' page numbers can be written in: a link from one lesson to
    another would count pages in another group, so such a booklet is not grouped."""
    def lesson(number: int, extra: str = "") -> str:
        return (f'<section class="lesson" id="lesson-{number}"><p>{extra}'
                f'{"woord " * 2500}</p></section>')

    contents = ('<section id="contents"><ul class="toc">'
                + "".join(f'<li><a href="#lesson-{n}">Les {n}</a></li>' for n in (1, 2, 3))
                + "</ul></section>")
    html = ("<!DOCTYPE html><html><head></head><body>" + contents + "{}</body></html>")
    plain = groups.grouped(html.format(lesson(1) + lesson(2) + lesson(3)), ("", ""))
    assert plain is not None and len(plain.parts) >= 2 and plain.contents == 0
    linked = lesson(1) + lesson(2, '<a href="#lesson-1">zie les 1</a> ') + lesson(3)
    assert groups.grouped(html.format(linked), ("", "")) is None
