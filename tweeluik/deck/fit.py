"""Measure slide text with real font metrics and choose sizes that fit their boxes.

Part of step 3 (deck writer, planning). Pure: given words, a measuring style and a box,
it answers which point size fits and how the text wraps. It models what PowerPoint and
LibreOffice do with our text frames: no autofit, line breaks at spaces and after
hyphens, all caps and letter spacing as the placeholder sets them, and the line
spacing either fixed by us or the template's own. Widths come from the fonts' advance
widths (fontTools), without kerning, plus a small safety margin, so a measured fit is a
real fit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..fonts import load_metrics

WIDTH_SAFETY = 1.04   # measured widths are multiplied by this before comparing
LINE_PITCH = 1.12     # exact line spacing we write, as a multiple of the point size
PARAGRAPH_GAP = 0.35  # space after a paragraph, as a multiple of the point size
#: A point of a list set with a bullet hangs its lines this far in (a multiple of the size).
BULLET_HANG = 0.8
SINGLE_LINE = 1.2     # PowerPoint's single spacing, at least, as a multiple of the size


@dataclass(frozen=True)
class Style:
    """How a piece of text is measured: its font files and how the box sets it."""

    regular: Path
    italic: Path
    bold: Path
    bold_italic: Path
    widening: float = 1.0            # > 1 for a font measured with a stand-in
    tracking: float = 0.0            # letter spacing, points after each character
    line_spacing: tuple[str, float] | None = None  # None: our exact LINE_PITCH

    def file(self, bold: bool, italic: bool) -> Path:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular

    def line_height(self, size: float) -> float:
        """The distance from one line to the next at ``size`` points."""
        if self.line_spacing is None:
            return size * LINE_PITCH
        kind, value = self.line_spacing
        if kind == "pts":
            return value
        natural = max(SINGLE_LINE * size, load_metrics(self.regular).line_height(size))
        return natural * value


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


def _words(paragraph: tuple[Piece, ...]) -> Iterator[list[Piece]]:
    """The paragraph's unbreakable words (each a list of styled pieces), one at a time
    (line breaking may stop before the end).

    A word keeps its trailing space; line breaks may fall after a space or after a
    hyphen or dash that is followed by a letter (as in PowerPoint).
    """
    word: list[Piece] = []
    for piece in paragraph:
        text, start = piece.text, 0
        for found in _BREAK.finditer(text):
            if found.start() > start:
                word.append(Piece(text[start:found.start()], piece.bold, piece.italic))
            if word:
                yield word
            word, start = [], found.start()
        if start < len(text):
            word.append(Piece(text[start:], piece.bold, piece.italic))
    if word:
        yield word


def text_width(text: str, style: Style, size: float, bold: bool, italic: bool) -> float:
    """The width of ``text`` in points, as measured for fitting (with the safety margin)."""
    metrics = load_metrics(style.file(bold, italic))
    width = metrics.text_width(text, size) * style.widening + style.tracking * len(text)
    return width * WIDTH_SAFETY


def _width(word: list[Piece], style: Style, size: float, strip: bool = False) -> float:
    total = 0.0
    for index, piece in enumerate(word):
        text = piece.text.rstrip(" ") if strip and index == len(word) - 1 else piece.text
        total += text_width(text, style, size, piece.bold, piece.italic)
    return total


def wrap(paragraph: tuple[Piece, ...], style: Style, size: float,
         width: float, most_lines: int | None = None) -> list[str] | None:
    """Greedy line breaking; ``None`` when one word alone is wider than ``width``. With
    ``most_lines``, the breaking stops once there are more lines than that (the caller
    only needs to know the text is too long: a pasted paragraph of 10,000 characters is
    not broken to its end at every size tried)."""
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
            if most_lines is not None and len(lines) > most_lines:
                return lines
        current.append(word)
        current_width += word_full
    if current:
        lines.append("".join(p.text for w in current for p in w).rstrip())
    return lines or [""]


def text_height(line_count: int, paragraph_count: int, size: float,
                style: Style | None = None) -> float:
    """Height of the text: its lines plus the gaps between paragraphs."""
    pitch = style.line_height(size) if style is not None else size * LINE_PITCH
    return line_count * pitch + max(0, paragraph_count - 1) * size * PARAGRAPH_GAP


def fit_text(paragraphs: tuple[tuple[Piece, ...], ...], style: Style, box: Box,
             largest: float, smallest: float, step: float = 1.0,
             bulleted: bool = False, own_hang: float | None = None) -> Fit | None:
    """The largest size from ``largest`` down to ``smallest`` at which the text fits
    (``bulleted``: each paragraph a point of a list, its lines hung in by ``hang``)."""
    size = largest
    while size >= smallest - 1e-9:
        room = box.height + exact_spacing_slack(style, size)
        most = most_lines(room, len(paragraphs), size, style)
        lines: list[str] = []
        fits = most >= 0
        width = box.width - (hang(size, own_hang) if bulleted else 0.0)
        for paragraph in paragraphs if fits else ():
            wrapped = wrap(paragraph, style, size, width, most - len(lines))
            if wrapped is None:
                fits = False
                break
            lines.extend(wrapped)
            if len(lines) > most:
                fits = False
                break
        if fits:
            height = text_height(len(lines), len(paragraphs), size, style)
            if height <= room:
                return Fit(size, tuple(lines), height)
        size -= step
    return None


def hang(size: float, own: float | None = None) -> float:
    """How far a point of a list at ``size`` hangs its lines in (points): as the
    template's own bullet does (``own``), else ``BULLET_HANG`` of the size."""
    return own if own is not None else BULLET_HANG * size


def most_lines(room: float, paragraph_count: int, size: float, style: Style) -> int:
    """The most lines of ``paragraph_count`` paragraphs whose ``text_height`` is within
    ``room`` (-1 when the gaps between the paragraphs alone take more)."""
    if text_height(0, paragraph_count, size, style) > room:
        return -1
    pitch = style.line_height(size)
    if pitch <= 0 or not math.isfinite(room):
        return 10**9  # no bound on the lines
    count = max(0, int(room / pitch) + 1)
    while count > 0 and text_height(count, paragraph_count, size, style) > room:
        count -= 1
    while count < 10**9 and text_height(count + 1, paragraph_count, size, style) <= room:
        count += 1
    return count


#: A template's box drawn for lines of exact spacing ('36 pt') holds them even when
#: its insets take a point of that: PowerPoint does not clip the last line's spacing.
EXACT_SPACING_SLACK = 0.1


def exact_spacing_slack(style: Style, size: float) -> float:
    """How far text in a box with exact line spacing may reach past the box (points)."""
    if style.line_spacing is not None and style.line_spacing[0] == "pts":
        return EXACT_SPACING_SLACK * style.line_height(size)
    return 0.0


def widest_word(paragraphs: tuple[tuple[Piece, ...], ...], style: Style,
                size: float) -> tuple[str, float]:
    """The widest unbreakable word and its width at ``size``; the word named as a reader
    knows it (a lesson's number bound to it by no-break spaces is no part of it)."""
    best, best_width = "", 0.0
    for paragraph in paragraphs:
        for word in _words(paragraph):
            width = _width(word, style, size, strip=True)
            if width > best_width:
                best, best_width = "".join(p.text for p in word).strip(), width
    return max(best.split(), key=len, default=best), best_width
