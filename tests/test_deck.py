"""The deck: its plan (data, no file) and the .pptx python-pptx writes from it."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from tweeluik.deck import build_deck
from tweeluik.deck.fit import Box, Piece, Style, fit_text
from tweeluik.deck.planner import lesson_to_slide, publication_to_deck_plan
from tweeluik.errors import SourceError
from tweeluik.fonts import load_metrics
from tweeluik.model import blocks_text, plain_text
from tweeluik.parse import parse_publication
from tweeluik.theme import load_theme

from .conftest import FONTS, LAYOUTS, SAMPLE, default_template, write_source

THEME = load_theme(LAYOUTS)
CREATED = dt.datetime(2026, 12, 12, 12, tzinfo=dt.UTC)
LONG_WORD = "buurtbewonersvertegenwoordigersvergaderingen"  # 44 letters
LONG_TITLE = ("Waarom de gezamenlijke aanpak van de wijkteams in de Rivierenbuurt en de "
              "Havenbuurt uiteindelijk meer opleverde dan wij dachten")
LONG_MESSAGE = " ".join(["Wie elkaar kent vindt elkaar ook als het moeilijk wordt."] * 20)


def sample_plan():
    return publication_to_deck_plan(parse_publication(SAMPLE), THEME, default_template(), FONTS)


@pytest.mark.slow
def test_one_slide_per_lesson_plus_title_agenda_and_closing():
    pub = parse_publication(SAMPLE)
    plan = sample_plan()
    kinds = [slide.kind for slide in plan.slides]
    assert kinds[0] == "title" and kinds[-1] == "closing"
    assert kinds.count("agenda") == (1 if pub.meta.deck.agenda else 0)
    lesson_slides = [s for s in plan.slides if s.kind.startswith("lesson")]
    assert len(lesson_slides) == len(pub.lessons)
    assert len(plan.slides) == len(pub.lessons) + 2 + kinds.count("agenda")


@pytest.mark.slow
def test_lesson_slide_holds_number_title_and_key_message_not_the_body():
    pub = parse_publication(SAMPLE)
    lesson = pub.lessons[1]
    slide = lesson_to_slide(lesson, pub, THEME, default_template(), FONTS)
    assert plain(slide.text("number")) == str(lesson.number)
    assert plain(slide.text("title")) == lesson.title_text
    assert plain(slide.text("message")) == plain_text(lesson.key_message)
    assert slide.text("message").size >= 28


@pytest.mark.slow
def test_notes_hold_the_authors_notes_then_the_whole_lesson():
    pub = parse_publication(SAMPLE)
    plan = sample_plan()
    lesson_slides = [s for s in plan.slides if s.kind.startswith("lesson")]
    assert any(lesson.notes for lesson in pub.lessons)  # the sample has notes of its own
    for lesson, slide in zip(pub.lessons, lesson_slides, strict=True):
        whole = [plain_text(lesson.key_message), *blocks_text(lesson.blocks)]
        own = [plain_text(p.inlines) for p in lesson.notes or ()]
        expected = [*own, "— de hele les —", *whole] if own else whole
        assert list(slide.notes) == expected, lesson.number
        for note in slide.notes:
            assert not any(mark in note for mark in ("**", "](", "##", "::: ")), note


@pytest.mark.parametrize("body, shown", [
    ("Dit is de eerste zin. En dit de tweede.", "Dit is de eerste zin."),
    ("Ca. 40 vrijwilligers hielpen mee, o.a. in de tuin. Daarna was het feest.",
     "Ca. 40 vrijwilligers hielpen mee, o.a. in de tuin."),
    ("### Een tussenkop\n\n- een lijstje\n\n> Een citaat.\n\nDe echte eerste zin. Meer.",
     "De echte eerste zin."),
])
@pytest.mark.slow
def test_without_a_key_message_the_slide_shows_the_first_full_sentence(source_dir, body, shown):
    pub = parse_publication(write_source(source_dir, f"## Les\n\n{body}\n"))
    slide = lesson_to_slide(pub.lessons[0], pub, THEME, default_template(), FONTS)
    assert plain(slide.text("message")) == shown


@pytest.mark.parametrize("title, message", [
    (LONG_TITLE, "Kort."),
    ("Kort", LONG_MESSAGE),
    (LONG_WORD, f"Het {LONG_WORD} is lang."),
])
@pytest.mark.slow
def test_long_text_is_fitted_inside_its_box(source_dir, title, message):
    pub = parse_publication(write_source(source_dir, f"## {title}\n\n> {message}\n\nTekst.\n"))
    template = default_template()
    slide = lesson_to_slide(pub.lessons[0], pub, THEME, template, FONTS)
    layout = next(layout for layout in template.layouts if layout.name == slide.layout)
    frames = {p.order: p.frame for p in layout.placeholders}
    for text in slide.texts:
        face = THEME.serif if text.typeface == "serif" else THEME.sans
        style = Style(*(face.files[k] for k in ("regular", "italic", "bold", "bold_italic")))
        pieces = tuple(tuple(Piece(r.text, text.bold or r.bold, text.italic != r.italic)
                             for r in runs) for runs in text.paragraphs)
        frame = frames[text.placeholder]
        box = Box(frame.inner_width, frame.inner_height)
        fit = fit_text(pieces, style, box, text.size, text.size)
        assert fit is not None, (text.role, text.size)
    assert slide.text("message").size >= 28


@pytest.mark.slow
def test_too_long_message_is_shortened_to_whole_sentences_with_a_warning(source_dir):
    path = write_source(source_dir, f"## Les\n\n> {LONG_MESSAGE}\n\nTekst.\n")
    plan = publication_to_deck_plan(parse_publication(path), THEME, default_template(), FONTS)
    lesson = next(s for s in plan.slides if s.kind == "lesson")
    shown = plain(lesson.text("message"))
    sentence = "Wie elkaar kent vindt elkaar ook als het moeilijk wordt."
    assert shown.startswith(sentence) and shown.endswith(sentence)  # whole sentences only
    assert 1 <= shown.count(sentence) < 20
    assert LONG_MESSAGE in lesson.notes  # the whole message stays in the notes
    (warning,) = plan.warnings
    assert warning.line == 8 and "key message of lesson 1 is too long" in warning.message
    assert "the slide shows its first" in warning.message


@pytest.mark.slow
def test_one_endless_sentence_is_cut_at_a_clause_never_a_lone_ellipsis(source_dir):
    endless = ", ".join(["woorden zonder einde en zonder punt"] * 30)
    path = write_source(source_dir, f"## Les\n\n> {endless}\n\nTekst.\n")
    plan = publication_to_deck_plan(parse_publication(path), THEME, default_template(), FONTS)
    lesson = next(s for s in plan.slides if s.kind == "lesson")
    shown = plain(lesson.text("message"))
    assert shown.endswith("punt\u00a0…")  # a whole clause, the ellipsis glued to its word
    assert shown.strip("\u00a0…") and len(shown.split()) > 5
    assert lesson.text("message").size >= 28
    (warning,) = plan.warnings
    assert "up to a comma" in warning.message


@pytest.mark.slow
def test_too_long_word_is_hyphenated_with_a_warning(source_dir):
    word = "x" * 70
    path = write_source(source_dir, f"## {word}\n\nTekst.\n")
    plan = publication_to_deck_plan(parse_publication(path), THEME, default_template(), FONTS)
    lesson = next(s for s in plan.slides if s.kind == "lesson")
    assert "-" in plain(lesson.text("title"))
    assert any("too wide for the slide" in w.message and w.line == 6 for w in plan.warnings)


@pytest.mark.slow
def test_a_word_too_wide_for_the_slide_breaks_at_the_last_joint_that_fits(source_dir):
    """A word wider than its box is hyphenated at the last break point that fits, so it
    takes as few lines as it can: two, for a compound twice the key message's width."""
    compound = "vrijwilligersvergoedingsregelingsaanvraagformulieren"
    path = write_source(source_dir, f"## Een les\n\n> Over {compound * 2} en meer.\n\nTekst.\n")
    plan = publication_to_deck_plan(parse_publication(path), THEME, default_template(), FONTS)
    lesson = next(s for s in plan.slides if s.kind == "lesson")
    shown = plain(lesson.text("message")).split()[1]
    assert shown == f"{compound}-{compound}", shown


