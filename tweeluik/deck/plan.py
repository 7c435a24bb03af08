"""Turn a publication into a slide plan: plain data, no PowerPoint in sight.

Step 3a of the deck writer (like Pandoc's ``Presentation.hs``): content model + theme +
the template's description (``template.TemplateInfo``) → a ``DeckPlan`` with one
``SlidePlan`` per slide, every text already measured with the font its placeholder
uses and sized to fit it. ``pptx_writer`` then writes that plan with python-pptx.
Being data, the plan is tested without a file.

Two designs: tweeluik's own (our template, or any template with ``deck: design:
tweeluik``) sets our typefaces, colours and styles; an organisation's template keeps
its own, and only the sizes and the words are ours.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..colours import relative_luminance
from ..errors import NOTE, WARNING, Diagnostic, SourceError, printable
from ..fonts import load_metrics, measuring_font
from ..hyphenation import NO_EXCEPTIONS, Exceptions, break_points
from ..images import hardly_shows
from ..labels import LANGUAGE_TAGS, format_date, labels_for
from ..model import (
    Block,
    Code,
    DeckSettings,
    Emph,
    Image,
    Inlines,
    Lesson,
    LineBreak,
    Link,
    Publication,
    Strong,
    Text,
    UnknownKind,
    blocks_text,
    links_in,
    plain_text,
)
from ..sentences import split_sentences, word_count
from ..theme import Theme, css_length_pt
from .backdrop import BUSY
from .fit import WIDTH_SAFETY, Box, Fit, Piece, Style, fit_text, text_height, widest_word
from .shorten import ELLIPSIS, Shortened, describe, shorter_versions
from .template import (
    SLIDE_KINDS,
    Frame,
    LayoutInfo,
    Slot,
    TemplateInfo,
    TextStyle,
    assign_roles,
    choose_layout,
    contrast,
    find_layout,
    needed_contrast,
    readable_colour,
    suggest_layout,
)

SLOGAN_WORDS = 12   # a closing sentence this short may stand alone on the closing slide
AGENDA_LIMIT = 60   # lessons; past this an agenda would take more slides than it saves
DESIGNS = ("template", "tweeluik")
ROLE_WORDS = {"title": "title", "subtitle": "subtitle", "message": "key message",
              "body": "text", "number": "number", "organisation": "organisation",
              "date": "date", "signatories": "signatories"}


@dataclass(frozen=True)
class RunPlan:
    """A run of text with its own emphasis or link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    accent: bool = False


@dataclass(frozen=True)
class TextPlan:
    """What goes into one placeholder: paragraphs of runs, their size, and, in
    tweeluik's design, how they are set (in a template's design, the template decides)."""

    role: str
    paragraphs: tuple[tuple[RunPlan, ...], ...]
    size: float                 # points, chosen by measuring
    placeholder: int            # the placeholder's position in its layout
    clone: bool = False         # a date or footer placeholder: the writer adds it
    design: bool = True         # set our typeface, colour and style below
    typeface: str = "sans"      # "sans" or "serif", resolved through the theme
    bold: bool = False
    italic: bool = False
    colour: str = "ink"
    caps: bool = False
    anchor: str = "top"
    line_pitch: bool = True     # write our exact line spacing (we measured with it)
    style: TextStyle | None = None  # in a template's design: its style, written out
    height: float = 0.0         # the measured height of the text (0: unknown, the whole box)
    #: side margins (points) wider than the layout's, to keep off a drawing of the template
    insets: tuple[float, float] | None = None


@dataclass(frozen=True)
class PicturePlan:
    """An image for a picture placeholder, with its alternative text."""

    path: Path
    alt: str
    width_px: int
    height_px: int
    placeholder: int = 0


