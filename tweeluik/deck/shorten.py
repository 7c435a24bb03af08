"""Shorter versions of a text for a slide: whole sentences first, then clauses, then
words, each ending on a clear mark. Never a lone "…".

Part of step 3 (deck writer, planning). Pure: the planner measures each candidate in
turn, longest first, and keeps the first that fits its box.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..sentences import split_clauses, split_sentences

ELLIPSIS = "\u00a0…"  # a no-break space keeps the ellipsis on the line of its word
_TRAILING = ",;:–—- "


@dataclass(frozen=True)
class Shortened:
    """A shorter text and how it was made: "sentences", "clause" or "words"."""

    text: str
    how: str
    kept: int  # sentences, clauses or words kept


def shorter_versions(text: str) -> Iterator[Shortened]:
    """Every shorter version of ``text``, longest first, down to its first word."""
    sentences = split_sentences(text)
    for count in range(len(sentences) - 1, 0, -1):
        yield Shortened(" ".join(sentences[:count]), "sentences", count)
    first = sentences[0] if sentences else text.strip()
    clauses = split_clauses(first)
    for count in range(len(clauses) - 1, 0, -1):
        kept = " ".join(clauses[:count]).rstrip(_TRAILING)
        yield Shortened(kept + ELLIPSIS, "clause", count)
    words = (clauses[0] if clauses else first).split()
    for count in range(len(words) - 1, 0, -1):
        kept = " ".join(words[:count]).rstrip(_TRAILING)
        if kept:
            yield Shortened(kept + ELLIPSIS, "words", count)


def describe(shortened: Shortened) -> str:
    """How a text was shortened, for a warning."""
    if shortened.how == "sentences":
        return ("the slide shows its first sentence" if shortened.kept == 1
                else f"the slide shows its first {shortened.kept} sentences")
    if shortened.how == "clause":
        return "the slide shows the start of its first sentence, up to a comma"
    if shortened.kept == 1:
        return "the slide shows only its first word"
    return f"the slide shows only its first {shortened.kept} words"
