"""Give each text of a slide a placeholder of its layout: its *slot*.

Part of step 3 (deck writer, planning), pure: a layout's placeholders (``template``)
→ the role each takes (title, subtitle, key message, number, organisation, date,
signatories …), by the names and prompts the template gives them, else by their kind
and place, falling back sensibly when a layout lacks one (organisation and date share
the subtitle, names go under the closing words), so that nothing is lost without a
warning. A box that runs under a drawing of the template gets a margin off it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .boxes import meeting
from .legibility import on_its_band
from .template import SLIDE_KINDS, TEXT_KINDS, LayoutInfo, PlaceholderInfo


@dataclass(frozen=True)
class Slot:
    """A role's place on a slide: the placeholder, and whether the role only shares it
    (organisation and date in the subtitle, signatories under the closing words)."""

    placeholder: PlaceholderInfo
    shared_with: str | None = None


#: Room kept between a text and a drawing of the template it gives way to (points).
CLEARANCE_PT = 6.0


def clear_of_drawings(placeholder: PlaceholderInfo,
                      drawn: tuple[tuple[float, float, float, float], ...],
                      pictures: tuple[tuple[float, float, float, float], ...] = (),
                      art: tuple[tuple[float, float, float, float], ...] = ()
                      ) -> PlaceholderInfo:
    """The placeholder with its margins widened to keep its text off what the layout and
    master draw over it: a side margin off a drawing down its side (a logo over the end
    of a title bar; a centred text gets the same margin on both sides, so it stays on the
    slide's axis); in a top-anchored box, a top margin off a narrow drawing over its
    first line (a logo's foot), and a bottom margin above a picture across its lower part
    (a cover's emblem under its subtitle box). A drawing in the middle of the box is left
    as it is, and so is a margin that would leave less than half the box's width or
    height (a quarter, above a picture); so is a text box of the template's (not among
    ``pictures``) wider than half the box, as its words may take a small part of it.
    Of the template's small ``art``, only what stands within the box's height counts
    (the chevrons that open a real company's title bar), not a pattern's lines that
    cross the box."""
    frame = placeholder.frame
    drawn = (*drawn, *(shape for shape in art if frame.top <= shape[1]
                       and shape[1] + shape[3] <= frame.top + frame.height))
    left, top, right, bottom = (frame.inset_left, frame.inset_top, frame.inset_right,
                                frame.inset_bottom)
    middle = frame.left + frame.width / 2
    from_top = placeholder.style.anchor in (None, "", "t")
    for x, y, width, height in drawn:
        across, down = meeting(frame.box, (x, y, width, height))
        over = across if (x, y, width, height) in pictures else width
        if across <= 0 or down <= 0:
            continue
        if over >= frame.width / 2:
            if from_top and y > frame.top + frame.inset_top and (x, y, width, height) \
                    in pictures:  # across the box, below where its text starts
                bottom = max(bottom, frame.top + frame.height - y + CLEARANCE_PT)
            continue
        if down < 0.25 * frame.height:
            if from_top and y <= frame.top and y + height > frame.top + frame.inset_top:
                top = max(top, y + height - frame.top + CLEARANCE_PT)
        elif x + width / 2 < middle:
            left = max(left, x + width - frame.left + CLEARANCE_PT)
        else:
            right = max(right, frame.left + frame.width - x + CLEARANCE_PT)
    if placeholder.style.align == "ctr":
        left = right = max(left, right)
    if frame.width - left - right < frame.inner_width / 2:
        left, right = frame.inset_left, frame.inset_right
    if frame.height - top - frame.inset_bottom < frame.inner_height / 2:
        top = frame.inset_top
    if frame.height - top - bottom < frame.inner_height / 4:
        bottom = frame.inset_bottom
    if (left, top, right, bottom) == (frame.inset_left, frame.inset_top, frame.inset_right,
                                      frame.inset_bottom):
        return placeholder
    return replace(placeholder, frame=replace(frame, inset_left=left, inset_top=top,
                                              inset_right=right, inset_bottom=bottom))


def _roles_by_prompt(layout: LayoutInfo) -> dict[str, PlaceholderInfo]:
    """Title and subtitle by the prompts, when the title box asks for the subtitle
    ('Sous-titre / Date') and another box for the title ('Titre du document')."""
    titles = sorted(layout.of_kind("title"), key=lambda p: -p.frame.area)
    asked = [p for p in layout.of_kind("body", "object", "subtitle") if p.prompt_asks == "title"]
    if titles and titles[0].prompt_asks == "subtitle" and asked:
        return {"title": asked[0], "subtitle": titles[0]}
    return {}


#: A prompt that asks for a name and a date in one box: 'Naam | datum', 'Name, place, date'.
NAME_AND_DATE = re.compile(r"\b(naam|name|auteur|author|spreker|speaker|organisatie|"
                           r"organisation|organization)\s*[|,/·–-]\s*"
                           r"(?:(place|plaats|ort|location|locatie|venue)\s*[|,/·–-]\s*)?"
                           r"(datum|date)\b", re.IGNORECASE)

#: A box lower than this (on a 13.33-inch slide) is a strip for a source line, too low
#: for a line of names that is read from the room.
NAMES_BOX_PT = 24.0


class _Roles:
    """The roles of one slide as they are given boxes: each box is taken once, except
    by a role that only shares it."""

    def __init__(self, layout: LayoutInfo):
        self.layout = layout
        self.slots: dict[str, Slot] = {}
        self.used: set[int] = set()

    def take(self, role: str, placeholder: PlaceholderInfo | None,
             shared: str | None = None) -> None:
        if placeholder is not None and role not in self.slots:
            self.slots[role] = Slot(placeholder, shared)
            if shared is None:
                self.used.add(placeholder.order)

    def free(self, *kinds: str) -> list[PlaceholderInfo]:
        """The boxes of ``kinds`` not taken yet, the largest first."""
        found = [p for p in self.layout.of_kind(*kinds) if p.order not in self.used]
        return sorted(found, key=lambda p: (-p.frame.area, p.frame.top))

    def top(self, role: str) -> float:
        return self.slots[role].placeholder.frame.top if role in self.slots else 0.0


def _title_slide_roles(roles: _Roles) -> None:
    """Subtitle, organisation (a box above the title, else the footer) and date; what
    has no box of its own goes under the subtitle."""
    subtitles = roles.free("subtitle") or roles.free("body", "object")
    roles.take("subtitle", subtitles[0] if subtitles else None)
    others = sorted(roles.free("body", "object", "subtitle"), key=lambda p: p.frame.top)
    above = [p for p in others if p.frame.top < roles.top("title")]
    roles.take("organisation", above[0] if above else None)
    dates = roles.free("date")
    roles.take("date", dates[0] if dates else None)
    footers = roles.free("footer")
    if "organisation" not in roles.slots and footers:
        roles.take("organisation", footers[0])
    date = roles.slots.get("date")
    if "organisation" not in roles.slots and date is not None and date.shared_with is None \
            and NAME_AND_DATE.search(date.placeholder.text):
        # a box whose prompt asks for two things, 'Naam | datum': the organisation and
        # the date, as the template's own cover has them
        roles.take("organisation", date.placeholder, shared="date")
    for role in ("organisation", "date"):  # no box of their own: under the subtitle
        if role not in roles.slots and "subtitle" in roles.slots:
            roles.take(role, roles.slots["subtitle"].placeholder, shared="subtitle")


def _text_slide_roles(roles: _Roles, kind: str, scale: float) -> None:
    """The main text (a lesson's key message, else the words), the closing's names (a
    box below the words tall enough for a line, else under the words) and the picture."""
    main = "message" if kind.startswith("lesson") else "body"
    texts = roles.free(*TEXT_KINDS)
    roles.take(main, texts[0] if texts else None)
    if kind == "closing" and "body" in roles.slots:
        below = [p for p in roles.free(*TEXT_KINDS) if p.frame.top >= roles.top("body")
                 and p.frame.height >= NAMES_BOX_PT * scale]
        roles.take("signatories", below[0] if below else None)
        roles.take("signatories", roles.slots["body"].placeholder, shared="body")
    if kind == "lesson_picture":
        pictures = roles.free("picture")
        roles.take("picture", pictures[0] if pictures else None)


def assign_roles(kind: str, layout: LayoutInfo,
                 scale: float = 1.0) -> tuple[dict[str, Slot], list[str]]:
    """Each role of ``kind`` → its slot in ``layout``, and the roles with no place;
    ``scale`` is the slide's width against a 13.33-inch slide."""
    wanted = SLIDE_KINDS[kind][1]
    roles = _Roles(layout)
    if kind == "title":  # the prompts may give title and subtitle the other way round
        for role, placeholder in _roles_by_prompt(layout).items():
            roles.take(role, placeholder)
    for placeholder in layout.placeholders:  # placeholders named for a role come first
        if placeholder.role_name in wanted and not placeholder.style.vertical:
            roles.take(placeholder.role_name, placeholder)
    if "body" in wanted and "body" not in roles.slots and "message" in roles.slots:
        roles.slots["body"] = roles.slots.pop("message")  # a "Key message" box: the words
    titles = roles.free("title")
    roles.take("title", titles[0] if titles else None)
    # a title box turned up the slide's edge repeats the title (``template``'s label)
    labels = [p for p in layout.placeholders if p.kind == "label"]
    if "title" in roles.slots and labels:
        roles.take("label", labels[0])
    if kind == "title":
        _title_slide_roles(roles)
    else:
        _text_slide_roles(roles, kind, scale)
    missing = [role for role in wanted if role not in roles.slots and role != "number"]
    slots = {role: replace(slot, placeholder=clear_of_drawings(
                 on_its_band(slot.placeholder), layout.drawn, layout.pictures, layout.art))
             if slot.placeholder.kind not in ("picture", "label") else slot
             for role, slot in roles.slots.items()}
    return slots, missing
