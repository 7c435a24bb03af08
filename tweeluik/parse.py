"""Turn a Markdown source into the content model.

Step 2 of the pipeline, the only place that knows Markdown: markdown-it-py makes a
token stream with line maps, and this module converts it at one boundary into
``model.Publication``. The writers never see Markdown.

The source format (see the README): front matter; an introduction (the first
one-line paragraph ending in a comma is the salutation); lessons, each starting with
``## Title`` (optionally ``## 3. Title``); a block quote right under a lesson title is
its key message; ``::: notes`` … ``:::`` holds speaker notes; a line ``---`` after the
last lesson starts the closing.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from . import images as image_files
from .errors import SourceError
from .model import (
    Block,
    Closing,
    Code,
    Emph,
    Image,
    Inline,
    Inlines,
    Introduction,
    Lesson,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Publication,
    Quote,
    Strong,
    Subheading,
    Text,
    blocks_text,
    plain_text,
)
from .source import SourceText, read_source

MAX_LESSONS = 300
MAX_PARAGRAPH_CHARS = 20_000
NOTES_NAMES = ("notes", "notities", "notitie", "sprekersnotities")
LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_LESSON_NUMBER = re.compile(r"^\s*(?:(?:les|lesson)\s+)?(\d{1,3})\s*[.):–-]?\s+", re.IGNORECASE)
_ELISION = re.compile(r"(?<![\w’'])'(?=(?:s|t|k|n|m|\d\d)\b)", re.IGNORECASE)


def parse_publication(path: Path, content_root: Path | None = None) -> Publication:
    """Read ``path`` and return its ``Publication``; raise ``SourceError`` on bad input."""
    source = read_source(path)
    return source_to_publication(source, content_root or path.parent)


def source_to_publication(source: SourceText, content_root: Path) -> Publication:
    """Convert an already-read source into the content model."""
    tokens = markdown_parser().parse(source.body)
    converter = _TokenConverter(source, content_root.resolve())
    sections = converter.sections(tokens)
    meta = source.meta
    meta = dataclasses.replace(
        meta,
        title=smarten(meta.title),
        subtitle=smarten_optional(meta.subtitle),
        organisation=smarten_optional(meta.organisation),
        description=smarten_optional(meta.description),
        date_text=smarten_optional(meta.date_text),
        signatories=tuple(smarten(name) for name in meta.signatories),
    )
    return Publication(
        name=source.path.stem,
        source=source.path,
        meta=meta,
        introduction=sections[0],
        lessons=sections[1],
        closing=sections[2],
    )


def _dutch_elisions(state: StateCore) -> None:
    """Make ’s, ’t, ’k, ’n and ’90 apostrophes before smartquotes pairs them as quotes."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "text" and "'" in child.content:
                    child.content = _ELISION.sub("’", child.content)


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one Markdown parser: CommonMark, typographic quotes and dashes, notes blocks."""
    md = MarkdownIt("commonmark", {"typographer": True, "quotes": "“”‘’", "html": True})
    md.enable(["replacements", "smartquotes"])
    md.core.ruler.before("smartquotes", "dutch_elisions", _dutch_elisions)
    md.use(container_plugin, name="notes",
           validate=lambda params, *args: params.strip().lower() in NOTES_NAMES)
    return md


def smarten_optional(text: str | None) -> str | None:
    """``smarten`` for a setting that may be absent."""
    return None if text is None else smarten(text)


def smarten(text: str) -> str:
    """Apply the body's typography (quotes, dashes) to a line of front-matter text."""
    tokens = markdown_parser().parseInline(text)
    pieces = []
    for child in tokens[0].children or []:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return "".join(pieces) or text


