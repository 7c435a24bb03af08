"""Inline text as runs on a slide (step 3a): emphasis, links and names.

The content model's inlines become ``RunPlan`` runs; runs are folded and cut to a
shortened text; names are kept whole and packed into lines.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import (
    Code,
    Emph,
    Inlines,
    LineBreak,
    Link,
    Strong,
    Text,
    UnknownKind,
)
from .fit import Style
from .plan import RunPlan
from .shorten import ELLIPSIS, Shortened

# --- building the plan ---------------------------------------------------------------


def inlines_to_runs(inlines: Inlines, bold: bool = False, italic: bool = False,
                    href: str | None = None) -> list[RunPlan]:
    """Inline content as runs; emphasis toggles italic, so it shows inside italic text too."""
    runs: list[RunPlan] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            runs.append(RunPlan(node.text, bold, italic, href))
        elif isinstance(node, LineBreak):
            runs.append(RunPlan(" ", bold, italic, href))
        elif isinstance(node, Emph):
            runs.extend(inlines_to_runs(node.children, bold, not italic, href))
        elif isinstance(node, Strong):
            runs.extend(inlines_to_runs(node.children, True, italic, href))
        elif isinstance(node, Link):
            runs.extend(inlines_to_runs(node.children, bold, italic, node.href))
        else:
            raise UnknownKind(node, "the deck's inline writer")
    return runs


def folded(runs: list[RunPlan]) -> list[RunPlan]:
    """Runs with their white space folded as ``split_sentences`` folds it."""
    out: list[RunPlan] = []
    previous_space = True
    for run in runs:
        text = " ".join(run.text.split())
        if run.text[:1].isspace() and text and not previous_space:
            text = " " + text
        if run.text[-1:].isspace() and text:
            text += " "
        if text:
            out.append(replace(run, text=text))
            previous_space = text.endswith(" ")
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return [run for run in out if run.text]


def runs_prefix(runs: list[RunPlan], shortened: Shortened) -> list[RunPlan]:
    """The runs cut to the shortened text, keeping their emphasis and links."""
    kept = shortened.text.removesuffix(ELLIPSIS)
    out: list[RunPlan] = []
    remaining = len(kept)
    for run in folded(runs):
        if remaining <= 0:
            break
        piece = run.text[:remaining]
        out.append(replace(run, text=piece))
        remaining -= len(piece)
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" ,;:–—-"))
    if shortened.text.endswith(ELLIPSIS):
        out.append(RunPlan(ELLIPSIS))
    return out


def plain_text_of(runs: list[RunPlan]) -> str:
    return "".join(run.text for run in runs)


#: Between names on a slide, and between organisation, title and date sharing a line:
#: the dot keeps to the words before it, so no line starts with it, and the one space a
#: line may break at comes last, so no line starts with a space either (LibreOffice
#: shows the second of two spaces at a line's start).
SEPARATOR = "\u00a0\u00a0·\u00a0 "


def whole_name(name: str) -> str:
    """A name that never breaks inside (no-break spaces, a word joiner after a hyphen):
    'Pieter-Jan Smit' stays on one line, in our measuring and in PowerPoint."""
    return name.replace(" ", "\u00a0").replace("-", "-\u2060")


def joined_names(names) -> str:
    """Names joined on one line that breaks only between names."""
    return SEPARATOR.join(whole_name(name) for name in names)


def pack_items(items: list[str], separator: str, style: Style, size: float, width: float,
               bold: bool = False, italic: bool = False, caps: bool = False) -> list[str] | None:
    """Whole items joined by ``separator``, as few lines as fit ``width``; ``None`` when
    one item alone is too wide."""
    from .fit import text_width

    def measure(text: str) -> float:
        return text_width(text.upper() if caps else text, style, size, bold, italic)

    lines: list[str] = []
    for item in items:
        if measure(item) > width:
            return None
        if lines and measure(lines[-1] + separator + item) <= width:
            lines[-1] += separator + item
        else:
            lines.append(item)
    return lines


MAX_PROPERTY = 255  # PowerPoint's limit for a document property


def document_property(text: str) -> str:
    """``text`` cut at a word to fit a document property (the PDF keeps it whole)."""
    if len(text) <= MAX_PROPERTY:
        return text
    cut = text[:MAX_PROPERTY - 1].rsplit(" ", 1)[0].rstrip(",;:–—")
    return cut + "…"
