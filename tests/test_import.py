"""Bringing a letter in: Word files and pasted text become publications that build."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import textwrap
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

from tweeluik.booklet.html import find_layout, publication_to_html
from tweeluik.model import Emph, LineBreak, Link, blocks_text, plain_text
from tweeluik.parse import parse_publication
from tweeluik.theme import load_theme

from .conftest import LAYOUTS, SAMPLE, need_tool, run_build, run_project

pytestmark = pytest.mark.slow

LESSONS = [
    ("Het begint altijd met de ontmoeting",
     ["In de Vogelbuurt begon het met koffie op het pleintje. Na drie weken wisten de "
      "bewoners van elkaar wie hulp kon gebruiken.",
      "Toen de lift een maand stilstond, was er binnen een dag een rooster."]),
    ("Luister eerst",
     ["We kwamen met een plan voor een speeltuin. De bewoners wilden een bankje in de "
      "schaduw en een veilige oversteek bij de school.",
      "Sindsdien beginnen we elk plan met drie gesprekken aan de voordeur."]),
    ("Vier wat lukt",
     ["Een nieuwe zebra duurt al snel twee jaar. Daarom vieren we ook de kleine stappen."]),
    ("Vrijwilligers zijn buren, geen personeel",
     ["Nu heeft niemand meer dan één vaste taak, en mag nee zeggen altijd.",
      "Sindsdien zijn er minder mensen gestopt en meer begonnen."]),
]
NAMES = ["Els Vermeulen", "Ruud Bakker", "Samira Ouali", "Joost de Wit", "Hanneke Post",
         "Ahmed Yilmaz"]
INTRO = ["Een jaar vol ontmoetingen ligt achter ons. In deze brief kijken we terug.",
         "Dit jaar kwamen er ca. 40 vrijwilligers bij, o.a. in de Vogelbuurt.",
         "We delen vier lessen. Ze zijn niet nieuw, maar we hebben ze echt geleerd."]
CLOSING = "Dank aan iedereen die dit jaar met ons optrok. We zien u graag in januari."


def text_letter(style: str = "{n}. {title}", greeting: str = "Met hartelijke groet,",
                names_on_one_line: bool = True, date: str = "18 december 2026",
                salutation: str = "Beste leden en andere belangstellenden,") -> str:
    parts = [date, "Wat ons jaar ons leerde", salutation, *INTRO]
    for number, (title, paragraphs) in enumerate(LESSONS, start=1):
        parts.append(style.format(n=number, title=title))
        parts.extend(paragraphs)
    parts.append(CLOSING)
    if greeting:
        parts.append(greeting)
    names = (", ".join(NAMES[:-1]) + " en " + NAMES[-1]) if names_on_one_line \
        else "\n".join(NAMES)
    parts.append(names)
    return "\n\n".join(parts) + "\n"


def import_and_check(project: Path, letter: Path, name: str = "brief"):
    """Import, then check the new source builds without errors; its publication."""
    target = project / "content" / f"{name}.md"
    result = run_project(project, "import", str(letter), "--out", str(target))
    assert result.returncode == 0, result.stderr
    check = run_project(project, "--check", str(target))
    assert check.returncode == 0, check.stderr
    return parse_publication(target), result


def word_file(path: Path, paragraphs) -> Path:
    """A Word file of plain paragraphs, saved at ``path``."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def import_text(project: Path, text: str, name: str = "brief.txt"):
    """Import a letter typed as text, then check it builds; its publication, the import's
    report and the new source's text."""
    letter = project / name
    letter.write_text(text, encoding="utf-8")
    pub, result = import_and_check(project, letter)
    return pub, result, (project / "content" / "brief.md").read_text(encoding="utf-8")


#: The sentence of the text letter that tests put other paragraphs in the place of.
SECOND_LESSONS_LAST = "Sindsdien beginnen we elk plan met drie gesprekken aan de voordeur."


def import_text_letter_with(project: Path, instead: str):
    """Import the text letter with ``instead`` in the place of one of its sentences (in
    the second lesson); (its publication, the import's result)."""
    letter = project / "brief.txt"
    letter.write_text(text_letter().replace(SECOND_LESSONS_LAST, instead), encoding="utf-8")
    return import_and_check(project, letter)


def assert_the_letter(pub, language: str = "nl") -> None:
    assert pub.meta.title == "Wat ons jaar ons leerde"
    assert str(pub.meta.date) == "2026-12-18"
    assert plain_text(pub.introduction.salutation).endswith(",")
    assert [plain_text(b.inlines) for b in pub.introduction.blocks] == INTRO
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS]
    for lesson, (_, paragraphs) in zip(pub.lessons, LESSONS, strict=True):
        assert [plain_text(b.inlines) for b in lesson.blocks] == paragraphs
    closing = [plain_text(b.inlines) for b in pub.closing.blocks]
    assert closing[0] == CLOSING
    assert list(pub.meta.signatories) == NAMES
    assert pub.meta.language == language


@pytest.mark.parametrize("style", ["{n}. {title}", "{n}) {title}", "Les {n}: {title}"])
def test_a_pasted_text_letter_becomes_a_publication(project, style):
    letter = project / "brief.txt"
    letter.write_text(text_letter(style), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert_the_letter(pub)
    assert "lessons       4:" in result.stdout and "  4. Vrijwilligers zijn buren" in result.stdout


def test_names_one_per_line_and_no_greeting(project):
    letter = project / "brief.txt"
    letter.write_text(text_letter(greeting="", names_on_one_line=False), encoding="utf-8")
    pub, _ = import_and_check(project, letter)
    assert list(pub.meta.signatories) == NAMES
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS]


def test_an_english_letter(project):
    letter = project / "letter.txt"
    letter.write_text(text_letter("Lesson {n}: {title}", greeting="Kind regards,",
                                  names_on_one_line=False, date="December 18, 2026",
                                  salutation="Dear members and friends,"), encoding="utf-8")
    pub, _ = import_and_check(project, letter)
    assert_the_letter(pub, language="en")
    assert plain_text(pub.closing.blocks[-1].inlines) == "Kind regards,"


def add_link(paragraph, text: str, url: str) -> None:
    part = paragraph.part
    relationship = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def word_letter(path: Path, tmp: Path, numbered_list: bool = False,
                picture_description: str = "De plek waar alles begon") -> Path:
    """The same letter as made in Word: headings (or numbered list paragraphs), an italic
    title, a link, a picture with a description, names one per line."""
    document = Document()
    document.add_paragraph("18 december 2026")
    document.add_paragraph("Wat ons jaar ons leerde", style="Title")
    document.add_paragraph("Beste leden en andere belangstellenden,")
    for number, text in enumerate(INTRO):
        paragraph = document.add_paragraph()
        if number == 0:
            head, tail = text.split("ontmoetingen")
            paragraph.add_run(head)
            paragraph.add_run("ontmoetingen").italic = True
            paragraph.add_run(tail)
        else:
            paragraph.add_run(text)
    add_link(document.paragraphs[-1], " Meer op de site", "https://www.example.nl/jaar")
    for number, (title, paragraphs) in enumerate(LESSONS, start=1):
        if numbered_list:
            heading = document.add_paragraph(style="List Number")
        else:
            heading = document.add_paragraph(style="Heading 2")
        heading.add_run(title).italic = number == 2
        for text in paragraphs:
            document.add_paragraph(text)
        if number == 1:
            picture = tmp / "plek.png"
            Image.new("RGB", (120, 80), "green").save(picture)
            document.add_picture(str(picture))
            drawing = document.paragraphs[-1]._p.find(".//" + qn("wp:docPr"))
            drawing.set("descr", picture_description)
    document.add_paragraph(CLOSING)
    signature = document.add_paragraph("Met hartelijke groet,")
    for name in NAMES:
        run = signature.add_run()
        run.add_break(WD_BREAK.LINE)
        run.add_text(name)
    document.save(path)
    return path


@pytest.mark.parametrize("numbered_list", [False, True], ids=["headings", "numbered-list"])
def test_a_word_letter_gives_the_same_publication(project, tmp_path, numbered_list):
    letter = word_letter(project / "brief.docx", tmp_path, numbered_list)
    pub, result = import_and_check(project, letter)
    assert pub.meta.title == "Wat ons jaar ons leerde"
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS]
    assert pub.lessons[1].title == (Emph((pub.lessons[1].title[0].children[0],)),)  # italic
    first = pub.introduction.blocks[0].inlines
    assert any(isinstance(node, Emph) for node in first)
    last = pub.introduction.blocks[-1].inlines
    assert any(isinstance(node, Link) and node.href == "https://www.example.nl/jaar"
               for node in last)
    image = next(block for block in pub.lessons[0].blocks if hasattr(block, "alt"))
    assert image.alt == "De plek waar alles begon"
    assert image.path.parent == project / "content" / "images"
    assert list(pub.meta.signatories) == NAMES
    assert "picture       content/images/brief-1.png" in result.stdout
    built = run_project(project, str(project / "content" / "brief.md"))
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize(("description", "said"), [
    (r"C:\Documents and Settings\anna\Mijn afbeeldingen\plek.jpg",
     "a picture without a description"),
    ("cid:image001.jpg@01D52787.162ACE70", "a picture without a description"),  # e-mail's
    ("A picture containing grass, outdoor Description automatically generated",
     "Word wrote the picture's description “A picture containing grass, outdoor "
     "Description automatically generated” by itself")])
def test_a_file_name_as_a_pictures_description_is_not_taken_for_one(project, tmp_path,
                                                                     description, said):
    """Word keeps the picture's file name as its description when nobody wrote one (an
    e-mail its content id), or writes one by itself, guessing and in English: that is
    what a screen reader would say and the booklet print, so the import treats it as
    missing, and says why."""
    letter = word_letter(project / "brief.docx", tmp_path, picture_description=description)
    pub, result = import_and_check(project, letter)
    image = next(block for block in pub.lessons[0].blocks if hasattr(block, "alt"))
    assert image.alt == "Afbeelding uit de brief"
    assert said in result.stdout
    assert description[:12] not in (project / "content" / "brief.md").read_text()


@pytest.mark.slow
def test_the_imports_stand_in_description_is_no_caption_and_the_check_asks_for_one(
        project, tmp_path):
    """A picture nobody described gets the import's stand-in ('Afbeelding uit de brief')
    as its description, so that it stays accessible. The booklet and the web edition
    printed it as the picture's caption, and the check said nothing once the import's
    note had scrolled away: now there is no caption, and the check says what to do."""
    letter = word_letter(project / "brief.docx", tmp_path, picture_description="")
    target = project / "content" / "brief.md"
    assert run_project(project, "import", str(letter), "--out", str(target)).returncode == 0
    line = next(number for number, text in enumerate(
        target.read_text(encoding="utf-8").splitlines(), 1) if "![Afbeelding uit de brief]" in text)
    check = run_project(project, "--check", str(target))
    assert check.returncode == 0, check.stderr
    assert f"content/brief.md:{line}:" in check.stderr and "stand-in" in check.stderr
    build = run_project(project, str(target))
    assert build.returncode == 0, build.stderr
    web = (project / "output" / "brief.html").read_text(encoding="utf-8")
    assert 'alt="Afbeelding uit de brief"' in web and "<figcaption" not in web
    printed = subprocess.run([need_tool("pdftotext"), str(project / "output" / "brief.pdf"),
                              "-"], capture_output=True, text=True, check=True).stdout
    assert "Afbeelding uit de brief" not in printed
    with pikepdf.open(project / "output" / "brief.pdf") as pdf:
        figures = [element for element in pdf.objects if isinstance(element, pikepdf.Dictionary)
                   and element.get("/S") == "/Figure"]
        assert [str(figure.get("/Alt")) for figure in figures] == ["Afbeelding uit de brief"]