class _TokenConverter:
    """Walks markdown-it tokens and builds blocks, keeping absolute source lines."""

    def __init__(self, source: SourceText, content_root: Path):
        self.source = source
        self.path = source.path
        self.content_root = content_root

    # -- helpers -----------------------------------------------------------------------

    def line_of(self, token: Token) -> int:
        return self.source.body_first_line + (token.map[0] if token.map else 0)

    def fail(self, line: int, message: str) -> SourceError:
        return SourceError(self.path, line, message)

    @staticmethod
    def close_index(tokens: list[Token], start: int) -> int:
        """The index of the token that closes the one opened at ``start``."""
        depth = 0
        for index in range(start, len(tokens)):
            depth += tokens[index].nesting
            if depth == 0:
                return index
        return len(tokens) - 1

    # -- sections ----------------------------------------------------------------------

    def sections(self, tokens: list[Token]) -> tuple[Introduction, tuple[Lesson, ...], Closing]:
        intro_blocks: list[Block] = []
        lessons: list[dict] = []
        closing: dict | None = None

        index = 0
        while index < len(tokens):
            token = tokens[index]
            end = self.close_index(tokens, index)
            line = self.line_of(token)
            if token.type == "heading_open":
                inlines = self.inlines(tokens[index + 1], line)
                if token.markup in ("=", "-"):
                    raise self.fail(line, "a line of '=' or '-' right under text turns that "
                                    "text into a heading; for a lesson write '## Title', and "
                                    "to end the lessons put an empty line above '---'")
                level = int(token.tag[1])
                if level == 1:
                    raise self.fail(line, "'#' headings are not used: put the title in the "
                                    "front matter ('title: …') and start each lesson with '## '")
                if level == 2 and closing is not None:
                    if closing["title"] is not None or closing["blocks"]:
                        raise self.fail(line, "a '## ' heading after the closing has started; "
                                        "lessons go above the '---' line")
                    closing["title"] = inlines
                elif level == 2:
                    if len(lessons) == MAX_LESSONS:
                        raise self.fail(line, f"this is lesson {MAX_LESSONS + 1}; a publication "
                                        f"holds at most {MAX_LESSONS} lessons. Split it into "
                                        "several publications")
                    lessons.append({"heading": inlines, "line": line, "blocks": [], "notes": None})
                else:
                    self.section_blocks(intro_blocks, lessons, closing).append(
                        Subheading(inlines, line))
            elif token.type == "hr":
                if closing is not None:
                    raise self.fail(line, "a second '---' line; the closing already started "
                                    f"on line {closing['line']}. Remove one of them")
                if not lessons:
                    raise self.fail(line, "a '---' line ends the lessons, but no lesson has "
                                    "started yet; start each lesson with '## Title'")
                closing = {"title": None, "blocks": [], "line": line}
            elif token.type == "container_notes_open":
                if not lessons or closing is not None:
                    raise self.fail(line, "speaker notes ('::: notes') belong inside a lesson, "
                                    "below its '## ' title")
                lesson = lessons[-1]
                if lesson["notes"] is not None:
                    raise self.fail(line, "this lesson already has speaker notes; "
                                    "put all notes in one '::: notes' block")
                notes = self.blocks(tokens[index + 1:end])
                lesson["notes"] = tuple(
                    Paragraph((Text(text),), block.line)
                    for block in notes for text in blocks_text((block,)))
            else:
                blocks = self.blocks(tokens[index:end + 1])
                self.section_blocks(intro_blocks, lessons, closing).extend(blocks)
            index = end + 1

        if not lessons:
            raise self.fail(self.source.body_first_line, "no lessons found; start each "
                            "lesson with a line '## Title' (for example '## 1. Begin klein')")
        return (
            self.introduction(intro_blocks),
            tuple(self.lesson(number, raw) for number, raw in enumerate(lessons, start=1)),
            Closing(closing["title"], tuple(closing["blocks"]), closing["line"])
            if closing else Closing(None, (), None),
        )

    @staticmethod
    def section_blocks(intro: list, lessons: list[dict], closing: dict | None) -> list:
        if closing is not None:
            return closing["blocks"]
        if lessons:
            return lessons[-1]["blocks"]
        return intro

    @staticmethod
    def introduction(blocks: list[Block]) -> Introduction:
        salutation = None
        if blocks and isinstance(blocks[0], Paragraph):
            first = blocks[0]
            text = plain_text(first.inlines).strip()
            if "\n" not in text and text.endswith(",") and len(text) <= 120:
                salutation = first.inlines
                blocks = blocks[1:]
        return Introduction(salutation, tuple(blocks))

    def lesson(self, number: int, raw: dict) -> Lesson:
        title = self.lesson_title(number, raw["heading"], raw["line"])
        blocks: list[Block] = raw["blocks"]
        key_message, key_message_line = None, None
        if blocks and isinstance(blocks[0], Quote):
            quote = blocks[0]
            if len(quote.blocks) != 1 or not isinstance(quote.blocks[0], Paragraph):
                raise self.fail(quote.line, "the key message (the '>' quote right under a "
                                "lesson title) must be a single paragraph")
            key_message, key_message_line = quote.blocks[0].inlines, quote.line
            blocks = blocks[1:]
        return Lesson(number, title, key_message, tuple(blocks), raw["notes"], raw["line"],
                      key_message_line)

    def lesson_title(self, number: int, inlines: Inlines, line: int) -> Inlines:
        """Strip an author's '3. ' from a heading, after checking it is the right number."""
        if inlines and isinstance(inlines[0], Text):
            match = _LESSON_NUMBER.match(inlines[0].text)
            if match:
                typed = int(match.group(1))
                if typed != number:
                    raise self.fail(line, f"this is lesson {number}, but its heading says "
                                    f"{typed}; fix the number or leave it out "
                                    "(lessons are numbered in order)")
                rest = inlines[0].text[match.end():]
                inlines = ((Text(rest),) if rest else ()) + inlines[1:]
        if not plain_text(inlines).strip():
            raise self.fail(line, f"lesson {number} has no title; write it after '## '")
        return _strip_inlines(inlines)

    # -- blocks ------------------------------------------------------------------------

    def blocks(self, tokens: list[Token]) -> list[Block]:
        out: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            end = self.close_index(tokens, index)
            line = self.line_of(token)
            kind = token.type
            if kind == "paragraph_open":
                out.append(self.paragraph(tokens[index + 1], line))
            elif kind == "heading_open":
                if token.markup in ("=", "-"):
                    raise self.fail(line, "a line of '=' or '-' right under text turns that "
                                    "text into a heading; put an empty line between them")
                out.append(Subheading(self.inlines(tokens[index + 1], line), line))
            elif kind == "blockquote_open":
                out.append(Quote(tuple(self.blocks(tokens[index + 1:end])), line))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                out.append(self.list_block(tokens[index:end + 1], line))
            elif kind in ("code_block", "fence"):
                raise self.fail(line, "this is a code block (a line indented by four spaces "
                                "or fenced by ```); remove the indentation or the fence")
            elif kind == "html_block":
                if not token.content.lstrip().startswith("<!--"):
                    raise self.fail(line, f"raw HTML ({_snippet(token.content)}) is not "
                                    "allowed; write Markdown instead (*italic*, **bold**)")
            elif kind == "hr":
                raise self.fail(line, "a '---' line inside a list or quote; the line that "
                                "ends the lessons must stand on its own")
            elif kind == "container_notes_open":
                raise self.fail(line, "speaker notes ('::: notes') must stand on their own "
                                "inside a lesson, not inside a list or quote")
            else:
                raise self.fail(line, f"this kind of Markdown ({kind}) is not supported here")
            index = end + 1
        return out

    def list_block(self, tokens: list[Token], line: int) -> ListBlock:
        opener = tokens[0]
        ordered = opener.type == "ordered_list_open"
        start = int(opener.attrs.get("start", 1)) if ordered else 1
        items = []
        index = 1
        while index < len(tokens) - 1:
            end = self.close_index(tokens, index)
            items.append(ListItem(tuple(self.blocks(tokens[index + 1:end])),
                                  self.line_of(tokens[index])))
            index = end + 1
        return ListBlock(ordered, start, tuple(items), line)

    def paragraph(self, inline: Token, line: int) -> Block:
        children = inline.children or []
        if children and children[0].type == "text" and children[0].content.startswith(":::"):
            name = children[0].content[3:].strip().split(" ")[0] or "(nothing)"
            raise self.fail(line, f"unknown block '::: {name}'; the only block is "
                            "'::: notes' (speaker notes), closed by a line ':::'")
        images = [child for child in children if child.type == "image"]
        if images:
            others = [child for child in children if child.type != "image"
                      and not (child.type == "text" and not child.content.strip())
                      and child.type not in ("softbreak", "hardbreak")]
            if others or len(images) > 1:
                raise self.fail(line, "put each image on a line of its own, with an empty "
                                "line above and below it")
            return self.image(images[0], line)
        inlines = self.inlines(inline, line)
        length = len(plain_text(inlines))
        if length > MAX_PARAGRAPH_CHARS:
            raise self.fail(line, f"this paragraph is {length:,} characters long; split it "
                            f"into paragraphs of at most {MAX_PARAGRAPH_CHARS:,} characters "
                            "(an empty line starts a new paragraph)")
        return Paragraph(inlines, line)

    def image(self, token: Token, line: int) -> Image:
        src = str(token.attrs.get("src", ""))
        alt = " ".join(token.content.split())
        path = image_files.resolve_image(self.path, line, src, self.content_root)
        width, height = image_files.check_image(self.path, line, path)
        if not alt:
            raise self.fail(line, "this image has no description; write one between the "
                            "brackets, ![like this](" + src + "): it becomes the caption")
        return Image(path, smarten(alt), width, height, line)

    # -- inlines -----------------------------------------------------------------------

    def inlines(self, inline: Token, line: int) -> Inlines:
        children = inline.children or []
        result, _ = self._inlines(children, 0, None, line)
        return _merge_text(_strip_inlines(tuple(result)))

    def _inlines(self, children: list[Token], index: int, closer: str | None,
                 line: int) -> tuple[list[Inline], int]:
        out: list[Inline] = []
        while index < len(children):
            child = children[index]
            kind = child.type
            if closer is not None and kind == closer:
                return out, index + 1
            if kind == "text":
                if child.content:
                    out.append(Text(child.content))
            elif kind == "softbreak":
                out.append(Text(" "))
            elif kind == "hardbreak":
                out.append(LineBreak())
            elif kind == "code_inline":
                out.append(Code(child.content))
            elif kind in ("em_open", "strong_open"):
                inner, index = self._inlines(children, index + 1, kind.replace("open", "close"), line)
                out.append(Emph(tuple(inner)) if kind == "em_open" else Strong(tuple(inner)))
                continue
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                if not href.lower().startswith(LINK_SCHEMES):
                    raise self.fail(line, f"the link '{href}' is not a web or e-mail address; "
                                    "links must start with https://, http:// or mailto:")
                inner, index = self._inlines(children, index + 1, "link_close", line)
                out.append(Link(href, tuple(inner)))
                continue
            elif kind == "html_inline":
                if not child.content.startswith("<!--"):
                    raise self.fail(line, f"raw HTML ({_snippet(child.content)}) is not allowed; "
                                    "write Markdown instead (*italic*, **bold**), or put a "
                                    "backslash before the '<'")
            elif kind == "image":
                raise self.fail(line, "put each image on a line of its own, with an empty "
                                "line above and below it")
            index += 1
        return out, index


def _merge_text(inlines: Inlines) -> Inlines:
    """Join neighbouring Text nodes, recursively."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Emph | Strong | Link):
            node = dataclasses.replace(node, children=_merge_text(node.children))
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)


def _strip_inlines(inlines: Inlines) -> Inlines:
    """Remove white space at the start and end of a run of inlines."""
    items = list(inlines)
    if items and isinstance(items[0], Text):
        items[0] = Text(items[0].text.lstrip())
        if not items[0].text:
            items.pop(0)
    if items and isinstance(items[-1], Text):
        items[-1] = Text(items[-1].text.rstrip())
        if not items[-1].text:
            items.pop()
    return tuple(items)


def _snippet(html: str) -> str:
    first = html.strip().split("\n")[0]
    return first if len(first) <= 40 else first[:37] + "…"