@dataclass(frozen=True)
class LogoPlan:
    """The organisation's logo on the title or closing slide: its file and its place,
    in points from the slide's top left corner."""

    path: Path
    format: str  # "png", "jpeg" or "svg"
    left: float
    top: float
    width: float
    height: float
    alt: str


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its kind, the layout it uses, its texts, picture and speaker notes."""

    kind: str
    layout: str
    texts: tuple[TextPlan, ...]
    notes: tuple[str, ...]
    picture: PicturePlan | None = None
    source_line: int | None = None
    master: int = 0
    position: int = 0               # the layout's position among its master's layouts
    footer: TextPlan | None = None  # the template's own footer text, when it has one
    logo: LogoPlan | None = None

    def text(self, role: str) -> TextPlan | None:
        return next((text for text in self.texts if text.role == role), None)


@dataclass(frozen=True)
class DeckPlan:
    """The whole deck: slides, document properties, and warnings for the author."""

    slides: tuple[SlidePlan, ...]
    title: str
    author: str
    subject: str
    keywords: str
    language_tag: str
    design: str = "tweeluik"
    warnings: tuple[Diagnostic, ...] = field(default=())


# --- text styles per role in tweeluik's design ---------------------------------------


@dataclass(frozen=True)
class RoleStyle:
    """How a role's text is set in our design; its sizes come from the theme's [deck]."""

    typeface: str
    sizes: str
    bold: bool = False
    italic: bool = False
    colour: str = "ink"
    caps: bool = False
    anchor: str = "top"
    can_shorten: bool = False


ROLE_STYLES = {
    ("title", "organisation"): RoleStyle("sans", "organisation", bold=True, colour="muted",
                                         caps=True),
    ("title", "title"): RoleStyle("sans", "title", bold=True, anchor="bottom"),
    ("title", "subtitle"): RoleStyle("serif", "subtitle", italic=True, colour="muted"),
    ("title", "date"): RoleStyle("sans", "date", colour="muted"),
    ("agenda", "title"): RoleStyle("sans", "agenda_title", bold=True, colour="accent", caps=True),
    ("agenda", "body"): RoleStyle("sans", "agenda"),
    ("lesson", "number"): RoleStyle("sans", "number", bold=True, colour="accent"),
    ("lesson", "title"): RoleStyle("sans", "lesson_title", bold=True, anchor="bottom"),
    ("lesson", "message"): RoleStyle("serif", "key_message", italic=True, can_shorten=True),
    ("closing", "title"): RoleStyle("sans", "closing_title", bold=True),
    ("closing", "body"): RoleStyle("serif", "closing", italic=True, can_shorten=True),
    ("closing", "signatories"): RoleStyle("sans", "signatories", colour="muted"),
}


def _role_style(kind: str, role: str) -> RoleStyle:
    return ROLE_STYLES[("lesson" if kind == "lesson_picture" else kind, role)]


# --- layouts for the slides -------------------------------------------------------------


@dataclass(frozen=True)
class SlideLayout:
    """The layout a kind of slide uses, where each of its texts goes, and what has no
    place in it."""

    kind: str
    layout: LayoutInfo
    slots: dict[str, Slot]
    missing: tuple[str, ...]


def resolve_layouts(settings: DeckSettings, template: TemplateInfo, own_template: bool,
                    source: Path, line: int | None) -> dict[str, SlideLayout]:
    """The layout of each kind of slide: the one the author named (case and spacing do
    not matter), else tweeluik's name, else the best fit. All missing names in one error,
    which points at ``source:line`` (the front matter's ``deck:``)."""
    chosen_names = dict(settings.layouts)
    master = settings.master - 1
    where = f"the template {settings.template.name}" if settings.template \
        else "the default template"
    if master >= len(template.masters):
        raise SourceError(source, line, f"'deck: master: {master + 1}' asks for a master "
                          f"that {where} does not have; it has {len(template.masters)}")
    chosen: dict[str, LayoutInfo] = {}
    problems = []
    for kind in SLIDE_KINDS:
        if kind == "agenda" and not settings.agenda:
            continue
        name = chosen_names.get(kind)
        layout = find_layout(template, name, master) if name else None
        if name and layout is None:
            problems.append(f"'{printable(name)}' (for the {kind.replace('_', ' ')} slide"
                            f"{suggest_layout(template, name).replace(' (', '; ').rstrip(')')})")
            continue
        if layout is None:
            layout = find_layout(template, SLIDE_KINDS[kind][0], master)
            if layout is not None and not own_template and not layout.of_kind("title"):
                layout = None
        if layout is None:
            layout = choose_layout(kind, template, master, chosen)
        if layout is None:
            problems.append(f"a layout with a title (for the {kind.replace('_', ' ')} slide)")
            continue
        chosen[kind] = layout
    if problems and not any(layout.of_kind("title") for layout in template.layouts):
        raise SourceError(source, line, f"{where} has no slide layout with a title box in "
                          f"any of its {len(template.layouts)} layouts: it is a presentation "
                          "built from pictures and loose text, not a template with places "
                          "for text. Ask the organisation for its PowerPoint template "
                          "(.potx), or leave out 'deck: template:' to use tweeluik's own")
    titled = sorted({layout.master + 1 for layout in template.layouts
                     if layout.of_kind("title")})
    if problems and master + 1 not in titled:
        raise SourceError(source, line, f"the slide master {master + 1} of {where} has no "
                          "layout with a title box; "
                          + (f"master {titled[0]} has" if len(titled) == 1 else
                             f"masters {', '.join(map(str, titled))} have")
                          + f" such layouts: write 'deck: master: {titled[0]}' in the front "
                          "matter (see 'build.py template-info')")
    if problems:
        names = sorted({layout.name for layout in template.layouts})
        raise SourceError(source, line, f"{where} has no slide layout "
                          f"{'; nor '.join(problems)}. Layouts it has: {', '.join(names)}. "
                          "Choose one under 'deck: layouts:' in the front matter "
                          "(see 'build.py template-info')")
    result = {}
    for kind, layout in chosen.items():
        slots, missing = assign_roles(kind, layout, template.scale)
        if "title" not in slots:
            raise SourceError(source, line, f"the slide layout '{layout.name}' has no title "
                              f"placeholder; choose a layout with a title for the "
                              f"{kind.replace('_', ' ')} slide under 'deck: layouts:'")
        result[kind] = SlideLayout(kind, layout, slots, tuple(missing))
    return result


def publication_layouts(publication: Publication,
                        template: TemplateInfo) -> dict[str, SlideLayout]:
    deck = publication.meta.deck
    return resolve_layouts(deck, template, deck.template is None, publication.source,
                           publication.meta.line_of("deck"))


# --- building the plan ---------------------------------------------------------------


def inlines_to_runs(inlines: Inlines, bold: bool = False, italic: bool = False,
                    href: str | None = None) -> list[RunPlan]:
    """Inline content as runs; emphasis toggles italic, so it shows inside italic text too."""
    runs: list[RunPlan] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            runs.append(RunPlan(node.text, bold, italic, href))
        elif isinstance(node, LineBreak):
            runs.append(RunPlan(" ", bold, italic, href))
        elif isinstance(node, Emph):
            runs.extend(inlines_to_runs(node.children, bold, not italic, href))
        elif isinstance(node, Strong):
            runs.extend(inlines_to_runs(node.children, True, italic, href))
        elif isinstance(node, Link):
            runs.extend(inlines_to_runs(node.children, bold, italic, node.href))
        else:
            raise UnknownKind(node, "the deck's inline writer")
    return runs


def folded(runs: list[RunPlan]) -> list[RunPlan]:
    """Runs with their white space folded as ``split_sentences`` folds it."""
    out: list[RunPlan] = []
    previous_space = True
    for run in runs:
        text = " ".join(run.text.split())
        if run.text[:1].isspace() and text and not previous_space:
            text = " " + text
        if run.text[-1:].isspace() and text:
            text += " "
        if text:
            out.append(replace(run, text=text))
            previous_space = text.endswith(" ")
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return [run for run in out if run.text]


def runs_prefix(runs: list[RunPlan], shortened: Shortened) -> list[RunPlan]:
    """The runs cut to the shortened text, keeping their emphasis and links."""
    kept = shortened.text.removesuffix(ELLIPSIS)
    out: list[RunPlan] = []
    remaining = len(kept)
    for run in folded(runs):
        if remaining <= 0:
            break
        piece = run.text[:remaining]
        out.append(replace(run, text=piece))
        remaining -= len(piece)
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" ,;:–—-"))
    if shortened.text.endswith(ELLIPSIS):
        out.append(RunPlan(ELLIPSIS))
    return out


def lesson_notes(lesson: Lesson, labels: dict[str, str]) -> tuple[str, ...]:
    """The speaker notes of a lesson's slide: the author's own notes first, if any, then
    the lesson's whole text, so the presenter can always read along."""
    text = ([plain_text(lesson.key_message)] if lesson.key_message else []) \
        + blocks_text(lesson.blocks)
    if lesson.notes is None:
        return tuple(text)
    own = [plain_text(paragraph.inlines) for paragraph in lesson.notes]
    return (*own, f"— {labels['full_text']} —", *text)


