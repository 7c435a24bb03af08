"""Real letters, first try: every problem in one run, warnings for paste mistakes and
none for a clean letter, links that work on paper, no slide text cut without a word."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from tweeluik.booklet.links import readable_address
from tweeluik.deck.planner import publication_to_deck_plan
from tweeluik.errors import Diagnostics
from tweeluik.model import Link, plain_text
from tweeluik.parse import parse_publication
from tweeluik.theme import load_theme

from .conftest import FONTS, LAYOUTS, SAMPLE, default_template, need_tool, run_build, write_source

LETTERS = Path(__file__).parent / "letters"
THEME = load_theme(LAYOUTS)


def diagnostics_of(result) -> list[tuple[int, int | None, str, str]]:
    """(line, column, severity, message) of every line the command printed on stderr."""
    out = []
    for line in result.stderr.splitlines():
        found = re.match(r"^.+?\.md:(\d+)(?::(\d+))?: (?:(warning|note): )?(.*)$", line)
        assert found, f"not a file:line: message line: {line!r}"
        number, column, severity, message = found.groups()
        out.append((int(number), int(column) if column else None, severity or "error", message))
    return out


# --- every problem in one run ------------------------------------------------------------


@pytest.mark.slow
def test_a_pasted_letter_builds_the_first_time_with_a_warning_for_each_mistake(tmp_path):
    source = LETTERS / "pasted-jaarbrief.md"
    result = run_build(str(source), "--out", str(tmp_path), "--only", "deck")
    assert result.returncode == 0, result.stderr
    found = diagnostics_of(result)
    expected = [
        (8, 1, "warning", "this line only repeats the date of the front matter"),
        (12, 68, "warning", "the link 'hier' has no address ('#'"),
        (12, 81, "warning", "the link 'hier' has no address ('#'"),
        (17, None, "note", "lesson 1 has no key message"),
        (22, None, "note", "lesson 2 has no key message"),
        (26, 1, "warning", "this paragraph starts in lower case (“laten meetellen. De …”)"),
        (28, None, "note", "lesson 3 has no key message"),
        (30, 55, "warning", "the link 'hier' has no address ('#'"),
        (32, None, "note", "lesson 4 has no key message"),
        (34, 54, "warning", "the link 'hier' has no address (''"),
        (38, 1, "warning", "this looks like the closing greeting"),
        (40, 1, "warning", "this line repeats the signatories of the front matter"),
    ]
    assert len(found) == len(expected), found
    for (line, column, severity, message), want in zip(found, expected, strict=True):
        assert (line, column, severity) == want[:3], (line, message)
        assert message.startswith(want[3]), message
    lines = source.read_text(encoding="utf-8").split("\n")
    assert lines[11][67] == "#"  # the column points at the missing address itself


@pytest.mark.slow
def test_clean_letters_and_the_sample_give_no_warning(tmp_path):
    for source in [SAMPLE, *sorted(LETTERS.glob("clean-*.md"))]:
        result = run_build(str(source), "--check")
        assert result.returncode == 0, result.stderr
        assert result.stderr == "", (source.name, result.stderr)
        assert result.stdout.strip().endswith("no problems")


@pytest.mark.slow
def test_every_error_of_a_source_in_one_run_in_source_order(source_dir):
    body = """
    ## 1. Een

    Een [link](andere.md) en ![plaatje](weg.png) erin.

    ## 3. Twee

    Een [tweede](www.example.nl) link,
    verder op de [volgende regel](ftp://example.nl).
    """
    front = "title: Proef\nsubtitel: x\nlanguage: fr\n"
    path = write_source(source_dir, body, front)
    result = run_build(str(path), "--check")
    assert result.returncode == 2
    found = diagnostics_of(result)
    assert [(line, column) for line, column, *_ in found] == [
        (3, None), (4, None), (8, None), (8, 12), (10, None), (12, 14), (13, 31)]
    messages = [message for *_, message in found]
    assert messages[0].startswith("unknown setting 'subtitel'")
    assert messages[1].startswith("language 'fr' is not supported; use nl or en")
    assert messages[2].startswith("put each image on a line of its own")
    assert messages[3].startswith("the link 'andere.md' is not a full web, e-mail or phone "
                                  "address; links must start with https://, http://, mailto: or tel:")
    assert messages[4].startswith("this is lesson 2, but its heading says 3")
    assert "write https://www.example.nl" in messages[5]
    assert messages[6].startswith("the link 'ftp://example.nl'")  # on its own line, not the paragraph's


@pytest.mark.slow
def test_at_most_25_problems_then_a_count(source_dir):
    body = "## Les\n\n" + "".join(f"Regel [{n}](x{n}.md).\n\n" for n in range(40))
    result = run_build(str(write_source(source_dir, body)), "--check")
    lines = result.stderr.splitlines()
    assert result.returncode == 2 and len(lines) == 26
    assert "… and 15 more (15 of them errors) not shown" in lines[-1]


@pytest.mark.slow
def test_check_writes_nothing_and_strict_turns_warnings_into_errors(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(LETTERS, project / "content")
    source = project / "content" / "pasted-jaarbrief.md"
    out = project / "output"
    result = run_build(str(source), "--check", "--out", str(out))
    assert result.returncode == 0 and not out.exists()
    strict = run_build(str(source), "--check", "--strict")
    assert strict.returncode == 2
    assert sum(1 for line in strict.stderr.splitlines() if ": warning: " in line) == 0
    assert sum(1 for line in strict.stderr.splitlines() if ": note: " in line) == 4
    built = run_build(str(source), "--strict", "--out", str(out))
    assert built.returncode == 2 and not out.exists()
    assert "the link 'hier' has no address" in built.stderr
    # The last line says that nothing was built, and why.
    counted = sum(1 for line in built.stderr.splitlines()[:-1] if ": note: " not in line)
    assert built.stderr.splitlines()[-1].endswith(
        f"pasted-jaarbrief.md: not built: --strict counts the {counted} warnings above as "
        "errors; fix them, or build without --strict"), built.stderr.splitlines()[-1]


# --- links on paper -----------------------------------------------------------------------


def test_placeholder_links_are_plain_text(source_dir):
    diagnostics = Diagnostics(source_dir / "pub.md")
    pub = parse_publication(write_source(source_dir, "## Les\n\nKijk [hier](#) of [daar](#top).\n"),
                            diagnostics=diagnostics)
    inlines = pub.lessons[0].blocks[0].inlines
    assert plain_text(inlines) == "Kijk hier of daar."
    assert not any(isinstance(node, Link) for node in inlines)
    assert len(diagnostics.warnings) == 2


@pytest.mark.parametrize("href, shown", [
    ("https://www.example.nl/wijkteams/", "www.example.nl/wijkteams"),
    ("http://example.nl", "example.nl"),
    ("mailto:info@example.nl", "info@example.nl"),
    ("tel:+31501234567", "+31501234567"),
    ("https://example.nl/caf%C3%A9", "example.nl/café"),
])
def test_addresses_are_written_for_reading(href, shown):
    assert readable_address(href) == shown


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean-letter")
    result = run_build(str(LETTERS / "clean-jaarbrief.md"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def page_of(pdf: Path, words: str) -> str:
    tool = need_tool("pdftotext")
    text = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return next(page for page in text.split("\f") if words in " ".join(page.split()))


@pytest.mark.slow
def test_every_link_shows_its_address_as_a_footnote_on_its_page(clean_build):
    pdf = clean_build / "clean-jaarbrief.pdf"
    intro = " ".join(page_of(pdf, "staan op onze website").split())
    assert re.search(r"onze website ?1\b", intro)  # the footnote call follows the link's words
    assert "1 www.wijkteams-noord.example.nl/verslagen" in intro
    assert "2 +31501234567" in intro
    lesson = " ".join(page_of(pdf, "ons vrijwilligersbeleid").split())
    assert "3 www.wijkteams-noord.example.nl/vrijwilligers/beleid-2026" in lesson
    # On screen the link stays clickable.
    uris = {annotation.get_object()["/A"]["/URI"]
            for page in PdfReader(pdf).pages for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/Subtype") == "/Link"
            and "/URI" in annotation.get_object().get("/A", {})}
    assert "https://www.wijkteams-noord.example.nl/verslagen/" in uris
    assert "tel:+31501234567" in uris


@pytest.mark.slow
def test_a_long_address_gets_a_qr_code_that_phones_can_read(clean_build, tmp_path):
    zbarimg = need_tool("zbarimg")
    pdf = clean_build / "clean-jaarbrief.pdf"
    reader = PdfReader(pdf)
    number = next(i for i, page in enumerate(reader.pages)
                  if "vrijwilligersbeleid" in page.extract_text())
    tool = need_tool("pdftoppm")
    subprocess.run([tool, "-r", "300", "-png", "-f", str(number + 1), "-l", str(number + 1),
                    str(pdf), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run([zbarimg, "-q", "--raw", str(image)], capture_output=True,
                             text=True).stdout.split()
    assert decoded == ["https://www.wijkteams-noord.example.nl/vrijwilligers/beleid-2026/"]


def test_links_off_leaves_the_notes_out(source_dir):
    import datetime as dt

    from tweeluik.booklet.html import find_layout, publication_to_html
    from tweeluik.booklet.links import link_notes
    body = "## Les\n\nZie [de site](https://example.nl/a) en [example.nl/b](https://example.nl/b).\n"
    for style, expected in (("footnotes", 1), ("off", 0)):
        pub = parse_publication(write_source(source_dir, body, f"title: Proef\nlinks: {style}\n"))
        html = publication_to_html(pub, THEME, find_layout(pub, LAYOUTS), LAYOUTS,
                                   dt.datetime(2026, 1, 1), image_url=str,
                                   links=link_notes(pub.meta.links, "#000000"))
        assert html.count('class="link-note') == expected  # never for a link that shows its address


def test_a_link_in_italics_or_bold_gets_its_footnote_too(source_dir):
    """Every link whose words are not its address gets a note on paper, wherever it
    stands: in italics, in bold, in both."""
    import datetime as dt

    from tweeluik.booklet.html import find_layout, publication_to_html
    from tweeluik.booklet.links import link_notes
    body = ("## Les\n\n*Lees [het verslag](https://example.nl/verslag) na.* En "
            "**zie [de agenda](https://example.nl/agenda)**, ***of [de foto's]"
            "(https://example.nl/fotos)***.\n")
    pub = parse_publication(write_source(source_dir, body))
    html = publication_to_html(pub, THEME, find_layout(pub, LAYOUTS), LAYOUTS,
                               dt.datetime(2026, 1, 1), image_url=str,
                               links=link_notes(pub.meta.links, "#000000"))
    assert html.count('class="link-note') == 3
    for address in ("example.nl/verslag", "example.nl/agenda", "example.nl/fotos"):
        assert address in html.replace("<wbr>", "")


@pytest.mark.slow
def test_the_deck_keeps_links_clickable_and_lists_them_in_the_notes(clean_build):
    prs = Presentation(str(clean_build / "clean-jaarbrief.pptx"))
    title_notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert "Links:" in title_notes
    assert "• onze website: https://www.wijkteams-noord.example.nl/verslagen/" in title_notes
    lesson_four = prs.slides[4]
    assert "• ons vrijwilligersbeleid: https://www.wijkteams-noord.example.nl/vrijwilligers/" \
           "beleid-2026/" in lesson_four.notes_slide.notes_text_frame.text


@pytest.mark.slow
def test_link_runs_in_the_deck_are_hyperlinks(source_dir):
    from tweeluik.deck import build_deck
    body = "## Les\n\n> Lees [ons plan](https://example.nl/plan).\n\nTekst.\n"
    pub = parse_publication(write_source(source_dir, body))
    import datetime as dt
    deck = Presentation(BytesIO(build_deck(pub, THEME, LAYOUTS, dt.datetime(2026, 1, 1)).pptx))
    runs = [run for shape in deck.slides[1].shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    assert any(run.text == "ons plan" and run.hyperlink.address == "https://example.nl/plan"
               for run in runs)


# --- no slide text cut without a word -----------------------------------------------------


def closing_text(plan) -> str:
    body = plan.slides[-1].text("body")
    return " ".join("".join(run.text for run in runs) for runs in body.paragraphs)


def plan_of(source_dir, body: str, front: str | None = None):
    pub = parse_publication(write_source(source_dir, body, front))
    return publication_to_deck_plan(pub, THEME, default_template(), FONTS)


@pytest.mark.slow
def test_the_closing_may_have_its_own_key_message(source_dir):
    closing = "Een lange alinea met veel woorden. " * 3
    plan = plan_of(source_dir, f"## Les\n\nTekst.\n\n---\n\n> Tot ziens in de buurt!\n\n{closing}\n")
    assert closing_text(plan) == "Tot ziens in de buurt!"
    assert plan.warnings == ()


LONG_CLOSING = ("Dank aan alle leden, vrijwilligers, partners en bewoners die dit jaar met ons "
                "optrokken en die in weer en wind klaarstonden voor hun buren. Zonder u waren "
                "deze lessen nooit geleerd, en zonder u zou de wijk een stuk stiller zijn. We "
                "zien u graag op de ledenvergadering van 22 januari in buurthuis De Kaai.")


@pytest.mark.slow
def test_the_closing_slide_prefers_a_short_last_sentence(source_dir):
    plan = plan_of(source_dir, f"## Les\n\nTekst.\n\n---\n\n{LONG_CLOSING} Samen maken we "
                               "de wijk!\n\nMet hartelijke groet,\n")
    assert closing_text(plan) == "Samen maken we de wijk!"
    assert plan.warnings == ()


@pytest.mark.slow
def test_a_long_closing_is_cut_at_a_sentence_and_says_so(source_dir):
    plan = plan_of(source_dir, f"## Les\n\nTekst.\n\n---\n\n{LONG_CLOSING} {LONG_CLOSING}\n")
    shown = closing_text(plan)
    assert shown.endswith(".") and LONG_CLOSING.startswith(shown[:60])
    assert re.sub(r"\s+", " ", shown) in LONG_CLOSING + " " + LONG_CLOSING
    (warning,) = plan.warnings
    assert warning.line == 12 and "the slide shows its first" in warning.message
    assert "write them as a '>' quote right under the '---'" in warning.message


@pytest.mark.parametrize("text", [
    "Woorden " * 200,
    "Eén heel lange zin, " * 40 + "zonder einde",
    "Ondoorgrondelijkheidsverklaringsformulierenverwerkingsafdelingsmedewerkers " * 12,
])
@pytest.mark.slow
def test_no_slide_text_is_a_lone_ellipsis(source_dir, text):
    plan = plan_of(source_dir, f"## Les\n\n> {text}\n\nTekst.\n")
    for slide in plan.slides:
        for planned in slide.texts:
            shown = " ".join("".join(run.text for run in runs) for runs in planned.paragraphs)
            assert shown.strip(" \u00a0…"), (slide.kind, planned.role, shown)
            assert not re.search(r"(^|[ \n])…$", shown), shown  # glued to its word by a no-break space
    assert plan.warnings


@pytest.mark.slow
def test_what_word_and_web_pages_leave_in_pasted_text_is_named_or_cleaned(source_dir):
    """A list pasted with its bullets as characters, Word's hidden line break and the soft
    hyphens of a hyphenated web page: each reported once with its place; the soft hyphens
    are left out (tweeluik hyphenates by itself) unless written on purpose as &shy;."""
    source = write_source(source_dir, (
        "Beste leden,\n"                                                              # 6
        "\n"
        "Een buurt\u00adbewoners\u00adbijeenkomst, ge&shy;woon\u2028gezellig.\n"     # 8
        "\n"
        "## 1. Les\n"                                                                 # 10
        "\n"
        "> Kern.\n"
        "\n"
        "We deden dit:\n"                                                             # 14
        "\u2022\tKoffie op het plein\n"
        "\u2022\tEen praatje bij de school\n"
        "\n"
        "\u00b7 Nog een lijst.\n"                                                     # 18
        "\n"
        "Wijkteam Noord \u00b7 Zuid werkt samen.\n"))                                 # 20
    result = run_build(str(source), "--check")
    assert result.returncode == 0, result.stderr
    found = diagnostics_of(result)
    assert [item[:3] for item in found] == [
        (8, 10, "note"), (8, 44, "warning"), (14, None, "warning"), (18, None, "warning")]
    assert found[0][3].startswith("2 soft hyphens (U+00AD")
    assert found[1][3].startswith("invisible character U+2028 (line separator): the text "
                                  "breaks to a new line here")
    assert "items starting with '\u2022'" in found[2][3] and "'- '" in found[2][3]
    assert "items starting with '\u00b7'" in found[3][3]
    pub = parse_publication(source)
    text = plain_text(pub.introduction.blocks[0].inlines)
    assert text.startswith("Een buurtbewonersbijeenkomst, ge\u00adwoon")  # &shy; is kept


@pytest.mark.slow
def test_a_sentence_that_opens_a_list_is_never_a_slides_message(source_dir):
    plan = plan_of(source_dir, "## Les\n\nWe deden het zo:\n\n- koffie\n- thee\n\n"
                               "Zo leerden we de buren kennen. Dat bleef.\n")
    lesson = next(slide for slide in plan.slides if slide.kind == "lesson")
    shown = " ".join("".join(run.text for run in runs)
                     for planned in lesson.texts for runs in planned.paragraphs)
    assert "Zo leerden we de buren kennen." in shown and "We deden het zo" not in shown


def test_line_breaks_made_by_invisible_spaces_are_named_and_a_backslash_is_not(source_dir):
    source = write_source(source_dir, (
        "Dit jaar leerden we veel over de buurt en  \n"     # 6: two spaces, a hard break
        "de mensen die er wonen, op het plein en   \n"      # 7
        "in het buurthuis.\n"
        "\n"
        "## Les\n"                                           # 10
        "\n"
        "> Kern.\n"
        "\n"
        "Het adres:\\\n"                                      # 14: a break the author wants
        "Kerkstraat 1.\n"))
    diagnostics = Diagnostics(source)
    parse_publication(source, diagnostics=diagnostics)
    (warning,) = diagnostics.warnings
    assert (warning.line, warning.column) == (6, 42)  # right after "en"
    assert warning.message.startswith("2 lines here end in two spaces, which Markdown reads "
                                      "as a line break")


@pytest.mark.parametrize(("text", "said"), [
    ("Beste «Voornaam», welkom op de vergadering.", "'«Voornaam»' is a mail-merge field"),
    # a real club's mails, kept on its website for the next volunteer to send
    ("Dag {lid-voornaam}, de Sint komt op woensdag.", "'{lid-voornaam}' is a mail-merge field"),
    ("Groeten van {{ vereniging.naam }} en het bestuur.",
     "'{{ vereniging.naam }}' is a mail-merge field"),
    ("De Algemene Ledenvergadering\u0100 te Zuidkant.", "holds characters that look garbled"),
    ("Lees het verslag \\[hier\\](https://example.org) na.", "prints with its Markdown marks"),
    ("Dit was een jaar met \\*veel\\* lef.", "prints with its Markdown marks"),
])
@pytest.mark.slow
def test_marks_that_would_print_as_they_are_are_warned_about(source_dir, text, said):
    source = write_source(source_dir, f"## Les\n\n{text}\n")
    result = run_build(str(source), "--check")
    assert result.returncode == 0, result.stderr
    assert "pub.md:8: warning: " in result.stderr and said in result.stderr, result.stderr


def test_a_long_address_with_letters_beyond_ascii_gets_its_qr_code(source_dir):
    """A real government text links a PDF whose address holds an en dash, written as
    %E2%80%93: the note shows the dash, and the QR code, whose text for a screen reader
    says the address, is made (it stopped the build with an internal error)."""
    import datetime as dt

    from tweeluik.booklet.html import find_layout, publication_to_html
    from tweeluik.booklet.links import link_notes
    address = ("https://voorbeeld.example.nl/wp-content/uploads/Notitie-%E2%80%93-"
               "Principes-voor-duurzaamheid.pdf")
    body = f"## Les\n\nLees [de notitie]({address}) eerst.\n"
    pub = parse_publication(write_source(source_dir, body))
    html = publication_to_html(pub, THEME, find_layout(pub, LAYOUTS), LAYOUTS,
                               dt.datetime(2026, 1, 1), image_url=str,
                               links=link_notes(pub.meta.links, "#000000"))
    assert 'class="link-note with-qr"' in html
    assert "Notitie-\u2013-Principes-voor-duurzaamheid.pdf</a>" in html
    assert "<title>QR code: voorbeeld.example.nl/wp-content/uploads/Notitie-\u2013-" in html


@pytest.mark.slow
def test_a_links_note_stands_on_the_page_of_its_call(source_dir, tmp_path):
    """A real company's newsletter, with a link in nearly every paragraph, printed a
    note on the page after its call three times (the call's line fitted, its note and QR
    code did not): the line with the call goes to the next page with its note."""
    paragraphs = []
    for number in range(1, 31):
        words = " ".join(["Het nieuws uit de wijk staat hier kort en goed."] * (1 + number % 4))
        paragraphs.append(f"{words} Lees meer over [plek{number}](https://example.org/"
                          f"nieuws/2026/een-heel-lang-adres-met-veel-woorden-{number}).")
    source = write_source(source_dir, "Beste buren,\n\n" + "\n\n".join(paragraphs)
                          + "\n\nMet vriendelijke groet,\n")
    result = run_build(str(source), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    tool = need_tool("pdftotext")
    text = subprocess.run([tool, "-layout", str(tmp_path / "pub.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    moved = []
    for number in range(1, 31):
        call = next(index for index, page in enumerate(pages)
                    if re.search(rf"\bplek{number} ?{number}\b", page))
        note = next(index for index, page in enumerate(pages)
                    if re.search(rf"\b{number} example\.org/nieuws/2026/een-heel-lang-adres"
                                 rf"-met-veel-woorden-{number}\b", page.replace("- ", "-")))
        if call != note:
            moved.append((number, call + 1, note + 1))
    assert not moved, moved
