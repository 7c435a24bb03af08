"""Turn a Markdown source into the content model.

Step 2 of the pipeline, the only place that knows Markdown: markdown-it-py makes a
token stream with line maps, and this module converts it at one boundary into
``model.Publication``. The writers never see Markdown. Every problem is collected with
its line (and for a link, its column), and reading goes on, so one run reports all.

The source format (see the README): front matter; an introduction (the first
one-line paragraph ending in a comma is the salutation); lessons, each starting with
``## Title`` (optionally ``## 3. Title``); a block quote right under a lesson title is
its key message; ``::: notes`` … ``:::`` holds speaker notes; a line ``---`` after the
last lesson starts the closing, where a block quote at the top is the closing slide's
key message.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

from markdown_it.token import Token

from . import accessibility
from . import images as image_files
from .block_reader import BlockReader
from .errors import Diagnostics, SourceError
from .inline_reader import strip_inlines
from .letters import first_sentence_of, is_greeting, is_sign_off
from .model import (
    Block,
    Closing,
    Inlines,
    Introduction,
    Lesson,
    Meta,
    Paragraph,
    Picture,
    Publication,
    Quote,
    Subheading,
    Text,
    blocks_text,
    plain_text,
)
from .paths import real
from .source import SourceText, read_source
from .text_limits import (
    MAX_LESSONS,
    MAX_PARAGRAPHS,
)
from .typography import markdown_parser, smarten_meta
from .without_lessons import (
    NO_LESSONS_NOTE,
    NO_LESSONS_PARTS_NOTE,
    lesson_lookalikes,
    letter_sections,
)

_LESSON_NUMBER = re.compile(r"^\s*(?:(?:les|lesson)\s+)?(\d{1,3})\s*[.):–-]?\s+", re.IGNORECASE)


def parse_publication(path: Path, content_root: Path | None = None,
                      diagnostics: Diagnostics | None = None) -> Publication:
    """Read ``path`` and return its ``Publication``. Warnings go to ``diagnostics``;
    errors (all of them, with any warnings) are raised together as one ``SourceError``."""
    diagnostics = diagnostics if diagnostics is not None else Diagnostics(path)
    source = read_source(path, diagnostics)
    if source is None:
        diagnostics.raise_if_errors()
        raise AssertionError("an unreadable source always has an error")  # pragma: no cover
    publication = source_to_publication(source, content_root or path.parent, diagnostics)
    diagnostics.raise_if_errors()
    return publication


def source_to_publication(source: SourceText, content_root: Path,
                          diagnostics: Diagnostics) -> Publication:
    """Convert an already-read source into the content model, collecting problems."""
    tokens = markdown_parser(source.meta.language).parse(source.body)
    converter = _TokenConverter(source, real(content_root), diagnostics)
    paragraphs = (token for token in tokens  # a table's cells count as paragraphs
                  if token.type in ("paragraph_open", "th_open", "td_open"))
    over = next(itertools.islice(paragraphs, MAX_PARAGRAPHS, None), None)
    if over is not None:
        diagnostics.error(converter.line_of(over), f"this is paragraph {MAX_PARAGRAPHS + 1:,}; "
                          f"a publication holds at most {MAX_PARAGRAPHS:,} paragraphs and "
                          "table cells (some "
                          "300 booklet pages): split it into several publications")
    introduction, lessons, closing = converter.sections(tokens)
    meta = check_pictures(source, real(content_root), diagnostics)
    return Publication(
        name=source.path.stem,
        source=source.path,
        meta=smarten_meta(meta),
        introduction=introduction,
        lessons=lessons,
        closing=closing,
    )


def check_pictures(source: SourceText, content_root: Path, diagnostics: Diagnostics) -> Meta:
    """The front matter with its logo and cover image checked, through the same gate as
    the images in the text (inside the content folder, readable, a sane size)."""
    meta = source.meta
    found: dict[str, Picture] = {}
    for key, src in meta.picture_sources:
        line = meta.line_of(key) or 1
        try:
            path = image_files.resolve_image(source.path, line, src, content_root)
            kind, width, height = image_files.check_picture(source.path, line, path)
        except SourceError as error:
            diagnostics.extend(error.diagnostics)
            continue
        found[key] = Picture(path, kind, width, height, line,
                             image_files.ink_of(path, kind) if key == "logo" else ())
    return dataclasses.replace(meta, logo=found.get("logo"), cover_image=found.get("cover-image"),
                               picture_sources=())


@dataclasses.dataclass
class _SectionsDraft:
    """The letter's parts as the tokens are read: the introduction's blocks, the lessons
    so far, the closing once its '---' came, and the level of the last heading."""

    intro: list[Block] = dataclasses.field(default_factory=list)
    lessons: list[dict] = dataclasses.field(default_factory=list)
    closing: dict | None = None
    heading_level: int = 2  # the introduction stands under the title
    under_level_three: bool = False  # a '###' came since the part began

    def blocks(self) -> list[Block]:
        """The blocks of the part being read: the closing's, the last lesson's, or the
        introduction's."""
        if self.closing is not None:
            return self.closing["blocks"]
        if self.lessons:
            return self.lessons[-1]["blocks"]
        return self.intro


