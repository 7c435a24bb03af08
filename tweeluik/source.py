"""Read a source file and check its front matter.

Step 1 of the pipeline: bytes on disk → text that is safe to parse, plus a checked
``Meta``. Every problem is collected in a ``Diagnostics`` list with the line (and, where
it helps, the column) it is on; reading goes on past a mistake so that one run reports
all of them. Only a file that cannot be read as text at all stops here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .disk_errors import describe_read_error
from .errors import Diagnostics, printable
from .model import DeckSettings, Meta
from .paths import real

LANGUAGES = ("nl", "en")
DECK_ROLES = ("title", "agenda", "lesson", "lesson_picture", "closing")
LINK_STYLES = ("footnotes", "off")
MAX_SOURCE_BYTES = 500 * 1024  # some 250 booklet pages of running text; a long letter is 30 KB
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
    "language": "nl (default) or en",
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


@dataclass(frozen=True)
class SourceText:
    """A source file split into its front matter and its Markdown body."""

    path: Path
    meta: Meta
    body: str
    body_first_line: int  # the 1-based line in the file where ``body`` starts


def read_source(path: Path, diagnostics: Diagnostics) -> SourceText | None:
    """Read ``path``, check its characters and its front matter. Returns ``None`` when
    the file cannot be read as a publication at all (the reason is in ``diagnostics``)."""
    data = read_bytes(path, diagnostics)
    if data is None:
        return None
    text = decode_source(path, data, diagnostics)
    if text is None:
        return None
    check_characters(text, diagnostics)
    text = drop_soft_hyphens(text, diagnostics)
    split = split_front_matter(text, diagnostics)
    if split is None:
        return None
    front, body, body_first_line = split
    meta = front_matter_to_meta(path, front, diagnostics)
    return SourceText(path, meta, body, body_first_line)


def read_bytes(path: Path, diagnostics: Diagnostics) -> bytes | None:
    """The file's bytes, or ``None`` with a message that says why they cannot be read."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            diagnostics.error(None, "this is not a file (a folder or a device); a source must "
                              "be a Markdown file")
            return None
        if size > MAX_SOURCE_BYTES:
            diagnostics.error(None, f"the file is {size / 1024:,.0f} KB; a publication source "
                              "must stay under 500 KB of text (images go in their own files): "
                              "split it into several publications")
            return None
        with path.open("rb") as stream:
            data = stream.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            diagnostics.error(None, "the file is larger than 500 KB; a publication source "
                              "must stay under 500 KB of text: split it into several "
                              "publications")
            return None
        return data
    except OSError as error:
        diagnostics.error(None, f"cannot read this file ({describe_read_error(error)})")
        return None