def test_repairs_are_reported_with_their_lines(project):
    pub, result = import_text_letter_with(project, (
        "Sindsdien beginnen we elk plan met drie\n\ngesprekken aan de voordeur."))
    assert [plain_text(b.inlines) for b in pub.lessons[1].blocks][1] == \
        "Sindsdien beginnen we elk plan met drie gesprekken aan de voordeur."
    lines = (project / "content" / "brief.md").read_text().split("\n")
    reported = [line for line in result.stdout.splitlines() if "joined two paragraphs" in line]
    (report,) = reported
    number = int(report.split(":")[1])
    assert lines[number - 1].startswith("Sindsdien beginnen we elk plan")
    # (what was done, not a guess at why: a Word or LibreOffice file breaks them too)
    assert "joined two paragraphs broken in mid-sentence (“… plan met drie” + " \
           "“gesprekken aan de …”)" in report


def test_a_sentence_broken_after_a_comma_is_joined_but_not_a_short_line(project):
    """A text pasted from a PDF keeps every printed line as a paragraph, and a line may
    end on a comma: the sentence goes on below it. A short line ending in a comma (a
    greeting, an address line) is left as it is."""
    pub, result = import_text_letter_with(project, (
        "Sindsdien beginnen we elk plan, als het maar even kan en het weer meezit,\n\n"
        "met drie gesprekken\n\naan de voordeur.\n\nIn de wijk, zeggen we,\n\n"
        "luisteren eerst."))
    paragraphs = [plain_text(b.inlines) for b in pub.lessons[1].blocks]
    assert "Sindsdien beginnen we elk plan, als het maar even kan en het weer meezit, met " \
        "drie gesprekken aan de voordeur." in paragraphs, paragraphs
    assert "In de wijk, zeggen we," in paragraphs and "luisteren eerst." in paragraphs
    # broken twice: two repairs, each said at the paragraph's line
    lines = (project / "content" / "brief.md").read_text().split("\n")
    reported = [line for line in result.stdout.splitlines() if "joined two paragraphs" in line]
    assert len(reported) == 2, result.stdout
    for report in reported:
        number = int(report.split(":")[1])
        assert lines[number - 1].startswith("Sindsdien beginnen we elk plan, als het")


@pytest.mark.slow
def test_a_paragraph_ending_in_a_question_or_exclamation_mark_is_never_joined(project):
    """Only a paragraph that ends mid-sentence is joined with the next: one that ends in
    '?' or '!' ends its sentence, even when the next starts in lower case (a name
    written that way, a quotation going on)."""
    pub, result = import_text_letter_with(project, (
        "Wie kent de straat beter dan wie er woont?\n\nniemand, zo bleek. En zo gaat het "
        "ook elders: hoe vaker je luistert, hoe meer je hoort!\n\nook bij de bakker."))
    paragraphs = [plain_text(b.inlines) for b in pub.lessons[1].blocks]
    assert "Wie kent de straat beter dan wie er woont?" in paragraphs, paragraphs
    assert any(p.startswith("niemand, zo bleek.") and p.endswith("hoort!")
               for p in paragraphs), paragraphs
    assert "ook bij de bakker." in paragraphs, paragraphs
    assert "joined two paragraphs" not in result.stdout


def test_a_letter_without_lessons_is_imported_and_builds(project):
    """A letter without recognisable lessons is never refused: its text is the
    introduction, the report says what was found and where '## ' lines could go, and
    the new source builds."""
    letter = project / "brief.txt"
    letter.write_text(textwrap.dedent("""\
        Prettige feestdagen!

        Beste buren,

        Een jaar vol ontmoetingen ligt achter ons. De koffieochtend groeide elke maand.

        Nieuwe bankjes

        Er staan drie nieuwe bankjes in de straat. Ze zijn geschonken door de bakker.

        € 450

        Zoveel kostten ze samen.

        Wij wensen u fijne feestdagen en zien u graag op de nieuwjaarsborrel.

        Met groet,

        Els Vermeulen
        """), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert pub.lessons == ()
    assert pub.meta.title == "Prettige feestdagen!"
    assert list(pub.meta.signatories) == ["Els Vermeulen"]
    assert [plain_text(b.inlines) for b in pub.closing.blocks] == [
        "Wij wensen u fijne feestdagen en zien u graag op de nieuwjaarsborrel.", "Met groet,"]
    assert "lessons       none" in result.stdout
    assert "greeting      Met groet," in result.stdout
    assert "could head a lesson: write '## Nieuwe bankjes'" in result.stdout
    assert "write '## € 450'" not in result.stdout  # words head a part, an amount not
    built = run_project(project, str(project / "content" / "brief.md"), "--only", "deck")
    assert built.returncode == 0, built.stderr


def test_a_todo_title_written_by_hand_is_refused(project):
    """A 'TODO' left in the title (as earlier imports wrote it) stops the build with
    its line, so no booklet goes out with it on the cover."""
    letter = project / "brief.txt"
    letter.write_text(text_letter(), encoding="utf-8")
    target = project / "content" / "brief.md"
    assert run_project(project, "import", str(letter)).returncode == 0
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("title: Wat ons jaar ons leerde",
                                   "title: 'TODO: schrijf hier de titel'"), encoding="utf-8")
    check = run_project(project, "--check", str(target))
    assert check.returncode == 2
    assert "the title is still a 'TODO' left by the import" in check.stderr


def test_never_overwrites(project):
    letter = project / "brief.txt"
    letter.write_text(text_letter(), encoding="utf-8")
    target = project / "content" / "brief.md"
    target.write_text("mijn eigen werk")
    result = run_project(project, "import", str(letter))
    assert result.returncode == 2
    assert "exists already and is never overwritten" in result.stderr
    assert target.read_text() == "mijn eigen werk"


def test_importing_a_publication_changes_nothing(project):
    copy = project / "elders.md"
    shutil.copy(SAMPLE, copy)
    target = project / "content" / "terug.md"
    result = run_project(project, "import", str(copy), "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == SAMPLE.read_bytes()


def test_text_is_never_mistaken_for_markdown(project):
    tricky = textwrap.dedent("""\
        # niet een kop, * geen lijst, [geen link](x), <b>geen html</b> en 5 * 3 = 15_000
        """).strip()
    letter = project / "brief.txt"
    letter.write_text(text_letter().replace(INTRO[1], tricky).replace(
        INTRO[2], "2. april was een goede dag."), encoding="utf-8")
    pub, _ = import_and_check(project, letter)
    texts = [plain_text(b.inlines) for b in pub.introduction.blocks]
    assert texts[1] == tricky
    assert texts[2] == "2. april was een goede dag."


def test_the_done_when_letter_builds(project):
    """A four-lesson letter pasted as text, one command, then a build with no errors."""
    letter = project / "jaarbrief.txt"
    letter.write_text(text_letter(), encoding="utf-8")
    result = run_project(project, "import", str(letter))
    assert result.returncode == 0, result.stderr
    built = run_project(project, str(project / "content" / "jaarbrief.md"))
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr
    assert (project / "output" / "jaarbrief.pdf").is_file()
    assert run_build("--help").returncode == 0


def direct_bullet(document, text: str, num_id: int = 1):
    """A paragraph as Word's bullet button makes it: 'List Paragraph' with its own
    numbering (numId 1 is a bullet list in python-docx's default template)."""
    paragraph = document.add_paragraph(text, style="List Paragraph")
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    for name, value in (("w:ilvl", 0), ("w:numId", num_id)):
        element = OxmlElement(name)
        element.set(qn("w:val"), str(value))
        numbering.append(element)
    properties.append(numbering)
    return paragraph


def lesson_lists(pub) -> list[list[str]]:
    from tweeluik.model import ListBlock
    return [[plain_text(item.blocks[0].inlines) for item in block.items]
            for lesson in pub.lessons for block in lesson.blocks if isinstance(block, ListBlock)]


def test_a_pasted_list_stays_a_list(project):
    """Bullets typed or pasted as characters ('•', or '-' on two lines or more) become a
    Markdown list; a single line that starts with a dash stays a sentence."""
    pub, _ = import_text_letter_with(project, (
        "Sindsdien beginnen we elk plan met drie gesprekken aan de voordeur:\n"
        "\u2022\tkoffie op het plein\n\u2022\teen praatje bij de school, ook als het\nregent\n\n"
        "Onze vaste vragen:\n- Wat gaat goed?\n- Wat kan beter?\n\n"
        "- en dat werkte, zo bleek later."))
    assert lesson_lists(pub) == [["koffie op het plein", "een praatje bij de school, ook als "
                                  "het regent"], ["Wat gaat goed?", "Wat kan beter?"]]
    texts = [plain_text(block.inlines) for lesson in pub.lessons for block in lesson.blocks
             if hasattr(block, "inlines")]
    assert "Onze vaste vragen:" in texts and "- en dat werkte, zo bleek later." in texts
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS]


def test_word_bullets_are_a_list_and_never_a_lesson(project, tmp_path):
    """Word's bullet paragraphs (by the List Bullet style, or numbering whose format is a
    bullet) are list items; a lone bullet between paragraphs is not taken for a lesson
    heading, as Word's numbered paragraphs are."""
    path = word_letter(project / "brief.docx", tmp_path, numbered_list=True)
    document = Document(str(path))
    anchor = next(p for p in document.paragraphs if p.text == LESSONS[0][1][0])
    body = anchor._p.getparent()
    position = list(body).index(anchor._p) + 1
    made = [direct_bullet(document, "Koffie op het plein"),
            direct_bullet(document, "Een praatje bij de school")]
    lone = document.add_paragraph("Een buurtfeest", style="List Bullet")
    for offset, paragraph in enumerate([*made, lone]):
        body.insert(position + offset, paragraph._p)
    document.save(path)
    pub, _ = import_and_check(project, path)
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS]
    assert lesson_lists(pub) == [["Koffie op het plein", "Een praatje bij de school",
                                  "Een buurtfeest"]]


def test_a_word_list_with_text_between_its_items_keeps_counting(project, tmp_path):
    """Word numbers a list by its definition: items with a paragraph between them count
    on (1, 2, the explanation, 3), as in a municipal guideline whose text refers to
    'methode 3'. The source keeps those numbers, and so do the booklet's lists; a new
    list (another numbering) starts at 1 again."""
    from tweeluik.model import ListBlock

    path = word_letter(project / "brief.docx", tmp_path)  # lessons under Word headings
    document = Document(str(path))
    anchor = next(p for p in document.paragraphs if p.text == LESSONS[0][1][0])
    body = anchor._p.getparent()
    position = list(body).index(anchor._p) + 1
    made = [direct_bullet(document, "Een brief aan elk huis", num_id=5),
            direct_bullet(document, "Een avond in het buurthuis", num_id=5),
            document.add_paragraph("De derde manier vraagt meer tijd, maar bereikt de meeste "
                                   "mensen."),
            direct_bullet(document, "Bij iedereen aanbellen", num_id=5),
            document.add_paragraph("En een tweede lijstje:"),
            direct_bullet(document, "Eerst dit", num_id=6),
            direct_bullet(document, "Dan dat", num_id=6)]
    for offset, paragraph in enumerate(made):
        body.insert(position + offset, paragraph._p)
    document.save(path)
    pub, _ = import_and_check(project, path)
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "\n2. Een avond in het buurthuis\n" in source
    assert "\n3. Bij iedereen aanbellen\n" in source and "\n1. Eerst dit\n" in source
    lists = [(block.start, [plain_text(item.blocks[0].inlines) for item in block.items])
             for lesson in pub.lessons for block in lesson.blocks if isinstance(block, ListBlock)]
    assert lists == [(1, ["Een brief aan elk huis", "Een avond in het buurthuis"]),
                     (3, ["Bij iedereen aanbellen"]), (1, ["Eerst dit", "Dan dat"])]