class _TokenConverter(BlockReader):
    """Walks markdown-it tokens and builds the letter's sections (introduction, lessons,
    closing) from the blocks ``BlockReader`` converts, keeping absolute source lines."""

    # -- sections ----------------------------------------------------------------------

    def sections(self, tokens: list[Token]) -> tuple[Introduction, tuple[Lesson, ...], Closing]:
        draft = _SectionsDraft()
        index = 0
        while index < len(tokens):
            token = tokens[index]
            end = self.close_index(tokens, index)
            line = self.line_of(token)
            if token.type == "heading_open":
                if not self.section_heading(draft, token, tokens[index + 1], line):
                    break
            elif token.type == "hr":
                if draft.closing is not None:
                    self.error(line, "a second '---' line; the closing already started on "
                               f"line {draft.closing['line']}. Remove one of them")
                else:  # without lessons it ends the letter's text all the same
                    draft.closing = {"title": None, "blocks": [], "line": line}
                    draft.under_level_three = False  # (the closing is a part of its own)
            elif token.type == "container_notes_open":
                self.speaker_notes(draft, tokens[index + 1:end], line)
            else:
                draft.blocks().extend(self.blocks(tokens[index:end + 1]))
            index = end + 1
        if not draft.lessons:
            self.without_lessons(draft)
        return (
            self.introduction(draft.intro, with_sections=not draft.lessons),
            tuple(self.lesson(number, raw) for number, raw in enumerate(draft.lessons, start=1)),
            self.closing(draft.closing),
        )

    def section_heading(self, draft: _SectionsDraft, token: Token, inline: Token,
                        line: int) -> bool:
        """A heading: a lesson's ('## '), the closing's title, or a subheading in the
        part it stands in; ``False`` when no more lessons may follow."""
        inlines = self.heading_inlines(inline, line)
        level = int(token.tag[1])
        if level > draft.heading_level + 1 and level >= 3:
            self.warning(line, accessibility.skipped_level_message(level, draft.heading_level),
                         1)
        draft.heading_level = max(level, 2)
        if level <= 2:
            draft.under_level_three = False
        closing = draft.closing
        if token.markup in ("=", "-"):
            self.error(line, "a line of '=' or '-' right under text turns that text "
                       "into a heading; for a lesson write '## Title', and to end the "
                       "lessons put an empty line above '---'")
        elif level == 1:
            self.error(line, "'#' headings are not used: put the title in the front "
                       "matter ('title: …') and start each lesson with '## '")
        elif level == 2 and closing is not None:
            if closing["title"] is not None or closing["blocks"]:
                self.error(line, "a '## ' heading after the closing has started; "
                           "lessons go above the '---' line")
            else:
                closing["title"] = inlines
        elif level == 2:
            if len(draft.lessons) == MAX_LESSONS:
                self.error(line, f"this is lesson {MAX_LESSONS + 1}; a publication "
                           f"holds at most {MAX_LESSONS} lessons. Split it into "
                           "several publications")
                return False
            draft.lessons.append({"heading": inlines, "line": line, "blocks": [],
                                  "notes": None})
        else:
            # '####' and deeper are one level under '###', and only below one: the
            # booklet's and the web page's headings never skip a level
            draft.blocks().append(Subheading(inlines, line, 4 if level > 3
                                             and draft.under_level_three else 3))
            draft.under_level_three |= level == 3
        return True

    def speaker_notes(self, draft: _SectionsDraft, tokens: list[Token], line: int) -> None:
        """A '::: notes' block: the speaker notes of the lesson above it."""
        if not draft.lessons or draft.closing is not None:
            self.error(line, "speaker notes ('::: notes') belong inside a lesson, "
                       "below its '## ' title")
        elif draft.lessons[-1]["notes"] is not None:
            self.error(line, "this lesson already has speaker notes; put all notes "
                       "in one '::: notes' block")
        else:
            notes = self.blocks(tokens, depth=1)
            draft.lessons[-1]["notes"] = tuple(
                Paragraph((Text(text),), block.line)
                for block in notes for text in blocks_text((block,)))

    def without_lessons(self, draft: _SectionsDraft) -> None:
        """A letter without '## ' lessons: lines that look like lessons written wrongly
        are named; otherwise a note says what it builds into, or, with no text at all,
        an error says where to write it."""
        lookalikes = lesson_lookalikes(draft.intro)
        for line, message in lookalikes:
            self.warning(line, message)
        parts = sum(1 for section in letter_sections(tuple(draft.intro))
                    if section.title is not None)
        if not lookalikes and draft.intro:
            example = {"nl": "Begin klein", "de": "Klein anfangen"}.get(
                self.source.meta.language, "Start small")
            self.diagnostics.note(self.source.body_first_line,
                                  NO_LESSONS_PARTS_NOTE.format(parts=parts) if parts
                                  else NO_LESSONS_NOTE.format(example=example))
        elif not draft.intro and not (draft.closing and draft.closing["blocks"]):
            self.error(self.source.body_first_line, "there is no text below the front "
                       "matter; write the letter there, and start each lesson with a "
                       "line '## Title' (for example '## 1. Begin klein')")

    @staticmethod
    def introduction(blocks: list[Block], with_sections: bool = False) -> Introduction:
        salutation = None
        if blocks and isinstance(blocks[0], Paragraph):
            first = blocks[0]
            text = plain_text(first.inlines).strip()
            if "\n" not in text and text.endswith(",") and len(text) <= 120:
                salutation = first.inlines
                blocks = blocks[1:]
        sections = letter_sections(tuple(blocks)) if with_sections else ()
        return Introduction(salutation, tuple(blocks), sections)

    def key_message(self, blocks: list[Block], where: str) -> tuple[Inlines | None, int | None,
                                                                    list[Block]]:
        """A quotation at the top of ``blocks`` is the key message; returns it, its line,
        and the other blocks."""
        if not blocks or not isinstance(blocks[0], Quote):
            return None, None, blocks
        quote = blocks[0]
        if len(quote.blocks) != 1 or not isinstance(quote.blocks[0], Paragraph):
            self.error(quote.line, f"the key message (the '>' quote right under {where}) must "
                       "be a single paragraph: join its lines into one (a credit such as "
                       "'— Name' goes at the end of the same line), or put a line of text "
                       "above the quote to make it a quotation in the text")
            return None, None, blocks[1:]
        return quote.blocks[0].inlines, quote.line, blocks[1:]

    def lesson(self, number: int, raw: dict) -> Lesson:
        title = self.lesson_title(number, raw["heading"], raw["line"])
        key_message, key_message_line, blocks = self.key_message(raw["blocks"], "a lesson title")
        return Lesson(number, title, key_message, tuple(blocks), raw["notes"], raw["line"],
                      key_message_line, first_sentence_of(tuple(blocks)))

    def closing(self, raw: dict | None) -> Closing:
        if raw is None:
            return Closing(None, (), None)
        key_message, key_message_line, blocks = self.key_message(raw["blocks"],
                                                                 "the '---' of the closing")
        greeting = next((block for block in reversed(blocks) if isinstance(block, Paragraph)
                         and is_greeting(plain_text(block.inlines))), None)
        # The words are those above the greeting: a line under it (a department, a role
        # the import could not give a name) signs the letter, and says nothing on a slide.
        signed_at = blocks.index(greeting) if greeting is not None else None
        above = blocks[:signed_at]
        words = tuple(block for block in above if isinstance(block, Paragraph)
                      and not is_greeting(plain_text(block.inlines)))
        if greeting is not None and is_sign_off(plain_text(greeting.inlines)):
            greeting = None  # 'Sincerely,' signs the letter; a slide does not say it
        return Closing(raw["title"], tuple(blocks), raw["line"], key_message, key_message_line,
                       words, greeting, signed_at)

    def lesson_title(self, number: int, inlines: Inlines, line: int) -> Inlines:
        """Strip an author's '3. ' from a heading, after checking it is the right number."""
        if inlines and isinstance(inlines[0], Text):
            match = _LESSON_NUMBER.match(inlines[0].text)
            if match:
                typed = int(match.group(1))
                if typed != number:
                    self.error(line, f"this is lesson {number}, but its heading says {typed}; "
                               "fix the number or leave it out (lessons are numbered in order)")
                rest = inlines[0].text[match.end():]
                inlines = ((Text(rest),) if rest else ()) + inlines[1:]
        if not plain_text(inlines).strip():
            self.error(line, f"lesson {number} has no title; write it after '## '")
        return strip_inlines(inlines)
