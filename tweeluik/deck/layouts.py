"""Which layout each kind of slide uses, and which box each text goes in (step 3a).

From the front matter's ``deck:`` settings and the template's description: the layout
chosen (or named) for the title, agenda, lesson and closing slides, with the role of
each placeholder; an unknown or unusable layout is an error that says what to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError, printable
from ..model import (
    DeckSettings,
    Publication,
)
from .slots import Slot, assign_roles
from .template import (
    SLIDE_KINDS,
    TEXT_KINDS,
    LayoutInfo,
    TemplateInfo,
    choose_layout,
    find_layout,
    suggest_layout,
)

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
    master = settings.master - 1 if settings.master is not None else template.slides_master
    where = f"the template {settings.template.name}" if settings.template \
        else "the default template"
    if master >= len(template.masters):
        raise SourceError(source, line, f"'deck: master: {master + 1}' asks for a master "
                          f"that {where} does not have; it has {len(template.masters)}")
    _refuse_layouts_of_another_size(template, master, where, source, line)
    chosen: dict[str, LayoutInfo] = {}
    problems = []
    unplaced: list[str] = []  # kinds of slide no layout suits (none named for them)
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
            problems.append(f"that suits the {kind.replace('_', ' ')} slide (a title and a "
                            "text box)")
            unplaced.append(kind.replace("_", " "))
            continue
        chosen[kind] = layout
    sideways = [layout for layout in template.in_master(master) if not layout.of_kind("title")
                and any(p.kind == "title" for p in layout.placeholders)]
    if problems and sideways and len(unplaced) == len(problems):
        kinds = unplaced if len(unplaced) == 1 else \
            [", ".join(unplaced[:-1]) + " or " + unplaced[-1]]
        raise SourceError(source, line, f"{where} sets the titles of {len(sideways)} of its "
                          "layouts sideways, up or down the edge of the slide, and has no "
                          f"other layout for its {kinds[0]} slides; tweeluik sets a title "
                          "across the slide and cannot fill one set sideways yet. Ask the "
                          "organisation for a template whose titles read across, or leave "
                          "out 'deck: template:' to use tweeluik's own")
    if problems and not any(layout.of_kind("title") for layout in template.layouts):
        texts = any(layout.of_kind(*TEXT_KINDS) for layout in template.layouts)
        what = ("its layouts hold text boxes but no title, and every slide of a "
                "publication has one" if texts else "it is a presentation "
                "built from pictures and loose text, not a template with places for text")
        raise SourceError(source, line, f"{where} has no slide layout with a title box in "
                          f"any of its {len(template.layouts)} layouts: {what}. Ask the "
                          "organisation for its PowerPoint template (.potx), or leave out "
                          "'deck: template:' to use tweeluik's own")
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


#: The share of the slide's width and height, from its top left, that holds every box
#: of a master's layouts when they were made for a smaller slide.
SMALLER_SLIDE = (0.6, 0.75)


def made_for_a_smaller_slide(template: TemplateInfo, master: int
                             ) -> tuple[float, float] | None:
    """How far right and down (points) the master's layouts' boxes reach, when all of
    them keep to the top left of the slide (``SMALLER_SLIDE``): the Office layouts for a
    10-inch slide a Canva export carries under its 20-inch slides. ``None`` otherwise."""
    frames = [p.frame for layout in template.in_master(master) for p in layout.placeholders]
    if not frames:
        return None
    right = max(frame.left + frame.width for frame in frames)
    bottom = max(frame.top + frame.height for frame in frames)
    if right <= SMALLER_SLIDE[0] * template.width and bottom <= SMALLER_SLIDE[1] * template.height:
        return right, bottom
    return None


def _refuse_layouts_of_another_size(template: TemplateInfo, master: int, where: str,
                                    source: Path, line: int | None) -> None:
    corner = made_for_a_smaller_slide(template, master)
    if corner is not None:
        raise SourceError(source, line, f"{where} places every text box of its layouts in "
                          f"the top left of its {template.width / 72:.2f} × "
                          f"{template.height / 72:.2f} inch slides (within {corner[0] / 72:.1f} "
                          f"× {corner[1] / 72:.1f} inch): its layouts were made for slides of "
                          "another size, as in a presentation exported from Canva whose "
                          "slides are built from pictures and loose text. Ask the "
                          "organisation for its PowerPoint template (.potx), or leave out "
                          "'deck: template:' to use tweeluik's own")


def publication_layouts(publication: Publication,
                        template: TemplateInfo) -> dict[str, SlideLayout]:
    deck = publication.meta.deck
    return resolve_layouts(deck, template, deck.template is None, publication.source,
                           publication.meta.line_of("deck"))
