"""The booklet PDFs: page sizes, page count, fonts, text on the right pages, print variants."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
import weasyprint
from pypdf import PdfReader

from tweeluik.booklet.render import layout_booklet
from tweeluik.booklet.variants import impose_booklet, saddle_stitch_order
from tweeluik.model import plain_text
from tweeluik.parse import parse_publication
from tweeluik.session import WriterSession
from tweeluik.theme import load_theme

from .conftest import LAYOUTS, SAMPLE, need_tool, write_source

pytestmark = pytest.mark.slow


MM = 72 / 25.4
A5 = (148 * MM, 210 * MM)
A4_LANDSCAPE = (297 * MM, 210 * MM)


def page_texts(path, *crop: str) -> list[str]:
    """The text of each page as poppler's pdftotext reads it, white space folded."""
    tool = need_tool("pdftotext")
    result = subprocess.run([tool, "-layout", *crop, str(path), "-"], capture_output=True,
                            text=True, check=True)
    return [" ".join(page.split()) for page in result.stdout.split("\f")[:-1]]


def close(a: float, b: float, tolerance: float = 0.05) -> bool:
    return abs(a - b) <= tolerance


def test_screen_pdf_is_a5_with_a_multiple_of_four_pages(sample_build):
    reader = PdfReader(sample_build.booklet)
    assert len(reader.pages) % 4 == 0
    for page in reader.pages:
        assert close(float(page.mediabox.width), A5[0]) and close(float(page.mediabox.height), A5[1])


def test_the_cover_shows_organisation_title_subtitle_date_and_lesson_count(sample_build):
    """The README's settings: organisation, title, subtitle and the date written out are
    on the cover, with the number of lessons."""
    pub = parse_publication(SAMPLE)
    cover = page_texts(sample_build.booklet)[0]
    for shown in (pub.meta.organisation, pub.meta.title, pub.meta.subtitle, "12 december 2026",
                  f"{len(pub.lessons)} lessen"):
        assert shown in cover, (shown, cover)


def test_every_lesson_title_in_order(sample_build):
    pub = parse_publication(SAMPLE)
    text = " ".join(page_texts(sample_build.booklet))
    positions = [text.find(lesson.title_text) for lesson in pub.lessons]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    for block in pub.introduction.blocks[:1] + pub.closing.blocks[:1]:
        assert plain_text(block.inlines)[:40] in text


def test_contents_page_numbers_point_at_the_lesson_titles(sample_build):
    pub = parse_publication(SAMPLE)
    pages = page_texts(sample_build.booklet)
    contents_index = next(i for i, text in enumerate(pages) if text.startswith("INHOUD"))
    contents = pages[contents_index]
    for lesson in pub.lessons:
        title = lesson.title_text
        match = re.search(re.escape(title) + r"[ .]*?(\d+)", contents)
        assert match, f"{title!r} not in contents: {contents}"
        listed = int(match.group(1))
        # The lesson's own page starts with its label, number and title.
        actual = next(i + 1 for i, text in enumerate(pages)
                      if i > contents_index and text.startswith(f"LES {lesson.number} {title}"))
        assert listed == actual, (title, listed, actual)


def test_fonts_are_embedded_and_are_ours(sample_build):
    for path in (sample_build.booklet, sample_build.print_shop, sample_build.a4):
        reader = PdfReader(path)
        names = set()
        for page in reader.pages:
            resources = page["/Resources"]
            fonts = dict(resources.get("/Font", {}))
            for xobject in resources.get("/XObject", {}).values():  # imposed pages
                fonts.update(xobject.get_object().get("/Resources", {}).get("/Font", {}))
            for font in fonts.values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object() \
                    if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                names.add(str(font["/BaseFont"]).split("+")[-1])
        assert names, path
        assert not any("DejaVu" in name for name in names), names
        assert all(name.startswith(("Carlito", "Caladea")) for name in names), names


def test_fonts_come_from_layouts_folder(source_dir, no_weasyprint_warnings):
    from tweeluik.booklet import render
    fetched = []
    original = render.FolderFetcher.fetch

    def spy(self, url, headers=None):
        response = original(self, url, headers)
        fetched.append(url)
        return response

    render.FolderFetcher.fetch = spy
    try:
        pub = parse_publication(write_source(source_dir, "## Les\n\nTekst met *nadruk*.\n"))
        layout_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir, dt.datetime(2026, 1, 1),
                       WriterSession())  # a new session loads the fonts
    finally:
        render.FolderFetcher.fetch = original
    font_urls = [url for url in fetched if url.endswith(".ttf")]
    assert font_urls and all("/layouts/fonts/" in url for url in font_urls)


