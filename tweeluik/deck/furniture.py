"""What a slide carries beside our texts: the organisation's logo, the template's
footer and the slide number.

Part of step 3a of the deck writer (planning), with ``planner``: the logo goes where
nothing of the slide lies (its texts, what layout and master draw, the slide number,
date and footer boxes), the first free corner first; the template's own footer words
are kept when they name the organisation, and stand aside for the organisation and the
title when they are a fill-in hint or words of another deck; the slide number is left
off where the template draws its own picture over the number's place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..colours import relative_luminance
from ..errors import NOTE, printable
from ..fonts import measuring_font
from ..images import hardly_shows
from ..theme import css_length_pt
from .backdrop import BUSY
from .boxes import overlap
from .fit import Box, Piece, Style, fit_text
from .fitting import TextFitter
from .legibility import text_extent
from .plan import LogoPlan, RunPlan, SlidePlan, TextPlan
from .runs import SEPARATOR
from .template import Frame, LayoutInfo


class SlideFurniture(TextFitter):
    """The logo and the footer of a slide, for the planner that composes it."""

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
            # a place on plain colour before one on a pattern or a photograph's detail, and
            # one clear of the template's art (a pattern of shapes) before one on it
            quiet = [place for place in showing or places if BUSY not in layout.textures_behind(
                *place, width, height, self.template.width, self.template.height)]
            clear = [place for place in quiet if not any(
                overlap((*place, width, height), rect) for rect in layout.art)]
            left, top = (clear or quiet or showing or places)[0]
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
            choices = [SEPARATOR.join(part for part in (meta.organisation, meta.title) if part),
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

    def numbered(self, slides: list[SlidePlan]) -> tuple[SlidePlan, ...]:
        """The slides, those left without a number whose layout has the template draw a
        picture of its own (its logo) where the slide number would stand: a number
        printed over the logo helps nobody. Said once, naming the layouts."""
        kept, layouts = [], []
        for slide in slides:
            layout = self.template.layout_of(slide.master, slide.position)
            if number_under_picture(layout):
                slide = replace(slide, numbered=False)
                layouts += [layout.name] if layout.name not in layouts else []
            kept.append(slide)
        if layouts:
            names = ", ".join(f"'{printable(name)}'" for name in layouts)
            self.warn(self.pub.meta.line_of("deck"), f"the slide number box of the slide "
                      f"layout{'s' if len(layouts) > 1 else ''} {names} lies under a picture "
                      "the template draws there (its logo); those slides are left without a "
                      "number. To number them, move the box or the picture in the template "
                      "(in PowerPoint: View, Slide Master)", severity=NOTE)
        return tuple(kept)

    def fits_box(self, words: str, box, size: float) -> bool:
        """Whether ``words`` fit a template's box at ``size``, in the box's own font as
        the fitter measures it (a font without widths here by a stand-in made wider)."""
        name = box.style.typeface or self.template.minor_font or "Calibri"
        font = measuring_font(name, self.fonts)
        files = font.files
        style = Style(files["regular"], files["italic"], files["bold"], files["bold_italic"],
                      widening=font.widening, tracking=box.style.tracking)
        frame = box.frame
        return fit_text(((Piece(words, box.style.bold, box.style.italic),),), style,
                        Box(frame.inner_width, frame.inner_height), size, size) is not None


#: Words that many organisations' names share: they do not tell one from another.
_COMMON_NAME_WORDS = frozenset("vereniging stichting association foundation society club "
                               "gemeente van voor the and het der den des".split())


def number_under_picture(layout: LayoutInfo) -> bool:
    """True when a picture the layout or its master draws covers the place in the slide
    number box where the number stands (at the end its alignment says, room for two
    digits)."""
    box = next((p for p in layout.placeholders if p.kind == "slide_number"), None)
    if box is None or not layout.pictures:
        return False
    frame = box.frame
    wide = min(frame.inner_width, 1.5 * (box.style.size or 12.0))
    left = {"r": frame.left + frame.width - frame.inset_right - wide,
            "ctr": frame.left + (frame.width - wide) / 2}.get(box.style.align or "l",
                                                              frame.left + frame.inset_left)
    top, bottom = frame.top + frame.inset_top, frame.top + frame.height - frame.inset_bottom
    return any(x < left + wide and left < x + across and y < bottom and top < y + down
               for x, y, across, down in layout.pictures)


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

    def overlaps(left: float, top: float, frame: Frame) -> bool:
        return overlap((left, top, width, height), frame.box)

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
