"""Every use of Pyphen's internals, in one place (step 3, both writers' word breaks).

``hyphenation`` keeps the Dutch hyphenation patterns in a compact form of its own
(``tweeluik/data/nl-hyphenation.marshal.gz``): Pyphen reads its ``hyph_nl_NL.dic`` anew
in every process, which costs a cold build some 80 ms. A ``Pyphen`` is made from the
stored patterns here, with the parts Pyphen's own constructor would fill in:

- ``HyphDict.patterns`` (pattern → (offset, values)), ``HyphDict.maxlen`` (the longest
  pattern) and ``HyphDict.cache`` (positions found so far);
- ``Pyphen.left``, ``Pyphen.right`` (the shortest first and last syllable) and
  ``Pyphen.hd`` (its ``HyphDict``);
- ``pyphen.LANGUAGES`` (the dictionary files Pyphen ships), for the maker.

``tests/test_pyphen_internals.py`` checks each against Pyphen's own parsing.
"""

from __future__ import annotations

from pathlib import Path

import pyphen


def dictionary_path(language: str) -> Path:
    """The file of Pyphen's dictionary for ``language`` ('nl_NL')."""
    return Path(pyphen.LANGUAGES[language])


def patterns_of(language: str) -> tuple[dict[str, tuple[int, tuple[int, ...]]], int]:
    """Pyphen's parsed patterns for ``language`` and the longest one's length."""
    parsed = pyphen.HyphDict(dictionary_path(language))
    return dict(parsed.patterns), parsed.maxlen


def pyphen_from_patterns(patterns: dict[str, tuple[int, tuple[int, ...]]],
                         maxlen: int) -> pyphen.Pyphen:
    """A ``Pyphen`` as ``Pyphen(lang=...)`` makes it (first and last syllable of two
    letters at least), from patterns read already."""
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns = patterns
    dictionary.maxlen = maxlen
    dictionary.cache = {}
    hyphenator = pyphen.Pyphen.__new__(pyphen.Pyphen)
    hyphenator.left, hyphenator.right = 2, 2
    hyphenator.hd = dictionary
    return hyphenator