def test_shorter_versions_keep_the_most_first_sentences_then_clauses_then_words():
    from tweeluik.deck.shorten import shorter_versions
    text = "Een, twee, drie. Vier vijf. Zes zeven."
    versions = [(version.how, version.kept) for version in shorter_versions(text)]
    assert versions[:2] == [("sentences", 2), ("sentences", 1)]
    assert versions[2:4] == [("clause", 2), ("clause", 1)]
    assert [version.text for version in shorter_versions(text)][2] == "Een, twee\u00a0…"


@pytest.mark.slow
def test_a_key_message_too_long_keeps_as_many_whole_sentences_as_fit(source_dir):
    """A key message too long for its box is cut after the last whole sentence that fits,
    not after its first, and the warning says how many the slide shows."""
    sentences = " ".join(f"Zin {number} zegt iets over de buurt en de mensen die er wonen."
                         for number in range(1, 12))
    path = write_source(source_dir, f"## Een les\n\n> {sentences}\n\nTekst.\n")
    plan = publication_to_deck_plan(parse_publication(path), THEME, default_template(), FONTS)
    lesson = next(s for s in plan.slides if s.kind == "lesson")
    shown = plain(lesson.text("message"))
    kept = shown.count(" wonen.")
    assert 1 < kept < 11 and shown.endswith("wonen."), shown
    assert any(f"the slide shows its first {kept} sentences" in warning.message
               for warning in plan.warnings), [w.message for w in plan.warnings]


def test_fit_shrinks_then_gives_up():
    face = THEME.sans
    style = Style(*(face.files[k] for k in ("regular", "italic", "bold", "bold_italic")))
    words = ((Piece("een twee drie vier vijf zes zeven acht negen tien"),),)
    roomy = fit_text(words, style, Box(2000, 200), 40, 20)
    assert roomy is not None and roomy.size == 40 and len(roomy.lines) == 1
    tight = fit_text(words, style, Box(300, 100), 40, 20)
    assert tight is not None and tight.size < 40 and len(tight.lines) > 1
    assert fit_text(words, style, Box(100, 20), 40, 20) is None
    metrics = load_metrics(face.files["regular"])
    assert metrics.text_width("ii", 10) < metrics.text_width("MM", 10)


def test_a_point_of_a_list_is_measured_in_the_width_its_bullet_leaves():
    """A point's lines hang in: a line that fills the box without a bullet breaks with
    one, by 0.8 of the size or by the template's own indent."""
    from tweeluik.deck.fit import text_width

    face = THEME.sans
    style = Style(*(face.files[k] for k in ("regular", "italic", "bold", "bold_italic")))
    words = ((Piece("een stand op de markt van de buurt"),),)
    width = text_width(words[0][0].text, style, 20, False, False) + 4
    assert len(fit_text(words, style, Box(width, 200), 20, 20).lines) == 1
    assert len(fit_text(words, style, Box(width, 200), 20, 20, bulleted=True).lines) == 2
    assert len(fit_text(words, style, Box(width + 16, 200), 20, 20, bulleted=True).lines) == 1
    assert len(fit_text(words, style, Box(width + 16, 200), 20, 20, bulleted=True,
                        own_hang=27.0).lines) == 2


