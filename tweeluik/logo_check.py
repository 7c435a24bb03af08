"""Whether the organisation's logo shows on the paper it is printed on.

A check on the content model and the theme (between step 2 and the writers), like the
glyph check: a logo drawn in white for dark backgrounds all but disappears on the
booklet's covers and the web edition's page, which are the theme's paper colour. The
deck's planner makes the same judgement against what each template draws.
"""

from __future__ import annotations

from .colours import relative_luminance
from .errors import WARNING, Diagnostic, printable
from .images import hardly_shows
from .model import Publication
from .theme import Theme


def paper_logo_warnings(publication: Publication, theme: Theme) -> list[Diagnostic]:
    """A warning at the logo's line when its drawing hardly shows on the paper."""
    logo = publication.meta.logo
    paper = theme.colours.get("paper", "#FFFFFF")
    lightness = relative_luminance(paper)
    if logo is None or not hardly_shows(logo.ink, lightness):
        return []
    where = "white paper" if paper.upper() == "#FFFFFF" else f"paper colour {paper}"
    kind = "light" if lightness > 0.5 else "dark"
    return [Diagnostic(publication.source, logo.line,
                       f"the logo '{printable(logo.path.name)}' is drawn in colours too close "
                       f"to the {where} of the booklet's covers and the web page to be seen; "
                       f"use the organisation's logo made for {kind} backgrounds", WARNING)]
