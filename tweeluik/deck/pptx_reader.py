"""Describe an organisation's slide template as plain data.

Step 3 of the deck writer, its input side (with ``template_package`` and ``pptx_writer``,
the only modules that import python-pptx): an opened, cleaned ``Presentation`` → a
``TemplateInfo`` (masters, layouts, placeholders, and how each sets its text after
following the master's and the theme's defaults) for the planner.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER

from .backdrop import (
    DrawnShapes,
    PictureColours,
    background_at,
    busy_cells,
    drawn_marks,
    drawn_shapes,
    own_fill,
    picture_part,
)
from .boxes import footprint
from .drawing_colours import colour_of
from .printed_hints import printed_dates, printed_hints
from .template import (
    BANDS,
    COLUMNS,
    SLIDE_COLUMNS,
    SLIDE_ROWS,
    Frame,
    LayoutInfo,
    PlaceholderInfo,
    TemplateColour,
    TemplateInfo,
    TextStyle,
    is_fill_in_hint,
    is_real_footer,
    sideways,
    with_headings_under_turned_titles,
)
from .template_xml import NS

EMU_PER_PT = 12700
KINDS = {
    PP_PLACEHOLDER.TITLE: "title", PP_PLACEHOLDER.CENTER_TITLE: "title",
    PP_PLACEHOLDER.VERTICAL_TITLE: "title", PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "body", PP_PLACEHOLDER.VERTICAL_BODY: "body",
    PP_PLACEHOLDER.OBJECT: "object", PP_PLACEHOLDER.VERTICAL_OBJECT: "object",
    PP_PLACEHOLDER.PICTURE: "picture", PP_PLACEHOLDER.DATE: "date",
    PP_PLACEHOLDER.FOOTER: "footer", PP_PLACEHOLDER.SLIDE_NUMBER: "slide_number",
}
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # PowerPoint's: left, top, right, bottom


def _theme_root(master):
    theme = next((rel.target_part for rel in master.part.rels.values()
                  if rel.reltype.endswith("/theme")), None)
    return etree.fromstring(theme.blob) if theme is not None else None


def _theme_fonts(master) -> tuple[str | None, str | None]:
    root = _theme_root(master)
    if root is None:
        return None, None
    major = root.find(".//a:majorFont/a:latin", NS)
    minor = root.find(".//a:minorFont/a:latin", NS)
    return (major.get("typeface") if major is not None else None,
            minor.get("typeface") if minor is not None else None)


SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")


def _theme_colours(master) -> dict[str, str]:
    """Scheme colour names ("dk1", and through the master's map "tx1", "bg1" …) → hex."""
    colours: dict[str, str] = {}
    root = _theme_root(master)
    scheme = root.find(".//a:clrScheme", NS) if root is not None else None
    for slot in SCHEME_SLOTS:
        element = scheme.find(f"a:{slot}", NS) if scheme is not None else None
        if element is not None and len(element):
            value = element[0].get("lastClr") or element[0].get("val")
            if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
                colours[slot] = f"#{value.upper()}"
    mapping = master._element.find("p:clrMap", NS)
    if mapping is not None:
        for name, slot in mapping.attrib.items():
            if slot in colours:
                colours[name] = colours[slot]
    colours.setdefault("tx1", colours.get("dk1", "#000000"))
    colours.setdefault("bg1", colours.get("lt1", "#FFFFFF"))
    return colours


#: How a level of text says it has a bullet, or none.
BULLET_KINDS = ("buNone", "buChar", "buAutoNum", "buBlip")


class _StyleSources:
    """The XML elements a placeholder's text style comes from, most specific first."""

    def __init__(self, elements: list):
        self.elements = [element for element in elements if element is not None]

    def first(self, path: str, attribute: str) -> str | None:
        for element in self.elements:
            found = element.find(path, NS) if path else element
            if found is not None and found.get(attribute) is not None:
                return found.get(attribute)
        return None

    def first_element(self, path: str):
        for element in self.elements:
            found = element.find(path, NS)
            if found is not None:
                return found
        return None


def _text_levels(shape_element) -> list:
    """The places inside a placeholder that say how its first level of text is set."""
    if shape_element is None:
        return []
    body = shape_element.find("p:txBody", NS)
    if body is None:
        return []
    paragraph = body.find("a:p", NS)
    run_props = None
    if paragraph is not None:
        run_props = paragraph.find("a:r/a:rPr", NS)
        if run_props is None:
            run_props = paragraph.find("a:endParaRPr", NS)
    level = body.find("a:lstStyle/a:lvl1pPr", NS)
    p_props = paragraph.find("a:pPr", NS) if paragraph is not None else None
    return [element for element in (run_props, p_props, level) if element is not None]


def _master_placeholder(master, kind: str):
    wanted = {"title": ("title", "ctrTitle"), "subtitle": ("body",), "body": ("body",),
              "object": ("body",), "picture": ("body",), "date": ("dt",),
              "footer": ("ftr",), "slide_number": ("sldNum",)}.get(kind, ())
    tree = master._element.find("p:cSld/p:spTree", NS)
    for element in tree if tree is not None else ():  # as python-pptx lists placeholders
        ph = element.find("*/p:nvPr/p:ph", NS)
        if ph is not None and (ph.get("type") or "body") in wanted:
            return element
    return None


def _style(layout_shape, master, presentation, kind: str, major: str | None,
           minor: str | None, colours: dict[str, str]) -> TextStyle:
    master_shape = _master_placeholder(master, kind)
    tx_styles = master._element.find("p:txStyles", NS)
    style_name = {"title": "p:titleStyle"}.get(kind, "p:bodyStyle" if kind in (
        "body", "object", "subtitle", "picture") else "p:otherStyle")
    master_level = tx_styles.find(f"{style_name}/a:lvl1pPr", NS) if tx_styles is not None else None
    default = presentation.part._element.find("p:defaultTextStyle/a:lvl1pPr", NS)
    elements = [*_text_levels(layout_shape), *_text_levels(master_shape), master_level, default]
    # A level's character defaults sit in its defRPr; a run's in itself.
    expanded = []
    for element in elements:
        if element is None:
            continue
        expanded.append(element)
        if etree.QName(element).localname.endswith("pPr"):
            expanded.append(element.find("a:defRPr", NS))
    sources = _StyleSources(expanded)
    font_ref = sources.first("a:latin", "typeface") or None
    typeface = font_ref
    if typeface in (None, "+mj-lt") and kind == "title" or typeface == "+mj-lt":
        typeface = major
    elif typeface in (None, "+mn-lt"):
        typeface = minor
    size = sources.first("", "sz")
    spacing = sources.first("", "spc")
    percent = sources.first("a:lnSpc/a:spcPct", "val")
    points = sources.first("a:lnSpc/a:spcPts", "val")
    line_spacing = (("pct", int(percent) / 100000) if percent is not None
                    else ("pts", int(points) / 100) if points is not None else None)
    body_pr = [shape.find("p:txBody/a:bodyPr", NS) for shape in (layout_shape, master_shape)
               if shape is not None]
    body_sources = _StyleSources(body_pr)
    turns = [shape.find("p:spPr/a:xfrm", NS) for shape in (layout_shape, master_shape)
             if shape is not None]
    turned = next((int(xfrm.get("rot") or 0) for xfrm in turns if xfrm is not None), 0)
    vertical = body_sources.first("", "vert") not in (None, "horz") or sideways(turned / 60000)
    fill = sources.first_element("a:solidFill")
    colour = None
    if fill is not None and len(fill):
        kind_of_colour = etree.QName(fill[0]).localname
        if kind_of_colour in ("srgbClr", "schemeClr") and fill[0].get("val"):
            colour = TemplateColour("srgb" if kind_of_colour == "srgbClr" else "scheme",
                                    fill[0].get("val"),
                                    tuple((etree.QName(modifier).localname,
                                           modifier.get("val", "")) for modifier in fill[0]
                                          if isinstance(modifier.tag, str)
                                          and etree.QName(modifier).namespace == NS["a"]))
    # Without a fill of its own, text takes the theme's first text colour (titles too)
    colour_hex = colour_of(fill, colours) if fill is not None else colours.get("tx1")
    signed = next((etree.QName(found).localname == "buChar" for element in expanded
                   if element is not None and etree.QName(element).localname.endswith("pPr")
                   for found in element if isinstance(found.tag, str)
                   and etree.QName(found).localname in BULLET_KINDS), False)
    margin = int(sources.first("", "marL") or 0) / EMU_PER_PT
    outline = sources.first_element("a:ln")
    clear_outline = outline is not None and outline.find(".//a:alpha[@val='0']", NS) is not None
    return TextStyle(
        typeface=typeface, font_ref=font_ref, size=int(size) / 100 if size else None,
        bold=sources.first("", "b") in ("1", "true"),
        italic=sources.first("", "i") in ("1", "true"),
        caps=sources.first("", "cap") == "all",
        tracking=int(spacing) / 100 if spacing else 0.0,
        line_spacing=line_spacing, align=sources.first("", "algn"),
        anchor=body_sources.first("", "anchor"), vertical=vertical, turn=turned / 60000,
        colour=colour, colour_hex=colour_hex,
        bullet_hang=margin if signed and margin > 0 else None, clear_outline=clear_outline)


def _insets(layout_shape, master, kind: str) -> tuple[float, ...]:
    sources = _StyleSources([shape.find("p:txBody/a:bodyPr", NS) for shape in
                             (layout_shape, _master_placeholder(master, kind))
                             if shape is not None])
    names = ("lIns", "tIns", "rIns", "bIns")
    return tuple(int(sources.first("", name) or default) / EMU_PER_PT
                 for name, default in zip(names, DEFAULT_INSETS, strict=True))


def _text_of(shape) -> str:
    return " ".join(shape.text_frame.text.split()) if shape.has_text_frame else ""


#: A shape covering more than this share of the slide is a background, not an obstacle;
#: a picture covering less than this, near an edge, is a logo.
BACKGROUND_SHARE = 0.35
LOGO_SHARE = 0.08


Rects = tuple[tuple[float, float, float, float], ...]


def drawn_on(layout, master, width: int, height: int, seen: PictureColours
             ) -> tuple[Rects, int, Rects, Rects]:
    """What a layout shows that the logo must not cover (from its master too, unless it
    hides the master's shapes), in points: its pictures (shapes filled with a picture
    too), its shapes that hold words and its small marks near an edge (a group of shapes
    drawing a logo); a shape without words is the template's art, which a logo may stand
    on, as on a background, and so is a picture that is see-through all over (a glow of
    light, ``seen`` says which). Also how many of those are small pictures or marks near
    an edge (a logo), the pictures alone, and the small pieces of that art (the marks of
    a pattern; a block of colour is a background the logo may stand on)."""
    owners = [layout] if layout._element.get("showMasterSp") in ("0", "false") \
        else [layout, master]
    drawn, logos, pictures, art = [], 0, [], []
    area = float(width * height) or 1.0

    def like_a_logo(left: float, top: float, across: float, down: float,
                    widest: float = 6.0) -> bool:
        near_edge = min(left, top, width - left - across, height - top - down) \
            < 0.12 * min(width, height)
        shaped_like_a_logo = 0.25 <= across / max(down, 1.0) <= widest  # not a strip
        return across * down / area < LOGO_SHARE and near_edge and shaped_like_a_logo

    for owner in owners:
        found = owner._element.find("p:cSld/p:spTree", NS)
        tree = found if found is not None else []
        for element, (left, top, across, down) in drawn_shapes(tree):
            kind = etree.QName(element).localname
            worded = "".join(element.itertext()).strip() if kind == "sp" else ""
            # a shape filled with a picture shows that picture (a shield, a logo)
            pictured = kind == "pic" or kind == "sp" and \
                element.find("p:spPr/a:blipFill", NS) is not None
            if across * down / area > BACKGROUND_SHARE:
                continue
            if kind == "pic":
                part = picture_part(owner, element.find("p:blipFill/a:blip", NS))
                if part is not None and seen.faint(part):
                    continue  # a glow over the background, as PowerPoint's themes lay
            rect = (left / EMU_PER_PT, top / EMU_PER_PT, across / EMU_PER_PT,
                    down / EMU_PER_PT)
            if not pictured and not worded:
                if across * down / area < LOGO_SHARE:  # a mark of a pattern, not a block
                    art.append(rect)
                continue
            drawn.append(rect)
            if pictured:
                pictures.append(rect)
                logos += like_a_logo(left, top, across, down)
        # a small mark near an edge, drawn in vector shapes, is the template's logo when
        # it is the only one there or is named so; many are an illustration (trees, birds)
        marks = [(element, rect) for element, rect in
                 (drawn_marks(found) if found is not None else ())
                 if like_a_logo(*rect, widest=10.0)]  # a word mark is wide
        for element, (left, top, across, down) in marks:
            named = "logo" in (element.find("p:nvGrpSpPr/p:cNvPr", NS).get("name") or "").lower()
            if len(marks) == 1 or named:
                drawn.append((left / EMU_PER_PT, top / EMU_PER_PT, across / EMU_PER_PT,
                              down / EMU_PER_PT))
                logos += 1
    return tuple(drawn), logos, tuple(pictures), tuple(art)


def describe_template(presentation, name: str, cleaned: list[str] | tuple[str, ...] = ()
                      ) -> TemplateInfo:
    """Every layout of every master, with its placeholders' places and text styles."""
    layouts = []
    masters = []
    footer = ""
    footer_hint = False
    major_font = minor_font = None
    dark, light = "#000000", "#FFFFFF"
    pictures = PictureColours()
    shapes = DrawnShapes()  # each layout's and master's drawn shapes, listed once
    slide = (presentation.slide_width, presentation.slide_height)  # read once: each read parses
    for master_number, master in enumerate(presentation.slide_masters):
        masters.append(master.name or f"Master {master_number + 1}")
        major, minor = _theme_fonts(master)
        colours = _theme_colours(master)
        if master_number == 0:
            dark, light = colours.get("dk1", dark), colours.get("lt1", light)
        major_font, minor_font = major_font or major, minor_font or minor
        for position, layout in enumerate(master.slide_layouts):
            placeholders = []
            for order, shape in enumerate(layout.placeholders):
                kind = KINDS.get(shape.placeholder_format.type, "other")
                # each read of an inherited place walks layout and master: read it once
                left, top, width, height = shape.left, shape.top, shape.width, shape.height
                if not width or not height or width < 0 or height < 0:
                    continue  # a box without a size holds nothing
                insets = _insets(shape._element, master, kind)
                frame = Frame(order, left / EMU_PER_PT, top / EMU_PER_PT,
                              width / EMU_PER_PT, height / EMU_PER_PT, *insets)
                text = _text_of(shape)
                if kind == "footer" and not footer and master_number == 0 and text:
                    if is_real_footer(text):
                        footer = text
                    elif is_fill_in_hint(text):
                        footer_hint = True  # words to replace; a bare prompt stays empty
                style = _style(shape._element, master, presentation, kind, major, minor,
                               colours)
                # what lies behind it where it stands: a turned box's own place is unturned
                x, y, across, down = footprint((left, top, width, height), style.turn)
                strip, column = down / BANDS, across / COLUMNS
                own = own_fill([shape._element, _master_placeholder(master, kind)], colours)
                cells = tuple(tuple(background_at(
                    layout, master, (x + cell * column, y + band * strip, column, strip),
                    slide, colours, pictures, shapes, own) for cell in range(COLUMNS))
                    for band in range(BANDS))
                placeholders.append(PlaceholderInfo(
                    order, kind, shape.placeholder_format.idx, shape.name, frame, style,
                    text, cells))
            drawn, logos, own_pictures, art = drawn_on(layout, master, *slide, pictures)
            drawn += tuple((left / EMU_PER_PT, top / EMU_PER_PT, across / EMU_PER_PT,
                            down / EMU_PER_PT) for left, top, across, down in busy_cells(
                layout, master, slide, pictures))
            row, column = slide[1] / SLIDE_ROWS, slide[0] / SLIDE_COLUMNS
            seen = tuple(tuple(background_at(
                layout, master, (cell * column, band * row, column, row), slide, colours,
                pictures, shapes) for cell in range(SLIDE_COLUMNS))
                for band in range(SLIDE_ROWS))
            backdrop = tuple(tuple(colour for colour, _ in cells) for cells in seen)
            textures = tuple(tuple(texture for _, texture in cells) for cells in seen)
            layouts.append(LayoutInfo(master_number, position, layout.name or f"Layout {position + 1}",
                                      layout._element.get("type", "cust"),
                                      with_headings_under_turned_titles(
                                          tuple(placeholders), *(size / EMU_PER_PT
                                                                 for size in slide)),
                                      drawn, logos, backdrop, own_pictures, textures, art))
    return TemplateInfo(name, slide[0] / EMU_PER_PT, slide[1] / EMU_PER_PT, tuple(masters),
                        tuple(layouts), major_font, minor_font, footer, tuple(cleaned), dark, light,
                        footer_hint=footer_hint and not footer,
                        printed_hints=printed_hints(presentation),
                        printed_dates=printed_dates(presentation),
                        slides_master=_slides_master(presentation),
                        first_slide_layout=_first_slide_layout(presentation),
                        slide_backgrounds=_slides_with_own_background(presentation))


def _background(owner) -> tuple[str, str] | None:
    """A slide's, layout's or master's own background as a comparable key: a picture
    by its bytes' digest, a gradient or colour by its XML; ``None`` when it has none."""
    properties = owner._element.find("p:cSld/p:bg/p:bgPr", NS)
    if properties is None:
        reference = owner._element.find("p:cSld/p:bg/p:bgRef", NS)
        return None if reference is None else ("theme", etree.tostring(reference).decode())
    blip = properties.find("a:blipFill/a:blip", NS)
    if blip is not None:
        try:
            part = owner.part.related_part(blip.get(f"{{{NS['r']}}}embed"))
        except KeyError:
            return None
        return "picture", hashlib.sha1(part.blob).hexdigest()
    fill = next(iter(properties), None)
    return (etree.QName(fill).localname, etree.tostring(fill).decode()) if fill is not None \
        else None


def _slides_with_own_background(presentation) -> int:
    """How many of the template's own slides carry a picture or gradient as background
    that their layout and master do not show: a look the deck's slides, made from the
    layouts, do not get."""
    count = 0
    for slide in presentation.slides:
        own = _background(slide)
        if own is None or own[0] not in ("picture", "gradFill"):
            continue
        layout = slide.slide_layout
        if own not in (_background(layout), _background(layout.slide_master)):
            count += 1
    return count


def _first_slide_layout(presentation) -> tuple[int, int] | None:
    """The (master, position) of the layout the template's own first slide uses."""
    first = next(iter(presentation.slides), None)  # (not every slide read for one)
    if first is None:
        return None
    layout = first.slide_layout
    for master_number, master in enumerate(presentation.slide_masters):
        for position, item in enumerate(master.slide_layouts):
            if item.part.partname == layout.part.partname:
                return master_number, position
    return None  # a layout no master lists (a damaged file): no cover is known


def _slides_master(presentation) -> int:
    """The master (counted from 0) most of the template's own slides use; the first of
    those used as often, and 0 when it has no slides."""
    masters = [master.part.partname for master in presentation.slide_masters]
    used = Counter(masters.index(slide.slide_layout.slide_master.part.partname)
                   for slide in presentation.slides)
    return min(used, key=lambda number: (-used[number], number)) if used else 0