def test_text_fits_when_its_lines_fill_the_box_exactly_however_long_it_runs():
    """Line breaking stops once a text is too long for the box, and the answer is the
    one breaking it to its end gives: a box exactly as tall as the lines fits them, a
    hair less does not, with one paragraph or several, spaced ours or the template's."""
    from tweeluik.deck.fit import text_height, wrap

    face = THEME.sans
    files = [face.files[k] for k in ("regular", "italic", "bold", "bold_italic")]
    words = "wie elkaar kent vindt elkaar ook als het moeilijk wordt "
    for style in (Style(*files), Style(*files, line_spacing=("pts", 31.0)),
                  Style(*files, line_spacing=("pct", 0.9))):
        for paragraphs in (((Piece(words * 3),),),
                           ((Piece(words),), (Piece(words * 2, bold=True),))):
            for size in (30.0, 24.0, 18.0):
                lines = [line for (piece,) in paragraphs
                         for line in wrap((piece,), style, size, 400)]
                exact = text_height(len(lines), len(paragraphs), size, style)
                fit = fit_text(paragraphs, style, Box(400, exact), size, size)
                assert fit is not None and list(fit.lines) == lines, (style, size)
                assert fit_text(paragraphs, style, Box(400, exact - 0.01), size, size) is None \
                    or style.line_spacing == ("pts", 31.0)  # exact spacing has its slack
    long = ((Piece(words * 400),),)  # a pasted paragraph of 22,000 characters
    style = Style(*files)
    assert fit_text(long, style, Box(400, 300), 40, 8) is None
    every_line = wrap(long[0], style, 8, 400)
    assert fit_text(long, style, Box(400, text_height(len(every_line), 1, 8, style)), 40, 8
                    ).lines == tuple(every_line)


def plain(text) -> str:
    return "".join(run.text for runs in text.paragraphs for run in runs)


# --- the .pptx file ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_deck():
    pub = parse_publication(SAMPLE)
    built = build_deck(pub, THEME, LAYOUTS, CREATED)
    return pub, built, Presentation(BytesIO(built.pptx))


@pytest.mark.slow
def test_pptx_reopens_with_one_slide_per_plan_entry(sample_deck):
    pub, built, prs = sample_deck
    assert len(prs.slides) == len(built.plan.slides)
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9


def test_text_sits_in_placeholders_of_named_layouts(sample_deck):
    pub, built, prs = sample_deck
    for slide, plan in zip(prs.slides, built.plan.slides):
        assert slide.slide_layout.name == plan.layout
        texts = [shape for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text]
        assert texts and all(shape.is_placeholder for shape in texts)
    lesson_slide = prs.slides[[s.kind for s in built.plan.slides].index("lesson")]
    assert lesson_slide.shapes.title.text_frame.text in [l.title_text for l in pub.lessons]


def test_every_run_is_tagged_with_the_language(sample_deck):
    pub, built, prs = sample_deck
    for slide in prs.slides:
        frames = [s.text_frame for s in slide.shapes if s.has_text_frame]
        frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    assert run._r.rPr.get("lang") == "nl-NL", run.text


def test_speaker_notes_on_every_lesson_slide(sample_deck):
    pub, built, prs = sample_deck
    for slide, plan in zip(prs.slides, built.plan.slides):
        if plan.kind.startswith("lesson"):
            notes = slide.notes_slide.notes_text_frame.text
            assert notes.strip() and "*" not in notes


def test_core_properties_and_picture_alt_text(sample_deck):
    pub, built, prs = sample_deck
    props = prs.core_properties
    assert props.title == pub.meta.title
    assert props.author == pub.meta.organisation
    assert props.language == "nl-NL"
    assert props.created == CREATED.replace(tzinfo=None)
    pictures = [pic for slide in prs.slides for pic in slide._element.iter(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}pic")]
    image = next(block for lesson in pub.lessons for block in lesson.blocks if hasattr(block, "alt"))
    described = [(pic.nvPicPr.cNvPr.get("name"), pic.nvPicPr.cNvPr.get("descr")) for pic in pictures]
    logo = ("Logo", pub.meta.organisation)  # the sample has a logo: title and closing slide
    assert described == [logo, ("Picture", image.alt), logo]


def test_slide_numbers_are_fields(sample_deck):
    pub, built, prs = sample_deck
    for number, slide in enumerate(prs.slides, start=1):
        fields = slide._element.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/main}fld")
        assert [f.get("type") for f in fields] == ["slidenum"]
        assert fields[0].findtext("{http://schemas.openxmlformats.org/drawingml/2006/main}t") == str(number)


