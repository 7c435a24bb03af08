"""The one Markdown parser and the body's typography: quotes, dashes and elisions.

Step 2 (the reader, with ``parse``). markdown-it-py reads CommonMark with typographic
quotes (“zo”), dashes (-- → –) and Dutch elisions (’s avonds), and ``::: notes`` blocks
for speaker notes; ``smarten`` gives a line of front matter the same typography.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.container import container_plugin

from .model import Meta
from .text_limits import MAX_DEPTH

#: The names a ``::: notes`` block of speaker notes may have.
NOTES_NAMES = ("notes", "notities", "notitie", "sprekersnotities")
_ELISION = re.compile(r"(?<![\w’'])'(?=(?:s|t|k|n|m|\d\d)\b)", re.IGNORECASE)


def smarten_meta(meta: Meta) -> Meta:
    """The front matter's text with the body's typography."""
    def smart(text: str | None) -> str | None:
        return None if text is None else smarten(text, meta.language)
    return dataclasses.replace(
        meta,
        title=smarten(meta.title, meta.language),
        subtitle=smart(meta.subtitle),
        organisation=smart(meta.organisation),
        description=smart(meta.description),
        date_text=smart(meta.date_text),
        signatories=tuple(smarten(name, meta.language) for name in meta.signatories),
    )


def _dutch_elisions(state: StateCore) -> None:
    """Make ’s, ’t, ’k, ’n and ’90 apostrophes before smartquotes pairs them as quotes."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "text" and "'" in child.content:
                    child.content = _ELISION.sub("’", child.content)


#: The typographer's dashes and ellipsis, as markdown-it makes them ("---", "--", "..."),
#: and nothing more: its other replacements change what the author wrote ("(c) water"
#: in a list (a), (b), (c) became "© water", "?????" became "???", "+-" "±").
_EM_DASH = re.compile(r"(^|[^-])---(?=[^-]|$)", re.MULTILINE)
_EN_DASH = re.compile(r"(^|\s)--(?=\s|$)|(^|[^-\s])--(?=[^-\s]|$)", re.MULTILINE)
#: Three periods are an ellipsis; a longer run is dots typed to write on ('Naam: ......'),
#: kept as typed.
_ELLIPSIS = re.compile(r"(?<!\.)\.{3}(?!\.)")


def _dashes_and_ellipses(state: StateCore) -> None:
    """'---' → em dash, '--' → en dash, '...' → ellipsis, in text outside links written
    as addresses (``<https://…>``)."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        in_address = False
        for child in token.children:
            if child.type == "link_open" and child.info == "auto":
                in_address = True
            elif child.type == "link_close" and child.info == "auto":
                in_address = False
            elif child.type == "text" and not in_address and ("--" in child.content
                                                                or "..." in child.content):
                text = _EM_DASH.sub("\\1\u2014", child.content)
                text = _EN_DASH.sub(lambda found: (found.group(1) or found.group(2) or "")
                                    + "\u2013", text)
                child.content = _ELLIPSIS.sub("…", text)


#: Typographic quotes by the publication's language: double, then single, opening and
#: closing (German opens low: „so“).
QUOTES = {"nl": "“”‘’", "en": "“”‘’", "de": "„“‚‘"}


@lru_cache(maxsize=len(QUOTES))
def markdown_parser(language: str = "nl") -> MarkdownIt:
    """The one Markdown parser: CommonMark with tables ('| Jaar | Leden |'), typographic
    quotes in the publication's language, dashes and ellipses, notes blocks."""
    md = MarkdownIt("commonmark", {"typographer": True, "quotes": QUOTES.get(language, "“”‘’"),
                                   "html": True, "maxNesting": MAX_DEPTH * 2})
    md.enable(["smartquotes", "table"])
    md.core.ruler.before("smartquotes", "dashes_and_ellipses", _dashes_and_ellipses)
    md.core.ruler.before("smartquotes", "dutch_elisions", _dutch_elisions)
    md.use(container_plugin, name="notes",
           validate=lambda params, *args: params.strip().lower() in NOTES_NAMES)
    return md


def smarten(text: str, language: str = "nl") -> str:
    """Apply the body's typography (quotes, dashes) to a line of front-matter text."""
    tokens = markdown_parser(language).parseInline(text)
    pieces = []
    for child in tokens[0].children or []:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return "".join(pieces) or text
