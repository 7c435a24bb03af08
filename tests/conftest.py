"""Shared fixtures: the project folders, small publications written on the fly, and
the sample publication built once per test session."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "layouts"
CONTENT = ROOT / "content"
SAMPLE = CONTENT / "jaarbrief-2026.md"
REQUIRE_TOOLS = os.environ.get("TWEELUIK_REQUIRE_TOOLS") == "1"
#: Fixtures that build a whole publication or deck: every test using one is slow, so
#: that ``-m "not slow"`` stays a few seconds.
SLOW_FIXTURES = {"sample_build", "sample_deck", "letters_built", "hundred_lessons"}
#: The test files that take longest (seconds of one worker on the 2-core machine, a
#: quiet run of the whole suite): pytest-xdist hands out whole files (``--dist
#: loadfile``) in collection order, so these go first and the short files fill the
#: gaps at the end. In the order of their test counts (xdist's default) the 150-second
#: limits file came 24th, and one worker ran on alone for a minute.
LONGEST_FIRST = ("test_templates.py",   # 197 s
                 "test_limits.py",      # 151 s
                 "test_outputs.py",     # 76 s
                 "test_structure.py",   # 62 s
                 "test_import.py",      # 47 s
                 "test_studio.py",      # 45 s
                 "test_sandbox.py",     # 38 s
                 "test_typesetting.py", # 33 s
                 "test_incremental.py", # 32 s
                 "test_cover_and_print.py")  # 30 s


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects
def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable


FONTS = LAYOUTS / "fonts"


def default_template():
    """The description of tweeluik's own slide template, as the planner gets it."""
    from tweeluik.deck.pptx_reader import describe_template
    from tweeluik.deck.template_package import open_template
    presentation, removed = open_template(LAYOUTS / "deck" / "default.pptx", SAMPLE, None)
    return describe_template(presentation, "default.pptx", removed)


def need_tool(name: str) -> str:
    """The path of an external program; skip (or fail in CI) when it is missing."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt install {TOOL_PACKAGES.get(name, name)})"
        if REQUIRE_TOOLS:
            pytest.fail(message)
        pytest.skip(message)
    return path


TOOL_PACKAGES = {"soffice": "libreoffice-impress", "pdftotext": "poppler-utils",
                 "pdftoppm": "poppler-utils", "zbarimg": "zbar-tools", "pandoc": "pandoc",
                 "chromium": "chromium"}


def write_source(folder: Path, body: str, front: str | None = None, name: str = "pub") -> Path:
    """Write a publication source; ``front`` replaces the default front matter."""
    if front is None:
        front = "title: Proef\norganisation: Wijkteam Test\ndate: 2026-01-15\n"
    text = "---\n" + textwrap.dedent(front).strip("\n") + "\n---\n" + textwrap.dedent(body).lstrip("\n")
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


LESSONS_BODY = """
Beste leden,

Een inleiding met *nadruk*.

## 1. Eerste les

> De kern van de eerste les.

Tekst van de eerste les.

## Tweede les

Tekst van de tweede les. Met een tweede zin.

---

Tot ziens.
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A project to import letters into: an empty content folder and the layouts (a test
    file may define its own)."""
    (tmp_path / "content").mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    return tmp_path


def bring_in(project: Path, data: str | bytes, name: str):
    """Import a letter's file (``data``, saved as ``name`` in ``project``) through the
    command line and check the new source builds: its publication, the import's report
    and the source."""
    from tweeluik.parse import parse_publication
    letter = project / name
    letter.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    result = run_project(project, "import", str(letter))
    assert result.returncode == 0, result.stderr
    target = project / "content" / (letter.stem + ".md")
    check = run_project(project, "--check", str(target))
    assert check.returncode == 0, check.stderr
    return parse_publication(target), result.stdout, target.read_text(encoding="utf-8")


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


@dataclass
class Built:
    """The outputs of one build, by kind."""

    booklet: Path
    print_shop: Path
    a4: Path
    deck: Path
    stdout: str
    stderr: str


def run_build(*args: str, cwd: Path = ROOT, env: dict | None = None,
              timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``build.py`` as a user would, with the Python running the tests."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=timeout)


def run_project(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the command for another project folder (its own content/, layouts/, output/),
    as ``build.py`` would if it lived there."""
    code = ("import sys; from pathlib import Path; from tweeluik.cli import main; "
            f"sys.exit(main(sys.argv[1:], root=Path({str(project)!r})))")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True,
                          text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Built:
    """The sample publication, built once through the command line."""
    out = tmp_path_factory.mktemp("sample-output")
    result = run_build(str(SAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    name = SAMPLE.stem
    return Built(out / f"{name}.pdf", out / f"{name}-print-shop.pdf", out / f"{name}-a4-duplex.pdf",
                 out / f"{name}.pptx", result.stdout, result.stderr)


@pytest.fixture
def no_weasyprint_warnings():
    """Fail the test when WeasyPrint logs a warning (as WeasyPrint's own tests do)."""
    records: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Catch(logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)
    assert not records, [record.getMessage() for record in records]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, shared by the browser tests."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    from .browser import launch
    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
