"""Render a booklet layout's Jinja2 template into one HTML document, in a sandbox.

Step 3a of the pipeline (booklet writer, first half): the view of the publication
(plain data, see ``view``) + theme → one HTML string. The template runs in Jinja2's
immutable sandbox and may read only its own layout folder, so a layout can neither
read files elsewhere nor reach Python internals. Content is always data: Jinja2
autoescapes it, and inline HTML is escaped before it is marked safe.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from ..errors import SourceError
from ..layout_folders import MAIN_TEMPLATE, STYLESHEET, available_layouts
from ..model import Publication
from ..paths import real
from ..theme import Theme
from .fetcher import virtual_url
from .layout_sandbox import BoundedSandbox, layout_environment, render_layout
from .view import NO_FITTING, Fitting, ImageURL, LinkNotes, publication_to_view


@dataclass(frozen=True)
class BookletLayout:
    """A booklet layout: a folder in ``layouts/`` holding booklet.html and booklet.css."""

    name: str
    folder: Path

    @property
    def stylesheet(self) -> Path:
        return self.folder / STYLESHEET

    @property
    def base_url(self) -> str:
        """The layout folder's checkout-independent address, for relative URLs in it."""
        return virtual_url("layouts", self.name) + "/"


def find_layout(publication: Publication, layouts: Path) -> BookletLayout:
    """The layout the publication names; a clear error listing the others when it is missing."""
    name = publication.meta.layout
    folder = layouts / name
    if not (folder / MAIN_TEMPLATE).is_file() or not (folder / STYLESHEET).is_file():
        existing = ", ".join(available_layouts(layouts)) or "none"
        raise SourceError(publication.source, publication.meta.line_of("layout"),
                          f"there is no booklet layout '{name}' in layouts/ (a folder with "
                          f"{MAIN_TEMPLATE} and {STYLESHEET}); layouts that exist: {existing}")
    return BookletLayout(name, folder)


def font_face_rules(theme: Theme, layouts: Path) -> list[str]:
    """@font-face rules for the theme's fonts, at checkout-independent addresses."""
    rules = []
    root = real(layouts)
    for face in (theme.serif, theme.sans):
        for style, path in face.files.items():
            url = virtual_url("layouts", PurePosixPath(*path.relative_to(root).parts))
            rules.append(
                f'@font-face {{ font-family: "{face.family}"; '
                f'font-weight: {"bold" if "bold" in style else "normal"}; '
                f'font-style: {"italic" if "italic" in style else "normal"}; '
                f'src: url("{url}"); }}')
    return rules


def stylesheet_text(theme: Theme, layout: BookletLayout, layouts: Path) -> str:
    """The booklet's whole stylesheet: the theme's fonts and variables, then booklet.css."""
    return "\n".join([*font_face_rules(theme, layouts), theme.css_variables(),
                      layout.stylesheet.read_text(encoding="utf-8")])


def publication_to_html(publication: Publication, theme: Theme, layout: BookletLayout,
                        layouts: Path, created: dt.datetime, image_url: ImageURL,
                        links: LinkNotes | None = None, standalone: bool = False,
                        fitting: Fitting = NO_FITTING,
                        environment: BoundedSandbox | None = None) -> str:
    """Render the publication through ``layout`` into one HTML document.

    With ``standalone``, the stylesheet is put inline, so the HTML renders on its own;
    otherwise the renderer supplies it (parsed once per session). ``environment`` is the
    layout's sandbox when the caller keeps one (see ``tweeluik.session``).
    """
    view = publication_to_view(publication, image_url, created, links, fitting)
    return render_layout(
        environment or layout_environment(layout.folder, "the booklet"),
        layout.folder / MAIN_TEMPLATE,
        pub=view,
        labels=view["labels"],
        stylesheet=Markup(stylesheet_text(theme, layout, layouts)) if standalone else None,
    )
