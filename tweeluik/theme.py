"""Load the one theme file (``layouts/theme.toml``) that the booklet and the deck share.

Read at the start of a build, before either writer: colours, typefaces and every size.
Each value is checked where it is read, and a mistake points at its line in the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .paths import real

FONT_STYLES = ("regular", "italic", "bold", "bold_italic")
COLOUR_NAMES = ("accent", "ink", "muted", "rule", "tint", "paper")
#: Deck text roles, each with a [largest, smallest] point size on a 13.33-inch slide.
DECK_SIZES = ("organisation", "title", "subtitle", "date", "agenda_title", "agenda", "number",
              "lesson_title", "key_message", "closing_title", "closing", "signatories",
              "slide_number")
#: Booklet sizes, each a CSS length, set on :root as --name (underscores become hyphens).
BOOKLET_SIZES = ("text_size", "leading", "lesson_number_size", "lesson_title_size",
                 "pull_quote_size", "subheading_size")
COPYFIT_BELOW = 0.33
#: The logo's height in each place, as CSS lengths; the [logo] section may change them.
LOGO_HEIGHTS = {"cover": "15mm", "back": "10mm", "slide": "22mm"}
_CSS_LENGTH = re.compile(r"\d+(\.\d+)?(pt|mm|cm|in|px|em|rem)")


@dataclass(frozen=True)
class Typeface:
    """A typeface: its family name in the booklet, its name in the deck, and its files."""

    family: str
    deck: str
    files: dict[str, Path]  # style → absolute path of the .ttf


@dataclass(frozen=True)
class Theme:
    """Colours (``#RRGGBB``), typefaces and sizes from the theme file."""

    path: Path
    colours: dict[str, str]
    serif: Typeface
    sans: Typeface
    booklet: dict[str, str]
    deck: dict[str, tuple[float, float]]  # role → (largest, smallest) in points
    copyfit_below: float = COPYFIT_BELOW  # see booklet/copyfit.py; 0 turns it off
    logo: dict[str, str] = field(default_factory=lambda: dict(LOGO_HEIGHTS))

    def length_pt(self, name: str) -> float:
        """A booklet size in points (em and rem counted against the text size)."""
        return css_length_pt(self.booklet[name], css_length_pt(self.booklet["text_size"], 10.0))

    def font_files(self) -> list[Path]:
        """Every font file the theme uses."""
        return [*self.serif.files.values(), *self.sans.files.values()]

    def css_variables(self) -> str:
        """The theme as CSS custom properties on ``:root``."""
        lines = [f"  --{name}: {value};" for name, value in self.colours.items()]
        lines += [f"  --{name.replace('_', '-')}: {value};" for name, value in self.booklet.items()]
        lines += [f"  --logo-{name}: {value};" for name, value in self.logo.items()]
        lines.append(f'  --serif: "{self.serif.family}";')
        lines.append(f'  --sans: "{self.sans.family}";')
        return ":root {\n" + "\n".join(lines) + "\n}\n"


_POINTS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "px": 0.75}


def css_length_pt(value: str, em_pt: float) -> float:
    """A length as the theme writes it (checked by ``_CSS_LENGTH``), in points."""
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", value.strip()).groups()  # type: ignore[union-attr]
    return float(number) * _POINTS.get(unit, em_pt)


