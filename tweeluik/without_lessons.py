"""What a letter without lessons becomes, and the lines in it that look like lessons.

Step 2 (the reader, with ``parse``). A letter with no ``## `` lines is one text: with two
or more ``### `` headings its parts are sections (a slide each), else the whole text is
one. Lines that look like lesson titles written another way (bold, italic, ``###``, a
lone numbered line) are named with the fix.
"""

from __future__ import annotations

import re

from .letters import first_sentence_of, is_quoted
from .model import (
    Block,
    Inlines,
    ListBlock,
    Paragraph,
    Section,
    Strong,
    Subheading,
    blocks_text,
    plain_text,
    sole_emphasis,
)


def letter_sections(blocks: tuple[Block, ...]) -> tuple[Section, ...]:
    """The parts of a letter without lessons: one per '###' heading when there are two
    or more (the text above the first heading a part of its own), else the whole text.
    A heading under a '###' ('####') stays in its part."""
    parts: list[tuple[Inlines | None, int | None, list[Block]]] = [(None, None, [])]
    for block in blocks:
        if isinstance(block, Subheading) and block.level == 3:
            parts.append((block.inlines, block.line, []))
        else:
            parts[-1][2].append(block)
    if sum(1 for title, _, _ in parts if title is not None) < 2:
        return (Section(None, blocks, None, first_sentence_of(blocks)),)
    sections = (Section(title, tuple(found), line, first_sentence_of(tuple(found)))
                for title, line, found in parts)
    # The text above the first heading has a slide of its own only when it has a sentence
    # to show (a line such as 'Here are a few updates' would leave it empty).
    return tuple(section for section in sections
                 if section.title is not None or section.stand_in is not None)


#: What a publication without lessons becomes, said once as a note.
NO_LESSONS_NOTE = ("no lessons (no '## ' lines): the booklet holds the letter as one text "
                   "and the deck a title slide, one slide with the letter's first sentence "
                   "and the closing. To make lessons, start each with a line '## Title' "
                   "(for example '## 1. {example}')")

#: The same, for a letter whose '### ' headings head its parts.
NO_LESSONS_PARTS_NOTE = ("no lessons (no '## ' lines): the booklet holds the letter as one "
                         "text with its {parts} parts under their '### ' headings, and the "
                         "deck a title slide, a slide for each part of the text and the "
                         "closing. To make lessons, write '## ' instead of '### '")
#: A title with a lesson's number: "1. Begin klein", "Les 2: …", "Lesson 3".
NUMBERED_TITLE = re.compile(r"^(\d{1,2}[.):]\s|(les|lesson)\s+\d)", re.IGNORECASE)
#: A lesson title written some other way is short: at most this many words.
LOOKALIKE_WORDS = 12


def lesson_lookalikes(blocks: list[Block]) -> list[tuple[int, str]]:
    """In a source without lessons, the lines that look like lesson titles written
    another way (a bold or italic line, a '###' heading, a numbered line), with the fix."""
    found = []
    # Two '###' headings or more head the parts of a letter without lessons (a slide
    # each): they are meant, not lesson titles written another way.
    sections = sum(1 for block in blocks if isinstance(block, Subheading)
                   and block.level == 3) >= 2
    for position, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            mark = sole_emphasis(block.inlines)
            if mark is not None:
                text = plain_text(mark.children).strip()
                # (a motto between quotation marks heads nothing, nor does a sentence
                # set in italics for a remark: 'Restitutie is niet mogelijk.')
                sentence = text.endswith((".", "!", "?")) and len(text.split()) >= 4
                aside = text.startswith("(") and text.endswith(")")  # '(in te vullen)'
                if 0 < len(text.split()) <= LOOKALIKE_WORDS and not is_quoted(text) \
                        and not sentence and not aside:
                    style = "bold" if isinstance(mark, Strong) else "italics"
                    found.append((block.line, f"this line looks like a lesson title set in "
                                  f"{style}; a lesson starts with '## ': write '## {text}'"))
        elif isinstance(block, Subheading) and not sections:
            # One '###' heading is a lesson title written another way when it opens the
            # text (and is no sentence: a real post set its opening sentence as a
            # heading) or is numbered; further down it heads a part ('Over de schrijver').
            text = plain_text(block.inlines).strip()
            sentence = text.endswith((".", "!", "?")) and len(text.split()) >= 4
            if (position == 0 and not sentence) or NUMBERED_TITLE.match(text):
                found.append((block.line, f"a lesson starts with '## ', not '###': write "
                              f"'## {text}'"))
        elif isinstance(block, ListBlock) and block.ordered and len(block.items) == 1:
            item = block.items[0]
            text = " ".join(blocks_text(item.blocks)).strip()
            if 0 < len(text.split()) <= LOOKALIKE_WORDS and not text.endswith("."):
                found.append((block.line, f"'{block.start}. {text}' alone on a line is a "
                              f"numbered list in Markdown; for a lesson write "
                              f"'## {block.start}. {text}'"))
    return found
