"""What a template draws behind a box: the colour text in that box is read against.

Part of step 3 of the deck writer, its input side (``pptx_reader`` calls it while it
describes a template). For each strip of a placeholder it finds what shows there, as
PowerPoint draws it: the placeholder's own fill (a title bar; its own or the master
placeholder's), else the topmost shape or picture of the layout, then of the master,
that covers the strip (shapes inside groups too, through their group's transform),
else the background. Colours are read with their modifiers (``lumMod``, ``lumOff``,
``tint``, ``shade``, ``alpha``); a gradient gives the colour at the strip's place, a
photograph the average of the part behind the strip, see-through fills are blended
over what lies beneath. ``None`` means it cannot be known, and then nothing is changed.
"""

from __future__ import annotations

import colorsys
import math
import re
import warnings
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from lxml import etree

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
Rect = tuple[float, float, float, float]  # left, top, width, height in EMU
#: A colour (None: unknown), and what it is: PLAIN, or a picture's average, CALM (a band
#: of one colour in a photograph) or BUSY (a photograph's detail): falsy only for PLAIN.
Seen = tuple[str | None, str]
PLAIN, CALM, BUSY = "", "calm", "busy"
MAX_GROUP_DEPTH = 20


# --- colours --------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(red: float, green: float, blue: float) -> str:
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


def with_modifiers(colour: str, element) -> str:
    """``colour`` changed as the colour element's children say: ``lumMod``/``lumOff`` (in
    HSL, as PowerPoint's theme tints are made), ``tint`` (towards white), ``shade``
    (towards black). ``alpha`` is an opacity, read by ``opacity``."""
    red, green, blue = (value / 255 for value in _rgb(colour))
    tint, shade = _percent(element, "tint"), _percent(element, "shade")
    if tint is not None:
        red, green, blue = (value * tint + (1 - tint) for value in (red, green, blue))
    if shade is not None:
        red, green, blue = (value * shade for value in (red, green, blue))
    modulate, offset = _percent(element, "lumMod"), _percent(element, "lumOff")
    if modulate is not None or offset is not None:
        hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
        light = max(0.0, min(1.0, light * (modulate if modulate is not None else 1.0)
                             + (offset or 0.0)))
        red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return _hex(red * 255, green * 255, blue * 255)


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
    return _hex(*(a * share + b * (1 - share) for a, b in zip(_rgb(top), _rgb(below),
                                                                strict=True)))


def average(found: list[str | None]) -> str | None:
    """The average of colours, or ``None`` when one of them is unknown."""
    known = [_rgb(colour) for colour in found if colour is not None]
    if not known or len(known) < len(found):
        return None
    return _hex(*(sum(part) / len(known) for part in zip(*known, strict=True)))


def gradient_at(gradient, colours: dict[str, str], x: float, y: float) -> str | None:
    """The colour of a gradient fill at (``x``, ``y``), fractions of the filled shape:
    along its line for a linear gradient, the average of its stops otherwise."""
    stops = []
    for stop in gradient.findall("a:gsLst/a:gs", NS):
        colour = colour_of(stop, colours)
        if colour is None:
            return None
        try:
            stops.append((int(stop.get("pos", "0")) / 100000, colour))
        except ValueError:
            return None
    if not stops:
        return None
    stops.sort()
    line = gradient.find("a:lin", NS)
    if line is None:
        return average([colour for _, colour in stops])
    try:
        angle = int(line.get("ang", "0")) / 60000 % 360
    except ValueError:
        return average([colour for _, colour in stops])
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    # The position along the gradient's line, 0 at its start corner, 1 at its end.
    corners = [cx * dx + cy * dy for cx in (0.0, 1.0) for cy in (0.0, 1.0)]
    low, high = min(corners), max(corners)
    at = ((x * dx + y * dy) - low) / (high - low) if high > low else 0.0
    if at <= stops[0][0]:
        return stops[0][1]
    for (start, first), (end, second) in zip(stops, stops[1:], strict=False):
        if start <= at <= end:
            share = (at - start) / (end - start) if end > start else 0.0
            return blend(second, first, share)
    return stops[-1][1]


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
        return gradient_at(gradient, colours, x, y), 1.0
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


# --- pictures -------------------------------------------------------------------------


