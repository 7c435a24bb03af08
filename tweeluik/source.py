"""Read a source file and check its front matter.

Step 1 of the pipeline: bytes on disk → text that is safe to parse, plus a checked
``Meta``. Every problem becomes a ``SourceError`` with the line it is on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import SourceError
from .model import DeckSettings, Meta

LANGUAGES = ("nl", "en")
DECK_ROLES = ("title", "agenda", "lesson", "lesson_picture", "closing")
MAX_SOURCE_BYTES = 2 * 1024 * 1024

#: Front-matter keys, with what each one holds (shown in errors and in --help).
FRONT_MATTER_KEYS = {
    "title": "the title of the publication (required)",
    "subtitle": "a line under the title",
    "organisation": "who publishes it; becomes the PDF author",
    "date": "a date (2026-12-12) or free text",
    "language": "nl (default) or en",
    "signatories": "the names under the closing, as a list",
    "description": "one or two sentences for the back cover and the PDF subject",
    "keywords": "a list of keywords for the PDF",
    "layout": "the booklet layout folder in layouts/ (default: booklet)",
    "deck": "settings for the slides: template, layouts, agenda",
}
KEY_ALIASES = {"organization": "organisation", "lang": "language"}
DECK_KEYS = ("template", "layouts", "agenda")


@dataclass(frozen=True)
class SourceText:
    """A source file split into its front matter and its Markdown body."""

    path: Path
    meta: Meta
    body: str
    body_first_line: int  # the 1-based line in the file where ``body`` starts


def read_source(path: Path) -> SourceText:
    """Read ``path``, decode it, check for invisible characters, and check its front matter."""
    text = decode_source(path, path.read_bytes())
    check_characters(path, text)
    front, body, body_first_line = split_front_matter(path, text)
    meta = front_matter_to_meta(path, front)
    return SourceText(path, meta, body, body_first_line)


def decode_source(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without a byte-order mark); explain any other encoding."""
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(path, None, f"the file is {len(data) / 1024 / 1024:.1f} MB; a "
                          "publication source must stay under 2 MB of text (images go in "
                          "their own files)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, 1, "the file is saved as UTF-16; save it as UTF-8 "
                          "(in most editors: Save as… → Encoding: UTF-8)")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if b"\x00" in data[:4096]:
            raise SourceError(path, line, "this is not a text file (it holds binary data); "
                              "a source must be Markdown text saved as UTF-8") from None
        raise SourceError(path, line, "this line is not valid UTF-8 (probably Latin-1 or "
                          "Windows-1252); save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffd-\uffff]")


def check_characters(path: Path, text: str) -> None:
    """Refuse control characters, which print as nothing or as boxes."""
    found = _INVISIBLE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    char = found.group()
    name = unicodedata.name(char, "a control character" if ord(char) < 0xA0 else "not a character")
    raise SourceError(path, line, f"invisible character U+{ord(char):04X} ({name.lower()}) "
                      f"in column {column}; delete it (it often comes along when text is "
                      "pasted from Word or e-mail)")