class _Planner:
    def __init__(self, publication: Publication, theme: Theme, template: TemplateInfo,
                 layouts: dict[str, SlideLayout], design: str, fonts: Path,
                 exceptions: Exceptions = NO_EXCEPTIONS):
        self.pub = publication
        self.theme = theme
        self.template = template
        self.layouts = layouts
        self.design = design
        self.fonts = fonts
        self.exceptions = exceptions
        self.labels = labels_for(publication.meta.language)
        self.warnings: list[Diagnostic] = []
        self._said: set[str] = set()
        #: Whole texts shortened on the slide being planned; ``slide`` puts each in the
        #: notes, so "the notes keep it" is always true.
        self._cut: list[str] = []
        #: (kind, role) → the size every lesson slide sets that role at: the largest at
        #: which the longest of them fits, so sizes do not jump from slide to slide.
        self.deck_sizes: dict[tuple[str, str], float] = {}

    def warn(self, line: int | None, message: str, once: str | None = None,
             severity: str = WARNING) -> None:
        if once is not None:
            if once in self._said:
                return
            self._said.add(once)
        self.warnings.append(Diagnostic(self.pub.source, line, message, severity))

    def slot(self, kind: str, role: str) -> Slot | None:
        return self.layouts[kind].slots.get(role)

    # -- how a role's text is measured ----------------------------------------------

    def style_for(self, kind: str, role: str) -> tuple[Style, bool, bool, bool]:
        """(measuring style, bold, italic, caps) of a role's text."""
        rs = _role_style(kind, role)
        if self.design == "tweeluik":
            face = self.theme.serif if rs.typeface == "serif" else self.theme.sans
            return (Style(face.files["regular"], face.files["italic"], face.files["bold"],
                          face.files["bold_italic"]), rs.bold, rs.italic, rs.caps)
        slot = self.slot(kind, role)
        style = slot.placeholder.style if slot is not None else None
        name = (style.typeface if style and style.typeface else None) or \
            self.template.minor_font or "Calibri"
        font = measuring_font(name, self.fonts)
        if not font.exact:
            self.warn(self.pub.meta.line_of("deck"), f"the template's font '{printable(name)}' "
                      "cannot be measured here (tweeluik knows the widths of Calibri, Calibri "
                      "Light, Aptos, Cambria, Arial, Helvetica, Times New Roman and Courier "
                      "New); its text is sized "
                      "with a cautious stand-in, so it may look a little small",
                      once=f"font:{name}")
        files = font.files
        return (Style(files["regular"], files["italic"], files["bold"], files["bold_italic"],
                      widening=font.widening, tracking=style.tracking if style else 0.0,
                      line_spacing=(style.line_spacing or ("pct", 1.0)) if style else ("pct", 1.0)),
                style.bold if style else False, style.italic if style else False,
                style.caps if style else False)

    def sizes(self, kind: str, role: str) -> tuple[float, float]:
        """(largest, smallest) in points: the theme's, scaled to this slide's width; in a
        template's design no larger than the template's own size for that placeholder."""
        key = _role_style(kind, role).sizes
        if self.design == "template" and role == "title" and kind != "title":
            key = "lesson_title"  # our small agenda label is a template's real title
        largest, smallest = self.theme.deck[key]
        scale = self.template.scale
        largest, smallest = largest * scale, smallest * scale
        slot = self.slot(kind, role)
        if self.design == "template" and slot is not None and slot.placeholder.style.size:
            largest = max(smallest, min(largest, slot.placeholder.style.size))
        if (kind, role) in self.deck_sizes:
            largest = max(smallest, min(largest, self.deck_sizes[(kind, role)]))
        return round(largest * 2) / 2, round(smallest * 2) / 2

    def pieces(self, paragraphs, bold: bool, italic: bool,
               caps: bool) -> tuple[tuple[Piece, ...], ...]:
        """Paragraphs of runs as styled pieces to measure (caps applied)."""
        return tuple(
            tuple(Piece(r.text.upper() if caps else r.text, bold or r.bold, italic != r.italic)
                  for r in runs)
            for runs in paragraphs)

    def fits(self, kind: str, role: str, paragraphs) -> Fit | None:
        """The largest size in the role's range at which ``paragraphs`` fit, if any."""
        slot = self.slot(kind, role)
        if slot is None:
            return None
        style, bold, italic, caps = self.style_for(kind, role)
        largest, smallest = self.sizes(kind, role)
        return fit_text(self.pieces(paragraphs, bold, italic, caps), style,
                        inner(slot), largest, smallest)

    # -- fitting ---------------------------------------------------------------------

    def text(self, kind: str, role: str, runs_per_paragraph: list[list[RunPlan]],
             what: str, line: int | None,
             advice: str = "Make it shorter (one sentence reads best)",
             keep_last: bool = False) -> TextPlan | None:
        """Measure and size one placeholder's text; hyphenate or shorten past the limits,
        saying so, and saying so differently when the box is the problem. With
        ``keep_last``, the last paragraph (the names under closing words) is never cut."""
        slot = self.slot(kind, role)
        if slot is None:
            return None
        frame_box = inner(slot)
        rs = _role_style(kind, role)
        style, bold, italic, caps = self.style_for(kind, role)
        largest, smallest = self.sizes(kind, role)
        paragraphs = [[run for run in runs if run.text] for runs in runs_per_paragraph]
        paragraphs = [runs for runs in paragraphs if runs]
        if not paragraphs:
            return None

        def measure(paragraphs_, high: float, low: float, step: float = 1.0) -> Fit | None:
            return fit_text(self.pieces(paragraphs_, bold, italic, caps), style, frame_box,
                            high, low, step)

        fit = measure(paragraphs, largest, smallest)
        if fit is None and self.box_too_small(frame_box, style, smallest):
            floor = max(8.0, smallest * 0.5)
            layout = self.layouts[kind].layout.name
            fit = self.small_box_fit(kind, role, paragraphs)
            if fit is None and role != "title":
                # Not even one line fits at a size that can be read: the notes keep it,
                # rather than one word at a size nobody sees.
                whole = " ".join(plain_text_of(runs) for runs in paragraphs)
                self._cut.append(whole)
                self.warn(line, f"{what} does not fit the {ROLE_WORDS.get(role, role)} box of "
                          f"the slide layout '{layout}' ({frame_box.height:.0f} pt high, "
                          f"{frame_box.width:.0f} pt wide) at a size that can be read; it is in "
                          f"the speaker notes. Choose a layout with a larger box for the "
                          f"{kind.replace('_', ' ')} slides under 'deck: layouts: {kind}:'")
                return None
            set_at = f"it is set at {fit.size:g} pt there" if fit is not None \
                else "it is set smaller there"
            self.warn(line, f"the slide layout '{layout}' has a {ROLE_WORDS.get(role, role)} "
                      f"box only {frame_box.height:.0f} pt high and {frame_box.width:.0f} pt "
                      f"wide, too small for text at {smallest:g} pt; {set_at}. "
                      f"Choose a layout with a larger box for the {kind.replace('_', ' ')} "
                      f"slides under 'deck: layouts: {kind}:'", once=f"box:{layout}:{role}")
            smallest = floor
        settled = self.deck_sizes.get((kind, role))
        if fit is not None and settled is not None and settled < fit.size:
            # the deck's size for the role is smaller than the range: a box too small for
            # one lesson's title sets every lesson's title at the size that one needs
            fit = measure(paragraphs, settled, settled) or fit
        if fit is None:
            word, width = widest_word(self.pieces(paragraphs, bold, italic, caps), style,
                                      smallest)
            if width > frame_box.width:
                paragraphs = self.hyphenate(paragraphs, style, bold, italic, caps, smallest,
                                            frame_box.width)
                self.warn(line, f"{what}: the word '{word}' is too wide for the slide even at "
                          f"{smallest:g} pt; it is hyphenated there. A shorter word or a "
                          "hyphen of your own reads better")
                fit = measure(paragraphs, largest, smallest)
        if fit is None:
            tail = paragraphs[-1:] if keep_last and len(paragraphs) > 1 else []
            self._cut.append(" ".join(plain_text_of(runs) for runs in paragraphs))
            paragraphs, fit, shortened = self.shorten(paragraphs, style, bold, italic, caps,
                                                      frame_box, smallest, tail)
            where = "the speaker notes keep the whole" if rs.can_shorten else "the notes keep it"
            self.warn(line, f"{what} is too long for its slide even at {smallest:g} pt; "
                      f"{describe(shortened)}, and {where}. {advice}")
        return self.text_plan(kind, role, slot, paragraphs, fit.size, fit.height,
                              self.widest(fit.lines, style, fit.size, bold, italic, caps))

    @staticmethod
    def widest(lines, style: Style, size: float, bold: bool, italic: bool,
               caps: bool) -> float:
        """The width of the widest of ``lines`` (points), as measured for fitting."""
        from .fit import text_width
        return max((text_width(line.upper() if caps else line, style, size, bold, italic)
                    for line in lines), default=0.0)

    def text_plan(self, kind: str, role: str, slot: Slot, paragraphs, size: float,
                  height: float, width: float = 0.0) -> TextPlan:
        rs = _role_style(kind, role)
        clone = slot.placeholder.kind in ("date", "footer", "slide_number")
        frame = slot.placeholder.frame
        drawn = self.layouts[kind].layout.placeholders[slot.placeholder.order].frame
        insets = None if (frame.inset_left, frame.inset_right) \
            == (drawn.inset_left, drawn.inset_right) else (frame.inset_left, frame.inset_right)
        if self.design == "tweeluik":
            return TextPlan(role, tuple(tuple(runs) for runs in paragraphs), size,
                            slot.placeholder.order, clone, True, rs.typeface, rs.bold,
                            rs.italic, rs.colour, rs.caps, rs.anchor, height=height,
                            insets=insets)
        style = slot.placeholder.style
        style = self.legible(kind, role, slot.placeholder, style, height, width,
                             needed_contrast(size, style.bold))
        return TextPlan(role, tuple(tuple(runs) for runs in paragraphs), size,
                        slot.placeholder.order, clone, design=False, bold=style.bold,
                        italic=style.italic, caps=style.caps, line_pitch=False, style=style,
                        height=height, insets=insets)

    def legible(self, kind: str, role: str, placeholder, style, height: float, width: float,
                needed: float):
        """The template's text style, changed only where its text would not read on
        what lies behind it: first by setting the text at another end of its box where
        the template's own colour reads (its design kept), else by the theme's dark or
        light colour where that reads better on every part the text covers (and then at
        the end of the box where that colour reads on plain colour). Each change is said."""
        if style.colour_hex is None or not placeholder.cells:
            return style
        layout = self.layouts[kind].layout.name
        anchor = readable_anchor(placeholder, style, height, width, needed)
        if anchor is None:
            covered = covered_cells(placeholder, height, width, style)
            better = readable_colour(style.colour_hex, [colour for colour, _ in covered],
                                     self.template, needed)
            moved = self.other_colour_elsewhere(placeholder, style, height, width, needed) \
                if better is None or better.better < needed else None
            if moved is not None:
                colour, anchor = moved
                self.warn(self.pub.meta.line_of("deck"), f"the slide layout '{layout}' sets "
                          f"its {ROLE_WORDS.get(role, role)} in {style.colour_hex} across two "
                          f"backgrounds, hard to read from afar on one of them; tweeluik uses "
                          f"the template's {colour} at the {XML_ANCHORS[anchor]} of the box, "
                          "where it reads on all that lies behind it",
                          once=f"contrast:{layout}:{placeholder.order}")
                return replace(style, colour=("srgb", colour.lstrip("#")), colour_hex=colour,
                               anchor=anchor)
            if better is None:
                return style
            pictured = any(picture for _, picture in covered)
            where = (f"on a picture of {better.behind} there" if pictured
                     else f"on {better.behind}")
            self.warn(self.pub.meta.line_of("deck"), f"the slide layout '{layout}' sets its "
                      f"{ROLE_WORDS.get(role, role)} in {style.colour_hex} {where} (contrast "
                      f"{better.own:.1f}:1, hard to read from afar); tweeluik uses the "
                      f"template's {better.colour} there ({better.better:.1f}:1)",
                      once=f"contrast:{layout}:{placeholder.order}")
            style = replace(style, colour=("srgb", better.colour.lstrip("#")),
                            colour_hex=better.colour)
            anchor = readable_anchor(placeholder, style, height, width, needed)
        if anchor is not None and anchor != (style.anchor or "t"):
            self.warn(self.pub.meta.line_of("deck"), f"the slide layout '{layout}' has a "
                      f"{ROLE_WORDS.get(role, role)} box that lies over two backgrounds, and "
                      f"its text, set {XML_ANCHORS.get(style.anchor or 't')} in the box, would "
                      f"run onto one it hardly shows on; tweeluik sets it at the "
                      f"{XML_ANCHORS[anchor]} of the box",
                      once=f"anchor:{layout}:{placeholder.order}")
            style = replace(style, anchor=anchor)
        return style

    def other_colour_elsewhere(self, placeholder, style, height: float, width: float,
                               needed: float) -> tuple[str, str] | None:
        """The theme's dark or light colour and an anchor at which that colour reads on
        all that lies behind the text at another end of the box, when no colour reads
        where the template sets it (a title box half on a dark band: light text at the
        band's end)."""
        for colour in (self.template.dark, self.template.light):
            if colour.upper() == (style.colour_hex or "").upper():
                continue
            other = replace(style, colour=("srgb", colour.lstrip("#")), colour_hex=colour)
            anchor = readable_anchor(placeholder, other, height, width, needed)
            if anchor is not None and anchor != (style.anchor or "t"):
                return colour, anchor
        return None

    def one_line_each(self, paragraphs, style: Style, bold: bool, italic: bool, caps: bool,
                      box: Box, largest: float, smallest: float) -> Fit | None:
        """A box that is a thin strip (a footer or date box) holds one line per paragraph
        that fits its width, as the template's own footer text stands in it: the largest
        such size from ``largest`` down to ``smallest``, or ``None``."""
        pieces = self.pieces(paragraphs, bold, italic, caps)
        size = largest
        while size >= smallest - 1e-9:
            fit = fit_text(pieces, style, Box(box.width, 10_000.0), size, size)
            if fit is not None and len(fit.lines) == len(paragraphs):
                return fit
            size -= 0.5
        return None

    def small_box_fit(self, kind: str, role: str, paragraphs) -> Fit | None:
        """Below the role's range, for a box too small for it: the largest size down to
        half the range's smallest at which the text fits, else one line a paragraph (a
        strip holds one line at the template's own size, as its prompt stands there)."""
        slot = self.slot(kind, role)
        assert slot is not None
        style, bold, italic, caps = self.style_for(kind, role)
        _, smallest = self.sizes(kind, role)
        floor = max(8.0, smallest * 0.5)
        strip_size = min(smallest, round((slot.placeholder.style.size or smallest) * 2) / 2)
        return fit_text(self.pieces(paragraphs, bold, italic, caps), style, inner(slot),
                        smallest - 0.5, floor, 0.5) or self.one_line_each(
            paragraphs, style, bold, italic, caps, inner(slot), strip_size, floor)

    def box_too_small(self, box: Box, style: Style, smallest: float) -> bool:
        """A box that cannot hold two lines, or a dozen letters, at the smallest size."""
        return box.height < 2 * style.line_height(smallest) or box.width < 6 * smallest

    def names(self, kind: str, role: str, names: tuple[str, ...],
              line: int | None) -> TextPlan | None:
        """Names set in lines that break only between names (never inside 'Pieter-Jan')."""
        slot = self.slot(kind, role)
        if slot is None or not names:
            return None
        style, bold, italic, caps = self.style_for(kind, role)
        separator = NAME_SEPARATOR
        size, smallest = self.sizes(kind, role)
        box = inner(slot)
        while size >= smallest:
            lines = pack_items([whole_name(name) for name in names], separator, style, size,
                               box.width, bold, italic,
                               caps)
            height = text_height(len(lines), len(lines), size, style) if lines else 0.0
            if lines and height <= box.height:
                return self.text_plan(kind, role, slot, [[RunPlan(text)] for text in lines], size,
                                      height, self.widest(lines, style, size, bold, italic, caps))
            size -= 1
        return self.text(kind, role, [[RunPlan(joined_names(names))]], "the signatories", line)

    def hyphenate(self, paragraphs, style: Style, bold: bool, italic: bool, caps: bool,
                  size: float, width: float) -> list[list[RunPlan]]:
        """Insert hyphens into words wider than ``width`` so that each piece fits: at the
        last dictionary break point that fits, else between letters. Linear in the word:
        the letters' widths are summed once."""
        language = self.pub.meta.language
        if width <= 4 * size:  # no room for even a few letters: leave the words whole
            return paragraphs
        out = []
        for runs in paragraphs:
            new_runs = []
            for run in runs:
                metrics = load_metrics(style.file(bold or run.bold, italic != run.italic))

                def char_width(char: str, metrics=metrics) -> float:
                    return (metrics.text_width(char, size) * style.widening + style.tracking) \
                        * WIDTH_SAFETY

                hyphen = char_width("-")
                words = []
                for word in run.text.split(" "):
                    shown = word.upper() if caps else word
                    ends = list(itertools.accumulate((char_width(c) for c in shown),
                                                     initial=0.0))
                    if ends[-1] <= width:
                        words.append(word)
                        continue
                    points = set(break_points(word, language, self.exceptions))
                    start = 0
                    while ends[-1] - ends[start] > width:
                        limit = bisect.bisect_right(ends, ends[start] + width - hyphen) - 1
                        limit = max(limit, start + 1)
                        cut = next((p for p in range(limit, start, -1) if p in points), limit)
                        words.append(word[start:cut] + "-")
                        start = cut
                    words.append(word[start:])
                new_runs.append(replace(run, text=" ".join(words).replace("- ", "-")))
            out.append(new_runs)
        return out

    def shorten(self, paragraphs, style: Style, bold: bool, italic: bool, caps: bool,
                box: Box, smallest: float, tail: list | None = None
                ) -> tuple[list[list[RunPlan]], Fit, Shortened]:
        """The first paragraph cut to whole sentences, else clauses, else words, each the
        longest that fits at the smallest size (with ``tail`` kept under it); never less
        than one word."""
        runs = paragraphs[0]
        tail = tail or []
        text = plain_text_of(runs)
        versions = list(shorter_versions(text))
        # the lesson's number set before its title is no word of the title: the warning
        # counts the title's own words
        lead = sum(len(run.text.split()) for run in itertools.takewhile(
            lambda run: run.accent, runs))
        versions = [replace(version, kept=max(1, version.kept - lead))
                    if version.how == "words" else version for version in versions]

        def tried(index: int) -> tuple[list[list[RunPlan]], Fit | None]:
            candidate = [runs_prefix(runs, versions[index]), *tail]
            return candidate, fit_text(self.pieces(candidate, bold, italic, caps), style, box,
                                       smallest, smallest)

        # Each version is shorter than the one before, so when one fits, every later one
        # does: find the first that fits by halving (a pasted list of 900 clauses would
        # take 900 fittings one by one, each as long as the text).
        low, high = 0, len(versions)
        while low < high:
            middle = (low + high) // 2
            if tried(middle)[1] is None:
                low = middle + 1
            else:
                high = middle
        if low < len(versions):
            candidate, fit = tried(low)
            if fit is not None:
                return candidate, fit, versions[low]
        # Not even one word fits at the smallest size: set the first word as large as it
        # goes rather than leave an empty box.
        candidate, shortened = ([runs_prefix(runs, versions[-1]), *tail], versions[-1]) \
            if versions else ([runs, *tail], Shortened(text, "words", word_count(text)))
        fit = fit_text(self.pieces(candidate, bold, italic, caps), style, box, smallest, 1,
                       step=0.5)
        if fit is None:
            fit = Fit(1.0, (plain_text_of(candidate[0]),), box.height)
        return candidate, fit, shortened

    # -- slides ----------------------------------------------------------------------

    def with_links(self, notes: list[str], blocks: tuple[Block, ...],
                   *inlines: Inlines | None) -> tuple[str, ...]:
        """Speaker notes followed by the addresses of the links in that part of the text."""
        found = links_in(blocks, *inlines)
        if found:
            notes = [*notes, f"{self.labels['links']}:",
                     *(f"• {plain_text(link.children)}: {link.href}" for link in found)]
        return tuple(notes)

    def slide(self, kind: str, texts: list[TextPlan | None], notes: tuple[str, ...],
              picture: PicturePlan | None = None, line: int | None = None) -> SlidePlan:
        layout = self.layouts[kind].layout
        footer = self.footer(kind, texts)
        logo = self.logo(kind, [*texts, footer]) if kind in ("title", "closing") else None
        whole = " ".join(notes)
        cut = [text for text in dict.fromkeys(self._cut) if " ".join(text.split()) not in
               " ".join(whole.split())]
        self._cut = []
        return SlidePlan(kind, layout.name, _present(texts), (*cut, *notes), picture, line,
                         layout.master, layout.position, footer, logo)

    def logo(self, kind: str, texts: list[TextPlan | None]) -> LogoPlan | None:
        """The logo where nothing of the slide lies (its texts, and what layout and
        master draw): the first free corner (top right, top left, bottom right, bottom
        left) as high as the theme says, else a free place along the top or bottom edge,
        else the same a quarter and then a half smaller."""
        picture = self.pub.meta.logo
        if picture is None:
            return None
        layout = self.layouts[kind].layout
        if layout.logos and self.pub.meta.deck.logo != "always":
            self.warn(picture.line, f"the slide layout '{layout.name}' carries the template's "
                      f"own logo, so the organisation's logo is not added to the {kind} slide; "
                      "write 'deck: logo: always' to add it all the same", once=f"own-logo:{kind}",
                      severity=NOTE)
            return None
        scale = self.template.scale
        full = css_length_pt(self.theme.logo["slide"], 10.0) * scale
        margin = 28.8 * scale
        frames = [text_extent(text, layout.placeholders[text.placeholder])
                  for text in texts if text is not None]
        frames += [Frame(-1, *rect) for rect in layout.drawn]
        small = [p.frame for p in layout.placeholders if p.kind in ("slide_number", "date",
                                                                    "footer")]
        for share in (1.0, 0.75, 0.5):
            height = full * share
            width = height * picture.width / picture.height
            if width > self.template.width * 0.3:  # a wide logo keeps to a third of the slide
                width = self.template.width * 0.3
                height = width * picture.height / picture.width
            places = list(free_places(self.template.width, self.template.height, width,
                                      height, margin, frames, small))
            if not places:
                continue
            showing = [place for place in places
                       if not self.logo_hardly_shows(picture.ink, layout, *place, width, height)]
            if not showing:
                light = picture.ink[5] > 0.5  # drawn light, so the background is light too
                self.warn(picture.line, f"the logo '{printable(picture.path.name)}' is drawn in "
                          f"colours too close to the {'light' if light else 'dark'} background "
                          f"of the {kind} slide to be seen; use the organisation's logo made for "
                          f"{'light' if light else 'dark'} backgrounds", once=f"logo-shows:{kind}")
            left, top = (showing or places)[0]
            return LogoPlan(picture.path, picture.format, left, top, width, height,
                            self.pub.meta.organisation or "")
        self.warn(picture.line, f"the logo finds no free place on the {kind} slide (its "
                  "texts and what the template draws fill every corner and edge); it is left "
                  "off that slide. A lower [logo] slide height in theme.toml may make room",
                  once=f"logo:{kind}")
        return None

    def logo_hardly_shows(self, ink: tuple[float, ...], layout: LayoutInfo, left: float,
                          top: float, width: float, height: float) -> bool:
        """True when the logo's drawing can hardly be seen on every colour the slide
        shows behind this place (as far as they can be known)."""
        known = [colour for colour in layout.colours_behind(
            left, top, width, height, self.template.width, self.template.height) if colour]
        return bool(known) and all(hardly_shows(ink, relative_luminance(colour))
                                   for colour in known)

    def footer(self, kind: str, texts: list[TextPlan | None]) -> TextPlan | None:
        """The template's own footer words on every slide whose layout has a footer box
        that no text of ours uses, when they name the organisation; where the template's
        footer is only a fill-in hint ('Title of Presentation | DD.MM.YYYY') or words of
        another deck ('Project X', a former author's name), the organisation and the
        title instead."""
        words = self.template.footer
        layout = self.layouts[kind].layout
        used = {text.placeholder for text in texts if text is not None}
        box = next((p for p in layout.placeholders if p.kind == "footer"
                    and p.order not in used), None)
        foreign = bool(words) and not names_organisation(words, self.pub.meta.organisation)
        if foreign:
            words = ""
        if not words and (self.template.footer_hint or foreign) and kind != "title" \
                and box is not None:
            meta = self.pub.meta
            size = box.style.size or 12.0 * self.template.scale
            choices = ["  ·  ".join(part for part in (meta.organisation, meta.title) if part),
                       meta.organisation or "", meta.title]
            words = next((choice for choice in choices
                          if choice and self.fits_box(choice, box, size)), "")
        if not words:
            return None
        if box is None:
            return None
        size = box.style.size or 12.0 * self.template.scale
        return TextPlan("footer", ((RunPlan(words),),), size, box.order,
                        clone=True, design=False, bold=box.style.bold, italic=box.style.italic,
                        line_pitch=False, style=box.style)

    def fits_box(self, words: str, box, size: float) -> bool:
        """Whether ``words`` fit a template's box at ``size``, in the box's own font."""
        name = box.style.typeface or self.template.minor_font or "Calibri"
        files = measuring_font(name, self.fonts).files
        style = Style(files["regular"], files["italic"], files["bold"], files["bold_italic"])
        frame = box.frame
        return fit_text(((Piece(words, box.style.bold, box.style.italic),),), style,
                        Box(frame.inner_width, frame.inner_height), size, size) is not None

    def title_slide(self) -> SlidePlan:
        meta = self.pub.meta
        date = format_date(meta.date, meta.language) if meta.date else meta.date_text
        values = {"title": meta.title, "subtitle": meta.subtitle or "",
                  "organisation": meta.organisation or "", "date": date or ""}
        lines = {role: meta.line_of(role) for role in values}
        slots = self.layouts["title"].slots
        texts = [self.text("title", "title", [[RunPlan(meta.title)]], "the title", lines["title"])]
        # A footer or date strip too small to read from the room: the organisation and the
        # date stand under the subtitle instead, when they fit there (unless the template
        # named the box for them).
        strips = [role for role in ("organisation", "date") if values[role]
                  and (slot := slots.get(role)) is not None and slot.shared_with is None
                  and slot.placeholder.kind in ("footer", "date") and "subtitle" in slots
                  and slot.placeholder.role_name != role  # a box named for it is meant
                  and slots["subtitle"].shared_with is None
                  and (slot.placeholder.style.size or 12.0) < READABLE_STRIP_PT * self.template.scale]
        moved: set[str] = set()
        for role in ("subtitle", "organisation", "date"):
            slot = slots.get(role)
            if slot is None or slot.shared_with is not None or role in moved:
                continue
            if role == "subtitle":  # the organisation and date may share its box
                shared = [other for other in ("organisation", "date")
                          if (s := slots.get(other)) is not None and s.shared_with == "subtitle"
                          and values[other]]
                paragraphs, left_out = self.shared_subtitle(values, [*shared, *strips])
                if any(other in left_out for other in shared):  # they have no box at all
                    paragraphs, left_out = self.shared_subtitle(values, shared)
                    strips = []
                moved = {other for other in strips if other not in left_out}
                left_out = [other for other in left_out if other not in strips]
                texts.append(self.text("title", "subtitle", paragraphs, "the subtitle",
                                       lines["subtitle"]))
                for other in left_out:
                    self.warn(lines[other], f"the {other} does not fit on the title slide: "
                              f"its slide layout '{self.layouts['title'].layout.name}' has no "
                              f"box for it, and the subtitle's box is too small to hold it "
                              "too; it is in the speaker notes. Choose a title layout with a "
                              "footer or date box under 'deck: layouts: title:'",
                              once=f"title:{other}")
                    self._cut.append(values[other])
            else:
                texts.append(self.text("title", role, [[RunPlan(values[role])]],
                                       f"the {role}", lines[role]))
        intro = self.pub.introduction
        notes = ([plain_text(intro.salutation)] if intro.salutation else []) \
            + blocks_text(intro.blocks)
        for role in ("organisation", "date", "subtitle"):
            if values[role] and role not in slots:
                self.warn(lines[role], f"the {role} has no place on the title slide: its slide "
                          f"layout '{self.layouts['title'].layout.name}' has no box for it, nor "
                          "a subtitle to share; it is in the speaker notes",
                          once=f"title:{role}")
                notes.insert(0, values[role])
        return self.slide("title", texts, self.with_links(notes, intro.blocks, intro.salutation))

    def shared_subtitle(self, values: dict[str, str], shared: list[str]
                        ) -> tuple[list[list[RunPlan]], list[str]]:
        """What the subtitle's box holds when the organisation and the date have no box
        of their own: all three on lines of their own if they fit; else the organisation
        and the date on one line under the subtitle; else the subtitle alone (the others
        are returned, for the notes)."""
        subtitle = [[RunPlan(values["subtitle"])]] if values["subtitle"] else []
        lines = [[RunPlan(values[role])] for role in shared]
        if not shared or self.fits("title", "subtitle", [*subtitle, *lines]):
            return [*subtitle, *lines], []
        joined = [[RunPlan("  ·  ".join(values[role] for role in shared))]]
        if len(shared) > 1 and self.fits("title", "subtitle", [*subtitle, *joined]):
            return [*subtitle, *joined], []
        if not subtitle:
            return lines[:1], shared[1:]
        return subtitle, shared

    def agenda_slides(self) -> list[SlidePlan]:
        """The agenda: as many slides as its lessons need, each as full as it reads well."""
        lessons = list(self.pub.lessons)
        slides = []
        while lessons:
            count = len(lessons)
            while count > 1:
                items = self.agenda_items(lessons[:count])
                if self.fits("agenda", "body", items) is not None:
                    break
                count -= 1
            items = self.agenda_items(lessons[:count])
            texts = [
                self.text("agenda", "title", [[RunPlan(self.labels["agenda"])]],
                          "the agenda title", None),
                self.text("agenda", "body", items, "the agenda", None),
            ]
            slides.append(self.slide("agenda", texts, ()))
            lessons = lessons[count:]
        return slides

    def agenda_items(self, lessons: list[Lesson]) -> list[list[RunPlan]]:
        return [[RunPlan(f"{lesson.number}", bold=True, accent=True), RunPlan("\u2003"),
                 *inlines_to_runs(lesson.title)] for lesson in lessons]

    def lesson_words(self, lesson: Lesson):
        """(kind of slide, title runs, message paragraphs, the message's line, what the
        message is) of a lesson's slide."""
        image = next((b for b in lesson.blocks if isinstance(b, Image)), None)
        kind = "lesson_picture" if image is not None and \
            "picture" in self.layouts["lesson_picture"].slots else "lesson"
        where = f"lesson {lesson.number}"
        message_line = lesson.key_message_line or lesson.line
        if lesson.key_message is not None:
            message = [inlines_to_runs(lesson.key_message)]
            what = f"the key message of {where}"
        else:
            fallback = lesson.stand_in
            message = [[RunPlan(fallback[0])]] if fallback else []
            message_line = fallback[1] if fallback else lesson.line
            what = f"the first sentence of {where} (it has no key message)"
        title_runs = inlines_to_runs(lesson.title)
        if self.slot(kind, "number") is None:
            title_runs = [RunPlan(f"{lesson.number}  ", accent=True), *title_runs]
        return kind, title_runs, message, message_line, what

    def settle_deck_sizes(self) -> None:
        """One size per role across the lesson slides: the largest at which every lesson's
        title (and key message) fits, below the range where the box is too small for it;
        a text that fits at no size is left out of the reckoning (it is shortened on its
        own slide)."""
        found: dict[tuple[str, str], list[float]] = {}
        for lesson in self.pub.lessons:
            kind, title_runs, message, _, _ = self.lesson_words(lesson)
            for role, paragraphs in (("title", [title_runs]), ("message", message)):
                slot = self.slot(kind, role)
                if not paragraphs or slot is None:
                    continue
                fit = self.fits(kind, role, paragraphs)
                if fit is None and self.box_too_small(inner(slot), self.style_for(kind, role)[0],
                                                      self.sizes(kind, role)[1]):
                    fit = self.small_box_fit(kind, role, paragraphs)
                if fit is not None:
                    found.setdefault((kind, role), []).append(fit.size)
        self.deck_sizes = {key: min(sizes) for key, sizes in found.items()}

    def lesson_slide(self, lesson: Lesson) -> SlidePlan:
        image = next((b for b in lesson.blocks if isinstance(b, Image)), None)
        kind, title_runs, message, message_line, what = self.lesson_words(lesson)
        where = f"lesson {lesson.number}"
        if message and self.slot(kind, "message") is None:
            layout = self.layouts[kind].layout.name
            self.warn(lesson.line, f"the slide layout '{layout}' has no text box for the key "
                      "messages; they are only in the speaker notes. Choose a layout with a "
                      f"title and a text box under 'deck: layouts: {kind}:'", once=f"msg:{kind}")
        texts = [
            self.text(kind, "number", [[RunPlan(str(lesson.number))]], f"the number of {where}",
                      lesson.line),
            self.text(kind, "title", [title_runs], f"the title of {where}", lesson.line),
            self.text(kind, "message", message, what, message_line),
        ]
        notes = self.with_links(list(lesson_notes(lesson, self.labels)), lesson.blocks,
                                lesson.key_message)
        picture = None
        slot = self.slot(kind, "picture")
        if kind == "lesson_picture" and image is not None and slot is not None:
            picture = PicturePlan(image.path, image.alt, image.width_px, image.height_px,
                                  slot.placeholder.order)
        return self.slide(kind, texts, notes, picture, lesson.line)

    def text_slides(self) -> list[SlidePlan]:
        """A letter without lessons: one slide per part of its text (the reader decided
        them: one per '###' heading, else the whole letter), each on the lesson layout
        with its first sentence and, in the notes, its text."""
        return [self.text_slide(section) for section in self.pub.introduction.sections]

    def text_slide(self, section) -> SlidePlan:
        """One slide of a letter without lessons: a title and the first sentence."""
        title = inlines_to_runs(section.title) if section.title is not None \
            else [RunPlan(self.labels["in_brief"])]
        found = section.stand_in
        message = [[RunPlan(found[0])]] if found else []
        message_line = found[1] if found else section.line
        texts = [self.text("lesson", "title", [title], "the title of a text slide",
                           section.line),
                 self.text("lesson", "message", message, "the first sentence of a section",
                           message_line)]
        return self.slide("lesson", texts, self.with_links(blocks_text(section.blocks),
                                                          section.blocks),
                          line=section.line or message_line)

    def closing_words(self) -> tuple[list[list[RunPlan]], int | None, str, str]:
        """What the closing slide says, the line it comes from, and what it is: the
        closing's own key message; else its last short sentence (a slogan) when that fits;
        else its words, which ``text`` shortens to whole sentences if they do not fit.
        The last item is the advice given when they are shortened."""
        closing = self.pub.closing
        advice = "Make it shorter (one sentence reads best)"
        if closing.key_message is not None:
            return ([inlines_to_runs(closing.key_message)], closing.key_message_line,
                    "the key message of the closing", advice)
        paragraphs = list(closing.words)
        if not paragraphs and closing.greeting is not None:  # the letter's own last words
            words = plain_text(closing.greeting.inlines).strip().rstrip(",")
            return [[RunPlan(words)]], closing.greeting.line, "the greeting", advice
        if not paragraphs:  # nothing of the letter's own: no words of ours either
            return [], closing.line, "the closing words", advice
        last = split_sentences(plain_text(paragraphs[-1].inlines))
        if last and word_count(last[-1]) <= SLOGAN_WORDS and len(last) + len(paragraphs) > 2:
            slogan = [[RunPlan(last[-1])]]
            if self.fits("closing", "body", slogan):
                return slogan, paragraphs[-1].line, "the last sentence of the closing", advice
        everything = [inlines_to_runs(block.inlines) for block in paragraphs]
        if self.fits("closing", "body", everything):
            return everything, paragraphs[0].line, "the closing words", advice
        return ([inlines_to_runs(paragraphs[0].inlines)], paragraphs[0].line,
                "the closing words", "To choose the words for the closing slide, write them as "
                "a '>' quote right under the '---'")

    def closing_slide(self) -> SlidePlan:
        closing, meta = self.pub.closing, self.pub.meta
        title = inlines_to_runs(closing.title) if closing.title \
            else [RunPlan(self.labels["closing"])]
        words, line, what, advice = self.closing_words()
        signatories = self.slot("closing", "signatories")
        names_line = meta.line_of("signatories")
        texts: list[TextPlan | None] = [
            self.text("closing", "title", [title], "the closing title", closing.line)]
        shared = signatories is not None and signatories.shared_with == "body" \
            and bool(meta.signatories)
        with_names = [*words, [RunPlan(joined_names(meta.signatories))]]
        if shared and not self.fits("closing", "body", with_names) \
                and self.fits("closing", "body", words):
            # One box for both, too small for both: the words stay whole, the names go to
            # the notes (cutting the words would change what the slide says).
            texts.append(self.text("closing", "body", words, what, line, advice))
            self.warn(names_line, f"the slide layout '{self.layouts['closing'].layout.name}' "
                      f"has one text box for {what} and the signatories, too small for both; "
                      "the signatories are in the speaker notes. Choose a layout with a "
                      "larger box, or one with a second box, under 'deck: layouts: closing:'",
                      once="closing-names")
        elif shared:
            texts.append(self.text("closing", "body", with_names, what, line, advice,
                                   keep_last=True))
        else:
            texts.append(self.text("closing", "body", words, what, line, advice))
            texts.append(self.names("closing", "signatories", meta.signatories, names_line))
        body_texts = ([plain_text(closing.key_message)] if closing.key_message else []) \
            + blocks_text(closing.blocks)
        notes = body_texts + ([", ".join(meta.signatories)] if meta.signatories else [])
        if self.slot("closing", "body") is None:
            self.warn(line, f"the slide layout '{self.layouts['closing'].layout.name}' has no "
                      "text box for the closing words and the signatories; they are only in "
                      "the speaker notes. Choose a layout with a text box under 'deck: "
                      "layouts: closing:'", once="closing-body")
        return self.slide("closing", texts, self.with_links(notes, closing.blocks,
                                                           closing.key_message),
                          line=closing.line)

    def plan(self) -> DeckPlan:
        meta = self.pub.meta
        slides = [self.title_slide()]
        if meta.deck.agenda and self.pub.lessons:
            if len(self.pub.lessons) <= AGENDA_LIMIT:
                slides.extend(self.agenda_slides())
            else:
                self.warn(meta.line_of("deck"), f"no agenda: {len(self.pub.lessons)} lessons "
                          f"would fill too many slides (at most {AGENDA_LIMIT}); set 'deck: "
                          "agenda: false' to leave it out without this warning")
        self.settle_deck_sizes()
        slides.extend(self.lesson_slide(lesson) for lesson in self.pub.lessons)
        if not self.pub.lessons:
            slides.extend(self.text_slides())
        slides.append(self.closing_slide())
        if any(isinstance(block, Image) for lesson in self.pub.lessons for block in lesson.blocks) \
                and "picture" not in self.layouts.get("lesson_picture",
                                                      self.layouts["lesson"]).slots:
            self.warn(meta.line_of("deck"), "the slide template has no layout with a picture "
                      "box; the lessons' pictures are in the booklet only", once="pictures",
                      severity=NOTE)
        return DeckPlan(
            slides=tuple(slides),
            title=document_property(meta.title),
            author=document_property(meta.organisation or ""),
            subject=document_property(meta.description or meta.subtitle or ""),
            keywords=document_property(", ".join(meta.keywords)),
            language_tag=LANGUAGE_TAGS[meta.language],
            design=self.design,
            warnings=tuple(self.warnings),
        )


