"""`--check` names what only the author can make accessible, each with its line and
column and what to write instead, and says nothing of the kind about a clean letter."""

from __future__ import annotations

import shutil

import pytest

from .conftest import CONTENT, ROOT, SAMPLE, run_build, write_source

FIXTURE = ROOT / "tests" / "letters" / "ontoegankelijk.md"
KINDS = ("say nothing on their own", "typed in capitals", "skips a level", "is a file name",
         "by itself, guessing")


def accessibility_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(kind in line for kind in KINDS)]


@pytest.mark.slow
def test_each_problem_is_named_at_its_place_with_what_to_write():
    result = run_build("--check", str(FIXTURE))
    assert result.returncode == 0, result.stderr  # warnings, not errors
    found = accessibility_lines(result.stderr)
    where = [line.split(": warning: ")[0].rsplit("/", 1)[-1] for line in found]
    assert where == ["ontoegankelijk.md:10:42", "ontoegankelijk.md:12:1",
                     "ontoegankelijk.md:20:1", "ontoegankelijk.md:23:41"], found
    assert "'hier'" in found[0] and "Write where the link leads" in found[0]
    assert "'WIJ ZIJN ER OOK IN DE KERSTVAKANTIE'" in found[1] and "ordinary letters" in found[1]
    assert "'#### '" in found[2] and "Write '### ' here" in found[2]
    assert "'klik hier'" in found[3]


@pytest.mark.slow
def test_strict_refuses_to_build_with_them(tmp_path):
    result = run_build("--strict", str(FIXTURE), "--out", str(tmp_path))
    assert result.returncode != 0
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize(("description", "said"), [
    ("IMG_2041.jpg", "is a file name"),
    ("cid:image001.jpg@01D52787.162ACE70", "is a file name"),  # a picture in an e-mail
    ("Een kaart met stippen Description automatically generated", "by itself, guessing"),
    ("Een kaart Automatisch gegenereerde beschrijving", "by itself, guessing")])
@pytest.mark.slow
def test_a_picture_described_by_its_file_name_or_by_word(tmp_path, description, said):
    (tmp_path / "images").mkdir()
    shutil.copy(CONTENT / "images" / "ontmoetingsplekken.png", tmp_path / "images" / "kaart.png")
    source = write_source(tmp_path, f"""
        Beste leden,

        ![{description}](images/kaart.png)

        ## 1. Een les

        Tekst.
        """)
    result = run_build("--check", str(source))
    found = accessibility_lines(result.stderr)
    assert len(found) == 1 and "pub.md:8:3:" in found[0] and f"'{description}'" in found[0]
    assert said in found[0]


@pytest.mark.parametrize("words", ["het verslag van de avond", "Hierbij", "klikken"])
@pytest.mark.slow
def test_link_words_that_say_where_they_lead_pass(tmp_path, words):
    source = write_source(tmp_path, f"""
        Beste leden,

        Lees [{words}](https://www.example.nl/verslag) op de website.

        ## 1. Een les

        Tekst met de GGD en de WMO, twee afkortingen.
        """)
    result = run_build("--check", str(source))
    assert accessibility_lines(result.stderr) == []


@pytest.mark.slow
def test_the_sample_and_the_clean_letters_have_none():
    for source in (SAMPLE, *sorted((ROOT / "tests" / "letters").glob("clean-*.md"))):
        result = run_build("--check", str(source))
        assert result.returncode == 0
        assert accessibility_lines(result.stderr) == [], source.name