def test_zip_entries_have_fixed_timestamps(sample_deck):
    pub, built, prs = sample_deck
    with zipfile.ZipFile(BytesIO(built.pptx)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_default_template_has_named_layouts_and_no_slides():
    prs = Presentation(str(LAYOUTS / "deck" / "default.pptx"))
    assert len(prs.slides) == 0
    assert [layout.name for layout in prs.slide_layouts] == [
        "Title Slide", "Agenda", "Lesson", "Lesson with Picture", "Closing"]


# --- the user's own template ---------------------------------------------------------------


def make_user_template(path, with_slide=True):
    """A template like an organisation's: PowerPoint's stock layouts and a sample slide."""
    prs = Presentation()
    if with_slide:
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "Voorbeelddia die weg moet"
    prs.save(path)


@pytest.mark.slow
def test_user_template_with_mapped_layouts(source_dir):
    make_user_template(source_dir / "huisstijl.pptx")
    front = """
    title: Proef
    deck:
      template: huisstijl.pptx
      layouts:
        title: Title Slide
        lesson: Title and Content
        closing: Title Only
    """
    pub = parse_publication(write_source(source_dir, "## 1. Les\n\n> Kern.\n\nTekst.\n", front))
    built = build_deck(pub, THEME, LAYOUTS, CREATED)
    prs = Presentation(BytesIO(built.pptx))
    assert [s.slide_layout.name for s in prs.slides] == ["Title Slide", "Title and Content", "Title Only"]
    texts = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    assert "Voorbeelddia die weg moet" not in texts
    # no number placeholder in this layout: the number joins the title, bound to its first
    # word (on a real template's narrow title box '5' stood alone on a line above the rest)
    assert "1\u00a0\u00a0Les" in texts
    assert "Kern." in texts


@pytest.mark.slow
def test_missing_layouts_are_named_together_with_suggestions(source_dir):
    make_user_template(source_dir / "huisstijl.pptx", with_slide=False)
    front = ("title: Proef\ndeck:\n  template: huisstijl.pptx\n  layouts:\n"
             "    lesson: Sectiekop\n    closing: title onlyy\n    title: TITLE   slide\n")
    pub = parse_publication(write_source(source_dir, "## Les\n\nTekst.\n", front))
    with pytest.raises(SourceError) as caught:
        build_deck(pub, THEME, LAYOUTS, CREATED)
    message = caught.value.message
    assert caught.value.line == 3
    assert "has no slide layout 'Sectiekop' (for the lesson slide; did you mean 'Section Header'?)" \
        in message
    assert "nor 'title onlyy' (for the closing slide; did you mean 'Title Only'?)" in message
    assert "TITLE   slide" not in message  # case and spacing do not matter
    assert "Title and Content" in message and "template-info" in message


@pytest.mark.slow
def test_an_unmapped_template_gets_sensible_layouts(source_dir):
    make_user_template(source_dir / "huisstijl.pptx", with_slide=False)
    front = "title: Proef\norganisation: Wijkteam\ndate: 2026-12-12\ndeck:\n  template: huisstijl.pptx\n"
    pub = parse_publication(write_source(source_dir, "## Les\n\n> Kern.\n\nTekst.\n", front))
    built = build_deck(pub, THEME, LAYOUTS, CREATED)
    assert [slide.layout for slide in built.plan.slides] == ["Title Slide", "Title and Content",
                                                            "Title and Content"]
    prs = Presentation(BytesIO(built.pptx))
    title_texts = {shape.placeholder_format.type: shape.text_frame.text
                   for shape in prs.slides[0].placeholders if shape.has_text_frame}
    # The stock title layout's date and footer boxes are 12 pt strips, too small to read
    # from the room: the organisation and the date stand in the subtitle's box instead.
    assert "Proef" in title_texts.values()
    assert "Wijkteam" in title_texts[4] and "12 december 2026" in title_texts[4], title_texts


def test_missing_template_file(source_dir):
    front = "title: Proef\ndeck:\n  template: weg.pptx\n"
    pub = parse_publication(write_source(source_dir, "## Les\n\nTekst.\n", front))
    with pytest.raises(SourceError) as caught:
        build_deck(pub, THEME, LAYOUTS, CREATED)
    assert caught.value.line == 3 and "does not exist" in caught.value.message


def test_stored_default_template_is_what_the_maker_makes():
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "make_deck_template", LAYOUTS.parent / "tools" / "make_deck_template.py")
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    assert maker.make_template(THEME) == (LAYOUTS / "deck" / "default.pptx").read_bytes(), \
        "run: .venv/bin/python tools/make_deck_template.py"


@pytest.mark.slow
def test_signatories_break_between_names_only():
    pub = parse_publication(SAMPLE)
    plan = sample_plan()
    closing = plan.slides[-1].text("signatories")
    lines = [plain_runs(runs) for runs in closing.paragraphs]
    names = [name for line in lines for name in line.split("\u00a0\u00a0·\u00a0 ")]
    assert [name.replace("\u00a0", " ").replace("\u2060", "") for name in names] == \
        list(pub.meta.signatories)
    for line in lines:  # a break inside a line falls only between names, never before a dot
        assert not line.startswith("·")
        for name in line.split("\u00a0\u00a0·\u00a0 "):
            assert " " not in name and "-" not in name.replace("-\u2060", ""), name


def test_names_sharing_the_closing_box_never_break_inside_a_name():
    """One box for the closing words and the names (a layout without a second box): the
    names line breaks only between names, and no line starts with the separator."""
    from tweeluik.deck.runs import joined_names
    line = joined_names(("Pieter-Jan Smit", "Youssef El Amrani", "Anna de Wit"))
    # a line breaks at a space; two in a row would start the next line with the second
    assert "" not in line.split(" ") and line.count(" ") == 2, repr(line)
    from tweeluik.deck.fit import Piece as FitPiece
    from tweeluik.deck.fit import Style as FitStyle
    from tweeluik.deck.fit import wrap
    fonts = FONTS
    style = FitStyle(fonts / "Carlito-Regular.ttf", fonts / "Carlito-Italic.ttf",
                     fonts / "Carlito-Bold.ttf", fonts / "Carlito-BoldItalic.ttf")
    for width in range(60, 400, 7):
        lines = wrap((FitPiece(line),), style, 14, width)
        if lines is None:
            continue
        for text in lines:
            assert not text.lstrip().startswith("·"), lines
            for name in ("Pieter-Jan Smit", "Youssef El Amrani", "Anna de Wit"):
                shown = text.replace("\u00a0", " ").replace("\u2060", "")
                first, last = name.split(" ")[0], name.split(" ")[-1]
                assert (first in shown) == (last in shown) or name in shown, (width, lines)


def plain_runs(runs) -> str:
    return "".join(run.text for run in runs)


def test_runs_name_office_fonts_whose_twins_we_measure_with(sample_deck):
    # The deck names Calibri and Cambria (shipped with Office); the fit measured the text
    # with Carlito and Caladea, whose advance widths are the same.
    pub, built, prs = sample_deck
    faces = {run.font.name for slide in prs.slides for shape in slide.shapes
             if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs}
    assert faces == {THEME.sans.deck, THEME.serif.deck} == {"Calibri", "Cambria"}
    assert THEME.sans.files["regular"].name.startswith("Carlito")
    assert THEME.serif.files["regular"].name.startswith("Caladea")


