"""Look for the mistakes that pasting a letter leaves behind, and say how to fix each.

A check on the content model, between parsing (step 2) and the writers: nothing here
stops a build; every finding is a warning (or, for what the deck will do on its own, a
note) with its line. A clean letter gets none: the sample in ``content/`` is checked
against that in the tests.
"""

from __future__ import annotations

import re

from .dates import parse_date_line
from .errors import Diagnostics
from .labels import format_date
from .letters import MERGE_FIELD, PASTED_BULLET, is_greeting
from .model import Block, Paragraph, Publication, plain_text
from .sentences import ends_a_sentence, opens_with_a_label


def check_publication(publication: Publication, diagnostics: Diagnostics) -> None:
    """Add a warning for every paste mistake found in ``publication``."""
    meta = publication.meta
    sections: list[tuple[Block, ...]] = [publication.introduction.blocks,
                                         *(lesson.blocks for lesson in publication.lessons),
                                         publication.closing.blocks]
    for blocks in sections:
        _broken_paragraphs(blocks, diagnostics)
        for block in blocks:
            if isinstance(block, Paragraph):
                _pasted_bullets(block, diagnostics)
                _leftover_marks(block, diagnostics)
                _date_line(block, publication, diagnostics)
                _names_line(block, meta.signatories, diagnostics)
    _greeting_in_last_lesson(publication, diagnostics)
    for lesson in publication.lessons:
        if lesson.key_message is None:
            fallback = lesson.stand_in
            if fallback is None:
                diagnostics.note(lesson.line, f"lesson {lesson.number} has no key message and "
                                 "no paragraph; its slide shows only its title")
            else:
                sentence = fallback.text
                shown = sentence if len(sentence) <= 70 else sentence[:67] + "…"
                what = f"the first points of its list, from “{shown}”" if fallback.points \
                    else f"“{shown}”"
                diagnostics.note(lesson.line, f"lesson {lesson.number} has no key message "
                                 f"('> …' under its title); its slide shows {what}")


def _broken_paragraphs(blocks: tuple[Block, ...], diagnostics: Diagnostics) -> None:
    """A paragraph that ends mid-sentence, followed by one that starts in lower case."""
    for before, after in zip(blocks, blocks[1:], strict=False):
        if not (isinstance(before, Paragraph) and isinstance(after, Paragraph)):
            continue
        ending, opening = plain_text(before.inlines).rstrip(), plain_text(after.inlines).lstrip()
        if not ending or not opening or ends_a_sentence(ending) or ending.endswith(","):
            continue
        first = opening[0]
        if first.isalpha() and first.islower() and not opening.startswith(("’s ", "’t ")) \
                and not opens_with_a_label(opening):
            last_words = " ".join(ending.split()[-3:])
            first_words = " ".join(opening.split()[:3])
            diagnostics.warning(after.line, f"this paragraph starts in lower case (“{first_words}"
                                f" …”) and the one before ends without a full stop (“… "
                                f"{last_words}”): one sentence broken in two, probably by a "
                                "paste. Join them: delete the empty line between them", 1)


def _pasted_bullets(block: Paragraph, diagnostics: Diagnostics) -> None:
    """A list pasted as text: its bullets are characters and its items one paragraph."""
    found = PASTED_BULLET.search(plain_text(block.inlines).strip())
    if found:
        diagnostics.warning(block.line, f"this paragraph holds items starting with "
                            f"'{found.group(1)}', as a list pasted from Word or a web page "
                            "does; they run on as one paragraph. Start each item on its own "
                            "line with '- ' to make a list")


#: Text that was decoded with the wrong encoding: "Ã©" for "é", "â€™" for "’", a stray
#: "Â" or "Ā" before a space.
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|â€|[ÂĀ](?=[\s\u00a0])|\ufffd")
#: Markdown's marks escaped in a paste, which print as they are: \*words\*, \[words\](…).
LITERAL_MARKS = re.compile(r"\[[^\[\]]{1,80}\]\((?:https?://|#|mailto:|www\.)[^)\s]*\)|"
                           r"(?<![\w*])\*{1,2}[^\s*][^*]{0,80}?(?<=\S)\*{1,2}(?![\w*])")


def _leftover_marks(block: Paragraph, diagnostics: Diagnostics) -> None:
    """What would print as it is and embarrass: a mail-merge field, characters decoded
    with the wrong encoding, Markdown marks that were escaped."""
    text = plain_text(block.inlines)
    field = MERGE_FIELD.search(text)
    if field:
        diagnostics.warning(block.line, f"'{field.group()}' is a mail-merge field (from Word "
                            "or a mailing program); it prints as it is. Write the words it "
                            "stands for, or delete it")
    garbled = MOJIBAKE.search(text)
    if garbled:
        around = text[max(0, garbled.start() - 12):garbled.end() + 6].strip()
        diagnostics.warning(block.line, f"'{around}' holds characters that look garbled "
                            "(the text was saved in one encoding and read in another); "
                            "retype the word")
    literal = LITERAL_MARKS.search(text)
    if literal:
        diagnostics.warning(block.line, f"'{literal.group()[:50]}' prints with its Markdown "
                            "marks, because they were escaped (a backslash before them); "
                            "delete the backslashes to make a link or emphasis")


def _date_line(block: Paragraph, publication: Publication, diagnostics: Diagnostics) -> None:
    """A paragraph that is only a date, left in the body."""
    date = parse_date_line(plain_text(block.inlines))
    if date is None:
        return
    meta = publication.meta
    if meta.date == date:
        diagnostics.warning(block.line, "this line only repeats the date of the front matter "
                            f"('date: {date.isoformat()}', printed on the cover); delete it", 1)
    else:
        written = format_date(date, meta.language)
        diagnostics.warning(block.line, f"this line is only a date ({written}); a date goes in "
                            f"the front matter as 'date: {date.isoformat()}', where it is printed "
                            "on the cover. Move it there", 1)


def _names_line(block: Paragraph, signatories: tuple[str, ...], diagnostics: Diagnostics) -> None:
    """A line of names that repeats the signatories of the front matter."""
    if len(signatories) < 2:
        return
    text = plain_text(block.inlines)
    names = [name for name in signatories if name in text]
    rest = text
    for name in names:
        rest = rest.replace(name, "")
    leftover = re.sub(r"[\s,;&·•|]|\ben\b|\band\b|[.]", "", rest)
    if len(names) >= 2 and len(leftover) <= 3:
        diagnostics.warning(block.line, f"this line repeats the signatories of the front "
                            f"matter ({', '.join(names[:3])}{' …' if len(names) > 3 else ''}), "
                            "which are printed under the closing already; delete it", 1)


def _greeting_in_last_lesson(publication: Publication, diagnostics: Diagnostics) -> None:
    """Closing words left inside the last lesson because the '---' line is missing."""
    if publication.closing.line is not None or not publication.lessons:
        return
    last = publication.lessons[-1]
    for block in last.blocks:
        if isinstance(block, Paragraph) and is_greeting(plain_text(block.inlines)):
            diagnostics.warning(block.line, f"this looks like the closing greeting, but it is "
                                f"printed as part of lesson {last.number}: there is no line "
                                "'---' above the closing words. Put one above them", 1)
            return
