"""Sources at the README's limits build, all five files, and finish: the corpus of the
largest inputs tweeluik promises to take (made by bench/generate.py). How long each takes
is measured in the benchmark (``bench/bench.py --limits``, target ≤ 60 s each); here a
case that hangs fails at the time-out."""

from __future__ import annotations

import importlib.util

import pytest

from tweeluik.parse import MAX_LESSONS, MAX_LINKS, MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
from tweeluik.source import MAX_SOURCE_BYTES

from .conftest import ROOT, run_build, write_source

pytestmark = pytest.mark.slow

_spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)
CASES = ["lessons-each-with-the-same-large-picture", "paragraphs",
         "links-each-with-a-note-and-a-qr-code", "the-most-text-in-the-longest-paragraphs",
         "lists-pasted-as-one-sentence", "emphasis-nested-twelve-deep"]


@pytest.fixture(scope="module")
def bodies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limits")
    return folder, generate.at_the_limits(folder, MAX_LESSONS, MAX_PARAGRAPHS, MAX_LINKS,
                                          MAX_PARAGRAPH_CHARS, MAX_SOURCE_BYTES)


def test_the_corpus_has_a_case_for_each_limit(bodies):
    assert sorted(bodies[1]) == sorted(CASES)


@pytest.mark.parametrize("name", CASES)
def test_a_source_at_the_limits_builds(bodies, name):
    folder, texts = bodies
    source = write_source(folder, texts[name], name=name)
    assert source.stat().st_size <= MAX_SOURCE_BYTES
    result = run_build(str(source), "--out", str(folder / "out" / name), timeout=240)
    assert result.returncode == 0, result.stderr
    assert len(list((folder / "out" / name).glob(f"{name}*"))) == 5