def test_deck_colours_and_fonts_come_from_the_theme_file(sample_deck):
    pub, built, prs = sample_deck
    master = prs.slide_masters[0]
    theme_part = next(rel.target_part for rel in master.part.rels.values()
                      if rel.reltype.endswith("/theme"))
    xml = theme_part.blob.decode("utf-8")
    assert f'<a:accent1><a:srgbClr val="{THEME.colours["accent"].lstrip("#").upper()}"/>' in xml
    assert f'<a:dk1><a:srgbClr val="{THEME.colours["ink"].lstrip("#").upper()}"/>' in xml
    assert '<a:majorFont><a:latin typeface="Calibri"' in xml


@pytest.mark.parametrize(("font", "twin", "widening"), [
    ("Calibri Light", "Carlito", 1.0), ("Aptos", "LiberationSans", 1.15),
    ("Aptos Display", "LiberationSans", 1.15), ("Verdana", "LiberationSans", 1.22)])
def test_the_office_default_fonts_are_measured_without_the_cautious_stand_in(font, twin, widening):
    """Calibri Light (Office 2013–2022 headings) keeps Calibri's widths; Aptos (Office
    since 2023) is measured as Arial plus 15 %, the width of what LibreOffice draws in its
    place; only fonts nobody here knows get the 22 % stand-in and the warning."""
    from tweeluik.fonts import measuring_font
    measured = measuring_font(font, FONTS)
    assert measured.files["regular"].name == f"{twin}-Regular.ttf"
    assert measured.widening == widening
    assert measured.exact == (font != "Verdana")


@pytest.mark.slow
def test_titles_and_key_messages_keep_one_size_across_the_lesson_slides(source_dir):
    """One long title (or key message) no longer shrinks alone: every lesson slide sets
    the title at the size the longest needs, and the key messages likewise."""
    long_title = ("Waarom de gezamenlijke aanpak van alle wijkteams in de Rivierenbuurt en de "
                  "Vogelbuurt het verschil maakte voor de bewoners die er wonen")
    long_message = ("Wie elkaar kent, vindt elkaar ook als het moeilijk wordt, en dat merkten "
                    "we dit jaar in elke straat van de buurt, van de school tot de haven en "
                    "terug, bij de bakker en bij de bushalte, in de zomer en de winter.")
    body = (f"## Kort\n\n> Kort gezegd.\n\nTekst.\n\n## {long_title}\n\n> {long_message}\n\n"
            "Tekst.\n\n## Nog een\n\n> Nog een zin.\n\nTekst.\n")
    pub = parse_publication(write_source(source_dir, body))
    plan = publication_to_deck_plan(pub, THEME, default_template(), FONTS)
    lessons = [slide for slide in plan.slides if slide.kind.startswith("lesson")]
    titles = {slide.text("title").size for slide in lessons}
    messages = {slide.text("message").size for slide in lessons}
    assert len(titles) == 1 and len(messages) == 1, (titles, messages)
    assert min(THEME.deck["lesson_title"]) <= titles.pop()


def test_the_package_properties_tell_the_truth(sample_deck):
    """docProps/app.xml counts the slides with notes and lists each slide's real title
    (not 'Slide 1'); the deck was never printed, so no date of printing is claimed."""
    import re as regex
    pub, built, prs = sample_deck
    with zipfile.ZipFile(BytesIO(built.pptx)) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
        core = package.read("docProps/core.xml").decode("utf-8")
    parts = app.split("<TitlesOfParts>")[1]
    titles = regex.findall(r"<vt:lpstr>([^<]*)</vt:lpstr>", parts)
    assert titles[0] == pub.meta.title
    assert "Slide 1" not in titles
    assert any(pub.lessons[0].title_text in title for title in titles)
    with_notes = sum(1 for slide in prs.slides if slide.has_notes_slide
                     and slide.notes_slide.notes_text_frame.text.strip())
    assert f"<Notes>{with_notes}</Notes>" in app
    assert "lastPrinted" not in core


def test_a_template_without_title_boxes_is_refused_with_what_to_do_instead():
    """A 'template' whose layouts have no title box at all (a deck of pictures and loose
    text) is refused with advice that can be followed; when only another master has
    layouts with a title, the error names that master."""
    from pathlib import Path as P

    from tweeluik.deck.layouts import resolve_layouts
    from tweeluik.deck.template import Frame, LayoutInfo, PlaceholderInfo, TemplateInfo
    from tweeluik.model import DeckSettings

    def layout(master: int, name: str, titled: bool) -> LayoutInfo:
        boxes = (PlaceholderInfo(0, "title", 0, "Title 1", Frame(0, 40, 40, 600, 80)),
                 PlaceholderInfo(1, "body", 1, "Text 2", Frame(1, 40, 140, 600, 300))) \
            if titled else ()
        return LayoutInfo(master, 0, name, "cust", boxes)

    settings = DeckSettings(template=P("huisstijl.pptx"))
    pictures_only = TemplateInfo("huisstijl.pptx", 960, 540, ("Master 1",),
                                 (layout(0, "front", False), layout(0, "end", False)))
    with pytest.raises(SourceError) as refused:
        resolve_layouts(settings, pictures_only, False, P("pub.md"), 5)
    assert "no slide layout with a title box in any of its 2 layouts" in refused.value.message
    assert "leave out 'deck: template:'" in refused.value.message
    assert "built from pictures and loose text" in refused.value.message
    # a real church's projection template: one layout, a strip of text for the lyrics and
    # no title; it is no deck of pictures, and is not said to be
    strip = PlaceholderInfo(0, "body", 0, "Tekst", Frame(0, 0, 440, 960, 80))
    lyrics = TemplateInfo("beamer.pptx", 960, 540, ("Master 1",),
                          (LayoutInfo(0, 0, "Liedtekst", "cust", (strip,)),))
    with pytest.raises(SourceError) as refused:
        resolve_layouts(DeckSettings(template=P("beamer.pptx")), lyrics, False,
                        P("pub.md"), 5)
    assert "its layouts hold text boxes but no title" in refused.value.message
    assert "pictures and loose text" not in refused.value.message
    assert "lyrics" not in refused.value.message  # (what it is for is not known: a real
    # region's forecast template has twelve text boxes and no title either)
    second = TemplateInfo("huisstijl.pptx", 960, 540, ("Master 1", "Master 2"),
                          (layout(0, "front", False), layout(1, "Titel", True)))
    with pytest.raises(SourceError) as refused:
        resolve_layouts(settings, second, False, P("pub.md"), 5)
    assert "write 'deck: master: 2'" in refused.value.message
    resolve_layouts(DeckSettings(template=P("huisstijl.pptx"), master=2), second, False,
                    P("pub.md"), 5)