def decode_source(path: Path, data: bytes, diagnostics: Diagnostics) -> str | None:
    """Decode UTF-8 (with or without a byte-order mark); explain any other encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        diagnostics.error(1, "the file is saved as UTF-16; save it as UTF-8 "
                          "(in most editors: Save as… → Encoding: UTF-8)")
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if b"\x00" in data[:4096]:
            diagnostics.error(line, "this is not a text file (it holds binary data); a source "
                              "must be Markdown text saved as UTF-8")
        else:
            diagnostics.error(line, "this line is not valid UTF-8 (probably Latin-1 or "
                              "Windows-1252); save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Characters that are refused: they print as nothing or as boxes.
_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
                      r"\ud800-\udfff]")
#: Invisible characters that are legal but usually pasted by accident: a warning.
_SUSPECT = re.compile(r"[\u200b\u200c\u200e\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069"
                      r"\U000e0000-\U000e007f\u2028\u2029]")
#: Separators that break a line or paragraph where the file shows none (Word's
#: Shift+Enter, copied through some editors).
_SEPARATORS = "\u2028\u2029"
SOFT_HYPHEN = "\u00ad"
_MAX_CHARACTER_REPORTS = 30


def _char_name(char: str) -> str:
    fallback = "a control character" if ord(char) < 0xA0 else "not a character"
    return unicodedata.name(char, fallback).lower()


def line_and_column(text: str, offset: int, first_line: int = 1) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    return (text.count("\n", 0, offset) + first_line,
            offset - (text.rfind("\n", 0, offset) + 1) + 1)


def check_characters(text: str, diagnostics: Diagnostics, first_line: int = 1) -> bool:
    """Report refused and suspect invisible characters with line and column; True when
    the text holds none that are refused."""
    clean = True
    reports = 0
    for pattern, refused in ((_REFUSED, True), (_SUSPECT, False)):
        for found in pattern.finditer(text):
            if reports >= _MAX_CHARACTER_REPORTS:
                break
            reports += 1
            line, column = line_and_column(text, found.start(), first_line)
            char = found.group()
            what = f"invisible character U+{ord(char):04X} ({_char_name(char)})"
            if refused:
                clean = False
                diagnostics.error(line, f"{what}; delete it (it often comes along when text "
                                  "is pasted from Word or e-mail)", column)
            elif char in _SEPARATORS:
                diagnostics.warning(line, f"{what}: the text breaks to a new line here "
                                    "though the file shows none. Delete it (or, for a line "
                                    "break you want, end the line with a backslash)", column)
            else:
                diagnostics.warning(line, f"{what}; it changes how the text breaks or reads "
                                    "without being seen. Delete it unless you put it there "
                                    "on purpose", column)
    return clean


def drop_soft_hyphens(text: str, diagnostics: Diagnostics) -> str:
    """The text without the soft hyphens (U+00AD) a web page or Word leaves in words, with
    one note saying so. tweeluik hyphenates by itself, the same way in booklet and deck;
    pasted soft hyphens would make WeasyPrint break lines early at them. An author who
    wants to say where a word breaks writes ``&shy;`` (kept) or lists the word in
    ``layouts/hyphenation.txt``."""
    count = text.count(SOFT_HYPHEN)
    if not count:
        return text
    first = text.index(SOFT_HYPHEN)
    line, column = line_and_column(text, first)
    what = (f"{count} soft hyphens (U+00AD, left in words by a web page or Word; the first "
            "is here) are" if count > 1 else "a soft hyphen (U+00AD, left in a word by a web "
            "page or Word) is")
    diagnostics.note(line, f"{what} left out: tweeluik hyphenates by itself. To say where a "
                     "word breaks, add it to layouts/hyphenation.txt", column)
    return text.replace(SOFT_HYPHEN, "")


def split_front_matter(text: str, diagnostics: Diagnostics) -> tuple[str, str, int] | None:
    """Split ``---``-fenced front matter from the body; return (front, body, body line)."""
    lines = text.split("\n")
    if not text.strip():
        diagnostics.error(1, "the file is empty; start it with front matter: a line '---', "
                          "a line 'title: …', and a line '---'")
        return None
    if lines[0].strip() != "---":
        diagnostics.error(1, "the file must start with front matter: a line '---', then "
                          "'title: …' and the other settings, then a line '---'")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    diagnostics.error(1, "the front matter that starts here is never closed; add a line "
                      "'---' after the last setting")
    return None


MAX_SETTINGS_DEPTH = 16  # lists and keys inside each other; a real setting needs three


class _NestedTooDeep(yaml.MarkedYAMLError):
    """Settings nested deeper than ``MAX_SETTINGS_DEPTH`` (YAML's composer recurses on
    each level, so a thousand levels would end in a RecursionError)."""


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML 1.2-style booleans: only true/false, so 'language: no' or 'title: Ja' stay text;
    settings nested at most ``MAX_SETTINGS_DEPTH`` deep."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_SETTINGS_DEPTH:
                raise _NestedTooDeep(problem="nested too deep",
                                     problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))

_FIRST_LINE = 2  # the front matter's first line in the file
_MAX_YAML_NODES = 2000


def _count_nodes(node, limit: int) -> int:
    """How many YAML nodes hang below ``node`` (stops counting past ``limit``)."""
    count, stack = 0, [node]
    while stack and count <= limit:
        current = stack.pop()
        count += 1
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return count


def front_matter_to_meta(path: Path, front: str, diagnostics: Diagnostics) -> Meta:
    """Check the front matter's YAML and turn it into ``Meta``; every problem is reported
    and the setting falls back to its default, so the body can still be checked."""
    try:
        # Refused characters were reported with their column already; YAML would only
        # report the first of them again, less precisely.
        loader = _FrontMatterLoader(_REFUSED.sub("_", front))
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _NestedTooDeep as error:
        line = _FIRST_LINE + error.problem_mark.line if error.problem_mark else _FIRST_LINE
        diagnostics.error(line, f"the settings are nested more than {MAX_SETTINGS_DEPTH} deep "
                          "here; a setting holds a text, a list or a few keys (see 'Settings' "
                          "in README.md)")
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = printable(error.problem or "malformed").rstrip(".")
        diagnostics.error(_FIRST_LINE + mark.line if mark else _FIRST_LINE,
                          f"the front matter is not valid YAML ({problem}); write one "
                          "setting per line as 'key: value'",
                          mark.column + 1 if mark else None)
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()
    except yaml.YAMLError as error:
        diagnostics.error(_FIRST_LINE, f"the front matter is not valid YAML "
                          f"({printable(str(error))})")
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()

    if root is None:
        diagnostics.error(1, "the front matter is empty; add at least 'title: …'")
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()
    if not isinstance(root, yaml.MappingNode):
        diagnostics.error(_FIRST_LINE + root.start_mark.line,
                          "the front matter must be settings written as 'key: value'")
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()
    if _count_nodes(root, _MAX_YAML_NODES) > _MAX_YAML_NODES:
        diagnostics.error(_FIRST_LINE, "the front matter is far too large; it holds a few "
                          "settings, one per line")
        return _MetaChecker(path, {}, {}, diagnostics, broken=True).meta()

    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    unreadable: set[str] = set()
    for key_node, value_node in root.value:
        line = _FIRST_LINE + key_node.start_mark.line
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
        value_line = _FIRST_LINE + value_node.start_mark.line
        try:
            loader = _FrontMatterLoader("")
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
        refused = [found.group() for found in _REFUSED.finditer(value)]
        escaped = [char for char in dict.fromkeys(refused) if char not in self.front]
        for char in escaped[:3]:  # written as a YAML escape such as "\x1b"
            self.fail(key, f"'{key}' holds the invisible character U+{ord(char):04X} "
                      f"({_char_name(char)}); delete it")
        return None if refused else " ".join(value.split())

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
        master = value.get("master", 1)
        if isinstance(master, bool) or not isinstance(master, int) or not 1 <= master <= 100:
            self.fail("deck", "'deck: master' must be the number of a slide master in the "
                      "template, such as 2 (see 'build.py template-info')")
            master = 1
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
