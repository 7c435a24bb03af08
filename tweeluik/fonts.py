"""Read font files once: advance widths, line heights, and which characters each shows.

Shared by the deck's text fitting (step 3) and the glyph check on the content model.
A slide template names fonts by family ("Calibri", "Arial"); ``measuring_font`` finds
the file to measure such a font with: the font itself or its metric twin in
``layouts/fonts/``, else a cautious stand-in (Liberation Sans, widened).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

# Carlito's 'head' table has an odd creation date that fontTools logs about on every read.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

#: Font families (lower case, spaces removed) → the file stem of their metric twin.
TWINS = {
    "calibri": "Carlito", "carlito": "Carlito",
    # Calibri Light, the heading font of every Office theme from 2013 to 2022, keeps the
    # advance widths of Calibri: Carlito measures it.
    "calibrilight": "Carlito",
    "cambria": "Caladea", "caladea": "Caladea",
    "arial": "LiberationSans", "helvetica": "LiberationSans", "helveticaneue": "LiberationSans",
    "liberationsans": "LiberationSans", "arimo": "LiberationSans",
    "timesnewroman": "LiberationSerif", "times": "LiberationSerif",
    "liberationserif": "LiberationSerif", "tinos": "LiberationSerif",
    "couriernew": "LiberationMono", "courier": "LiberationMono",
    "liberationmono": "LiberationMono", "cousine": "LiberationMono",
}
#: Fonts without a free twin that are common enough to be measured on purpose: the file
#: stem to measure with and how much to widen it. Aptos (Office's default since 2023)
#: sets about as wide as Arial in PowerPoint, but LibreOffice, which has no Aptos, draws
#: it in DejaVu Sans (Debian's fallback), 1.15 × Liberation Sans on Dutch text (1.21 ×
#: in bold): measured as Liberation Sans widened by 15 %, its text keeps inside its box
#: in both, a little smaller in PowerPoint than it could be where a text is long.
NEAR_TWINS = {"aptos": ("LiberationSans", 1.15), "aptosdisplay": ("LiberationSans", 1.15),
              "aptosnarrow": ("LiberationSans", 1.15)}  # drawn as wide in LibreOffice
STAND_IN = "LiberationSans"
#: How much wider than Liberation Sans an unknown font is assumed to be: enough for
#: the widest common sans-serif stand-ins (DejaVu Sans Bold is 1.2 × Arial Bold).
STAND_IN_WIDENING = 1.22
STYLE_SUFFIXES = {"regular": "Regular", "italic": "Italic", "bold": "Bold",
                  "bold_italic": "BoldItalic"}


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths and vertical metrics of one font file, in font units."""

    units_per_em: int
    widths: dict[int, int]  # code point → advance width
    fallback: int           # width used for characters the font lacks
    ascent: int = 0
    descent: int = 0        # positive
    line_gap: int = 0

    def text_width(self, text: str, size: float) -> float:
        """Width of ``text`` set at ``size`` points, in points."""
        widths, fallback = self.widths, self.fallback
        space = widths.get(0x20, fallback)
        units = sum(space if char == "\u00a0" else 0 if char in INVISIBLE
                    else widths.get(ord(char), fallback) for char in text)
        return units * size / self.units_per_em

    def line_height(self, size: float) -> float:
        """The font's own single line height at ``size`` points."""
        return (self.ascent + self.descent + self.line_gap) * size / self.units_per_em


#: Characters that take no room: a word joiner (it keeps 'Pieter-Jan' on one line),
#: zero-width spaces and joiners.
INVISIBLE = frozenset("\u2060\u200b\u200c\u200d\ufeff")


@lru_cache(maxsize=32)
def load_metrics(path: Path) -> FontMetrics:
    """Read a font's advance widths and line metrics (cached per file)."""
    font = TTFont(path, lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    fallback = max(widths.get(ord("M"), 0), widths.get(ord("W"), 0), hmtx[".notdef"][0])
    hhea = font["hhea"]
    return FontMetrics(font["head"].unitsPerEm, widths, fallback, hhea.ascent,
                       abs(hhea.descent), hhea.lineGap)


@dataclass(frozen=True)
class MeasuringFont:
    """The files to measure a named font with, and by how much to widen them."""

    name: str
    files: dict[str, Path]  # style → file
    exact: bool             # the font itself or its metric twin
    widening: float = 1.0


def family_key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name).lower()


def measuring_font(name: str, fonts: Path) -> MeasuringFont:
    """How to measure font family ``name`` with the files in ``fonts`` (layouts/fonts)."""
    key = family_key(name)
    stem = TWINS.get(key)
    near = NEAR_TWINS.get(key)
    if stem is None and near is not None:
        stem, widening = near
    else:
        widening = 1.0 if stem is not None else STAND_IN_WIDENING
    files = {style: fonts / f"{stem or STAND_IN}-{suffix}.ttf"
             for style, suffix in STYLE_SUFFIXES.items()}
    return MeasuringFont(name, files, stem is not None, widening)
