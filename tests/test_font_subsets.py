"""The web edition's fonts, cut down by HarfBuzz's subsetter: just the page's
characters, kerning and ligatures kept, no hinting, the licence kept, as WOFF."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from tweeluik import font_subsets
from tweeluik.errors import InstallError
from tweeluik.font_subsets import HarfBuzzSubsetter, as_woff

from .conftest import LAYOUTS

CARLITO = LAYOUTS / "fonts" / "Carlito-Regular.ttf"


def test_a_subset_holds_the_characters_asked_for_with_kerning_and_licence():
    whole = TTFont(str(CARLITO))
    woff = as_woff(HarfBuzzSubsetter().subset(CARLITO, "Wijkteam fiets AV ë"))
    cut = TTFont(io.BytesIO(woff))
    assert cut.flavor == "woff"
    assert set(cut.getBestCmap()) == {ord(c) for c in "Wijkteam fiets AV ë"}
    assert len(cut.getGlyphOrder()) < 60 < len(whole.getGlyphOrder())  # ligatures, accents
    features = {record.FeatureTag for record in cut["GPOS"].table.FeatureList.FeatureRecord}
    assert features == {"kern"}  # the features asked for, where the font has them
    assert not {"fpgm", "prep", "cvt "} & set(cut.keys())  # unhinted: screens hint
    names = {record.nameID for record in cut["name"].names}
    assert {13, 14} <= names  # the licence and its address go along
    widths = [cut["hmtx"][cut.getBestCmap()[ord(c)]][0] for c in "AV"]
    assert widths == [whole["hmtx"][whole.getBestCmap()[ord(c)]][0] for c in "AV"]


def test_without_the_library_the_line_says_what_to_install(monkeypatch):
    monkeypatch.setattr(font_subsets, "LIBRARIES", ("libno-such-harfbuzz.so.0",))
    with pytest.raises(InstallError, match="sudo apt install libharfbuzz-subset0"):
        HarfBuzzSubsetter()
