"""``build.py template-info``: what a slide template holds, and what tweeluik would use.

A helper beside the deck writer (step 3), for the author who maps an organisation's
template: every master with its layouts and their placeholders (kind, name, size), the
layout tweeluik would choose for each kind of slide, and where each text would go.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError, printable
from ..fonts import TWINS, family_key
from ..model import DeckSettings
from .layouts import SlideLayout, resolve_layouts
from .template import SLIDE_KINDS, PlaceholderInfo, TemplateInfo

KIND_WORDS = {"slide_number": "slide number", "object": "content", "other": "other",
              "label": "title up the edge (repeats the title)"}
ROLE_WORDS = {"message": "key message", "number": "number", "title": "title",
              "subtitle": "subtitle", "organisation": "organisation", "date": "date",
              "body": "text", "signatories": "signatories", "picture": "picture"}


def _placeholder(placeholder: PlaceholderInfo) -> str:
    """Its kind, name and size, and the text it prompts (three placeholders called
    'Text Placeholder 9' are told apart by it)."""
    frame = placeholder.frame
    kind = KIND_WORDS.get(placeholder.kind, placeholder.kind)
    prompt = " ".join(placeholder.text.split())
    prompt = prompt if len(prompt) <= 40 else prompt[:39] + "…"
    said = f" saying \u2018{printable(prompt)}\u2019" if prompt else ""
    return (f"{kind} \u201c{printable(placeholder.name)}\u201d{said} "
            f"{frame.width:.0f}×{frame.height:.0f} pt")


def _font(name: str | None) -> str:
    if not name:
        return "not set"
    twin = TWINS.get(family_key(name))
    if twin is None:
        return f"{name} (no metric twin here: measured with a cautious stand-in)"
    own = family_key(name) == family_key(twin)
    return name if own else f"{name} (measured with its twin {twin})"


def mapping_lines(layouts: dict[str, SlideLayout]) -> list[str]:
    lines = []
    for kind in SLIDE_KINDS:
        if kind not in layouts:
            continue
        chosen = layouts[kind]
        places = []
        for role in SLIDE_KINDS[kind][1]:
            slot = chosen.slots.get(role)
            if slot is None:
                if role == "number":
                    places.append("number → in front of the title")
                elif role == "picture":
                    places.append("picture → booklet only")
                else:
                    places.append(f"{ROLE_WORDS[role]} → speaker notes (no box)")
            elif slot.shared_with:
                places.append(f"{ROLE_WORDS[role]} → with the {ROLE_WORDS[slot.shared_with]}")
            else:
                prompt = " ".join(slot.placeholder.text.split())
                said = (f" (\u2018{printable(prompt)}\u2019)" if prompt and len(prompt) <= 30
                        else "")
                places.append(f"{ROLE_WORDS[role]} → "
                              f"\u201c{printable(slot.placeholder.name)}\u201d{said}")
        label = chosen.slots.get("label")
        if label is not None:
            places.append(f"the title again → \u201c{printable(label.placeholder.name)}\u201d, "
                          "up the slide's edge")
        lines.append(f"  {kind:<15} {printable(chosen.layout.name)!s:<28} {'; '.join(places)}")
    return lines


def template_report(template: TemplateInfo, path: Path) -> list[str]:
    """The report, as lines."""
    count = len(template.layouts)
    lines = [
        f"{printable(path.name)}: {template.width / 72:.2f} × {template.height / 72:.2f} inch, "
        f"{len(template.masters)} master{'s' if len(template.masters) != 1 else ''}, "
        f"{count} layout{'s' if count != 1 else ''}",
        f"  heading font: {_font(template.major_font)}",
        f"  text font:    {_font(template.minor_font)}",
        f"  footer:       {printable(template.footer) if template.footer else '(none)'}",
    ]
    if template.cleaned:
        lines.append(f"  removed:      {' and '.join(template.cleaned)}")
    if template.printed_hints:
        hints = ", ".join(f"'{printable(hint)}'" for hint in template.printed_hints)
        lines.append(f"  fill-in hints its masters print: {hints} (left out of the deck)")
    if template.printed_dates:
        dates = ", ".join(f"'{printable(date)}'" for date in template.printed_dates)
        lines.append(f"  dates its masters print as text: {dates} (printed as they are)")
    for number, master in enumerate(template.masters, start=1):
        lines.append("")
        lines.append(f"master {number}: {printable(master)}")
        for layout in template.in_master(number - 1):
            boxes = "; ".join(_placeholder(p) for p in layout.placeholders) or "no placeholders"
            lines.append(f"  {printable(layout.name)!s:<28} {boxes}")
    for number in range(1, len(template.masters) + 1):
        settings = DeckSettings(template=path, agenda=True, master=number)
        lines.append("")
        if number - 1 == template.slides_master:  # what it takes without 'deck: master:'
            which = "" if number == 1 else (" (the master the template's own slides use, "
                                            "taken without 'deck: master:')")
        else:
            which = f" with 'deck: master: {number}'"
        lines.append(f"what tweeluik would use{which} (choose others under 'deck: layouts:', "
                     "such as '    lesson: Title and Content'"
                     + (", and 'deck: master: 2' for another master):"
                        if len(template.masters) > 1 and number == 1 else "):"))
        try:
            layouts = resolve_layouts(settings, template, False, path, None)
            lines.extend(mapping_lines(layouts))
        except SourceError as error:
            lines.append(f"  {error.message}")
    return lines
