"""What each text on a slide is, and how tweeluik's own design sets it (step 3a).

The roles of a slide's texts (title, key message, names …) in words for warnings, and
the typeface, weight, colour and sizes our design gives each; which design a
publication's deck uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import (
    Publication,
)

DESIGNS = ("template", "tweeluik")


ROLE_WORDS = {"title": "title", "subtitle": "subtitle", "message": "key message",
              "body": "text", "number": "number", "organisation": "organisation",
              "date": "date", "signatories": "signatories", "label": "title label"}


# --- text styles per role in tweeluik's design ---------------------------------------


@dataclass(frozen=True)
class RoleStyle:
    """How a role's text is set in our design; its sizes come from the theme's [deck]."""

    typeface: str
    sizes: str
    bold: bool = False
    italic: bool = False
    colour: str = "ink"
    caps: bool = False
    anchor: str = "top"
    can_shorten: bool = False


ROLE_STYLES = {
    ("title", "organisation"): RoleStyle("sans", "organisation", bold=True, colour="muted",
                                         caps=True),
    ("title", "title"): RoleStyle("sans", "title", bold=True, anchor="bottom"),
    ("title", "subtitle"): RoleStyle("serif", "subtitle", italic=True, colour="muted"),
    ("title", "date"): RoleStyle("sans", "date", colour="muted"),
    ("agenda", "title"): RoleStyle("sans", "agenda_title", bold=True, colour="accent", caps=True),
    ("agenda", "body"): RoleStyle("sans", "agenda"),
    ("lesson", "number"): RoleStyle("sans", "number", bold=True, colour="accent"),
    ("lesson", "title"): RoleStyle("sans", "lesson_title", bold=True, anchor="bottom"),
    ("lesson", "message"): RoleStyle("serif", "key_message", italic=True, can_shorten=True),
    ("closing", "title"): RoleStyle("sans", "closing_title", bold=True),
    ("closing", "body"): RoleStyle("serif", "closing", italic=True, can_shorten=True),
    ("closing", "signatories"): RoleStyle("sans", "signatories", colour="muted"),
}


def role_style(kind: str, role: str) -> RoleStyle:
    return ROLE_STYLES[("lesson" if kind == "lesson_picture" else kind, role)]


def design_of(publication: Publication) -> str:
    """tweeluik's design for our own template, else what the front matter says (the
    template's own by default)."""
    if publication.meta.deck.template is None:
        return "tweeluik"
    return publication.meta.deck.design
