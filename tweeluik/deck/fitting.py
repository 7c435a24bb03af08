"""Fitting a slide's texts to their boxes (step 3a).

``TextFitter`` measures each text with the font its placeholder uses, sizes it within
the theme's range (one size per role across the lesson slides), sets it smaller in a box
too small for it, hyphenates a word too wide, shortens at a sentence or clause with a
true warning (the notes keep the whole), and keeps it legible on what lies behind it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import WARNING, Diagnostic, printable
from ..fonts import measuring_font
from ..hyphenation import NO_EXCEPTIONS, Exceptions
from ..labels import labels_for
from ..model import (
    Publication,
)
from ..theme import Theme
from .fit import (
    PARAGRAPH_GAP,
    Box,
    Fit,
    Piece,
    Style,
    fit_text,
    hang,
    text_height,
    text_width,
    widest_word,
)
from .layouts import SlideLayout
from .legibility import calmer_anchor, covered_cells, readable_anchor
from .plan import XML_ANCHORS, RunPlan, TextPlan
from .roles import ROLE_WORDS, role_style
from .runs import SEPARATOR, joined_names, pack_items, plain_text_of, whole_name
from .shorten import describe
from .slots import Slot
from .template import (
    TemplateColour,
    TemplateInfo,
    needed_contrast,
    readable_colour,
)
from .word_fitting import hyphenated, shortened_to_fit, styled_pieces


def slides_of(kind: str) -> str:
    """The slides of a kind, in words: 'the title slide', 'the lesson picture slides'."""
    return f"{kind.replace('_', ' ')} slide{'' if kind in ('title', 'closing') else 's'}"


#: A lesson's title too long for its box is set down to this share of the range's
#: smallest size before it is shortened.
LONG_TITLE_FLOOR = 0.75


class TextFitter:
    """Measures and sizes the texts of a deck's slides in their boxes, keeps them
    legible on what lies behind them, and says what it changed: the part of the planner
    that knows the layouts' boxes, the theme's sizes and the fonts."""

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
        if self.design == "tweeluik":
            rs = role_style(kind, role)
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

    def sizes(self, kind: str, role: str, bulleted: bool = False) -> tuple[float, float]:
        """(largest, smallest) in points: the theme's, scaled to this slide's width; in a
        template's design no larger than the template's own size for that placeholder;
        no larger than the deck's size for the role (for a list's points, ``bulleted``,
        the deck's size for points)."""
        key = role_style(kind, role).sizes
        if self.design == "template" and role == "title" and kind != "title":
            key = "lesson_title"  # our small agenda label is a template's real title
        largest, smallest = self.theme.deck[key]
        scale = self.template.scale
        largest, smallest = largest * scale, smallest * scale
        slot = self.slot(kind, role)
        if self.design == "template" and slot is not None and slot.placeholder.style.size:
            largest = max(smallest, min(largest, slot.placeholder.style.size))
        for settled in ((kind, role), (kind, "points") if bulleted else None):
            if settled in self.deck_sizes:
                largest = max(smallest, min(largest, self.deck_sizes[settled]))
        return round(largest * 2) / 2, round(smallest * 2) / 2

    @staticmethod
    def pieces(paragraphs, bold: bool, italic: bool,
               caps: bool) -> tuple[tuple[Piece, ...], ...]:
        return styled_pieces(paragraphs, bold, italic, caps)

    def fits(self, kind: str, role: str, paragraphs, bulleted: bool = False) -> Fit | None:
        """The largest size in the role's range at which ``paragraphs`` fit, if any
        (``bulleted``: as the points of a list)."""
        slot = self.slot(kind, role)
        if slot is None:
            return None
        style, bold, italic, caps = self.style_for(kind, role)
        italic = italic and not (bulleted and self.design == "tweeluik")  # points: upright
        largest, smallest = self.sizes(kind, role, bulleted)
        return fit_text(self.pieces(paragraphs, bold, italic, caps), style,
                        inner(slot), largest, smallest, bulleted=bulleted,
                        own_hang=self.own_hang(slot))

    def own_hang(self, slot: Slot) -> float | None:
        """How far the template's own bullet hangs a list's lines in, in its design."""
        style = slot.placeholder.style
        return style.bullet_hang if self.design != "tweeluik" and style is not None else None

    # -- fitting ---------------------------------------------------------------------

    def text(self, kind: str, role: str, runs_per_paragraph: list[list[RunPlan]],
             what: str, line: int | None,
             advice: str = "Make it shorter (one sentence reads best)",
             keep_last: bool = False, bulleted: bool = False) -> TextPlan | None:
        """Measure and size one placeholder's text; hyphenate or shorten past the limits,
        saying so, and saying so differently when the box is the problem. With
        ``keep_last``, the last paragraph (the names under closing words) is never cut.
        ``bulleted`` paragraphs are the points of a list: the planner gives them only
        where they fit (``fits``), so only the first measure sees them."""
        slot = self.slot(kind, role)
        if slot is None:
            return None
        frame_box = inner(slot)
        rs = role_style(kind, role)
        style, bold, italic, caps = self.style_for(kind, role)
        # in tweeluik's design a list's points stand upright under the italic messages
        italic = italic and not (bulleted and self.design == "tweeluik")
        largest, smallest = self.sizes(kind, role, bulleted)
        paragraphs = [[run for run in runs if run.text] for runs in runs_per_paragraph]
        paragraphs = [runs for runs in paragraphs if runs]
        if not paragraphs:
            return None

        def measure(paragraphs_, high: float, low: float, step: float = 1.0) -> Fit | None:
            return fit_text(self.pieces(paragraphs_, bold, italic, caps), style, frame_box,
                            high, low, step, bulleted=bulleted, own_hang=self.own_hang(slot))

        fit = measure(paragraphs, largest, smallest)
        too_small = fit is None and self.box_too_small(frame_box, style, smallest)
        long_title = False
        if too_small:
            fit = self.small_box_fit(kind, role, paragraphs)
            if fit is None and role != "title":
                # Not even one line fits at a size that can be read: the notes keep it,
                # rather than one word at a size nobody sees.
                whole = " ".join(plain_text_of(runs) for runs in paragraphs)
                self._cut.append(whole)
                self.warn(line, f"{what} does not fit the {ROLE_WORDS.get(role, role)} box of "
                          f"the slide layout '{self.layouts[kind].layout.name}' "
                          f"({frame_box.height:.0f} pt high, {frame_box.width:.0f} pt wide) at "
                          f"a size that can be read; it is in the speaker notes. Choose a "
                          f"layout with a larger box for the {kind.replace('_', ' ')} slides "
                          f"under 'deck: layouts: {kind}:'")
                return None
        elif fit is None and role == "title":
            # a word wider than the box is hyphenated first (a narrow box's
            # 'Ledenvergadering' went down to 19 pt among titles at 30); a title too long
            # for the box is set smaller, not cut mid-phrase
            broken, word, fit = self.hyphenated_fit(kind, role, paragraphs, frame_box,
                                                    largest, smallest)
            if fit is not None and broken is not None:
                paragraphs = broken
                self.said_hyphenated(line, what, word, smallest)
            else:
                fit = self.long_title_fit(kind, paragraphs)
                long_title = fit is not None
        settled = self.deck_sizes.get((kind, role))
        if fit is not None and settled is not None and settled < fit.size:
            # the deck's size for the role is smaller than the range: a box too small for
            # one lesson's title sets every lesson's title at the size that one needs (in a
            # strip, one line at it)
            fit = measure(paragraphs, settled, settled) or (self.one_line_each(
                paragraphs, style, bold, italic, caps, frame_box, settled, settled)
                if too_small else None) or fit
        # said after the deck's size is settled, so that the size said is the size set
        if too_small:
            layout = self.layouts[kind].layout.name
            set_at = f"it is set at {fit.size:g} pt there" if fit is not None \
                else "it is set smaller there"
            self.warn(line, f"the slide layout '{layout}' has {with_article(role)} "
                      f"box only {frame_box.height:.0f} pt high and {frame_box.width:.0f} pt "
                      f"wide inside its margins, too small for text at {smallest:g} pt; "
                      f"{set_at}. "
                      f"Choose a layout with a larger box for the {kind.replace('_', ' ')} "
                      f"slides under 'deck: layouts: {kind}:'",
                      once=f"box:{layout}:{role}:{set_at}")  # once per size it is set at
            smallest = max(8.0, smallest * 0.5)
        elif long_title and fit is not None:
            self.warn(line, f"{what} is too long for its slide at {smallest:g} pt; it is "
                      f"set at {fit.size:g} pt there. {advice}")
        if fit is None:
            broken, word, fit = self.hyphenated_fit(kind, role, paragraphs, frame_box,
                                                    largest, smallest)
            if broken is not None:
                paragraphs = broken
                self.said_hyphenated(line, what, word, smallest)
        if fit is None:
            tail = paragraphs[-1:] if keep_last and len(paragraphs) > 1 else []
            self._cut.append(" ".join(plain_text_of(runs) for runs in paragraphs))
            paragraphs, fit, shortened = shortened_to_fit(paragraphs, style, bold, italic,
                                                          caps, frame_box, smallest, tail)
            where = "the speaker notes keep the whole" if rs.can_shorten else "the notes keep it"
            self.warn(line, f"{what} is too long for its slide even at {smallest:g} pt; "
                      f"{describe(shortened)}, and {where}. {advice}")
        indent = hang(fit.size, self.own_hang(slot)) if bulleted else 0.0
        return self.text_plan(kind, role, slot, paragraphs, fit.size, fit.height,
                              indent + self.widest(fit.lines, style, fit.size, bold, italic, caps),
                              bulleted)

    def label(self, kind: str, texts: list[TextPlan | None]) -> TextPlan | None:
        """The words of the slide's title again, in a title box the template turns up
        the slide's edge (its ``label``; the heading strip across the top holds the
        title): on one line at the box's own size, smaller down to ``LABEL_SMALLEST`` of
        it for long words, cut at a word with an ellipsis past that. Said nowhere: the
        heading shows the title whole. Its colour stays the template's: that box is the
        template's own small label, read where the template reads it."""
        slot = self.slot(kind, "label")
        title = next((text for text in texts if text is not None and text.role == "title"),
                     None)
        if slot is None or title is None or self.design == "tweeluik":
            return None
        measured, bold, italic, caps = self.style_for(kind, "label")
        own = slot.placeholder.style
        room = inner(slot).width
        words = " ".join(plain_text_of(list(runs)) for runs in title.paragraphs).split()

        def width(shown: str, size: float) -> float:
            return text_width(shown.upper() if caps else shown, measured, size, bold, italic)

        size = own.size or title.size
        whole = " ".join(words)
        if width(whole, size) > room:
            size = max(int(size * room / width(whole, size) * 2) / 2, size * LABEL_SMALLEST)
        while len(words) > 1 and width(" ".join(words), size) > room:
            words = words[:-1]
            words[-1] = words[-1].rstrip(",;:.") + "\u2026"
        shown = " ".join(words)
        return TextPlan("label", ((RunPlan(shown),),), size, slot.placeholder.order,
                        design=False, bold=own.bold, italic=own.italic, caps=own.caps,
                        line_pitch=False, style=own, height=size * 1.2,
                        width=width(shown, size))

    @staticmethod
    def widest(lines, style: Style, size: float, bold: bool, italic: bool,
               caps: bool) -> float:
        """The width of the widest of ``lines`` (points), as measured for fitting."""
        return max((text_width(line.upper() if caps else line, style, size, bold, italic)
                    for line in lines), default=0.0)

    def text_plan(self, kind: str, role: str, slot: Slot, paragraphs, size: float,
                  height: float, width: float = 0.0, bulleted: bool = False) -> TextPlan:
        rs = role_style(kind, role)
        clone = slot.placeholder.kind in ("date", "footer", "slide_number")
        frame = slot.placeholder.frame
        drawn = self.layouts[kind].layout.placeholders[slot.placeholder.order].frame
        margins = (frame.inset_left, frame.inset_top, frame.inset_right, frame.inset_bottom)
        insets = None if margins == (drawn.inset_left, drawn.inset_top, drawn.inset_right,
                                     drawn.inset_bottom) else margins
        if self.design == "tweeluik":
            return TextPlan(role, tuple(tuple(runs) for runs in paragraphs), size,
                            slot.placeholder.order, clone, True, rs.typeface, rs.bold,
                            rs.italic and not bulleted, rs.colour, rs.caps, rs.anchor,
                            height=height, width=width, insets=insets, bulleted=bulleted)
        style = slot.placeholder.style
        style = self.legible(kind, role, slot.placeholder, style, height, width,
                             needed_contrast(size, style.bold))
        return TextPlan(role, tuple(tuple(runs) for runs in paragraphs), size,
                        slot.placeholder.order, clone, design=False, bold=style.bold,
                        italic=style.italic, caps=style.caps, line_pitch=False, style=style,
                        height=height, width=width, insets=insets, bulleted=bulleted)

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
            crossing = (f"the slide layout '{layout}' sets its {ROLE_WORDS.get(role, role)} "
                        f"in {style.colour_hex} across two backgrounds on the "
                        f"{slides_of(kind)}, hard to read from afar on one of them")
            if moved is not None:
                colour, anchor = moved
                self.warn(self.pub.meta.line_of("deck"), f"{crossing}; tweeluik uses the "
                          f"template's {colour} at "
                          f"the {XML_ANCHORS[anchor]} of the box, where it reads on all that "
                          "lies behind it", once=f"contrast:{kind}:{layout}:{placeholder.order}")
                return replace(style, colour=TemplateColour("srgb", colour.lstrip("#")), colour_hex=colour,
                               anchor=anchor)
            if better is None:
                self.warn(self.pub.meta.line_of("deck"), f"{crossing}, and no colour of the "
                          "template's reads on "
                          "both where a text this long stands; tweeluik keeps the template's "
                          "colour. A shorter text, or another layout under 'deck: layouts: "
                          f"{kind}:', reads better", once=f"unreadable:{kind}:{layout}:"
                          f"{placeholder.order}")
                return style
            pictured = any(picture for _, picture in covered)
            where = (f"on a picture of {better.behind} there" if pictured
                     else f"on {better.behind}")
            self.warn(self.pub.meta.line_of("deck"), f"the slide layout '{layout}' sets its "
                      f"{ROLE_WORDS.get(role, role)} in {style.colour_hex} {where} (contrast "
                      f"{better.own:.1f}:1, hard to read from afar); tweeluik uses the "
                      f"template's {better.colour} there ({better.better:.1f}:1)",
                      once=f"contrast:{layout}:{placeholder.order}")
            style = replace(style, colour=TemplateColour("srgb", better.colour.lstrip("#")),
                            colour_hex=better.colour)
            anchor = readable_anchor(placeholder, style, height, width, needed)
        calmer = calmer_anchor(placeholder, replace(style, anchor=anchor), height, width,
                               needed) if anchor is not None else None
        if calmer is not None:
            self.warn(self.pub.meta.line_of("deck"), f"the slide layout '{layout}' sets its "
                      f"{ROLE_WORDS.get(role, role)} on the {slides_of(kind)} at the "
                      f"{XML_ANCHORS.get(anchor or 't')} of its box, across a picture the "
                      "template draws behind it (a logo or a photograph's detail); tweeluik "
                      f"sets it at the {XML_ANCHORS[calmer]} of the box, on plain colour",
                      once=f"calm:{kind}:{layout}:{placeholder.order}")
            return replace(style, anchor=calmer)
        if anchor is not None and anchor != (style.anchor or "t"):
            self.warn(self.pub.meta.line_of("deck"), f"the slide layout '{layout}' has "
                      f"{with_article(role)} box that lies over two backgrounds, and "
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
            other = replace(style, colour=TemplateColour("srgb", colour.lstrip("#")), colour_hex=colour)
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

    def fit_below_range(self, kind: str, role: str, paragraphs, floor: float) -> Fit | None:
        """The largest size from just below the role's range down to ``floor`` at which
        the text fits its box."""
        slot = self.slot(kind, role)
        assert slot is not None
        style, bold, italic, caps = self.style_for(kind, role)
        _, smallest = self.sizes(kind, role)
        return fit_text(self.pieces(paragraphs, bold, italic, caps), style, inner(slot),
                        smallest - 0.5, floor, 0.5)

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
        return self.fit_below_range(kind, role, paragraphs, floor) or self.one_line_each(
            paragraphs, style, bold, italic, caps, inner(slot), strip_size, floor)

    def hyphenated_fit(self, kind: str, role: str, paragraphs, box: Box, largest: float,
                       smallest: float) -> tuple[list[list[RunPlan]] | None, str, Fit | None]:
        """When the text's widest word is wider than ``box`` at ``smallest``: the text
        with that word (and any other too wide) hyphenated, the word, and the fit of the
        hyphenated text in the range (``None`` if it still does not fit); else
        ``(None, word, None)``."""
        style, bold, italic, caps = self.style_for(kind, role)
        word, width = widest_word(self.pieces(paragraphs, bold, italic, caps), style,
                                  smallest)
        if width <= box.width:
            return None, word, None
        broken = hyphenated(paragraphs, style, bold, italic, caps, smallest, box.width,
                            self.pub.meta.language, self.exceptions)
        return broken, word, fit_text(self.pieces(broken, bold, italic, caps), style, box,
                                      largest, smallest)

    def said_hyphenated(self, line: int | None, what: str, word: str,
                        smallest: float) -> None:
        self.warn(line, f"{what}: the word '{word}' is too wide for the slide even at "
                  f"{smallest:g} pt; it is hyphenated there. A shorter word or a hyphen of "
                  "your own reads better")

    def long_title_fit(self, kind: str, paragraphs) -> Fit | None:
        """A title too long for its box at the range's smallest size, set smaller (down to
        LONG_TITLE_FLOOR of it): a title cut after a few words says something else."""
        _, smallest = self.sizes(kind, "title")
        return self.fit_below_range(kind, "title", paragraphs, smallest * LONG_TITLE_FLOOR)

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
        separator = SEPARATOR
        largest, smallest = self.sizes(kind, role)
        box = inner(slot)
        for size in _descending(largest, smallest):
            lines = pack_items([whole_name(name) for name in names], separator, style, size,
                               box.width, bold, italic,
                               caps)
            height = text_height(len(lines), len(lines), size, style) if lines else 0.0
            if lines and height <= box.height:
                return self.text_plan(kind, role, slot, [[RunPlan(text)] for text in lines], size,
                                      height, self.widest(lines, style, size, bold, italic, caps))
        return self.text(kind, role, [[RunPlan(joined_names(names))]], "the signatories", line)

    def names_under_words(self, kind: str, words: list[list[RunPlan]],
                          names: tuple[str, ...]) -> TextPlan | None:
        """Closing words and the names under them in one box that holds both only with
        the names smaller: the names in lines of their own at the largest size of their
        own range (breaking only between names), the words at the largest size of theirs
        that leaves room for them (without closing words, the names alone). ``None`` when
        even that does not fit."""
        slot = self.slot(kind, "body")
        if slot is None or not names:
            return None
        words = [runs for runs in words if any(run.text for run in runs)]
        style, bold, italic, caps = self.style_for(kind, "body")
        box = inner(slot)
        largest, smallest = self.sizes(kind, "body")
        names_largest, names_smallest = self.sizes(kind, "signatories")
        pieces = self.pieces(words, bold, italic, caps)
        for names_size in _descending(names_largest, names_smallest):
            lines = pack_items([whole_name(name) for name in names], SEPARATOR, style,
                               names_size, box.width, bold, italic, caps)
            if not lines:
                continue
            names_height = text_height(len(lines), len(lines), names_size, style)
            names_width = self.widest(lines, style, names_size, bold, italic, caps)
            name_lines = [[RunPlan(text)] for text in lines]
            if not words and names_height <= box.height:  # no closing words: the names alone
                return self.text_plan(kind, "body", slot, name_lines, names_size,
                                      names_height, names_width)
            room = Box(box.width, box.height - names_height - largest * PARAGRAPH_GAP)
            fit = fit_text(pieces, style, room, largest, max(smallest, names_size)) \
                if room.height > 0 else None
            if fit is None:
                continue
            paragraphs = [*words, *name_lines]
            height = fit.height + fit.size * PARAGRAPH_GAP + names_height
            width = max(self.widest(fit.lines, style, fit.size, bold, italic, caps),
                        names_width)
            # the colour is chosen for the smaller names, which need the higher contrast
            plan = self.text_plan(kind, "body", slot, paragraphs, names_size, height, width)
            return replace(plan, size=fit.size, paragraph_sizes=(
                *(fit.size for _ in words), *(names_size for _ in lines)))
        return None


def _descending(largest: float, smallest: float) -> list[float]:
    """Sizes from ``largest`` down to ``smallest``, a point apart."""
    sizes = []
    size = largest
    while size >= smallest - 1e-9:
        sizes.append(size)
        size -= 1.0
    return sizes


def with_article(role: str) -> str:
    """The role's words after 'a' or 'an' ('an organisation', 'a title')."""
    words = ROLE_WORDS.get(role, role)
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"


#: A long title in a template's turned label is set down to this share of the label's
#: own size before it is cut.
LABEL_SMALLEST = 0.75


def inner(slot: Slot) -> Box:
    frame = slot.placeholder.frame
    return Box(frame.inner_width, frame.inner_height)
