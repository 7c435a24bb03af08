"""Write a letter's parts as a tweeluik publication: front matter and Markdown.

Step 0 of the pipeline (bringing a letter in), pure: a ``Letter`` → the text of
``content/NAME.md``, and the line in it where each paragraph and setting went, so the
import report can point at them. Text from Word or a plain-text file is escaped, so
that nothing in it turns into Markdown by accident.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from .letter import Letter
from .pieces import Piece, Span

TODO_TITLE = "TODO: schrijf hier de titel"
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s)|(\d{1,9})([.)])(?=\s|$)|:::|---+$|===+$)")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def yaml_text(value: str) -> str:
    """A value for the front matter: as it is when YAML reads it back the same, else in
    double quotes (JSON's are YAML's)."""
    plain = re.fullmatch(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*", value) is not None \
        and not value.endswith(" ") and value.lower() not in ("true", "false", "null", "yes",
                                                             "no", "on", "off", "~")
    if plain and not re.fullmatch(r"[\d.:+-]+", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def escape_inline(text: str) -> str:
    return _ENTITY.sub("&amp;", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_start(line: str) -> str:
    """Keep a paragraph's first characters from starting a heading, list, quote or rule."""
    found = _LINE_START.match(line)
    if found is None:
        return line
    if found.group(3):  # "1. " → "1\. "
        return line[:found.start(4)] + "\\" + line[found.start(4):]
    return line[:found.start(2)] + "\\" + line[found.start(2):]


def _destination(href: str) -> str:
    return f"<{href}>" if re.search(r"[\s()<>]", href) else href


def spans_to_markdown(spans: tuple[Span, ...]) -> str:
    """Inline Markdown for styled spans: italic, bold and links kept."""
    parts: list[str] = []
    merged: list[Span] = []
    for span in spans:
        if merged and (merged[-1].italic, merged[-1].bold, merged[-1].href,
                       merged[-1].markdown) == (span.italic, span.bold, span.href,
                                                span.markdown):
            merged[-1] = Span(merged[-1].text + span.text, span.italic, span.bold, span.href,
                              span.markdown)
        else:
            merged.append(span)
    for span in merged:
        text = " ".join(span.text.replace("\n", " ").split(" "))
        if span.markdown:
            parts.append(text)
            continue
        core = text.strip()
        if not core:
            parts.append(text)
            continue
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        inner = escape_inline(core)
        if span.bold:
            inner = f"**{inner}**"
        if span.italic:
            inner = f"*{inner}*"
        if span.href:
            inner = f"[{inner}]({_destination(span.href)})"
        parts.append(f"{lead}{inner}{trail}")
    return " ".join("".join(parts).split())


def paragraph_markdown(piece: Piece) -> str:
    text = spans_to_markdown(piece.spans)
    markdown = any(span.markdown for span in piece.spans)
    return text if markdown else escape_start(text)


class Placed:
    """Where each paragraph or setting went in the output, to point a note at it."""

    def __init__(self) -> None:
        self.by_anchor: dict[int, int] = {}  # id(anchor) → line
        self.by_input_line: list[tuple[int, int]] = []  # (a piece's input line, its line)

    def add(self, anchor: object, line: int) -> None:
        self.by_anchor.setdefault(id(anchor), line)
        if isinstance(anchor, Piece) and anchor.line is not None:
            self.by_input_line.append((anchor.line, line))

    def line_of(self, anchor: object) -> int | None:
        """The output line of ``anchor``: a paragraph, or a setting's name ('title'). A
        paragraph joined into another or replaced after the note on it was made (a list
        item read into its list) is found by the line it stood on in the input: as far
        below the written paragraph that stood there first as it stood below it."""
        found = self.by_anchor.get(id(anchor))
        if found is not None or not isinstance(anchor, Piece) or anchor.line is None:
            return found
        before = [pair for pair in self.by_input_line if pair[0] <= anchor.line]
        if not before:
            return None
        start, line = max(before)
        following = [other for first, other in self.by_input_line if first > start]
        below = line + anchor.line - start
        return max(line, min(below, min(following) - 1)) if following else below