@pytest.mark.parametrize("name", ["Titelfolie rot", "Diapositive de titre", "Slide de Título",
                                  "1_Title Slide"])
def test_a_title_slide_layout_is_known_by_its_name_in_the_templates_language(name):
    """A company's German template has a content layout first and its title slides,
    'Titelfolie rot' and four more colours, without a subtitle box of Office's kind: the
    name says which is the title slide, in the languages templates come in."""
    from tweeluik.deck.template import (
        Frame,
        LayoutInfo,
        PlaceholderInfo,
        TemplateInfo,
        choose_layout,
    )

    def layout(position: int, called: str) -> LayoutInfo:
        return LayoutInfo(0, position, called, "cust", (
            PlaceholderInfo(0, "title", 0, "Titel 9", Frame(0, 40, 40, 600, 80)),
            PlaceholderInfo(1, "object", 1, "Inhalt 2", Frame(1, 40, 140, 600, 300))))

    template = TemplateInfo("vorlage.potx", 960, 540, ("Master",),
                            (layout(0, "01_Agenda 5"), layout(1, name)))
    assert choose_layout("title", template, 0, {}).name == name


def test_the_master_the_templates_own_slides_use_is_taken_unless_another_is_asked_for():
    """A company's template kept Office's plain master first and its own design (61
    layouts, its logo) second, where all its sample slides are: without 'deck: master',
    tweeluik takes the layouts of the master the template's own slides use."""
    from pathlib import Path as P
    from types import SimpleNamespace

    from tweeluik.deck.layouts import resolve_layouts
    from tweeluik.deck.pptx_reader import _slides_master
    from tweeluik.deck.template import Frame, LayoutInfo, PlaceholderInfo, TemplateInfo
    from tweeluik.model import DeckSettings

    plain, designed = (SimpleNamespace(part=SimpleNamespace(partname=name))
                       for name in ("/ppt/slideMasters/slideMaster1.xml",
                                    "/ppt/slideMasters/slideMaster2.xml"))

    def slide(master) -> SimpleNamespace:
        return SimpleNamespace(slide_layout=SimpleNamespace(slide_master=master))

    def presentation(*slides) -> SimpleNamespace:
        return SimpleNamespace(slide_masters=[plain, designed], slides=list(slides))

    assert _slides_master(presentation(slide(designed), slide(designed), slide(plain))) == 1
    assert _slides_master(presentation(slide(plain), slide(designed))) == 0  # a tie: the first
    assert _slides_master(presentation()) == 0

    def layout(master: int) -> LayoutInfo:
        return LayoutInfo(master, 0, "Title and Content", "obj", (
            PlaceholderInfo(0, "title", 0, "Title 1", Frame(0, 40, 40, 600, 80)),
            PlaceholderInfo(1, "body", 1, "Text 2", Frame(1, 40, 140, 600, 300))))

    template = TemplateInfo("huisstijl.pptx", 960, 540, ("Office", "Huisstijl"),
                            (layout(0), layout(1)), slides_master=1)
    chosen = resolve_layouts(DeckSettings(template=P("huisstijl.pptx")), template, True,
                             P("pub.md"), 5)
    assert {item.layout.master for item in chosen.values()} == {1}
    asked = resolve_layouts(DeckSettings(template=P("huisstijl.pptx"), master=1), template,
                            True, P("pub.md"), 5)
    assert {item.layout.master for item in asked.values()} == {0}


@pytest.mark.parametrize(("text", "real"), [
    ("Vereniging van Wijkteams — intern", True), ("KPN intern", True),
    ("Bill & Melinda Gates Foundation", True), ("Title of Presentation | DD.MM.YYYY", False),
    ("Short Title. Author.", False), ("<Autor>", False),
    ("Confidentiality: Public or Internal-LIST or Restricted-LIST", False), ("Footer", False)])
def test_a_footer_that_is_a_fill_in_hint_is_not_the_organisations(text, real):
    from tweeluik.deck.template import is_real_footer
    assert is_real_footer(text) == real


def test_a_box_shorter_than_its_text_is_made_as_tall_as_its_text_where_there_is_room():
    """A strip 22 pt high holding a 30 pt line (as a designer's template asks for): the box
    grows down when anchored at the top (its text stays where it stands), both ways in
    the middle, up at the bottom; not when the room it would take holds another text,
    and not for a text its box holds."""
    from dataclasses import replace

    from tweeluik.deck.box_room import with_room_for_text
    from tweeluik.deck.plan import SlidePlan, TextPlan
    from tweeluik.deck.template import Frame, LayoutInfo, PlaceholderInfo, TemplateInfo

    def slide_with(body_top: float, anchor: str = "top", height: float = 36.0):
        boxes = (PlaceholderInfo(0, "title", 0, "Titel 9", Frame(0, 70, 54, 800, 22, 0, 0, 0, 0)),
                 PlaceholderInfo(1, "body", 1, "Tekst 2", Frame(1, 70, body_top, 800, 200)))
        template = TemplateInfo("strip.pptx", 960, 540, ("Master 1",),
                                (LayoutInfo(0, 0, "Kapittel", "cust", boxes),))
        title = TextPlan("title", ((),), 30.0, 0, anchor=anchor, height=height)
        body = TextPlan("message", ((),), 24.0, 1, height=30.0)
        plan = SlidePlan("lesson", "Kapittel", (title, body), ())
        return with_room_for_text((plan,), template)[0].texts

    title, body = slide_with(200)
    assert title.grow == (0.0, 14.0) and body.grow is None  # 36 pt of text in 22 pt
    assert slide_with(200, "middle")[0].grow == (-7.0, 14.0)
    assert slide_with(200, "bottom")[0].grow == (-14.0, 14.0)
    assert slide_with(80)[0].grow is None                    # the body's box is in the way
    assert slide_with(200, height=22.5)[0].grow is None      # a hair: measuring is not exact
    assert replace(title, grow=None) == slide_with(80)[0]


