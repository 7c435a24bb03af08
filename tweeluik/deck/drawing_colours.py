"""DrawingML colours as PowerPoint paints them: a colour with its modifiers, a fill, a
gradient at a point, a shape's style fill, see-through colours blended.

Part of step 3 of the deck writer, its input side (``backdrop`` asks it what colour a
fill shows). ``None`` means the colour cannot be known.
"""

from __future__ import annotations

import colorsys
import math
import re

from lxml import etree

from .template_xml import NS


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def hex_of(red: float, green: float, blue: float) -> str:
    parts = (max(0, min(255, round(value))) for value in (red, green, blue))
    return "#{:02X}{:02X}{:02X}".format(*parts)


def _percent(element, name: str) -> float | None:
    found = element.find(f"a:{name}", NS)
    if found is None:
        return None
    try:
        return int(found.get("val", "100000")) / 100000
    except ValueError:
        return None


def _linear(value: float) -> float:
    """An sRGB channel (0 to 1) as light: the sRGB transfer curve undone."""
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _encoded(value: float) -> float:
    """Light (0 to 1) as an sRGB channel."""
    value = max(0.0, min(1.0, value))
    return value * 12.92 if value <= 0.0031308 else 1.055 * value ** (1 / 2.4) - 0.055


def with_modifiers(colour: str, element) -> str:
    """``colour`` changed as the colour element's children say: ``tint`` (the share of the
    colour kept, the rest white) and ``shade`` (the share kept, the rest black), mixed in
    light, not in sRGB's encoded values, as PowerPoint paints them (its 'tx1' at a 75 %
    tint is #898989, not #404040); ``lumMod``/``lumOff`` in HSL, as PowerPoint's theme
    tints are made. ``alpha`` is an opacity, read by ``opacity``."""
    red, green, blue = (value / 255 for value in _rgb(colour))
    tint, shade = _percent(element, "tint"), _percent(element, "shade")
    if tint is not None or shade is not None:
        lights = [_linear(value) for value in (red, green, blue)]
        if tint is not None:
            lights = [value * tint + (1 - tint) for value in lights]
        if shade is not None:
            lights = [value * shade for value in lights]
        red, green, blue = (_encoded(value) for value in lights)
    modulate, offset = _percent(element, "lumMod"), _percent(element, "lumOff")
    if modulate is not None or offset is not None:
        hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
        light = max(0.0, min(1.0, light * (modulate if modulate is not None else 1.0)
                             + (offset or 0.0)))
        red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return hex_of(red * 255, green * 255, blue * 255)


def colour_of(holder, colours: dict[str, str]) -> str | None:
    """The colour an element holding a colour as its first child says (a solid fill, a
    gradient stop, a pattern's part), modifiers applied; ``None`` for one we cannot read."""
    if holder is None or not len(holder):
        return None
    element = holder[0]
    kind, value = etree.QName(element).localname, element.get("val") or ""
    base = None
    if kind == "srgbClr" and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        base = f"#{value.upper()}"
    elif kind == "schemeClr":
        base = colours.get(value)
    elif kind == "sysClr":
        last = element.get("lastClr") or ""
        base = f"#{last.upper()}" if re.fullmatch(r"[0-9A-Fa-f]{6}", last) else None
    elif kind == "prstClr":
        base = {"black": "#000000", "white": "#FFFFFF"}.get(value)
    return with_modifiers(base, element) if base is not None else None


def opacity(holder) -> float:
    """How opaque a colour holder's colour is, from 0 to 1 (its ``alpha``)."""
    if holder is None or not len(holder):
        return 1.0
    alpha = _percent(holder[0], "alpha")
    return max(0.0, min(1.0, alpha)) if alpha is not None else 1.0


def blend(top: str, below: str, share: float) -> str:
    return hex_of(*(a * share + b * (1 - share) for a, b in zip(_rgb(top), _rgb(below),
                                                                strict=True)))


def average(found: list[str | None]) -> str | None:
    """The average of colours, or ``None`` when one of them is unknown."""
    known = [_rgb(colour) for colour in found if colour is not None]
    if not known or len(known) < len(found):
        return None
    return hex_of(*(sum(part) / len(known) for part in zip(*known, strict=True)))


def gradient_at(gradient, colours: dict[str, str], x: float, y: float
                ) -> tuple[str | None, float]:
    """The colour and opacity of a gradient fill at (``x``, ``y``), fractions of the
    filled shape: along its line for a linear gradient, the average of its stops
    otherwise. A stop's ``alpha`` counts: a glow of light drawn as a radial gradient
    from 7 % opaque to clear hardly shows."""
    stops = []
    for stop in gradient.findall("a:gsLst/a:gs", NS):
        colour = colour_of(stop, colours)
        if colour is None:
            return None, 1.0
        try:
            stops.append((int(stop.get("pos", "0")) / 100000, colour, opacity(stop)))
        except ValueError:
            return None, 1.0
    if not stops:
        return None, 1.0
    stops.sort()
    line = gradient.find("a:lin", NS)
    angle = None
    if line is not None:
        try:
            angle = int(line.get("ang", "0")) / 60000 % 360
        except ValueError:
            angle = None
    if angle is None:
        return average([colour for _, colour, _ in stops]), \
            sum(alpha for *_, alpha in stops) / len(stops)
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    # The position along the gradient's line, 0 at its start corner, 1 at its end.
    corners = [cx * dx + cy * dy for cx in (0.0, 1.0) for cy in (0.0, 1.0)]
    low, high = min(corners), max(corners)
    at = ((x * dx + y * dy) - low) / (high - low) if high > low else 0.0
    if at <= stops[0][0]:
        return stops[0][1], stops[0][2]
    for (start, first, first_alpha), (end, second, second_alpha) in zip(stops, stops[1:],
                                                                         strict=False):
        if start <= at <= end:
            share = (at - start) / (end - start) if end > start else 0.0
            return blend(second, first, share), \
                second_alpha * share + first_alpha * (1 - share)
    return stops[-1][1], stops[-1][2]


def fill_at(properties, colours: dict[str, str], x: float = 0.5, y: float = 0.5
            ) -> tuple[str | None, float] | None:
    """The colour and opacity a shape's (or background's) fill shows at (``x``, ``y``),
    fractions of the shape: a gradient at that place, a pattern as the average of its
    two colours; ``None`` when it has no fill (``noFill``, or a fill of another kind)."""
    if properties is None:
        return None
    solid = properties.find("a:solidFill", NS)
    if solid is not None:
        return colour_of(solid, colours), opacity(solid)
    gradient = properties.find("a:gradFill", NS)
    if gradient is not None:
        return gradient_at(gradient, colours, x, y)
    pattern = properties.find("a:pattFill", NS)
    if pattern is not None:
        return average([colour_of(pattern.find(f"a:{part}", NS), colours)
                        for part in ("fgClr", "bgClr")]), 1.0
    return None


def style_fill(shape, colours: dict[str, str]) -> tuple[str | None, float] | None:
    """The fill a shape takes from its style (``p:style/a:fillRef``, as PowerPoint draws
    a new rectangle in the theme's accent colour) when its own properties name none;
    ``None`` when they do (a fill of another kind, or ``noFill``) or the style has none."""
    properties = shape.find("p:spPr", NS)
    if properties is not None and any(
            etree.QName(child).localname.endswith("Fill") for child in properties):
        return None
    reference = shape.find("p:style/a:fillRef", NS)
    if reference is None or reference.get("idx") in (None, "0"):
        return None
    return colour_of(reference, colours), 1.0