def test_no_running_head_or_number_on_covers_and_blank_pages(source_dir, no_weasyprint_warnings):
    pub = parse_publication(SAMPLE)
    document = layout_booklet(pub, load_theme(LAYOUTS), LAYOUTS, SAMPLE.parent,
                                    dt.datetime(2026, 1, 1)).document
    margin_text = []
    for page in document.pages:
        boxes = [child for child in page._page_box.children if type(child).__name__ == "MarginBox"]
        texts = ["".join(getattr(d, "text", "") for d in box.descendants()) for box in boxes]
        margin_text.append([text for text in texts if text.strip()])
    names = [page._page_box.page_type.name for page in document.pages]
    assert names[0] == "cover" and names[-1] == "back"
    for name, texts in zip(names, margin_text):
        if name in ("cover", "back", "blank", "front"):
            assert texts == [], (name, texts)
    body_pages = [i for i, name in enumerate(names) if name == "body"]
    for index in body_pages:  # every body page carries its number in the margin
        assert str(index + 1) in margin_text[index]


def test_sample_builds_without_weasyprint_warnings(source_dir, no_weasyprint_warnings):
    pub = parse_publication(SAMPLE)
    warnings = layout_booklet(pub, load_theme(LAYOUTS), LAYOUTS, SAMPLE.parent,
                                    dt.datetime(2026, 1, 1)).warnings
    assert warnings == ()


def test_print_shop_variant_has_bleed_trim_and_room_for_marks(sample_build):
    reader = PdfReader(sample_build.print_shop)
    screen = PdfReader(sample_build.booklet)
    assert len(reader.pages) == len(screen.pages)
    for page in reader.pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert close(float(trim.width), A5[0]) and close(float(trim.height), A5[1])
        assert close(float(bleed.width), A5[0] + 6 * MM) and close(float(bleed.height), A5[1] + 6 * MM)
        assert close(float(trim.left) - float(bleed.left), 3 * MM)
        assert float(media.width) > float(bleed.width) + 10 * MM  # crop marks sit outside the bleed


def test_a4_variant_is_imposed_two_up(sample_build):
    screen = PdfReader(sample_build.booklet)
    reader = PdfReader(sample_build.a4)
    assert len(reader.pages) == len(screen.pages) // 2
    for page in reader.pages:
        assert close(float(page.mediabox.width), A4_LANDSCAPE[0], 0.5)
        assert close(float(page.mediabox.height), A4_LANDSCAPE[1], 0.5)