class _Lines:
    """The output, with the line where each paragraph or setting went."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.placed = Placed()

    def add(self, text: str, anchor: object = None) -> None:
        if anchor is not None:
            self.placed.add(anchor, len(self.lines) + 1)
        # (a list item's lines broken on purpose come as one text: each counts as a line,
        # or every line number under it would be too small)
        self.lines.extend(text.split("\n"))

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def _front_matter(out: _Lines, letter: Letter) -> None:
    out.add("---")
    out.add(f"title: {yaml_text(letter.title or TODO_TITLE)}", "title")
    if letter.subtitle:
        out.add(f"subtitle: {yaml_text(letter.subtitle)}", "subtitle")
    if letter.organisation:
        out.add(f"organisation: {yaml_text(letter.organisation)}", "organisation")
    if letter.date is not None:
        out.add(f"date: {letter.date.isoformat()}", "date")
    if letter.language != "nl":
        out.add(f"language: {letter.language}", "language")
    if letter.signatories:
        out.add("signatories:", "signatories")
        for name in letter.signatories:
            out.add(f"  - {yaml_text(name)}")
    out.add("---")


def _paragraphs(out: _Lines, pieces: list[Piece], pictures: dict[int, list[str]]) -> None:
    """Paragraphs as Markdown: a part's heading, list items, a key message, text, and
    the picture lines written for each."""
    in_list = False
    number = 0  # of the item in a numbered list
    columns: list[int] = []  # where the text of the open list items starts, by level
    listing = False  # the paragraph before is a list item
    parts_level = 0  # the Word level of the part's first heading: a deeper one is '####'
    for piece in pieces:
        continued = False  # a further paragraph of the list item above
        first = number == 0  # the first item of a run of numbered paragraphs
        if piece.text and piece.numbered:
            number += 1
        elif not (piece.text and (piece.bullet and piece.list_level or piece.in_item)):
            number = 0  # (an item of a list inside a numbered item, or a further
            # paragraph of one: the count goes on)
        if number and piece.list_number is not None:  # Word's own count, which a run of
            number = piece.list_number  # items after a paragraph of text continues
        if piece.text and piece.section:  # the heading of a part of the letter
            out.blank()
            spans = tuple(replace(span, bold=False) for span in piece.spans)
            shown = f"{piece.list_number}. " if piece.numbered and piece.list_number else ""
            parts_level = parts_level or piece.heading
            marks = "####" if parts_level and piece.heading > parts_level else "###"
            out.add(f"{marks} {shown}{spans_to_markdown(spans).rstrip(':')}", piece)  # (Word's
            # numbered headings keep their number: "3. Dataregistratie")
            in_list = listing = False
            continue
        if piece.text and piece.bullet:
            if not in_list:
                out.blank()
                columns = columns if listing else []
            out.add(_item("- ", piece, columns), piece)
        elif number and piece.numbered:
            if first:
                out.blank()
                columns = columns if listing else []
            out.add(_item(f"{number}. ", piece, columns), piece)
        elif continued := bool(piece.text and piece.in_item and listing and columns):
            out.blank()  # a further paragraph of the item above, indented as its text
            out.add(" " * columns[-1] + paragraph_markdown(piece), piece)
        elif piece.text:
            columns = []
            out.blank()  # under a lesson's title, a quotation is its key message
            for line in _text_lines(piece):
                out.add(line, piece)
        in_list = bool(piece.text and piece.bullet and not pictures.get(id(piece)))
        listing = bool(piece.text and (piece.bullet or number or continued)
                       and not pictures.get(id(piece)))
        if pictures.get(id(piece)):
            number = 0
        for line in pictures.get(id(piece), []):
            out.blank()
            out.add(line, piece)


def _text_lines(piece: Piece) -> list[str]:
    """A paragraph's Markdown lines: a quotation's, a Markdown table's (as it came), a
    paragraph's lines broken on purpose (each but the last ending in a hard break, '\\'),
    or the paragraph's one line."""
    if piece.table:
        return _word_table(piece.rows) if piece.rows else list(piece.lines)
    if piece.kept_lines and not piece.quote:
        texts = _broken_lines(piece)
        return [text + "\\" for text in texts[:-1]] + texts[-1:]
    return [f"> {paragraph_markdown(piece)}" if piece.quote else paragraph_markdown(piece)]


