"""The one theme file: read by both writers, and every mistake in it points at its line."""

from __future__ import annotations

import shutil

import pytest

from tweeluik.errors import SourceError
from tweeluik.theme import load_theme

from .conftest import LAYOUTS


@pytest.fixture
def layouts(tmp_path):
    copy = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, copy)
    return copy


def edit(layouts, old: str, new: str) -> None:
    path = layouts / "theme.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(layouts, words: str) -> int:
    lines = (layouts / "theme.toml").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if words in line)


def test_the_shipped_theme_loads():
    theme = load_theme(LAYOUTS)
    assert theme.colours["accent"].startswith("#")
    assert theme.deck["key_message"][1] >= 28  # readable from the back of the room
    assert theme.booklet["subheading_size"].endswith("pt")


@pytest.mark.parametrize("old, new, words", [
    ('accent = "#B0472A"', 'accent = "baksteenrood"', "colour 'accent' must be written as"),
    ('accent = "#B0472A"', 'accent = "#B047"', "colour 'accent' must be written as"),
    ("key_message = [40, 28]", "key_message = [28, 40]", "[deck] key_message must be [largest, smallest]"),
    ("number = [120, 48]", 'number = "groot"', "[deck] number must be"),
    ('text_size = "10.5pt"', "text_size = 10.5", "[booklet] text_size must be a length"),
    ('regular = "fonts/Caladea-Regular.ttf"', 'regular = "/etc/passwd"', "must name a font file inside layouts/"),
    ("pull_quote_size =", "pull_quote_sise =", "unknown setting 'pull_quote_sise' in [booklet]"),
    ('cover = "15mm"', "cover = 15", "[logo] cover must be a height in quotes"),
    ('slide = "22mm"', 'slide = "0mm"', "[logo] slide must be a height in quotes"),
    ('back = "10mm"', 'back = "10 mm wide"', "[logo] back must be a height in quotes"),
    ("below = 0.33", "below = 1.5", "[copyfit] below must be a share of a page between 0 and 0.9"),
    ("below = 0.33", 'below = "0.33"', "[copyfit] below must be a share of a page"),
    ("below = 0.33", "below = true", "[copyfit] below must be a share of a page"),
])
def test_a_mistake_points_at_its_line(layouts, old, new, words):
    edit(layouts, old, new)
    with pytest.raises(SourceError) as caught:
        load_theme(layouts)
    assert words in caught.value.message
    assert caught.value.line == line_of(layouts, new)


def test_not_toml(layouts):
    edit(layouts, "[colours]", "[colours")
    with pytest.raises(SourceError) as caught:
        load_theme(layouts)
    assert caught.value.line == line_of(layouts, "[colours") and "not valid TOML" in caught.value.message


def test_lists_nested_deeper_than_python_recurses_are_one_error(layouts):
    edit(layouts, "[colours]", "diep = " + "[" * 100_000 + "]" * 100_000 + "\n[colours]")
    with pytest.raises(SourceError) as caught:
        load_theme(layouts)
    assert "nests lists or tables far too deep" in caught.value.message
