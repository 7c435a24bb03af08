"""The web edition (output/NAME.html): one self-contained page with the publication's
text, real links, embedded pictures and fonts; opened in Chromium it has no axe-core
violations of WCAG 2.1 A/AA at phone and desktop widths, keeps keyboard focus visible
and in order, fits a phone, prints without its navigation, and fetches nothing."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest

from .browser import axe_violations, network_requests, page_url
from .conftest import ROOT, SAMPLE, run_build, write_source

pytestmark = pytest.mark.slow
playwright_api = pytest.importorskip("playwright.sync_api")

LETTERS = ROOT / "tests" / "letters"


@pytest.fixture(scope="module")
def web_pages(tmp_path_factory) -> dict[str, Path]:
    """The web edition of the sample and of three letter fixtures (with lessons, with
    link notes, without lessons), built with --only web."""
    out = tmp_path_factory.mktemp("web")
    sources = [SAMPLE, LETTERS / "clean-jaarbrief.md", LETTERS / "zonder-lessen-met-kopjes.md",
               LETTERS / "korte-lessen.md"]
    result = run_build(*map(str, sources), "--out", str(out), "--only", "web")
    assert result.returncode == 0, result.stderr
    assert not list(out.glob("*.pdf")) and not list(out.glob("*.pptx"))  # --only web
    return {source.stem: out / f"{source.stem}.html" for source in sources}


def test_the_page_holds_everything_itself(web_pages):
    page = web_pages[SAMPLE.stem].read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""\bsrc=["'](?!data:)""", page)
    assert not re.search(r"url\((?![\"']?data:)", page)
    assert page.count("@font-face") >= 4
    fonts = re.findall(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", page)
    from fontTools.ttLib import TTFont
    glyphs = [len(TTFont(io.BytesIO(base64.b64decode(font))).getGlyphOrder()) for font in fonts]
    assert max(glyphs) < 500, "the fonts are not cut down (Carlito holds over 2,000 glyphs)"
    assert len(page.encode("utf-8")) < 400_000


def test_the_page_has_the_text_real_links_and_no_paper_footnotes(web_pages):
    page = web_pages[SAMPLE.stem].read_text(encoding="utf-8")
    assert '<html lang="nl-NL">' in page
    assert "<h1>Wat de wijk ons leerde</h1>" in page
    for number in range(1, 6):
        assert f'id="lesson-{number}"' in page and f"Les {number}</span>" in page
    assert "Wie elkaar kent, vindt elkaar ook als het moeilijk wordt." in page  # key message
    assert '<a href="https://www.example.nl/wijkteams">website van de vereniging</a>' in page
    assert "link-note" not in page and "qr" not in page.lower().split("<style>")[0]
    assert "Pieter-Jan Smit" in page  # a signatory
    assert re.search(r'<img class="logo" src="data:image/svg\+xml;base64,', page)


def test_the_same_source_gives_the_same_bytes(web_pages, tmp_path):
    result = run_build(str(SAMPLE), "--out", str(tmp_path), "--only", "web")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"{SAMPLE.stem}.html").read_bytes() == web_pages[SAMPLE.stem].read_bytes()


@pytest.mark.parametrize("width", [360, 1280])
def test_no_wcag_violations_in_chromium(web_pages, browser, width):
    for name, path in web_pages.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        requests = network_requests(page)
        page.goto(page_url(path))
        assert axe_violations(page) == [], f"{name} at {width} px"
        assert requests == [], f"{name} asked the network for {requests}"
        # nothing wider than the screen: no sideways scrolling on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        page.close()


def test_the_keyboard_reaches_every_link_in_order_with_a_visible_focus(web_pages, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_url(web_pages[SAMPLE.stem]))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "Naar de tekst"
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                        " return [r.top, r.bottom]; })()")
    assert 0 <= box[0] and box[1] <= 900, "the skip link stays off screen when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    links = page.evaluate("Array.from(document.querySelectorAll('a[href]'), a => a.href)")
    reached = []
    for _ in range(len(links) - 1):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.href"))
        style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                              " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
        assert style[0] != "none" and style[1] >= 2, f"no visible focus on {reached[-1]}"
    assert reached == links[1:]
    # the skip link leads into the text
    page.keyboard.press("Shift+Tab")
    page.goto(page_url(web_pages[SAMPLE.stem]))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "text"
    page.close()