class _ThemeReader:
    """Reads one section after another, pointing every mistake at its line."""

    def __init__(self, path: Path, text: str, data: dict):
        self.path, self.text, self.data = path, text, data

    def line_of(self, section: str, key: str | None = None) -> int | None:
        lines = self.text.split("\n")
        start = next((i for i, line in enumerate(lines)
                      if line.strip().startswith(f"[{section}]")), None)
        if start is None or key is None:
            return start + 1 if start is not None else None
        for index in range(start + 1, len(lines)):
            stripped = lines[index].strip()
            if stripped.startswith("["):
                break
            if re.match(rf"{re.escape(key)}\s*=", stripped):
                return index + 1
        return start + 1

    def fail(self, section: str, key: str | None, message: str) -> SourceError:
        return SourceError(self.path, self.line_of(section, key), message)

    def section(self, name: str) -> dict:
        value = self.data.get(name)
        if not isinstance(value, dict):
            raise SourceError(self.path, None, f"the theme has no [{name}] section; restore it "
                              "from the theme.toml that came with tweeluik")
        return value

    def known_keys(self, name: str, section: dict, known: tuple[str, ...]) -> None:
        for key in section:
            if key not in known:
                raise self.fail(name, key, f"unknown setting '{key}' in [{name}]; "
                                f"known: {', '.join(known)}")

    def colours(self) -> dict[str, str]:
        colours = self.section("colours")
        self.known_keys("colours", colours, COLOUR_NAMES)
        for name in COLOUR_NAMES:
            value = colours.get(name)
            if not isinstance(value, str) or not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
                raise self.fail("colours", name, f"colour '{name}' must be written as "
                                "\"#RRGGBB\", for example \"#B0472A\"")
        return {name: colours[name].upper() for name in COLOUR_NAMES}

    def typeface(self, name: str, layouts: Path) -> Typeface:
        fonts = self.section("fonts")
        spec = fonts.get(name)
        section = f"fonts.{name}"
        if not isinstance(spec, dict):
            raise SourceError(self.path, None, f"the theme has no [{section}] section")
        for key in ("family", "deck"):
            if not isinstance(spec.get(key), str) or not spec[key].strip():
                raise self.fail(section, key, f"[{section}] {key} must be a font name in quotes")
        files = {}
        root = real(layouts)
        for style in FONT_STYLES:
            value = spec.get(style)
            file = real(layouts / value) if isinstance(value, str) and value else None
            if file is None or not file.is_relative_to(root) or not file.is_file():
                raise self.fail(section, style, f"[{section}] {style} must name a font file "
                                "inside layouts/ that exists, such as \"fonts/Name-Regular.ttf\"")
            files[style] = file
        return Typeface(spec["family"].strip(), spec["deck"].strip(), files)

    def booklet(self) -> dict[str, str]:
        booklet = self.section("booklet")
        self.known_keys("booklet", booklet, BOOKLET_SIZES)
        for key in BOOKLET_SIZES:
            value = booklet.get(key)
            if not isinstance(value, str) or not _CSS_LENGTH.fullmatch(value.strip()):
                raise self.fail("booklet", key, f"[booklet] {key} must be a length in quotes, "
                                "such as \"10.5pt\" or \"4mm\"")
        return {key: booklet[key].strip() for key in BOOKLET_SIZES}

    def logo(self) -> dict[str, str]:
        section = self.data.get("logo", {})
        if not isinstance(section, dict):
            raise self.fail("logo", None, "[logo] must be a section")
        self.known_keys("logo", section, tuple(LOGO_HEIGHTS))
        heights = dict(LOGO_HEIGHTS)
        for key, value in section.items():
            number = isinstance(value, str) and re.fullmatch(r"(\d+(?:\.\d+)?)(mm|cm|pt|in)",
                                                             value.strip())
            if not number or float(number.group(1)) == 0:
                raise self.fail("logo", key, f"[logo] {key} must be a height in quotes, such "
                                "as \"15mm\"")
            heights[key] = value.strip()
        return heights

    def copyfit_below(self) -> float:
        section = self.data.get("copyfit", {})
        if not isinstance(section, dict):
            raise self.fail("copyfit", None, "[copyfit] must be a section")
        self.known_keys("copyfit", section, ("below",))
        value = section.get("below", COPYFIT_BELOW)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 0.9:
            raise self.fail("copyfit", "below", "[copyfit] below must be a share of a page "
                            "between 0 and 0.9, such as 0.33 (0 turns copyfitting off)")
        return float(value)

    def deck(self) -> dict[str, tuple[float, float]]:
        deck = self.section("deck")
        self.known_keys("deck", deck, DECK_SIZES)
        sizes = {}
        for key in DECK_SIZES:
            value = deck.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                value = [value, value]
            if (not isinstance(value, list) or len(value) != 2
                    or not all(isinstance(v, int | float) and not isinstance(v, bool)
                               for v in value)
                    or not 4 <= value[1] <= value[0] <= 400):
                raise self.fail("deck", key, f"[deck] {key} must be [largest, smallest] in "
                                "points, such as [40, 28], with 4 ≤ smallest ≤ largest ≤ 400")
            sizes[key] = (float(value[0]), float(value[1]))
        return sizes


def load_theme(layouts: Path) -> Theme:
    """Read and check ``layouts/theme.toml``."""
    path = layouts / "theme.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, None, "the theme file is missing; restore layouts/theme.toml "
                          "(it comes with tweeluik)") from None
    except UnicodeDecodeError:
        raise SourceError(path, None, "the theme file is not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        raise SourceError(path, None, f"cannot read the theme file ({error.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(error))) else None
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise SourceError(path, line, f"the theme is not valid TOML ({problem}); write each "
                          "setting as name = value, text in quotes") from None
    except RecursionError:
        raise SourceError(path, None, "the theme nests lists or tables far too deep; write "
                          "each setting as name = value, text in quotes") from None
    reader = _ThemeReader(path, text, data)
    return Theme(
        path=path,
        colours=reader.colours(),
        serif=reader.typeface("serif", layouts),
        sans=reader.typeface("sans", layouts),
        booklet=reader.booklet(),
        deck=reader.deck(),
        copyfit_below=reader.copyfit_below(),
        logo=reader.logo(),
    )
