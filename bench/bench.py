"""Benchmark tweeluik against WeasyPrint's own cost and against Pandoc, in one run.

    .venv/bin/python bench/bench.py              # 5 runs of everything (a few minutes)
    .venv/bin/python bench/bench.py --runs 3 --sizes 100

Every figure is the median of the runs, each run a fresh process (except the warm
rebuild, which edits one word in one lesson while `build.py --watch` runs). Ratios
compare numbers measured side by side in this same run, so the machine's speed cancels
out. Peak memory is the largest resident set of the build process.

Rows:
  floor        a fresh Python that imports WeasyPrint and renders our booklet HTML once;
               "floor, tagged" does the same with pdf_tags=True, as the booklet must
  copyfit off  the cold build with [copyfit] below = 0 in a copy of layouts/
  variants     the print-shop and office files made from the same PDF in this process,
               with pikepdf (what tweeluik uses) and with pypdf (bench/pypdf_variants.py)
  cold         `build.py` into an empty folder: booklet, both print variants and deck
  no-op        `build.py` again with nothing changed
  warm         watch mode: one word changed in one lesson, until the booklet and the
               slides are written (the print files follow), and until all four are
  studio       `build.py studio` in Chromium: a one-word edit typed into a lesson, until
               the changed booklet page is shown, and until every slide is drawn again
  pandoc pair  `pandoc -t pptx` plus `pandoc --pdf-engine=weasyprint` on the same file
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import at_the_limits, publication  # noqa: E402
from studio_edits import studio_edits  # noqa: E402

PYTHON = sys.executable
# Pandoc's PDF engine: the weasyprint command of this same environment.
WEASYPRINT = shutil.which("weasyprint") or str(Path(sys.executable).parent / "weasyprint")
SAMPLE = ROOT / "content" / "jaarbrief-2026.md"


CPU: dict[str, list[float]] = {}  # row label → CPU seconds of each run


def timed(command: list[str], cwd: Path, env: dict | None = None,
          label: str | None = None) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one process (its CPU time, user and
    system, including the workers it waited for, is kept under ``label``)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    if label:
        CPU.setdefault(label, []).append(usage.ru_utime + usage.ru_stime)
    return seconds, usage.ru_maxrss // 1024


def median_of(runs: int, measure) -> tuple[float, list[float], int]:
    values, memory = [], 0
    for _ in range(runs):
        seconds, peak = measure()
        values.append(seconds)
        memory = max(memory, peak)
    return statistics.median(values), values, memory


def floor_html(source: Path, folder: Path) -> Path:
    """Our booklet's HTML for ``source``, as the booklet writer makes it."""
    from tweeluik.booklet.html import find_layout, publication_to_html
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme
    layouts = ROOT / "layouts"
    pub = parse_publication(source)
    html = publication_to_html(pub, load_theme(layouts), find_layout(pub, layouts), layouts,
                               dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                               image_url=lambda image: image.path.as_uri(), standalone=True)
    # WeasyPrint alone has no fetcher of ours: give it the real addresses of the fonts.
    html = html.replace("file:///tweeluik/layouts/", layouts.resolve().as_uri() + "/")
    path = folder / f"{source.stem}.html"
    path.write_text(html, encoding="utf-8")
    return path