def test_printing_leaves_out_the_navigation_and_shows_addresses(web_pages, browser):
    page = browser.new_page()
    page.goto(page_url(web_pages[SAMPLE.stem]))
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
    after = page.evaluate("getComputedStyle(document.querySelector('main a[href^=\"http\"]'),"
                          " '::after').content")
    assert "example.nl" in after
    page.close()


def test_a_letter_in_english_gets_english_words(tmp_path):
    source = write_source(tmp_path, """
        Dear members,

        An introduction.

        ## 1. Start small

        > Small steps first.

        The text of the lesson.

        ---

        Kind regards,
        """, front="title: What we learned\norganisation: Test Team\ndate: 2026-01-15\n"
                   "language: en\n")
    result = run_build(str(source), "--out", str(tmp_path / "out"), "--only", "web")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "pub.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page
    assert "Skip to the text" in page and "Lesson 1</span>" in page and ">Contents<" in page


def test_a_phone_photo_is_embedded_small_and_once_per_picture(tmp_path):
    """A 4,000-pixel photo shown in three lessons: the page carries it at most 1,600
    pixels wide, and the build makes that smaller copy once."""
    from PIL import Image
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    photo = Image.effect_noise((4000, 3000), 60).convert("RGB")  # noise: it does not compress
    photo.save(content / "images" / "foto.jpg", quality=95)
    lessons = "".join(f"## {n}. Les\n\n![De buurt in de zon](images/foto.jpg)\n\nTekst.\n\n"
                      for n in (1, 2, 3))
    source = write_source(content, "Beste leden,\n\n" + lessons)
    result = run_build(str(source), "--out", str(tmp_path / "out"), "--only", "web")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "pub.html").read_text(encoding="utf-8")
    pictures = re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(pictures) == 3 and len(set(pictures)) == 1
    shown = Image.open(io.BytesIO(base64.b64decode(pictures[0])))
    assert shown.size == (1600, 1200)
    assert len(page.encode("utf-8")) < (content / "images" / "foto.jpg").stat().st_size


WIDE_TABLE = """\
## Wat we bestelden

Per jaar: hoeveel leden er waren, wat we schatten en wat er over bleef.

| Jaar | Leden | Schatting | Besteld | Over | Opmerking |
| ---- | ----: | --------: | ------: | ---: | --------- |
| 2023 | 341 | 210 | 200 | 12 | Een koude avond, minder mensen dan gedacht |
| 2024 | 358 | 223 | 250 | 20 | Alles op |
| 2025 | 385 | 240 | 250 | 4 | De nieuwe zaal was te klein |
| Totaal | 1084 | 673 | 700 | 36 | |
"""


def web_edition_in_chromium(tmp_path: Path, browser, body: str, width: int):
    """Build ``body`` as a publication's web edition only and open it in Chromium at
    ``width``: (the build's result, the page)."""
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, body)
    result = run_build(str(source), "--out", str(tmp_path / "out"), "--only", "web")
    assert result.returncode == 0, result.stderr
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(page_url(tmp_path / "out" / "pub.html"))
    return result, page


@pytest.mark.parametrize("width", [320, 1280])
def test_a_table_has_column_headers_and_scrolls_inside_its_own_region(tmp_path, browser,
                                                                        width):
    """A table of six columns on a phone: the page itself never scrolls sideways (WCAG
    1.4.10), the table does, inside a region a keyboard reaches and shows the focus of;
    each column's name is a header for its cells, the row that adds up is in bold, and
    axe finds nothing."""
    _, page = web_edition_in_chromium(tmp_path, browser, WIDE_TABLE, width)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    headers = page.evaluate("Array.from(document.querySelectorAll('th'), th => "
                            "[th.textContent, th.scope])")
    assert headers == [[name, "col"] for name in
                       ("Jaar", "Leden", "Schatting", "Besteld", "Over", "Opmerking")]
    assert page.evaluate("document.querySelectorAll('tbody tr').length") == 4
    weights = page.evaluate("Array.from(document.querySelectorAll('tbody tr'), tr => "
                            "getComputedStyle(tr.cells[1]).fontWeight)")
    assert weights == ["400", "400", "400", "700"], weights
    right = page.evaluate("getComputedStyle(document.querySelector('tbody td:nth-child(2)'))"
                          ".textAlign")
    assert right == "right"
    page.keyboard.press("Tab")  # the skip link
    for _ in range(5):
        if page.evaluate("document.activeElement.getAttribute('role')") == "region":
            break
        page.keyboard.press("Tab")
    # the region is named by its columns, so that two tables are told apart
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == \
        "Tabel: Jaar, Leden, Schatting, Besteld, Over, Opmerking"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.close()


