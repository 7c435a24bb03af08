"""The deck writer: publication → slide plan → .pptx bytes.

``plan`` decides what goes on each slide and measures it; ``pptx_writer`` writes the
plan into a template with python-pptx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic
from ..model import Publication
from ..theme import Theme
from .plan import DeckPlan, publication_to_deck_plan

DEFAULT_TEMPLATE = Path("deck") / "default.pptx"


@dataclass(frozen=True)
class BuiltDeck:
    """The .pptx file's bytes, its plan, and the warnings for the author."""

    pptx: bytes
    plan: DeckPlan
    warnings: tuple[Diagnostic, ...]


def template_path(publication: Publication, layouts: Path) -> Path:
    """The template the publication asks for, or the default one in layouts/."""
    return publication.meta.deck.template or layouts / DEFAULT_TEMPLATE


def plan_deck(publication: Publication, theme: Theme, layouts: Path) -> DeckPlan:
    """The deck's plan alone (for ``--check``): what each slide would say, and warnings."""
    from . import pptx_writer

    template = template_path(publication, layouts)
    presentation = pptx_writer.open_template(template, publication.source,
                                             publication.meta.line_of("deck"))
    return publication_to_deck_plan(publication, theme,
                                    pptx_writer.read_layout_geometry(presentation))


def build_deck(publication: Publication, theme: Theme, layouts: Path,
               created: dt.datetime) -> BuiltDeck:
    """Plan and write the slide deck for ``publication``."""
    from . import pptx_writer  # python-pptx is imported only when a deck is written

    template = template_path(publication, layouts)
    presentation = pptx_writer.open_template(template, publication.source,
                                             publication.meta.line_of("deck"))
    geometry = pptx_writer.read_layout_geometry(presentation)
    plan = publication_to_deck_plan(publication, theme, geometry)
    data = pptx_writer.write_deck(plan, presentation, theme, created, geometry,
                                  apply_theme=publication.meta.deck.template is None)
    return BuiltDeck(data, plan, plan.warnings)
