"""The deck in a real client: LibreOffice opens it, and every word stays inside its box.

LibreOffice exports the deck to PDF, one page per slide; poppler's pdftotext reports the
box of every word. Each word must lie inside the slide and inside the placeholder whose
text it belongs to. Horizontally that is exact (1 pt of slack). Vertically, poppler's
word boxes are the font's full height (1.3 em), taller than the 1.12 em line pitch the
deck sets, so a box may poke out by a fifth of the font size, never by a line.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from .conftest import need_tool, run_build, write_source

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]


EMU_PER_PT = 12700
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass
class TextBox:
    left: float
    top: float
    right: float
    bottom: float
    words: set[str]
    size: float
    joined: str = ""  # the text in capitals' case-free form, without spaces
    upright: bool = False  # turned a quarter: its lines run up or down the slide


def convert_to_pdf(pptx: Path, out_dir: Path) -> Path:
    """LibreOffice's own PDF of the deck (a private profile, so runs never collide)."""
    pdf = convert_all_to_pdf([pptx], out_dir)[pptx]
    assert pdf.is_file(), "LibreOffice made no PDF"
    return pdf


def convert_all_to_pdf(decks: list[Path], out_dir: Path) -> dict[Path, Path]:
    """LibreOffice's PDFs of several decks, made in one run of LibreOffice (each start
    costs seconds) with a private profile; deck → its PDF."""
    soffice = need_tool("soffice")
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, decks)],
                   check=True, capture_output=True, timeout=300 + 30 * (len(decks) - 1))
    return {deck: out_dir / (deck.stem + ".pdf") for deck in decks}


def pdf_words(pdf: Path) -> list[tuple[float, float, list]]:
    """Per page: (width, height, [(x0, y0, x1, y1, word)])."""
    tool = need_tool("pdftotext")
    out = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        width, height = map(float, re.match(r'width="([\d.]+)" height="([\d.]+)"', chunk).groups())
        words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in WORD.findall(chunk)]
        pages.append((width, height, words))
    return pages


def key_of_ours(word: str, boxes: list[TextBox]) -> bool:
    """True when the word belongs to a text we set (not one a picture's own text)."""
    key = word.lower()
    return any(key in box.words or key in box.joined for box in boxes)


def slide_boxes(slide) -> list[TextBox]:
    boxes = []
    for shape in slide.shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        sizes = [run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs
                 if run.font.size is not None] or [12.0]
        text = shape.text_frame.text.replace("\u2060", "")  # word joiners draw nothing
        if shape.is_placeholder and shape.placeholder_format.type == 13:  # slide number field
            text = "".join(slide._element.xpath(".//a:fld//a:t/text()"))
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
        if shape.rotation % 180 == 90:  # a box turned a quarter: it stands upright there
            left, top = left + (width - height) // 2, top + (height - width) // 2
            width, height = height, width
        boxes.append(TextBox(left / EMU_PER_PT, top / EMU_PER_PT,
                             (left + width) / EMU_PER_PT, (top + height) / EMU_PER_PT,
                             {w.lower() for w in text.split()}, max(sizes),
                             "".join(text.lower().split()), shape.rotation % 180 == 90))
    return boxes


def template_pictures(slide, slide_width: int, slide_height: int) -> list[tuple]:
    """The small pictures a slide's layout and master draw (a logo, a seal), as (left,
    top, right, bottom) in points: our words keep off them. Large ones are backgrounds,
    on which text may stand, and so are glows of light, see-through all over (as the
    deck's planner decides)."""
    from tweeluik.deck.backdrop import PictureColours
    glows = PictureColours()
    owners = [slide.slide_layout]
    if slide.slide_layout._element.get("showMasterSp") not in ("0", "false"):
        owners.append(slide.slide_layout.slide_master)
    found = []
    for owner in owners:
        for shape in owner.shapes:
            if shape.shape_type != 13 or shape.width is None:  # pictures only
                continue
            if shape.width * shape.height > 0.08 * slide_width * slide_height:
                continue
            if glows.faint(owner.part.related_part(shape._element.blip_rId)):
                continue
            found.append((shape.left / EMU_PER_PT, shape.top / EMU_PER_PT,
                          (shape.left + shape.width) / EMU_PER_PT,
                          (shape.top + shape.height) / EMU_PER_PT))
    return found


