"""The deck writer: publication → slide plan → .pptx bytes.

``pptx_reader`` opens the template and describes it (``template``), ``plan`` decides
what goes on each slide and measures it, ``pptx_writer`` writes the plan into the
template with python-pptx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic
from ..hyphenation import read_exceptions
from ..layout_folders import template_path
from ..model import Publication
from ..theme import Theme
from .plan import DeckPlan
from .planner import publication_to_deck_plan
from .template import TemplateInfo


@dataclass(frozen=True)
class BuiltDeck:
    """The .pptx file's bytes, its plan, and the warnings for the author."""

    pptx: bytes
    plan: DeckPlan
    warnings: tuple[Diagnostic, ...]


def load_template(publication: Publication, layouts: Path):
    """(the cleaned presentation to write into, its description)."""
    from . import pptx_reader, template_package  # python-pptx only when a deck is made

    path = template_path(publication, layouts)
    presentation, removed = template_package.open_template(path, publication.source,
                                                           publication.meta.line_of("deck"))
    return presentation, pptx_reader.describe_template(presentation, path.name, removed)


def plan_deck(publication: Publication, theme: Theme, layouts: Path) -> DeckPlan:
    """The deck's plan alone (for ``--check``): what each slide would say, and warnings."""
    _, template = load_template(publication, layouts)
    return publication_to_deck_plan(publication, theme, template, layouts / "fonts",
                                    read_exceptions(layouts))


def build_deck(publication: Publication, theme: Theme, layouts: Path,
               created: dt.datetime) -> BuiltDeck:
    """Plan and write the slide deck for ``publication``."""
    from . import pptx_writer

    presentation, template = load_template(publication, layouts)
    plan = publication_to_deck_plan(publication, theme, template, layouts / "fonts",
                                    read_exceptions(layouts))
    data = pptx_writer.write_deck(plan, presentation, theme, created)
    return BuiltDeck(data, plan, plan.warnings)


def sketch_slides(publication: Publication, theme: Theme, layouts: Path) -> list[bytes]:
    """Each slide drawn from the deck's plan, as PNG bytes: what the studio shows where
    LibreOffice is not installed to draw the .pptx itself."""
    from .plan_pictures import draw_slides
    _, template = load_template(publication, layouts)
    plan = publication_to_deck_plan(publication, theme, template, layouts / "fonts",
                                    read_exceptions(layouts))
    return draw_slides(plan, template, theme, layouts / "fonts")


__all__ = ["BuiltDeck", "TemplateInfo", "build_deck", "load_template", "plan_deck",
           "sketch_slides", "template_path"]
