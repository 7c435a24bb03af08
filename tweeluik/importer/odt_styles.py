"""OpenDocument's styles, resolved (step 0, bringing a letter in, for LibreOffice files).

A paragraph or a run of text in an OpenDocument file names a style; the style may be
based on another, which may set what it leaves unset (bold, italics, an outline level, a
list style). This module reads the named and automatic styles of ``styles.xml`` and
``content.xml`` and resolves each through the styles it is based on, so that
``odt_reader`` asks one question per paragraph: what does its style make it? It also
holds the namespaces and the element helpers both modules use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}


def tag(name: str) -> str:
    """The element or attribute name 'text:p' in lxml's form, with its namespace."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def attribute(element, name: str) -> str:
    """An attribute's value ('text:style-name'), or '' when the element has none."""
    return element.get(tag(name)) or ""


#: How many styles based on each other are followed (a loop of them ends).
MAX_CHAIN = 40
#: The names (and display names) of the paragraph styles a letter's parts are set in.
TITLE_STYLES = {"title", "titel"}
QUOTE_STYLES = {"quotations", "quotation", "quote", "citaat", "zitat"}
CAPTION_STYLES = {"caption", "illustration", "figure", "table", "drawing", "text",
                  "bijschrift", "beschriftung", "abbildung", "tabelle"}
_BOLD = {"bold", "600", "700", "800", "900"}


@dataclass(frozen=True)
class ParagraphStyle:
    """What a paragraph's style (and those it is based on) makes the paragraph."""

    bold: bool = False
    italic: bool = False
    heading: int = 0            # an outline level its style gives it
    title: bool = False
    quote: bool = False
    caption: bool = False
    list_style: str = ""


@dataclass
class Styles:
    """The document's styles, each resolved through the styles it is based on."""

    paragraph: dict[str, ParagraphStyle] = field(default_factory=dict)
    text: dict[str, tuple[bool, bool]] = field(default_factory=dict)  # (bold, italic)
    lists: dict[str, dict[int, tuple[str, int]]] = field(default_factory=dict)  # level →
    # ("number" or "bullet", its first number)


def read_styles(*roots) -> Styles:
    """The paragraph, text and list styles of the documents' named and automatic styles
    (``styles.xml`` and ``content.xml``), each with what it inherits."""
    found: dict[str, etree._Element] = {}
    styles = Styles()
    for root in roots:
        for container in ("office:styles", "office:automatic-styles"):
            holder = root.find(tag(container))
            if holder is None:
                continue
            for element in holder:
                name = attribute(element, "style:name")
                if element.tag == tag("style:style") and name:
                    found[f"{attribute(element, 'style:family')}:{name}"] = element
                elif element.tag == tag("text:list-style") and name:
                    styles.lists[name] = _list_levels(element)
    for key, element in found.items():
        family, name = key.split(":", 1)
        chain = _chain(found, family, element)
        if family == "paragraph":
            styles.paragraph[name] = _paragraph_style(chain)
        elif family == "text":
            styles.text[name] = (_bold(chain), _italic(chain))
    return styles


def _chain(found: dict, family: str, element) -> list:
    """A style and the styles it is based on, nearest first (bounded: a loop of styles
    based on each other ends)."""
    chain = [element]
    while len(chain) < MAX_CHAIN:
        parent = found.get(f"{family}:{attribute(chain[-1], 'style:parent-style-name')}")
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain


def _text_property(chain: list, name: str) -> str:
    for element in chain:
        properties = element.find(tag("style:text-properties"))
        if properties is not None and properties.get(tag(name)):
            return properties.get(tag(name))
    return ""


def _bold(chain: list) -> bool:
    return _text_property(chain, "fo:font-weight") in _BOLD


def _italic(chain: list) -> bool:
    return _text_property(chain, "fo:font-style") in ("italic", "oblique")


def _paragraph_style(chain: list) -> ParagraphStyle:
    names = {value.lower().replace("_20_", " ") for element in chain
             for value in (attribute(element, "style:name"),
                           attribute(element, "style:display-name")) if value}
    level = next((attribute(element, "style:default-outline-level") for element in chain
                  if attribute(element, "style:default-outline-level")), "")
    list_style = next((attribute(element, "style:list-style-name") for element in chain
                       if attribute(element, "style:list-style-name")), "")
    return ParagraphStyle(bold=_bold(chain), italic=_italic(chain),
                           heading=int(level) if level.isdigit() else 0,
                           title=bool(names & TITLE_STYLES), quote=bool(names & QUOTE_STYLES),
                           caption=bool(names & CAPTION_STYLES), list_style=list_style)


def _list_levels(element) -> dict[int, tuple[str, int]]:
    levels = {}
    for level in element:
        number = attribute(level, "text:level")
        if not number.isdigit():
            continue
        start = attribute(level, "text:start-value")
        if level.tag == tag("text:list-level-style-bullet"):
            levels[int(number)] = ("bullet", 1)
        elif level.tag == tag("text:list-level-style-number"):
            # a level without a number format shows none ('style:num-format=""'): a bullet
            shown = attribute(level, "style:num-format")
            levels[int(number)] = ("number" if shown else "bullet",
                                   int(start) if start.isdigit() else 1)
        else:  # a picture as the bullet
            levels[int(number)] = ("bullet", 1)
    return levels