def message_paragraphs(built, lesson_slide: int):
    """The key message box's paragraphs on slide number ``lesson_slide`` (from 0): the
    box that is neither the title nor the number."""
    from pptx.enum.shapes import PP_PLACEHOLDER
    slide = Presentation(BytesIO(built.pptx)).slides[lesson_slide]
    boxes = [shape for shape in slide.placeholders
             if shape.placeholder_format.type not in (PP_PLACEHOLDER.TITLE,
                                                      PP_PLACEHOLDER.CENTER_TITLE)
             and shape.has_text_frame and len(shape.text_frame.text) > 3]
    return boxes[-1].text_frame.paragraphs


def bullet_of(paragraph) -> tuple[str | None, int, int]:
    """A paragraph's own bullet sign (None: none written, '' : 'no bullet'), and its
    left margin and first-line indent in EMU."""
    from pptx.oxml.ns import qn
    p_pr = paragraph._p.pPr
    sign = p_pr.find(qn("a:buChar"))
    written = sign.get("char") if sign is not None else \
        "" if p_pr.find(qn("a:buNone")) is not None else None
    return written, int(p_pr.get("marL", 0)), int(p_pr.get("indent", 0))


LISTED = ("## 1. Leden werven\n\n- Een folder voor de buurt\n- Een stand op de markt\n"
          "- Een brief aan wie nieuw komt wonen\n\n## 2. Kas nakijken\n\n"
          "> Twee leden kijken de boeken na.\n\nTekst.\n")


@pytest.mark.slow
def test_a_lesson_said_in_a_list_shows_its_points_with_bullets(source_dir):
    """A real meeting's action points were lessons of lists only: each slide showed the
    first point alone, as if it were the lesson's message. Now its points stand, each
    with a bullet whose lines hang in as they were measured, no larger than the other
    lessons' key messages; a key message stays a paragraph without a bullet."""
    pub = parse_publication(write_source(source_dir, LISTED))
    built = build_deck(pub, THEME, LAYOUTS, CREATED)
    listed, said = (slide.text("message") for slide in built.plan.slides
                    if slide.text("message") is not None
                    and slide.text("number") is not None)
    assert listed.bulleted and not said.bulleted
    assert said.italic and not listed.italic  # points stand upright under the messages
    assert listed.size <= said.size
    assert [plain_runs(runs) for runs in listed.paragraphs] == [
        "Een folder voor de buurt", "Een stand op de markt", "Een brief aan wie nieuw komt wonen"]
    points = message_paragraphs(built, 1)
    assert [paragraph.text for paragraph in points] == \
        [plain_runs(runs) for runs in listed.paragraphs]
    hang = int(Pt(0.8 * listed.size))
    assert all(bullet_of(paragraph) == ("\u2022", hang, -hang) for paragraph in points)
    assert all(paragraph._p.pPr.find(qn("a:buClr")) is not None for paragraph in points)
    assert not any(run.font.italic for paragraph in points for run in paragraph.runs)
    assert [bullet_of(paragraph) for paragraph in message_paragraphs(built, 2)] == [("", 0, 0)]
    from tweeluik.checks import check_publication
    from tweeluik.errors import Diagnostics
    said_by_check = Diagnostics(source_dir / "pub.md")
    check_publication(pub, said_by_check)
    assert [item.message for item in said_by_check.items] == [
        "lesson 1 has no key message ('> …' under its title); its slide shows the first "
        "points of its list, from “Een folder voor de buurt”"]


@pytest.mark.slow
def test_every_list_on_the_slides_is_set_at_one_size_its_first_three_points_fit(source_dir):
    """A key message's size (40 pt here) set a real meeting's points so large that two of
    three fitted, the slide half empty. The deck's points take one size: the largest, no
    larger than the key messages', at which the first three points of every list fit; a
    fourth stands where it fits too. A list with a point too long to fit is shortened
    to the points that do fit, never set smaller than the others."""
    long_point = "Een lange zin over wat de buurt deze winter met elkaar wil gaan doen " * 2
    body = LISTED.replace("## 2. Kas nakijken", "## 2. Plannen\n\n" + "".join(
        f"- {long_point.strip()} {n}\n" for n in range(2)) + "- Kort\n\n## 3. Kas nakijken"
    ).replace("nieuw komt wonen\n", "nieuw komt wonen\n- Koffie\n")
    pub = parse_publication(write_source(source_dir, body))
    built = build_deck(pub, THEME, LAYOUTS, CREATED)
    short, long, said = (slide.text("message") for slide in built.plan.slides
                         if slide.text("message") is not None
                         and slide.text("number") is not None)
    assert short.bulleted and long.bulleted and not said.bulleted
    assert short.size == long.size < said.size
    assert len(short.paragraphs) == 4 and len(long.paragraphs) == 3
    assert not built.warnings


