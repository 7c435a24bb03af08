"""Read a pasted letter in plain text or Markdown into paragraphs.

Step 0 of the pipeline (bringing a letter in), for ``.txt`` and ``.md`` files. An empty
line ends a paragraph; the lines inside one are kept too (a signature may put one name
on each line). Markdown's own marks (``*italic*``, links) are kept as they are. A list
typed or pasted with its bullets as characters (``•``, or ``-``/``*`` on two lines or
more) becomes one piece per item, so it is written back as a list. A letter quoted in a
forwarded e-mail ('> ' before every line) is read without its quote marks first; a
paragraph quoted on its own ('> ' lines) stays a quotation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..letters import BULLETS
from .pieces import Piece, Span

#: Bullets that only ever start a list item.
BULLET = re.compile(rf"^[{BULLETS}]\s*(?=\S)")
#: Marks that start an item only when two lines or more of a paragraph start with them
#: (one line starting with a dash is more often a sentence).
SHARED_MARK = re.compile(r"^([-*+–·])\s+(?=\S)")
#: The share of a text's lines that must start with '>' for it to be a quoted e-mail.
QUOTED_SHARE = 0.8


def without_email_quoting(text: str) -> tuple[str, int]:
    """A letter quoted in a forwarded or replied e-mail ('> ' before every line, perhaps
    several times) without its quote marks, and how many levels were taken off."""
    levels = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while True:
        written = [line for line in lines if line.strip()]
        quoted = [line for line in written if line.lstrip().startswith(">")]
        if not written or len(quoted) < QUOTED_SHARE * len(written):
            return "\n".join(lines), levels
        lines = [re.sub(r"^\s*> ?", "", line) for line in lines]
        levels += 1


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
            pieces.extend(_piece(lines, start, markdown))
            lines = []
    if lines:
        pieces.extend(_piece(lines, start, markdown))
    bullets = [index for index, piece in enumerate(pieces) if piece.bullet]
    if len(bullets) == 1:  # a list of one item is not a list: a web page's stray bullet
        pieces[bullets[0]] = replace(pieces[bullets[0]], bullet=False)
    return pieces


def _piece(lines: list[str], start: int, markdown: bool) -> list[Piece]:
    """One paragraph, or its text before a list and one piece for each list item (an
    item's further lines belong to it)."""
    marks = [SHARED_MARK.match(line) for line in lines]
    shared = {mark.group(1) for mark in marks if mark}
    repeated = {sign for sign in shared
                if sum(1 for mark in marks if mark and mark.group(1) == sign) >= 2}

    def item_start(line: str) -> re.Match[str] | None:
        found = BULLET.match(line)
        if found is None:
            found = SHARED_MARK.match(line)
            if found is not None and found.group(1) not in repeated:
                found = None
        return found

    if all(line.startswith(">") for line in lines):  # a quotation ('> ' before each line)
        lines = [line[1:].strip() for line in lines]
        if any(lines):
            return [Piece((Span(" ".join(lines), markdown=markdown),), tuple(lines), line=start,
                          quote=True)]
    if not any(item_start(line) for line in lines):
        return [Piece((Span(" ".join(lines), markdown=markdown),), tuple(lines), line=start)]
    groups: list[tuple[int, list[str], bool]] = []
    for offset, line in enumerate(lines):
        found = item_start(line)
        if found is not None:
            groups.append((start + offset, [line[found.end():]], True))
        elif groups:
            groups[-1][1].append(line)
        else:
            groups.append((start + offset, [line], False))
    return [Piece((Span(" ".join(group), markdown=markdown),), tuple(group), line=number,
                  bullet=bullet) for number, group, bullet in groups]
