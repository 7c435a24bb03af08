"""A letter without lessons is a publication too: its booklet is one text headed by the
title (no contents page, no lesson count on the cover), its deck a title slide, one text
slide (or one per '###' section) and the closing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from .conftest import need_tool, run_build

LETTERS = Path(__file__).parent / "letters"
pytestmark = pytest.mark.slow


def page_texts(pdf: Path) -> list[str]:
    pdftotext = need_tool("pdftotext")
    count = len(PdfReader(pdf).pages)
    return [subprocess.run([pdftotext, "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, count + 1)]


def slide_texts(pptx: Path) -> list[tuple[str, str, str]]:
    """(title, everything on the slide, notes) of every slide."""
    out = []
    for slide in Presentation(pptx).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        texts = " | ".join(shape.text_frame.text for shape in slide.shapes
                           if shape.has_text_frame and shape.text_frame.text)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append((title, texts, notes))
    return out


def test_a_letter_without_lessons_builds_with_a_note(tmp_path):
    result = run_build(str(LETTERS / "zonder-lessen.md"), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "note: no lessons (no '## ' lines)" in result.stderr
    assert "warning" not in result.stderr
    pages = page_texts(tmp_path / "zonder-lessen.pdf")
    assert len(pages) % 4 == 0
    assert "lessen" not in pages[0] and "Inhoud" not in "".join(pages)
    text_page = next(page for page in pages if "Beste buren" in page)
    assert text_page.split()[:5] == "EEN JAAR IN DE BUURT".split()  # headed by the title
    assert "Inleiding" not in text_page
    # The closing reads on under the text, without a heading of its own: a short letter
    # is four pages, not a closing page with a name and three pages for notes.
    assert "Dank voor uw hulp dit jaar." in text_page and "Tot slot" not in text_page
    assert len(pages) == 4
    slides = slide_texts(tmp_path / "zonder-lessen.pptx")
    assert [title for title, _, _ in slides] == ["Een jaar in de buurt",
                                                 "De brief in het kort", "Tot slot"]
    _, shown, notes = slides[1]
    assert "Het was een jaar waarin we elkaar vaker zagen dan ooit." in shown
    assert "Daarom gaan we volgend jaar langs de deuren" in notes


def test_a_letter_without_lessons_gets_one_slide_per_section(tmp_path):
    result = run_build(str(LETTERS / "zonder-lessen-met-kopjes.md"), "--out", str(tmp_path),
                       "--only", "deck")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # '###' sections are meant, not lessons mistyped
    # The note says what the deck holds: a slide for each part (not "one slide").
    assert "the booklet holds the letter as one text with its 3 parts under their '### ' " \
        "headings, and the deck a title slide, a slide for each part of the text and the " \
        "closing" in " ".join(result.stderr.split())
    slides = slide_texts(tmp_path / "zonder-lessen-met-kopjes.pptx")
    assert [title for title, _, _ in slides] == [
        "Nieuws van het bestuur", "De brief in het kort", "Nieuwe banen", "De kantine",
        "De contributie", "Tot slot"]
    assert "Daardoor kunnen we de hele winter spelen." in slides[2][2]
    assert "De twee gravelbanen zijn vervangen door kunstgras." in slides[2][1]


def test_the_closing_slide_says_the_letters_own_last_words(source_dir):
    """A closing of only a greeting ('Groetjes,'): the closing slide says that greeting,
    not words the letter does not have ('Dank u wel')."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, "Beste leden,\n\nHet seizoen is voorbij.\n\n---\n\n"
                          "Groetjes,\n", front="title: Afscheid\nsignatories: [Anna de Wit]\n")
    plan = publication_to_deck_plan(parse_publication(source), load_theme(LAYOUTS),
                                    default_template(), FONTS)
    closing = plan.slides[-1].text("body")
    assert "".join(run.text for run in closing.paragraphs[0]) == "Groetjes"


@pytest.mark.parametrize("sign_off", ["Met vriendelijke groet,", "Sincerely,",
                                      "Kind regards,",
                                      "Met vriendelijke groet namens het bestuur,"])
def test_a_closing_slide_does_not_say_a_sign_off_alone(source_dir, sign_off):
    """A letter's form ('Sincerely,') is no words for a slide: the closing slide shows
    its title and the names."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, f"Beste leden,\n\nHet seizoen is voorbij.\n\n---\n\n"
                          f"{sign_off}\n", front="title: Afscheid\nsignatories: [Anna de Wit]\n")
    plan = publication_to_deck_plan(parse_publication(source), load_theme(LAYOUTS),
                                    default_template(), FONTS)
    words = " ".join("".join(run.text for run in paragraph)
                     for text in plan.slides[-1].texts for paragraph in text.paragraphs)
    assert sign_off.rstrip(",") not in words, words
    assert "Anna de Wit" in words.replace("\xa0", " ")


def test_no_empty_slide_for_a_line_above_the_first_part(source_dir):
    """A letter of parts whose text above the first heading has no sentence to show
    ('Here are a few updates:') gets no empty 'in brief' slide."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, "Beste leden,\n\nHier het nieuws van de club:\n\n"
                          "### Nieuwe banen\n\nDe banen zijn vernieuwd.\n\n"
                          "### De kantine\n\nWe zoeken vrijwilligers.\n")
    plan = publication_to_deck_plan(parse_publication(source), load_theme(LAYOUTS),
                                    default_template(), FONTS)
    titles = ["".join(run.text for run in slide.text("title").paragraphs[0])
              for slide in plan.slides]
    assert titles == ["Proef", "Nieuwe banen", "De kantine", "Tot slot"]
    assert all(slide.text("message") is not None for slide in plan.slides[1:-1])


