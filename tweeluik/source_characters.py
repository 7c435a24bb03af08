"""The characters a source may hold: refused, suspected, or quietly left out.

Step 1 of the pipeline, with ``source``: control characters and non-characters are
refused with their line and column; invisible characters that change how text breaks
(zero-width spaces, direction marks, Word's hidden line break) are warned about; soft
hyphens a web page leaves are left out with a note (tweeluik hyphenates by itself).
"""

from __future__ import annotations

import re
import unicodedata

from .errors import Diagnostics

#: Characters that are refused: they print as nothing or as boxes.
REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
                      r"\ud800-\udfff]")


#: Invisible characters that are legal but usually pasted by accident: a warning.
_SUSPECT = re.compile(r"[\u200b\u200c\u200e\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069"
                      r"\U000e0000-\U000e007f\u2028\u2029]")


#: Separators that break a line or paragraph where the file shows none (Word's
#: Shift+Enter, copied through some editors).
_SEPARATORS = "\u2028\u2029"


SOFT_HYPHEN = "\u00ad"


_MAX_CHARACTER_REPORTS = 30


def char_name(char: str) -> str:
    fallback = "a control character" if ord(char) < 0xA0 else "not a character"
    return unicodedata.name(char, fallback).lower()


def line_and_column(text: str, offset: int, first_line: int = 1) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    return (text.count("\n", 0, offset) + first_line,
            offset - (text.rfind("\n", 0, offset) + 1) + 1)


def check_characters(text: str, diagnostics: Diagnostics, first_line: int = 1) -> bool:
    """Report refused and suspect invisible characters with line and column; True when
    the text holds none that are refused."""
    clean = True
    reports = 0
    for pattern, refused in ((REFUSED, True), (_SUSPECT, False)):
        for found in pattern.finditer(text):
            if reports >= _MAX_CHARACTER_REPORTS:
                break
            reports += 1
            line, column = line_and_column(text, found.start(), first_line)
            char = found.group()
            what = f"invisible character U+{ord(char):04X} ({char_name(char)})"
            if refused:
                clean = False
                diagnostics.error(line, f"{what}; delete it (it often comes along when text "
                                  "is pasted from Word or e-mail)", column)
            elif char in _SEPARATORS:
                diagnostics.warning(line, f"{what}: the text breaks to a new line here "
                                    "though the file shows none. Delete it (or, for a line "
                                    "break you want, end the line with a backslash)", column)
            else:
                diagnostics.warning(line, f"{what}; it changes how the text breaks or reads "
                                    "without being seen. Delete it unless you put it there "
                                    "on purpose", column)
    return clean


def drop_soft_hyphens(text: str, diagnostics: Diagnostics) -> str:
    """The text without the soft hyphens (U+00AD) a web page or Word leaves in words, with
    one note saying so. tweeluik hyphenates by itself, the same way in booklet and deck;
    pasted soft hyphens would make WeasyPrint break lines early at them. An author who
    wants to say where a word breaks writes ``&shy;`` (kept) or lists the word in
    ``layouts/hyphenation.txt``."""
    count = text.count(SOFT_HYPHEN)
    if not count:
        return text
    first = text.index(SOFT_HYPHEN)
    line, column = line_and_column(text, first)
    what = (f"{count} soft hyphens (U+00AD, left in words by a web page or Word; the first "
            "is here) are" if count > 1 else "a soft hyphen (U+00AD, left in a word by a web "
            "page or Word) is")
    diagnostics.note(line, f"{what} left out: tweeluik hyphenates by itself. To say where a "
                     "word breaks, add it to layouts/hyphenation.txt", column)
    return text.replace(SOFT_HYPHEN, "")
