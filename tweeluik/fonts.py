"""Read the theme's font files once: advance widths and which characters each can show.

Shared by the deck's text fitting (step 3) and the glyph check on the content model.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

# Carlito's 'head' table has an odd creation date that fontTools logs about on every read.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths of one font file, in font units."""

    units_per_em: int
    widths: dict[int, int]  # code point → advance width
    fallback: int           # width used for characters the font lacks

    def text_width(self, text: str, size: float) -> float:
        """Width of ``text`` set at ``size`` points, in points."""
        widths, fallback = self.widths, self.fallback
        units = sum(widths.get(ord(char), fallback) for char in text)
        return units * size / self.units_per_em


@lru_cache(maxsize=16)
def load_metrics(path: Path) -> FontMetrics:
    """Read a font's advance widths (cached per file)."""
    font = TTFont(path, lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    fallback = max(widths.get(ord("M"), 0), widths.get(ord("W"), 0), hmtx[".notdef"][0])
    return FontMetrics(font["head"].unitsPerEm, widths, fallback)
