"""Where a text stands in its box, and what lies behind it there (step 3a).

The part of a template's box that a text of a measured height covers (by its anchor
and alignment), the backdrop's cells behind it, and the anchor at which a colour reads
on all of them.
"""

from __future__ import annotations

from dataclasses import replace

from .backdrop import BUSY
from .plan import XML_ANCHORS, TextPlan
from .template import (
    Frame,
    contrast,
)


def _extent(frame: Frame, height: float, anchor: str) -> Frame:
    """The part of a box that text ``height`` high stands in, anchored at the box's top,
    middle or bottom (the whole box when the height is unknown or fills it)."""
    if not height or height >= frame.inner_height:
        return frame
    full = height + frame.inset_top + frame.inset_bottom
    top = {"top": frame.top, "middle": frame.top + (frame.height - full) / 2,
           "bottom": frame.top + frame.height - full}.get(anchor, frame.top)
    return replace(frame, top=top, height=full)


def text_extent(text: TextPlan, placeholder) -> Frame:
    """Where a placeholder's text stands: the box's width, and the measured height of
    the text at the top, middle or bottom of the box as it is anchored."""
    return _extent(placeholder.frame, text.height, text.anchored_at)


def covered_cells(placeholder, height: float, width: float, style) -> list[tuple[str | None,
                                                                                bool]]:
    """What lies behind the part of a template's box that its text covers: the cells of
    the strips its lines stand in (by the box's anchor), across the width its widest line
    takes (by its alignment). The whole box when the text's size is unknown."""
    cells = placeholder.cells
    if not cells:
        return []
    frame = placeholder.frame
    anchor = XML_ANCHORS.get(style.anchor or "t", "top")
    where = _extent(frame, height, anchor)
    rows = [index for index in range(len(cells))
            if frame.top + index * frame.height / len(cells) < where.top + where.height
            and frame.top + (index + 1) * frame.height / len(cells) > where.top]
    inner_left = frame.left + frame.inset_left
    inner_width = frame.inner_width
    if not width or width >= inner_width:
        left, right = frame.left, frame.left + frame.width
    else:
        share = {"ctr": 0.5, "r": 1.0}.get(style.align or "l", 0.0)
        left = inner_left + (inner_width - width) * share
        right = left + width
    columns = len(cells[0])
    step = frame.width / columns
    chosen = [index for index in range(columns)
              if frame.left + index * step < right and frame.left + (index + 1) * step > left]
    return [cells[row][column] for row in rows for column in chosen]


def readable_anchor(placeholder, style, height: float, width: float,
                    needed: float) -> str | None:
    """Where in a template's box its text, in the template's own colour, reads on all
    that lies behind it ('t', 'ctr' or 'b'): the template's own anchor when it does,
    else another that does (a box over two backgrounds, such as a white area above a
    dark band, can put centred text half on each); ``None`` when none does."""
    own = style.anchor or "t"
    for anchor in (own, "t", "b", "ctr"):
        covered = covered_cells(placeholder, height, width, replace(style, anchor=anchor))
        if any(texture == BUSY for _, texture in covered) and anchor != own:
            continue  # a photograph's average is no promise for a move: only calm colours
        behind = [colour for colour, _ in covered]
        if behind and all(colour is not None for colour in behind) and all(
                contrast(style.colour_hex, colour) >= needed for colour in behind
                if colour is not None):
            return anchor
    return None
