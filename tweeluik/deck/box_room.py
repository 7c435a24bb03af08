"""Boxes that hold their text: a box shorter than its text is made taller on the slide.

Part of step 3a of the deck writer (planning), after the slides are composed: some
templates draw a box shorter than one line of their own text size (a strip 22 pt high
whose prompt asks for 30 pt, a footer strip as high as its 8 pt text with margins
inside). The text is set at the size the planner chose all the same, and shows beyond
the box. Where the space the text takes beyond its box is free (no other text, number
or logo of the slide), the box is made as tall as its text on that slide: the text
stays where it stands (a box anchored at the top grows down, one anchored at the bottom
grows up, one in the middle both ways; a strip at the slide's edge may reach past it, as
its text does), and the box, selected in PowerPoint, holds what it shows. The layout
itself is not changed.
"""

from __future__ import annotations

from dataclasses import replace

from .boxes import Box, overlap
from .plan import SlidePlan, TextPlan
from .template import Frame, LayoutInfo, TemplateInfo

#: A text this much taller than its box (points) is left as it is: measuring is not
#: that exact, and a box a hair too short shows no difference.
SLACK_PT = 1.0

def grown(text: TextPlan, frame: Frame) -> tuple[float, float] | None:
    """(how far the box's top moves, how much taller it gets) for a text taller than its
    box; ``None`` for a text its box holds."""
    short = text.height - frame.inner_height
    if not text.height or short <= SLACK_PT:
        return None
    return -short * {"top": 0.0, "middle": 0.5, "bottom": 1.0}[text.anchored_at], short


def _texts(slide: SlidePlan) -> list[TextPlan]:
    return [*slide.texts, *([slide.footer] if slide.footer else [])]


def _others(slide: SlidePlan, layout: LayoutInfo, text: TextPlan) -> list[Box]:
    """What else stands on the slide: its other texts, its slide number, its logo."""
    boxes = [layout.placeholders[other.placeholder].frame.box
             for other in _texts(slide) if other is not text]
    if slide.numbered:
        boxes += [p.frame.box for p in layout.placeholders if p.kind == "slide_number"]
    if slide.logo is not None:
        logo = slide.logo
        boxes.append((logo.left, logo.top, logo.width, logo.height))
    return boxes


def _with_room(text: TextPlan, slide: SlidePlan, layout: LayoutInfo) -> TextPlan:
    """The text, its box made as tall as it where the room that takes is free."""
    frame = layout.placeholders[text.placeholder].frame
    growth = grown(text, frame)
    if growth is None:
        return text
    top, bottom = frame.top + growth[0], frame.top + frame.height + growth[0] + growth[1]
    added = [(frame.left, top, frame.width, frame.top - top),  # above, below
             (frame.left, frame.top + frame.height, frame.width,
              bottom - frame.top - frame.height)]
    # what overlapped the box already (a date box across a footer strip) may stay
    if any(overlap(part, other) for part in added for other in _others(slide, layout, text)):
        return text
    return replace(text, grow=growth)


def with_room_for_text(slides: tuple[SlidePlan, ...], template: TemplateInfo
                       ) -> tuple[SlidePlan, ...]:
    """The slides, each box shorter than its text made as tall as its text where that
    space is free."""
    result = []
    for slide in slides:
        layout = template.layout_of(slide.master, slide.position)
        result.append(replace(
            slide, texts=tuple(_with_room(text, slide, layout) for text in slide.texts),
            footer=_with_room(slide.footer, slide, layout) if slide.footer else None))
    return tuple(result)
