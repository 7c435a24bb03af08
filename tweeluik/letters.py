"""What tweeluik knows about how letters are written: one home for each idea.

Used by every step that reads a letter's words (the reader, the checks, the importer):
how a letter closes ('Met vriendelijke groet,'), which characters are pasted bullets, and
which sentence a lesson's slide shows when the author wrote no key message. Pure
functions and patterns over text and the content model; no step's own logic.
"""

from __future__ import annotations

import re

from .model import Block, ListBlock, Paragraph, StandIn, plain_text
from .sentences import ends_in_a_full_stop, first_sentence, word_count

#: Lines that close a letter, in Dutch and English, and the common ones in German and
#: French (matched at the start of a paragraph).
GREETINGS = re.compile(
    r"^(met\s+)?(vriendelijke|hartelijke|warme|zonnige|beste|lieve|collegiale|sportieve)\s+"
    r"groet(en)?\b|^(hartelijke\s+)?groet(en|jes)?\b|^(kind|warm|best|warmest)\s+regards\b|"
    r"^(yours\s+)?(sincerely|faithfully|truly)\b|^best\s+wishes\b|^with\s+(kind\s+)?regards\b|"
    r"^(many\s+)?thanks\s+and\s+regards\b|^tot\s+(ziens|gauw|snel)\s*[,!.]?$|"
    r"^met\s+(een\s+)?(hartelijke\s+)?groet(en)?\s*[,!.]?$|"
    # German and French: 'Mit freundlichen Grüssen', 'Viele Grüße', 'Cordialement'
    r"^(mit\s+)?(freundlichen|herzlichen|besten|lieben|sportlichen|vielen)\s+grü(ß|ss)en\b|"
    r"^(freundliche|herzliche|beste|liebe|viele|sportliche|schöne)\s+grü(ß|ss)e\b|"
    r"^mit\s+(freundlichem|herzlichem|sportlichem)\s+gru(ß|ss)\b|^(gru(ß|ss)|grü(ß|ss)e)\s*[,!.]?$|"
    r"^(freundlich|herzlich|es)\s+grü(ß|ss)t(\s+(sie|dich|euch))?\b|"
    r"^hochachtungsvoll\b|^cordialement\b|^bien\s+à\s+(vous|toi)\b|^(lg|vg|mfg)\b",
    re.IGNORECASE)


def is_greeting(text: str) -> bool:
    """True for a closing greeting such as 'Met vriendelijke groet,' or 'Kind regards,'."""
    return bool(GREETINGS.match(text.strip())) and len(text.split()) <= 12


#: Greetings that only sign a letter off ('Met vriendelijke groet,', 'Sincerely,'): a
#: letter's form, which a slide read out in a meeting does not repeat.
SIGN_OFFS = re.compile(
    r"^((met\s+)?vriendelijke\s+groet(en)?|met\s+(hartelijke\s+)?groet(en)?|hoogachtend|"
    r"mit\s+freundlichen\s+grü(ß|ss)en|freundliche\s+grü(ß|ss)e|hochachtungsvoll|cordialement|"
    r"(kind\s+|best\s+|warm\s+)?regards|with\s+(kind\s+)?regards|"
    r"(yours\s+)?(sincerely|faithfully|truly))"
    r"(\s*,?\s+(namens|on behalf of)\s+[^.!?]{1,60})?\s*[,.!:]?\s*$", re.IGNORECASE)


def is_sign_off(text: str) -> bool:
    """True for a greeting that only signs off ('Met vriendelijke groet,'), not one that
    says something to the reader ('Groetjes,', 'Tot ziens!', 'Best wishes')."""
    return bool(SIGN_OFFS.match(text.strip()))


#: Quotation marks around a line: a motto or a quotation, never a heading.
QUOTE_OPENERS, QUOTE_CLOSERS = "‘“'\"„‚«", "’”'\"»"


def is_quoted(text: str) -> bool:
    """True for a line wholly between quotation marks ('‘Samen zorgen, samen leren’')."""
    text = text.strip()
    return len(text) > 2 and text[0] in QUOTE_OPENERS and text[-1] in QUOTE_CLOSERS


#: Bullets that Word, e-mail and web pages leave as characters when a list is pasted as
#: text (U+F0B7 is Word's Symbol-font bullet).
BULLETS = "•▪◦‣●○■□►➢\uf0a7\uf0b7"
#: A pasted bullet in a paragraph; a middle dot only at the start, since running text
#: uses it between words too ("Noord · Zuid").
PASTED_BULLET = re.compile(rf"(?:^|\s)([{BULLETS}]|^·)\s")


#: A mail-merge field: Word's «Voornaam», a mailing program's {lid-voornaam} or
#: {{ vereniging.naam }} (not a quotation in guillemets, which has spaces).
MERGE_FIELD = re.compile(r"«[^«»\s]{1,40}»|\{\{?\s*[\w.-]{1,40}\s*\}?\}")


#: A sentence has at least this many words (not a label such as 'To' or 'Koekjesverkoop').
SENTENCE_WORDS = 4

#: The most of a list's items a slide's stand-in offers (a slide of more reads as a page).
MOST_POINTS = 4


def first_sentence_of(blocks: tuple[Block, ...]) -> StandIn | None:
    """The first full sentence among ``blocks``' paragraphs, with its line: what a slide
    shows of a part without a key message (never a heading, quotation or caption, nor
    'We deden het zo:' before a list). A line that is no sentence (a bold label, an
    address's 'To', a criterion 'Eenzaamheid: ernstig eenzaam') is passed over for the
    first that is; without one, the part's first list stands, its first item and the
    first words of its items as points (a point and its notes: the notes say more than a
    label next to them, such as the heading of the next group of points left at the
    part's end), else the first paragraph's first words."""
    found: StandIn | None = None
    for block in blocks:
        if isinstance(block, Paragraph):
            sentence = first_sentence(plain_text(block.inlines))
            if not sentence or sentence.endswith(":"):
                continue
            if ends_in_a_full_stop(sentence) and word_count(sentence) >= SENTENCE_WORDS:
                return StandIn(sentence, block.line)
            found = found or StandIn(sentence, block.line)
    for block in blocks:
        if isinstance(block, ListBlock) and block.items:
            listed = first_sentence_of(block.items[0].blocks)
            if listed is not None:
                points = [item.text for item in (first_sentence_of(each.blocks)
                                                 for each in block.items[:MOST_POINTS])
                          if item is not None]
                return StandIn(listed.text, listed.line,
                               tuple(points) if len(points) > 1 else ())
    return found