def test_a_web_address_above_the_heading_is_not_the_title(project):
    """A municipal guideline's Word file opens with its site's name on a line of its own,
    then its title as Heading 1, and no salutation: the heading is the title, and the
    address stays in the text (it was taken as the title)."""
    document = Document()
    document.add_paragraph("wijkteams-noord.nl")
    document.add_heading("Zo houden we een buurtpeiling", level=1)
    document.add_paragraph("Deze richtlijn zegt hoe een wijkteam de bewoners naar hun "
                           "buurt vraagt.")
    for title, text in (("Wie we vragen", "We vragen elk huishouden in de wijk."),
                        ("Hoe we vragen", "Per brief en op de website, in twee talen.")):
        document.add_heading(title, level=2)
        document.add_paragraph(text)
    path = project / "richtlijn.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    assert pub.meta.title == "Zo houden we een buurtpeiling"
    assert "took the heading under “wijkteams-noord.nl” as the title" in result.stdout
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "\nwijkteams-noord.nl\n" in source
    assert [lesson.title_text for lesson in pub.lessons] == ["Wie we vragen", "Hoe we vragen"]


def test_the_text_of_word_tables_is_read_where_they_stand(project):
    """A US government handbook keeps all its questions and answers in Word tables: their
    text is read where each table stands, row by row, a merged cell once, and the report
    says so (the tables were left out, and the whole text with them). Tables inside
    tables are read a few deep; deeper ones are named in the report."""
    document = Document()
    document.add_heading("Wat we leerden", level=1)
    document.add_paragraph("Beste leden,")
    document.add_paragraph("Hieronder de vragen die we het vaakst kregen.")
    document.add_heading("Vragen over de peiling", level=2)
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Vragen en antwoorden"
    table.cell(1, 0).text = "Wie krijgt de vragenlijst?"
    table.cell(1, 1).text = "Elk huishouden in de wijk krijgt een brief."
    table.cell(2, 0).text = "Hoe lang duurt het?"
    table.cell(2, 1).text = "Een kwartier, op papier of op de website."
    nested = table.cell(2, 1)
    for _ in range(6):  # six tables, each inside the one before
        nested = nested.add_table(rows=1, cols=1).cell(0, 0)
        nested.text = "Diep"
    document.add_paragraph("Daarna lazen we alles samen door.")
    document.add_heading("Wat we nu doen", level=2)
    document.add_paragraph("We sturen iedereen de uitkomsten.")
    path = project / "vragen.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    order = ["Vragen en antwoorden", "Wie krijgt de vragenlijst?", "Elk huishouden in de wijk",
             "Hoe lang duurt het?", "Een kwartier, op papier", "Daarna lazen we alles"]
    places = [source.index(words) for words in order]
    assert places == sorted(places)
    assert source.count("Vragen en antwoorden") == 1  # the merged cell once
    # tables four deep are read (the outer one and three inside it), the other three not
    assert source.count("Diep") == 3
    assert [lesson.title_text for lesson in pub.lessons] == ["Vragen over de peiling",
                                                             "Wat we nu doen"]
    assert "read the 4 tables in the Word file as paragraphs, row by row and cell by cell: " \
           "check that the text reads in order" in result.stdout
    assert "did not read the 1 table inside tables more than 4 deep" in result.stdout


def test_a_word_table_of_data_is_a_table_and_a_form_stays_lines(project):
    """A real swimming club's order form was a Word table whose cells came in one to a
    paragraph: a column of lone '€' lines. A table that holds data (a first row naming
    its columns, short cells) is now a table, its figures set to the right; a form of
    labels beside empty cells gets lines to write on, and a table of prose is read as
    before."""
    document = Document()
    document.add_paragraph("Contributie 2027", style="Title")
    document.add_paragraph("Beste leden,")
    document.add_paragraph("Dit betaalt u volgend jaar, per soort lid.")
    fees = document.add_table(rows=4, cols=3)
    for row, cells in enumerate([("Soort lid", "Per maand", "Per jaar"),
                                 ("Gezin", "€ 20", "€ 240"), ("Alleen", "€ 10", "€ 120"),
                                 ("Jeugd | tot 18", "€ 5", "€ 60")]):
        for column, text in enumerate(cells):
            fees.cell(row, column).text = text
    for cell in fees.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph("Wie wil helpen, meldt zich bij het secretariaat.")
    form = document.add_table(rows=3, cols=2)
    for row, (label, value) in enumerate([("Naam:", ""), ("Adres:", ""), ("Telefoon:", "")]):
        form.cell(row, 0).text = label
        form.cell(row, 1).text = value or " "
    prose = document.add_table(rows=2, cols=2)
    prose.cell(0, 0).text = "Wat we deden"
    prose.cell(0, 1).text = "Wat we leerden"
    prose.cell(1, 0).text = ("We zetten elke vrijdag de deur van het buurthuis open en "
                             "zetten koffie voor wie langs wilde komen.")
    prose.cell(1, 1).text = "Dat mensen graag komen als niemand iets van ze verwacht."
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Anna de Wit")
    path = project / "contributie.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    lines = (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")
    table = lines.index("| Soort lid | Per maand | Per jaar |")
    assert lines[table + 1:table + 5] == ["| --- | ---: | ---: |", "| Gezin | € 20 | € 240 |",
                                          "| Alleen | € 10 | € 120 |",
                                          "| Jeugd \\| tot 18 | € 5 | € 60 |"]
    from tweeluik.model import Table
    tables = [block for block in pub.introduction.blocks if isinstance(block, Table)]
    assert len(tables) == 1 and plain_text(tables[0].rows[2][0].inlines) == "Jeugd | tot 18"
    # a form's labels beside empty cells: lines to write on
    assert "Naam: " + "…" * 24 in lines and "Telefoon: " + "…" * 24 in lines
    assert any(line.startswith("We zetten elke vrijdag de deur") for line in lines)
    assert "kept the table of the Word file as a table, the first row naming the columns" \
        in result.stdout
    assert "read the 2 tables in the Word file as paragraphs" in result.stdout


def with_footnotes(path: Path, marked: dict[str, str]) -> None:
    """Add Word footnotes to a saved Word file: each text in ``marked`` gets a footnote
    mark after it, and the footnote its text (python-docx cannot write footnotes)."""
    import zipfile
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    notes = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote>']
    for number, (after, text) in enumerate(marked.items(), start=1):
        document = document.replace(f"{after}</w:t></w:r>", f"{after}</w:t></w:r><w:r>"
                                    f'<w:footnoteReference w:id="{number}"/></w:r>', 1)
        notes.append(f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    parts["word/document.xml"] = document.encode("utf-8")
    parts["word/footnotes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes '
                                   f'xmlns:w="{w}">{"".join(notes)}</w:footnotes>').encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_the_text_of_word_footnotes_is_kept_where_each_is_marked(project, tmp_path):
    """A municipal reading guide's seven footnotes named its partners and sources, and
    the import left them out without a word. A letter has no footnotes of its own (only
    a link's address becomes one), so each footnote's text comes in between brackets
    where it is marked, and the report says so."""
    path = word_letter(project / "brief.docx", tmp_path)
    first, second = LESSONS[0][1][0], LESSONS[1][1][0]
    with_footnotes(path, {first: "Samen met drie buurthuizen.", second: "Zie het jaarverslag."})
    pub, result = import_and_check(project, path)
    text = [plain_text(block.inlines) for lesson in pub.lessons for block in lesson.blocks
            if hasattr(block, "inlines")]
    assert f"{first} (Samen met drie buurthuizen.)" in text, text
    assert f"{second} (Zie het jaarverslag.)" in text, text
    assert "put the text of 2 footnotes in the Word file between brackets where each is " \
           "marked" in result.stdout


def test_a_word_form_keeps_its_labels_and_none_is_offered_as_a_lesson(project):
    """A real club's sign-up form: a table of labels beside empty cells ('E-mail' among
    them), boxes to tick typed as 'O Ja', and a list of who brings what ('1 persoon
    voor de koffie'). 'E-mail' was left out as a web page's button, and the report
    offered twelve labels as lesson titles. Each label gets a line to write on and
    stays; none of these lines is offered as a lesson."""
    document = Document()
    document.add_paragraph("Aanmelding zwemles", style="Title")
    document.add_paragraph("Vul dit formulier in en geef het af aan de trainer.")
    form = document.add_table(rows=4, cols=2)
    for row, label in enumerate(["Familienaam", "Voornaam", "E-mail", "Geboortedatum"]):
        form.cell(row, 0).text = label
    for line in ("Hoe kende je ons?", "O Via vrienden", "O Via de gemeente",
                 "Wie helpt er op de dag zelf?", "1 persoon voor de koffie",
                 "2 personen voor de kassa",
                 "Daarna hoor je van ons wanneer je kunt beginnen. Vragen?", "E-mail",
                 "secretariaat@zwemclub.example"):
        document.add_paragraph(line)
    path = project / "aanmelding.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    lines = (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")
    for label in ("Familienaam", "Voornaam", "E-mail", "Geboortedatum"):
        assert f"{label}: " + "…" * 24 in lines, label
    assert any(line.startswith("E-mail secretariaat@") for line in lines)  # a contact line
    assert "which a web page adds" not in result.stdout
    assert "could head a lesson" not in result.stdout, result.stdout


def test_no_sentence_is_joined_across_an_empty_paragraph_or_a_table_in_word(project):
    """Meeting notes in Word put a label and its value on lines of their own, with an
    empty paragraph between the pairs; the value has no full stop and the next label
    starts in lower case. An empty paragraph is the author's own break, and so is a
    table's edge: the import joined 'Utrecht CS' to 'wanneer:' across one, and a cell
    to the paragraph under the table. Lines that follow each other directly, as a text
    copied from a PDF leaves them, are still joined."""
    document = Document()
    document.add_paragraph("Verslag van het wijkoverleg", style="Title")
    for line in ["locatie:", "buurthuis De Linde in de Vogelbuurt", "", "wanneer:",
                 "17 juli 2026", "", "Het overleg begon om acht uur en eindigde pas toen de",
                 "koffie op was."]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Wat ging goed in het eerste halfjaar"
    table.cell(0, 1).text = "de buren kwamen met hun eigen plannen voor het plein"
    document.add_paragraph("daarna volgde de rondvraag.")
    path = project / "verslag.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    lines = (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")
    assert "buurthuis De Linde in de Vogelbuurt" in lines, lines
    assert "wanneer:" in lines
    assert "Het overleg begon om acht uur en eindigde pas toen de koffie op was." in lines
    assert "Wat ging goed in het eerste halfjaar" in lines
    assert "de buren kwamen met hun eigen plannen voor het plein" in lines
    assert "daarna volgde de rondvraag." in lines
    assert result.stdout.count("joined two paragraphs") == 1, result.stdout