def decoration_words(slide, number: int) -> set[str]:
    """Words a slide's layout and master draw themselves (a template's footer, a motto, a
    slide number of their own, the labels of a table of theirs, a group's words)."""
    words: set[str] = set()
    for owner in (slide.slide_layout, slide.slide_layout.slide_master):
        texts = ["".join(node.text or "" for node in paragraph.iter(qn("a:t")))
                 for paragraph in owner._element.iter(qn("a:p"))]
        words.update(word.lower() for text in texts for word in text.split())
        if owner._element.xpath(".//a:fld[@type='slidenum']"):
            words.add(str(number))
    return words


#: Signs a list's points are drawn with (a template's own: its font's '►', or a symbol
#: font's sign, which comes out of the PDF as a character of the private use area).
BULLET_SIGNS = "•–->►▶▪▫◦●○■□➢➤✓"


def is_a_bullet(word: str) -> bool:
    return len(word) == 1 and (word in BULLET_SIGNS or 0xE000 <= ord(word) <= 0xF8FF)


def drawn_by_them(word: str, decorations: set[str]) -> bool:
    """Whether a word is one the template draws, or the start or end of one that
    LibreOffice broke over two lines (a narrow table cell's 'Auteu' and 'r')."""
    return word in decorations or any(
        len(word) < len(theirs) and (theirs.startswith(word) or theirs.endswith(word))
        for theirs in decorations)


