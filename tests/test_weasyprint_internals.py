"""One contract test for each WeasyPrint and pydyf internal tweeluik uses
(``tweeluik/booklet/weasyprint_internals.py``): when a release moves one, the test named
after it fails, and a build says which internal moved instead of laying out wrong pages."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from tweeluik.booklet import weasyprint_internals as internals

from .conftest import ROOT, SAMPLE

weasyprint = pytest.importorskip("weasyprint")


def laid_out(html: str, **options):
    return weasyprint.HTML(string=html).render(**options)


PARAGRAPH = '<html lang="nl"><body><p>Een zin met woorden.</p></body></html>'
PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
       "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")  # one pixel


def test_page_box_is_the_page_s_box_with_its_content_area():
    page = laid_out(PARAGRAPH).pages[0]
    box = internals.page_box(page)
    assert box.height > 0 and box.content_box_y() > 0
    assert box.children  # the html box


def test_box_classes_are_the_types_found_in_a_page_s_tree():
    margin_box, text_box, replaced_box, footnote_area, placeholder = internals.box_classes()
    html = ('<html><head><style>@page { @top-center { content: "kop" } }</style></head><body>'
            '<p>Tekst<span style="float: footnote">noot</span></p>'
            f'<img src="{PNG}" alt="x">'
            '<div style="position: absolute; top: 0">los</div></body></html>')
    seen: set[type] = set()

    def walk(box):
        seen.update(kind for kind in (margin_box, text_box, replaced_box, footnote_area,
                                      placeholder) if isinstance(box, kind))
        if isinstance(box, placeholder):
            walk(internals.placed_box(box))
        for child in getattr(box, "children", ()):
            walk(child)

    walk(internals.page_box(laid_out(html).pages[0]))
    assert seen == {margin_box, text_box, replaced_box, footnote_area, placeholder}


def test_placed_box_is_the_box_an_absolute_placeholder_stands_for():
    *_, placeholder = internals.box_classes()
    html = '<html><body><div id="los" style="position: absolute; top: 0">los</div></body></html>'
    found = []

    def walk(box):
        if isinstance(box, placeholder):
            found.append(internals.placed_box(box))
        for child in getattr(box, "children", ()):
            walk(child)

    walk(internals.page_box(laid_out(html).pages[0]))
    assert found and found[0].element.get("id") == "los"


def test_the_box_attributes_the_structure_tree_reads():
    _, text_box, _, footnote_area, _ = internals.box_classes()
    html = ('<html lang="nl"><head><style>li::after { content: leader(".") "1" }</style></head>'
            '<body><p>Tekst <a href="https://example.nl">hier</a>'
            '<span style="float: footnote">noot</span></p><ul><li>punt</li></ul></body></html>')
    found = dict.fromkeys(("element", "link", "footnote", "marker", "leader", "text"), False)

    def walk(box):
        if box.element is not None and box.element_tag == "p":
            found["element"] = hasattr(box.element, "tag")
        found["link"] |= box.link_annotation is not None
        found["footnote"] |= isinstance(box, footnote_area) and bool(box.children)
        found["marker"] |= (box.element_tag or "").endswith("::marker")
        found["leader"] |= getattr(box, "is_leader", False) is True
        found["text"] |= isinstance(box, text_box) and box.text == "punt"
        for child in getattr(box, "children", ()):
            walk(child)

    document = laid_out(html)
    document.write_pdf()  # links get their annotation as the PDF is written
    walk(internals.page_box(document.pages[0]))
    assert found == dict.fromkeys(found, True), found


def tagging_spy(seen: dict):
    def spy(pdf, document, pdf_version, page_streams):
        seen["arguments"] = (pdf, document, pdf_version)
        seen["tags"] = dict(internals.stream_tags(page_streams[0]))
        seen["operators"] = list(internals.stream_operators(page_streams[0]))
        seen["page count"] = internals.page_count(pdf)
    return spy


def test_pdf_tagging_is_replaced_for_the_length_of_the_block_and_put_back():
    import weasyprint.pdf as weasyprint_pdf
    own = weasyprint_pdf.add_tags
    seen: dict = {}
    with internals.pdf_tagging_replaced_by(tagging_spy(seen)):
        assert weasyprint_pdf.add_tags is not own
        weasyprint.HTML(string=PARAGRAPH).write_pdf(pdf_variant="pdf/ua-1")
    assert weasyprint_pdf.add_tags is own
    pdf, document, _ = seen["arguments"]
    assert len(document.pages) == 1 and hasattr(pdf, "catalog")


def test_stream_tags_hold_each_box_s_marked_content_number():
    seen: dict = {}
    with internals.pdf_tagging_replaced_by(tagging_spy(seen)):
        weasyprint.HTML(string=PARAGRAPH).write_pdf(pdf_variant="pdf/ua-1")
    assert seen["tags"] and all(set(kid) == {"tag", "mcid"} for kid in seen["tags"].values())


def test_stream_operators_are_a_list_with_the_marked_content_operators():
    seen: dict = {}
    with internals.pdf_tagging_replaced_by(tagging_spy(seen)):
        weasyprint.HTML(string=PARAGRAPH).write_pdf(pdf_variant="pdf/ua-1")
    assert b"BDC" in seen["operators"] and b"EMC" in seen["operators"]


def test_page_count_counts_the_pages_of_the_pdf_being_written():
    seen: dict = {}
    two_pages = PARAGRAPH.replace("<p>", '<p style="break-after: page">x</p><p>')
    with internals.pdf_tagging_replaced_by(tagging_spy(seen)):
        weasyprint.HTML(string=two_pages).write_pdf(pdf_variant="pdf/ua-1")
    assert seen["page count"] == 2


def test_page_references_is_a_property_that_can_be_replaced_and_is_put_back():
    import pydyf
    found = internals.page_references_property()
    assert isinstance(found, property)
    stand_in = property(lambda pdf: ("stand-in",))
    with internals.page_references_as(stand_in):
        assert pydyf.PDF().page_references == ("stand-in",)
    assert pydyf.PDF.__dict__["page_references"] is found


def test_hyphenation_asks_the_stand_in_where_a_word_breaks():
    asked = []

    class Dictionary:
        def iterate(self, word):
            asked.append(word)
            if word == "bestuursvergadering":
                yield "bestuurs", "vergadering"

    class StandIn:
        LANGUAGES = {"nl": None}

        @staticmethod
        def language_fallback(language):
            return "nl"

        def Pyphen(self, lang, left=2, right=2):
            return Dictionary()

    html = ('<html lang="nl"><body style="width: 30mm; hyphens: auto; font-size: 12pt">'
            '<p>de bestuursvergadering</p></body></html>')
    from weasyprint.text import line_break
    own = line_break.pyphen
    with internals.hyphenation_replaced_by(StandIn()):
        pdf = weasyprint.HTML(string=html).write_pdf()
    assert line_break.pyphen is own
    assert "bestuursvergadering" in asked
    from io import BytesIO

    from pypdf import PdfReader
    assert "bestuurs\u2010\nvergadering" in PdfReader(BytesIO(pdf)).pages[0].extract_text()


def test_the_picture_cache_keeps_drawings_by_type_and_pdf_data_by_the_address_s_md5():
    cache: dict = {}
    import base64
    drawing = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
               b'<rect width="10" height="10"/></svg>')
    svg = "data:image/svg+xml;base64," + base64.b64encode(drawing).decode("ascii")
    png = PNG
    html = f'<html><body><img src="{svg}" alt="a"><img src="{png}" alt="b"></body></html>'
    weasyprint.HTML(string=html).render(cache=cache).write_pdf()
    assert any(internals.is_drawing(value) for value in cache.values())
    assert not internals.is_drawing(cache[png])
    assert any(key.startswith(internals.cache_key_prefix(png)) for key in cache if key != png)


def test_progress_messages_say_laying_out_page_n_and_writing_the_pdf():
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    logger = logging.getLogger(internals.PROGRESS_LOGGER)
    handler, level = Keep(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        weasyprint.HTML(string=PARAGRAPH).write_pdf()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    pages = [record.args for record in records if internals.LAYING_OUT_PAGE in str(record.msg)]
    assert pages and pages[0] == (1,)
    assert any(internals.WRITING_PDF in str(record.msg) for record in records)


@pytest.mark.slow
def test_a_moved_internal_stops_the_build_with_one_line_naming_it(tmp_path):
    """A WeasyPrint without the name tweeluik replaces (as a new release might be): the
    build stops with one line naming it, exit code 3, no traceback, no booklet."""
    program = ("import sys, weasyprint.text.line_break as line_break\n"
               "del line_break.pyphen\n"
               "from tweeluik.cli import main\n"
               f"sys.exit(main([{str(SAMPLE)!r}, '--out', {str(tmp_path)!r}, "
               "'--only', 'booklet']))\n")
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 3, result.stderr
    assert "weasyprint.text.line_break.pyphen" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_font_files_folder_is_where_a_font_configuration_keeps_its_fonts():
    from weasyprint.text.fonts import FontConfiguration
    font_config = FontConfiguration()
    assert internals.font_files_folder(font_config) is None  # none before a @font-face
    font = (ROOT / "layouts" / "fonts" / "Carlito-Regular.ttf").as_uri()
    weasyprint.CSS(string=f"@font-face {{ font-family: Proef; src: url({font}) }}",
                   font_config=font_config)
    folder = internals.font_files_folder(font_config)
    assert folder.is_dir() and any(folder.iterdir())
    del font_config  # WeasyPrint removes it when the configuration is freed
    assert not folder.exists()
