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
    MIN_CONTRAST,
    Frame,
    PlaceholderInfo,
    contrast,
)

#: How far above and below its lines a text is taken to reach: the box's own margins,
#: up to PowerPoint's default one (a margin widened to keep the text on a bar or off a
#: drawing is not text).
EDGE_PT = 3.6


def _extent(frame: Frame, height: float, anchor: str) -> Frame:
    """The part of a box that text ``height`` high stands in, anchored at the top, middle
    or bottom of the box's inside, with the margins above and below it (the whole box
    when the height is unknown; all its inside when the text fills it)."""
    if not height:
        return frame
    height = min(height, frame.inner_height)
    offset = {"middle": (frame.inner_height - height) / 2,
              "bottom": frame.inner_height - height}.get(anchor, 0.0)
    above, below = min(frame.inset_top, EDGE_PT), min(frame.inset_bottom, EDGE_PT)
    return replace(frame, top=frame.top + frame.inset_top + offset - above,
                   height=height + above + below)


def text_extent(text: TextPlan, placeholder) -> Frame:
    """Where a placeholder's text stands: the box's width, and the measured height of
    the text at the top, middle or bottom of the box as it is anchored."""
    return _extent(placeholder.frame, text.height, text.anchored_at)


def covered_cells(placeholder, height: float, width: float, style,
                  trim: float = 0.0) -> list[tuple[str | None, bool]]:
    """What lies behind the part of a template's box that its text covers: the cells of
    the strips its lines stand in (by the box's anchor), across the width its widest line
    takes (by its alignment). The whole box when the text's size is unknown. ``trim``
    leaves that much off the part's top and bottom (where a line has no ink)."""
    cells = placeholder.cells
    if not cells:
        return []
    frame = placeholder.frame
    anchor = XML_ANCHORS.get(style.anchor or "t", "top")
    where = _extent(frame, height, anchor)
    if 0 < trim < where.height / 2:
        where = replace(where, top=where.top + trim, height=where.height - 2 * trim)
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


def calmer_anchor(placeholder, style, height: float, width: float,
                  needed: float) -> str | None:
    """Another anchor ('t', 'b' or 'ctr') for a text whose own place in its box crosses
    a picture's detail (a logo or a photograph printed in the template's background),
    where its lines stand on calm colour only and read at least as well as at its own
    place; ``None`` when its own place is calm, or no other is. The space above and
    below the ink of the lines (the box's insets and 15 % of the text's height) may
    touch the detail."""
    if not height or height >= placeholder.frame.inner_height:
        return None  # the text fills its box: it stands where it stands
    frame = placeholder.frame
    trim = frame.inset_top + 0.15 * height
    own = style.anchor or "t"

    def behind(anchor: str) -> list[tuple[str | None, bool]]:
        return covered_cells(placeholder, height, width, replace(style, anchor=anchor), trim)

    def worst(covered) -> float:
        known = [colour for colour, _ in covered if colour is not None]
        if not known or len(known) < len(covered):
            return 0.0
        return min(contrast(style.colour_hex, colour) for colour in known)

    here = behind(own)
    if not any(texture == BUSY for _, texture in here):
        return None
    floor = max(needed, worst(here))
    for anchor in ("b", "t", "ctr"):
        there = behind(anchor)
        if anchor != own and there and all(texture != BUSY for _, texture in there) \
                and worst(there) >= floor:
            return anchor
    return None


def on_its_band(placeholder, needed: float = MIN_CONTRAST) -> PlaceholderInfo:
    """The placeholder with top and bottom margins that keep its text on the band of its
    box where the template's own text colour reads, when the template sets its text on a
    bar across part of the box (white titles on a green bar in a taller title box): the
    band is plain colour and holds the box's anchor (its top, middle or bottom), and the
    colour does not read above or below it. Unchanged otherwise: a text the colour reads
    under everywhere, or not where it is anchored."""
    cells, style, frame = placeholder.cells, placeholder.style, placeholder.frame
    if not cells or style.colour_hex is None:
        return placeholder
    reads = [all(colour is not None and texture != BUSY
                 and contrast(style.colour_hex, colour) >= needed for colour, texture in row)
             for row in cells]
    at = {"t": 0, "b": len(cells) - 1}.get(style.anchor or "t", len(cells) // 2)
    if all(reads) or not reads[at]:
        return placeholder
    first = last = at
    while first > 0 and reads[first - 1]:
        first -= 1
    while last < len(cells) - 1 and reads[last + 1]:
        last += 1
    strip = frame.height / len(cells)
    top = max(frame.inset_top, first * strip + frame.inset_top)
    bottom = max(frame.inset_bottom, (len(cells) - 1 - last) * strip + frame.inset_bottom)
    if (top, bottom) == (frame.inset_top, frame.inset_bottom):
        return placeholder
    return replace(placeholder, frame=replace(frame, inset_top=top, inset_bottom=bottom))
