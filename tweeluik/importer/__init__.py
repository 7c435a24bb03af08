"""Bring a letter in: ``build.py import FILE`` turns a Word file or a pasted letter into a
publication in ``content/``.

Step 0 of the pipeline, before a source exists: read the file (``docx_reader`` or
``text_reader``), find the letter's parts (``letter``), write them as front matter and
Markdown (``markdown``), save its pictures in ``content/images/``, and report what was
found and what was guessed or repaired, with line numbers in the new file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError, printable
from .letter import Letter, NoLessons, Note, read_letter
from .markdown import TODO_TITLE, letter_to_markdown
from .pieces import Piece
from .text_reader import text_to_pieces, without_email_quoting

FORMATS = (".docx", ".txt", ".md", ".text", ".markdown")
MAX_INPUT_BYTES = 20 * 1024 * 1024


@dataclass
class ImportReport:
    """What the import made, found, guessed and repaired."""

    target: Path
    found: list[str] = field(default_factory=list)
    checks: list[tuple[int | None, str]] = field(default_factory=list)  # (line, what)
    pictures: list[Path] = field(default_factory=list)
    copied: bool = False


def _fail(path: Path, message: str) -> SourceError:
    return SourceError(path, None, message)


def _read_pieces(path: Path) -> tuple[list[Piece], list[str]]:
    """The paragraphs of the file, and what could not be taken over."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docx_reader import DocxProblem, docx_to_pieces
        try:
            pieces, left_out, unread = docx_to_pieces(path)
        except DocxProblem:
            raise _fail(path, "this is not a Word file tweeluik can read; save it from Word "
                        "as .docx (not .doc), or paste the letter into a .txt file") from None
        problems = [f"left out {item}" for item in left_out]
        problems += [f"did not read the {item} in the Word file; copy their text in by hand"
                     for item in unread]
        return pieces, problems
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text, levels = without_email_quoting(text)
    problems = [f"the letter was quoted as in a forwarded e-mail ('{'>' * levels}' before each "
                "line); the quote marks are left out"] if levels else []
    return text_to_pieces(text, markdown=suffix in (".md", ".markdown")), problems


def _is_publication(path: Path) -> bool:
    """True for a tweeluik source already (front matter and lessons): nothing to do."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return False
    from ..parse import parse_publication
    try:
        parse_publication(path)
    except SourceError:
        return path.read_text(encoding="utf-8", errors="replace").startswith("---\n")
    return True


def _unique(folder: Path, stem: str, extension: str) -> Path:
    number = 1
    while True:
        candidate = folder / f"{stem}-{number}.{'jpg' if extension == 'jpeg' else extension}"
        if not candidate.exists():
            return candidate
        number += 1


def import_letter(path: Path, target: Path) -> ImportReport:
    """Import the letter at ``path`` into the new source ``target`` (never overwritten)."""
    shown = printable(path.name)
    if not path.is_file():
        raise _fail(path, "no such file; name a .docx, .txt or .md file with the letter")
    if path.suffix.lower() not in FORMATS:
        raise _fail(path, f"tweeluik imports Word files (.docx) and text (.txt, .md), not "
                    f"'{printable(path.suffix)}'; save the letter in one of those")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise _fail(path, "the file is larger than 20 MB; a letter is far smaller")
    if target.exists():
        raise _fail(target, "this file exists already and is never overwritten; choose "
                    "another name with --out, or delete it first")
    report = ImportReport(target)
    if _is_publication(path):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        report.copied = True
        report.found.append(f"{shown} is a tweeluik publication already: copied unchanged")
        return report

    pieces, problems = _read_pieces(path)
    try:
        letter = read_letter(pieces)
    except NoLessons:
        raise _fail(path, "found no lessons: tweeluik looks for lines that stand alone such "
                    "as '1. Title', '1) Title' or 'Les 1: Title' (counting up from 1), Word "
                    "headings, or Word's numbered list paragraphs between paragraphs of text. "
                    "Number the lessons that way and import again") from None

    pictures: dict[int, list[str]] = {}
    images = target.parent / "images"
    for piece in [*letter.introduction,
                  *(paragraph for lesson in letter.lessons for paragraph in lesson.paragraphs),
                  *letter.closing]:
        for picture in piece.pictures:
            images.mkdir(parents=True, exist_ok=True)
            file = _unique(images, target.stem, picture.extension)
            file.write_bytes(picture.data)
            report.pictures.append(file)
            alt = picture.alt or ("Afbeelding uit de brief" if letter.language == "nl"
                                  else "Picture from the letter")
            line = f"![{alt.replace(']', ')').replace('[', '(')}](images/{file.name})"
            pictures.setdefault(id(piece), []).append(line)
            if not picture.alt:
                letter.notes.append(Note(piece, f"a picture without a description: describe "
                                                 f"it between the brackets of {line}"))

    text, where = letter_to_markdown(letter, pictures)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    _describe(letter, where, report)
    for note in letter.notes:
        report.checks.append((where.get(id(note.anchor)), note.message))
    report.checks.extend((None, problem) for problem in problems)
    report.checks.sort(key=lambda item: item[0] or 0)
    return report


def _describe(letter: Letter, where: dict[int, int], report: ImportReport) -> None:
    def at(anchor: object) -> str:
        line = where.get(id(anchor))
        return f" (line {line})" if line else ""

    found = report.found
    if letter.title:
        found.append(f"title         {letter.title}{at('title')}")
    else:
        found.append(f"title         not found: fill in 'title:'{at('title')}; the build "
                     "stops until you do")
        report.checks.append((where.get(id("title")), f"no title found; replace "
                              f"'{TODO_TITLE}' by the publication's title"))
    if letter.date:
        found.append(f"date          {letter.date.isoformat()}, from “{letter.date_text}”"
                     f"{at('date')}")
    if letter.organisation:
        found.append(f"organisation  {letter.organisation}{at('organisation')}")
    if letter.salutation is not None:
        found.append(f"salutation    {letter.salutation.text}{at(letter.salutation)}")
    found.append(f"introduction  {len(letter.introduction)} paragraph"
                 f"{'s' if len(letter.introduction) != 1 else ''}")
    found.append(f"lessons       {len(letter.lessons)}:")
    for lesson in letter.lessons:
        title = " ".join("".join(span.text for span in lesson.title).split())
        found.append(f"  {lesson.number}. {title}{at(lesson.heading)}")
    found.append(f"closing       {len(letter.closing)} paragraph"
                 f"{'s' if len(letter.closing) != 1 else ''}{at('closing')}")
    names = ", ".join(letter.signatories) if letter.signatories else "none found"
    found.append(f"signatories   {names}{at('signatories')}")
    if letter.language != "nl":
        found.append(f"language      {letter.language}")


def default_target(path: Path, content: Path) -> Path:
    """content/NAME.md for a letter called NAME (lower case, no spaces)."""
    stem = re.sub(r"[^\w-]+", "-", path.stem.lower()).strip("-") or "brief"
    return content / f"{stem}.md"