@pytest.mark.parametrize("count, expected", [
    (4, [(4, 1), (2, 3)]),
    (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
    (12, [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]),
])
def test_saddle_stitch_order(count, expected):
    assert saddle_stitch_order(count) == expected


def test_saddle_stitch_needs_multiple_of_four():
    with pytest.raises(ValueError):
        saddle_stitch_order(6)


@pytest.mark.parametrize("count", [4, 8, 12])
def test_imposed_pages_land_in_the_right_halves(count, tmp_path):
    html = "".join(f'<p style="break-before: page; font-size: 40pt">P{n}</p>' for n in range(1, count + 1))
    pdf = weasyprint.HTML(string=f"<style>@page {{ size: A5; margin: 20mm }}</style>{html}").write_pdf()
    imposed = tmp_path / "imposed.pdf"
    imposed.write_bytes(impose_booklet(pdf))
    assert len(PdfReader(imposed).pages) == count // 2
    # pdftotext crops in pixels at 72 dpi: one point per pixel.
    width, height = int(A4_LANDSCAPE[0] / 2), int(A4_LANDSCAPE[1])
    left = page_texts(imposed, "-x", "0", "-y", "0", "-W", str(width), "-H", str(height))
    right = page_texts(imposed, "-x", str(width + 1), "-y", "0", "-W", str(width), "-H", str(height))
    seen = [(int(a[1:]), int(b[1:])) for a, b in zip(left, right)]
    assert seen == saddle_stitch_order(count)


def test_metadata_bookmarks_language_and_tags(sample_build):
    pub = parse_publication(SAMPLE)
    reader = PdfReader(sample_build.booklet)
    meta = reader.metadata
    assert meta.title == pub.meta.title
    assert meta.author == pub.meta.organisation
    assert meta.subject == pub.meta.description
    assert meta["/Keywords"] == ", ".join(pub.meta.keywords)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl-NL"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    outline = [item.title for item in reader.outline]
    assert outline == ["Inleiding", *[f"{l.number}. {l.title_text}" for l in pub.lessons], "Tot slot"]
    assert PdfReader(sample_build.a4).trailer["/Root"]["/Lang"] == "nl-NL"


def test_print_variants_keep_the_metadata(sample_build):
    screen = PdfReader(sample_build.booklet)
    for path in (sample_build.a4, sample_build.print_shop):
        reader = PdfReader(path)
        for key in ("/Title", "/Author", "/Subject", "/Keywords", "/CreationDate"):
            assert reader.metadata[key] == screen.metadata[key], (path.name, key)
        assert reader.trailer["/Root"]["/Lang"] == "nl-NL"


def test_images_reach_the_page_of_their_lesson(sample_build):
    from PIL import Image as PILImage
    pub = parse_publication(SAMPLE)
    image = next(block for lesson in pub.lessons for block in lesson.blocks
                 if getattr(block, "kind", "") == "image")
    lesson = next(lesson for lesson in pub.lessons if image in lesson.blocks)
    pages = page_texts(sample_build.booklet)
    number = next(i for i, text in enumerate(pages) if text.startswith(f"LES {lesson.number} "))
    reader = PdfReader(sample_build.booklet)
    images = [found for page in (number, number + 1) for found in reader.pages[page].images]
    assert images, "the lesson's picture is not on its pages"
    with PILImage.open(image.path) as original:
        assert any(found.image.size == original.size for found in images)
    assert image.alt[:40] in " ".join(pages[number:number + 2])  # and its caption


def test_crop_marks_are_drawn_in_the_slug(sample_build, tmp_path):
    from PIL import Image as PILImage
    tool = need_tool("pdftoppm")
    subprocess.run([tool, "-r", "72", "-png", "-gray", "-f", "1", "-l", "1",
                    str(sample_build.print_shop), str(tmp_path / "page")], check=True)
    picture = PILImage.open(next(tmp_path.glob("page*.png"))).convert("L")
    reader = PdfReader(sample_build.print_shop)
    page = reader.pages[0]
    media, trim = page.mediabox, page.trimbox
    # In pixels from the top left (72 dpi: one point per pixel).
    left = float(trim.left) - float(media.left)
    top = float(media.top) - float(trim.top)
    right = left + float(trim.width)
    bottom = top + float(trim.height)
    marks = {
        "top left, horizontal": (left - 6 * MM, top),
        "top left, vertical": (left, top - 6 * MM),
        "bottom right, horizontal": (right + 6 * MM, bottom),
        "bottom right, vertical": (right, bottom + 6 * MM),
    }
    for where, (x, y) in marks.items():
        darkest = min(picture.getpixel((int(x) + dx, int(y) + dy))
                      for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        assert darkest < 160, f"no crop mark {where}"
    assert picture.getpixel((int(left - 6 * MM), int(top - 6 * MM))) > 200  # corners stay clear


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ("12 December 2026", "1 lesson", "COLOPHON", "Published by", "Signed by",
            "CONTENTS", "INTRODUCTION", "LESSON 1 First lesson", "In closing", "NOTES",
            "Made with tweeluik")),
    # a German club's letter (real ones came in with Dutch labels: COLOFON, AANTEKENINGEN)
    ("de", ("12. Dezember 2026", "1 Lehre", "IMPRESSUM", "Herausgegeben von",
            "Unterzeichnet von", "INHALT", "EINLEITUNG", "LEHRE 1 First lesson",
            "Zum Schluss", "NOTIZEN", "Erstellt mit tweeluik")),
])
def test_booklet_labels_in_the_publications_language(source_dir, tmp_path, language, expected):
    from tweeluik.booklet.render import render_booklet
    body = "Dear members,\n\nAn introduction.\n\n## First lesson\n\nText.\n\n---\n\nGoodbye.\n"
    front = (f"title: Test\norganisation: The Team\ndate: 2026-12-12\nlanguage: {language}\n"
             "signatories: [Ann]\n")
    pub = parse_publication(write_source(source_dir, body, front))
    pdf = tmp_path / f"{language}.pdf"
    pdf.write_bytes(render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir,
                                   dt.datetime(2026, 1, 1)).pdf)
    text = " ".join(page_texts(pdf))
    compact = text.replace(" ", "")  # (a letter-spaced heading comes out as 'I N H A LT')
    for words in expected:
        assert words.replace(" ", "") in compact, words
    for dutch in ("Inhoud", "Inleiding", "Tot slot", "Colofon", "Aantekeningen", " Les "):
        assert dutch.lower() not in text.lower(), dutch
    assert str(PdfReader(pdf).trailer["/Root"]["/Lang"]) == {"en": "en-GB", "de": "de-DE"}[language]


