"""Turn a publication into the booklet's HTML, through the layout's Jinja2 templates.

Step 3a of the pipeline (booklet writer, first half): content model + theme → one HTML
string. Content is always data: Jinja2 autoescapes it, and inline text is escaped here
before it is marked safe, so nothing an author types can become markup or template code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..errors import SourceError
from ..labels import LANGUAGE_TAGS, format_date, labels_for
from ..model import Code, Emph, Inlines, LineBreak, Link, Publication, Strong, Text, plain_text
from ..theme import Theme

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


def inline_html(inlines: Inlines) -> Markup:
    """Inline content as escaped HTML."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(str(escape(node.text)))
        elif isinstance(node, Code):
            parts.append(f"<code>{escape(node.text)}</code>")
        elif isinstance(node, LineBreak):
            parts.append("<br>")
        elif isinstance(node, Emph):
            parts.append(f"<em>{inline_html(node.children)}</em>")
        elif isinstance(node, Strong):
            parts.append(f"<strong>{inline_html(node.children)}</strong>")
        elif isinstance(node, Link):
            parts.append(f'<a href="{escape(node.href)}">{inline_html(node.children)}</a>')
    return Markup("".join(parts))


def _kind(node: object) -> str:
    return type(node).__name__.lower()


_ENVIRONMENTS: dict[Path, jinja2.Environment] = {}


def _environment(layout: BookletLayout) -> jinja2.Environment:
    """The Jinja2 environment of a layout; kept per process, so a warm rebuild reuses
    compiled templates (Jinja2 reloads a template whose file changed)."""
    if layout.folder in _ENVIRONMENTS:
        return _ENVIRONMENTS[layout.folder]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(layout.folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = inline_html
    env.filters["plain"] = plain_text
    env.filters["kind"] = _kind
    env.filters["uri"] = lambda path: Path(path).resolve().as_uri()
    _ENVIRONMENTS[layout.folder] = env
    return env


def stylesheet_text(theme: Theme, layout: BookletLayout) -> str:
    """The booklet's whole stylesheet: the theme's fonts and variables, then booklet.css."""
    rules = []
    for face in (theme.serif, theme.sans):
        for style, path in face.files.items():
            rules.append(
                f'@font-face {{ font-family: "{face.family}"; '
                f'font-weight: {"bold" if "bold" in style else "normal"}; '
                f'font-style: {"italic" if "italic" in style else "normal"}; '
                f'src: url("{path.as_uri()}"); }}')
    rules.append(theme.css_variables())
    rules.append(layout.stylesheet.read_text(encoding="utf-8"))
    return "\n".join(rules)


def publication_to_html(publication: Publication, theme: Theme, layout: BookletLayout,
                        created: dt.datetime, standalone: bool = False) -> str:
    """Render the publication through ``layout`` into one HTML document.

    With ``standalone``, the stylesheet is put inline, so the HTML renders on its own;
    otherwise the renderer supplies it (parsed once per process).
    """
    meta = publication.meta
    date_line = format_date(meta.date, meta.language) if meta.date else meta.date_text
    year = str(meta.date.year) if meta.date else None
    try:
        template = _environment(layout).get_template(MAIN_TEMPLATE)
        return template.render(
            pub=publication,
            meta=meta,
            labels=labels_for(meta.language),
            language_tag=LANGUAGE_TAGS[meta.language],
            date_line=date_line,
            year=year,
            stylesheet=Markup(stylesheet_text(theme, layout)) if standalone else None,
            created=created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    except jinja2.TemplateSyntaxError as error:
        raise SourceError(Path(error.filename or layout.folder / MAIN_TEMPLATE), error.lineno,
                          f"template error: {error.message}") from None
    except jinja2.TemplateError as error:
        raise SourceError(layout.folder / MAIN_TEMPLATE, None,
                          f"template error: {error}") from None
