"""Load the one theme file (``layouts/theme.toml``) that the booklet and the deck share."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

FONT_STYLES = ("regular", "italic", "bold", "bold_italic")
COLOUR_NAMES = ("accent", "ink", "muted", "rule", "tint", "paper")


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
    deck: dict[str, float]

    def font_files(self) -> list[Path]:
        """Every font file the theme uses."""
        return [*self.serif.files.values(), *self.sans.files.values()]

    def css_variables(self) -> str:
        """The theme as CSS custom properties on ``:root``."""
        lines = [f"  --{name}: {value};" for name, value in self.colours.items()]
        lines += [f"  --{name.replace('_', '-')}: {value};" for name, value in self.booklet.items()]
        lines.append(f'  --serif: "{self.serif.family}";')
        lines.append(f'  --sans: "{self.sans.family}";')
        return ":root {\n" + "\n".join(lines) + "\n}\n"


def load_theme(layouts: Path) -> Theme:
    """Read and check ``layouts/theme.toml``."""
    path = layouts / "theme.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(path, None, "the theme file is missing; restore layouts/theme.toml") from None
    except tomllib.TOMLDecodeError as error:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(error))) else None
        raise SourceError(path, line, f"the theme is not valid TOML ({error})") from None

    def section(name: str) -> dict:
        value = data.get(name)
        if not isinstance(value, dict):
            raise SourceError(path, None, f"the theme has no [{name}] section")
        return value

    colours = section("colours")
    for name in COLOUR_NAMES:
        value = colours.get(name)
        if not isinstance(value, str) or not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise SourceError(path, None, f"colour '{name}' must be written as #RRGGBB")

    def typeface(name: str) -> Typeface:
        spec = section("fonts").get(name)
        if not isinstance(spec, dict):
            raise SourceError(path, None, f"the theme has no [fonts.{name}] section")
        files = {}
        for style in FONT_STYLES:
            file = (layouts / str(spec.get(style, ""))).resolve()
            if not spec.get(style) or not file.is_file() or not file.is_relative_to(layouts.resolve()):
                raise SourceError(path, None, f"[fonts.{name}] {style} must name a font file "
                                  "inside layouts/ that exists")
            files[style] = file
        return Typeface(str(spec["family"]), str(spec["deck"]), files)

    return Theme(
        path=path,
        colours={name: colours[name] for name in COLOUR_NAMES},
        serif=typeface("serif"),
        sans=typeface("sans"),
        booklet={key: str(value) for key, value in section("booklet").items()},
        deck={key: float(value) for key, value in section("deck").items()},
    )
