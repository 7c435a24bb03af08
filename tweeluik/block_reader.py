"""Markdown blocks → the model's blocks, each problem at its line.

Step 2 (the reader, with ``parse``): markdown-it's block tokens (paragraphs, lists,
quotations, headings, images, tables, code) become ``model`` blocks, with absolute source
lines; words too long, text typed in capitals, raw HTML, images that cannot be used and
nesting too deep are reported as they are met. ``parse._TokenConverter`` builds the
letter's sections on top of this.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from . import accessibility
from . import images as image_files
from .errors import Diagnostics, SourceError, printable
from .inline_reader import InlineWalker, merge_text, snippet, strip_inlines
from .model import (
    Block,
    Image,
    Inlines,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Subheading,
    Table,
    plain_text,
)
from .source import SourceText
from .text_limits import (
    MAX_ADDRESS_CHARS,
    MAX_DEPTH,
    MAX_HEADING_CHARS,
    MAX_PARAGRAPH_CHARS,
    MAX_TABLE_COLUMNS,
    MAX_WORD_CHARS,
)
from .typography import smarten

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class BlockReader:
    """Converts block tokens to model blocks, keeping absolute source lines."""

    def __init__(self, source: SourceText, content_root: Path, diagnostics: Diagnostics):
        self.source = source
        self.path = source.path
        self.content_root = content_root
        self.diagnostics = diagnostics
        self.lines = source.body.split("\n")
        self.link_count = 0
        self.image_sizes: dict[Path, tuple[int, int]] = {}

    # -- helpers -----------------------------------------------------------------------

    def line_of(self, token: Token) -> int:
        return self.source.body_first_line + (token.map[0] if token.map else 0)

    def error(self, line: int | None, message: str, column: int | None = None) -> None:
        self.diagnostics.error(line, message, column)

    def warning(self, line: int | None, message: str, column: int | None = None) -> None:
        self.diagnostics.warning(line, message, column)

    def source_line(self, line: int) -> str:
        index = line - self.source.body_first_line
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    @staticmethod
    def close_index(tokens: list[Token], start: int) -> int:
        """The index of the token that closes the one opened at ``start``."""
        depth = 0
        for index in range(start, len(tokens)):
            depth += tokens[index].nesting
            if depth == 0:
                return index
        return len(tokens) - 1

    # -- blocks ------------------------------------------------------------------------

    def blocks(self, tokens: list[Token], depth: int = 0) -> list[Block]:
        out: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            end = self.close_index(tokens, index)
            line = self.line_of(token)
            kind = token.type
            if kind in ("blockquote_open", "bullet_list_open", "ordered_list_open") \
                    and depth >= MAX_DEPTH:
                self.error(line, f"quotations and lists are nested more than {MAX_DEPTH} deep "
                           "here; a letter needs two or three levels at most")
                return out
            if kind == "paragraph_open":
                block = self.paragraph(tokens[index + 1], line)
                if block is not None:
                    out.append(block)
            elif kind == "heading_open":
                if token.markup in ("=", "-"):
                    self.error(line, "a line of '=' or '-' right under text turns that text "
                               "into a heading; put an empty line between them")
                out.append(Subheading(self.heading_inlines(tokens[index + 1], line), line))
            elif kind == "blockquote_open":
                out.append(Quote(tuple(self.blocks(tokens[index + 1:end], depth + 1)), line))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                out.append(self.list_block(tokens[index:end + 1], line, depth + 1))
            elif kind == "table_open":
                table = self.table(tokens[index:end + 1], line)
                if table is not None:
                    out.append(table)
            else:
                self.refuse(token, line)
            index = end + 1
        return out

    def refuse(self, token: Token, line: int) -> None:
        """Say why a block that is no part of a publication's text stands here."""
        kind = token.type
        if kind in ("code_block", "fence"):
            self.error(line, "this is a code block (a line indented by four spaces or "
                       "fenced by ```); remove the indentation or the fence")
        elif kind == "html_block":
            rest = _HTML_COMMENT.sub("", token.content).strip()
            if rest:  # a comment alone is allowed; anything beside it is not
                self.error(line, f"raw HTML ({snippet(rest)}) is not allowed; write "
                           "Markdown instead (*italic*, **bold**)")
        elif kind == "hr":
            self.error(line, "a '---' line inside a list or quote; the line that ends the "
                       "lessons must stand on its own")
        elif kind == "container_notes_open":
            self.error(line, "speaker notes ('::: notes') must stand on their own inside a "
                       "lesson, not inside a list or quote")
        else:
            self.error(line, f"this kind of Markdown ({kind}) is not supported here")

    def list_block(self, tokens: list[Token], line: int, depth: int) -> ListBlock:
        opener = tokens[0]
        ordered = opener.type == "ordered_list_open"
        start = int(opener.attrs.get("start", 1)) if ordered else 1
        items = []
        index = 1
        while index < len(tokens) - 1:
            end = self.close_index(tokens, index)
            items.append(ListItem(tuple(self.blocks(tokens[index + 1:end], depth)),
                                  self.line_of(tokens[index])))
            index = end + 1
        return ListBlock(ordered, start, tuple(items), line)

    def table(self, tokens: list[Token], line: int) -> Table | None:
        """A Markdown table: its header row, its rows and each column's alignment. Its
        cells are paragraphs; an image in a cell is refused, and so is a table too wide
        for the booklet's page."""
        rows: list[tuple[Paragraph, ...]] = []
        aligns: list[str | None] = []
        cells: list[Paragraph] = []
        row_line = line
        for index, token in enumerate(tokens):
            if token.type == "tr_open":
                cells, row_line = [], self.line_of(token)
            elif token.type in ("th_open", "td_open") and not rows:
                style = str(token.attrs.get("style", ""))
                aligns.append(style.split(":", 1)[1].strip() if "text-align:" in style
                              else None)
            elif token.type == "inline" and index > 0 \
                    and tokens[index - 1].type in ("th_open", "td_open"):
                cells.append(Paragraph(self.cell_inlines(token, row_line), row_line))
            elif token.type == "tr_close":
                rows.append(tuple(cells))
        if len(aligns) > MAX_TABLE_COLUMNS:
            self.error(line, f"this table has {len(aligns)} columns; at most "
                       f"{MAX_TABLE_COLUMNS} fit across the booklet's page: split it, or "
                       "write its rows as a list")
            return None
        header = rows[0] if any(cell.inlines for cell in rows[0]) else ()  # none written
        if not header:
            self.warning(line, "this table's first row is empty: write the name of each "
                         "column there ('| Jaar | Leden |'), so that a screen reader can "
                         "say what each cell is")
        return Table(header, tuple(rows[1:]), tuple(aligns), line)

    def cell_inlines(self, inline: Token, line: int) -> Inlines:
        children = inline.children or []
        if any(child.type == "image" for child in children):
            self.error(line, "a table's cell holds an image; put the image on a line of its "
                       "own, under or above the table")
            return ()
        inlines = self.inlines(inline, line)
        self.check_words(plain_text(inlines), line)
        return inlines

    def paragraph(self, inline: Token, line: int) -> Block | None:
        children = inline.children or []
        if children and children[0].type == "text" and children[0].content.startswith(":::"):
            name = children[0].content[3:].strip().split(" ")[0] or "(nothing)"
            self.error(line, f"unknown block '::: {printable(name)}'; the only block is "
                       "'::: notes' (speaker notes), closed by a line ':::'")
            return None
        images = [child for child in children if child.type == "image"]
        others = [child for child in children if child.type != "image"
                  and not (child.type == "text" and not child.content.strip())
                  and child.type not in ("softbreak", "hardbreak")]
        if len(images) == 1 and not others:
            return self.image(images[0], line)
        inlines = self.inlines(inline, line)  # an image among words is reported here
        if images:
            return None
        self.check_words(plain_text(inlines), line)
        self.check_capitals(plain_text(inlines), line)
        length = len(plain_text(inlines))
        if length > MAX_PARAGRAPH_CHARS:
            self.error(line, f"this paragraph is {length:,} characters long; split it into "
                       f"paragraphs of at most {MAX_PARAGRAPH_CHARS:,} characters (an empty "
                       "line starts a new paragraph)")
            return None
        return Paragraph(inlines, line)

    def check_words(self, text: str, line: int) -> None:
        """Refuse a "word" longer than any real one: it cannot be broken well on paper or
        on a slide, and it is almost always a pasting accident."""
        for word in text.split():
            address = "://" in word or "@" in word or word.lower().startswith("www.")
            limit = MAX_ADDRESS_CHARS if address else MAX_WORD_CHARS
            if len(word) > limit:
                shown = printable(word[:30]) + "…"
                kind = "an address" if address else "a word"
                self.error(line, f"{kind} of {len(word)} letters ('{shown}') is longer than "
                           f"the {limit} that fit; put spaces in it, or a hyphen where it "
                           "may break")
                return

    def check_capitals(self, text: str, line: int) -> None:
        """Warn about words typed in capitals, with the column where they start."""
        run = accessibility.capitals_run(text)
        if run is None:
            return
        first = run.split()[0]
        for at in range(line, line + 50):
            found = self.source_line(at).find(first)
            if found != -1:
                self.warning(at, accessibility.capitals_message(run), found + 1)
                return
        self.warning(line, accessibility.capitals_message(run))

    def image(self, token: Token, line: int) -> Image | None:
        src = str(token.attrs.get("src", ""))
        alt = " ".join(token.content.split())
        try:
            path = image_files.resolve_image(self.path, line, src, self.content_root)
            if path not in self.image_sizes:  # read once, however often it is shown
                self.image_sizes[path] = image_files.check_image(self.path, line, path)
            width, height = self.image_sizes[path]
        except SourceError as error:
            self.diagnostics.extend(error.diagnostics)
            return None
        if not alt:
            self.error(line, "this image has no description; write one between the brackets, "
                       f"![like this]({printable(src)}): it becomes the caption")
            return None
        if accessibility.is_file_name_description(alt):
            self.warning(line, accessibility.file_name_description_message(printable(alt)),
                         max(1, self.source_line(line).find("![") + 3))
        elif accessibility.is_generated_description(alt):
            self.warning(line, accessibility.generated_description_message(printable(alt)),
                         max(1, self.source_line(line).find("![") + 3))
        elif accessibility.is_stand_in_description(alt):
            self.warning(line, accessibility.stand_in_description_message(printable(alt)),
                         max(1, self.source_line(line).find("![") + 3))
        described = smarten(alt, self.source.meta.language)
        return Image(path, described, width, height, line,
                     None if accessibility.is_stand_in_description(alt) else described)

    # -- inlines -----------------------------------------------------------------------

    def heading_inlines(self, inline: Token, line: int) -> Inlines:
        inlines = self.inlines(inline, line)
        length = len(plain_text(inlines))
        if length > MAX_HEADING_CHARS:
            self.error(line, f"this heading is {length} characters long; a title reads best "
                       f"under 80 and may not pass {MAX_HEADING_CHARS}")
        else:
            self.check_words(plain_text(inlines), line)
            self.check_capitals(plain_text(inlines), line)
        return inlines

    def inlines(self, inline: Token, line: int) -> Inlines:
        children = inline.children or []
        walker = InlineWalker(self, children, line)
        inlines = merge_text(strip_inlines(tuple(walker.walk(None, 0))))
        if walker.space_breaks:
            first = walker.space_breaks[0]
            count = len(walker.space_breaks)
            lines = f"{count} lines here end" if count > 1 else "this line ends"
            self.warning(first, f"{lines} in two spaces, which Markdown reads as a line break "
                         "(invisible in most editors; e-mail leaves them when text is pasted): "
                         "the text breaks there in print and on the slides. Delete the spaces, "
                         "or end the line with a backslash for a break you want",
                         len(self.source_line(first).rstrip()) + 1)
        return inlines