MARGIN = {"top": 20 * MM, "bottom": 24 * MM, "inner": 19 * MM, "outer": 27 * MM}


def words_outside_text_area(pdf_path, page_names):
    """Words on body pages outside the text block, other than the running head and folio."""
    tool = need_tool("pdftotext")
    out = subprocess.run([tool, "-bbox", str(pdf_path), "-"], capture_output=True, text=True,
                         check=True).stdout
    strays = []
    for index, chunk in enumerate(out.split("<page ")[1:]):
        if page_names[index] != "body":
            continue
        right_page = index % 2 == 0  # page 1 is a right-hand page
        left = MARGIN["inner"] if right_page else MARGIN["outer"]
        right = A5[0] - (MARGIN["outer"] if right_page else MARGIN["inner"])
        top, bottom = MARGIN["top"], A5[1] - MARGIN["bottom"]
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk):
            x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
            if y1 <= top:  # running head
                continue
            if word == str(index + 1) and (x1 <= left or x0 >= right):  # folio in the outer margin
                continue
            if x0 < left - 0.5 or x1 > right + 0.5 or y0 < top - 3 or y1 > bottom + 3:
                strays.append((index + 1, word, round(x0), round(y0), round(x1), round(y1)))
    return strays


def test_nothing_outside_the_text_area_even_with_long_words(source_dir, tmp_path, no_weasyprint_warnings):
    from tweeluik.booklet.render import render_booklet
    long_word = "vrijwilligersvergoedingsregelingsaanvraagformulieren" * 2
    url = "https://www.example.nl/" + "heel-lang-pad-" * 12
    body = f"""
    ## Een les met een {long_word} in de titel

    > Een kernboodschap met het woord {long_word}.

    Tekst met {long_word} en een adres [{url}]({url}) en nog meer woorden om de regel te vullen.

    - een lijst met {long_word}
    """
    pub = parse_publication(write_source(source_dir, body))
    theme = load_theme(LAYOUTS)
    document = layout_booklet(pub, theme, LAYOUTS, source_dir, dt.datetime(2026, 1, 1)).document
    names = [page._page_box.page_type.name for page in document.pages]
    pdf = tmp_path / "stress.pdf"
    pdf.write_bytes(render_booklet(pub, theme, LAYOUTS, source_dir, dt.datetime(2026, 1, 1)).pdf)
    assert words_outside_text_area(pdf, names) == []


def test_sample_text_stays_in_the_text_area(sample_build):
    pub = parse_publication(SAMPLE)
    document = layout_booklet(pub, load_theme(LAYOUTS), LAYOUTS, SAMPLE.parent,
                                    dt.datetime(2026, 1, 1)).document
    names = [page._page_box.page_type.name for page in document.pages]
    assert words_outside_text_area(sample_build.booklet, names) == []


def test_no_subheading_alone_at_the_foot_of_a_page(source_dir, no_weasyprint_warnings):
    # Subheadings at every possible height: paragraphs of growing length between them.
    body = "## Les\n\n" + "".join(
        f"### Tussenkop {n}\n\n" + "Een zin met wat woorden erin. " * (3 + n % 9) + "\n\n"
        for n in range(40))
    pub = parse_publication(write_source(source_dir, body))
    document = layout_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir,
                                    dt.datetime(2026, 1, 1)).document
    checked = 0
    for number, page in enumerate(document.pages, start=1):
        blocks = [box for box in page._page_box.descendants()
                  if getattr(box, "element_tag", None) in ("h3", "p")
                  and type(box).__name__ == "BlockBox"]
        if blocks:
            last = max(blocks, key=lambda box: box.position_y)
            assert last.element_tag != "h3", f"page {number} ends with a subheading"
            checked += 1
    assert checked >= 4


