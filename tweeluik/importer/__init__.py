"""Bring a letter in: ``build.py import FILE`` turns a Word file or a pasted letter into a
publication in ``content/``.

Step 0 of the pipeline, before a source exists: read the file (``docx_reader`` or
``text_reader``), find the letter's parts (``letter``), write them as front matter and
Markdown (``markdown``), save its pictures in ``content/images/``, and report what was
found and what was guessed or repaired, with line numbers in the new file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..accessibility import STAND_IN_DESCRIPTIONS, is_generated_description, says_what_it_shows
from ..errors import SourceError, printable
from ..layout_folders import available_layouts
from ..letter_formats import LETTER_FORMATS
from ..letters import MERGE_FIELD, is_greeting
from ..text_limits import MAX_TABLE_COLUMNS
from .garbled_text import decoded_text, mended_pieces
from .letter import Letter, Note, read_letter
from .line_kinds import SALUTATION
from .markdown import Placed, letter_to_markdown
from .page_margins import NO_MARGINS, PageMargins, title_from_the_header
from .pieces import Picture, Piece, Span, goes_on_an_item, picture_kind
from .signature import LEAD_LINE, split_names
from .text_reader import (
    PICTURE_LINE,
    text_to_pieces,
    with_wide_tables_as_lines,
    without_email_quoting,
    without_quoted_letter,
)
from .web_markdown import SITE_CODE, SITE_LINK, website_leftovers

if TYPE_CHECKING:
    from .html_reader import PictureBeside

FORMATS = LETTER_FORMATS
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


@dataclass
class _Read:
    """What was read from a letter's file: its paragraphs, what could not be taken over,
    what could not be taken over at a paragraph (a picture left out where it stood), the
    name an e-mail was sent under, and an office file's running header and footer."""

    pieces: list[Piece]
    problems: list[str]
    notes: list[Note] = field(default_factory=list)
    sender: str = ""
    margins: PageMargins = NO_MARGINS


