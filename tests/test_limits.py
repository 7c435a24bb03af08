"""Sources at the README's limits build, all five files, and finish: the corpus of the
largest inputs tweeluik promises to take. (How long each takes is measured in the
benchmark, row "at the limits"; here a case that hangs fails at the time-out.)"""

from __future__ import annotations

import random

import pytest
from PIL import Image

from tweeluik.parse import MAX_LESSONS, MAX_LINKS, MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
from tweeluik.source import MAX_SOURCE_BYTES

from .conftest import run_build, write_source

pytestmark = pytest.mark.slow

WORDS = ("de het een wijk team buurt samen leren vrijwilligers gemeente bewoners "
         "ontmoeting koffie tafel").split()


def words(count: int, seed: int) -> str:
    chosen = random.Random(seed)
    return " ".join(chosen.choice(WORDS) for _ in range(count))


def at_the_limits(folder) -> dict[str, str]:
    """Each case's body (the pictures it shows are written into ``folder``)."""
    (folder / "images").mkdir()
    Image.new("RGB", (7000, 7000), (190, 170, 150)).save(folder / "images" / "groot.png",
                                                         compress_level=1)
    long_paragraph = words(4000, 1)[:MAX_PARAGRAPH_CHARS - 10]
    return {
        "lessons-each-with-the-same-large-picture": "Beste leden,\n\n" + "".join(
            f"## {n}. Les {n}\n\n> Kern {n}.\n\n![Het plein](images/groot.png)\n\nTekst {n}.\n\n"
            for n in range(1, MAX_LESSONS + 1)),
        "paragraphs": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            words(12, n) + "." for n in range(MAX_PARAGRAPHS - 1)) + "\n",
        "links-each-with-a-note-and-a-qr-code": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            f"Zie [pagina {n}](https://example.nl/wijkteams/verslagen/{n}/het-hele-verslag)."
            for n in range(MAX_LINKS)) + "\n",
        "the-most-text-in-the-longest-paragraphs": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            [long_paragraph] * ((MAX_SOURCE_BYTES - 1000) // len(long_paragraph))) + "\n",
        "emphasis-nested-twelve-deep": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            "*a _b **c __d *e _f **g __h *i _j **k __l x__** j_* i__** h_* g__** f_* e__** "
            "d_* c__** b_* tekst" for _ in range(100)) + "\n",
    }


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limits")
    return folder, at_the_limits(folder)


@pytest.mark.parametrize("name", ["lessons-each-with-the-same-large-picture", "paragraphs",
                                  "links-each-with-a-note-and-a-qr-code",
                                  "the-most-text-in-the-longest-paragraphs",
                                  "emphasis-nested-twelve-deep"])
def test_a_source_at_the_limits_builds(cases, name):
    folder, bodies = cases
    source = write_source(folder, bodies[name], name=name)
    assert source.stat().st_size <= MAX_SOURCE_BYTES
    result = run_build(str(source), "--out", str(folder / "out" / name), timeout=240)
    assert result.returncode == 0, result.stderr
    assert len(list((folder / "out" / name).glob(f"{name}*"))) == 5