def three_lessons_imported(project: Path, document, in_the_second):
    """Add the first three lessons as Word headings and paragraphs (what
    ``in_the_second()`` adds ending the second), import the file and check it builds;
    (its publication, the import's result, the new source's lines)."""
    for number, (title, paragraphs) in enumerate(LESSONS[:3], start=1):
        document.add_heading(title, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
        if number == 2:
            in_the_second()
    path = project / "jaar.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS[:3]]
    return pub, result, (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")


def test_word_headings_of_other_levels_head_parts(project):
    """The lessons are the Word heading level used most; a heading of another level (a
    chapter above them, a sub-heading inside one) heads a part ('### ', and one a level
    under that '#### '), where it stood as a line of text among the paragraphs (a
    handout's chapters did). One right above a
    lesson heads no text (a swimming club's 'To do's'): as a heading it stood alone at
    the foot of the introduction's last page, so it stays a line, with a note."""
    document = Document()
    document.add_paragraph("Wat ons jaar ons leerde", style="Title")
    document.add_paragraph("Beste leden,")
    document.add_paragraph("Een jaar vol ontmoetingen ligt achter ons.")
    document.add_heading("Wat goed ging", level=1)
    document.add_paragraph("Drie dingen gingen goed, en daar leerden we van.")
    document.add_heading("De lessen", level=1)  # right above a lesson: it heads no text

    def in_the_second():
        document.add_heading("Hoe we dat deden", level=3)
        document.add_paragraph("Met koffie en een lijst met vragen.")
        document.add_heading("De vragenlijst", level=4)  # a level under it: '####'
        document.add_paragraph("Tien vragen, op een kaart.")
    _, result, lines = three_lessons_imported(project, document, in_the_second)
    assert "### Wat goed ging" in lines
    assert "### Hoe we dat deden" in lines and "#### De vragenlijst" in lines
    assert "De lessen" in lines  # not a heading alone at the end of the introduction
    assert "the Word heading “De lessen” stands right above a lesson and heads no text of " \
           "its own" in result.stdout
    second = next(index for index, line in enumerate(lines) if line.endswith(LESSONS[1][0]))
    assert lines.index("### Hoe we dat deden") > second


def test_a_line_in_bold_over_a_paragraph_inside_a_lesson_heads_a_part(project):
    """A real handout headed the parts of a lesson with lines set in bold (no Word
    heading style): they stood as running text, one alone at a page's foot with its
    chart on the next page, and a screen reader could not jump to them. In a letter with
    lessons such a line becomes '### '. Bold that is emphasis stays bold: a sentence with
    its full stop, and lines in bold one under the other."""
    document = Document()
    document.add_paragraph("Wat ons jaar ons leerde", style="Title")
    document.add_paragraph("Beste leden,")
    document.add_paragraph("Een jaar vol ontmoetingen ligt achter ons.")

    def in_the_second():
        document.add_paragraph().add_run("Hoe we dat deden").bold = True
        document.add_paragraph("Met koffie en een lijst met vragen.")
        document.add_paragraph().add_run("Aanmelden kan tot vrijdag.").bold = True
        document.add_paragraph("Daarna is de lijst dicht.")
        document.add_paragraph().add_run("Let op").bold = True
        document.add_paragraph().add_run("De zaal gaat om acht uur open").bold = True
        document.add_paragraph("Kom op tijd.")
    _, result, lines = three_lessons_imported(project, document, in_the_second)
    assert "### Hoe we dat deden" in lines
    assert "**Aanmelden kan tot vrijdag.**" in lines
    assert "**Let op**" in lines and "**De zaal gaat om acht uur open**" in lines
    second = next(index for index, line in enumerate(lines) if line.endswith(LESSONS[1][0]))
    third = next(index for index, line in enumerate(lines) if line.endswith(LESSONS[2][0]))
    assert second < lines.index("### Hoe we dat deden") < third
    assert "took a line set wholly in bold over a paragraph as the heading of a part" \
        in result.stdout


def test_a_numbered_word_heading_keeps_its_number_as_a_part_heading():
    """A chapter heading that Word numbers ('3. Dataregistratie') keeps the number Word
    shows when it becomes a part's heading (a municipal protocol's chapters lost theirs)."""
    from tweeluik.importer.letter_parts import Letter
    from tweeluik.importer.markdown import letter_to_markdown
    from tweeluik.importer.pieces import Piece, Span
    chapter = Piece((Span("Dataregistratie"),), ("Dataregistratie",), heading=1,
                    numbered=True, list_number=3, section=True)
    plain = Piece((Span("Bijlagen"),), ("Bijlagen",), heading=1, section=True)
    text = Piece((Span("De gegevens komen uit de peiling."),))
    letter = Letter(title="Protocol", introduction=[chapter, text, plain, text])
    lines = letter_to_markdown(letter, {})[0].split("\n")
    assert "### 3. Dataregistratie" in lines and "### Bijlagen" in lines


def test_a_title_beside_a_picture_above_the_salutation_is_not_said_twice(project, tmp_path):
    """A club's letter opens with its title and two pictures in one paragraph, then the
    salutation: the pictures open the text, and the title, taken for the cover, was
    said again under the salutation."""
    picture = tmp_path / "koek.png"
    Image.new("RGB", (300, 200), "brown").save(picture)
    document = Document()
    opening = document.add_paragraph()
    opening.add_run("Koekjesverkoop").bold = True
    opening.add_run().add_picture(str(picture))
    document.add_paragraph("Beste zwemmers en ouders,")
    document.add_paragraph("We verkopen dit najaar koekjes voor de nieuwe startblokken.")
    document.add_paragraph("Bestellen kan tot en met zaterdag 29 oktober.")
    path = project / "koekjes.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    assert pub.meta.title == "Koekjesverkoop"
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert source.count("Koekjesverkoop") == 1, source
    assert source.index("Beste zwemmers") < source.index("](images/")


@pytest.mark.parametrize(("head", "salutation", "title", "left_out"), [
    ("Aan het bestuur van de Vogelbuurt\n\nPostbus 12\n\nBetreft: Een bankje bij de school",
     "Geachte leden van het bestuur,", "Een bankje bij de school", 2),
    ("To\n\nThe principal\n\nRiverside College\n\nDate:\n\nSubject: A bench by the school",
     "Respected Sir,", "A bench by the school", 4)])
def test_a_subject_line_above_the_salutation_is_the_title(project, head, salutation, title,
                                                          left_out):
    """A formal letter puts the addressee, a date line and its subject above the
    salutation ('Betreft: …', 'Subject: …'): the subject is the title, the salutation is
    found below them (a student club's letter had five lines above 'Respected Sir,' and
    came out titled after its file), and the address lines are left out with a line in
    the report."""
    letter = project / "verzoek.txt"
    letter.write_text(f"{head}\n\n{salutation}\n\nWe vragen een bankje in de schaduw bij "
                      "de school, voor de ouders die wachten.\n\nMet vriendelijke groet,\n"
                      "Anneke de Boer\n", encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert pub.meta.title == title
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert source.split("---\n", 2)[2].lstrip().startswith(salutation), source
    assert "took the subject line above the salutation as the title" in result.stdout
    assert f"left out the {left_out} lines above the salutation" in result.stdout
    assert "an address" in result.stdout
    for line in head.split("\n\n")[:-1]:  # what the report says is left out is
        assert line not in source.split("---\n", 2)[2]


def test_a_word_list_keeps_its_levels(project):
    """Word's second-level items (a swimming meet's clubs under 'Ploegen', the steps under
    a numbered task) came out as items of the outer list: they stay under the item they
    belong to, as a list inside it."""
    document = Document()
    document.add_paragraph("Taken voor de wedstrijd", style="Title")
    document.add_paragraph("Beste vrijwilligers,")
    document.add_paragraph("Dit zijn de taken voor zaterdag.")
    for text, style in [("Ploegen ontvangen", "List Bullet"), ("De Dolfijn", "List Bullet 2"),
                        ("De Zeehond", "List Bullet 2"), ("Koffie zetten", "List Bullet"),
                        ("Tafels klaarzetten", "List Number"),
                        ("Vier tafels in de hal", "List Bullet 2"),
                        ("Banen afzetten", "List Number")]:
        document.add_paragraph(text, style=style)
    document.add_paragraph("Dank voor jullie hulp.")
    path = project / "taken.docx"
    document.save(path)
    # python-docx's styles 'List Bullet 2' carry their level in the style, as Word's do;
    # Word's own lists say it in the paragraph (w:ilvl): give these that too
    import zipfile
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for text in ("De Dolfijn", "De Zeehond", "Vier tafels in de hal"):
        xml = xml.replace(f'<w:pStyle w:val="ListBullet2"/></w:pPr><w:r><w:t>{text}',
                          f'<w:pStyle w:val="ListBullet2"/><w:numPr><w:ilvl w:val="1"/>'
                          f'<w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}')
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    pub, result = import_and_check(project, path)
    lists = [block for block in pub.introduction.blocks if hasattr(block, "items")]
    outer = lists[0]
    first = outer.items[0].blocks
    assert plain_text(first[0].inlines) == "Ploegen ontvangen"
    inner = [block for block in first if hasattr(block, "items")]
    assert [plain_text(item.blocks[0].inlines) for item in inner[0].items] == [
        "De Dolfijn", "De Zeehond"]
    numbered = next(block for block in lists if block.ordered)
    steps = [block for block in numbered.items[0].blocks if hasattr(block, "items")]
    assert [plain_text(item.blocks[0].inlines) for item in steps[0].items] == [
        "Vier tafels in de hal"]
    assert [plain_text(item.blocks[0].inlines) for item in numbered.items] == [
        "Tafels klaarzetten", "Banen afzetten"]  # a list, not lessons
    assert pub.lessons == ()


def test_a_caption_beside_a_picture_is_its_description(project, tmp_path):
    """A reading guide wrote 'Fig. 1 …' above each chart, and Word's Caption style puts
    one under a picture: the caption became a line of text, and the picture got a
    stand-in description (printed as its caption). It is the picture's description now;
    a sentence about a figure ('Figuur 2 toont …') stays text."""
    picture = tmp_path / "kaart.png"
    Image.new("RGB", (300, 200), "navy").save(picture)
    document = Document()
    document.add_paragraph("Wat de wijk ons leerde", style="Title")
    document.add_paragraph("Beste leden,")
    document.add_paragraph("Fig. 1 Waar bewoners elkaar ontmoeten")
    document.add_picture(str(picture))
    document.add_paragraph("Figuur 2 toont hoe vaak bewoners elkaar zagen, per maand van "
                           "het jaar.")
    document.add_picture(str(picture))
    document.add_paragraph("Het nieuwe plein bij de school", style="Caption")
    document.add_paragraph("Dank voor een mooi jaar.")
    path = project / "gids.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    images = [block for block in pub.introduction.blocks if hasattr(block, "alt")]
    assert [image.alt for image in images] == ["Waar bewoners elkaar ontmoeten",
                                               "Het nieuwe plein bij de school"]
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "Fig. 1" not in source and source.count("Het nieuwe plein bij de school") == 1
    assert "Figuur 2 toont hoe vaak" in source
    assert "took the caption “Waar bewoners elkaar ontmoeten” beside the picture as its " \
           "description" in result.stdout
    assert "a picture without a description" not in result.stdout


def test_an_item_counted_by_letter_is_no_broken_sentence(project):
    """Statutes count the parts of an article 'a.', 'b.', 'c.', each a paragraph under a
    line without a full stop (a real foundation's did): they stay apart."""
    letter = project / "statuten.txt"
    letter.write_text("Statuten van de stichting\n\nArtikel 3. Het vermogen bestaat uit\n\n"
                      "a. bijdragen van deelnemers\n\nb. vergoedingen voor diensten\n\n"
                      "c. subsidies en giften\n", encoding="utf-8")
    pub, result = import_and_check(project, letter)
    text = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "\n\nb. vergoedingen voor diensten\n\n" in text, text
    assert "joined two paragraphs" not in result.stdout


def test_a_line_opening_with_a_label_is_no_broken_sentence(project):
    """Meeting notes open their lines with a label in lower case ('wanneer: …',
    'gerelateerde acties: …') under a line without a full stop: neither the import nor
    the check takes that for a sentence broken in two; a real break still is."""
    letter = project / "notulen.txt"
    letter.write_text("Verslag van het wijkoverleg\n\nBeste buren,\n\nHet overleg was in "
                      "buurthuis De Linde\n\nwanneer: donderdag 17 juli\n\naanwezigen: "
                      "Anneke, Daan en Fatma\n\nWe spraken over een bankje bij de\n\nschool "
                      "aan de Kade.\n", encoding="utf-8")
    pub, result = import_and_check(project, letter)
    paragraphs = [plain_text(block.inlines) for block in pub.introduction.blocks]
    assert "Het overleg was in buurthuis De Linde" in paragraphs, paragraphs
    assert "wanneer: donderdag 17 juli" in paragraphs
    assert "We spraken over een bankje bij de school aan de Kade." in paragraphs
    source = project / "content" / "check.md"
    source.write_text("---\ntitle: Verslag\n---\nBeste buren,\n\nHet overleg was in "
                      "buurthuis De Linde\n\nwanneer: donderdag 17 juli\n\nWe spraken over "
                      "een bankje bij de\n\nschool aan de Kade.\n", encoding="utf-8")
    checked = run_project(project, "--check", str(source))
    warned = [line for line in checked.stderr.splitlines() if "starts in lower case" in line]
    assert len(warned) == 1 and "school aan de" in warned[0], checked.stderr


def test_a_further_paragraph_of_a_word_list_item_stays_in_it(project):
    """Word writes a list item's further paragraphs in the 'List Paragraph' style without
    a bullet of their own, or indents them by hand (a swimming meet's task list explains
    each task so): they belong to the item, and came out after the list as paragraphs of
    their own."""
    document = Document()
    document.add_paragraph("Taken voor de wedstrijd", style="Title")
    document.add_paragraph("Beste vrijwilligers,")
    document.add_paragraph("Dit zijn de taken voor zaterdag.")
    document.add_paragraph("Vijf tijdopnemers", style="List Bullet")
    document.add_paragraph("Zij krijgen een chronometer en een lijst.", style="List Paragraph")
    document.add_paragraph("Baan 1: Ronny", style="List Paragraph")
    document.add_paragraph("Een starter", style="List Bullet")
    document.add_paragraph("Zij geeft het startsein.").paragraph_format.left_indent = \
        Cm(1.27)  # indented by hand, as with Word's indent button
    document.add_paragraph("Dank voor jullie hulp.")
    path = project / "taken.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    (tasks,) = [block for block in pub.introduction.blocks if hasattr(block, "items")]
    first, second = tasks.items
    assert [plain_text(block.inlines) for block in first.blocks] == [
        "Vijf tijdopnemers", "Zij krijgen een chronometer en een lijst.", "Baan 1: Ronny"]
    assert [plain_text(block.inlines) for block in second.blocks] == [
        "Een starter", "Zij geeft het startsein."]
    assert pub.lessons == ()


def test_a_table_row_of_short_cells_is_one_line(project):
    """A form's row of labels, or a label ending in a colon beside its value, reads as
    nothing one cell to a paragraph (a team's meeting notes and a club's order form
    were read so): such a row is one paragraph, its cells joined. A row of longer cells
    stays a paragraph for each."""
    document = Document()
    document.add_paragraph("Verslag van het wijkoverleg", style="Title")
    document.add_paragraph("Het overleg vond plaats in het buurthuis.")
    table = document.add_table(rows=4, cols=3)
    for column, label in enumerate(["Naam", "Aantal kaarten", "Totaal"]):
        table.cell(0, column).paragraphs[0].add_run(label).bold = True
    table.cell(1, 0).text = "Voorzitter:"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Anneke de Boer, tot de zomer van 2027"
    table.cell(2, 0).text = "Wat ging goed?"
    table.cell(2, 1).text = "De buren kwamen zelf met plannen voor het plein achter de school."
    table.cell(3, 0).text = "Locatie"
    table.cell(3, 2).text = "Buurthuis De Linde"  # (an empty cell between)
    document.add_paragraph("Het volgende overleg is in maart.")
    path = project / "verslag.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    lines = (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")
    assert "**Naam** · **Aantal kaarten** · **Totaal**" in lines
    assert "Voorzitter: Anneke de Boer, tot de zomer van 2027" in lines
    assert "Locatie · Buurthuis De Linde" in lines
    assert "Wat ging goed?" in lines  # longer cells: each its own paragraph
    assert "De buren kwamen zelf met plannen voor het plein achter de school." in lines


def test_bullets_typed_as_characters_in_word_are_a_list(project, tmp_path):
    """A text copied into Word keeps its bullets as characters ('•' and a tab, in a
    plain paragraph): they become a list, as the README promises and as they do in a
    paste, and no '•' is left for the check to warn about (a municipal guideline's Word
    file left them)."""
    path = word_letter(project / "brief.docx", tmp_path, numbered_list=True)
    document = Document(str(path))
    anchor = next(p for p in document.paragraphs if p.text == LESSONS[0][1][0])
    body = anchor._p.getparent()
    position = list(body).index(anchor._p) + 1
    typed = [document.add_paragraph("\u2022\tKoffie op het plein"),
             document.add_paragraph("\u2022 Een praatje bij de school")]
    typed[1].runs[0].text = "\u2022 Een praatje "
    typed[1].add_run("bij de school").italic = True
    for offset, paragraph in enumerate(typed):
        body.insert(position + offset, paragraph._p)
    document.save(path)
    pub, _ = import_and_check(project, path)
    assert lesson_lists(pub) == [["Koffie op het plein", "Een praatje bij de school"]]
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "\u2022" not in source and "- Een praatje *bij de school*" in source


@pytest.mark.parametrize("rule", ["-" * 72, "/" * 72])
def test_what_a_web_page_leaves_in_a_paste_is_repaired_or_pointed_at(project, rule):
    """A web page pasted as text (here: made with pandoc -t plain from HTML) brings its
    rule as a line of dashes and its pictures as their descriptions in square brackets:
    the separator is left out, the description kept with a note saying what to do. A
    rule of slashes (a government's minutes in Word) is one too."""
    text = text_letter().replace(CLOSING, rule + "\n\n" + CLOSING).replace(
        LESSONS[0][1][0], LESSONS[0][1][0] + "\n\n[Kaart van de buurt met de acht plekken]")
    letter = project / "brief.txt"
    letter.write_text(text, encoding="utf-8")
    pub, result = import_and_check(project, letter)
    written = (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")
    assert not any(set(line) <= set("-/\\\\") and len(line) > 3 for line in written)
    bracket = next(number for number, line in enumerate(written, start=1) if "Kaart" in line)
    assert f"content/brief.md:{bracket}: this line in square brackets looks like the " \
           "description of a picture" in result.stdout
    above = next(number for number, line in enumerate(written, start=1)
                 if line.startswith(LESSONS[-1][1][-1][:30]))
    assert f"content/brief.md:{above}: left out a separator line under this paragraph" \
        in result.stdout
    assert [lesson.title_text for lesson in pub.lessons] == [title for title, _ in LESSONS]
    assert plain_text(pub.closing.blocks[0].inlines) == CLOSING


def test_a_letter_quoted_in_a_forwarded_email_comes_in_without_the_quote_marks(project):
    quoted = "\n".join(f"> > {line}".rstrip() for line in text_letter().split("\n"))
    letter = project / "doorgestuurd.txt"
    letter.write_text("Hoi, hierbij de brief.\n\n" + quoted + "\n", encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert_the_letter(pub)
    assert "the letter was quoted as in a forwarded e-mail ('>>' before each line); the " \
           "quote marks are left out" in result.stdout


KEYS = ["Wie elkaar kent, vindt elkaar.", "Eerst luisteren.", "Vier wat lukt.",
        "Buren helpen buren."]


def test_quotes_under_lesson_titles_become_key_messages(project, tmp_path):
    """A sentence styled as a quotation right under a lesson's title (Word's Quote,
    Intense Quote or Block Text style, as pandoc writes a '>' quote into Word; or '> '
    lines in a text) is that lesson's key message."""
    path = word_letter(project / "brief.docx", tmp_path)
    document = Document(str(path))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    for number, (heading, key) in enumerate(zip(headings, KEYS, strict=True)):
        style = ("Quote", "Intense Quote", "Quote", "Quote")[number]
        quote = document.add_paragraph(key, style=style)
        heading._p.addnext(quote._p)
    document.save(path)
    pub, _ = import_and_check(project, path)
    assert [plain_text(lesson.key_message) for lesson in pub.lessons] == KEYS

    text = text_letter()
    for (title, _), key in zip(LESSONS, KEYS, strict=True):
        text = text.replace(f". {title}\n\n", f". {title}\n\n> {key}\n\n", 1)
    letter = project / "brief.txt"
    letter.write_text(text, encoding="utf-8")
    pub, _ = import_and_check(project, letter, name="tekst")
    assert [plain_text(lesson.key_message) for lesson in pub.lessons] == KEYS
    assert_the_letter(pub)


# --- signatures, closings and organisations as real letters write them -------------------

SIGNED = textwrap.dedent("""\
    Nieuws van het bestuur

    Beste leden,

    Het bestuur van de Vereniging Zuidkant heeft een druk jaar achter de rug.

    1. Samen beginnen

    We begonnen elk project met een kop koffie bij iemand thuis.

    2. Klein blijven

    We kozen per buurt één plan en maakten dat af.

    {ending}
    """)


@pytest.mark.parametrize(("ending", "names"), [
    ("Met vriendelijke groet,\n\nAnna de Wit – interim voorzitter\nBram Smit, secretaris",
     ["Anna de Wit (interim voorzitter)", "Bram Smit (secretaris)"]),
    ("Met vriendelijke groet,\n\nUw voorzitter,\nAnna de Wit",
     ["Anna de Wit (voorzitter)"]),
    ("Met vriendelijke groet,\n\nNamens het bestuur,\nAnna de Wit en Bram Smit",
     ["Anna de Wit", "Bram Smit"]),
    ("Met vriendelijke groet,\n\nAnna de Wit\nVoorzitter",
     ["Anna de Wit (Voorzitter)"]),
    ("Groet Anna de Wit", ["Anna de Wit"]),
])
def test_signatures_with_roles_keep_every_name(project, ending, names):
    """Names with a role after a dash or comma, a role line under a name, a lead line
    ('Uw voorzitter,', 'Namens het bestuur,') above names: every name is a signatory
    with its role beside it, and nothing of the signature is lost."""
    letter = project / "brief.txt"
    letter.write_text(SIGNED.format(ending=ending), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert list(pub.meta.signatories) == names
    assert len(pub.lessons) == 2
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    if "Namens het bestuur" in ending:
        assert "Namens het bestuur," in source  # kept in the text, under the greeting
    assert pub.meta.organisation == "Vereniging Zuidkant"
    assert "took “Vereniging Zuidkant”, named in the letter" in result.stdout


def test_what_is_not_a_name_under_the_greeting_stays_in_the_text(project):
    letter = project / "brief.txt"
    letter.write_text(SIGNED.format(ending="Met vriendelijke groet,\n\nAnna de Wit\n"
                                           "Bel gerust: 06 123 456 78"), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert list(pub.meta.signatories) == ["Anna de Wit"]
    assert plain_text(pub.closing.blocks[-1].inlines) == "Bel gerust: 06 123 456 78"
    assert "is not a name tweeluik recognises" in result.stdout


def test_a_closing_without_a_greeting_is_found_before_the_names(project):
    """A wish and then a line of names, no 'Met vriendelijke groet': the wish is the
    closing (not part of the last lesson), and the report says it guessed."""
    ending = ("Namens het bestuur wensen we iedereen mooie feestdagen.\n\n"
              "Anna de Wit, Bram Smit, Carla Bos, Daan Kok, Eva Mol en Fleur Gans")
    letter = project / "brief.txt"
    letter.write_text(SIGNED.format(ending=ending), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert len(pub.meta.signatories) == 6
    assert [plain_text(b.inlines) for b in pub.lessons[-1].blocks] == [
        "We kozen per buurt één plan en maakten dat af."]
    assert [plain_text(b.inlines) for b in pub.closing.blocks] == [
        "Namens het bestuur wensen we iedereen mooie feestdagen."]
    assert "as the closing words (it wishes, thanks or looks ahead)" in result.stdout


def test_no_organisation_found_is_said_with_what_to_add(project):
    letter = project / "brief.txt"
    letter.write_text(SIGNED.format(ending="Groet,\n\nAnna de Wit").replace(
        "Het bestuur van de Vereniging Zuidkant", "Ons bestuur"), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    assert pub.meta.organisation is None
    assert "no organisation found in the letter: add a line 'organisation: …'" in result.stdout


def test_web_leftovers_are_not_names(project):
    letter = project / "brief.txt"
    letter.write_text(SIGNED.format(ending="Tot ziens!\n\n113Hit Count:"), encoding="utf-8")
    pub, _ = import_and_check(project, letter)
    assert pub.meta.signatories == ()


def test_markdown_in_a_text_file_stays_markdown(project):
    """A letter saved from a web page as text, with Markdown in it: its links and
    emphasis are kept as Markdown (and said so), never printed as marks."""
    letter = project / "brief.txt"
    letter.write_text(SIGNED.format(ending="Groet,\n\nAnna de Wit").replace(
        "We begonnen elk project", "We begonnen *elk* project, lees [hier](https://example.org),"
    ).replace("We kozen per buurt", "We kozen **per buurt**"), encoding="utf-8")
    pub, result = import_and_check(project, letter)
    first = pub.lessons[0].blocks[0]
    assert plain_text(first.inlines).startswith("We begonnen elk project, lees hier,")
    assert any(isinstance(node, Link) for node in first.inlines)
    assert any(isinstance(node, Emph) for node in first.inlines)
    assert "the text holds Markdown" in result.stdout


def test_a_web_pages_markdown_with_its_own_front_matter_is_imported(project):
    page = project / "nieuwjaar.md"
    page.write_text(textwrap.dedent("""\
        ---
        layout: post
        title: Gelukkig nieuwjaar
        date: 2026-01-05
        author: het bestuur
        ---
        Beste leden,

        We kijken uit naar een mooi jaar. Mail het [bestuur](bestuur@example.org) of
        lees de [notulen](/vereniging/notulen/).
        """), encoding="utf-8")
    pub, result = import_and_check(project, page, name="nieuwjaar")
    assert pub.meta.title == "Gelukkig nieuwjaar" and str(pub.meta.date) == "2026-01-05"
    text = plain_text(pub.introduction.blocks[0].inlines)
    assert "lees de notulen." in text
    links = [node.href for node in pub.introduction.blocks[0].inlines if isinstance(node, Link)]
    assert links == ["mailto:bestuur@example.org"]
    assert "is a tweeluik publication already" not in result.stdout


@pytest.mark.parametrize("front, body", [
    ("layout: post\ntitle: Gelukkig nieuwjaar\ndate: 2026-01-05\n", "Beste leden,"),
    ("title: Gelukkig nieuwjaar\ndate: 2026-01-05\n",
     "{% include kop.html %}\nBeste leden,"),
    # a real club's minutes: title and date only, and links within the site
    ("title: Gelukkig nieuwjaar\ndate: 2026-01-05\n",
     "Beste leden, lees ook de [notulen](/vereniging/notulen/)."),
])
def test_a_posts_front_matter_of_title_date_and_layout_is_no_tweeluik_source(
        project, front, body):
    """A post whose front matter holds only keys tweeluik knows too (title, date, its
    site's 'layout: post') is still a website's page when its layout is no folder in
    layouts/ or its text holds the site's codes or links within the site: imported,
    not copied unchanged (a copy would not build)."""
    page = project / "nieuwjaar.md"
    page.write_text(f"---\n{front}---\n{body}\n\nWe kijken uit naar een mooi jaar.\n",
                    encoding="utf-8")
    pub, result = import_and_check(project, page, name="nieuwjaar")
    assert "is a tweeluik publication already" not in result.stdout
    assert pub.meta.title == "Gelukkig nieuwjaar" and pub.meta.layout == "booklet"
    assert "kijken uit naar een mooi jaar" in plain_text(pub.introduction.blocks[-1].inlines)


def test_a_tweeluik_source_naming_its_own_layout_is_copied_unchanged(project):
    (project / "layouts").unlink()
    shutil.copytree(LAYOUTS, project / "layouts")
    shutil.copytree(LAYOUTS / "booklet", project / "layouts" / "groot")
    source = project / "jaarbrief.md"
    text = "---\ntitle: Jaarbrief\nlayout: groot\n---\n\n## 1. Samen\n\nWe deden het samen.\n"
    source.write_text(text, encoding="utf-8")
    pub, result = import_and_check(project, source, name="jaarbrief")
    assert "is a tweeluik publication already" in result.stdout
    assert (project / "content" / "jaarbrief.md").read_text(encoding="utf-8") == text


def test_lessons_numbered_with_a_number_left_out_are_pointed_at(project):
    """A real meeting's points ran from 1 to 10 and went on at 12: the lessons ended at
    10 and the last points stayed a list in lesson 10 without a word. The report says
    where the numbers jump and what to write."""
    points = "".join(f"{number}. Punt {number}\n\nWat we erover afspraken, in een zin.\n\n"
                     for number in (1, 2, 3, 5, 6))
    pub, result, _ = import_text(project, "Actiepunten\n\nBeste leden,\n\n" + points,
                                 name="punten.txt")
    assert [lesson.title_text for lesson in pub.lessons] == ["Punt 1", "Punt 2", "Punt 3"]
    assert "the numbered lines count up to 3 and go on at 5 here: the lessons end at 3" \
        in result.stdout
    assert "number them from 4" in result.stdout
    # what the report says of the lines from 5 on holds: they are part of lesson 3
    assert "Punt 5" in " ".join(blocks_text(pub.lessons[2].blocks))
    assert "what stands from 5 on is part of lesson 3" in result.stdout


def test_an_agenda_is_no_lesson_and_a_postscript_keeps_its_place(project):
    """A real invitation to a general meeting: its numbered agenda was offered, item by
    item, as lesson titles, and its 'P.S.' under the names was taken for a signatory
    ('Tom Greuter, P.S') while the postscript's sentence stood between the greeting and
    the names. The agenda is a list; the postscript goes above the greeting, whole."""
    pub, result, source = import_text(
        project,
        "Uitnodiging ledenvergadering\n\nBeste leden,\n\nOp 12 september is de "
        "ledenvergadering, in het buurthuis.\n\nAgenda:\n\n1. Opening\n2. Begroting\n"
        "3. Rondvraag\n\nWe hopen jullie daar te zien!\n\nMet vriendelijke groet,\n\n"
        "Anna de Wit\nSecretaris\n\nP.S.\nAanmelden is niet verplicht, maar helpt ons wel.\n",
        name="alv.txt")
    assert pub.meta.signatories == ("Anna de Wit (Secretaris)",)
    assert "could head a lesson" not in result.stdout, result.stdout
    assert "P.S. Aanmelden is niet verplicht, maar helpt ons wel." in source
    assert source.index("P.S. Aanmelden") < source.index("Met vriendelijke groet")
    assert "moved the postscript" in result.stdout


def test_a_name_with_the_initials_ps_is_no_postscript(project):
    """'P.S. de Vries' under the greeting is a name with initials, not a postscript."""
    pub, result, _ = import_text(project, "Uitnodiging\n\nBeste leden,\n\nDe vergadering "
                                 "is op 12 september, in het buurthuis.\n\nMet vriendelijke "
                                 "groet,\n\nP.S. de Vries\n")
    assert pub.meta.signatories == ("P.S. de Vries",)
    assert "postscript" not in result.stdout


def test_a_count_is_no_lesson_suggestion_and_a_year_is_one(project):
    """'3 personen voor de kassa' (a real task list's count) is not offered as a lesson
    title; '2026 in cijfers' over a paragraph is."""
    _, result, _ = import_text(project, "Jaarbrief\n\nBeste leden,\n\nEen jaar vol werk.\n\n"
                               "2026 in cijfers\n\nWe hadden 385 leden.\n\n3 personen voor de "
                               "kassa\n\nDat waren er genoeg.\n")
    assert "write '## 2026 in cijfers'" in result.stdout, result.stdout
    assert "3 personen" not in result.stdout


def test_a_memo_header_gives_date_and_title(project):
    letter = project / "memo.txt"
    letter.write_text("Aan: alle leden\nVan: het bestuur\nDatum: 30 november 2026\n"
                      "Onderwerp: Extra ledenvergadering\n\nBeste leden,\n\nWe nodigen je uit."
                      "\n\nGroet,\n\nAnna de Wit\n", encoding="utf-8")
    pub, _ = import_and_check(project, letter, name="memo")
    assert pub.meta.title == "Extra ledenvergadering" and str(pub.meta.date) == "2026-11-30"
    assert [plain_text(b.inlines) for b in pub.introduction.blocks] == ["We nodigen je uit."]


def test_bold_lines_head_the_parts_of_a_word_letter_without_numbers(project, tmp_path):
    """Lines in bold that head the parts of a letter without numbered lessons become
    '### ' headings: the letter has no lessons ('Les 1' on a part of a newsletter was
    wrong on 6 real letters), its deck a slide for each part, and the report says how to
    make them lessons instead."""
    document = Document()
    document.add_paragraph("Nieuws van de club", style="Title")
    document.add_paragraph("Beste leden,")
    document.add_paragraph().add_run("‘Samen sporten, samen zorgen’").bold = True  # a motto
    document.add_paragraph("Een korte inleiding.")
    for title, text in (("Nieuwe banen", "De banen zijn vernieuwd."),
                        ("De kantine", "We zoeken vrijwilligers."),
                        ("De contributie", "De contributie stijgt met vier euro.")):
        document.add_paragraph().add_run(title).bold = True
        document.add_paragraph(text)
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Anna de Wit")
    path = tmp_path / "brief.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    assert pub.lessons == ()
    sections = [plain_text(section.title) for section in pub.introduction.sections
                if section.title is not None]
    assert sections == ["Nieuwe banen", "De kantine", "De contributie"]  # not the motto
    assert "took the 3 lines set in bold as the headings of the letter's parts" in result.stdout
    assert "write '## ' instead of '### '" in result.stdout
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "### Nieuwe banen\n" in source  # a heading is bold already: no '**' around it


def test_a_whole_letter_under_one_pasted_bullet_is_not_a_list(project):
    letter = project / "brief.txt"
    letter.write_text("Van de voorzitter\n\n• Beste leden,\n\n  Het seizoen is voorbij.\n\n"
                      "  Tot ziens!\n",
                      encoding="utf-8")
    pub, _ = import_and_check(project, letter)
    assert plain_text(pub.introduction.salutation) == "Beste leden,"


ENGLISH_BODY = textwrap.dedent("""\
    End of the season

    Well, the season has come to an end and with it my term as your chair. It was a
    pleasure to work with all of you, and we are proud of what the club did this year.

    We will see you at the annual meeting in the spring, where the new board will be
    chosen. Thank you for your help, and have a good winter.

    No comments:

    Leave a Reply

    113Hit Count:
    """)


def test_an_english_letter_without_english_greetings_is_english(project):
    """The language comes from the letter's words, not only from its greeting: an English
    letter without 'Dear' gets English labels; what a web page adds is left out."""
    letter = project / "season.txt"
    letter.write_text(ENGLISH_BODY, encoding="utf-8")
    pub, result = import_and_check(project, letter, name="season")
    assert pub.meta.language == "en"
    source = (project / "content" / "season.md").read_text(encoding="utf-8")
    for leftover in ("No comments", "Leave a Reply", "Hit Count"):
        assert leftover not in source
        assert f"left out “{leftover}" in result.stdout or leftover in result.stdout
    assert pub.meta.signatories == ()


def test_a_word_files_page_header_and_footer_give_what_the_text_does_not(project):
    """A Word letter's title in its page header, its club's name over the address in the
    footer (a real Belgian swimming club's form had its name only there)."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Uitnodiging voor de ledenvergadering"
    section.footer.paragraphs[0].text = "Zwemclub De Golf vzw – Kadestraat 4, 9280 Lebbeke"
    for text in ("Beste leden,", "Op 12 december vergaderen we in het clubhuis.",
                 "Met sportieve groet,", "Anna de Wit"):
        document.add_paragraph(text)
    path = project / "uitnodiging.docx"
    document.save(path)
    pub, result = import_and_check(project, path)
    assert pub.meta.title == "Uitnodiging voor de ledenvergadering"
    assert pub.meta.organisation == "Zwemclub De Golf vzw"
    assert "named in the page footer" in result.stdout


def test_a_letterhead_in_bold_names_the_organisation_without_its_stars(project):
    """A website's letter set its letterhead in bold above the title (a real neighbourhood
    centre's did): the organisation is its words, not '**…**'."""
    letter = project / "brief.md"
    letter.write_text("**Buurthuis De Linde**\n\n# Nieuws over de winter\n\nBeste buren,\n\n"
                      "We gaan dicht tot maart.\n\nGroet,\n\nAnna de Wit\n", encoding="utf-8")
    result = run_project(project, "import", str(letter))
    assert result.returncode == 0, result.stderr
    assert "organisation  Buurthuis De Linde" in result.stdout
    assert parse_publication(project / "content" / "brief.md").meta.organisation == \
        "Buurthuis De Linde"


def test_a_letterhead_address_a_date_or_a_greeting_is_never_the_title(project):
    """Above the salutation: an address, an addressee's 'To', a month and a year, or a
    greeting line are not the title; the file's name stands in, and the report says so."""
    letter = project / "brief.txt"
    letter.write_text("Dorpsstraat 12\n\n1234 AB Zuidkant\n\nTo\n\nOctober, 2026\n\n"
                      "Beste leden,\n\nEen korte brief.\n\nGroet,\n\nAnna de Wit\n",
                      encoding="utf-8")
    result = run_project(project, "import", str(letter))
    assert result.returncode == 0, result.stderr
    assert "title         Brief, from the file's name" in result.stdout


@pytest.mark.parametrize("line, date", [
    ("18-12-2026", (2026, 12, 18)), ("18/12/2026", (2026, 12, 18)), ("8.1.2027", (2027, 1, 8)),
    ("Utrecht, 18-12-2026", (2026, 12, 18)), ("2026-12-18", (2026, 12, 18)),
    ("18 december 2026", (2026, 12, 18)), ("vrijdag 18 december 2026", (2026, 12, 18)),
    ("December 18, 2026", (2026, 12, 18)),
    # German and Swiss letters (a real choir's invitation opened 'Mittwoch, 6. März 2013')
    ("Mittwoch, 6. März 2013", (2013, 3, 6)), ("Bern, 18. Dezember 2026", (2026, 12, 18)),
    # British: a real association's notice was dated '12th April, 2007' under its names
    ("12th April, 2007", (2007, 4, 12)), ("1st of May 2026", (2026, 5, 1)),
])
def test_a_line_that_is_only_a_date_is_read_in_every_way_letters_write_it(line, date):
    """Numeric dates (day first, as Dutch letters write them) as well as written-out ones,
    with a place before them or a weekday; a line with more than a date is not one."""
    import datetime as dt

    from tweeluik.dates import parse_date_line
    assert parse_date_line(line) == dt.date(*date)
    assert parse_date_line(f"Op {line} vergaderen we") is None


def test_a_letter_quoted_whole_on_a_web_page_keeps_its_parts(project):
    """A real web page quoted an open letter whole: its paragraphs and its headings
    ('#### reden 1') were '> ' lines, and the import made one quotation of it, a single
    paragraph with the headings' marks inside. The quote marks are left out, and said
    so; a short quotation in a letter stays a quotation."""
    letter = ("---\ntitle: Onze brief aan de verhuurder\ndate: 2026-03-01\ncategories:\n"
              "  - blog\nlastmod: 2026-03-02T10:00:00.000Z\n---\n"
              "Wij stuurden de verhuurder deze brief:\n\n"
              "> Geachte verhuurder,\n>  \n"
              "> Wij vragen u de tuin open te houden. Wij geven drie redenen.\n>\n"
              "> #### Reden 1\n> \n> De buurt speelt er elke dag.\n>\n"
              "> #### Reden 2\n>\n> De bomen zijn ouder dan de huizen.\n> \n"
              "> Met vriendelijke groet,\n>\n> Het bewonerscomité\n")
    pub, result, source = import_text(project, letter, name="brief.md")
    assert "the quote marks are left out" in result.stdout
    assert "> " not in source and "####" not in source
    parts = [plain_text(section.title) for section in pub.introduction.sections
             if section.title is not None]
    assert parts == ["Reden 1", "Reden 2"]
    texts = [" ".join(blocks_text(section.blocks)) for section in pub.introduction.sections]
    assert any(text.startswith("De bomen zijn ouder") for text in texts)

    (project / "content" / "brief.md").unlink()
    short = "Beste buren,\n\nDe wethouder zei het zo:\n\n> Een tuin is van iedereen.\n\n" \
        "Dat onthouden we.\n\nGroet,\n\nAnna de Wit\n"
    pub, result, source = import_text(project, "---\ntitle: Tuin\ncategories:\n  - blog\n"
                                      "---\n" + short, name="brief.md")
    assert "> Een tuin is van iedereen." in source
    assert "the quote marks are left out" not in result.stdout


def test_the_last_row_of_an_action_list_in_word_signs_nothing(project):
    """Real minutes ended on a Word table of actions ('what · who · status'): its last
    row, read cell by cell beside a long 'what', ended the text with 'Peter' and 'Gesloten
    (check met peter)', and the import made both of them signatories. A row's cells are
    its text; a letter signed under its text still is."""
    def minutes(signed: bool) -> Path:
        document = Document()
        document.add_paragraph("Verslag van het overleg")
        document.add_paragraph("We spraken over de nieuwe speeltuin en de buurtavond.")
        table = document.add_table(rows=2, cols=3)
        for cell, text in zip(table.rows[0].cells, ("Actiepunt", "Wie", "Status"), strict=True):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, (
                "Een offerte vragen voor het hek om de speeltuin, met een poort voor de "
                "rolstoel en een bank erbij", "Peter", "Gesloten (check met Peter)"),
                strict=True):
            cell.text = text
        if signed:
            document.add_paragraph("Met vriendelijke groet,")
            document.add_paragraph("Anna de Wit")
        path = project / f"verslag-{signed}.docx"
        document.save(path)
        return path

    pub, _ = import_and_check(project, minutes(signed=False), name="verslag-False")
    assert pub.meta.signatories == ()
    text = " ".join(blocks_text(pub.introduction.blocks))
    assert "Peter" in text and "Gesloten (check met Peter)" in text
    pub, _ = import_and_check(project, minutes(signed=True), name="verslag-True")
    assert pub.meta.signatories == ("Anna de Wit",)


@pytest.mark.parametrize("address", ["Rue de la Loi 16 · 1000 Brussel",
                                     "Koningsstraat, 1000 Brussel",
                                     # a German club's sender line over its window envelope
                                     "Musterverein e.V. · Lindengasse 4 · 12345 Musterstadt"])
def test_a_belgian_letterhead_address_is_no_title(project, address):
    """Real minutes opened on their federation's address in French and Dutch ('Rue
    François Vekemans 131 Frans Vekemansstraat, 1120 Neder-over-heembeek'): the booklet's
    cover carried the address as its title."""
    lines = (address, "Aanwezig: het voltallige bestuur.",
             "We bespraken de begroting en de nieuwe speelzaal.")
    pub, result = import_and_check(project, word_file(project / "verslag-bestuur.docx", lines))
    assert pub.meta.title == "Verslag bestuur"
    assert "took the file's name" in result.stdout


def test_a_note_on_a_list_item_points_at_the_items_line(project):
    """A separator under a numbered list: the note on it names the line of the list's
    last item, though the item is read into its list after the note is made (a real
    checklist lost the line: 'content/x.md: left out a separator line under this
    paragraph', which paragraph not said)."""
    letter = project / "taken.md"
    letter.write_text("# Taken van de penningmeester\n\n"
                      "### Elke week\n\n"
                      "1. **Afschriften** - ophalen en bewaren\n"
                      "2. **Bonnen** - tellen en doorgeven\n"
                      "3. **Post** - lezen en beantwoorden\n\n"
                      "---\n\n"
                      "### Elke maand\n\n"
                      "De kas tellen met twee mensen erbij.\n", encoding="utf-8")
    _, result = import_and_check(project, letter)
    written = (project / "content" / "brief.md").read_text(encoding="utf-8").split("\n")
    item = next(number for number, line in enumerate(written, start=1)
                if line.startswith("3. **Post**"))
    assert f"content/brief.md:{item}: left out a separator line under this paragraph" \
        in result.stdout, result.stdout


def test_an_e_mail_saved_with_its_header_gives_its_subject_and_date(project):
    """A real welcome e-mail saved as text began with its header ('To:', 'From:',
    'Subject:', 'Reply-To:', 'Content-Type:', 'Date:'): the whole header became the
    title. Now the subject is the title (without 'Re:'), the date the date, the header
    is left out with a note, and the '-- ' above the sender's signature is no text."""
    header = ("From: Secretariaat Buurtteam Noord <post@example.org>\r\n"
              "To: leden@example.org\r\n"
              "Subject: Re: Wat we dit jaar leerden\r\n"
              "Date: Tue, 3 Dec 2024 10:12:00 +0100\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n\r\n")
    letter = project / "mail.txt"
    letter.write_bytes((header + text_letter().replace("\n", "\r\n")
                        + "\r\n-- \r\nBuurtteam Noord, Dorpsstraat 1, Zuidoever\r\n").encode())
    pub, result = import_and_check(project, letter)
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert pub.meta.title == "Wat we dit jaar leerden"
    assert pub.meta.date == dt.date(2024, 12, 3)
    assert "Content-Type" not in source and "example.org" not in source
    assert "left out the e-mail's header at the top" in result.stdout
    assert "its subject is the title, its date the date" in result.stdout
    assert not any(line.startswith("-- ") or line == "--" for line in source.split("\n"))
    assert "Buurtteam Noord, Dorpsstraat 1" in source


def test_an_agenda_item_with_lines_under_it_stays_an_item_of_its_agenda(project):
    """A real choir's invitation numbered its agenda with Word's own numbering; one item
    had two lines under it, and it alone became the letter's one lesson ('1.', though it
    was the seventh item). An item right under the item before is the agenda's, and so
    are the further paragraphs of an item: none is offered as a lesson's heading."""
    document = Document()
    document.add_paragraph("Uitnodiging voor de ledenvergadering")
    document.add_paragraph("Beste leden,")
    document.add_paragraph("Graag zien we u op woensdag 6 maart in het buurthuis. De agenda:")
    for item in ("Opening", "Notulen van vorig jaar", "Jaarrekening"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Verslag van de kascommissie")
    document.add_paragraph("Vaststelling van de contributie")
    document.add_paragraph("Verkiezingen", style="List Number")
    for role in ("Voorzitter", "Penningmeester"):  # the item's further paragraphs
        document.add_paragraph(role, style="List Paragraph")
    for item in ("Rondvraag", "Sluiting"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Tot woensdag, en neem gerust iemand mee die de buurt wil leren "
                           "kennen.")
    document.save(project / "agenda.docx")
    pub, result = import_and_check(project, project / "agenda.docx")
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert pub.lessons == ()
    assert "## " not in source and "3. Jaarrekening" in source, source
    assert "## Voorzitter" not in result.stdout and "## Penningmeester" not in result.stdout


def test_a_mail_merge_address_block_is_left_out_with_a_note(project):
    """A real choir's letter to its donors was Word's mail-merge main document: under
    its date stood '«Vorname» «Name»', '«Adresse_1»', each offered as a lesson's
    heading. Lines of fields alone are left out, with one note; a field in a sentence
    stays for the check to point at."""
    word_file(project / "donateurs.docx", [
        "Nieuws van het buurtkoor", "«Voornaam» «Naam»", "«Adres»", "«Postcode» «Plaats»",
        "Beste «Voornaam»,",
        "Dit voorjaar zingt het koor drie keer in de wijk, en we rekenen weer op u.",
        "Met hartelijke groet,", "Anneke de Boer"])
    pub, result = import_and_check(project, project / "donateurs.docx")
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "«Adres»" not in source and "«Postcode» «Plaats»" not in source
    assert "Beste «Voornaam»," in source
    assert "left out 3 lines that hold only fields a mail merge fills in" in result.stdout
    assert "## «" not in result.stdout


def test_an_e_mails_star_item_after_an_items_indented_lines_is_an_item(project):
    """A real welcome e-mail listed its points with ' * '; the second point went on, after
    an empty line, with an address indented under it, and the third point's ' * ' stood
    in that block: the address and the third point ran into one paragraph, its star
    escaped. A star that opens two lines or more of a plain text opens an item."""
    letter = project / "welkom.txt"
    letter.write_text(
        "Beste nieuwe buren,\n\n"
        "Welkom in de wijk! Een paar dingen die handig zijn om te weten:\n"
        " * Het buurthuis is open op dinsdag en donderdag, van tien tot vier.\n"
        " * Maak de contributie over aan de vereniging, of breng het contant:\n"
        "   Buurthuis De Linde\n"
        "   Lindelaan 4\n\n"
        "   Wijkteam Noord\n"
        "   Zuidoever\n"
        " * Meld je aan voor de nieuwsbrief via de secretaris.\n\n"
        "Met vriendelijke groet,\n\nAnneke de Boer\n", encoding="utf-8")
    pub, result = import_and_check(project, letter)
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert "- Meld je aan voor de nieuwsbrief" in source, source
    assert "\\*" not in source


def test_an_items_further_paragraph_at_the_end_is_no_signature(project):
    """A real choir's agenda in Word ended with 'Kulinarischer Ausblick', indented as its
    items' further paragraphs, under the last item: two capitalised words, it was taken
    for the name that signs the letter. A paragraph set as an item's further paragraph,
    under an item, never signs."""
    document = Document()
    document.add_paragraph("Uitnodiging voor de ledenvergadering")
    document.add_paragraph("Graag zien we u op woensdag 6 maart in het buurthuis.")
    for item in ("Opening", "Jaarverslag", "Rondvraag"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Afsluitende Borrel", style="List Paragraph")
    document.save(project / "agenda.docx")
    pub, result = import_and_check(project, project / "agenda.docx")
    source = (project / "content" / "brief.md").read_text(encoding="utf-8")
    assert pub.meta.signatories == ()
    assert "Afsluitende Borrel" in source.split("---", 2)[2]


PLAIN_TEXT_INVITATION = """\
Hallo allemaal,

het bestuur van de Buurtvereniging Lindelaan nodigt jullie uit voor de
ledenvergadering in het buurthuis. Wie niet kan komen, mag een ander
lid een machtiging geven; de vergadering besluit dit jaar over de be-
groting en over de plannen voor het nieuwe speelveld aan de Lindelaan.

*******************  B E L A N G R I J K  *******************
Meld je aan voor 1 maart, dan weten we hoeveel koffie er nodig is.
*************************************************************

Waar
====

Buurthuis De Linde
Lindelaan 12
1234 AB Zuidoever

Tijden
------

19.30 uur: inloop met koffie
20.00 uur: opening en jaarverslag
21.30 uur: rondvraag en borrel

Met vriendelijke groet,

Anna de Wit
"""


def test_a_plain_text_mails_underlined_headings_rules_and_broken_lines_come_in(project):
    """A real e-mail invitation in plain text (wrapped at 72) underlined its headings
    with '====' and '----', boxed a notice in lines of stars, and broke an address and a
    timetable a line an item: the headings' words ran on into their underlines ('Waar
    ===='), the notice's stars were printed, the address and timetable became one line
    each, and a word hyphenated at a line's end kept its hyphen and a space
    ('be- groting')."""
    pub, result, source = import_text(project, PLAIN_TEXT_INVITATION)
    assert "### Waar" in source and "### Tijden" in source and "=" not in source
    assert "### BELANGRIJK" in source and "*" not in source.split("---", 2)[2]
    assert "de begroting en" in source
    assert "Buurthuis De Linde\\\nLindelaan 12\\\n1234 AB Zuidoever\n" in source
    assert "19.30 uur: inloop met koffie\\\n20.00 uur: opening en jaarverslag\\\n" in source
    # the wrapped paragraph stays one line: its breaks were the wrapping's
    assert "nodigt jullie uit voor de ledenvergadering in het buurthuis. Wie niet" in source
    assert "left out a separator line" in result.stdout
    # in the booklet the address keeps its lines
    address = next(block for section in pub.introduction.sections for block in section.blocks
                   if "Lindelaan 12" in plain_text(block.inlines))
    assert sum(isinstance(inline, LineBreak) for inline in address.inlines) == 2
    # set flush left, line by line, not indented as a paragraph that follows another
    html = publication_to_html(pub, load_theme(LAYOUTS), find_layout(pub, LAYOUTS), LAYOUTS,
                               dt.datetime(2026, 1, 1, tzinfo=dt.UTC), image_url=str)
    assert '<p class="lines">Buurthuis De Linde<br' in html


def test_a_markdown_heading_underlined_is_a_heading(project):
    """Markdown's other way to write a heading (its words over '===' or '---')."""
    pub, _, source = import_text(project, "Nieuws\n\nBeste leden,\n\nEen korte terugblik.\n\n"
                                          "Het speelveld\n-------------\n\nHet gras ligt er. "
                                          "Dank aan iedereen die meehielp.\n", name="brief.md")
    assert "### Het speelveld" in source and "-----" not in source


def test_a_mailing_signed_by_its_website_and_address_keeps_them_as_they_are(project):
    """A real association's reminder to its members, a plain-text mailing: it opened with
    'Guten Tag' (taken for the title), offered its button line 'Ja {{prolong_url}}' as a
    lesson title, and signed with its site's name, its postcode and its e-mail address:
    the site's name became a signatory, and each address line a paragraph of its own with
    a note to move it to the signatories."""
    pub, result, source = import_text(project, (
        "Guten Tag\n\nWir haben Ihren Beitrag für dieses Jahr noch nicht erhalten. Vielleicht "
        "ist die Rechnung untergegangen; das kann passieren.\n\nJa {{prolong_url}}\n\nMit "
        "Ihrem Beitrag halten wir den Garten im Quartier offen, für alle.\n\n"
        "Herzliche Grüsse\n\n\nQuartiergarten.ch\n3000 Bern\ninfo@quartiergarten.ch"))
    assert plain_text(pub.introduction.salutation) == "Guten Tag,"
    assert pub.meta.title != "Guten Tag"
    # a German letter gets tweeluik's own words in German (it was told to choose English)
    assert pub.meta.language == "de" and "seems to be written in" not in result.stdout
    assert pub.meta.organisation == "Quartiergarten.ch" and pub.meta.signatories == ()
    assert "could head a lesson" not in result.stdout
    assert "3000 Bern\\\ninfo@quartiergarten.ch" in source
    assert "kept the address “3000 Bern info@quartiergarten.ch” under the greeting" \
        in result.stdout and "move it to 'signatories:'" not in result.stdout


def test_minutes_titled_with_a_short_underline_and_a_rule_under_it(project):
    """Real minutes in Markdown opened on their title underlined with a short '======'
    and a rule right under it, over the place and date: the title, its underline, the
    rule and the place ran into one paragraph, and the file's name was the title."""
    pub, _, source = import_text(project, (
        "Verslag van de ledenvergadering van de Buurtvereniging Lindelaan\n======\n---\n"
        "Buurthuis De Linde, 12 maart\n\n# Aanwezig\n- Anna, Bram, Carla\n\n# Besluiten\n"
        "De contributie blijft gelijk. Het speelveld krijgt nieuw gras.\n"), name="verslag.md")
    assert pub.meta.title == "Verslag van de ledenvergadering van de Buurtvereniging Lindelaan"
    assert "\nBuurthuis De Linde, 12 maart\n" in source
    assert "=" not in source and "--- Buurthuis" not in source


def test_a_suggested_lesson_title_loses_the_marks_a_plain_text_typed(project):
    """A real e-mail typed its agenda items as '# 1 Wahl …' in plain text: the report
    suggested writing '## # 1 Wahl …', a heading that prints its '#'."""
    _, result, _ = import_text(project, "Einladung\n\nLiebe Mitglieder,\n\nWir laden euch "
                               "zur Versammlung ein.\n\n# 1 Wahl des Vorstands\n\nDer Vorstand "
                               "stellt sich vor.\n\n# 2 Rechnung\n\nDie Kasse wurde geprüft.\n")
    assert "write '## 1 Wahl des Vorstands' for it" in result.stdout, result.stdout
    assert "## #" not in result.stdout


def test_a_german_word_letters_undescribed_picture_gets_a_german_stand_in(project, tmp_path):
    """A real choir's donors' letter in Word: German, a picture without a description.
    The stand-in description is in the letter's language (and the import does not stop
    on a language it had no stand-in for)."""
    picture = tmp_path / "chor.png"
    Image.new("RGB", (120, 80), "seagreen").save(picture)
    document = Document()
    document.add_paragraph("Liebe Mitglieder,")
    document.add_paragraph("Wir danken euch für die Unterstützung und freuen uns auf das "
                           "Konzert, das wir mit dem Chor und der Gemeinde im Mai geben.")
    document.add_picture(str(picture))
    document.add_paragraph("Die Proben sind wieder am Mittwoch, und wir sind wie immer für "
                           "alle offen, die mit uns singen wollen.")
    document.add_paragraph("Mit freundlichen Grüssen,")
    document.add_paragraph("Anna Berger")
    path = project / "brief.docx"
    document.save(path)
    pub, _ = import_and_check(project, path)
    assert pub.meta.language == "de"
    assert "![Bild aus dem Brief](images/" in (project / "content" / "brief.md").read_text(
        encoding="utf-8")
