"""Where in ``layouts/`` each writer finds its files.

Shared by the writers (step 3) and the build's record of what each output is made from
(step 4, ``builder.inputs_of``). It imports no writer, so that the build can name a
deck's or a web page's inputs without loading python-pptx or the web edition (85 ms of
a cold build, spent in the process that lays out the booklet).
"""

from __future__ import annotations

from pathlib import Path

from .model import Publication

DEFAULT_TEMPLATE = Path("deck") / "default.pptx"
WEB_LAYOUT = "web"


def template_path(publication: Publication, layouts: Path) -> Path:
    """The template the publication asks for, or the default one in layouts/."""
    return publication.meta.deck.template or layouts / DEFAULT_TEMPLATE