def test_a_line_to_write_on_is_dotted_to_the_end_of_the_column(tmp_path, browser):
    """A form's 'Naam: ……' on the web page: its label, and a dotted line to the end of
    the column instead of sixty typed dots running onto a line of their own."""
    _, page = web_edition_in_chromium(tmp_path, browser, "## Strook\n\nVul de strook in.\n\n"
                                      "Naam: " + "…" * 60 + "\n\nWe danken u voor uw "
                                      "bestelling.\n", 400)
    line = page.locator("p", has_text="Naam:")
    assert line.inner_text().strip() == "Naam:"
    dotted = page.evaluate("""() => {
        const p = [...document.querySelectorAll('p')].find(p => p.textContent.trim() === 'Naam:');
        const after = getComputedStyle(p, '::after');
        return [after.borderBottomStyle, p.getBoundingClientRect().right,
                document.querySelector('main p').getBoundingClientRect().right,
                p.getBoundingClientRect().height];
    }""")
    style, right, column, height = dotted
    assert style == "dotted" and abs(right - column) < 1 and height < 40, dotted
    assert axe_violations(page) == []
    page.close()


def test_two_heading_levels_inside_a_lesson_are_h3_and_h4(tmp_path, browser):
    """'####' under '###' on the web page: an h4 in the text's italics, headings in order
    for a screen reader, and axe finds nothing."""
    _, page = web_edition_in_chromium(
        tmp_path, browser, "## Draaiboek\n\n### Mails\n\nDrie mails.\n\n#### Kerst\n\n"
        "De tweede in december.\n\n### Inkopen\n\nOp de markt.\n", 1280)
    levels = page.evaluate("Array.from(document.querySelectorAll('main h2, main h3, main h4'),"
                           " h => [h.tagName, h.textContent.trim()])")
    assert [tag for tag, text in levels if text in ("Mails", "Kerst", "Inkopen")] == \
        ["H3", "H4", "H3"], levels
    style = page.evaluate("getComputedStyle(document.querySelector('main h4')).fontStyle")
    assert style == "italic"
    assert axe_violations(page) == []
    page.close()


def test_a_link_without_words_gets_its_address_as_its_words(tmp_path, browser):
    """A real invitation linked its sign-up form as '[](https://…)': the web page had a
    link with nothing to say (axe: link-name), and the check said nothing. The check
    warns, and the address stands as the link's words, on the page and in the booklet."""
    result, page = web_edition_in_chromium(
        tmp_path, browser, "## Aanmelden\n\nMeld je aan via het formulier:\n"
        "[](https://formulier.example.org/alv).\n", 400)
    assert "has no words between its brackets" in result.stderr
    assert "its address stands as its words" in result.stderr
    words = page.evaluate("document.querySelector('a[href=\"https://formulier.example.org/alv\"]')"
                          ".textContent")
    assert words.replace("\u200b", "") == "formulier.example.org/alv"
    assert axe_violations(page) == []
    page.close()


def test_numbered_lists_inside_numbered_items_count_as_the_booklet_does(tmp_path, browser):
    """1., a., i., as Word numbers its levels by default and as the booklet prints them."""
    _, page = web_edition_in_chromium(
        tmp_path, browser, "## Een les\n\nWat we zagen:\n\n1. Ontwerp\n   1. Kleuren\n"
        "      1. Te veel groen\n   2. Letters\n2. Samenwerking\n", 1280)
    styles = page.evaluate("Array.from(document.querySelectorAll('main ol'),"
                           " ol => getComputedStyle(ol).listStyleType)")
    assert styles[-3:] == ["decimal", "lower-alpha", "lower-roman"], styles
    assert axe_violations(page) == []
    page.close()