class PictureColours:
    """The average colour of the part of a template's picture that lies behind a box, so
    that text on a photograph gets the same contrast check as text on a colour. Each
    picture is decoded once, small; one that cannot be read counts as unknown."""

    SIDE = 256            # pixels: the longest side a picture is reduced to
    MAX_PIXELS = 60_000_000
    #: Pixels decoded for one template in all (some 10 s of work): a template of many
    #: layouts, each with its own huge background, has its later pictures count as
    #: unknown rather than take minutes.
    BUDGET_PIXELS = 400_000_000

    def __init__(self) -> None:
        self.decoded: dict[str, object] = {}
        self.pixels_left = self.BUDGET_PIXELS

    def _image(self, part):
        name = str(part.partname)
        if name not in self.decoded:
            self.decoded[name] = None
            try:
                from PIL import Image
                with warnings.catch_warnings():  # Pillow's advice is not the author's
                    warnings.simplefilter("ignore")
                    opened = Image.open(BytesIO(part.blob))
                    pixels = opened.width * opened.height
                    self.pixels_left -= pixels if opened.format != "JPEG" else pixels // 64
                    if pixels <= self.MAX_PIXELS and self.pixels_left >= 0:
                        opened.draft("RGB", (self.SIDE, self.SIDE))  # JPEG: decoded at 1/8
                        image = opened.convert("RGBA")
                        image.thumbnail((self.SIDE, self.SIDE))
                        self.decoded[name] = image
            except Exception:  # any picture Pillow cannot read counts as unknown
                pass
        return self.decoded[name]

    def mean_behind(self, part, picture: Rect, box: Rect) -> tuple[str, float] | None:
        """The average colour of what the picture shows behind ``box``, and how much of
        that part it covers (its transparent pixels let what lies beneath show through)."""
        image = self._image(part)
        if image is None or picture[2] <= 0 or picture[3] <= 0:
            return None
        left, top = max(picture[0], box[0]), max(picture[1], box[1])
        right = min(picture[0] + picture[2], box[0] + box[2])
        bottom = min(picture[1] + picture[3], box[1] + box[3])
        if right <= left or bottom <= top:
            return None
        from PIL import ImageStat
        scale_x, scale_y = image.width / picture[2], image.height / picture[3]
        crop = (int((left - picture[0]) * scale_x), int((top - picture[1]) * scale_y),
                max(int((right - picture[0]) * scale_x), int((left - picture[0]) * scale_x) + 1),
                max(int((bottom - picture[1]) * scale_y), int((top - picture[1]) * scale_y) + 1))
        region = image.crop(crop)
        alpha = region.getchannel("A")
        cover = ImageStat.Stat(alpha).mean[0] / 255
        if cover < 0.01:
            return "#FFFFFF", 0.0
        red, green, blue = ImageStat.Stat(region.convert("RGB"), mask=alpha).mean
        return _hex(red, green, blue), cover


    def busy(self, part, picture: Rect, box: Rect) -> bool:
        """True when the part of the picture behind ``box`` is not plain: a drawing
        (a logo printed in a background picture) rather than a colour or a soft blur."""
        image = self._image(part)
        if image is None or picture[2] <= 0 or picture[3] <= 0:
            return False
        from PIL import ImageStat
        scale_x, scale_y = image.width / picture[2], image.height / picture[3]
        left = max(0, int((box[0] - picture[0]) * scale_x))
        top = max(0, int((box[1] - picture[1]) * scale_y))
        right = min(image.width, max(left + 1, int((box[0] + box[2] - picture[0]) * scale_x)))
        bottom = min(image.height, max(top + 1, int((box[1] + box[3] - picture[1]) * scale_y)))
        if right <= left or bottom <= top:
            return False
        region = image.crop((left, top, right, bottom)).convert("L")
        return ImageStat.Stat(region).stddev[0] > BUSY_STDDEV


#: How much the brightness of a background picture may vary inside a cell before the
#: cell counts as drawn on (a logo, a line of text): a soft blur stays below it.
BUSY_STDDEV = 18.0
#: Cells a slide is cut into to find where a background picture is drawn on, and the
#: share of them that may be drawn on for the drawing to count as a logo.
BUSY_GRID = (16, 9)
BUSY_SHARE = 0.15


