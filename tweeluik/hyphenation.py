"""Where a word may be broken at the end of a line, in Dutch or English.

Shared by both writers (step 3): the deck breaks a word that is too wide for its box;
the booklet hands the same break points to WeasyPrint's hyphenation
(``booklet/wordbreaks``). A Dutch compound is broken only where its parts meet
(“persoons-niveau”, never “persoonsni-veau”); its parts are recognised with the
OpenTaal word list in ``tweeluik/data``, which holds it with Pyphen's Dutch patterns in a
compact form that loads in some 15 ms. Words in ``layouts/hyphenation.txt`` are broken
as written there.
Work is bounded: a word longer than ``MAX_WORD`` letters is never looked up.
"""

from __future__ import annotations

import gzip
import marshal
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyphen

from .errors import Diagnostics, printable
from .labels import LANGUAGE_TAGS
from .pyphen_internals import pyphen_from_patterns

MAX_WORD = 120
WORDS = Path(__file__).parent / "data" / "nl-words.txt.gz"
#: The patterns of Pyphen's Dutch dictionary and ``WORDS``, in the compact form
#: ``tools/make_hyphenation_data.py`` makes of them.
COMPACT = Path(__file__).parent / "data" / "nl-hyphenation.marshal.gz"
COMPACT_FORMAT = 1
EXCEPTIONS_NAME = "hyphenation.txt"
LINKS = ("s", "en", "e", "er")  # the letters Dutch puts between the parts of a compound
MIN_PART = 4                   # letters on each side of a compound joint
MIN_COMPOUND = 11              # shorter words are split by syllables ("ge-re-geld", not
                               # "gere-geld": short false compounds are too easy to find)


@lru_cache(maxsize=1)
def _compact() -> dict:
    """The Dutch patterns and word list as ``tools/make_hyphenation_data.py`` stores
    them: loaded in some 15 ms, where parsing both takes some 150."""
    with gzip.open(COMPACT, "rb") as stream:
        compact = marshal.loads(stream.read())
    if compact.get("format") != COMPACT_FORMAT:
        raise RuntimeError(f"{COMPACT.name} is of another version of tweeluik; run "
                           "tools/make_hyphenation_data.py")
    return compact


@lru_cache(maxsize=4)
def _dictionary(language: str) -> pyphen.Pyphen:
    if language == "nl":
        compact = _compact()
        return pyphen_from_patterns(compact["patterns"], compact["maxlen"])
    return pyphen.Pyphen(lang=LANGUAGE_TAGS[language].replace("-", "_"))


class _WordList:
    """The OpenTaal word list, by the first two letters of its words, each bucket one
    string ('\\nword\\nword\\n'): looked up without hashing 278,000 words first."""

    def __init__(self, buckets: dict[str, str]) -> None:
        self._buckets = buckets

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or "\n" in word:
            return False
        bucket = self._buckets.get(word[:2])
        return bucket is not None and f"\n{word}\n" in bucket


@lru_cache(maxsize=1)
def _dutch_words() -> Container[str]:
    return _WordList(_compact()["words"])


@dataclass(frozen=True)
class Exceptions:
    """Words broken as an author wrote them in ``layouts/hyphenation.txt``."""

    points: dict[str, tuple[int, ...]]  # lower-case word → break points


NO_EXCEPTIONS = Exceptions({})


def unbreakable(exceptions: Exceptions, words: frozenset[str]) -> Exceptions:
    """``exceptions`` with ``words`` never broken (as a word written without hyphens in
    the list), unless the list says where they break."""
    return Exceptions({**dict.fromkeys(words, ()), **exceptions.points})