def holds(box: TextBox, x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether a drawn word lies in the box: a line's height may reach past it by a
    fifth of its size (across the width of a box turned upright)."""
    across = 0.2 * box.size if box.upright else 1
    down = 1 if box.upright else 0.2 * box.size
    return (box.left - across <= x0 and x1 <= box.right + across
            and box.top - down <= y0 and y1 <= box.bottom + down)


def word_problems(pptx: Path, pdf: Path, also_theirs: set[str] = frozenset()
                  ) -> tuple[list[str], int]:
    """Every word LibreOffice draws that lies off the slide, under our logo, under a small
    picture of the template's, or outside its own placeholder (one line each), and how
    many words of ours were checked. ``also_theirs``: words the template draws itself
    that the deck cannot tell (a date field shows the day it is drawn)."""
    prs = Presentation(str(pptx))
    pages = pdf_words(pdf)
    if len(pages) != len(prs.slides):
        return ["not one PDF page per slide"], 0
    problems, checked = [], 0
    for number, (slide, (width, height, words)) in enumerate(zip(prs.slides, pages,
                                                                 strict=True), start=1):
        if abs(width - prs.slide_width / EMU_PER_PT) >= 1:
            problems.append(f"slide {number} is {width:.0f} pt wide")
        boxes = slide_boxes(slide)
        decorations = decoration_words(slide, number) | also_theirs
        logos = [(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT,
                  (shape.left + shape.width) / EMU_PER_PT, (shape.top + shape.height) / EMU_PER_PT)
                 for shape in slide.shapes if shape.name == "Logo"]
        pictures = template_pictures(slide, prs.slide_width, prs.slide_height)
        for x0, y0, x1, y1, word in words:
            if is_a_bullet(word):
                continue  # the sign before a point of a list, drawn in the template's font
            where = f"slide {number}, word {word!r} at ({x0:.0f}, {y0:.0f})–({x1:.0f}, {y1:.0f})"
            if not (0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height):
                problems.append(f"off the slide: {where}")
            for left, top, right, bottom in logos:
                if not (x1 <= left or right <= x0 or y1 <= top or bottom <= y0):
                    problems.append(f"under the logo: {where}")
            if key_of_ours(word, boxes):
                for left, top, right, bottom in pictures:
                    if not (x1 <= left + 1 or right - 1 <= x0 or y1 <= top + 1
                            or bottom - 1 <= y0):
                        problems.append(f"under the template's picture "
                                        f"{(left, top, right, bottom)}: {where}")
            # Letter spacing can split a word in poppler's eyes: a piece of one counts.
            key = word.lower()
            owners = [box for box in boxes if key in box.words or key in box.joined]
            inside = [box for box in owners if holds(box, x0, y0, x1, y1)]
            if not inside and drawn_by_them(key, decorations):
                continue  # drawn by the layout or master, not by us
            if not owners:
                problems.append(f"text in no placeholder: {where}")
            elif not inside:
                places = [(b.left, b.top, b.right, b.bottom) for b in owners]
                problems.append(f"outside its box {places}: {where}")
            else:
                checked += 1
    return problems, checked


def assert_every_word_inside_its_box(pptx: Path, tmp_path: Path, pdf: Path | None = None) -> int:
    """Check the deck; return how many words were checked. Every word LibreOffice draws
    lies on the slide, and every word of our text lies inside its own placeholder.
    ``pdf`` is LibreOffice's PDF of the deck when it was made already."""
    if pdf is None:
        pdf = convert_to_pdf(pptx, tmp_path)
    assert pdf.is_file(), "LibreOffice made no PDF"
    problems, checked = word_problems(pptx, pdf)
    assert problems == [], problems[0]
    return checked


def test_sample_deck_opens_and_every_word_fits(sample_build, tmp_path):
    assert assert_every_word_inside_its_box(sample_build.deck, tmp_path) > 100


LONG_TITLE = ("Waarom de gezamenlijke aanpak van de wijkteams in de Rivierenbuurt en de "
              "Havenbuurt uiteindelijk veel meer opleverde dan wij ooit hadden durven dromen")
LONG_WORD = "buurtbewonersvertegenwoordigersvergaderingen"
LONG_MESSAGE = " ".join(
    ("Wie elkaar kent, vindt elkaar ook als het moeilijk wordt, en dat merkten we in elke "
     "buurt waar we dit jaar samen met bewoners aan de slag gingen.").split() * 8)[:1400]


def test_long_titles_messages_and_words_fit(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    lessons = [
        f"## {LONG_TITLE}\n\n> Kort.\n\nTekst.\n",
        f"## Kort\n\n> {LONG_MESSAGE}\n\nTekst.\n",
        f"## {LONG_WORD}\n\n> Het {LONG_WORD} en de {LONG_WORD}.\n\nTekst.\n",
        "## Zonder kernboodschap\n\n" + " ".join(["Een heel lange eerste zin zonder einde"] * 12) + ".\n",
    ] + [f"## Les met een wat langere titel nummer {n}\n\n> Kern {n}.\n\nTekst.\n" for n in range(5, 13)]
    front = (f"title: {LONG_TITLE}\nsubtitle: {LONG_TITLE}\norganisation: {LONG_TITLE}\n"
             "date: 2026-12-12\ndeck:\n  agenda: true\n"
             "signatories: [" + ", ".join(f"Voornaam Achternaam{n}" for n in range(14)) + "]")
    source = write_source(content, "Beste leden,\n\n" + "\n".join(lessons) +
                          "\n---\n\n" + LONG_MESSAGE + "\n", front)
    out = tmp_path / "output"
    result = run_build(str(source), "--out", str(out), "--only", "deck")
    assert result.returncode == 0, result.stderr
    assert "too long for its slide" in result.stderr  # the 200-word message was shortened
    assert assert_every_word_inside_its_box(out / "pub.pptx", tmp_path) > 200


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_both_languages_render(tmp_path, language):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, "## Eén les\n\n> Kern.\n\nTekst.\n",
                          f"title: Proef\nlanguage: {language}\ndeck:\n  agenda: true\n")
    out = tmp_path / "output"
    assert run_build(str(source), "--out", str(out), "--only", "deck").returncode == 0
    pages = pdf_words(convert_to_pdf(out / "pub.pptx", tmp_path))
    agenda_words = {word for *_, word in pages[1][2]}
    assert {"nl": "VANDAAG", "en": "TODAY", "de": "HEUTE"}[language] in agenda_words