def split_front_matter(path: Path, text: str) -> tuple[str, str, int]:
    """Split ``---``-fenced front matter from the body; return (front, body, body line)."""
    lines = text.split("\n")
    if not text.strip():
        raise SourceError(path, 1, "the file is empty; start it with front matter: "
                          "a line '---', a line 'title: …', and a line '---'")
    if lines[0].strip() != "---":
        raise SourceError(path, 1, "the file must start with front matter: a line '---', "
                          "then 'title: …' and the other settings, then a line '---'")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    raise SourceError(path, 1, "the front matter that starts here is never closed; "
                      "add a line '---' after the last setting")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML 1.2-style booleans: only true/false, so 'language: no' or 'title: Ja' stay text."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def front_matter_to_meta(path: Path, front: str) -> Meta:
    """Check the front matter's YAML and turn it into ``Meta``."""
    first = 2  # the front matter's first line in the file
    try:
        loader = _FrontMatterLoader(front)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first + mark.line if mark else first
        problem = (error.problem or "malformed").rstrip(".")
        raise SourceError(path, line, f"the front matter is not valid YAML ({problem}); "
                          "write one setting per line as 'key: value'") from None
    except yaml.YAMLError as error:
        raise SourceError(path, first, f"the front matter is not valid YAML ({error})") from None

    if root is None:
        raise SourceError(path, 1, "the front matter is empty; add at least 'title: …'")
    if not isinstance(root, yaml.MappingNode):
        raise SourceError(path, first + root.start_mark.line,
                          "the front matter must be settings written as 'key: value'")

    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = first + key_node.start_mark.line
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            raise SourceError(path, line, "a setting's name must be a word such as 'title'")
        key = KEY_ALIASES.get(key, key)
        if key not in FRONT_MATTER_KEYS:
            raise SourceError(path, line, f"unknown setting '{key}'{did_you_mean(key, FRONT_MATTER_KEYS)}; "
                              f"known settings: {', '.join(FRONT_MATTER_KEYS)}")
        if key in values:
            raise SourceError(path, line, f"'{key}' is set twice (first on line {lines[key]}); "
                              "keep one")
        loader = _FrontMatterLoader("")
        values[key] = loader.construct_object(value_node, deep=True)
        loader.dispose()
        lines[key] = line

    checker = _MetaChecker(path, values, lines)
    return checker.meta()


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _MetaChecker:
    """Checks each front-matter value's type and turns it into a ``Meta`` field."""

    def __init__(self, path: Path, values: dict[str, object], lines: dict[str, int]):
        self.path, self.values, self.lines = path, values, lines

    def fail(self, key: str, message: str) -> SourceError:
        return SourceError(self.path, self.lines.get(key, 1), message)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.values.get(key)
        if value is None:
            if required:
                raise SourceError(self.path, 1, f"the front matter has no '{key}'; "
                                  f"add a line '{key}: …' between the '---' lines")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, f"'{key}' must be a line of text, not "
                            f"{_describe(value)}; write it after '{key}:' on one line")
        value = " ".join(str(value).split())
        if not value:
            if required:
                raise self.fail(key, f"'{key}' is empty; write the {key} after '{key}:'")
            return None
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.values.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            items = re.split(r"[;,]", value)
        elif isinstance(value, list):
            items = value
        else:
            raise self.fail(key, f"'{key}' must be a list (one '- name' per line) "
                            f"or names separated by commas, not {_describe(value)}")
        out = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.fail(key, f"every entry of '{key}' must be text, "
                                f"not {_describe(item)}")
            item = " ".join(str(item).split())
            if item:
                out.append(item)
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
            raise self.fail("deck", "'deck' holds settings on indented lines below it, "
                            "for example '  template: huisstijl.pptx'")
        for key in value:
            if key not in DECK_KEYS:
                raise self.fail("deck", f"unknown deck setting '{key}'"
                                f"{did_you_mean(str(key), DECK_KEYS)}; known: {', '.join(DECK_KEYS)}")
        template = value.get("template")
        if template is not None and not isinstance(template, str):
            raise self.fail("deck", "'deck: template' must be the name of a .pptx file")
        folder = self.path.parent.resolve()
        if template and not (folder / template).resolve().is_relative_to(folder):
            raise self.fail("deck", f"the slide template '{template}' lies outside the content "
                            "folder; copy it next to the source and write just its name")
        layouts = value.get("layouts") or {}
        if not isinstance(layouts, dict):
            raise self.fail("deck", "'deck: layouts' maps slide kinds to layout names, "
                            "for example '    lesson: Sectiekop'")
        for role, name in layouts.items():
            if role not in DECK_ROLES:
                raise self.fail("deck", f"unknown slide kind '{role}' in 'deck: layouts'"
                                f"{did_you_mean(str(role), DECK_ROLES)}; known: {', '.join(DECK_ROLES)}")
            if not isinstance(name, str) or not name.strip():
                raise self.fail("deck", f"the layout name for '{role}' must be text")
        agenda = value.get("agenda", False)
        if not isinstance(agenda, bool):
            raise self.fail("deck", "'deck: agenda' must be true or false")
        return DeckSettings(
            template=self.path.parent / template if template else None,
            layouts=tuple(sorted((role, name.strip()) for role, name in layouts.items())),
            agenda=agenda,
        )

    def meta(self) -> Meta:
        language = (self.text("language") or "nl").lower()
        if language not in LANGUAGES:
            raise self.fail("language", f"language '{language}' is not supported; "
                            f"use {' or '.join(LANGUAGES)}")
        layout = self.text("layout") or "booklet"
        if not re.fullmatch(r"[A-Za-z0-9_-]+", layout):
            raise self.fail("layout", "'layout' must be the name of a folder in layouts/, "
                            "letters, digits, '-' and '_' only")
        date, date_text = self.date()
        return Meta(
            title=self.text("title", required=True) or "",
            subtitle=self.text("subtitle"),
            organisation=self.text("organisation"),
            date=date,
            date_text=date_text,
            language=language,
            signatories=self.text_list("signatories"),
            description=self.text("description"),
            keywords=self.text_list("keywords"),
            layout=layout,
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