def test_a_part_that_is_only_a_list_shows_its_first_item(source_dir):
    """A part (or a lesson) whose text is only a list: its slide shows the first item's
    first sentence, not only its title (a board update's 'Cancelled' list did)."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, "Beste leden,\n\nHet nieuws van de club.\n\n"
                          "### Nieuwe banen\n\nDe banen zijn vernieuwd.\n\n"
                          "### Opgezegd\n\n- Het oude abonnement op de kranten. Niemand las ze."
                          "\n- De huur van de tweede kast.\n")
    plan = publication_to_deck_plan(parse_publication(source), load_theme(LAYOUTS),
                                    default_template(), FONTS)
    (part,) = [slide for slide in plan.slides
               if "".join(run.text for run in slide.text("title").paragraphs[0]) == "Opgezegd"]
    message = part.text("message")
    assert message is not None
    assert "".join(run.text for run in message.paragraphs[0]) == \
        "Het oude abonnement op de kranten."


def test_a_letter_without_closing_words_gets_none_of_ours(source_dir):
    """No closing words and no greeting (a notice, a message about a neighbour who died):
    the closing slide shows its title and the names, never an invented 'Dank u wel'."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, "Beste leden,\n\nOnze penningmeester is overleden.\n",
                          front="title: Bericht\nsignatories: [Anna de Wit]\n")
    plan = publication_to_deck_plan(parse_publication(source), load_theme(LAYOUTS),
                                    default_template(), FONTS)
    closing = plan.slides[-1]
    words = " ".join("".join(run.text for run in paragraph)
                     for text in closing.texts for paragraph in text.paragraphs)
    assert "Dank" not in words and "Thank" not in words
    assert "Anna de Wit" in words.replace("\xa0", " ")



def test_a_letter_with_nothing_after_its_lessons_ends_on_its_title_and_date(source_dir):
    """No closing words, greeting or names: the closing slide was a bare 'Tot slot'.
    Under that title it now says the letter's own title, organisation and date (what the
    title slide says, never words of ours)."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, "Beste leden,\n\nEen korte inleiding.\n\n## 1. Eerst"
                          "\n\nTekst.\n\n## 2. Dan\n\nMeer tekst.\n",
                          front="title: Wat het seizoen bracht\norganisation: Wijkteam Noord"
                                "\ndate: 2026-12-12\n")
    plan = publication_to_deck_plan(parse_publication(source), load_theme(LAYOUTS),
                                    default_template(), FONTS)
    closing = plan.slides[-1]
    assert closing.kind == "closing"
    said = ["".join(run.text for run in paragraph)
            for text in closing.texts for paragraph in text.paragraphs]
    assert said == ["Tot slot", "Wat het seizoen bracht", "Wijkteam Noord",
                    "12 december 2026"], said


def test_the_no_lessons_note_gives_an_example_in_the_letters_language(tmp_path):
    source = tmp_path / "brief.md"
    source.write_text("---\ntitle: News\nlanguage: en\n---\n\nDear members,\n\n"
                      "The season is over.\n", encoding="utf-8")
    result = run_build("--check", str(source))
    assert "(for example '## 1. Start small')" in result.stderr


def test_a_slide_shows_a_sentence_not_a_label_that_opens_the_text(source_dir):
    """A letter that opens with a label (a club's bold 'Koekjesverkoop', an address's
    'To') showed only that on its one slide, and a lesson opening with a criterion
    ('Eenzaamheid: ernstig eenzaam') showed the criterion: the first full sentence
    stands in instead; a text with no sentence at all still shows its first words."""
    from tweeluik.parse import parse_publication

    from .conftest import write_source
    letter = parse_publication(write_source(source_dir, (
        "Beste leden,\n\n**Koekjesverkoop**\n\nDe club verkoopt dit najaar koekjes voor de "
        "nieuwe startblokken. Bestellen kan tot eind oktober.\n"), name="koekjes"))
    (section,) = letter.introduction.sections
    assert section.stand_in is not None
    assert section.stand_in[0] == "De club verkoopt dit najaar koekjes voor de nieuwe " \
        "startblokken."
    lessons = parse_publication(write_source(source_dir, (
        "Beste leden,\n\nDit onderzoek gaat over kwetsbaarheid.\n\n## 1. Doelgroep\n\n"
        "Eenzaamheid: ernstig eenzaam\n\nWie aan een van de criteria voldoet, hoort bij de "
        "groep.\n\n## 2. Uitkomst\n\nVijf groepen\n"), name="criteria"))
    assert lessons.lessons[0].stand_in[0] == "Wie aan een van de criteria voldoet, hoort " \
        "bij de groep."
    assert lessons.lessons[1].stand_in[0] == "Vijf groepen"  # no sentence: its first words


def test_a_line_under_the_greeting_is_not_what_the_closing_slide_says(source_dir):
    """A student club's letter kept '4th Year, AI&ML Department' under 'Yours
    faithfully,' (not a name the import knows), and its closing slide said that line as
    the letter's last words; the words above the greeting are, and there are none."""
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme

    from .conftest import FONTS, LAYOUTS, default_template, write_source
    source = write_source(source_dir, "Dear Sir,\n\nWe ask your permission.\n\n---\n\n"
                          "Yours faithfully,\n\n4th Year, AI&ML Department\n",
                          front="title: Request\nlanguage: en\nsignatories: [N. Abhishek]\n")
    publication = parse_publication(source)
    assert publication.closing.words == ()
    plan = publication_to_deck_plan(publication, load_theme(LAYOUTS), default_template(),
                                    FONTS)
    words = " ".join("".join(run.text for run in paragraph)
                     for text in plan.slides[-1].texts for paragraph in text.paragraphs)
    assert "Department" not in words and "Abhishek" in words.replace("\xa0", " ")