def busy_cells(layout, master, slide: tuple[float, float], pictures: PictureColours
               ) -> tuple[Rect, ...]:
    """The cells (EMU) of a slide where its background picture shows a drawing, such as
    the organisation's logo printed into the picture, so our logo keeps off them."""
    for owner in (layout, master):
        background = owner._element.find("p:cSld/p:bg", NS)
        if background is None:
            continue
        stretched = background.find("p:bgPr/a:blipFill[a:stretch]", NS)
        if stretched is None:
            return ()
        part = picture_part(owner, stretched.find("a:blip", NS))
        if part is None:
            return ()
        columns, rows = BUSY_GRID
        width, height = slide[0] / columns, slide[1] / rows
        busy = tuple((column * width, row * height, width, height)
                     for row in range(rows) for column in range(columns)
                     if pictures.busy(part, (0, 0, *slide), (column * width, row * height,
                                                               width, height)))
        # A drawing in a calm picture is a logo; a photograph or a pattern is busy all
        # over, and the logo stands on it as on any background.
        return busy if len(busy) <= BUSY_SHARE * columns * rows else ()
    return ()


def picture_part(owner, blip):
    """The image part a ``<a:blip>`` of ``owner`` (a layout or master) names."""
    relationship = blip.get(f"{{{NS['r']}}}embed") if blip is not None else None
    try:
        return owner.part.related_part(relationship) if relationship else None
    except KeyError:
        return None


# --- shapes, groups included ------------------------------------------------------------


def _xfrm(element) -> tuple[float, float, float, float, float, float, float, float] | None:
    """A group's offset and extent, and its children's offset and extent (EMU)."""
    xfrm = element.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        return None
    try:
        values = [float(xfrm.find(f"a:{part}", NS).get(name))
                  for part, name in (("off", "x"), ("off", "y"), ("ext", "cx"), ("ext", "cy"),
                                     ("chOff", "x"), ("chOff", "y"), ("chExt", "cx"),
                                     ("chExt", "cy"))]
    except (AttributeError, TypeError, ValueError):
        return None
    return tuple(values)  # type: ignore[return-value]


def _rect_of(element) -> Rect | None:
    xfrm = element.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = element.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        return None
    try:
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        return (float(off.get("x")), float(off.get("y")), float(ext.get("cx")),
                float(ext.get("cy")))
    except (AttributeError, TypeError, ValueError):
        return None


def drawn_shapes(tree, depth: int = 0) -> Iterator[tuple[Any, Rect]]:
    """Every shape and picture in a shape tree that is not a placeholder, topmost first,
    with its place on the slide (EMU); the members of a group through the group's
    transform."""
    for element in reversed(list(tree)):
        name = etree.QName(element).localname
        if name == "grpSp":
            if depth >= MAX_GROUP_DEPTH:
                continue
            transform = _xfrm(element)
            for child, rect in drawn_shapes(element, depth + 1):
                if transform is not None:
                    x, y, cx, cy, chx, chy, chcx, chcy = transform
                    sx, sy = (cx / chcx if chcx else 1.0), (cy / chcy if chcy else 1.0)
                    rect = (x + (rect[0] - chx) * sx, y + (rect[1] - chy) * sy,
                            rect[2] * sx, rect[3] * sy)
                yield child, rect
        elif name in ("sp", "pic", "cxnSp"):
            if element.find("p:nvSpPr/p:nvPr/p:ph", NS) is not None \
                    or element.find("p:nvPicPr/p:nvPr/p:ph", NS) is not None:
                continue
            own = _rect_of(element)
            if own is not None and own[2] > 0 and own[3] > 0:
                yield element, own


# --- whether a shape covers a point -----------------------------------------------------------

#: Points a curve of a custom shape's outline is cut into when it is traced.
CURVE_STEPS = 8
MAX_OUTLINE_POINTS = 20_000


def covers(element, rect: Rect, x: float, y: float) -> bool:
    """True when the shape ``element`` placed at ``rect`` covers the point (``x``, ``y``):
    by its outline for an ellipse or a custom shape (the coloured blobs of a corporate
    design lie inside a box much larger than themselves), by its box otherwise."""
    left, top, width, height = rect
    if not (left <= x <= left + width and top <= y <= top + height):
        return False
    properties = element.find("p:spPr", NS)
    if properties is None:
        return True
    preset = properties.find("a:prstGeom", NS)
    if preset is not None:
        if preset.get("prst") == "ellipse":
            dx, dy = (x - left) / width - 0.5, (y - top) / height - 0.5
            return dx * dx + dy * dy <= 0.25
        return True
    custom = properties.find("a:custGeom", NS)
    if custom is None:
        return True
    inside = None
    for path in custom.findall("a:pathLst/a:path", NS):
        if path.get("fill") == "none":
            continue
        outline = _outline(path)
        if outline is None:
            return True  # a shape we cannot trace counts by its box, as before
        try:
            scale_x = width / float(path.get("w") or 0) if path.get("w") else 1.0
            scale_y = height / float(path.get("h") or 0) if path.get("h") else 1.0
        except (ValueError, ZeroDivisionError):
            return True
        point = ((x - left) / scale_x, (y - top) / scale_y)
        if any(_inside(polygon, point) for polygon in outline):
            return True
        inside = False
    return inside if inside is not None else True


