"""Where in ``layouts/`` each writer finds its files.

Shared by the writers (step 3), the build's record of what each output is made from
(step 4, ``builder.inputs_of``) and the import (step 0, which tells a site's page layout
from a booklet layout). It imports no writer, so that the build can name a
deck's or a web page's inputs without loading python-pptx or the web edition (85 ms of
a cold build, spent in the process that lays out the booklet).
"""

from __future__ import annotations

from pathlib import Path

from .model import Publication

DEFAULT_TEMPLATE = Path("deck") / "default.pptx"
WEB_LAYOUT = "web"
#: A booklet layout is a folder in layouts/ holding these two.
MAIN_TEMPLATE = "booklet.html"
STYLESHEET = "booklet.css"


def available_layouts(layouts: Path) -> list[str]:
    """Names of the folders in ``layouts/`` that hold a booklet layout."""
    return sorted(p.parent.name for p in layouts.glob(f"*/{MAIN_TEMPLATE}"))


def template_path(publication: Publication, layouts: Path) -> Path:
    """The template the publication asks for, or the default one in layouts/."""
    return publication.meta.deck.template or layouts / DEFAULT_TEMPLATE
