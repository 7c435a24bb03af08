"""tweeluik studio, tested as its users meet it: started from the command line on a free
port, driven in Debian's Chromium (Playwright), and attacked as a web page on another
site would attack it."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .browser import axe_violations
from .conftest import CONTENT, LAYOUTS, ROOT, SAMPLE, run_build

pytestmark = pytest.mark.slow
playwright_api = pytest.importorskip("playwright.sync_api")
NAME = SAMPLE.stem


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Studio:
    """A studio running on a copy of the sample project."""

    def __init__(self, project: Path, extra: tuple[str, ...] = (), env: dict | None = None):
        self.project = project
        self.port = free_port()
        code = ("import sys; from pathlib import Path; from tweeluik.cli import main; "
                f"sys.exit(main(sys.argv[1:], root=Path({str(project)!r})))")
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, "studio", "--no-browser", "--port", str(self.port),
             *extra], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        line = self.process.stdout.readline()
        found = re.search(r"(http://\S+)\?token=(\S+)", line)
        assert found, line + self.process.stdout.read() if self.process.poll() else line
        self.base, self.token = found.group(1).rstrip("/"), found.group(2)
        self.url = f"{self.base}/?token={self.token}"

    def request(self, path: str, method: str = "GET", body: bytes | None = None,
                headers: dict | None = None, token: bool = True) -> tuple[int, bytes]:
        request = urllib.request.Request(self.base + path, data=body, method=method,
                                         headers={**({"X-Studio-Token": self.token} if token
                                                     else {}), **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def publication(self, name: str = NAME) -> dict:
        status, body = self.request(f"/api/p/{name}")
        assert status == 200, body
        return json.loads(body)

    def wait_built(self, name: str = NAME, after: int = -1, timeout: float = 180) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.publication(name)
            if data["version"] > after and data["state"] in ("built", "refused") \
                    and data["pages"]:
                return data
            time.sleep(0.3)
        raise AssertionError(f"{name} was not built in {timeout} s: {data}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    project = tmp_path_factory.mktemp("studio")
    shutil.copytree(CONTENT, project / "content")
    (project / "layouts").symlink_to(LAYOUTS)
    running = Studio(project)
    try:  # a studio that fails to start is stopped all the same
        running.wait_built()
        yield running
    finally:
        running.stop()


# ---- safe on a shared computer and a network ------------------------------------------

def test_without_the_key_every_request_is_refused(studio):
    for path in ("/", "/api/publications", f"/api/p/{NAME}", f"/api/p/{NAME}/file/booklet"):
        status, _ = studio.request(path, token=False)
        assert status == 403, path
    status, _ = studio.request(f"/api/p/{NAME}/text", "PUT", b'{"text": "x"}', token=False)
    assert status == 403
    assert studio.request("/api/publications")[0] == 200  # with it, the same request works


def test_another_host_or_origin_is_refused(studio):
    assert studio.request("/api/publications", headers={"Host": "attacker.example"})[0] == 403
    assert studio.request("/api/publications",
                          headers={"Host": f"attacker.example:{studio.port}"})[0] == 403
    assert studio.request("/api/publications",
                          headers={"Origin": "http://attacker.example"})[0] == 403
    assert studio.request("/api/publications", headers={"Sec-Fetch-Site": "cross-site"})[0] == 403
    assert studio.request("/api/publications",
                          headers={"Origin": studio.base})[0] == 200


def test_it_listens_on_this_computer_only(studio):
    assert studio.base.startswith("http://127.0.0.1:")


def test_an_upload_with_a_path_in_its_name_is_refused(studio):
    before = sorted(path.name for path in (studio.project / "content").iterdir())
    for name in ("../evil.md", "..%2Fevil.md", "/etc/evil.md", "sub/brief.md", ".verborgen.md",
                 "brief.exe"):
        status, body = studio.request(f"/api/import?name={urllib.request.quote(name)}", "POST",
                                      b"Beste leden,\n\nTekst.\n")
        assert status == 400, (name, body)
    assert sorted(path.name for path in (studio.project / "content").iterdir()) == before
    assert not (studio.project / "evil.md").exists()


def test_an_upload_over_the_limit_is_refused_and_nothing_is_written(studio):
    from tweeluik.studio.app import MAX_UPLOAD_BYTES
    before = sorted(path.name for path in (studio.project / "content").iterdir())
    status, _ = studio.request("/api/import?name=groot.txt", "POST",
                               b"Beste leden,\n\n" + b"x" * MAX_UPLOAD_BYTES)
    assert status == 413
    status, _ = studio.request(f"/api/p/{NAME}/beside?name=logo.png", "POST",
                               b"\x89PNG" + b"\0" * MAX_UPLOAD_BYTES)
    assert status == 413
    assert sorted(path.name for path in (studio.project / "content").iterdir()) == before
    assert not (studio.project / "content" / "images" / "logo.png").exists()


def test_only_publications_of_the_project_are_served(studio):
    assert studio.request("/api/p/..%2F..%2Fetc%2Fpasswd")[0] == 404
    assert studio.request("/static/..%2F..%2Fproject.py")[0] == 404
    assert studio.request(f"/api/p/{NAME}/file/secret")[0] == 404


def test_a_second_studio_on_the_same_folder_says_so(studio):
    code = ("import sys; from pathlib import Path; from tweeluik.cli import main; "
            f"sys.exit(main(sys.argv[1:], root=Path({str(studio.project)!r})))")
    result = subprocess.run([sys.executable, "-c", code, "studio", "--no-browser"],
                            capture_output=True, text=True, timeout=60, cwd=studio.project,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode != 0
    assert "another studio is already open" in result.stderr
    assert "Traceback" not in result.stderr


# ---- same engine, same bytes ----------------------------------------------------------

def test_the_files_it_offers_are_the_bytes_build_py_writes(studio, tmp_path):
    data = studio.publication()
    assert {file["kind"] for file in data["files"]} == {"booklet", "a4-duplex", "print-shop",
                                                        "deck", "web"}
    result = run_build(str(studio.project / "content" / SAMPLE.name), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for kind, suffix in (("booklet", ".pdf"), ("deck", ".pptx"), ("web", ".html"),
                         ("print-shop", "-print-shop.pdf")):
        status, body = studio.request(f"/api/p/{NAME}/file/{kind}")
        assert status == 200
        assert body == (tmp_path / f"{NAME}{suffix}").read_bytes(), kind


# ---- in the browser ---------------------------------------------------------------------

def test_the_page_meets_wcag_and_shows_every_page_and_slide(studio, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    data = studio.publication()
    assert page.locator("#pages img").count() == data["pages"] == 12
    if shutil.which("soffice"):
        page.wait_for_selector("#slides img")
        assert page.locator("#slides img").count() == data["slides"] == 8
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Les 1" in page.locator("#structure").inner_text()
    assert page.locator("#files a").count() == 5
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / "studio.png"))
    page.locator("#pages button").nth(4).click()  # a page opens large
    assert page.locator("#large").is_visible()
    page.keyboard.press("Escape")
    page.close()


def test_without_libreoffice_the_slides_are_drawn_from_the_plan(tmp_path, browser):
    # On a computer without LibreOffice (most Windows and Mac laptops) the studio showed
    # no slides at all; now tweeluik draws them from the deck's plan, and says so.
    from io import BytesIO

    from PIL import Image
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    (project / "layouts").symlink_to(LAYOUTS)
    running = Studio(project, env={"PATH": str(tmp_path / "no-programs-here")})
    try:
        data = running.wait_built()
        deadline = time.monotonic() + 120
        while not data["slides"] and time.monotonic() < deadline:
            time.sleep(0.3)
            data = running.publication()
        assert data["slides"] == 8 and data["slides_drawn_by"] == "plan"
        status, png = running.request(f"/api/p/{NAME}/slide/3")
        assert status == 200
        with Image.open(BytesIO(png)) as slide:
            assert abs(slide.width / slide.height - 16 / 9) < 0.01
            assert len(slide.convert("RGB").getcolors(maxcolors=100_000) or ()) > 20  # drawn
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
        page.goto(running.url)
        page.wait_for_selector("#slides img")
        assert page.locator("#slides img").count() == 8
        assert page.locator("#sketched-slides").is_visible()
        assert page.locator("#no-slides").is_hidden()
        assert axe_violations(page) == []
        page.close()
    finally:
        running.stop()


def test_an_edit_is_saved_and_changes_the_page_and_slide_pictures(studio, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    before = studio.publication()
    old_page = studio.request(f"/api/p/{NAME}/page/5")[1]
    old_slide = studio.request(f"/api/p/{NAME}/slide/3")[1] if before["slides"] else b""
    editor = page.locator("#editor")
    text = editor.input_value()
    old, new = "Wie elkaar kent, vindt elkaar", "Wie elkaar echt kent, vindt elkaar"
    assert old in text
    editor.fill(text.replace(old, new, 1))
    after = studio.wait_built(after=before["version"])
    deadline = time.monotonic() + 120
    while studio.publication()["state"] != "built" and time.monotonic() < deadline:
        time.sleep(0.3)
    assert new in (studio.project / "content" / SAMPLE.name).read_text(encoding="utf-8")
    assert studio.request(f"/api/p/{NAME}/page/5")[1] != old_page
    if before["slides"]:
        assert studio.request(f"/api/p/{NAME}/slide/3")[1] != old_slide
    assert 5 in studio.publication()["changed_pages"]
    page.wait_for_selector("#pages li.changed")
    assert after["problems"] == []
    page.close()


def test_an_edit_made_outside_the_studio_is_built_and_shown(studio):
    # The author saves the text in another editor (or copies a new version into
    # content/): the studio builds it and shows it, as watch mode does; before, it
    # went on showing the old text and pictures until the next edit in the page.
    before = studio.publication()
    source = studio.project / "content" / SAMPLE.name
    text = source.read_text(encoding="utf-8")
    old, new = "vindt elkaar", "vindt elkaar snel"  # in the first lesson's key message
    assert old in text and new not in text
    old_page = studio.request(f"/api/p/{NAME}/page/5")[1]
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        after = studio.publication()
        if after["version"] > before["version"] and after["state"] == "built" \
                and after["pages_drawn"] > before["pages_drawn"]:
            break
        time.sleep(0.3)
    assert new in after["text"]
    assert studio.request(f"/api/p/{NAME}/page/5")[1] != old_page
    assert 5 in after["changed_pages"]


def test_a_mistake_is_listed_and_leads_to_its_place(studio, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    editor = page.locator("#editor")
    text = editor.input_value()
    broken = text.replace("Het jaar loopt ten einde", "Het jaar <b>loopt</b> ten einde", 1)
    before = studio.publication()["version"]
    editor.fill(broken)
    line = next(number for number, words in enumerate(broken.split("\n"), start=1)
                if "<b>" in words)
    page.wait_for_selector("#problems button.error", timeout=120_000)
    problem = page.locator("#problems button.error").first
    assert "Fout" in problem.inner_text()  # said in words, not by colour alone
    assert f"regel {line}" in problem.inner_text()
    problem.click()
    caret = page.evaluate("document.getElementById('editor').selectionStart")
    assert broken[:caret].count("\n") + 1 == line
    assert studio.publication()["version"] > before
    files = studio.publication()["files"]
    assert files, "the last good files stay offered"
    editor.fill(text)  # and mended again
    page.wait_for_selector("#problems button.error", state="detached", timeout=120_000)
    page.close()


def test_a_word_letter_is_brought_in_with_its_report(studio, browser, tmp_path):
    from docx import Document
    letter = tmp_path / "Brief van de buurt.docx"
    document = Document()
    document.add_paragraph("Wat de buurt ons leerde", style="Title")
    document.add_paragraph("Beste buren,")
    document.add_paragraph("Dit jaar leerden we twee dingen.")
    document.add_paragraph("Samen beginnen", style="Heading 2")
    document.add_paragraph("Alles begon met een kop koffie op het plein.")
    document.add_paragraph("Klein blijven", style="Heading 2")
    document.add_paragraph("Wat klein begint, houdt het langst.")
    document.add_paragraph("Met vriendelijke groet,")
    document.save(letter)
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    page.set_input_files("#upload", str(letter))
    page.wait_for_selector("#report h3")
    assert "brief-van-de-buurt" in page.locator("#report").inner_text()
    assert (studio.project / "content" / "brief-van-de-buurt.md").is_file()
    page.wait_for_function("document.getElementById('publication').value === "
                           "'brief-van-de-buurt'")
    studio.wait_built("brief-van-de-buurt")
    # no 'language:' in the new source: the details show the language it is built in
    # (the list stood empty)
    page.wait_for_function("document.getElementById('editor').value.includes('Samen beginnen')")
    assert page.locator("#field-language").input_value() == "nl"
    page.close()


def test_the_details_form_writes_the_front_matter(studio, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    page.select_option("#publication", NAME)
    page.wait_for_function(f"location.hash === '#p={NAME}'")
    field = page.get_by_label("Organisatie", exact=True)
    page.wait_for_function("document.getElementById('field-organisation').value !== ''")
    assert field.input_value() == "Vereniging van Wijkteams Zuidoever"
    before = studio.publication()["version"]
    field.fill("Wijkteams Zuidoever: samen sterk")
    source = studio.project / "content" / SAMPLE.name
    deadline = time.monotonic() + 30
    while "samen sterk" not in source.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    text = source.read_text(encoding="utf-8")
    assert 'organisation: "Wijkteams Zuidoever: samen sterk"' in text  # quoted: it has ': '
    data = studio.wait_built(after=before)
    assert data["structure"]["organisation"] == "Wijkteams Zuidoever: samen sterk"
    field.fill("Vereniging van Wijkteams Zuidoever")
    deadline = time.monotonic() + 30
    while "samen sterk" in source.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "organisation: Vereniging van Wijkteams Zuidoever\n" in source.read_text(encoding="utf-8")
    page.close()


def test_a_logo_dropped_on_a_publication_is_kept_and_named(studio, browser, tmp_path):
    from PIL import Image
    logo = tmp_path / "Ons Logo.png"
    Image.new("RGB", (200, 120), "#B0472A").save(logo)
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    page.select_option("#publication", NAME)
    page.wait_for_function(f"location.hash === '#p={NAME}'")
    page.set_input_files("#upload", str(logo))
    page.wait_for_function("document.getElementById('report').textContent.includes('images/')")
    kept = studio.project / "content" / "images" / "ons-logo.png"
    assert kept.read_bytes() == logo.read_bytes()
    source = studio.project / "content" / SAMPLE.name
    deadline = time.monotonic() + 30
    while "logo: images/ons-logo.png" not in source.read_text(encoding="utf-8") \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "logo: images/ons-logo.png" in source.read_text(encoding="utf-8")
    page.close()
    # a file that is no picture is refused and leaves nothing behind
    status, body = studio.request(f"/api/p/{NAME}/beside?name=nep.png", "POST", b"geen plaatje")
    assert status == 400 and not (studio.project / "content" / "images" / "nep.png").exists()
    status, _ = studio.request(f"/api/p/{NAME}/beside?name=..%2Flogo.png", "POST", b"x")
    assert status == 400


def test_a_slide_template_dropped_on_a_publication_goes_under_deck(studio, browser, tmp_path):
    template = tmp_path / "Huisstijl.pptx"
    shutil.copy(LAYOUTS / "deck" / "default.pptx", template)
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    page.select_option("#publication", NAME)
    page.wait_for_function(f"location.hash === '#p={NAME}'")
    page.set_input_files("#upload", str(template))
    page.wait_for_function("document.getElementById('report').textContent.includes('.pptx')")
    assert (studio.project / "content" / "huisstijl.pptx").is_file()
    source = studio.project / "content" / SAMPLE.name
    deadline = time.monotonic() + 30
    while "template: huisstijl.pptx" not in source.read_text(encoding="utf-8") \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "deck:\n  template: huisstijl.pptx\n  agenda: true" in source.read_text(encoding="utf-8")
    page.close()
    status, _ = studio.request(f"/api/p/{NAME}/beside?name=kapot.pptx", "POST", b"PK\x03\x04kapot")
    assert status == 400 and not (studio.project / "content" / "kapot.pptx").exists()


def test_it_speaks_the_browsers_language(studio, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#text-title").inner_text() == "Text"
    assert page.locator(".skip").inner_text() == "Skip to the text"
    page.close()


def test_a_publication_built_before_still_shows_its_warnings(tmp_path):
    """The studio opened on a folder whose files were built before said 'no problems'
    of a real post with a link without words: a build with nothing to do says nothing.
    It shows what the check says instead."""
    from tweeluik.studio.project import StudioProject
    (tmp_path / "content").mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    source = tmp_path / "content" / "oproep.md"
    source.write_text("---\ntitle: Oproep\n---\n\n## Aanmelden\n\nMeld je aan via "
                      "[](https://formulier.example.org/alv).\n", encoding="utf-8")
    assert run_build(str(source), "--out", str(tmp_path / "output")).returncode == 0
    project = StudioProject(tmp_path)  # a studio started later: every file up to date
    project.build(source)
    shown = project.state("oproep")
    assert shown.state == "built"
    assert any(problem["severity"] == "warning" and "has no words" in problem["message"]
               for problem in shown.problems), shown.problems


def test_a_saved_web_page_in_german_is_brought_in(studio, browser, tmp_path):
    """A web page saved from the browser (real letters came as mailings and site pages)
    is brought in from the studio like a Word file, and its language, German, shows in
    the details."""
    page_file = tmp_path / "einladung.html"
    page_file.write_text(
        "<html><head><meta charset='utf-8'></head><body><nav><a href='/'>Start</a></nav>"
        "<h1>Einladung zur Versammlung</h1><p>Liebe Mitglieder,</p><p>Wir laden euch herzlich "
        "zu unserer Versammlung ein. Sie findet am Samstag im Vereinslokal statt, und wir "
        "freuen uns auf euch und auf die Gespräche mit euch allen.</p>"
        "<p>Mit freundlichen Grüssen,<br>Anna Berger</p></body></html>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page.goto(studio.url)
    page.wait_for_selector("#pages img")
    page.set_input_files("#upload", str(page_file))
    page.wait_for_selector("#report h3")
    source = studio.project / "content" / "einladung.md"
    assert source.is_file()
    assert "Start" not in source.read_text(encoding="utf-8")  # the site's menu stays out
    page.wait_for_function("document.getElementById('publication').value === 'einladung'")
    studio.wait_built("einladung")
    page.wait_for_function("document.getElementById('editor').value.includes('Vereinslokal')")
    assert page.locator("#field-language").input_value() == "de"
    # the file chooser offers every kind of letter the import reads (it kept a list of
    # its own, without e-mails and LibreOffice files), and a saved e-mail comes in
    from tweeluik.letter_formats import LETTER_FORMATS
    offered = (page.get_attribute("#upload", "accept") or "").split(",")
    assert set(LETTER_FORMATS) <= set(offered), offered
    mail_file = tmp_path / "uitnodiging.eml"
    mail_file.write_bytes(
        b"From: Wijkteam Oost <info@oost.example>\r\nSubject: Uitnodiging voor de buurtavond"
        b"\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: "
        b"text/plain; charset=utf-8\r\n\r\nBeste buren,\r\n\r\nOp vrijdag is de buurtavond "
        b"in het buurthuis, met soep en muziek voor iedereen.\r\n\r\nHartelijke groet,\r\n\r\n"
        b"Sanne Vos\r\n")
    page.set_input_files("#upload", str(mail_file))
    page.wait_for_function("document.getElementById('publication').value === 'uitnodiging'")
    text = (studio.project / "content" / "uitnodiging.md").read_text(encoding="utf-8")
    assert "title: Uitnodiging voor de buurtavond" in text and "organisation: Wijkteam Oost" \
        in text
    page.close()
