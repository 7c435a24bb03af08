"""Copyfitting's layouts in parts, on every core: where a trial is cut, that the parts run
in other processes and come back in order, that a lesson in a trial numbers its footnotes
as the booklet does (so it lays out the same in any part), that the booklet is the same,
byte for byte, on one core and on every core, and that a booklet measured in parts first
is the one laid out whole first."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os

import pytest

from tweeluik.booklet import render, trial_parts
from tweeluik.booklet.copyfit import trial_html
from tweeluik.booklet.view import NO_FITTING
from tweeluik.booklet.weasyprint_internals import page_box
from tweeluik.parse import parse_publication
from tweeluik.session import WriterSession
from tweeluik.theme import load_theme
from tweeluik.workers import can_fork, usable_cores

from .conftest import LAYOUTS

THEME = load_theme(LAYOUTS)
CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def section(number: int, words: int, run_on: bool = False) -> str:
    kind = "lesson run-on" if run_on else "lesson"
    return (f'<section class="{kind}" id="lesson-{number}"><p>{"woord " * words}</p>'
            f'</section>')


def ids_in(part: str) -> list[str]:
    import lxml.html
    return [element.get("id") for element in lxml.html.document_fromstring(part).body]


def test_a_trial_is_cut_at_page_starts_into_parts_of_about_equal_length(monkeypatch):
    monkeypatch.setattr(trial_parts, "PART_CHARACTERS", 1200)  # two sections' worth
    html = ("<!DOCTYPE html><html><head><style>p {}</style></head><body>"
            + section(1, 100) + section(2, 100) + section(3, 100, run_on=True)
            + section(4, 100) + section(5, 100) + section(6, 100) + "</body></html>")
    parts = [ids_in(part) for part in trial_parts.parts_of(html)]
    assert len(parts) == 3  # 3,600 characters
    assert [name for part in parts for name in part] == [f"lesson-{n}" for n in range(1, 7)]
    assert all(part[0] != "lesson-3" for part in parts)  # it runs on: it stays with 2
    # about equal: none longer than its share (1,200) and one lesson or chain (1,200)
    assert max(600 * len(part) for part in parts) <= 2400
    assert all("<style>p {}</style>" in part for part in trial_parts.parts_of(html))
    monkeypatch.setattr(trial_parts, "PART_CHARACTERS", 10_000)
    assert trial_parts.parts_of(html) == [html]  # a short trial stays whole
    monkeypatch.setattr(trial_parts, "PART_CHARACTERS", 1)
    monkeypatch.setattr(trial_parts, "MOST_PARTS", 2)
    assert [ids_in(part) for part in trial_parts.parts_of(html)] == [
        ["lesson-1", "lesson-2", "lesson-3"], ["lesson-4", "lesson-5", "lesson-6"]]


def where_measured(part: str) -> tuple[str, int]:
    return part, os.getpid()


@pytest.mark.skipif(not can_fork(),
                    reason="needs two cores and fork")
def test_parts_are_measured_on_every_core_and_come_back_in_order():
    parts = [f"part {index}" for index in range(5)]
    measured = trial_parts.measure_in_parts(parts, where_measured)
    assert [part for part, _ in measured] == parts
    assert len({pid for _, pid in measured}) == min(5, usable_cores())
    assert {pid for _, pid in trial_parts.measure_in_parts(parts, where_measured,
                                                           parallel=False)} == {os.getpid()}


def dying_in_a_worker(part: str, parent: int) -> tuple[str, int]:
    if os.getpid() != parent:
        os._exit(9)  # as the kernel ends a process out of memory, without a word
    return part, os.getpid()


@pytest.mark.skipif(not can_fork(), reason="needs two cores and fork")
def test_the_parts_of_a_worker_that_dies_are_measured_here():
    import functools
    parts = ["a", "b", "c", "d"]
    measured = trial_parts.measure_in_parts(
        parts, functools.partial(dying_in_a_worker, parent=os.getpid()))
    assert measured == [(part, os.getpid()) for part in parts]


def failing(part: str) -> str:
    raise ValueError(f"cannot measure {part}")


def test_a_part_that_fails_in_another_process_fails_the_trial_here():
    with pytest.raises(ValueError, match="cannot measure"):
        trial_parts.measure_in_parts(["a", "b", "c"], failing)


def footnote_numbers(document) -> list[str]:
    """The numbers in front of the footnotes at the foot of each page, in order."""
    found: list[str] = []

    def walk(box) -> None:
        if (getattr(box, "element_tag", "") or "").endswith("::footnote-marker"):
            found.append("".join(text_of(box)).strip())
            return
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.pages:
        walk(page_box(page))
    return found


def text_of(box) -> list[str]:
    return [box.text] if getattr(box, "text", None) else [
        text for child in getattr(box, "children", ()) for text in text_of(child)]


def test_a_lesson_in_a_trial_numbers_its_footnotes_as_in_the_booklet(tmp_path):
    """Lesson 2 comes after eleven web addresses, each a footnote: in a trial it still
    numbers its own 12 and 13, so a lesson lays out the same whatever stands before it
    (a wider number takes room in its line)."""
    links = " ".join(f"Zie [verslag {n}](https://example.nl/verslag/{n})." for n in range(11))
    source = tmp_path / "brief.md"
    source.write_text("---\ntitle: Voetnoten\n---\n\nBeste leden,\n\n"
                      f"## 1. Eerste les\n\n{links}\n\n"
                      "## 2. Tweede les\n\nLees [dit](https://example.nl/a) en "
                      "[dat](https://example.nl/b).\n", encoding="utf-8")
    publication = parse_publication(source)
    booklet = render._Booklet(publication, THEME, LAYOUTS, tmp_path, CREATED, WriterSession())
    html = booklet.html_for(NO_FITTING)
    whole, _ = booklet.lay_out(html)
    assert footnote_numbers(whole) == [str(n) for n in range(1, 14)]
    trial, _ = booklet.lay_out(trial_html({3: html}, [2]))
    assert footnote_numbers(trial) == ["12", "13"]


def generated(lessons: int) -> str:
    spec = importlib.util.spec_from_file_location("generate", LAYOUTS.parent / "bench" /
                                                  "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    return generate.publication(lessons)


def test_the_booklet_is_the_same_on_one_core_on_every_core_and_with_whole_trials(
        tmp_path, monkeypatch):
    """Twelve lessons that copyfitting fits and runs on: its trials cut into parts (each
    lesson or chain a part) and laid out on every core, then one after the other in this
    process, make the same booklet byte for byte; trials laid out whole make the same
    decisions."""
    source = tmp_path / "twaalf.md"
    source.write_text(generated(12), encoding="utf-8")
    publication = parse_publication(source)
    cuts: list[int] = []
    parts_of = trial_parts.parts_of
    monkeypatch.setattr(render.fit_rounds, "parts_of",
                        lambda html: cuts.append(len(parts := parts_of(html))) or parts)
    monkeypatch.setattr(trial_parts, "PART_CHARACTERS", 1)

    def rendered(parallel: bool):
        return render.render_booklet(publication, THEME, LAYOUTS, tmp_path, CREATED,
                                     WriterSession(), parallel)

    on_every_core = rendered(True)
    assert cuts and max(cuts) >= 3  # the trials were laid out in parts
    on_one = rendered(False)
    assert on_every_core.pdf == on_one.pdf
    assert on_every_core.notes == on_one.notes and on_every_core.notes
    monkeypatch.setattr(trial_parts, "PART_CHARACTERS", 10**9)
    cuts.clear()
    whole = render.layout_booklet(publication, THEME, LAYOUTS, tmp_path, CREATED)
    assert set(cuts) == {1}
    assert whole.notes == on_one.notes
    assert len(whole.document.pages) == on_one.page_count


def test_a_booklet_measured_in_parts_first_is_the_one_laid_out_whole_first(tmp_path,
                                                                         monkeypatch):
    """Twelve lessons, lesson 2 with eleven footnotes and lesson 11 with footnotes of its
    own: measured in parts (the booklet cut at the pages its sections start on) or laid
    out whole, the first look shows the same extents, so the decisions and the booklet's
    bytes are the same."""
    from tweeluik.booklet import fit_rounds

    links = " ".join(f"Zie [verslag {n}](https://example.nl/verslag/{n})." for n in range(11))
    text = generated(12).replace("## 3.", f"{links}\n\n## 3.", 1).replace(
        "## 12.", f"{links} {links}\n\n## 12.", 1)
    source = tmp_path / "twaalf.md"
    source.write_text(text, encoding="utf-8")
    publication = parse_publication(source)
    assert fit_rounds.measured_in_parts(publication, THEME)
    looks: list[fit_rounds.FirstLook] = []
    decisions = fit_rounds.Decisions.__init__

    def keep_the_look(self, publication, theme, made, before):
        looks.append(made.first)
        decisions(self, publication, theme, made, before)

    monkeypatch.setattr(fit_rounds.Decisions, "__init__", keep_the_look)

    def rendered():
        return render.render_booklet(publication, THEME, LAYOUTS, tmp_path, CREATED,
                                     WriterSession())

    measured = rendered()
    monkeypatch.setattr(fit_rounds, "MEASURED_IN_PARTS", range(0))
    whole = rendered()
    assert looks[0] == looks[1]
    assert looks[0].extents and looks[0].introduction is not None
    assert measured.pdf == whole.pdf and measured.notes == whole.notes


def test_parts_of_known_sizes_go_to_the_core_with_the_least_so_far():
    """A contents of many entries costs as much to lay out as several parts of running
    text: it gets a core of its own, and the others share the rest; without sizes the
    parts go by turns, as before."""
    assert trial_parts._shares([50, 10, 10, 10, 10, 10], 2) == [[0], [1, 2, 3, 4, 5]]
    assert trial_parts._shares([1] * 5, 2) == [[0, 2, 4], [1, 3]]
    html = ('<html><body><section id="contents"><ul class="toc">'
            + '<li><a href="#lesson-1">Les</a></li>' * 10 + "</ul></section>"
            + section(1, 100) + "</body></html>")
    sizes = [size for _, size in trial_parts.sized_parts_of(html)]
    assert sizes == [len("Les") * 10 + 10 * trial_parts.CONTENTS_ENTRY + 600]