def _read_pieces(path: Path) -> _Read:
    """The paragraphs of the file, and what else was read or not (``_Read``)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docx_reader import DocxProblem, docx_to_pieces
        try:
            pieces, left_out, unread, read_as_text, margins = docx_to_pieces(path)
        except DocxProblem:
            raise _fail(path, "this is not a Word file tweeluik can read; save it from Word "
                        "as .docx (not .doc), or paste the letter into a .txt file") from None
        problems = [f"left out {item}" for item in left_out]
        problems += [f"did not read the {item} in the Word file; copy their text in by hand"
                     for item in unread]
        problems += read_as_text
        return _Read(pieces, problems, margins=margins)
    if suffix in (".odt", ".fodt"):
        from .odt_reader import OdtProblem, odt_to_pieces
        try:
            pieces, problems, margins = odt_to_pieces(path)
        except OdtProblem:
            raise _fail(path, "this is not a LibreOffice text tweeluik can read; open it in "
                        "LibreOffice and save it again as .odt, or as .docx") from None
        return _Read(pieces, problems, margins=margins)
    data = path.read_bytes()
    if suffix in (".html", ".htm"):
        return _Read(*_page_pieces(path, data, lambda name: _post_picture(path, name)))
    if suffix == ".eml":
        return _mail_pieces(path, data)
    text = decoded_text(data)
    return _Read(*_text_pieces(path, text, markdown=suffix in (".md", ".markdown", ".mdx")))


def _page_pieces(path: Path, page: bytes | str, beside: PictureBeside
                 ) -> tuple[list[Piece], list[str], list[Note]]:
    """The paragraphs of a web page (saved, or an e-mail's), signed by its byline."""
    from .html_page import HtmlProblem
    from .html_reader import html_to_pieces
    try:
        pieces, problems, byline = html_to_pieces(page, beside)
    except HtmlProblem:
        raise _fail(path, "this is not a web page tweeluik can read; open it in a "
                    "browser, copy the letter's text and paste it into a .txt file") from None
    return _signed_by_its_writer(pieces, byline), problems, []


def _mail_pieces(path: Path, data: bytes) -> _Read:
    """The paragraphs of a saved e-mail: its page, else its plain text, under its header
    (which gives the title and the date, as a pasted e-mail's does)."""
    from .mail_reader import MailProblem, read_mail
    try:
        mail = read_mail(data)
    except MailProblem:
        raise _fail(path, "this is not an e-mail tweeluik can read; open it in the mail "
                    "program, copy the letter's text and paste it into a .txt file") from None
    if mail.html is not None and mail.html.strip():
        pieces, problems, notes = _page_pieces(path, mail.html, mail.picture)
    elif mail.text.strip():
        pieces, problems, notes = _text_pieces(path, mail.text, markdown=False)
    else:
        raise _fail(path, "this e-mail holds no text of its own; if the letter is in a file "
                    "attached to it, save the attachment and bring that in")
    problems = [*mail.problems, *problems]
    if mail.header:
        pieces.insert(0, Piece(tuple(Span(line) for line in mail.header), mail.header))
    for name in mail.not_shown():
        shown = printable(name[:80])
        if Path(name).suffix.lower() in FORMATS:
            problems.append(f"the e-mail has a file attached, '{shown}': if the letter is in "
                            "it, save the attachment and bring that in on its own")
        else:
            problems.append(f"left out the file attached to the e-mail, '{shown}': a "
                            "booklet shows only the letter; to show a picture, save it in "
                            "content/images/ and write ![description](images/NAME.jpg) where "
                            "it goes")
    return _Read(pieces, problems, notes, mail.sender)


def _text_pieces(path: Path, text: str, markdown: bool
                 ) -> tuple[list[Piece], list[str], list[Note]]:
    """The paragraphs of a plain or Markdown text (a file's, or an e-mail's)."""
    text, levels = without_email_quoting(text)
    problems = [f"the letter was quoted as in a forwarded e-mail ('{'>' * levels}' before each "
                "line); the quote marks are left out"] if levels else []
    if not markdown and looks_like_markdown(text):
        markdown = True
        problems.append("the text holds Markdown (links written as [words](address), "
                        "*emphasis*): it is kept as Markdown, so the marks do not print")
    hints: dict[str, str] = {}
    notes: list[Note] = []
    if markdown:
        text, hints = _without_the_websites(text, problems)
    pieces = text_to_pieces(text, markdown=markdown)
    if markdown:
        pieces = _with_pictures_beside(path, pieces, notes)
    pieces = _signed_by_its_writer(pieces, hints.get("author", ""))
    if "image" in hints:  # the post's own picture, shown at its top
        picture, problem = _post_picture(path, hints["image"])
        if picture is not None:
            pieces.insert(0, Piece((), pictures=(picture,)))
        if problem:
            problems.append(problem)
    if "title" in hints:
        pieces.insert(0, Piece((Span(hints["title"]),), (hints["title"],), title_style=True))
    if "date" in hints:
        pieces.insert(0, Piece((Span(hints["date"]),), (hints["date"],)))
    return pieces, problems, notes


def _signed_by_its_writer(pieces: list[Piece], author: str) -> list[Piece]:
    """A web page's text signed by its writer (a post's author, a page's byline), as
    under a letter, unless it is signed already (by the writer, or by someone else).
    Named in a sentence (as a new board member) is no signature."""
    name = re.sub(r"\s*\(.*", "", author)  # without a role in brackets
    ending = [line for piece in pieces[-3:] for line in (piece.lines or (piece.text,))]
    signed = any(name in (split_names(line, allow_single=True) or []) for line in ending) \
        or _signed_by_someone(ending)
    if name and not signed:
        return [*pieces, Piece((Span(author),), (author,))]
    return pieces


def _signed_by_someone(lines: list[str]) -> bool:
    """Whether a letter's last lines are a greeting or 'namens het bestuur,' with names
    under it: the letter is signed, by whoever posted it or not."""
    return any((is_greeting(line) or LEAD_LINE.match(line.strip())) and split_names(
        later, allow_single=True) for index, line in enumerate(lines)
        for later in lines[index + 1:index + 2])


def _post_picture(path: Path, name: str) -> tuple[Picture | None, str | None]:
    """The picture a website post names (in its front matter, 'image: photo.jpg', a Hugo
    page bundle's, or on a line of its own), when it is a PNG or JPEG file in the post's
    own folder or one inside it; else what to do, for the report. Nothing is fetched,
    and nothing outside that folder is read."""
    shown = printable(name[:80])
    folder = path.parent
    candidate = folder / name
    inside = not Path(name).is_absolute() and ".." not in Path(name).parts \
        and "://" not in name
    if not inside or candidate.is_symlink() or not candidate.is_file() \
            or folder.resolve() not in candidate.resolve().parents:  # in its folder
        return None, (f"left out the post's picture '{shown}', which is not a file in its folder: "
                      "save it in content/images/ and write ![description](images/NAME.jpg) "
                      "where it goes")
    if candidate.stat().st_size > MAX_INPUT_BYTES:
        return None, f"left out the post's picture '{shown}': it is larger than 20 MB"
    data = candidate.read_bytes()
    kind = picture_kind(data)
    if kind is None:
        return None, (f"left out the post's picture '{shown}': only PNG and JPEG pictures "
                      "come in; save it as one")
    return Picture(data, kind, ""), None


def _without_the_websites(text: str, problems: list[str]) -> tuple[str, dict[str, str]]:
    """A Markdown file's text without what only its website understood (its front
    matter, codes, boxes, tables too wide for the page, a letter quoted whole), and the
    title, date and author its front matter gave; what was done goes into ``problems``."""
    text, hints = without_foreign_front_matter(text)
    text, left_out = website_leftovers(text)
    problems.extend(left_out)
    text, widths = with_wide_tables_as_lines(text)
    problems.extend(f"a table of {width} columns is wider than the booklet's page (at "
                    f"most {MAX_TABLE_COLUMNS} fit): each row is written as a line, its "
                    "cells after their column's name; check that it reads"
                    for width in widths)
    text, quoted = without_quoted_letter(text)
    if quoted:
        problems.append("the letter's text stood in a quotation ('> ' before its lines, "
                        "its headings too); the quote marks are left out, so its parts "
                        "and paragraphs stay as written")
    opening = hints.pop("opening_from", None)
    if opening:
        problems.append(f"the letter's opening (its salutation and first lines) stood in the "
                        f"page's front matter ('{printable(opening)}'): it is put above the "
                        "text")
    held = hints.pop("text_from", None)
    if held:
        problems.append(f"the page's text stood in its front matter ('{printable(held)}'), "
                        "with nothing under it: it is taken from there")
    if _GROUP_AUTHOR.fullmatch(hints.get("author", "")) \
            or _AUTHOR_ID.fullmatch(hints.get("author", "")):
        del hints["author"]  # "Bestuur", "michael-boelen": no person's name to sign
    if hints:
        used = [key for key in ("title", "date", "author") if key in hints]
        listed = ", ".join(used[:-1]) + " and " + used[-1] if len(used) > 1 else used[0]
        problems.append(f"the file's own front matter (a website's) is left out; its "
                        f"{listed} {'are' if len(used) > 1 else 'is'} used")
    return text, hints


def _with_pictures_beside(path: Path, pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """A picture on a line of its own whose file stands beside the Markdown file (a
    site's './foto.jpg') brought in with the letter, as a Word file's are; one that is not
    there left out, with what to do where it stood (kept as it was, the new source did
    not build)."""
    kept = []
    for piece in pieces:
        found = PICTURE_LINE.fullmatch(piece.text) if len(piece.spans) == 1 else None
        if found is None:
            kept.append(piece)
            continue
        alt, target = found.groups()
        picture, problem = _post_picture(path, target)
        if picture is not None:
            kept.append(Piece((), pictures=(replace(picture, alt=alt),), line=piece.line))
        if problem:
            notes.append(Note(piece, problem))
    return kept


#: A website post's author that is a group, not a person who signs.
_GROUP_AUTHOR = re.compile(r"(het |de |the )?(bestuur|board|redactie|editors?|team|commissie|"
                           r"committee|secretariaat|webmaster|admin)", re.IGNORECASE)
#: A website's id for a post's author, not a name: 'michael-boelen', 'admin2', or the
#: path of the site's file about the author ('content/authors/V.D.md').
_AUTHOR_ID = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*|\S*/\S*|\S+\.(?i:md|mdx|json|ya?ml)")
#: Marks that only Markdown makes: a link to an address, or emphasis around words.
_MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]+\]\((?:https?://|mailto:|#|www\.)[^)\s]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*_])(\*\*?|__?)(?=\S)[^*_\n]{1,80}?(?<=\S)\1(?![\w*_])")


def looks_like_markdown(text: str) -> bool:
    """True for a text that was written in Markdown: a link to an address, or emphasis
    twice (one pair of stars can be arithmetic or a footnote mark)."""
    return bool(_MARKDOWN_LINK.search(text)) or len(_MARKDOWN_EMPHASIS.findall(text)) >= 2


#: Where a site's page for an event, without a date of its own, keeps the event's.
EVENT_DATE_KEYS = ("event_date", "eventDate", "eventdate", "event_date_start")


def without_foreign_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """A Markdown file's text without a website's front matter (Jekyll, Hugo), and its
    title, date, author and picture as text."""
    front = _front_matter(text)
    if front is None:
        return text, {}
    values, end = front
    if values.get("date") is None:  # an event's page (Hugo): the event's date
        values["date"] = next((values[key] for key in EVENT_DATE_KEYS
                               if values.get(key) is not None), None)
    hints = {key: str(values[key]).strip() for key in ("title", "date", "author", "image")
             if isinstance(values.get(key), str | int | float) or key == "date"
             and values.get(key) is not None}
    if "date" in hints:
        hints["date"] = hints["date"][:10]
    body = text[end:]
    held = _text_in_front_matter(values) if not body.strip() else None
    if held is not None:  # a CMS's page: its text is a field of the front matter
        hints["text_from"], body = held[0], held[1] + "\n"
    opening = _opening_in_front_matter(values, body) if held is None else None
    if opening is not None:  # a club's post: its salutation and first lines in 'description'
        hints["opening_from"], body = opening[0], opening[1] + "\n\n" + body
    return body, {key: value for key, value in hints.items() if value}


#: Front matter fields a site shows above or beside a post: a summary, or its opening.
_SUMMARY_KEYS = ("description", "summary", "excerpt", "intro", "lead", "teaser")


def _opening_in_front_matter(values: dict, body: str) -> tuple[str, str] | None:
    """A post whose opening stands in its front matter (a summary field that starts with
    the salutation, 'Beste leden, …', and is not repeated in the text): the field and its
    paragraphs, one a line as the site folded them."""
    for key in _SUMMARY_KEYS:
        value = values.get(key)
        if not isinstance(value, str) or not SALUTATION.match(value.strip().split("\n")[0]):
            continue
        lines = [line.strip() for line in value.strip().split("\n") if line.strip()]
        if " ".join(lines[-1].split()[:8]) in " ".join(body.split()):
            return None  # a summary that repeats the text's own opening
        return key, "\n\n".join(lines)
    return None


def _text_in_front_matter(values: dict) -> tuple[str, str] | None:
    """A page whose front matter holds its text (a CMS's 'text_nl: |' of paragraphs) and
    nothing under it: the field and its text, the Dutch one first, else the longest."""
    fields = [(key, value) for key, value in values.items()
              if isinstance(key, str) and isinstance(value, str) and "\n\n" in value.strip()]
    if not fields:
        return None
    return max(fields, key=lambda field: (field[0].lower().endswith("_nl"), len(field[1])))


def _front_matter(text: str) -> tuple[dict, int] | None:
    """The front matter at the top of ``text`` as a mapping, and where the body starts."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end == -1 or end > 20_000:
        return None
    import yaml
    try:
        values = yaml.safe_load(text[4:end])
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(values, dict):
        return None
    body = text.find("\n", end + 4)
    return values, (body + 1 if body != -1 else len(text))


def _is_publication(path: Path, layouts: Path | None) -> bool:
    """True for a tweeluik source already: front matter of tweeluik's own settings (even
    with mistakes in it, which the build then reports). A website's Markdown page with
    its own front matter is imported as a letter, and so is one whose keys tweeluik
    knows too ('title', 'date', 'layout: post') when its layout names no booklet layout
    in ``layouts`` or its text holds the site's template codes or links within the site
    ('/vereniging/notulen/'), which no source may hold."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return False
    from ..settings import FRONT_MATTER_KEYS, KEY_ALIASES
    text = path.read_text(encoding="utf-8", errors="replace")
    front = _front_matter(text)
    if front is None:
        return text.startswith("---\n")
    values, end = front
    keys = {KEY_ALIASES.get(str(key), str(key)) for key in values}
    if not keys <= set(FRONT_MATTER_KEYS) or SITE_CODE.search(text, end) \
            or SITE_LINK.search(text, end):
        return False
    layout = values.get("layout")
    return layout is None or layouts is None or not layouts.is_dir() \
        or str(layout) in available_layouts(layouts)


def write_new_file(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, never through a symbolic link (one planted
    at the name, or leading nowhere, would make the import write outside the project)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)


def _unique(folder: Path, stem: str, extension: str) -> Path:
    number = 1
    while True:
        candidate = folder / f"{stem}-{number}.{'jpg' if extension == 'jpeg' else extension}"
        if not os.path.lexists(candidate):  # a link that leads nowhere is taken too
            return candidate
        number += 1


#: How to save a letter from the programs whose own files the import does not read.
_SAVE_AS = {
    ".msg": "in Outlook, choose File › Save As and save the message as HTML (.htm)",
    ".doc": "open it in Word and save it as .docx (File › Save As › Word Document)",
    ".ott": "open it in LibreOffice and save the letter as .odt",
    ".rtf": "open it in Word or LibreOffice and save it as .docx",
    ".pages": "in Pages, choose File › Export To › Word",
    ".pdf": "a PDF keeps no paragraphs to read; open the file it was made from, or copy "
            "the text into a .txt file",
}


def import_letter(path: Path, target: Path, layouts: Path | None = None) -> ImportReport:
    """Import the letter at ``path`` into the new source ``target`` (never overwritten);
    ``layouts`` is the project's layouts/ folder, to tell its layouts from a site's."""
    shown = printable(path.name)
    if not path.is_file():
        raise _fail(path, "no such file; name a .docx, .odt, .txt, .md, .html or .eml file "
                    "with the letter")
    if path.suffix.lower() not in FORMATS:
        raise _fail(path, f"tweeluik imports Word and LibreOffice files (.docx, .odt), text "
                    f"(.txt, .md, .mdx), web pages (.html) and e-mails (.eml), not "
                    f"'{printable(path.suffix)}'; "
                    + _SAVE_AS.get(path.suffix.lower(), "save the letter as one of those (a "
                                   "browser saves a page as .html)"))
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise _fail(path, "the file is larger than 20 MB; a letter is far smaller")
    if target.is_symlink():
        raise _fail(target, "a symbolic link stands where the new source would go; tweeluik "
                    "writes only plain files: remove the link, or choose another name with --out")
    if target.exists():
        raise _fail(target, "this file exists already and is never overwritten; choose "
                    "another name with --out, or delete it first")
    report = ImportReport(target)
    if _is_publication(path, layouts):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(target, path.read_bytes())
        report.copied = True
        report.found.append(f"{shown} is a tweeluik publication already: copied unchanged")
        return report

    read = _read_pieces(path)
    pieces, mended = mended_pieces(read.pieces)
    problems = [*mended, *read.problems]
    if not any(piece.text for piece in pieces):
        raise _fail(path, "this file holds no text to import; is it the right file?")
    letter = read_letter(pieces, read.sender, read.margins)
    letter.notes.extend(read.notes)
    title_from_the_header(letter, read.margins)
    if not letter.title:  # as Pandoc does: the file's name, said in the report
        letter.title = title_from_file_name(path.stem, letter.language)
        letter.title_from_file = True

    pictures: dict[int, list[str]] = {}
    images = target.parent / "images"
    for piece in [*letter.introduction,
                  *(paragraph for lesson in letter.lessons for paragraph in lesson.paragraphs),
                  *letter.closing]:
        for picture in piece.pictures:
            if images.is_symlink():
                raise _fail(images, "content/images is a symbolic link; tweeluik writes the "
                            "letter's pictures only into a real folder: replace the link by "
                            "a folder")
            images.mkdir(parents=True, exist_ok=True)
            file = _unique(images, target.stem, picture.extension)
            write_new_file(file, picture.data)
            report.pictures.append(file)
            # Word keeps a picture's file name as its description when nobody wrote one,
            # or writes one by itself, guessing (and in its own language)
            generated = bool(picture.alt) and is_generated_description(picture.alt)
            described = says_what_it_shows(picture.alt)
            alt = picture.alt if described else STAND_IN_DESCRIPTIONS[letter.language]
            line = f"![{alt.replace(']', ')').replace('[', '(')}](images/{file.name})"
            pictures.setdefault(id(piece), []).append(line)
            if generated:
                letter.notes.append(Note(piece, f"Word wrote the picture's description "
                                                 f"“{printable(picture.alt)}” by itself, "
                                                 "guessing: describe what it shows between the "
                                                 f"brackets of {line}"))
            elif not described:
                letter.notes.append(Note(piece, f"a picture without a description: describe "
                                                 f"it between the brackets of {line}"))

    text, placed = letter_to_markdown(letter, pictures)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new_file(target, text.encode("utf-8"))
    _describe(letter, placed, report)
    for note in letter.notes:
        report.checks.append((placed.line_of(note.anchor), note.message))
    report.checks.extend((None, problem) for problem in problems)
    report.checks.sort(key=lambda item: item[0] or 0)
    return report


def _describe(letter: Letter, placed: Placed, report: ImportReport) -> None:
    def at(anchor: object) -> str:
        line = placed.line_of(anchor)
        return f" (line {line})" if line else ""

    found = report.found
    if letter.title_from_file:
        found.append(f"title         {letter.title}, from the file's name{at('title')}")
        report.checks.append((placed.line_of("title"), f"the letter has no title line: took "
                              f"the file's name “{letter.title}” as the title; write the "
                              "publication's own title there"))
    elif letter.title:
        found.append(f"title         {letter.title}{at('title')}")
    if letter.date:
        found.append(f"date          {letter.date.isoformat()}, from “{letter.date_text}”"
                     f"{at('date')}")
    if letter.organisation:
        found.append(f"organisation  {letter.organisation}{at('organisation')}")
    if letter.salutation is not None:
        found.append(f"salutation    {letter.salutation.text}{at(letter.salutation)}")
    found.append(f"introduction  {len(letter.introduction)} paragraph"
                 f"{'s' if len(letter.introduction) != 1 else ''}")
    if letter.lessons:
        found.append(f"lessons       {len(letter.lessons)}:")
    else:
        found.append("lessons       none: the letter's text is written as one text (it builds "
                     "as it is); to make lessons, put a line '## Title' above each part")
        for piece in _title_candidates(letter.introduction):
            # (without the marks a plain text typed before it: '# 1 Wahl …' is '## 1 Wahl …')
            words = re.sub(r"^#+\s*", "", piece.text).rstrip(":.")
            report.checks.append((placed.line_of(piece), f"this short line could head a "
                                  f"lesson: write '## {words}' for it"))
    for lesson in letter.lessons:
        title = " ".join("".join(span.text for span in lesson.title).split())
        found.append(f"  {lesson.number}. {title}{at(lesson.heading)}")
    greeting = next((piece for piece in letter.closing if is_greeting(piece.text)), None)
    # (the closing's own paragraphs: the greeting, and what stays under it, are said apart)
    count = next(index for index, piece in enumerate([*letter.closing, greeting])
                 if piece is greeting)
    found.append(f"closing       {count} paragraph{'s' if count != 1 else ''}{at('closing')}")
    if greeting is not None:
        found.append(f"greeting      {greeting.text}{at(greeting)}")
    names = ", ".join(letter.signatories) if letter.signatories else "none found"
    found.append(f"signatories   {names}{at('signatories')}")
    if letter.language != "nl":
        found.append(f"language      {letter.language}")


def _title_candidates(pieces: list[Piece]) -> list[Piece]:
    """Paragraphs of a letter without lessons that look like headings of its parts: one
    short line of words (not a form's '€', nor its 'Naam: ……' to write on, a bullet typed
    as '- ', a count such as '1 persoon voor de koffie', a list's item, the 'Agenda:'
    over a list, a mailing's button with its field, 'Ja {{prolong_url}}', or a link
    alone, 'Lees meer'), no full stop, with text after it."""
    return [piece for index, piece in enumerate(pieces[:-1])
            if len(piece.lines) <= 1 and 0 < len(piece.text.split()) <= 8
            and re.search(r"[^\W\d_]{2}", piece.text)
            and not piece.text.rstrip("*_ ").endswith((".", ",", ";", "!", "?"))
            and not piece.bullet and not piece.numbered and not goes_on_an_item(pieces, index)
            and not (piece.text.endswith(":") and (pieces[index + 1].numbered
                                                   or pieces[index + 1].bullet))
            and not _NOT_A_TITLE.search(piece.text) and not MERGE_FIELD.search(piece.text)
            and not all(span.href for span in piece.spans if span.text.strip())
            and not piece.in_row
            and not piece.pictures and not piece.section and index > 0][:12]


#: A line that heads nothing: dots or a rule to write on, a typed bullet or box to tick
#: ('O Ja'), a count ('3 personen voor de kassa'; a year, '2026 in cijfers', heads), a
#: link alone ('[Agenda](https://…)', a page's list of documents), an e-mail address,
#: a file's path in code ('`../processen/declaraties.md`').
_NOT_A_TITLE = re.compile(r"…|\.{3}|_{3}|^[-–•*O□☐❑]\s|^\d{1,2}\s+[a-zà-ÿ]"
                          r"|^\[[^\[\]]+\]\([^()\s]+\)$|[\w.+-]+@[\w-]+\.\w|`")


def title_from_file_name(stem: str, language: str) -> str:
    """A title made of a file's name: 'kerstbrief_2025' → 'Kerstbrief 2025'; a number
    that only puts files in order ('03 - ') is left out."""
    words = " ".join(re.sub(r"[-_.+]+", " ", stem).split())
    words = re.sub(r"^\d{1,3}\s+(?=\D)", "", words)
    if not words:
        return "Letter" if language == "en" else "Brief"
    return words[0].upper() + words[1:]


def default_target(path: Path, content: Path) -> Path:
    """content/NAME.md for a letter called NAME (lower case, no spaces)."""
    stem = re.sub(r"[^\w-]+", "-", path.stem.lower()).strip("-") or "brief"
    return content / f"{stem}.md"