def test_typographic_quotes_apostrophes_and_dashes_reach_the_pdf(sample_build):
    text = " ".join(page_texts(sample_build.booklet))
    assert "’s avonds" in text and "’t Zand" in text  # Dutch elisions
    assert "‘We hoefden niets" in text                  # opening single quote
    assert " – die staan in het" in text                # en dash from --
    assert "'" not in text and '"' not in text and " -- " not in text


def test_a_changed_picture_is_read_again_by_the_same_process(source_dir):
    """Watch mode keeps decoded pictures between builds, but never a stale one."""
    import os

    from PIL import Image as PILImage

    from tweeluik.booklet import render

    picture = source_dir / "foto.png"
    PILImage.new("RGB", (400, 300), (200, 30, 30)).save(picture)
    source = write_source(source_dir, "## Les\n\n![Een foto](foto.png)\n\nTekst.\n")
    pub, theme = parse_publication(source), load_theme(LAYOUTS)
    created = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    session = WriterSession()
    first = render.render_booklet(pub, theme, LAYOUTS, source_dir, created, session).pdf
    PILImage.new("RGB", (400, 300), (30, 30, 200)).save(picture)
    later = picture.stat().st_mtime_ns + 2_000_000_000
    os.utime(picture, ns=(later, later))
    second = render.render_booklet(pub, theme, LAYOUTS, source_dir, created, session).pdf
    fresh = render.render_booklet(pub, theme, LAYOUTS, source_dir, created,
                                  WriterSession()).pdf  # one that never saw the first picture
    assert second != first and second == fresh


def test_page_references_are_built_once_per_page_added_and_the_bytes_stay_the_same():
    """pydyf rebuilds every page reference on each read, once per tagged element; while
    ``page_lookup_kept`` is active the list is kept until a page is added."""
    import pydyf

    from tweeluik.booklet.page_lookup import page_lookup_kept
    pdf = pydyf.PDF()
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    with page_lookup_kept():
        first = pdf.page_references
        assert pdf.page_references is first and len(first) == 1
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == (*first, f"{pdf.objects[-1].number} 0 R".encode())
    assert pdf.page_references is not pdf.page_references  # pydyf's own, outside the block

    pages = "".join(f"<h1>Les {n}</h1><p>{'woord ' * 900}</p>" for n in range(12))
    document = weasyprint.HTML(string=f"<html lang='nl'><body>{pages}</body></html>").render(
        pdf_tags=True)
    plain = document.write_pdf(pdf_tags=True, pdf_identifier=b"x" * 32)
    with page_lookup_kept():
        kept = document.write_pdf(pdf_tags=True, pdf_identifier=b"x" * 32)
    assert len(document.pages) > 12 and kept == plain


def test_the_cycle_collector_rests_while_the_pdf_is_written_and_wakes_after(source_dir,
                                                                            monkeypatch):
    """Writing the PDF makes many small objects beside the laid-out pages (millions of
    objects in a long booklet), and each full collection would walk them all: the
    collector is paused for the write, and on again after it, also when it fails."""
    import gc

    from tweeluik.booklet import render

    seen: list[bool] = []
    write = weasyprint.Document.write_pdf

    def watched(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return write(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.Document, "write_pdf", watched)
    pub = parse_publication(write_source(source_dir, "## Les\n\nTekst.\n"))
    created = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    render.render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir, created)
    assert seen == [False] and gc.isenabled()

    def failing(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(weasyprint.Document, "write_pdf", failing)
    with pytest.raises(OSError):
        render.render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir, created)
    assert gc.isenabled()


