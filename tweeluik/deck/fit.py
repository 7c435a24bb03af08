"""Measure slide text with real font metrics and choose sizes that fit their boxes.

Part of step 3 (deck writer, planning). Pure: given words, font files and a box, it
answers which point size fits and how the text wraps. It models what PowerPoint and
LibreOffice do with our text frames: no autofit, exact line spacing, line breaks at
spaces and after hyphens. Widths come from the fonts' advance widths (fontTools),
without kerning, plus a small safety margin, so a measured fit is a real fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..fonts import load_metrics

WIDTH_SAFETY = 1.04   # measured widths are multiplied by this before comparing
LINE_PITCH = 1.12     # exact line spacing, as a multiple of the point size
PARAGRAPH_GAP = 0.35  # space after a paragraph, as a multiple of the point size


@dataclass(frozen=True)
class Style:
    """Which font file a piece of text is set in."""

    regular: Path
    italic: Path
    bold: Path
    bold_italic: Path

    def file(self, bold: bool, italic: bool) -> Path:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular


@dataclass(frozen=True)
class Piece:
    """A styled piece of a paragraph's text."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Box:
    """The inside of a text frame, in points (frame size minus insets)."""

    width: float
    height: float


@dataclass(frozen=True)
class Fit:
    """A chosen size and the lines the text breaks into at that size."""

    size: float
    lines: tuple[str, ...]
    height: float


_BREAK = re.compile(r"(?<=[ ])|(?<=[-–—/])(?=\w)")


def _words(paragraph: tuple[Piece, ...]) -> list[list[Piece]]:
    """Split a paragraph into unbreakable words (each a list of styled pieces).

    A word keeps its trailing space; line breaks may fall after a space or after a
    hyphen or dash that is followed by a letter (as in PowerPoint).
    """
    words: list[list[Piece]] = [[]]
    for piece in paragraph:
        parts = _BREAK.split(piece.text)
        for index, part in enumerate(parts):
            if index > 0:
                words.append([])
            if part:
                words[-1].append(Piece(part, piece.bold, piece.italic))
    return [word for word in words if word]


def _width(word: list[Piece], style: Style, size: float, strip: bool = False) -> float:
    total = 0.0
    for index, piece in enumerate(word):
        text = piece.text.rstrip(" ") if strip and index == len(word) - 1 else piece.text
        total += load_metrics(style.file(piece.bold, piece.italic)).text_width(text, size)
    return total * WIDTH_SAFETY


def wrap(paragraph: tuple[Piece, ...], style: Style, size: float,
         width: float) -> list[str] | None:
    """Greedy line breaking; ``None`` when one word alone is wider than ``width``."""
    lines: list[str] = []
    current: list[list[Piece]] = []
    current_width = 0.0
    for word in _words(paragraph):
        word_full = _width(word, style, size)
        word_visible = _width(word, style, size, strip=True)
        if word_visible > width:
            return None
        if current and current_width + word_visible > width:
            lines.append("".join(p.text for w in current for p in w).rstrip())
            current, current_width = [], 0.0
        current.append(word)
        current_width += word_full
    if current:
        lines.append("".join(p.text for w in current for p in w).rstrip())
    return lines or [""]


def text_height(line_count: int, paragraph_count: int, size: float) -> float:
    """Height of the text: exact line pitch plus the gaps between paragraphs."""
    return line_count * size * LINE_PITCH + max(0, paragraph_count - 1) * size * PARAGRAPH_GAP


def fit_text(paragraphs: tuple[tuple[Piece, ...], ...], style: Style, box: Box,
             largest: float, smallest: float, step: float = 1.0) -> Fit | None:
    """The largest size from ``largest`` down to ``smallest`` at which the text fits."""
    size = largest
    while size >= smallest - 1e-9:
        lines: list[str] = []
        fits = True
        for paragraph in paragraphs:
            wrapped = wrap(paragraph, style, size, box.width)
            if wrapped is None:
                fits = False
                break
            lines.extend(wrapped)
        if fits:
            height = text_height(len(lines), len(paragraphs), size)
            if height <= box.height:
                return Fit(size, tuple(lines), height)
        size -= step
    return None


def widest_word(paragraphs: tuple[tuple[Piece, ...], ...], style: Style,
                size: float) -> tuple[str, float]:
    """The widest unbreakable word and its width at ``size``."""
    best, best_width = "", 0.0
    for paragraph in paragraphs:
        for word in _words(paragraph):
            width = _width(word, style, size, strip=True)
            if width > best_width:
                best, best_width = "".join(p.text for p in word).strip(), width
    return best, best_width
