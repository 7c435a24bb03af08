"""The studio's edit-to-picture time, measured in a real browser (for ``bench.py``).

A studio runs on a copy of the sample; Debian's Chromium (driven by Playwright) types a
one-word change into a lesson, and the clock runs from the moment the text is in the
editor to the moment the changed booklet page, and then the changed slide, is drawn in
the page (the new picture loaded). The page saves 0.15 s after the last key, as it does
for an author, and that wait is part of the time.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EDITS = ("Wijkwerk is een lange adem", "Wijkwerk is een trage adem")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def studio_edits(work: Path, runs: int) -> tuple[list[float], list[float]] | None:
    """(seconds to the changed page, seconds to the changed slide) per edit, or ``None``
    when Playwright or Chromium is missing."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    project = work / "studio-project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "layouts").symlink_to(ROOT / "layouts")
    code = ("import sys; from pathlib import Path; from tweeluik.cli import main; "
            f"sys.exit(main(sys.argv[1:], root=Path({str(project)!r})))")
    process = subprocess.Popen([sys.executable, "-c", code, "studio", "--no-browser", "--port",
                                str(_free_port())], cwd=project, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    pages: list[float] = []
    slides: list[float] = []
    try:
        address = re.search(r"http://\S+", process.stdout.readline()).group(0)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.goto(address)
            page.wait_for_selector("#slides img", timeout=180_000)
            time.sleep(2)
            for run in range(runs + 1):  # the first edit warms the browser: not counted
                old, new = EDITS if run % 2 == 0 else EDITS[::-1]
                page.wait_for_function(  # the last edit's build is over
                    "document.getElementById('status').dataset.state === 'built'",
                    timeout=120_000)
                time.sleep(0.5)
                version = page.evaluate("state.version")
                text = page.locator("#editor").input_value()
                started = time.perf_counter()
                page.locator("#editor").fill(text.replace(old, new, 1))
                page.wait_for_function(  # the changed page, drawn anew, loaded
                    "v => { const p = document.querySelector('#pages li.changed img');"
                    " return p && p.complete && p.naturalWidth > 0"
                    " && Number(p.src.split('v=')[1]) > v; }", arg=version, timeout=60_000)
                to_page = time.perf_counter() - started
                page.wait_for_function(  # every slide drawn anew, loaded
                    "v => { const s = Array.from(document.querySelectorAll('#slides img'));"
                    " return s.length && s.every(i => i.complete && i.naturalWidth > 0"
                    " && Number(i.src.split('v=')[1]) > v); }", arg=version, timeout=120_000)
                to_slide = time.perf_counter() - started
                if run:
                    pages.append(to_page)
                    slides.append(to_slide)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    return pages, slides