#: A cell that holds a figure or an amount ('385', '€ 8,50', '12 %', '€'), set to the right.
_FIGURE = re.compile(r"[€$£]?\s*[\d.,]*\s*[€%]?")


def _word_table(rows: tuple[tuple[tuple[Span, ...], ...], ...]) -> list[str]:
    """A Word table as a Markdown table: its first row (without its bold) names the
    columns, and a column of figures is set to the right."""
    def cell(spans: tuple[Span, ...]) -> str:
        return spans_to_markdown(spans).strip().replace("|", "\\|")

    header = [cell(tuple(replace(span, bold=False) for span in spans)) for spans in rows[0]]
    body = [[cell(spans) for spans in row] for row in rows[1:]]
    texts = [["".join(span.text for span in spans).strip() for spans in row] for row in rows[1:]]
    rules = ["---:" if any(row[column] for row in texts)
             and all(_FIGURE.fullmatch(row[column]) for row in texts) else "---"
             for column in range(len(header))]
    return ["| " + " | ".join(row) + " |" for row in (header, rules, *body)]


def _broken_lines(piece: Piece) -> list[str]:
    """The Markdown of each line of a paragraph broken on purpose (its spans hold the
    breaks, '\\n')."""
    rows: list[list[Span]] = [[]]
    for span in piece.spans:
        for at, part in enumerate(span.text.split("\n")):
            if at:
                rows.append([])
            if part.strip():
                rows[-1].append(replace(span, text=part))
    return [paragraph_markdown(replace(piece, spans=tuple(row))) for row in rows if row]


def _item(marker: str, piece: Piece, columns: list[int]) -> str:
    """A list item's lines, indented under the item it belongs to when it stands deeper in
    the list (Word's second-level bullets), its lines broken on purpose kept ('Wahl des
    Administrators' over '-- Abendessen --'); ``columns`` (where the text of each open
    item starts, by level) is kept up to date."""
    level = min(piece.list_level, len(columns))
    indent = columns[level - 1] if level else 0
    del columns[level:]
    columns.append(indent + len(marker))
    if piece.kept_lines:
        lines = _broken_lines(piece)
        under = " " * (indent + len(marker))
        return " " * indent + marker + ("\\\n" + under).join(lines)
    return " " * indent + marker + paragraph_markdown(piece)


def letter_to_markdown(letter: Letter, pictures: dict[int, list[str]]) -> tuple[str, Placed]:
    """The publication's text, and where each anchor went in it; ``pictures`` gives,
    per paragraph (by ``id``), the Markdown image lines written for its pictures."""
    out = _Lines()
    _front_matter(out, letter)
    if letter.salutation is not None:
        out.blank()
        out.add(paragraph_markdown(letter.salutation), letter.salutation)
    _paragraphs(out, letter.introduction, pictures)
    for lesson in letter.lessons:
        out.blank()
        title = lesson.title
        visible = [span for span in title if span.text.strip()]
        if visible and all(span.bold for span in visible):  # a heading is bold already
            title = tuple(replace(span, bold=False) for span in title)
        out.add(f"## {lesson.number}. {spans_to_markdown(title)}", lesson.heading)
        _paragraphs(out, lesson.paragraphs, pictures)
    if letter.closing or letter.closing_title:
        out.blank()
        out.add("---", "closing")
        if letter.closing_title:
            out.blank()
            out.add(f"## {escape_inline(letter.closing_title)}")
        _paragraphs(out, letter.closing, pictures)
    return "\n".join(out.lines).rstrip("\n") + "\n", out.placed