def test_a_lists_first_and_last_items_never_stand_alone_across_a_page(source_dir, tmp_path):
    """A real invitation's agenda had its heading and first item at a page's foot and
    the other sixteen over the page. Whatever text stands above it, a list's first item
    goes with its second, and its last with the one before."""
    from tweeluik.booklet.render import render_booklet
    sentence = "Dit is een zin van de inleiding die de bladzijde langzaam vult. "
    items = ["Opening", "Verslag", "Begroting", "Verkiezing", "Rondvraag"]
    listed = "".join(f"- {item} van de avond\n" for item in items)
    checked = 0
    for count in range(14, 22):
        body = f"## Een les\n\n{sentence * count}\n\n### Agenda\n\n{listed}\nEinde van de les.\n"
        pub = parse_publication(write_source(source_dir, body, "title: Proef\n"))
        pdf = tmp_path / f"lijst-{count}.pdf"
        pdf.write_bytes(render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir,
                                       dt.datetime(2026, 1, 1)).pdf)
        for page in page_texts(pdf):
            on_page = [item for item in items if f"{item} van de avond" in page]
            if on_page and len(on_page) < len(items):
                checked += 1
                assert on_page[:1] != [items[-1]] or len(on_page) > 1, (count, on_page)
                assert on_page != [items[0]], (count, on_page)
    assert checked, "no list was cut by a page: the test tried no case"


def test_numbered_lists_inside_numbered_items_count_as_word_does(source_dir, tmp_path):
    """A real team's retrospective in Word numbered its points on three levels, 1., a.,
    i.; the booklet numbered every level 1., 2., …, so 'punt 1' of three lists read alike."""
    from tweeluik.booklet.render import render_booklet
    body = ("## Een les\n\nWat we zagen:\n\n1. Ontwerp\n   1. Kleuren\n      1. Te veel groen\n"
            "      2. Te weinig rood\n   2. Letters\n2. Samenwerking\n")
    pub = parse_publication(write_source(source_dir, body, "title: Proef\n"))
    pdf = tmp_path / "lijsten.pdf"
    pdf.write_bytes(render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir,
                                   dt.datetime(2026, 1, 1)).pdf)
    text = " ".join(page_texts(pdf))
    for label in ("1. Ontwerp", "a. Kleuren", "i. Te veel groen", "ii. Te weinig rood",
                  "b. Letters", "2. Samenwerking"):
        assert label in text, label


def test_a_signatorys_name_and_role_are_never_hyphenated(source_dir, tmp_path):
    """A real board note's coordinator signed as 'Coordinator servicepunt Jobhulpmaatje';
    the booklet broke it 'service-punt' in the half-width column of the names."""
    from tweeluik.booklet.render import render_booklet
    role = "Karin Geertsma (coördinator van het servicepunt Jobhulpmaatje Zoetermeer)"
    front = f"title: Proef\nsignatories: ['{role}', 'Peter Veld (voorzitter)']\n"
    pub = parse_publication(write_source(source_dir, "## Een les\n\nTekst.\n", front))
    pdf = tmp_path / "namen.pdf"
    pdf.write_bytes(render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir,
                                   dt.datetime(2026, 1, 1)).pdf)
    text = " ".join(page_texts(pdf))
    assert "Zoetermeer" in text, text
    assert "Zoeter-" not in text, text


def test_lists_of_three_nested_in_lists_of_three_still_break_across_pages(source_dir,
                                                                          tmp_path):
    """A real team's retrospective: three lists of three, each item holding lists of
    three. With every list's first and last item kept with its neighbour, none of it
    could break: the page under its first line stayed empty and the booklet grew from 8
    pages to 12. The text's own lists keep that rule; the lists inside their items may
    break anywhere."""
    from tweeluik.booklet.render import render_booklet
    inner = "".join(f"      {n}. Opmerking {n} over dit onderdeel van de presentatie\n"
                    for n in (1, 2, 3))
    middle = "".join(f"   {n}. Onderdeel {n}:\n{inner}" for n in (1, 2, 3))
    outer = "".join(f"{n}. Ronde {n}\n{middle}" for n in (1, 2, 3))
    body = f"Tussen de presentaties, wat we zagen:\n\n{outer}"
    pub = parse_publication(write_source(source_dir, body, "title: Terugblik\n"))
    pdf = tmp_path / "terugblik.pdf"
    pdf.write_bytes(render_booklet(pub, load_theme(LAYOUTS), LAYOUTS, source_dir,
                                   dt.datetime(2026, 1, 1)).pdf)
    pages = page_texts(pdf)
    first = next(page for page in pages if "wat we zagen" in page)
    assert "Ronde 1" in first and "Onderdeel 1" in first, first  # the list starts there