def read_exceptions(layouts: Path, diagnostics: Diagnostics | None = None) -> Exceptions:
    """The exceptions list; a line that is not a word is reported and skipped."""
    path = layouts / EXCEPTIONS_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return NO_EXCEPTIONS
    except (OSError, UnicodeDecodeError):
        if diagnostics is not None:
            diagnostics.add("warning", None, "cannot read the hyphenation exceptions; save "
                            "the file as UTF-8 text", path=path)
        return NO_EXCEPTIONS
    points: dict[str, tuple[int, ...]] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        word = line.replace("-", "")
        if not re.fullmatch(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", word) or "--" in line \
                or line.startswith("-") or line.endswith("-") or len(word) > MAX_WORD:
            if diagnostics is not None:
                diagnostics.add("warning", number, f"'{printable(line)}' is not a word with "
                                "hyphens where it may break (such as 'wijk-team-coör-di-na-tor'); "
                                "this line is skipped", path=path)
            continue
        offsets, seen = [], 0
        for part in line.split("-")[:-1]:
            seen += len(part)
            offsets.append(seen)
        points[word.lower()] = tuple(offsets)
    return Exceptions(points)


def _is_part(text: str, words: Container[str]) -> bool:
    """A word of the list, perhaps with the letters that link it to the next part."""
    if text in words:
        return True
    return any(text.endswith(link) and text[:-len(link)] in words for link in LINKS
               if len(text) - len(link) >= 3)


@lru_cache(maxsize=8192)
def _segments(word: str) -> tuple[int, ...] | None:
    """Where the parts of a compound meet, splitting it into as few words of the list as
    possible but at least two (so “buurtbewonersbijeenkomst” keeps “bijeenkomst” whole,
    while “koffieochtend”, listed itself, still splits), each joint as far on as it can
    be; ``None`` when it is no string of words."""
    words = _dutch_words()
    size = len(word)
    best: list[tuple[int, ...] | None] = [None] * (size + 1)
    best[0] = ()
    for end in range(3, size + 1):
        for start in range(0, end - 2):
            previous = best[start]
            if previous is None:
                continue
            part = word[start:end]
            if start == 0 and end == size:
                continue  # a compound has two parts at least
            if not (_is_part(part, words) if end < size else part in words):
                continue
            candidate = (*previous, start) if start else previous
            current = best[end]
            # as few parts as possible; of those, the joint furthest on, so that a
            # linking 's' stays with the part before it ('vrijwilligers-taken', not
            # 'vrijwilliger-staken', though 'staken' is a word too)
            if current is None or len(candidate) <= len(current):
                best[end] = candidate
    return best[size]


@lru_cache(maxsize=8192)
def compound_joints(word: str) -> tuple[int, ...]:
    """The break points of a Dutch word where two parts of a compound meet (empty for a
    word that is not a compound, or one whose parts are not in the list)."""
    lower = word.lower()
    if len(lower) < MIN_COMPOUND or len(lower) > MAX_WORD:
        return ()
    joints = _segments(lower)
    if not joints:
        return ()
    syllables = set(_dictionary("nl").positions(lower))
    # A joint is where the dictionary breaks too, or one letter on when that letter is
    # the linking 's' (the dictionary breaks 'vrijwilliger-staken'; the joint is after it).
    return tuple(point for point in joints
                 if (point in syllables or point - 1 in syllables and lower[point - 1] == "s")
                 and MIN_PART <= point <= len(lower) - MIN_PART)


@lru_cache(maxsize=16384)
def _points(word: str, language: str) -> tuple[int, ...]:
    if len(word) > MAX_WORD or len(word) < 5:
        return ()
    if language == "nl":
        joints = compound_joints(word)
        if joints:
            return joints
    return tuple(_dictionary(language).positions(word))


def break_points(word: str, language: str, exceptions: Exceptions = NO_EXCEPTIONS
                 ) -> tuple[int, ...]:
    """Offsets inside ``word`` where a hyphen may go, in increasing order: an author's
    exception first, else a compound's joints, else the dictionary's syllables."""
    written = exceptions.points.get(word.lower())
    if written is not None:
        return written
    return _points(word, language)
