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

import warnings
from collections.abc import Iterable, Iterator
from io import BytesIO
from typing import Any

from lxml import etree

from .drawing_colours import blend, colour_of, fill_at, hex_of, style_fill
from .shape_outlines import covers
from .template_xml import NS, Rect

#: A colour (None: unknown), and what it is: PLAIN, or a picture's average, CALM (a band
#: of one colour in a photograph) or BUSY (a photograph's detail): falsy only for PLAIN.
Seen = tuple[str | None, str]
PLAIN, CALM, BUSY = "", "calm", "busy"
MAX_GROUP_DEPTH = 20


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
        # what was found behind a box, by question, picture, place and box: the master's
        # picture lies behind the same boxes on layout after layout
        self.found: dict[tuple, Any] = {}
        self.glows: dict[str, bool] = {}  # by picture: see-through all over

    def _once(self, measure, part, picture: Rect, box: Rect):
        key = (measure.__name__, str(part.partname), tuple(picture), tuple(box))
        if key not in self.found:
            self.found[key] = measure(part, picture, box)
        return self.found[key]

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
        return self._once(self._mean_behind, part, picture, box)

    def _mean_behind(self, part, picture: Rect, box: Rect) -> tuple[str, float] | None:
        image = self._image(part)
        if image is None or picture[2] <= 0 or picture[3] <= 0:
            return None
        left, top = max(picture[0], box[0]), max(picture[1], box[1])
        right = min(picture[0] + picture[2], box[0] + box[2])
        bottom = min(picture[1] + picture[3], box[1] + box[3])
        if right <= left or bottom <= top:
            return None
        from PIL import ImageChops, ImageStat
        scale_x, scale_y = image.width / picture[2], image.height / picture[3]
        crop = (int((left - picture[0]) * scale_x), int((top - picture[1]) * scale_y),
                max(int((right - picture[0]) * scale_x), int((left - picture[0]) * scale_x) + 1),
                max(int((bottom - picture[1]) * scale_y), int((top - picture[1]) * scale_y) + 1))
        region = image.crop(crop)
        alpha = region.getchannel("A")
        cover = ImageStat.Stat(alpha).mean[0] / 255
        if cover < 0.01:
            return "#FFFFFF", 0.0
        if alpha.getextrema() == (255, 255):  # opaque, as a photograph is
            return hex_of(*ImageStat.Stat(region.convert("RGB")).mean), cover
        # each pixel counts by its opacity: the colour of what the picture adds (the
        # products are rounded to whole values, a rounding that evens out over a region)
        total = ImageStat.Stat(alpha).sum[0]
        weighted = [ImageStat.Stat(ImageChops.multiply(channel, alpha)).sum[0] * 255 / total
                    for channel in region.convert("RGB").split()]
        return hex_of(*weighted), cover


    def faint(self, part) -> bool:
        """True for a picture that is see-through all over (a glow of light laid over the
        background at a few per cent): it shows no drawing and no logo. A logo on a clear
        ground is opaque where it is drawn, however little of the picture that is."""
        name = str(part.partname)
        if name not in self.glows:  # a master's picture is asked of on every layout
            image = self._image(part)
            counts = image.getchannel("A").histogram() if image is not None else [0]
            opaque_enough = round(FAINT_OPACITY * 255)
            self.glows[name] = image is not None \
                and sum(counts[opaque_enough:]) <= 0.01 * sum(counts)
        return self.glows[name]

    def busy(self, part, picture: Rect, box: Rect) -> bool:
        """True when the part of the picture behind ``box`` is not plain: a drawing
        (a logo printed in a background picture) rather than a colour or a soft blur."""
        return self._once(self._busy, part, picture, box)

    def _busy(self, part, picture: Rect, box: Rect) -> bool:
        image = self._image(part)
        if image is None or picture[2] <= 0 or picture[3] <= 0:
            return False
        from PIL import Image, ImageStat
        scale_x, scale_y = image.width / picture[2], image.height / picture[3]
        left = max(0, int((box[0] - picture[0]) * scale_x))
        top = max(0, int((box[1] - picture[1]) * scale_y))
        right = min(image.width, max(left + 1, int((box[0] + box[2] - picture[0]) * scale_x)))
        bottom = min(image.height, max(top + 1, int((box[1] + box[3] - picture[1]) * scale_y)))
        if right <= left or bottom <= top:
            return False
        region = image.crop((left, top, right, bottom))
        if region.getchannel("A").getextrema() != (255, 255):
            # what shows: the picture over an even grey by its own opacity, so that a
            # see-through picture (a glow of light at 5 %) is as calm as it looks
            region = Image.alpha_composite(
                Image.new("RGBA", region.size, (128, 128, 128, 255)), region)
        return ImageStat.Stat(region.convert("L")).stddev[0] > BUSY_STDDEV


#: A picture with (almost) no pixel this opaque is a glow over the background, no drawing.
FAINT_OPACITY = 0.2
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


def drawn_marks(tree) -> Iterator[tuple[Any, Rect]]:
    """A shape tree's groups drawn of shapes alone, with no words and no picture, each
    with its place (EMU): a logo or a seal drawn in vector shapes shows as one such mark
    (an illustration, as many)."""
    for element in tree.findall("p:grpSp", NS):
        if "".join(element.itertext()).strip() or element.find(".//p:pic", NS) is not None \
                or element.find(".//a:blipFill", NS) is not None:
            continue
        rect = _rect_of(element)
        if rect is not None and rect[2] > 0 and rect[3] > 0:
            yield element, rect


class DrawnShapes:
    """The drawn shapes of each layout and master, listed once while a template is read,
    and their outlines traced once (what lies behind a box is asked for every strip of
    every placeholder)."""

    def __init__(self) -> None:
        self._listed: dict[int, tuple[Any, Any]] = {}
        self._parts: dict[int, tuple[Any, Any]] = {}
        self.traced: dict = {}  # a custom shape's path → its outline (see ``covers``)

    def parts_of(self, owner) -> tuple[Any, Any]:
        """A layout's or master's shape tree and background, each ``None`` when absent."""
        return _by_element(self._parts, owner._element, owner_parts)

    def of(self, tree) -> list[tuple[Any, Rect]]:
        """The drawn shapes of a shape tree (see ``drawn_shapes``)."""
        return _by_element(self._listed, tree, lambda found: list(drawn_shapes(found)))


def _by_element(store: dict[int, tuple[Any, Any]], element, make):
    """``make(element)``, made once per element for ``store``."""
    key = id(element)
    if key not in store:  # the element is kept with its entry, so its id stays its own
        store[key] = (element, make(element))
    return store[key][1]


def owner_parts(element) -> tuple[Any, Any]:
    """The shape tree and the background of a layout's or master's element."""
    return element.find("p:cSld/p:spTree", NS), element.find("p:cSld/p:bg", NS)


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
                  shapes: DrawnShapes, own: tuple[str | None, float] | None = None) -> Seen:
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
        tree, background = shapes.parts_of(owner)
        if tree is None or owner is master and hides_master:
            listed: Iterable[tuple[Any, Rect]] = ()
        else:
            listed = shapes.of(tree)
        for element, (left, top, width, height) in listed:
            if not covers(element, (left, top, width, height), x, y, shapes.traced):
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
