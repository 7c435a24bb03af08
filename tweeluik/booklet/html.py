"""Render a booklet layout's Jinja2 template into one HTML document, in a sandbox.

Step 3a of the pipeline (booklet writer, first half): the view of the publication
(plain data, see ``view``) + theme → one HTML string. The template runs in Jinja2's
immutable sandbox and may read only its own layout folder, so a layout can neither
read files elsewhere nor reach Python internals. Content is always data: Jinja2
autoescapes it, and inline HTML is escaped before it is marked safe.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..errors import SourceError
from ..model import Publication
from ..paths import real
from ..theme import Theme
from .fetcher import virtual_url
from .view import NO_FITTING, Fitting, ImageURL, LinkNotes, publication_to_view

MAIN_TEMPLATE = "booklet.html"
STYLESHEET = "booklet.css"


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


def available_layouts(layouts: Path) -> list[str]:
    """Names of the folders in ``layouts/`` that hold a booklet layout."""
    return sorted(p.parent.name for p in layouts.glob(f"*/{MAIN_TEMPLATE}"))


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


class LayoutLoader(jinja2.FileSystemLoader):
    """Loads templates from the layout folder only: no symbolic link leads out of it."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        root = real(self.searchpath[0])
        if filename is None or not real(filename).is_relative_to(root):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def _unknown_kind(kind: object) -> None:
    raise SecurityError(f"the layout has no case for content of kind {kind!r}; add one to "
                        f"{MAIN_TEMPLATE} so that nothing is left out of the booklet")


_ENVIRONMENTS: dict[Path, jinja2.Environment] = {}


def _environment(layout: BookletLayout) -> jinja2.Environment:
    """The sandboxed Jinja2 environment of a layout; kept per process, so a warm rebuild
    reuses compiled templates (Jinja2 reloads a template whose file changed)."""
    if layout.folder in _ENVIRONMENTS:
        return _ENVIRONMENTS[layout.folder]
    env = ImmutableSandboxedEnvironment(
        loader=LayoutLoader(layout.folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["unknown_kind"] = _unknown_kind
    _ENVIRONMENTS[layout.folder] = env
    return env


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
                        fitting: Fitting = NO_FITTING) -> str:
    """Render the publication through ``layout`` into one HTML document.

    With ``standalone``, the stylesheet is put inline, so the HTML renders on its own;
    otherwise the renderer supplies it (parsed once per process).
    """
    view = publication_to_view(publication, image_url, created, links, fitting)
    template_path = layout.folder / MAIN_TEMPLATE
    try:
        template = _environment(layout).get_template(MAIN_TEMPLATE)
        return template.render(
            pub=view,
            labels=view["labels"],
            stylesheet=Markup(stylesheet_text(theme, layout, layouts)) if standalone else None,
        )
    except jinja2.TemplateSyntaxError as error:
        where = Path(error.filename) if error.filename else template_path
        raise SourceError(where, error.lineno, f"template error: {error.message}") from None
    except SecurityError as error:
        raise SourceError(template_path, _template_line(), f"the layout is not allowed to do "
                          f"this: {error}") from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as error:
        raise SourceError(template_path, _template_line(), f"template error: {error}") from None


def _template_line() -> int | None:
    """The template line being rendered when an error was raised, from the traceback."""
    import sys
    import traceback
    frames = traceback.extract_tb(sys.exc_info()[2])
    lines = [frame.lineno for frame in frames
             if frame.filename and os.path.basename(frame.filename) == MAIN_TEMPLATE]
    return lines[-1] if lines else None
