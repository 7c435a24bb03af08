"""Incremental builds, the parallel deck worker and watch mode: behaviour, not timing."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tweeluik.builder import build_publication
from tweeluik.session import WriterSession
from tweeluik.watch import sources_to_rebuild
from tweeluik.workers import can_fork

from .conftest import LAYOUTS, ROOT, SAMPLE, run_build, write_source

pytestmark = pytest.mark.slow


BODY = "## Les\n\n> Kern.\n\nTekst.\n"


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with its own copy of layouts/, so a test may edit them."""
    (tmp_path / "content").mkdir()
    shutil.copytree(LAYOUTS, tmp_path / "layouts")
    write_source(tmp_path / "content", BODY)
    return tmp_path


def run_in_project(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the command for ``project`` and report which heavy libraries it imported."""
    code = ("import sys; from pathlib import Path; from tweeluik.cli import main; "
            f"status = main({list(args)!r}, root=Path({str(project)!r})); "
            "heavy = sorted({m.split('.')[0] for m in sys.modules} "
            "& {'weasyprint', 'pptx', 'markdown_it', 'pikepdf'}); "
            "print('IMPORTED', ','.join(heavy)); sys.exit(status)")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_cold_build_leaves_the_deck_and_the_print_files_to_its_workers(project):
    """The build's own process lays out the booklet; python-pptx and pikepdf are loaded
    by the workers beside it, on the other core, so their start-up is not on the way of
    the layout (bench: the cold build against WeasyPrint alone)."""
    result = run_in_project(project)
    assert result.returncode == 0, result.stderr
    assert "IMPORTED markdown_it,weasyprint\n" in result.stdout
    assert {path.name for path in (project / "output").iterdir()} >= {
        "pub.pdf", "pub.pptx", "pub-print-shop.pdf", "pub-a4-duplex.pdf"}


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_noop_build_writes_nothing_and_imports_no_writer(project):
    first = run_in_project(project)
    assert first.returncode == 0, first.stderr
    before = stamps(project / "output")
    second = run_in_project(project)
    assert second.returncode == 0
    assert "up to date: content/pub.md" in second.stdout
    assert "IMPORTED \n" in second.stdout  # not WeasyPrint, python-pptx, nor even the parser
    assert stamps(project / "output") == before


def test_only_the_output_whose_inputs_changed_is_rebuilt(project):
    assert run_in_project(project).returncode == 0
    out = project / "output"
    before = stamps(out)
    css = project / "layouts" / "booklet" / "booklet.css"
    css.write_text(css.read_text() + "\n/* a change */\n")
    result = run_in_project(project)
    assert result.returncode == 0
    after = stamps(out)
    assert after["pub.pptx"] == before["pub.pptx"]
    assert all(after[name] != before[name] for name in ("pub.pdf", "pub-print-shop.pdf", "pub-a4-duplex.pdf"))
    assert "IMPORTED markdown_it,weasyprint" in result.stdout  # no python-pptx

    before = stamps(out)
    template = project / "layouts" / "deck" / "default.pptx"
    template.write_bytes(template.read_bytes())  # same bytes, new time: still up to date
    assert "up to date" in run_in_project(project).stdout
    assert stamps(out) == before


@pytest.mark.slow
def test_an_edited_theme_rebuilds_every_output(project):
    """The theme's colours and sizes go into both panels: an edit to layouts/theme.toml
    makes every output out of date."""
    assert run_in_project(project).returncode == 0
    out = project / "output"
    before = stamps(out)
    theme = project / "layouts" / "theme.toml"
    theme.write_text(theme.read_text().replace('accent = "#B0472A"', 'accent = "#2A6FB0"'))
    result = run_in_project(project)
    assert result.returncode == 0, result.stderr
    assert "up to date" not in result.stdout
    after = stamps(out)
    assert all(after[name] != before[name] for name in before if not name.startswith(".")), \
        sorted(name for name in before if after[name] == before[name])


def test_source_edit_rebuilds_everything_and_deleted_output_comes_back(project):
    assert run_in_project(project).returncode == 0
    out = project / "output"
    before = stamps(out)
    source = project / "content" / "pub.md"
    source.write_text(source.read_text().replace("Tekst.", "Tekst, nu anders."))
    assert run_in_project(project).returncode == 0
    after = stamps(out)
    assert all(after[name] != before[name] for name in before if not name.startswith("."))
    (out / "pub-a4-duplex.pdf").unlink()
    result = run_in_project(project)
    assert (out / "pub-a4-duplex.pdf").is_file() and "a4-duplex" in result.stdout


def test_new_image_file_is_noticed(project):
    from PIL import Image
    images = project / "content" / "images"
    images.mkdir()
    Image.new("RGB", (40, 30), "white").save(images / "foto.png")
    source = project / "content" / "pub.md"
    source.write_text(source.read_text() + "\n![Een foto](images/foto.png)\n")
    assert run_in_project(project, "--only", "deck").returncode == 0
    Image.new("RGB", (40, 30), "black").save(images / "foto.png")
    result = run_in_project(project, "--only", "deck")
    assert "deck" in result.stdout and "up to date" not in result.stdout


def test_parallel_and_serial_builds_are_identical(tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    build_publication(SAMPLE, serial, LAYOUTS, parallel=False)
    build_publication(SAMPLE, parallel, LAYOUTS, parallel=True)
    for path in serial.iterdir():
        assert (parallel / path.name).read_bytes() == path.read_bytes(), path.name


def test_error_in_the_deck_worker_reaches_the_author(tmp_path):
    from tweeluik.errors import SourceError
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, BODY, "title: Proef\ndeck:\n  template: weg.pptx\n")
    with pytest.raises(SourceError) as caught:
        build_publication(source, tmp_path / "out", LAYOUTS, parallel=True)
    assert caught.value.line == 3 and "does not exist" in caught.value.message
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))


def test_sources_to_rebuild(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("x")
    b.write_text("x")
    image = tmp_path / "images" / "x.png"
    layouts = tmp_path / "layouts"
    assert sources_to_rebuild({a}, [a, b], layouts, None) == [a]
    assert sources_to_rebuild({image}, [a, b], layouts, None) == [a, b]
    assert sources_to_rebuild({layouts / "theme.toml"}, [a, b], layouts, None) == [a, b]
    c = tmp_path / "c.md"  # a new source in a watched content folder joins in
    c.write_text("x")
    assert sources_to_rebuild({c}, [a, b], layouts, tmp_path) == [c]


class Lines:
    """Lines a subprocess prints, waited for with a time limit."""

    def __init__(self, stream):
        self.queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()
        self.seen: list[str] = []

    def _pump(self, stream):
        for line in stream:
            self.queue.put(line.rstrip("\n"))

    def wait_for(self, words: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if words in line:
                return line
        raise AssertionError(f"no line with {words!r}; saw {self.seen}")


def test_watch_rebuilds_on_save_and_survives_errors(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, BODY)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), str(source), "--out", str(out), "--watch",
         "--only", "deck"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    try:
        lines = Lines(process.stdout)
        lines.wait_for("watching")
        first = (out / "pub.pptx").read_bytes()
        source.write_text(source.read_text().replace("Kern.", "Een nieuwe kern."))
        lines.wait_for("rebuilt 1 publication")
        assert (out / "pub.pptx").read_bytes() != first
        source.write_text(source.read_text() + "\n## \n\nLes zonder titel.\n")
        error = lines.wait_for("has no title")
        assert error.startswith(f"{source}:")
        lines.wait_for("not rebuilt: fix the problem above")
        assert process.poll() is None  # still watching
        source.write_text(source.read_text().replace("## \n", "## Weer goed\n"))
        lines.wait_for("rebuilt 1 publication")
        from pptx import Presentation
        assert len(Presentation(str(out / "pub.pptx")).slides) == 4
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_watch_writes_booklet_and_slides_first_and_settles_on_a_cold_builds_bytes(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, BODY)
    out, cold = tmp_path / "out", tmp_path / "cold"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), str(source), "--out", str(out), "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    try:
        lines = Lines(process.stdout)
        lines.wait_for("watching")
        source.write_text(source.read_text().replace("Kern.", "Een nieuwe kern."))
        first = lines.wait_for("updated")
        assert "(the booklet, the slides and the web page; the print files follow)" in first
        kinds_before = [line.split()[0] for line in lines.seen[-4:-1]]
        assert kinds_before == ["booklet", "deck", "web"], lines.seen
        lines.wait_for("rebuilt 1 publication")
        assert [line.split()[0] for line in lines.seen[-4:-2]] == ["print-shop", "a4-duplex"]
    finally:
        process.terminate()
        process.wait(timeout=30)
    result = run_build(str(source), "--out", str(cold))
    assert result.returncode == 0, result.stderr
    for name in ("pub.pdf", "pub-print-shop.pdf", "pub-a4-duplex.pdf", "pub.pptx"):
        assert (out / name).read_bytes() == (cold / name).read_bytes(), name


def test_live_progress_line_on_a_terminal():
    """WeasyPrint's progress messages become Working events (the page number from the
    message's argument, never its last word), and the terminal face shows them as one
    line that rewrites itself, wiped before anything else; nothing off a terminal."""
    import io
    import logging

    from tweeluik.events import Started, UpToDate
    from tweeluik.progress import LayoutProgress
    from tweeluik.terminal import Console, LiveLine, TerminalFace

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    face = TerminalFace(Console(Path("/project")), live=LiveLine(screen, delay=0, interval=0))
    source = Path("/project/content/x.md")
    face(Started(source))
    logger = logging.getLogger("weasyprint.progress")
    with LayoutProgress(face, source):
        logger.info("Step 5 - Creating layout - Page %d", 57)
        logger.info("Step 5 - Creating layout - Page %d (up-to-date)", 58)
        logger.info("Step 6 - Creating PDF")
    assert "\r  content/x.md: laying out page 57 …" in screen.getvalue()
    assert "laying out page 58 …" in screen.getvalue()
    assert "(up-to-date)" not in screen.getvalue()
    assert "writing the PDF" in screen.getvalue()
    face(UpToDate(source))
    assert screen.getvalue().endswith("\r\x1b[K")  # wiped before the next line
    quiet = io.StringIO()  # not a terminal: nothing at all
    face = TerminalFace(Console(Path("/project")), live=LiveLine(quiet, delay=0, interval=0))
    with LayoutProgress(face, source):
        logger.info("Step 5 - Creating layout - Page %d", 1)
    assert quiet.getvalue() == ""


def test_the_build_loop_knows_no_face():
    """The build emits events; the faces import the build, never the other way round."""
    import ast
    for module in ("runner", "builder", "events", "progress"):
        tree = ast.parse((ROOT / "tweeluik" / f"{module}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        assert not imported & {"terminal", "watch", "cli", "studio"}, (module, imported)


def test_watch_forgets_a_deleted_source_once(tmp_path):
    from PIL import Image
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    write_source(content, BODY, name="een")
    doomed = write_source(content, BODY, name="twee")
    (content / "images").mkdir()
    code = ("import sys; from pathlib import Path; from tweeluik.cli import main; "
            f"sys.exit(main(['--watch', '--only', 'deck'], root=Path({str(tmp_path)!r})))")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        lines = Lines(process.stdout)
        lines.wait_for("watching")
        assert any(line.startswith("built content/twee.md") for line in lines.seen)
        doomed.unlink()
        for shade in ("white", "black"):  # two later changes that concern every source
            Image.new("RGB", (8, 8), shade).save(content / "images" / "x.png")
            lines.wait_for("rebuilt 1 publication")
        said = [line for line in lines.seen if "twee.md" in line and "built" not in line]
        assert said == ["content/twee.md is gone; no longer building it"]
        assert not any("internal error" in line or "no such file" in line for line in lines.seen)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_a_one_lesson_edit_is_previewed_from_the_last_layout(tmp_path):
    """Watch mode lays out only the edited lesson; every page reads as the full layout's
    does. A change outside one lesson's text, or one that moves a page, is not
    previewed."""
    import datetime as dt
    from io import BytesIO

    from pypdf import PdfReader

    from tweeluik.booklet.render import quick_booklet, render_booklet
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    content = tmp_path / "content"
    shutil.copytree(SAMPLE.parent, content)
    source = content / SAMPLE.name
    theme, created = load_theme(LAYOUTS), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    text = source.read_text(encoding="utf-8")

    def pages(pdf: bytes) -> list[str]:
        return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]

    def edited(old: str, new: str):
        assert text.count(old) >= 1
        source.write_text(text.replace(old, new, 1), encoding="utf-8")
        return parse_publication(source)

    session = WriterSession(remember_layouts=True)
    render_booklet(parse_publication(source), theme, LAYOUTS, content, created, session)
    publication = edited("Sinds de zomer beginnen",  # a link: its footnote follows
                         "Sinds de late [zomer](https://www.example.nl/zomer) beginnen")
    assert quick_booklet(publication, theme, LAYOUTS, content, created,
                         WriterSession(remember_layouts=True)) is None  # another session's
    preview = quick_booklet(publication, theme, LAYOUTS, content, created, session)
    assert preview is not None
    full = render_booklet(publication, theme, LAYOUTS, content, created, session).pdf
    assert pages(preview) == pages(full)
    assert "late zomer" in "".join(pages(preview))

    title = edited("## 2. Luisteren gaat vóór plannen maken", "## 2. Eerst luisteren")
    assert quick_booklet(title, theme, LAYOUTS, content, created, session) is None
    longer = edited("Sinds de zomer beginnen", "Sinds de zomer beginnen " + "ook " * 400)
    assert quick_booklet(longer, theme, LAYOUTS, content, created, session) is None