def warm_rebuilds(source: Path, out: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from saving a one-word edit until watch mode has written the booklet and
    the deck (the files the author looks at), and until it has written all four."""
    process = subprocess.Popen([PYTHON, str(ROOT / "build.py"), str(source), "--out", str(out),
                                "--watch"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, cwd=ROOT)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def wait_for(words: str) -> str:
        while True:
            line = lines.get(timeout=600)
            if words in line:
                return line

    try:
        wait_for("watching")
        text = source.read_text(encoding="utf-8")
        word = re.search(r"^## .*\n\n(?:> .*\n\n)?(\w+)", text, re.MULTILINE).group(1)
        first, seconds = [], []
        for run in range(runs):
            edited = text.replace(f"\n\n{word}", f"\n\n{word}{'x' * (run + 1)}", 1)
            started = time.perf_counter()
            source.write_text(edited, encoding="utf-8")
            wait_for("updated")
            first.append(time.perf_counter() - started)
            wait_for("rebuilt")
            seconds.append(time.perf_counter() - started)
            time.sleep(0.3)
        source.write_text(text, encoding="utf-8")
        return first, seconds
    finally:
        process.terminate()
        process.wait(timeout=30)


def pandoc_pair(source: Path, out: Path) -> tuple[float, int]:
    pptx, first_peak = timed(["pandoc", str(source), "-t", "pptx", "-o", str(out / "p.pptx")],
                             source.parent)
    pdf, second_peak = timed(["pandoc", str(source), f"--pdf-engine={WEASYPRINT}", "-o",
                              str(out / "p.pdf")], source.parent)
    return pptx + pdf, max(first_peak, second_peak)


def built_pdf(source: Path, work: Path) -> bytes:
    out = work / f"variants-{source.stem}"
    if not (out / f"{source.stem}.pdf").exists():
        timed([PYTHON, str(ROOT / "build.py"), str(source), "--out", str(out), "-q",
               "--only", "booklet"], ROOT)
    return (out / f"{source.stem}.pdf").read_bytes()


def variant_rows(name: str, pdf: bytes, runs: int) -> list[tuple]:
    """The two print variants from one PDF in this process, with each library."""
    import pypdf_variants

    from tweeluik.booklet import variants
    greys = {"#1E2A32": 1.0, "#5E6A71": 0.59}
    rows = []
    for label, module in (("variants, pikepdf", variants), ("variants, pypdf", pypdf_variants)):
        def once(module=module) -> tuple[float, int]:
            started = time.perf_counter()
            module.add_bleed_and_crop_marks(pdf, greys)
            module.impose_booklet(pdf)
            return time.perf_counter() - started, 0
        median, values, _ = median_of(runs, once)
        rows.append((label, name, median, values, 0, "print-shop + office file, in process"))
    return rows


def many_rows(work: Path, count: int, runs: int, fresh_out) -> list[tuple]:
    """``count`` copies of the sample built by one command: on every core, and one after
    the other in one process (``TWEELUIK_SERIAL=1``)."""
    folder = work / "many"
    folder.mkdir()
    shutil.copytree(ROOT / "content" / "images", folder / "images")
    sources = []
    for number in range(1, count + 1):
        sources.append(folder / f"brief-{number:02d}.md")
        shutil.copyfile(SAMPLE, sources[-1])
    command = [PYTHON, str(ROOT / "build.py"), *map(str, sources), "-q"]
    serial, serial_runs, serial_peak = median_of(runs, lambda: timed(
        [*command, "--out", str(fresh_out())], ROOT, env={"TWEELUIK_SERIAL": "1"}))
    at_once, at_once_runs, at_once_peak = median_of(runs, lambda: timed(
        [*command, "--out", str(fresh_out())], ROOT))
    label = f"{count} × sample"
    return [("one after the other", label, serial, serial_runs, serial_peak, ""),
            ("on every core", label, at_once, at_once_runs, at_once_peak,
             f"{at_once / serial:.2f} × one after the other (target ≤ 0.6)")]


def limit_rows(work: Path, runs: int, fresh_out) -> list[tuple]:
    """A cold full build of each source at the README's limits (bench/generate.py)."""
    from tweeluik.source import MAX_SOURCE_BYTES
    from tweeluik.text_limits import MAX_LESSONS, MAX_LINKS, MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
    folder = work / "limits"
    folder.mkdir()
    bodies = at_the_limits(folder, MAX_LESSONS, MAX_PARAGRAPHS, MAX_LINKS, MAX_PARAGRAPH_CHARS,
                           MAX_SOURCE_BYTES)
    rows = []
    for name, body in bodies.items():
        source = folder / f"{name}.md"
        source.write_text("---\ntitle: Aan de grens\n---\n" + body, encoding="utf-8")
        median, values, peak = median_of(runs, lambda source=source: timed(
            [PYTHON, str(ROOT / "build.py"), str(source), "--out", str(fresh_out()), "-q"], ROOT))
        rows.append(("at the limits", name[:12], median, values, peak,
                     f"{name}; target ≤ 60 s"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--sizes", default="100,200",
                        help="lesson counts of the generated publications (default 100,200)")
    parser.add_argument("--many", type=int, default=0, metavar="N",
                        help="also build N copies of the sample in one command, on every "
                             "core and one after the other (target ≤ 0.6 × for 12)")
    parser.add_argument("--limits", action="store_true",
                        help="also build each source at the README's limits (target ≤ 60 s "
                             "each; about 3 minutes a run)")
    args = parser.parse_args()
    runs = max(1, args.runs)
    have_pandoc = shutil.which("pandoc") is not None and Path(WEASYPRINT).is_file()

    work = Path(tempfile.mkdtemp(prefix="tweeluik-bench-"))
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    sources = {"sample": content / SAMPLE.name}
    for size in [int(s) for s in args.sizes.split(",") if s]:
        path = content / f"generated-{size}.md"
        path.write_text(publication(size), encoding="utf-8")
        sources[f"{size} lessons"] = path

    rows = []
    counter = iter(range(10_000))

    def fresh_out() -> Path:
        return work / f"out-{next(counter)}"

    html = floor_html(sources["sample"], work)
    floor, floor_runs, floor_peak = median_of(runs, lambda: timed(
        [PYTHON, "-c", "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1])"
         ".write_pdf(sys.argv[2])", str(html), str(work / "floor.pdf")], ROOT))
    rows.append(("floor (WeasyPrint alone)", "sample", floor, floor_runs, floor_peak, ""))
    tagged, tagged_runs, tagged_peak = median_of(runs, lambda: timed(
        [PYTHON, "-c", "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1])"
         ".write_pdf(sys.argv[2], pdf_tags=True)", str(html), str(work / "floor.pdf")], ROOT))
    rows.append(("floor, tagged", "sample", tagged, tagged_runs, tagged_peak, ""))
    untuned = work / "no-copyfit"  # a project whose theme turns copyfitting off
    shutil.copytree(ROOT / "layouts", untuned / "layouts")
    theme = untuned / "layouts" / "theme.toml"
    theme.write_text(theme.read_text(encoding="utf-8").replace("below = 0.33", "below = 0"),
                     encoding="utf-8")

    pandoc = {}
    for name, source in sources.items():
        cold, cold_runs, peak = median_of(runs, lambda source=source, name=name: timed(
            [PYTHON, str(ROOT / "build.py"), str(source), "--out", str(fresh_out()), "-q"], ROOT,
            label=f"cold {name}"))
        serial, serial_runs, serial_peak = median_of(runs, lambda source=source, name=name: timed(
            [PYTHON, str(ROOT / "build.py"), str(source), "--out", str(fresh_out()), "-q"], ROOT,
            env={"TWEELUIK_SERIAL": "1"}, label=f"serial {name}"))
        if have_pandoc:
            pandoc[name], pandoc_runs, pandoc_peak = median_of(
                runs, lambda source=source: pandoc_pair(source, work))
            rows.append(("pandoc pair", name, pandoc[name], pandoc_runs, pandoc_peak, ""))
        notes = []
        if name == "sample":
            notes.append(f"{cold / floor:.2f} × floor (target ≤ 1.2), "
                         f"{cold / tagged:.2f} × tagged floor")
        if name in pandoc:
            notes.append(f"{cold / pandoc[name]:.2f} × pandoc pair")
        rows.append(("cold full build", name, cold, cold_runs, peak, "; ".join(notes)))
        rows.append(("serial build (no worker)", name, serial, serial_runs, serial_peak,
                     f"worker saves {serial - cold:+.2f} s; CPU "
                     f"{statistics.median(CPU[f'serial {name}']):.2f} s serial vs "
                     f"{statistics.median(CPU[f'cold {name}']):.2f} s with worker"))
        if name != "sample":
            page_html = floor_html(source, work)
            own, own_runs, own_peak = median_of(runs, lambda page_html=page_html: timed(
                [PYTHON, "-c", "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1])"
                 ".write_pdf(sys.argv[2], pdf_tags=True)", str(page_html),
                 str(work / "floor.pdf")], ROOT))
            rows.append(("floor, tagged", name, own, own_runs, own_peak,
                         f"{own / pandoc[name]:.2f} × pandoc pair: WeasyPrint alone, one "
                         "process" if name in pandoc else "WeasyPrint alone, one process"))
            plain, plain_runs, plain_peak = median_of(runs, lambda source=source: timed(
                [PYTHON, "-c", "import sys; from pathlib import Path; from tweeluik.cli import "
                 "main; sys.exit(main(sys.argv[2:], root=Path(sys.argv[1])))", str(untuned),
                 str(source), "--out", str(fresh_out()), "-q"], ROOT))
            rows.append(("cold, copyfit off", name, plain, plain_runs, plain_peak,
                         f"{plain / pandoc[name]:.2f} × pandoc pair" if name in pandoc else ""))
            at = next(i for i, r in enumerate(rows) if r[0] == "cold full build" and r[1] == name)
            rows[at] = (*rows[at][:5], rows[at][5] + f"; {cold / plain:.2f} × copyfit off "
                        f"(target ≤ 1.3), {cold / own:.2f} × tagged floor (target ≤ 0.9)")
        if name == "sample":
            built = fresh_out()
            timed([PYTHON, str(ROOT / "build.py"), str(source), "--out", str(built), "-q"], ROOT)
            noop, noop_runs, noop_peak = median_of(runs, lambda source=source, built=built: timed(
                [PYTHON, str(ROOT / "build.py"), str(source), "--out", str(built), "-q"], ROOT))
            rows.append(("no-op build", name, noop, noop_runs, noop_peak, "target ≤ 0.150 s"))
            first_runs, warm_runs = warm_rebuilds(source, fresh_out(), runs)
            first, warm = statistics.median(first_runs), statistics.median(warm_runs)
            note = (f"{first / pandoc[name]:.2f} × pandoc pair (target ≤ 0.5)"
                    if name in pandoc else "pandoc not installed")
            rows.append(("warm: booklet + slides", name, first, first_runs, 0, note))
            rows.append(("warm: all four files", name, warm, warm_runs, 0,
                         f"{warm / pandoc[name]:.2f} × pandoc pair" if name in pandoc else ""))
            edits = studio_edits(work, runs)
            if edits is not None:
                to_page, to_slides = edits
                rows.append(("studio: edit to page", name, statistics.median(to_page), to_page,
                             0, "in Chromium, from the keystroke (target ≤ 1 s)"))
                rows.append(("studio: edit to slides", name, statistics.median(to_slides),
                             to_slides, 0, "drawn by LibreOffice (target ≤ 3 s)"))
        if name == "200 lessons" and "100 lessons" in sources:
            hundred = next(r[2] for r in rows if r[0] == "cold full build" and r[1] == "100 lessons")
            at = next(i for i, r in enumerate(rows) if r[0] == "cold full build" and r[1] == name)
            rows[at] = (*rows[at][:5], rows[at][5] + f"; {cold / hundred:.2f} × 100 lessons "
                        "(target ≤ 2.1), ≤ 400 MB")
        rows.extend(variant_rows(name, built_pdf(source, work), runs))

    if args.many > 1:
        rows.extend(many_rows(work, args.many, runs, fresh_out))
    if args.limits:
        rows.extend(limit_rows(work, min(runs, 3), fresh_out))

    print(f"\ntweeluik benchmark: median of {runs} runs, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}{'' if have_pandoc else ', pandoc not installed'}\n")
    print(f"| {'what':<24} | {'publication':<12} | {'median':>8} | {'runs (s)':<34} | {'peak MB':>7} | notes")
    print(f"|{'-' * 26}|{'-' * 14}|{'-' * 10}|{'-' * 36}|{'-' * 9}|------")
    for what, name, median, values, peak, note in rows:
        spread = ", ".join(f"{v:.2f}" for v in values)
        print(f"| {what:<24} | {name:<12} | {median:7.3f}s | {spread:<34} | "
              f"{peak if peak else '':>7} | {note}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
