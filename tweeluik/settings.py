"""Read a source's front matter into a checked ``Meta``: the publication's settings.

Step 1 of the pipeline, with ``source``: the lines between the two ``---`` → YAML read
safely (bounded in depth and size) → every setting checked against what tweeluik knows,
each problem with its line and what to write instead (a misspelt key gets a "did you
mean"). Reading goes on past a mistake, so one run reports them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import unicodedata
from pathlib import Path

import yaml

from .errors import Diagnostics, printable
from .front_matter import FIRST_LINE, FrontMatterLoader, front_matter_root
from .model import DeckSettings, Meta
from .paths import real
from .source_characters import REFUSED, char_name

LANGUAGES = ("nl", "en", "de")


DECK_ROLES = ("title", "agenda", "lesson", "lesson_picture", "closing")


LINK_STYLES = ("footnotes", "off")


#: Longest value of each one-line setting, in characters (PowerPoint's document
#: properties hold at most 255; a cover holds less than that anyway).
MAX_LENGTH = {"title": 255, "subtitle": 300, "organisation": 255, "date": 100,
              "description": 600, "layout": 60}


MAX_KEYWORDS_LENGTH = 255


MAX_SIGNATORIES = 40


MAX_NAME_LENGTH = 100


#: Front-matter keys, with what each one holds (shown in errors and in --help).
FRONT_MATTER_KEYS = {
    "title": "the title of the publication (required)",
    "subtitle": "a line under the title",
    "organisation": "who publishes it; becomes the PDF author",
    "date": "a date (2026-12-12) or free text",
    "language": "nl (default), en or de",
    "signatories": "the names under the closing, as a list",
    "description": "one or two sentences for the back cover and the PDF subject",
    "keywords": "a list of keywords for the PDF",
    "layout": "the booklet layout folder in layouts/ (default: booklet)",
    "links": "footnotes (default: a link's address as a footnote on paper) or off",
    "logo": "the organisation's logo: a PNG, JPEG or SVG file in the content folder",
    "cover-image": "a picture for the cover: a PNG, JPEG or SVG file in the content folder",
    "made-with": "true (default) or false: the colophon's line 'made with tweeluik'",
    "deck": "settings for the slides: template, layouts, agenda, master, design",
}


KEY_ALIASES = {"organization": "organisation", "lang": "language", "cover_image": "cover-image",
               "made_with": "made-with"}


DECK_KEYS = ("template", "layouts", "agenda", "master", "design", "logo")


DECK_LOGO = ("auto", "always")


DESIGNS = ("template", "tweeluik")


def front_matter_to_meta(path: Path, front: str, diagnostics: Diagnostics) -> Meta:
    """Check the front matter's YAML and turn it into ``Meta``; every problem is reported
    and the setting falls back to its default, so the body can still be checked."""
    root = front_matter_root(front, diagnostics)
    if root is None:  # what is wrong with it is said
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()

    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    unreadable: set[str] = set()
    for key_node, value_node in root.value:
        line = FIRST_LINE + key_node.start_mark.line
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            diagnostics.error(line, "a setting's name must be a word such as 'title'")
            continue
        key = KEY_ALIASES.get(key, key)
        if key not in FRONT_MATTER_KEYS:
            diagnostics.error(line, f"unknown setting '{printable(key)}'"
                              f"{did_you_mean(key, FRONT_MATTER_KEYS)}; known settings: "
                              f"{', '.join(FRONT_MATTER_KEYS)}")
            continue
        if key in values:
            diagnostics.error(line, f"'{key}' is set twice (first on line {lines[key]}); "
                              "keep one")
            continue
        value_line = FIRST_LINE + value_node.start_mark.line
        try:
            loader = FrontMatterLoader("")
            try:
                values[key] = loader.construct_object(value_node, deep=True)
            finally:
                loader.dispose()
        except yaml.constructor.ConstructorError as error:
            unreadable.add(key)
            problem = printable(error.problem or "").rstrip(".")
            diagnostics.error(value_line, f"'{key}' cannot be read ({problem}); write plain "
                              "text, without a YAML tag such as '!!python/…'")
            continue
        except (ValueError, OverflowError):
            unreadable.add(key)
            if key == "date":
                diagnostics.error(value_line, f"'{printable(str(value_node.value))}' is not a "
                                  "real date; write the date as YYYY-MM-DD, such as 2026-12-12")
            else:
                diagnostics.error(value_line, f"'{key}' cannot be read; write it as plain text "
                                  "in quotes")
            continue
        lines[key] = line
    return _MetaChecker(path, values, lines, diagnostics, front=front,
                        unreadable=frozenset(unreadable)).meta()


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _left_out_of_values(char: str) -> bool:
    """True for an invisible format character (a zero-width space, a direction mark, a
    soft hyphen, a byte-order mark …) in a front-matter value: a title or a name is one
    short line, where such a character only hides or breaks text. The joiner inside emoji
    (U+200D) and the tag characters of a region's flag are kept."""
    return (unicodedata.category(char) == "Cf" and char != "\u200d"
            and not "\U000e0020" <= char <= "\U000e007f")


