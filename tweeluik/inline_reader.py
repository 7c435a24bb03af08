"""One paragraph's inline tokens → the model's inlines, each problem at its line.

Step 2 (the reader, with ``parse``). markdown-it gives lines only per block; the walker
counts soft and hard breaks to know each token's line, finds each link's column in the
source, and reports through the converter that called it (``parse.BlockReader``):
raw HTML, nesting too deep, links without an address or with a partial one, vague link
words, too many links, and lines broken by two trailing spaces.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from markdown_it.token import Token

from . import accessibility
from .errors import printable
from .model import Code, Emph, Inline, Inlines, LineBreak, Link, Strong, Text, plain_text
from .text_limits import MAX_DEPTH, MAX_LINKS

if TYPE_CHECKING:
    from .block_reader import BlockReader

LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
SCHEMES_IN_WORDS = "https://, http://, mailto: or tel:"


class InlineWalker:
    """Converts one paragraph's inline tokens, knowing the source line of each token
    (markdown-it gives lines only per block; every soft or hard break is one more line)."""

    def __init__(self, converter: BlockReader, children: list[Token], line: int):
        self.converter, self.children = converter, children
        self.index, self.line = 0, line
        self.column_from = 0  # where to look for the next link on the current line
        self.space_breaks: list[int] = []  # lines whose break is made by trailing spaces

    def walk(self, closer: str | None, depth: int) -> list[Inline]:
        out: list[Inline] = []
        children = self.children
        while self.index < len(children):
            child = children[self.index]
            kind = child.type
            if closer is not None and kind == closer:
                self.index += 1
                return out
            self.index += 1
            if kind == "text":
                if child.content:
                    out.append(Text(child.content))
            elif kind in ("softbreak", "hardbreak"):
                if kind == "hardbreak" and not self.converter.source_line(self.line) \
                        .rstrip().endswith("\\"):
                    self.space_breaks.append(self.line)
                self.line += 1
                self.column_from = 0
                out.append(Text(" ") if kind == "softbreak" else LineBreak())
            elif kind == "code_inline":
                out.append(Code(child.content))
            elif kind in ("em_open", "strong_open"):
                inner = self.nested(kind.replace("open", "close"), depth)
                out.append(Emph(tuple(inner)) if kind == "em_open" else Strong(tuple(inner)))
            elif kind == "link_open":
                out.extend(self.link(child, depth))
            elif kind == "html_inline":
                if not child.content.startswith(("<!--", "</")):  # a closing tag: said once
                    self.converter.error(self.line, f"raw HTML ({snippet(child.content)}) is "
                                         "not allowed; write Markdown instead (*italic*, "
                                         "**bold**), or put a backslash before the '<'")
            elif kind == "image":
                self.converter.error(self.line, "put each image on a line of its own, with an "
                                     "empty line above and below it")
        return out

    def nested(self, closer: str, depth: int) -> list[Inline]:
        if depth >= MAX_DEPTH:
            self.converter.error(self.line, f"emphasis is nested more than {MAX_DEPTH} deep "
                                 "here; use one level of *italic* or **bold**")
        return self.walk(closer, depth + 1)

    def link(self, token: Token, depth: int) -> list[Inline]:
        href = str(token.attrs.get("href", ""))
        start_line = self.line
        inner = self.nested("link_close", depth)
        text = plain_text(tuple(inner)).strip()
        line, column = self.locate(href, start_line)
        shown = printable(href if len(href) <= 60 else href[:57] + "…")
        if href in ("", "#"):
            self.converter.warning(line, f"the link '{printable(text)}' has no address "
                                   f"('{shown}', probably lost when the text was pasted); it "
                                   "is set as plain text. Write the address between the "
                                   "brackets, or remove the brackets", column)
            return inner
        if href.startswith("#"):
            self.converter.warning(line, f"the link '{printable(text)}' points to a place in "
                                   f"the web page it came from ('{shown}'), which the "
                                   "booklet and slides do not have; it is set as plain "
                                   "text. Remove the brackets, or write the page's full "
                                   "address (https://…)", column)
            return inner
        if not href.lower().startswith(LINK_SCHEMES):
            hint = (f"; write https://{shown}" if href.lower().startswith("www.") else "")
            self.converter.error(line, f"the link '{shown}' is not a full web, e-mail or phone "
                                 f"address{hint}; links must start with {SCHEMES_IN_WORDS}",
                                 column)
            return inner
        if not text:
            # no words: a screen reader would say nothing for it, a page would show nothing
            words = re.sub(r"^(?:https?://|mailto:|tel:)", "", href)
            self.converter.warning(line, f"the link to '{shown}' has no words between its "
                                   "brackets, so a screen reader has nothing to say for it: "
                                   "its address stands as its words. Write what it leads "
                                   "to between the brackets", column)
            inner = [Text(words)]
        elif accessibility.is_vague_link_text(text):
            source = self.converter.source_line(line)
            opening = source.rfind("[", 0, (column or 1) - 1)
            self.converter.warning(line, accessibility.vague_link_message(printable(text)),
                                   opening + 1 if opening != -1 else column)
        self.converter.link_count += 1
        if self.converter.link_count == MAX_LINKS + 1:
            self.converter.error(line, f"this is link {MAX_LINKS + 1}; a publication holds at "
                                 f"most {MAX_LINKS} links (the booklet may print each one's "
                                 "address at the foot of its page). Keep the links that "
                                 "matter, or write the rest as plain text", column)
        return [Link(href, tuple(inner))]

    def locate(self, href: str, start_line: int) -> tuple[int, int | None]:
        """The line and column where ``](href`` stands, searching from the link's first
        line to the current one."""
        marker = f"]({href}"
        for line in range(start_line, self.line + 1):
            text = self.converter.source_line(line)
            found = text.find(marker, self.column_from if line == start_line else 0)
            if found != -1:
                self.column_from = found + len(marker)
                return line, found + 3  # 1-based column of the address itself
        return self.line, None


def merge_text(inlines: Inlines) -> Inlines:
    """Join neighbouring Text nodes, recursively."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Emph | Strong | Link):
            node = dataclasses.replace(node, children=merge_text(node.children))
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)


def strip_inlines(inlines: Inlines) -> Inlines:
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


def snippet(html: str) -> str:
    first = printable(html.strip().split("\n")[0])
    return first if len(first) <= 40 else first[:37] + "…"
