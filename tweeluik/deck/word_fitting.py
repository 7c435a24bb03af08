"""Making a text fit a slide's box by its words: measured as styled pieces, a word too
wide for the box hyphenated, a text too long shortened to the longest version that fits.

Part of step 3a of the deck writer (planning), pure, with ``fitting``: the break points
are those of the booklet (``hyphenation.break_points``), the shorter versions those of
``shorten`` (whole sentences, then clauses, then words).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace

from ..fonts import load_metrics
from ..hyphenation import Exceptions, break_points
from ..sentences import word_count
from .fit import WIDTH_SAFETY, Box, Fit, Piece, Style, fit_text
from .plan import RunPlan
from .runs import plain_text_of, runs_prefix
from .shorten import Shortened, shorter_versions


def styled_pieces(paragraphs, bold: bool, italic: bool,
                  caps: bool) -> tuple[tuple[Piece, ...], ...]:
    """Paragraphs of runs as styled pieces to measure (caps applied)."""
    return tuple(
        tuple(Piece(r.text.upper() if caps else r.text, bold or r.bold, italic != r.italic)
              for r in runs)
        for runs in paragraphs)


def hyphenated(paragraphs, style: Style, bold: bool, italic: bool, caps: bool,
               size: float, width: float, language: str,
               exceptions: Exceptions) -> list[list[RunPlan]]:
    """Insert hyphens into words wider than ``width`` so that each piece fits: at the
    last dictionary break point that fits, else between letters. Linear in the word:
    the letters' widths are summed once."""
    if width <= 4 * size:  # no room for even a few letters: leave the words whole
        return paragraphs
    out = []
    for runs in paragraphs:
        new_runs = []
        for run in runs:
            metrics = load_metrics(style.file(bold or run.bold, italic != run.italic))

            def char_width(char: str, metrics=metrics) -> float:
                return (metrics.text_width(char, size) * style.widening + style.tracking) \
                    * WIDTH_SAFETY

            hyphen = char_width("-")
            words = []
            for word in run.text.split(" "):
                shown = word.upper() if caps else word
                ends = list(itertools.accumulate((char_width(c) for c in shown),
                                                 initial=0.0))
                if ends[-1] <= width:
                    words.append(word)
                    continue
                points = set(break_points(word, language, exceptions))
                start = 0
                while ends[-1] - ends[start] > width:
                    limit = bisect.bisect_right(ends, ends[start] + width - hyphen) - 1
                    limit = max(limit, start + 1)
                    cut = next((p for p in range(limit, start, -1) if p in points), limit)
                    words.append(word[start:cut] + "-")
                    start = cut
                words.append(word[start:])
            new_runs.append(replace(run, text=" ".join(words).replace("- ", "-")))
        out.append(new_runs)
    return out

def shortened_to_fit(paragraphs, style: Style, bold: bool, italic: bool, caps: bool,
                     box: Box, smallest: float, tail: list | None = None
                     ) -> tuple[list[list[RunPlan]], Fit, Shortened]:
    """The first paragraph cut to whole sentences, else clauses, else words, each the
    longest that fits at the smallest size (with ``tail`` kept under it); never less
    than one word."""
    runs = paragraphs[0]
    tail = tail or []
    text = plain_text_of(runs)
    versions = list(shorter_versions(text))
    # the lesson's number set before its title is no word of the title: the warning
    # counts the title's own words
    lead = sum(len(run.text.split()) for run in itertools.takewhile(
        lambda run: run.accent, runs))
    versions = [replace(version, kept=max(1, version.kept - lead))
                if version.how == "words" else version for version in versions]

    def tried(index: int) -> tuple[list[list[RunPlan]], Fit | None]:
        candidate = [runs_prefix(runs, versions[index]), *tail]
        return candidate, fit_text(styled_pieces(candidate, bold, italic, caps), style, box,
                                   smallest, smallest)

    # Each version is shorter than the one before, so when one fits, every later one
    # does: find the first that fits by halving (a pasted list of 900 clauses would
    # take 900 fittings one by one, each as long as the text).
    low, high = 0, len(versions)
    while low < high:
        middle = (low + high) // 2
        if tried(middle)[1] is None:
            low = middle + 1
        else:
            high = middle
    if low < len(versions):
        candidate, fit = tried(low)
        if fit is not None:
            return candidate, fit, versions[low]
    # Not even one word fits at the smallest size: set the first word as large as it
    # goes rather than leave an empty box.
    candidate, shortened = ([runs_prefix(runs, versions[-1]), *tail], versions[-1]) \
        if versions else ([runs, *tail], Shortened(text, "words", word_count(text)))
    fit = fit_text(styled_pieces(candidate, bold, italic, caps), style, box, smallest, 1,
                   step=0.5)
    if fit is None:
        fit = Fit(1.0, (plain_text_of(candidate[0]),), box.height)
    return candidate, fit, shortened