#: A footer or date box set smaller than this (points, on a 13.33-inch slide) cannot be
#: read from the back of a room: the title slide's organisation and date go elsewhere.
READABLE_STRIP_PT = 18.0
#: Words that many organisations' names share: they do not tell one from another.
_COMMON_NAME_WORDS = frozenset("vereniging stichting association foundation society club "
                               "gemeente van voor the and het der den des".split())


def names_organisation(words: str, organisation: str | None) -> bool:
    """True when a template's footer words name the publication's organisation (share a
    word of its name that tells it apart), or when there is no organisation to compare."""
    if not organisation:
        return True
    own = {word for word in re.findall(r"\w{4,}", organisation.lower())
           if word not in _COMMON_NAME_WORDS}
    return bool(own & set(re.findall(r"\w{4,}", words.lower())))


def free_places(slide_width: float, slide_height: float, width: float, height: float,
                margin: float, frames, small) -> Iterator[tuple[float, float]]:
    """Where a ``width`` × ``height`` logo touches none of ``frames`` (nor of ``small``,
    the slide number, date and footer boxes, which it may sit above): the corners first,
    then places along the top and the bottom edge, from the right."""
    right = slide_width - margin - width
    bottom = slide_height - margin - height

    def overlaps(left: float, top: float, frame) -> bool:
        return (left < frame.left + frame.width and frame.left < left + width
                and top < frame.top + frame.height and frame.top < top + height)

    steps = max(1, int((right - margin) // max(width / 2, 1.0)))
    along = [right - (right - margin) * step / steps for step in range(1, steps)]
    candidates = [(right, margin), (margin, margin), (right, bottom), (margin, bottom),
                  *((left, margin) for left in along), *((left, bottom) for left in along)]
    for left, top in candidates:
        if top == bottom:  # above a slide number, date or footer there
            top = min([top, *(frame.top - margin / 3 - height for frame in small
                              if overlaps(left, top, frame))])
        if top >= 0 and not any(overlaps(left, top, frame) for frame in [*frames, *small]):
            yield left, top


#: The vertical anchors of OOXML, in the words of ``TextPlan.anchor``.
XML_ANCHORS = {"t": "top", "ctr": "middle", "b": "bottom"}


def _extent(frame: Frame, height: float, anchor: str) -> Frame:
    """The part of a box that text ``height`` high stands in, anchored at the box's top,
    middle or bottom (the whole box when the height is unknown or fills it)."""
    if not height or height >= frame.inner_height:
        return frame
    full = height + frame.inset_top + frame.inset_bottom
    top = {"top": frame.top, "middle": frame.top + (frame.height - full) / 2,
           "bottom": frame.top + frame.height - full}.get(anchor, frame.top)
    return replace(frame, top=top, height=full)


def text_extent(text: TextPlan, placeholder) -> Frame:
    """Where a placeholder's text stands: the box's width, and the measured height of
    the text at the top, middle or bottom of the box as it is anchored."""
    anchor = text.anchor if text.design else (
        XML_ANCHORS.get(text.style.anchor or "", "top") if text.style is not None else "top")
    return _extent(placeholder.frame, text.height, anchor)


def covered_cells(placeholder, height: float, width: float, style) -> list[tuple[str | None,
                                                                                bool]]:
    """What lies behind the part of a template's box that its text covers: the cells of
    the strips its lines stand in (by the box's anchor), across the width its widest line
    takes (by its alignment). The whole box when the text's size is unknown."""
    cells = placeholder.cells
    if not cells:
        return []
    frame = placeholder.frame
    anchor = XML_ANCHORS.get(style.anchor or "t", "top")
    where = _extent(frame, height, anchor)
    rows = [index for index in range(len(cells))
            if frame.top + index * frame.height / len(cells) < where.top + where.height
            and frame.top + (index + 1) * frame.height / len(cells) > where.top]
    inner_left = frame.left + frame.inset_left
    inner_width = frame.inner_width
    if not width or width >= inner_width:
        left, right = frame.left, frame.left + frame.width
    else:
        share = {"ctr": 0.5, "r": 1.0}.get(style.align or "l", 0.0)
        left = inner_left + (inner_width - width) * share
        right = left + width
    columns = len(cells[0])
    step = frame.width / columns
    chosen = [index for index in range(columns)
              if frame.left + index * step < right and frame.left + (index + 1) * step > left]
    return [cells[row][column] for row in rows for column in chosen]


def readable_anchor(placeholder, style, height: float, width: float,
                    needed: float) -> str | None:
    """Where in a template's box its text, in the template's own colour, reads on all
    that lies behind it ('t', 'ctr' or 'b'): the template's own anchor when it does,
    else another that does (a box over two backgrounds, such as a white area above a
    dark band, can put centred text half on each); ``None`` when none does."""
    own = style.anchor or "t"
    for anchor in (own, "t", "b", "ctr"):
        covered = covered_cells(placeholder, height, width, replace(style, anchor=anchor))
        if any(texture == BUSY for _, texture in covered) and anchor != own:
            continue  # a photograph's average is no promise for a move: only calm colours
        behind = [colour for colour, _ in covered]
        if behind and all(colour is not None for colour in behind) and all(
                contrast(style.colour_hex, colour) >= needed for colour in behind
                if colour is not None):
            return anchor
    return None


def inner(slot: Slot) -> Box:
    frame = slot.placeholder.frame
    return Box(frame.inner_width, frame.inner_height)


MAX_PROPERTY = 255  # PowerPoint's limit for a document property


def document_property(text: str) -> str:
    """``text`` cut at a word to fit a document property (the PDF keeps it whole)."""
    if len(text) <= MAX_PROPERTY:
        return text
    cut = text[:MAX_PROPERTY - 1].rsplit(" ", 1)[0].rstrip(",;:–—")
    return cut + "…"


def plain_text_of(runs: list[RunPlan]) -> str:
    return "".join(run.text for run in runs)


#: Between names on a slide: the dot keeps to the name before it, so no line starts
#: with it.
NAME_SEPARATOR = "\u00a0\u00a0·  "


def whole_name(name: str) -> str:
    """A name that never breaks inside (no-break spaces, a word joiner after a hyphen):
    'Pieter-Jan Smit' stays on one line, in our measuring and in PowerPoint."""
    return name.replace(" ", "\u00a0").replace("-", "-\u2060")


def joined_names(names) -> str:
    """Names joined on one line that breaks only between names."""
    return NAME_SEPARATOR.join(whole_name(name) for name in names)


def pack_items(items: list[str], separator: str, style: Style, size: float, width: float,
               bold: bool = False, italic: bool = False, caps: bool = False) -> list[str] | None:
    """Whole items joined by ``separator``, as few lines as fit ``width``; ``None`` when
    one item alone is too wide."""
    from .fit import text_width

    def measure(text: str) -> float:
        return text_width(text.upper() if caps else text, style, size, bold, italic)

    lines: list[str] = []
    for item in items:
        if measure(item) > width:
            return None
        if lines and measure(lines[-1] + separator + item) <= width:
            lines[-1] += separator + item
        else:
            lines.append(item)
    return lines


def _present(texts: list[TextPlan | None]) -> tuple[TextPlan, ...]:
    return tuple(text for text in texts if text is not None and text.paragraphs)


def design_of(publication: Publication) -> str:
    """tweeluik's design for our own template, else what the front matter says (the
    template's own by default)."""
    if publication.meta.deck.template is None:
        return "tweeluik"
    return publication.meta.deck.design


def publication_to_deck_plan(publication: Publication, theme: Theme, template: TemplateInfo,
                             fonts: Path, exceptions: Exceptions = NO_EXCEPTIONS) -> DeckPlan:
    """Plan every slide of the deck for ``publication`` in ``template``."""
    layouts = publication_layouts(publication, template)
    planner = _Planner(publication, theme, template, layouts, design_of(publication), fonts,
                       exceptions)
    if template.cleaned:
        planner.warn(publication.meta.line_of("deck"), f"the slide template held "
                     f"{' and '.join(template.cleaned)}; tweeluik removed them from the deck")
    return planner.plan()


def lesson_to_slide(lesson: Lesson, publication: Publication, theme: Theme,
                    template: TemplateInfo, fonts: Path) -> SlidePlan:
    """Plan the slide of one lesson."""
    layouts = publication_layouts(publication, template)
    return _Planner(publication, theme, template, layouts, design_of(publication),
                    fonts).lesson_slide(lesson)
