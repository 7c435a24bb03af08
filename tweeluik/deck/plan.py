"""The deck's plan: plain data, the contract between the planner and the writers.

Step 3a's result (like Pandoc's ``Presentation.hs`` types): a ``DeckPlan`` with one
``SlidePlan`` per slide, every text already measured and sized (``TextPlan``), pictures
and the logo placed. ``planner`` makes it; ``pptx_writer`` writes it with python-pptx and
``plan_pictures`` draws it. Being data, the plan is tested without a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic
from .template import (
    TextStyle,
)


@dataclass(frozen=True)
class RunPlan:
    """A run of text with its own emphasis or link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    accent: bool = False


@dataclass(frozen=True)
class TextPlan:
    """What goes into one placeholder: paragraphs of runs, their size, and, in
    tweeluik's design, how they are set (in a template's design, the template decides)."""

    role: str
    paragraphs: tuple[tuple[RunPlan, ...], ...]
    size: float                 # points, chosen by measuring
    placeholder: int            # the placeholder's position in its layout
    clone: bool = False         # a date or footer placeholder: the writer adds it
    design: bool = True         # set our typeface, colour and style below
    typeface: str = "sans"      # "sans" or "serif", resolved through the theme
    bold: bool = False
    italic: bool = False
    colour: str = "ink"
    caps: bool = False
    anchor: str = "top"
    line_pitch: bool = True     # write our exact line spacing (we measured with it)
    style: TextStyle | None = None  # in a template's design: its style, written out
    height: float = 0.0         # the measured height of the text (0: unknown, the whole box)
    width: float = 0.0          # and of its widest line (0: unknown, the whole box)
    #: margins (points: left, top, right, bottom) wider than the layout's, to keep off a
    #: drawing of the template
    insets: tuple[float, float, float, float] | None = None
    #: a box shorter than its text, made taller on the slide (``box_room``): how far its
    #: top moves and how much it grows, in points
    grow: tuple[float, float] | None = None
    #: one size per paragraph where they differ (names set smaller under closing words);
    #: empty: every paragraph at ``size``
    paragraph_sizes: tuple[float, ...] = ()
    #: each paragraph a point of a list: a bullet, the lines hung ``fit.BULLET_HANG`` in
    bulleted: bool = False

    @property
    def anchored_at(self) -> str:
        """Where in its box the text stands: 'top', 'middle' or 'bottom' (ours in our
        design, the template's style in its own)."""
        if self.design:
            return self.anchor
        return XML_ANCHORS.get((self.style.anchor if self.style else None) or "t", "top")

    def size_of(self, paragraph: int) -> float:
        """The size of paragraph number ``paragraph`` (from 0)."""
        return self.paragraph_sizes[paragraph] if self.paragraph_sizes else self.size


@dataclass(frozen=True)
class PicturePlan:
    """An image for a picture placeholder, with its alternative text."""

    path: Path
    alt: str
    width_px: int
    height_px: int
    placeholder: int = 0


@dataclass(frozen=True)
class LogoPlan:
    """The organisation's logo on the title or closing slide: its file and its place,
    in points from the slide's top left corner."""

    path: Path
    format: str  # "png", "jpeg" or "svg"
    left: float
    top: float
    width: float
    height: float
    alt: str


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its kind, the layout it uses, its texts, picture and speaker notes."""

    kind: str
    layout: str
    texts: tuple[TextPlan, ...]
    notes: tuple[str, ...]
    picture: PicturePlan | None = None
    source_line: int | None = None
    master: int = 0
    position: int = 0               # the layout's position among its master's layouts
    footer: TextPlan | None = None  # the template's own footer text, when it has one
    logo: LogoPlan | None = None
    numbered: bool = True           # the layout's slide number box gets the number

    def text(self, role: str) -> TextPlan | None:
        return next((text for text in self.texts if text.role == role), None)


@dataclass(frozen=True)
class DeckPlan:
    """The whole deck: slides, document properties, and warnings for the author."""

    slides: tuple[SlidePlan, ...]
    title: str
    author: str
    subject: str
    keywords: str
    language_tag: str
    design: str = "tweeluik"
    warnings: tuple[Diagnostic, ...] = field(default=())
    #: The template's printed fill-in hints ('<Project name>') to take out of the deck.
    hints_left_out: tuple[str, ...] = ()


#: The vertical anchors of OOXML, in the words of ``TextPlan.anchor``.
XML_ANCHORS = {"t": "top", "ctr": "middle", "b": "bottom"}
