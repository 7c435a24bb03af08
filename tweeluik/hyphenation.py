"""Where a word may be broken at the end of a line, in Dutch or English.

Shared by both writers (step 3): the deck breaks a word that is too wide for its box;
the booklet gets the same break points as soft hyphens. Work is bounded: a word longer
than ``MAX_WORD`` letters is never looked up (the parser refuses such words in running
text anyway).
"""

from __future__ import annotations

from functools import lru_cache

import pyphen

from .labels import LANGUAGE_TAGS

MAX_WORD = 120


@lru_cache(maxsize=4)
def _dictionary(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANGUAGE_TAGS[language].replace("-", "_"))


@lru_cache(maxsize=4096)
def break_points(word: str, language: str) -> tuple[int, ...]:
    """Offsets inside ``word`` where a hyphen may go, in increasing order."""
    if len(word) > MAX_WORD or len(word) < 5:
        return ()
    return tuple(_dictionary(language).positions(word))