@pytest.mark.slow
def test_on_a_template_a_list_takes_the_templates_own_bullet_or_a_plain_one(source_dir):
    """In a template's design, points keep the bullet sign and indent its list style has
    (PowerPoint's stock '•' hung 27 pt in), measured with that indent; where its box says
    'no bullet' (or names a symbol font), a '•' of the text's own font."""
    make_user_template(source_dir / "huisstijl.pptx", with_slide=False)
    front = ("title: Proef\ndeck:\n  template: huisstijl.pptx\n  layouts:\n"
             "    lesson: Title and Content\n")
    pub = parse_publication(write_source(source_dir, LISTED, front))
    built = build_deck(pub, THEME, LAYOUTS, CREATED)
    listed = next(slide.text("message") for slide in built.plan.slides
                  if slide.text("message") is not None and slide.text("message").bulleted)
    assert listed.style.bullet_hang == pytest.approx(27.0)
    points = message_paragraphs(built, 1)
    assert len(points) == 3
    assert all(bullet_of(paragraph) == (None, 0, 0) for paragraph in points)  # inherited

    prs = Presentation(str(source_dir / "huisstijl.pptx"))
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Title and Content")
    body = next(shape for shape in layout.placeholders if shape.placeholder_format.idx == 1)
    styles = body._element.txBody.find(qn("a:lstStyle"))
    level = styles.makeelement(qn("a:lvl1pPr"), {"marL": "0", "indent": "0"})
    level.append(level.makeelement(qn("a:buNone"), {}))
    styles.append(level)
    prs.save(source_dir / "huisstijl.pptx")
    built = build_deck(parse_publication(source_dir / "pub.md"), THEME, LAYOUTS, CREATED)
    points = message_paragraphs(built, 1)
    hang = int(Pt(0.8 * next(slide.text("message") for slide in built.plan.slides
                             if slide.text("message") is not None
                             and slide.text("message").bulleted).size))
    assert all(bullet_of(paragraph) == ("\u2022", hang, -hang) for paragraph in points)
    assert all(paragraph._p.pPr.find(qn("a:buFontTx")) is not None for paragraph in points)


def test_the_sketch_of_a_slide_spaces_its_points_as_the_deck_does(source_dir):
    """The studio's drawing of a slide (where LibreOffice is missing) set a list's points
    line under line, with no room between them as the deck has (a fresh-eyes review: a
    wrapped point ran into the next)."""
    from io import BytesIO

    from PIL import Image

    from tweeluik.deck import sketch_slides
    from tweeluik.deck.fit import PARAGRAPH_GAP
    from tweeluik.deck.plan_pictures import LINE_HEIGHT, SCALE
    pub = parse_publication(write_source(source_dir, LISTED))
    listed = next(slide.text("message") for slide in build_deck(
        pub, THEME, LAYOUTS, CREATED).plan.slides if slide.text("message") is not None
        and slide.text("message").bulleted)
    with Image.open(BytesIO(sketch_slides(pub, THEME, LAYOUTS)[1])) as picture:
        grey = picture.convert("L")
        inked = [any(grey.getpixel((x, y)) < 120 for x in range(grey.width // 3, grey.width))
                 for y in range(grey.height)]
    tops = [y for y in range(1, len(inked)) if inked[y] and not inked[y - 1]]
    steps = [later - earlier for earlier, later in zip(tops[-3:], tops[-2:], strict=False)]
    expected = (LINE_HEIGHT + PARAGRAPH_GAP) * listed.size * SCALE
    assert len(steps) == 2 and all(abs(step - expected) <= 2 for step in steps), (steps, expected)


def test_boxes_meet_by_one_rule_for_the_logo_the_growing_boxes_and_the_pictures():
    from tweeluik.deck.boxes import covered_share, overlap
    title = (100.0, 50.0, 400.0, 60.0)
    assert not overlap(title, (500.0, 50.0, 80.0, 60.0))  # touching its right edge
    assert overlap(title, (480.0, 100.0, 80.0, 60.0))  # over its lower right corner
    assert overlap(title, (0.0, 80.0, 720.0, 0.0))  # a rule drawn across it, no height
    assert covered_share(title, (300.0, 0.0, 400.0, 200.0)) == 0.5  # its right half
    assert covered_share(title, (0.0, 200.0, 50.0, 50.0)) == 0.0


def test_a_warning_names_a_box_with_the_right_article():
    """A real template's strip made the build say 'has a organisation box'."""
    from tweeluik.deck.fitting import with_article
    assert with_article("organisation") == "an organisation"
    assert with_article("title") == "a title"
    assert with_article("message") == "a key message"


def test_a_title_master_beside_the_slides_master_gives_the_cover():
    """A real company's template keeps, as PowerPoint 97 made them, a master with its
    cover alone ('Titelfolie') beside the master its slides use: the cover came from the
    slides' master, a two-column layout. A master of covers alone gives the cover; a
    master that also holds other layouts does not."""
    from tweeluik.deck.template import (
        Frame,
        LayoutInfo,
        PlaceholderInfo,
        TemplateInfo,
        choose_layout,
    )

    title = PlaceholderInfo(0, "title", 0, "Titel 1", Frame(0, 40, 40, 600, 80))
    subtitle = PlaceholderInfo(1, "subtitle", 1, "Untertitel 2", Frame(1, 40, 140, 600, 60))
    body = PlaceholderInfo(1, "body", 1, "Inhalt 2", Frame(1, 40, 140, 290, 300))
    other = PlaceholderInfo(2, "body", 2, "Inhalt 3", Frame(2, 350, 140, 290, 300))
    cover = LayoutInfo(0, 0, "Titelfolie", "title", (title, subtitle))
    slides = (LayoutInfo(1, 0, "Zwei Spalten", "twoObj", (title, body, other)),
              LayoutInfo(1, 1, "Normal", "obj", (title, body)))
    template = TemplateInfo("vorlage.potx", 960, 540, ("Titel", "Folien"), (cover, *slides),
                            slides_master=1, first_slide_layout=(1, 0))
    assert choose_layout("title", template, 1, {}) == cover
    mixed = TemplateInfo("vorlage.potx", 960, 540, ("Titel", "Folien"),
                         (cover, LayoutInfo(0, 1, "Normal", "obj", (title, body)), *slides),
                         slides_master=1, first_slide_layout=(1, 0))
    assert choose_layout("title", mixed, 1, {}).master == 1
