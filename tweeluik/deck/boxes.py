"""Where two boxes on a slide meet: the one rule for overlap the planner uses.

Part of step 3a of the deck writer (planning). A box here is (left, top, width, height)
in points: a placeholder's frame (``Frame.box``), a logo's place, a shape the template
draws; a turned box's ``footprint`` is where it stands (the reader takes it in EMU).
Boxes that only touch along an edge do not overlap; a line drawn as a shape of no height
overlaps what it crosses.
"""

from __future__ import annotations

import math

Box = tuple[float, float, float, float]  # left, top, width, height in points


def meeting(one: Box, other: Box) -> tuple[float, float]:
    """How far two boxes reach over each other across and down (negative: the gap
    between them that way)."""
    across = min(one[0] + one[2], other[0] + other[2]) - max(one[0], other[0])
    down = min(one[1] + one[3], other[1] + other[3]) - max(one[1], other[1])
    return across, down


def overlap(one: Box, other: Box) -> bool:
    """Whether two boxes share any part of the slide (a box of no width or height
    counts where it crosses the other's inside)."""
    return (one[0] < other[0] + other[2] and other[0] < one[0] + one[2]
            and one[1] < other[1] + other[3] and other[1] < one[1] + one[3])


def covered_share(box: Box, cover: Box) -> float:
    """The share of ``box``'s area that ``cover`` lies over (0 to 1)."""
    across, down = meeting(box, cover)
    return max(0.0, across) * max(0.0, down) / max(box[2] * box[3], 1.0)


def footprint(box: Box, turn: float) -> Box:
    """Where a box turned ``turn`` degrees about its middle stands: the smallest upright
    box around it (a quarter turn swaps width and height). Any unit."""
    if not turn % 180:
        return box
    left, top, width, height = box
    angle = math.radians(turn)
    across = abs(width * math.cos(angle)) + abs(height * math.sin(angle))
    down = abs(width * math.sin(angle)) + abs(height * math.cos(angle))
    return (left + (width - across) / 2, top + (height - down) / 2, across, down)