class _MetaChecker:
    """Checks each front-matter value's type and turns it into a ``Meta`` field."""

    def __init__(self, path: Path, values: dict[str, object], lines: dict[str, int],
                 diagnostics: Diagnostics, broken: bool = False, front: str = "",
                 unreadable: frozenset[str] = frozenset()):
        self.path, self.values, self.lines = path, values, lines
        self.diagnostics = diagnostics
        self.front = front  # the raw text: characters in it were reported already
        self.unreadable = unreadable  # keys whose value could not be read (reported)
        self.broken = broken  # the YAML itself was unreadable: no more messages about it

    def fail(self, key: str, message: str) -> None:
        self.diagnostics.error(self.lines.get(key, 1), message)

    def clean(self, key: str, value: str) -> str | None:
        """A value's text with its white space folded, or ``None`` when it holds
        characters that are refused (each reported)."""
        refused = [found.group() for found in REFUSED.finditer(value)]
        escaped = [char for char in dict.fromkeys(refused) if char not in self.front]
        for char in escaped[:3]:  # written as a YAML escape such as "\x1b"
            self.fail(key, f"'{key}' holds the invisible character U+{ord(char):04X} "
                      f"({char_name(char)}); delete it")
        if refused:
            return None
        invisible = [char for char in dict.fromkeys(value) if _left_out_of_values(char)]
        for char in invisible[:3]:
            self.diagnostics.warning(self.lines.get(key, 1), f"'{key}' holds the invisible "
                                     f"character U+{ord(char):04X} ({char_name(char)}); "
                                     f"tweeluik leaves it out of the {key}")
        if invisible:
            value = "".join(char for char in value if not _left_out_of_values(char))
        return " ".join(value.split())

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.values.get(key)
        if value is None:
            if required and not self.broken and key not in self.unreadable:
                self.diagnostics.error(1, f"the front matter has no '{key}'; add a line "
                                       f"'{key}: …' between the '---' lines")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(key, f"'{key}' must be a line of text, not {_describe(value)}; write "
                      f"it after '{key}:' on one line")
            return None
        text = self.clean(key, str(value))
        if text is None:
            return None
        if not text:
            if required:
                self.fail(key, f"'{key}' is empty; write the {key} after '{key}:'")
            return None
        limit = MAX_LENGTH.get(key)
        if limit and len(text) > limit:
            self.fail(key, f"'{key}' is {len(text)} characters long; keep it under {limit} "
                      "(it has to fit on a cover and in the document properties)")
            return None
        return text

    def text_list(self, key: str, limit: int = 100) -> tuple[str, ...]:
        value = self.values.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            items: list[object] = list(re.split(r"[;,]", value))
        elif isinstance(value, list):
            items = value
        else:
            self.fail(key, f"'{key}' must be a list (one '- name' per line) or names "
                      f"separated by commas, not {_describe(value)}")
            return ()
        if len(items) > limit:
            self.fail(key, f"'{key}' holds {len(items)} entries; at most {limit} fit")
            return ()
        out = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.fail(key, f"every entry of '{key}' must be text, not {_describe(item)}")
                return ()
            text = self.clean(key, str(item))
            if text is None:
                return ()
            if len(text) > MAX_NAME_LENGTH:
                self.fail(key, f"an entry of '{key}' is {len(text)} characters long; keep "
                          f"each under {MAX_NAME_LENGTH}")
                return ()
            if text:
                out.append(text)
        return tuple(out)

    def date(self) -> tuple[dt.date | None, str | None]:
        value = self.values.get("date")
        if value is None:
            return None, None
        if isinstance(value, dt.datetime):
            return value.date(), None
        if isinstance(value, dt.date):
            return value, None
        return None, self.text("date")

    def deck(self) -> DeckSettings:
        value = self.values.get("deck")
        if value is None:
            return DeckSettings()
        if not isinstance(value, dict):
            self.fail("deck", "'deck' holds settings on indented lines below it, for example "
                      "'  template: huisstijl.pptx'")
            return DeckSettings()
        for key in value:
            if key not in DECK_KEYS:
                self.fail("deck", f"unknown deck setting '{printable(str(key))}'"
                          f"{did_you_mean(str(key), DECK_KEYS)}; known: {', '.join(DECK_KEYS)}")
        template_path = self.deck_template(value.get("template"))
        pairs = self.deck_layouts(value.get("layouts") or {})
        agenda = value.get("agenda", False)
        if not isinstance(agenda, bool):
            self.fail("deck", "'deck: agenda' must be true or false")
            agenda = False
        master = value.get("master")
        if master is not None and (isinstance(master, bool) or not isinstance(master, int)
                                   or not 1 <= master <= 100):
            self.fail("deck", "'deck: master' must be the number of a slide master in the "
                      "template, such as 2 (see 'build.py template-info')")
            master = None
        design = value.get("design", "template")
        if design not in DESIGNS:
            self.fail("deck", "'deck: design' must be 'template' (keep the template's fonts "
                      "and colours) or 'tweeluik' (use those of layouts/theme.toml)")
            design = "template"
        logo = value.get("logo", "auto")
        if logo not in DECK_LOGO:
            self.fail("deck", "'deck: logo' must be 'auto' (the organisation's logo where the "
                      "template has none of its own) or 'always'")
            logo = "auto"
        return DeckSettings(template=template_path, layouts=tuple(sorted(pairs)), agenda=agenda,
                            logo=logo,
                            master=master, design=design)

    def deck_template(self, template: object) -> Path | None:
        """'deck: template': a file next to the source, never one outside the folder."""
        if template is not None and not isinstance(template, str):
            self.fail("deck", "'deck: template' must be the name of a .pptx file")
            return None
        if not template:
            return None
        folder = real(self.path.parent)
        candidate = self.path.parent / template
        if os.path.isabs(template) or not real(candidate).is_relative_to(folder):
            self.fail("deck", f"the slide template '{printable(template)}' lies outside "
                      "the content folder; copy it next to the source and write just its name")
            return None
        return candidate

    def deck_layouts(self, layouts: object) -> list[tuple[str, str]]:
        """'deck: layouts': (slide kind, layout name) pairs."""
        pairs: list[tuple[str, str]] = []
        if not isinstance(layouts, dict):
            self.fail("deck", "'deck: layouts' maps slide kinds to layout names, for example "
                      "'    lesson: Sectiekop'")
            return pairs
        for role, name in layouts.items():
            if role not in DECK_ROLES:
                self.fail("deck", f"unknown slide kind '{printable(str(role))}' in 'deck: "
                          f"layouts'{did_you_mean(str(role), DECK_ROLES)}; known: "
                          f"{', '.join(DECK_ROLES)}")
            elif not isinstance(name, str) or not name.strip() or len(name) > 200:
                self.fail("deck", f"the layout name for '{role}' must be the name of a "
                          "layout in the template, as text")
            else:
                pairs.append((role, name.strip()))
        return pairs

    def flag(self, key: str, default: bool) -> bool:
        value = self.values.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, f"'{key}' must be true or false")
            return default
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        text = self.text(key)
        if text is None:
            return default
        if text.lower() not in choices:
            self.fail(key, f"{key} '{text}' is not supported; use {' or '.join(choices)}"
                      f"{did_you_mean(text, choices)}")
            return default
        return text.lower()

    def meta(self) -> Meta:
        language = self.choice("language", LANGUAGES, "nl")
        layout = self.text("layout") or "booklet"
        if not re.fullmatch(r"[A-Za-z0-9_-]+", layout):
            self.fail("layout", "'layout' must be the name of a folder in layouts/, letters, "
                      "digits, '-' and '_' only")
            layout = "booklet"
        date, date_text = self.date()
        keywords = self.text_list("keywords")
        if len(", ".join(keywords)) > MAX_KEYWORDS_LENGTH:
            self.fail("keywords", f"the keywords are {len(', '.join(keywords))} characters "
                      f"together; keep them under {MAX_KEYWORDS_LENGTH}")
            keywords = ()
        title = self.text("title", required=True) or ""
        if title.upper().startswith("TODO"):
            self.fail("title", "the title is still a 'TODO' left by the import; write the "
                      "publication's title after 'title:'")
        return Meta(
            title=title,
            subtitle=self.text("subtitle"),
            organisation=self.text("organisation"),
            date=date,
            date_text=date_text,
            language=language,
            signatories=self.text_list("signatories", MAX_SIGNATORIES),
            description=self.text("description"),
            keywords=keywords,
            layout=layout,
            links=self.choice("links", LINK_STYLES, "footnotes"),
            made_with=self.flag("made-with", True),
            picture_sources=tuple((key, text) for key in ("logo", "cover-image")
                                  if (text := self.text(key)) is not None),
            deck=self.deck(),
            lines=tuple(sorted(self.lines.items(), key=lambda item: item[1])),
        )


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of settings"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__
