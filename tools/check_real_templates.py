"""Try tweeluik on slide templates from elsewhere: build the sample and a four-lesson,
six-signatory letter (tests/letters/clean-lange-lessen.md) on every .pptx and .potx in a
folder, draw every deck with LibreOffice in one run, and check each deck:

- every lesson, the organisation, the date and every signatory on a slide, or in the
  speaker notes with a warning that says so;
- no text shortened to '…';
- no placeholder text equal to a layout's prompt, no '<…>' fill-in hint drawn;
- every colour or anchor tweeluik changed reads better than the template's own;
- our logo on none of the pictures and shapes that layout and master draw;
- every word LibreOffice draws inside its own box and off the template's small pictures.

It writes report.txt (each deck's problems and what the build said), report.json and a
contact sheet of every deck into the output folder: look at them. Keep the templates
outside the repository, with a list of where each came from.

    .venv/bin/python tools/check_real_templates.py ~/realworld/templates ~/realworld/check
    .venv/bin/python tools/check_real_templates.py FOLDER OUT kpc merck-eu   # some only

Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext); the test extras.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
import traceback
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pptx import Presentation  # noqa: E402

from tests.conftest import CONTENT, LAYOUTS, SAMPLE, run_project  # noqa: E402
from tests.decks import accessibility_problems  # noqa: E402
from tests.test_deck_libreoffice import convert_all_to_pdf, pdf_words, word_problems  # noqa: E402
from tests.test_templates import colour_changes  # noqa: E402
from tweeluik.labels import LANGUAGE_TAGS, format_date  # noqa: E402
from tweeluik.parse import parse_publication  # noqa: E402

LETTER = ROOT / "tests" / "letters" / "clean-lange-lessen.md"
EMU_PER_PT = 12700


def slide_text(slide) -> str:
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    return " ".join(" ".join(texts).replace("\u2060", "").replace("\u00a0", " ").split())


def notes_text(slide) -> str:
    if not slide.has_notes_slide:
        return ""
    return " ".join(slide.notes_slide.notes_text_frame.text.replace("\u00a0", " ").split())


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2060", "").split())


def nothing_lost(said: str, deck: Path, pub, date: str) -> list[str]:
    """Lessons, organisation, date and signatories on the slides, or in the notes with a
    warning; no text shortened to '…'."""
    slides = list(Presentation(str(deck)).slides)
    problems = lessons_lost(said, slides[-1 - len(pub.lessons):-1], pub)
    problems += title_and_names_lost(said, slides[0], slides[-1], pub, date)
    for number, slide in enumerate(slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and "…" in shape.text_frame.text:
                problems.append(f"slide {number}: shortened text {shape.text_frame.text[-60:]!r}")
    return problems


def lessons_lost(said: str, lesson_slides: list, pub) -> list[str]:
    problems = []
    for lesson, slide in zip(pub.lessons, lesson_slides, strict=True):
        text = slide_text(slide)
        hyphenated = f"the title of lesson {lesson.number}: the word" in said
        if lesson.title_text not in text and not (
                hyphenated and lesson.title_text.replace("-", "") in text.replace("-", "")):
            problems.append(f"lesson {lesson.number}: title not on its slide")
        if not re.search(rf"(^|\D){lesson.number}(\D|$)", text):
            problems.append(f"lesson {lesson.number}: number not on its slide")
        message = plain("".join(getattr(node, "text", "") for node in lesson.key_message))
        if message not in text and "key message" not in said:
            problems.append(f"lesson {lesson.number}: key message lost without a warning")
        if message not in text and message not in notes_text(slide):
            problems.append(f"lesson {lesson.number}: key message on no slide and not in notes")
    return problems


def title_and_names_lost(said: str, first, last, pub, date: str) -> list[str]:
    problems = []
    for role, value in (("organisation", pub.meta.organisation), ("date", date)):
        if value in slide_text(first):
            continue
        if f"the {role} has no place" not in said and f"the {role} does not fit" not in said:
            problems.append(f"{role} not on the title slide and no warning")
        if value not in notes_text(first):
            problems.append(f"{role} neither on the title slide nor in its notes")
    for name in pub.meta.signatories:
        if name in slide_text(last):
            continue
        if "signatories" not in said:
            problems.append(f"signatory {name} lost without a warning")
        if name not in notes_text(last):
            problems.append(f"signatory {name} neither on the closing slide nor in its notes")
    return problems


def prompt_texts(prs) -> set[str]:
    found = set()
    for master in prs.slide_masters:
        for owner in (master, *master.slide_layouts):
            for shape in owner.placeholders:
                if shape.has_text_frame:
                    text = plain(shape.text_frame.text)
                    if len(text) > 3:
                        found.add(text)
    return found


def prompts_shown(deck: Path, pdf: Path) -> list[str]:
    prs = Presentation(str(deck))
    prompts = prompt_texts(prs)
    problems = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.placeholders:
            if shape.has_text_frame and plain(shape.text_frame.text) in prompts:
                problems.append(f"slide {number}: prompt text {plain(shape.text_frame.text)!r}")
    hints = {word for page in pdf_words(pdf) for *_, word in page[2] if re.search(r"[<>]", word)}
    if hints:
        problems.append(f"hint-like words drawn: {sorted(hints)[:6]}")
    return problems


def boxes_drawn(owner, slide_area: int) -> list[tuple]:
    found = []
    for shape in owner.shapes:
        if shape.width is None or shape.left is None:
            continue
        if shape.is_placeholder:
            continue  # a layout's or master's placeholder shows only through the slide's own
        if shape.width * shape.height > 0.25 * slide_area:
            continue  # a background
        if shape.has_text_frame and not shape.text_frame.text.strip() and shape.shape_type == 17:
            continue  # an empty text box draws nothing
        found.append((shape.name, shape.left, shape.top, shape.left + shape.width,
                      shape.top + shape.height))
    return found


def logo_overlaps(deck: Path) -> list[str]:
    prs = Presentation(str(deck))
    area = prs.slide_width * prs.slide_height
    problems = []
    for number, slide in enumerate(prs.slides, 1):
        logos = [shape for shape in slide.shapes if shape.name == "Logo"]
        if not logos:
            continue
        occupied = []
        layout = slide.slide_layout
        occupied += boxes_drawn(layout, area)
        if layout._element.get("showMasterSp") not in ("0", "false"):
            occupied += boxes_drawn(layout.slide_master, area)
        for logo in logos:
            x0, y0 = logo.left, logo.top
            x1, y1 = x0 + logo.width, y0 + logo.height
            for name, left, top, right, bottom in occupied:
                if not (x1 <= left or right <= x0 or y1 <= top or bottom <= y0):
                    problems.append(f"slide {number}: logo over {name!r}")
    return problems


def contact_sheet(pictures: list[Path], target: Path, across: int = 4) -> None:
    from PIL import Image
    images = [Image.open(p) for p in pictures]
    w, h = max(i.width for i in images), max(i.height for i in images)
    rows = (len(images) + across - 1) // across
    sheet = Image.new("RGB", (across * (w + 6) + 6, rows * (h + 6) + 6), "#777")
    for n, image in enumerate(images):
        sheet.paste(image, (6 + (n % across) * (w + 6), 6 + (n // across) * (h + 6)))
    sheet.save(target)


def words_outside(pptx: Path, pdf: Path) -> list[str]:
    """The suite's check of every word's place, with today's date taken as the template's
    own (a date field of its master shows the day the deck is drawn)."""
    today = datetime.date.today()
    dates = {today.strftime(form).lower() for form in ("%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y",
                                                       "%Y-%m-%d", "%d.%m.%y", "%d-%m-%Y",
                                                       "%m/%d/%y")}
    return word_problems(pptx, pdf, dates)[0]


def deck_problems(source: Path, deck: Path, pdf: Path, said: str) -> list[str]:
    """Every problem of one deck, each line saying which check found it."""
    pub = parse_publication(source)
    date = format_date(pub.meta.date, pub.meta.language) if pub.meta.date else ""
    checks = {"lost": partial(nothing_lost, said, deck, pub, date),
              "prompts": partial(prompts_shown, deck, pdf),
              "logo": partial(logo_overlaps, deck),
              "contrast": lambda: colour_changes(source)[1],
              "a11y": partial(accessibility_problems, deck, LANGUAGE_TAGS[pub.meta.language],
                              pub.meta.organisation, pub.meta.title),
              "inside": partial(words_outside, deck, pdf)}
    problems = []
    for label, check in checks.items():
        try:
            problems += [f"{label}: {problem}" for problem in check()]
        except Exception:
            problems.append(f"{label}: crashed {traceback.format_exc()[-400:]}")
    return problems


def main(folder: Path, out: Path, names: list[str]) -> None:
    templates = sorted(p for p in folder.iterdir()
                       if p.suffix in (".pptx", ".potx") and (not names or p.stem in names))
    out.mkdir(parents=True, exist_ok=True)
    project = out / "run"
    shutil.rmtree(project, ignore_errors=True)
    content = project / "content"
    shutil.copytree(CONTENT, content)
    (content / SAMPLE.name).unlink()
    (project / "layouts").symlink_to(LAYOUTS)
    sample = SAMPLE.read_text(encoding="utf-8")
    letter = LETTER.read_text(encoding="utf-8")
    letter = letter.replace("\n---\n", "\ndeck:\n---\n", 1)
    sources = []
    for template in templates:
        shutil.copy(template, content / template.name)
        for kind, text in (("sample", sample), ("letter", letter)):
            source = content / f"{template.stem}--{kind}.md"
            source.write_text(text.replace("deck:\n", f"deck:\n  template: {template.name}\n", 1),
                              encoding="utf-8")
            sources.append(source)
    result = run_project(project, *map(str, sources), "--only", "deck")
    (out / "build.log").write_text(result.stderr + result.stdout, encoding="utf-8")
    decks = [project / "output" / f"{source.stem}.pptx" for source in sources]
    pdfs = convert_all_to_pdf([deck for deck in decks if deck.is_file()], project / "render")
    report = {}
    for source, deck in zip(sources, decks, strict=True):
        own = re.compile(rf"(^|/){re.escape(source.stem)}\.md\b")
        said = "\n".join(line for line in result.stderr.splitlines()
                         if own.search(line) or "Traceback" in line or "internal" in line)
        entry = {"said": said, "problems": []}
        report[source.stem] = entry
        if not deck.is_file():
            entry["problems"].append("no deck")
            continue
        entry["problems"] = deck_problems(source, deck, pdfs[deck], said)
        sheet = out / "sheets" / f"{source.stem}.png"
        sheet.parent.mkdir(exist_ok=True)
        pngs = project / "png" / source.stem
        pngs.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "28", "-png", str(pdfs[deck]), str(pngs / "s")],
                       check=True)
        contact_sheet(sorted(pngs.glob("*.png")), sheet)
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    lines = []
    for name, entry in report.items():
        lines.append(f"== {name}: {len(entry['problems'])} problems")
        lines += [f"   ! {p}" for p in entry["problems"]]
        lines += [f"   w {line.split(': ', 1)[-1][:220]}" for line in entry["said"].splitlines()]
    (out / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(line for line in lines if line.startswith("==") or "!" in line[:5]))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]).expanduser(), Path(sys.argv[2]).expanduser(), sys.argv[3:])