def _number(element, name: str) -> float | None:
    try:
        return float(element.get(name))
    except (TypeError, ValueError):
        return None  # a guide's name (a formula): not traced


def _points(command) -> list[tuple[float, float]] | None:
    found = []
    for point in command.findall("a:pt", NS):
        x, y = _number(point, "x"), _number(point, "y")
        if x is None or y is None:
            return None
        found.append((x, y))
    return found


def _curve(name: str, start: tuple[float, float],
           points: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """A Bézier curve from ``start`` through ``points`` cut into straight pieces."""
    if not (name == "cubicBezTo" and len(points) == 3 or name == "quadBezTo"
            and len(points) == 2):
        return None
    traced = []
    for step in range(1, CURVE_STEPS + 1):
        t = step / CURVE_STEPS
        u = 1 - t
        if name == "cubicBezTo":
            (ax, ay), (bx, by), (cx, cy) = points
            traced.append((u ** 3 * start[0] + 3 * u * u * t * ax + 3 * u * t * t * bx
                           + t ** 3 * cx, u ** 3 * start[1] + 3 * u * u * t * ay
                           + 3 * u * t * t * by + t ** 3 * cy))
        else:
            (ax, ay), (bx, by) = points
            traced.append((u * u * start[0] + 2 * u * t * ax + t * t * bx,
                           u * u * start[1] + 2 * u * t * ay + t * t * by))
    return traced


def _arc(command, start: tuple[float, float]) -> list[tuple[float, float]] | None:
    """An arc from ``start`` (its radii and angles in 60,000ths of a degree) cut into
    straight pieces."""
    values = [_number(command, key) for key in ("wR", "hR", "stAng", "swAng")]
    if any(value is None for value in values):
        return None
    w_radius, h_radius, start_angle, swing = (float(v or 0) for v in values)
    begin = math.radians(start_angle / 60000)
    end = begin + math.radians(swing / 60000)
    centre = (start[0] - w_radius * math.cos(begin), start[1] - h_radius * math.sin(begin))
    return [(centre[0] + w_radius * math.cos(angle), centre[1] + h_radius * math.sin(angle))
            for angle in (begin + (end - begin) * step / CURVE_STEPS
                          for step in range(1, CURVE_STEPS + 1))]


def _traced(command, name: str, start: tuple[float, float]
            ) -> list[tuple[float, float]] | None:
    """The points a line, curve or arc command adds after ``start``; ``None`` for a
    command that cannot be traced."""
    if name == "arcTo":
        return _arc(command, start)
    if name not in ("lnTo", "cubicBezTo", "quadBezTo"):
        return None
    points = _points(command)
    if not points:
        return None
    return points[:1] if name == "lnTo" else _curve(name, start, points)


def _outline(path) -> list[list[tuple[float, float]]] | None:
    """The closed polygons a custom shape's path traces (curves cut into straight
    pieces), in the path's own units; ``None`` when it cannot be traced."""
    polygons: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    count = 0
    for command in path:
        name = etree.QName(command).localname
        if name in ("close", "moveTo"):
            points = (_points(command) or None) if name == "moveTo" \
                else [current[0]] if current else []
            if points is None:
                return None
            if len(current) > 2:
                polygons.append(current)
            current = points[:1]
        elif not current:
            return None
        else:
            traced = _traced(command, name, current[-1])
            if traced is None:
                return None
            current.extend(traced)
        count += len(current)
        if count > MAX_OUTLINE_POINTS:
            return None
    if len(current) > 2:
        polygons.append(current)
    return polygons or None


def _inside(polygon: list[tuple[float, float]], point: tuple[float, float]) -> bool:
    """Even-odd test: does the closed ``polygon`` hold ``point``?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


# --- what lies behind a box ---------------------------------------------------------------


def own_fill(shape_elements: list, colours: dict[str, str]) -> tuple[str | None, float] | None:
    """A placeholder's own fill (a title bar), from the first of its layout's and its
    master's placeholder that sets one; ``None`` when neither fills its box."""
    for element in shape_elements:
        if element is None:
            continue
        properties = element.find("p:spPr", NS)
        if properties is None:
            continue
        if properties.find("a:noFill", NS) is not None:
            return None
        found = fill_at(properties, colours)
        if found is not None:
            return found
    return None


def background_at(layout, master, box: Rect, slide: tuple[float, float],
                  colours: dict[str, str], pictures: PictureColours,
                  own: tuple[str | None, float] | None = None) -> Seen:
    """The colour behind a strip ``box`` (EMU) of a placeholder, and whether it is a
    picture's average: the placeholder's ``own`` fill, else the topmost opaque shape,
    picture or gradient of the layout, then of the master, that covers the strip's middle,
    else their background; see-through fills above it blended in. ``None`` when it cannot
    be known (an unreadable picture, a colour of no kind we read)."""
    x, y = box[0] + box[2] / 2, box[1] + box[3] / 2
    see_through: list[tuple[str, float]] = []  # translucent fills above, topmost first
    pictured = PLAIN  # one of them is a picture: CALM or BUSY, the busiest seen

    def seen(colour: str | None, picture: str = PLAIN) -> Seen:
        texture = max(picture, pictured, key=(PLAIN, CALM, BUSY).index)
        if colour is None:
            return None, texture
        for top, share in reversed(see_through):
            colour = blend(top, colour, share)
        return colour, texture

    if own is not None:
        colour, share = own
        if colour is None or share >= 0.99:
            return seen(colour)
        see_through.append((colour, share))

    hides_master = layout._element.get("showMasterSp") in ("0", "false")
    for owner in (layout, master):
        tree = owner._element.find("p:cSld/p:spTree", NS)
        if tree is None or owner is master and hides_master:
            tree = []
        for element, (left, top, width, height) in drawn_shapes(tree):
            if not covers(element, (left, top, width, height), x, y):
                continue
            if etree.QName(element).localname == "pic":
                part = picture_part(owner, element.find("p:blipFill/a:blip", NS))
                found = pictures.mean_behind(part, (left, top, width, height), box) \
                    if part is not None else None
                colour, share = found if found is not None else (None, 1.0)
                # a calm part of a picture (a band of one colour) reads as a plain colour
                calm = part is not None and not pictures.busy(part, (left, top, width, height),
                                                                box)
                pictured = max(pictured, CALM if calm else BUSY, key=(PLAIN, CALM, BUSY).index)
            else:
                fill = fill_at(element.find("p:spPr", NS), colours,
                               (x - left) / width, (y - top) / height) \
                    or style_fill(element, colours)
                if fill is None:
                    continue
                colour, share = fill
            if colour is None or share >= 0.99:
                return seen(colour)
            see_through.append((colour, share))  # a bubble of light: look beneath
        background = owner._element.find("p:cSld/p:bg", NS)
        if background is not None:
            return seen(*_background_of(owner, background, box, slide, colours, pictures))
    return seen("#FFFFFF")


def _background_of(owner, background, box: Rect, slide: tuple[float, float],
                   colours: dict[str, str], pictures: PictureColours) -> Seen:
    """What a layout's or master's own background shows behind ``box``: a fill (a
    gradient at the box's middle), the theme's background style, or a picture stretched
    over the slide; an unknown colour for a tiled picture or a fill of another kind."""
    x, y = box[0] + box[2] / 2, box[1] + box[3] / 2
    fill = fill_at(background.find("p:bgPr", NS), colours,
                   x / slide[0] if slide[0] else 0.5, y / slide[1] if slide[1] else 0.5)
    if fill is not None:
        return fill[0], PLAIN
    reference = background.find("p:bgRef", NS)
    if reference is not None:
        return colour_of(reference, colours), PLAIN
    stretched = background.find("p:bgPr/a:blipFill[a:stretch]", NS)
    if stretched is None:
        return None, PLAIN
    part = picture_part(owner, stretched.find("a:blip", NS))
    found = pictures.mean_behind(part, (0, 0, *slide), box) if part else None
    colour, share = found if found is not None else (None, 1.0)
    calm = part is not None and not pictures.busy(part, (0, 0, *slide), box)
    return blend(colour, "#FFFFFF", share) if colour else None, CALM if calm else BUSY
