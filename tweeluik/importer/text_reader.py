"""Read a pasted letter in plain text or Markdown into paragraphs.

Step 0 of the pipeline (bringing a letter in), for ``.txt`` and ``.md`` files. An empty
line ends a paragraph; the lines inside one are kept too (a signature may put one name
on each line). Markdown's own marks (``*italic*``, links) are kept as they are.
"""

from __future__ import annotations

from .pieces import Piece, Span


def text_to_pieces(text: str, markdown: bool) -> list[Piece]:
    """The paragraphs of ``text`` with the line each starts on."""
    pieces: list[Piece] = []
    lines: list[str] = []
    start = 1
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"),
                                 start=1):
        line = raw.strip()
        if line:
            if not lines:
                start = number
            lines.append(line)
            continue
        if lines:
            pieces.append(_piece(lines, start, markdown))
            lines = []
    if lines:
        pieces.append(_piece(lines, start, markdown))
    return pieces


def _piece(lines: list[str], start: int, markdown: bool) -> Piece:
    return Piece((Span(" ".join(lines), markdown=markdown),), tuple(lines), line=start)
