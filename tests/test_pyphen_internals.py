"""One contract test for each Pyphen internal tweeluik uses (``tweeluik/pyphen_internals.py``),
and for the compact form of the Dutch patterns and word list it makes with them: when a
Pyphen release moves an internal or changes its Dutch dictionary, a test named after it
fails."""

from __future__ import annotations

import gzip
import importlib.util

import pyphen

from tweeluik import hyphenation
from tweeluik import pyphen_internals as internals

from .conftest import ROOT

SAMPLE_WORDS = ["buurtbewonersbijeenkomst", "vrijwilligerstaken", "ontmoeting", "persoonsniveau",
                "gemeenschappelijk", "wijkteams", "jaarbrief", "samenwerking", "koffieochtend"]


def test_languages_names_the_dutch_dictionary_file():
    assert internals.dictionary_path("nl_NL").is_file()


def test_hyphdict_keeps_its_parsed_patterns_and_their_longest_length():
    patterns, maxlen = internals.patterns_of("nl_NL")
    assert len(patterns) > 10000 and maxlen == max(map(len, patterns))
    start, values = patterns[".aan"]  # ".aan5": a break after a word's first "aan"
    assert (start, values) == (4, (5,))


def test_a_pyphen_made_from_patterns_breaks_words_as_pyphen_does():
    """``Pyphen.left``, ``right`` and ``hd``, and ``HyphDict.patterns``, ``maxlen`` and
    ``cache``: a Pyphen made from the parsed patterns gives the positions of Pyphen's own."""
    patterns, maxlen = internals.patterns_of("nl_NL")
    ours, theirs = internals.pyphen_from_patterns(patterns, maxlen), pyphen.Pyphen(lang="nl_NL")
    with gzip.open(hyphenation.WORDS, "rt", encoding="utf-8") as stream:
        words = stream.read().split()[::97] + SAMPLE_WORDS
    assert [ours.positions(word) for word in words] == [theirs.positions(word) for word in words]
    assert ours.inserted("samenwerking") == theirs.inserted("samenwerking")


def test_the_stored_compact_form_is_what_the_maker_makes():
    spec = importlib.util.spec_from_file_location(
        "make_hyphenation_data", ROOT / "tools" / "make_hyphenation_data.py")
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    assert maker.make_compact() == hyphenation.COMPACT.read_bytes(), \
        "run: .venv/bin/python tools/make_hyphenation_data.py"


def test_the_word_list_answers_as_the_list_itself():
    with gzip.open(hyphenation.WORDS, "rt", encoding="utf-8") as stream:
        listed = set(stream.read().split())
    words = hyphenation._dutch_words()
    probes = sorted(listed)[::41] + ["xq", "bu", "buurtx", "b", "", "buurt\nhuis"]
    assert [probe in words for probe in probes] == [probe in listed for probe in probes]
