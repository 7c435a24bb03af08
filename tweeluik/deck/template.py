"""A slide template as plain data, and which of its layouts and placeholders each text uses.

Part of step 3 (deck writer, planning). ``pptx_reader`` describes a template's masters,
layouts and placeholders in the data classes below (where each box is, how its text is
set, after following the master's and the theme's defaults). The functions here are
pure: they choose a layout for each kind of slide, by the names the author gave or by
what the layouts hold (``slots`` then gives each text of a slide a placeholder).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..colours import contrast
from .boxes import Box, covered_share

#: Slide kinds, the layout name tweeluik's own template uses for each, and its roles.
SLIDE_KINDS = {
    "title": ("Title Slide", ("organisation", "title", "subtitle", "date")),
    "agenda": ("Agenda", ("title", "body")),
    "lesson": ("Lesson", ("number", "title", "message")),
    "lesson_picture": ("Lesson with Picture", ("number", "title", "message", "picture")),
    "closing": ("Closing", ("title", "body", "signatories")),
}
TEXT_KINDS = ("body", "object", "subtitle")
#: Placeholder names that claim a role, whatever their type (lower case, no numbers).
NAMED_ROLES = {"number": "number", "nummer": "number", "key message": "message",
               "kernboodschap": "message", "organisation": "organisation",
               "organization": "organisation", "organisatie": "organisation", "date": "date",
               "datum": "date", "signatories": "signatories", "namen": "signatories",
               "ondertekening": "signatories", "subtitle": "subtitle", "ondertitel": "subtitle",
               "title": "title", "titel": "title", "body": "body", "picture": "picture"}


class TemplateColour(NamedTuple):
    """A text colour as the template writes it: ``("srgb", "FFFFFF")`` or ``("scheme",
    "bg2")``, with the modifiers PowerPoint applies to it, in order (``(("lumMod",
    "25000"),)``: the theme's light grey darkened to a quarter)."""

    kind: str
    value: str
    modifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TextStyle:
    """How a placeholder sets its text, after the master's and theme's defaults."""

    typeface: str | None = None       # the font's name, to measure with
    font_ref: str | None = None       # as written: a name, or "+mj-lt"/"+mn-lt" (the theme's)
    size: float | None = None        # points
    bold: bool = False
    italic: bool = False
    caps: bool = False
    tracking: float = 0.0             # letter spacing in points
    line_spacing: tuple[str, float] | None = None  # ("pct", 0.9) or ("pts", 30.0)
    align: str | None = None
    anchor: str | None = None
    vertical: bool = False            # its text runs up or down (vertical, or turned a quarter)
    colour: TemplateColour | None = None
    colour_hex: str | None = None     # that colour as "#RRGGBB", when it can be known
    #: its first level's own bullet sign hangs the lines this far in (points), if it has one
    bullet_hang: float | None = None
    #: its text has an outline that shows nothing (fully see-through); on a real
    #: template's layouts one made LibreOffice draw none of their text
    clear_outline: bool = False
    #: how far its box is turned, clockwise in degrees, by its layout or master (a title
    #: set up the slide's left edge: 270); the box's own place is the unturned one
    turn: float = 0.0


def sideways(turn: float) -> bool:
    """Whether a box turned ``turn`` degrees sets its text up or down the slide rather
    than across it (a quarter turn, give or take 45 degrees)."""
    return 45 < turn % 180 < 135


@dataclass(frozen=True)
class Frame:
    """Where a placeholder sits on the slide and its text insets, in points."""

    placeholder: int  # its position among the layout's placeholders (document order)
    left: float
    top: float
    width: float
    height: float
    inset_left: float = 7.2
    inset_top: float = 3.6
    inset_right: float = 7.2
    inset_bottom: float = 3.6

    @property
    def inner_width(self) -> float:
        return self.width - self.inset_left - self.inset_right

    @property
    def inner_height(self) -> float:
        return self.height - self.inset_top - self.inset_bottom

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    @property
    def box(self) -> Box:
        """Its place as (left, top, width, height), for ``boxes``."""
        return (self.left, self.top, self.width, self.height)


@dataclass(frozen=True)
class PlaceholderInfo:
    """One placeholder of a layout."""

    order: int
    kind: str     # title, subtitle, body, object, picture, date, footer, slide_number, other
    idx: int
    name: str
    frame: Frame
    style: TextStyle = field(default_factory=TextStyle)
    text: str = ""  # the text it holds in the layout (a footer's words; a prompt otherwise)
    #: What lies behind it, in BANDS strips top to bottom, each cut into COLUMNS cells
    #: left to right: each cell's colour ("#RRGGBB", None when it cannot be known) and
    #: whether that is the average of a picture (backdrop's PLAIN, CALM or BUSY).
    cells: tuple[tuple[tuple[str | None, str], ...], ...] = ()

    @property
    def bands(self) -> tuple[tuple[str | None, str], ...]:
        """What lies behind the middle of each strip, top to bottom."""
        return tuple(row[len(row) // 2] for row in self.cells if row)

    @property
    def background(self) -> str | None:
        """The colour behind its middle, when it can be known."""
        return self.bands[len(self.bands) // 2][0] if self.bands else None

    @property
    def on_picture(self) -> bool:
        return bool(self.bands) and bool(self.bands[len(self.bands) // 2][1])

    @property
    def role_name(self) -> str | None:
        """The role its name claims ("Key message 2" → "message"), else the role its
        prompt text asks for ("Institution", "Datum"), if any."""
        named = NAMED_ROLES.get(re.sub(r"\s*\d+$", "", self.name).strip().lower())
        if named is not None or self.kind not in ("body", "subtitle", "object", "other"):
            return named
        if 0 < len(self.text.split()) <= 4:  # a prompt, not a paragraph of sample text
            return next((role for role, words in PROMPT_ROLES if words.search(self.text)),
                        None)
        return None

    @property
    def prompt_asks(self) -> str | None:
        """'title' or 'subtitle' when the box's prompt asks for one ('Document title',
        'Sous-titre / Date'), whatever kind of box it is."""
        if not 0 < len(self.text.split()) <= 4:
            return None
        if SUBTITLE_PROMPT.search(self.text):
            return "subtitle"
        return "title" if TITLE_PROMPT.search(self.text) else None


@dataclass(frozen=True)
class LayoutInfo:
    """A slide layout: its master, its name, its type and its placeholders."""

    master: int
    position: int
    name: str
    type: str
    placeholders: tuple[PlaceholderInfo, ...]
    #: What the layout and its master draw that is not a placeholder nor a background
    #: (left, top, width, height in points): the logo keeps off it.
    drawn: tuple[tuple[float, float, float, float], ...] = ()
    #: Small pictures among them near an edge: the template's own logo.
    logos: int = 0
    #: What the slide shows where nothing of ours stands, in SLIDE_ROWS strips top to
    #: bottom of SLIDE_COLUMNS cells: each cell's colour (None when it cannot be known).
    backdrop: tuple[tuple[str | None, ...], ...] = ()
    #: The pictures among ``drawn`` (shapes filled with a picture too): a logo, a seal.
    pictures: tuple[tuple[float, float, float, float], ...] = ()
    #: The backdrop's cells again: what each colour is (backdrop's PLAIN, or the average
    #: of a picture, CALM or BUSY: a photograph's detail, a pattern).
    textures: tuple[tuple[str, ...], ...] = ()
    #: The template's small art: shapes without words or picture that layout and master
    #: draw, each under a logo's share of the slide (the triangles of a pattern); the logo
    #: may stand on them, but takes a place clear of them first.
    art: tuple[tuple[float, float, float, float], ...] = ()

    def colours_behind(self, left: float, top: float, width: float, height: float,
                       slide_width: float, slide_height: float) -> list[str | None]:
        """The backdrop's colours in the cells a box (points) stands on."""
        return _cells_under(self.backdrop, left, top, width, height, slide_width,
                            slide_height)

    def textures_behind(self, left: float, top: float, width: float, height: float,
                        slide_width: float, slide_height: float) -> list[str]:
        """What the backdrop is in the cells a box (points) stands on."""
        return _cells_under(self.textures, left, top, width, height, slide_width,
                            slide_height)

    def of_kind(self, *kinds: str) -> list[PlaceholderInfo]:
        """Its placeholders of ``kinds`` that can take a line of text: not set
        vertically, and, for text boxes, not a sliver the template uses as a drawing (a
        real template's coloured bar 9 pt high, its 3 pt dots, all of them 'body')."""
        return [p for p in self.placeholders if p.kind in kinds and not p.style.vertical
                and (p.kind not in TEXT_KINDS or holds_a_line(p.frame))]


def with_headings_under_turned_titles(placeholders: tuple[PlaceholderInfo, ...],
                                      slide_width: float, slide_height: float
                                      ) -> tuple[PlaceholderInfo, ...]:
    """A layout's placeholders, its heading strip taken for its title where its title
    box is turned up or down the slide's edge (a real government template's layouts
    name their part there, small, and head the slide in a text box one line high across
    the top): the strip becomes the layout's ``title``, and the turned box its ``label``,
    which repeats the title's words (the slide's title for a screen reader and the
    outline, as the template's own slides have it)."""
    turned = [p for p in placeholders if p.kind == "title" and sideways(p.style.turn)]
    if not turned or any(p.kind == "title" and not p.style.vertical for p in placeholders):
        return placeholders
    strips = [p for p in placeholders if p.kind in TEXT_KINDS and not p.style.vertical
              and holds_a_line(p.frame) and p.frame.height <= HEADING_STRIP * slide_height
              and p.frame.width >= 0.5 * slide_width and p.frame.top <= 0.3 * slide_height]
    if not strips:
        return placeholders
    strip = min(strips, key=lambda p: p.frame.top)
    return tuple(replace(p, kind="title") if p is strip else replace(p, kind="label")
                 if p is turned[0] else p for p in placeholders)


#: The height of a heading strip, at most, as a share of the slide's (a real one's is
#: 34 pt of 540: room for a line of heading and no more).
HEADING_STRIP = 0.12


#: The least a text box measures that can hold a line of words (points): a sliver
#: under it is one of the template's drawings, filled in by a placeholder.
LINE_BOX_HEIGHT, LINE_BOX_WIDTH = 10.0, 48.0


def holds_a_line(frame: Frame) -> bool:
    """Whether a box is large enough for a line of words."""
    return frame.height >= LINE_BOX_HEIGHT and frame.width >= LINE_BOX_WIDTH


def _cells_under(grid, left: float, top: float, width: float, height: float,
                 slide_width: float, slide_height: float) -> list:
    """The cells of a grid over the whole slide that a box (points) stands on."""
    if not grid or slide_width <= 0 or slide_height <= 0:
        return []
    rows, columns = len(grid), len(grid[0])
    row_span = range(max(0, int(top / slide_height * rows)),
                     min(rows, int((top + height) / slide_height * rows - 1e-9) + 1))
    column_span = range(max(0, int(left / slide_width * columns)),
                        min(columns, int((left + width) / slide_width * columns - 1e-9) + 1))
    return [grid[row][column] for row in row_span for column in column_span]


@dataclass(frozen=True)
class TemplateInfo:
    """What tweeluik knows of a slide template."""

    name: str
    width: float   # points
    height: float
    masters: tuple[str, ...]
    layouts: tuple[LayoutInfo, ...]
    major_font: str | None = None
    minor_font: str | None = None
    footer: str = ""          # the template's own footer text, carried to every slide
    cleaned: tuple[str, ...] = ()  # what was removed from the package, for one warning
    dark: str = "#000000"     # the theme's text colour for light backgrounds
    light: str = "#FFFFFF"    # and for dark ones
    footer_hint: bool = False  # its footer box holds a fill-in hint, for our own words
    #: The master (counted from 0) that most of the template's own slides use: its
    #: designed one, where a template keeps an unused plain master first; 0 without slides
    slides_master: int = 0
    #: The layout (master, position) of its own first slide: its cover, as it uses it
    first_slide_layout: tuple[int, int] | None = None
    #: How many of its own slides carry a background picture or gradient of their own,
    #: which slides made from its layouts do not show
    slide_backgrounds: int = 0
    #: Fill-in hints ('<Project name>') that masters and layouts print as their own text,
    #: outside any placeholder: the deck leaves them out, and says so.
    printed_hints: tuple[str, ...] = ()
    #: Dates that masters and layouts print as plain text ('18. August 2023'): on every
    #: slide beside the publication's own, and said
    printed_dates: tuple[str, ...] = ()

    @property
    def scale(self) -> float:
        """Sizes are designed for a 13.33-inch (960 pt) wide slide; this one's ratio."""
        return self.width / 960.0

    def in_master(self, master: int) -> list[LayoutInfo]:
        return [layout for layout in self.layouts if layout.master == master]

    def layout_of(self, master: int, position: int) -> LayoutInfo:
        """The layout at ``position`` among the layouts of master ``master``."""
        return next(layout for layout in self.layouts
                    if (layout.master, layout.position) == (master, position))


#: Words a template's footer box holds as a prompt, not as a footer of its own.
FOOTER_PROMPTS = {"footer", "voettekst", "fusszeile", "fußzeile", "piedepage", "footertext",
                  "clicktoeditfooter", "<footer>", ""}


#: Words that only a fill-in hint uses ("Title of Presentation | DD.MM.YYYY", "Short
#: Title. Author."): footer text holding one of them is a hint, not the organisation's.
FILL_IN_HINT = re.compile(
    r"\b(title|subtitle|author|presenter|speaker|presentation|name|place|date|dd|mm|yyyy|"
    r"jjjj|titel|ondertitel|auteur|presentatie|naam|plaats|datum|präsentation|autor|ort|"
    r"titre|auteur|nom|lieu|título|autor|nome|data|click|klik|insert|edit|bearbeiten|"
    r"cliquez)\b|xx|\.\.\.|…|<[^>]*>|"
    r"\bor\b.+\bor\b|\bof\b.+\bof\b.+\bof\b", re.IGNORECASE)  # "Public or Internal or …"


def is_fill_in_hint(text: str) -> bool:
    """True for footer words that stand for ours ('Title of Presentation | DD.MM.YYYY'),
    not for a box's bare prompt ('Footer', '<footer>')."""
    return simple_name(text) not in {simple_name(word) for word in FOOTER_PROMPTS} \
        and bool(FILL_IN_HINT.search(text))


def is_real_footer(text: str) -> bool:
    """True for footer words a template author typed (not the box's prompt, nor a
    fill-in hint such as 'Title of Presentation | DD.MM.YYYY')."""
    return simple_name(text) not in {simple_name(word) for word in FOOTER_PROMPTS} \
        and not FILL_IN_HINT.search(text)


#: What a box's prompt text says it is for, in the languages templates come in.
PROMPT_ROLES = (
    ("organisation", re.compile(r"\b(institution|institute|organi[sz]ation|organisatie|"
                                r"instituição|instituto|institut|company|bedrijf|firma|"
                                r"unternehmen|entreprise|vereniging)\b", re.IGNORECASE)),
    ("date", re.compile(r"\b(date|datum|data|fecha|dd[./-]mm[./-]y{2,4}|jjjj)\b",
                        re.IGNORECASE)),
)


#: Prompts that ask for a subtitle, and for a title (tried after the subtitle's).
SUBTITLE_PROMPT = re.compile(r"\b(sub-?title|sous-titre|untertitel|ondertitel|subt[ií]tulo|"
                             r"sottotitolo)\b", re.IGNORECASE)
TITLE_PROMPT = re.compile(r"\b(title|titre|titel|t[ií]tulo|titolo)\b", re.IGNORECASE)


def simple_name(name: str) -> str:
    """A layout name for comparison: lower case, without spaces and punctuation."""
    return re.sub(r"[\W_]+", "", name).lower()


def find_layout(template: TemplateInfo, name: str, master: int) -> LayoutInfo | None:
    """The layout called ``name`` (case and spacing ignored), in ``master`` first."""
    wanted = simple_name(name)
    matches = [layout for layout in template.layouts if simple_name(layout.name) == wanted]
    matches.sort(key=lambda layout: (layout.master != master, layout.master))
    return matches[0] if matches else None


def suggest_layout(template: TemplateInfo, name: str) -> str:
    names = sorted({layout.name for layout in template.layouts})
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --- choosing layouts ------------------------------------------------------------------


#: What a layout gains as a cover for being the layout of the template's own first slide.
FIRST_SLIDE_BONUS = 0.4


#: The least share of the slide a lesson layout's text box covers (a cover's strip for
#: 'Naam | datum' is 1 %; a layout with a title alone puts the words in the notes).
LEAST_TEXT_SHARE = 0.04


def _lesson_score(layout: LayoutInfo, template: TemplateInfo) -> float:
    """How well a layout suits a lesson slide: a title and one large text box."""
    titles = layout.of_kind("title")
    if not titles or any(p.style.vertical for p in layout.placeholders if p.kind == "title"):
        return -1.0
    texts = layout.of_kind(*TEXT_KINDS)
    if not texts:
        return 0.1
    slide = template.width * template.height
    largest = max(p.frame.area for p in texts) / slide
    named = any(p.role_name in ("message", "number") for p in layout.placeholders)
    if largest < LEAST_TEXT_SHARE and not named:
        return -1.0  # a cover's line for a name and date: no room for a lesson's words
    return largest + (1.0 if named else 0) + (0.2 if layout.type in ("obj", "tx") else 0) \
        - 0.1 * (len(texts) - 1)


#: What a title slide's layout is called in the languages templates come in (as
#: ``simple_name`` writes them): Office's names and designers' own ('Titelfolie rot').
TITLE_SLIDE_NAMES = ("titleslide", "titeldia", "titelfolie", "diapositivedetitre",
                     "diapositivadetítulo", "diapositivadetitulo", "slidedetítulo",
                     "slidedetitulo", "slajdtytułowy", "titelslide", "coverslide",
                     "couverture", "portada", "voorblad", "deckblatt", "titelseite",
                     "titlepage")
#: A layout named to open a deck ('Start / title + subhead.' of a real company's
#: template, whose own example slides open on a content layout).
OPENING_NAMES = ("start", "opening", "cover", "openingsdia")


def _title_score(layout: LayoutInfo) -> float:
    titles = layout.of_kind("title")
    if not titles:
        return -1.0
    score = 1.0 if layout.type == "title" else 0.0
    named = simple_name(layout.name)
    score += 0.5 if any(name in named for name in TITLE_SLIDE_NAMES) \
        or named.startswith(OPENING_NAMES) else 0
    score -= 0.05 * len(layout.of_kind("picture"))  # (a box for a photograph left empty)
    score += 0.3 if layout.of_kind("subtitle") else 0
    score += 0.2 if any(p.kind == "title" and p.name.lower().startswith("title")
                        for p in layout.placeholders) else 0
    return score


def _pictured(layout: LayoutInfo) -> int:
    """How many cells of a layout's backdrop show a picture (calm or busy)."""
    return sum(1 for row in layout.textures for texture in row if texture)


def _picture_over_text(layout: LayoutInfo) -> bool:
    """Whether a layout's picture box covers much of its title or text boxes (a section
    break whose photograph fills the slide behind its words): a lesson's picture there
    would hide its words, or stand behind them unread."""
    return any(covered_share(box.frame.box, picture.frame.box) > PICTURE_OVER_TEXT
               for picture in layout.of_kind("picture")
               for box in layout.of_kind("title", *TEXT_KINDS))


#: The share of a title or text box a picture box may cover on a lesson's picture layout.
PICTURE_OVER_TEXT = 0.25


def _cover_masters_layouts(template: TemplateInfo, master: int) -> list[LayoutInfo]:
    """The layouts of the template's other masters that hold covers alone (a title
    master, as PowerPoint 97 made them and a real company's template still has: its
    first master's one layout, 'Titelfolie', and the slides' master beside it): the
    cover may come from there."""
    found: list[LayoutInfo] = []
    for other in range(len(template.masters)):
        layouts = template.in_master(other)
        if other != master and layouts and all(
                layout.type == "title" or any(name in simple_name(layout.name)
                                              for name in TITLE_SLIDE_NAMES)
                for layout in layouts):
            found.extend(layout for layout in layouts if layout.of_kind("title"))
    return found


def choose_layout(kind: str, template: TemplateInfo, master: int,
                  chosen: dict[str, LayoutInfo]) -> LayoutInfo | None:
    """A sensible layout for a kind of slide in a template without tweeluik's names."""
    candidates = template.in_master(master) or list(template.layouts)
    if kind == "title":
        candidates = [*candidates, *_cover_masters_layouts(template, master)]
        # the layout of the template's own first slide counts for a cover (a real church's
        # 'praise title', its slides' first, lost to its 'sermon' layout's subtitle); of
        # covers alike, the one that shows least of a picture: a stock photograph asks to
        # be replaced (a real one's says "Change this background")
        def score(layout: LayoutInfo) -> tuple[float, int]:
            first = (layout.master, layout.position) == template.first_slide_layout
            return (_title_score(layout) + (FIRST_SLIDE_BONUS if first else 0.0),
                    -_pictured(layout))
        best = max(candidates, key=score, default=None)
        return best if best is not None and _title_score(best) >= 0 else None
    if kind == "lesson_picture":
        slide = template.width * template.height
        with_picture = [layout for layout in candidates
                        if layout.of_kind("picture") and layout.of_kind("title")
                        and min(p.frame.height for p in layout.of_kind("title"))
                        >= 40 * template.scale
                        and any(p.frame.area >= 0.08 * slide for p in layout.of_kind(*TEXT_KINDS))
                        and not _picture_over_text(layout)]
        if with_picture:
            return max(with_picture, key=lambda layout: _lesson_score(layout, template))
        return chosen.get("lesson")
    if kind in ("agenda", "closing") and "lesson" in chosen:
        return chosen["lesson"]
    best = max(candidates, key=lambda layout: _lesson_score(layout, template), default=None)
    return best if best is not None and _lesson_score(best, template) >= 0 else None


# --- colours that can be read --------------------------------------------------------------


#: Text on a slide is read from afar: below this contrast, a colour is replaced (WCAG
#: 2.1 AA: 3:1 for large text, 18 pt or 14 pt bold; 4.5:1 for smaller).
MIN_CONTRAST = 3.0
MIN_CONTRAST_SMALL = 4.5
#: Strips in which what lies behind a placeholder is looked at, top to bottom, and the
#: cells each strip is cut into, left to right.
SLIDE_ROWS, SLIDE_COLUMNS = 6, 8  # the backdrop of a whole slide, for the logo
BANDS = 9  # odd: the middle one lies behind the middle of the box
COLUMNS = 5


def needed_contrast(size: float, bold: bool) -> float:
    """The contrast text of ``size`` points needs (WCAG 2.1, 1.4.3)."""
    return MIN_CONTRAST if size >= 18 or bold and size >= 14 else MIN_CONTRAST_SMALL


@dataclass(frozen=True)
class Legibility:
    """A template's text colour that reads worse on what lies behind the text than a
    colour of the template's own theme: the better colour, and the contrasts of both."""

    colour: str
    behind: str       # the colour behind the text where the template's reads worst
    own: float        # the template's colour's contrast there
    better: float     # the better colour's least contrast behind the text


def readable_colour(text: str | None, behind: list[str | None], template: TemplateInfo,
                    needed: float) -> Legibility | None:
    """The theme colour to use instead of ``text`` when ``text`` falls short of
    ``needed`` somewhere on ``behind`` (what lies behind the text, cell by cell) and the
    theme's dark or light colour does better everywhere it is worst: never a change that
    makes the text harder to read. ``None`` when the template's colour stays (it reads
    well, it cannot be known, or nothing is better)."""
    if text is None or not behind or any(colour is None for colour in behind):
        return None
    known = [colour for colour in behind if colour is not None]
    own = min(contrast(text, colour) for colour in known)
    if own >= needed:
        return None
    candidates = {colour: min(contrast(colour, under) for under in known)
                  for colour in (template.dark, template.light)}
    better = max(candidates, key=lambda colour: candidates[colour])
    if candidates[better] <= own + 0.05:
        return None
    worst = min(known, key=lambda colour: contrast(text, colour))
    return Legibility(better, worst, own, candidates[better])
