"""Write a slide plan as a .pptx file with python-pptx.

Step 3b of the deck writer (like Pandoc's ``Output.hs``), with ``pptx_reader`` one of
the two modules that import python-pptx: it turns a ``DeckPlan`` into slides built from
a template's layouts, every text in a real placeholder, so the deck stays editable and
reflows in PowerPoint. Placeholders are found by their position in the layout (not by
their idx, which templates made in LibreOffice repeat); date, footer and slide-number
placeholders, which python-pptx leaves off a new slide, are added from the layout when
the plan uses them. The template's sample slides, their sections and its document
statistics are not carried over, nor the fill-in hints its masters print
(``printed_hints``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from io import BytesIO
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from PIL import ImageOps
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..images import svg_with_plain_size
from ..theme import Theme
from .fit import LINE_PITCH, PARAGRAPH_GAP, hang
from .package_parts import finished_package
from .plan import DeckPlan, LogoPlan, PicturePlan, SlidePlan, TextPlan
from .printed_hints import leave_out_hints
from .template import TextStyle

COLOURS = {"ink": MSO_THEME_COLOR.TEXT_1, "accent": MSO_THEME_COLOR.ACCENT_1,
           "muted": MSO_THEME_COLOR.ACCENT_2}
ANCHORS = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
LANGUAGE_IDS = {"nl-NL": MSO_LANGUAGE_ID.DUTCH, "en-GB": MSO_LANGUAGE_ID.ENGLISH_UK,
                "de-DE": MSO_LANGUAGE_ID.GERMAN}
NOT_CLONED = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
SLIDE_NUMBER_FIELD_ID = "{7A1B4C2E-5D3F-4E6A-9B8C-1D2E3F4A5B6C}"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P14_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # the extension holding sections
EXIF_ORIENTATION = 0x0112


# --- the theme part -------------------------------------------------------------------


def apply_theme_colours_and_fonts(presentation, theme: Theme) -> None:
    """Write the theme's colours and fonts into every master's colour and font scheme."""
    parts = {rel.target_part for master in presentation.slide_masters
             for rel in master.part.rels.values() if rel.reltype.endswith("/theme")}
    c = theme.colours
    scheme = {"dk1": c["ink"], "lt1": c["paper"], "dk2": c["ink"], "lt2": c["tint"],
              "accent1": c["accent"], "accent2": c["muted"], "accent3": c["rule"],
              "accent4": c["ink"], "accent5": c["accent"], "accent6": c["muted"],
              "hlink": c["accent"], "folHlink": c["muted"]}
    for theme_part in sorted(parts, key=lambda part: str(part.partname)):
        root = etree.fromstring(theme_part.blob)
        colour_scheme = root.find(f".//{{{A}}}clrScheme")
        if colour_scheme is not None:
            colour_scheme.set("name", "tweeluik")
            for name, value in scheme.items():
                slot = colour_scheme.find(f"{{{A}}}{name}")
                if slot is None:
                    continue
                for child in list(slot):
                    slot.remove(child)
                etree.SubElement(slot, f"{{{A}}}srgbClr", val=value.lstrip("#").upper())
        font_scheme = root.find(f".//{{{A}}}fontScheme")
        if font_scheme is not None:
            font_scheme.set("name", "tweeluik")
            for slot, face in (("majorFont", theme.sans), ("minorFont", theme.serif)):
                latin = font_scheme.find(f"{{{A}}}{slot}/{{{A}}}latin")
                if latin is not None:
                    latin.set("typeface", face.deck)
        theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)


# --- writing slides -------------------------------------------------------------------


def _write_text(shape, text: TextPlan, theme: Theme, language: str) -> None:
    frame = shape.text_frame
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    if text.insets is not None:  # kept off a drawing of the template's
        frame.margin_left, frame.margin_top, frame.margin_right, frame.margin_bottom = \
            (Pt(inset) for inset in text.insets)
    style = text.style
    if text.design:
        frame.vertical_anchor = ANCHORS[text.anchor]
    elif style is not None and style.anchor:
        frame.vertical_anchor = MSO_ANCHOR.from_xml(style.anchor)
    face = theme.serif if text.typeface == "serif" else theme.sans
    for index, runs in enumerate(text.paragraphs):
        size = text.size_of(index)
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if text.design:
            paragraph.alignment = PP_ALIGN.LEFT
        elif style is not None and style.align:
            paragraph.alignment = PP_ALIGN.from_xml(style.align)
        if text.line_pitch:
            paragraph.line_spacing = Pt(size * LINE_PITCH)
        paragraph.space_before = Pt(0)
        paragraph.space_after = Pt(size * PARAGRAPH_GAP) \
            if index < len(text.paragraphs) - 1 else Pt(0)
        _bullet(paragraph, size if text.bulleted else None, text.design,
                 style.bullet_hang if style is not None else None)
        for plan_run in runs:
            run = paragraph.add_run()
            run.text = plan_run.text
            font = run.font
            font.size = Pt(size)
            if text.design:
                font.name = face.deck
                font.bold = text.bold or plan_run.bold
                font.italic = text.italic != plan_run.italic
                font.color.theme_color = COLOURS["accent" if plan_run.accent else text.colour]
                if text.caps:
                    run._r.get_or_add_rPr().set("cap", "all")  # no API for caps either
            else:  # the template's style written out (a template made in LibreOffice keeps
                # it where PowerPoint does not look), with the text's own emphasis on top
                font.bold = text.bold or plan_run.bold
                font.italic = text.italic != plan_run.italic
                if style is not None:
                    _template_style(run, style)
            font.language_id = LANGUAGE_IDS[language]
            if plan_run.href:
                run.hyperlink.address = plan_run.href
        end = paragraph._p.get_or_add_endParaRPr()
        end.set("lang", language)
        end.set("sz", str(int(size * 100)))


def _bullet(paragraph, size: float | None, design: bool, own_hang: float | None) -> None:
    """No bullet and no indent; with ``size``, a point of a list, its lines hung in as
    measured (``fit.hang``): in a template's design with its own bullet sign
    (``own_hang``), that sign and its indent; else a '•' of the text's font, in the
    accent colour in tweeluik's design."""
    p_pr = paragraph._p.get_or_add_pPr()  # python-pptx has no API for indents and bullets
    for old in p_pr.findall(qn("a:buNone")) + p_pr.findall(qn("a:buChar")):
        p_pr.remove(old)
    if size is not None and own_hang is not None and not design:
        return  # the template's list style sets it
    indent = Pt(hang(size)) if size is not None else 0
    p_pr.set("marL", str(int(indent)))
    p_pr.set("indent", str(-int(indent)))
    if size is None:
        p_pr.append(etree.Element(qn("a:buNone")))
        return
    if design:
        colour = etree.SubElement(p_pr, qn("a:buClr"))
        etree.SubElement(colour, qn("a:schemeClr")).set("val", "accent1")
    # the text's own font: a template's list style may name a symbol font for its
    # bullets (Wingdings), in which '•' is another sign or none
    etree.SubElement(p_pr, qn("a:buFontTx"))
    etree.SubElement(p_pr, qn("a:buChar")).set("char", "\u2022")


def _template_style(run, style: TextStyle) -> None:
    """A template's font, colour, capitals and letter spacing on one run."""
    if style.font_ref:
        run.font.name = style.font_ref
    r_pr = run._r.get_or_add_rPr()  # python-pptx has no API for caps, letter spacing
    if style.colour is not None:  # and a colour's modifiers
        kind, value, modifiers = style.colour
        if kind == "srgb":
            run.font.color.rgb = RGBColor.from_string(value.upper())
        else:
            with contextlib.suppress(ValueError, KeyError):
                run.font.color.theme_color = MSO_THEME_COLOR.from_xml(value)
        fill = r_pr.find(qn("a:solidFill"))
        if fill is not None and len(fill):
            for name, amount in modifiers:  # as the template has them: its darker grey
                etree.SubElement(fill[0], qn(f"a:{name}")).set("val", amount)
    if style.caps:
        r_pr.set("cap", "all")
    if style.tracking:
        r_pr.set("spc", str(int(round(style.tracking * 100))))
    if style.clear_outline:  # no outline, as it shows: LibreOffice drew no text at all
        outline = etree.Element(qn("a:ln"))
        etree.SubElement(outline, qn("a:noFill"))
        r_pr.insert(0, outline)


def picture_for_slide(path: Path) -> BytesIO | str:
    """The image file as python-pptx can take it: a phone's MPO file as the JPEG of its
    first picture, and a photo turned upright when its EXIF data says it was taken
    sideways (PowerPoint would show it as stored)."""
    with PILImage.open(path) as image:
        turned = image.getexif().get(EXIF_ORIENTATION, 1) not in (0, 1)
        if image.format != "MPO" and not turned:
            return str(path)
        upright = ImageOps.exif_transpose(image).convert("RGB")
    buffer = BytesIO()
    upright.save(buffer, "JPEG", quality=92)
    buffer.seek(0)
    return buffer


class _SlidePictures:
    """Each picture file as python-pptx takes it, prepared once per deck however many
    slides show it (reading a PNG's orientation decodes the whole picture)."""

    def __init__(self) -> None:
        self.prepared: dict[Path, bytes | str] = {}

    def __call__(self, path: Path) -> BytesIO | str:
        if path not in self.prepared:
            made = picture_for_slide(path)
            self.prepared[path] = made if isinstance(made, str) else made.getvalue()
        kept = self.prepared[path]
        return kept if isinstance(kept, str) else BytesIO(kept)


def _place_picture(placeholder, picture: PicturePlan, pictures: _SlidePictures) -> None:
    """Put the image in its placeholder, scaled to fit inside it (never cropped)."""
    box_left, box_top = placeholder.left, placeholder.top
    box_w, box_h = placeholder.width, placeholder.height
    shape = placeholder.insert_picture(pictures(picture.path))
    shape.crop_left = shape.crop_right = shape.crop_top = shape.crop_bottom = 0
    scale = min(box_w / picture.width_px, box_h / picture.height_px)
    width, height = int(picture.width_px * scale), int(picture.height_px * scale)
    shape.left = box_left + (box_w - width) // 2
    shape.top = box_top
    shape.width, shape.height = Emu(width), Emu(height)
    shape._element.nvPicPr.cNvPr.set("descr", picture.alt)
    shape._element.nvPicPr.cNvPr.set("name", "Picture")


def logo_image(logo: LogoPlan, theme: Theme) -> BytesIO | str:
    """The logo as PowerPoint takes it: a PNG or JPEG as it is, an SVG drawn as a PNG
    four times the size it shows at (the fonts are the theme's; nothing else is read)."""
    if logo.format != "svg":
        return picture_for_slide(logo.path)
    import resvg_py
    pixels = max(64, int(round(logo.width / 72 * 300)))  # 300 dpi at its size on the slide
    png = resvg_py.svg_to_bytes(svg_string=svg_with_plain_size(logo.path),
                                width=pixels, skip_system_fonts=True,
                                font_files=[str(path) for path in theme.font_files()])
    return BytesIO(bytes(png))


def _place_logo(slide, logo: LogoPlan, theme: Theme) -> None:
    shape = slide.shapes.add_picture(logo_image(logo, theme), Pt(logo.left), Pt(logo.top),
                                     Pt(logo.width), Pt(logo.height))
    shape._element.nvPicPr.cNvPr.set("descr", logo.alt)
    shape._element.nvPicPr.cNvPr.set("name", "Logo")


def _add_slide_number(slide, layout, number: int, theme: Theme, language: str,
                      design: bool) -> None:
    source = next((p for p in layout.placeholders
                   if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER), None)
    if source is None:
        return
    shape = _clone(slide, source)
    body = shape.text_frame._txBody
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    paragraph = etree.SubElement(body, qn("a:p"))
    field = etree.SubElement(paragraph, qn("a:fld"), id=SLIDE_NUMBER_FIELD_ID, type="slidenum")
    rpr = etree.SubElement(field, qn("a:rPr"), lang=language)
    if design:
        etree.SubElement(rpr, qn("a:latin"), typeface=theme.sans.deck)
    etree.SubElement(field, qn("a:t")).text = str(number)


def _clone(slide, layout_placeholder):
    """Add a layout's date, footer or slide-number placeholder to a slide; the new shape
    (shapes iterate in document order, where it is the last; placeholders in idx order)."""
    slide.shapes.clone_placeholder(layout_placeholder)
    return list(slide.shapes)[-1]


def _write_notes(slide, notes: tuple[str, ...], language: str) -> None:
    if not notes:
        return
    frame = slide.notes_slide.notes_text_frame
    for index, text in enumerate(notes):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.language_id = LANGUAGE_IDS[language]


def _write_slide(presentation, plan: SlidePlan, number: int, theme: Theme, language: str,
                 design: bool, pictures: _SlidePictures) -> None:
    layout = list(presentation.slide_masters[plan.master].slide_layouts)[plan.position]
    slide = presentation.slides.add_slide(layout)
    layout_placeholders = list(layout.placeholders)
    cloned = [order for order, placeholder in enumerate(layout_placeholders)
              if placeholder.placeholder_format.type not in NOT_CLONED]
    fresh = [shape for shape in slide.shapes if shape.is_placeholder]  # document order
    by_order = dict(zip(cloned, fresh, strict=False))
    used = set()

    def shape_for(order: int, clone: bool):
        if order not in by_order and clone:
            by_order[order] = _clone(slide, layout_placeholders[order])
        shape = by_order[order]
        source = layout_placeholders[order]  # its place, written out: no inheritance guesses
        shape.left, shape.top = source.left, source.top
        shape.width, shape.height = source.width, source.height
        used.add(order)
        return shape

    for text in (*plan.texts, *([plan.footer] if plan.footer else [])):
        shape = shape_for(text.placeholder, text.clone)
        if text.grow is not None:  # a box made as tall as its text on this slide
            shape.top = Emu(shape.top + Pt(text.grow[0]))
            shape.height = Emu(shape.height + Pt(text.grow[1]))
        if text.style is not None and text.style.turn % 360:  # the place written out
            shape.rotation = text.style.turn  # replaces the layout's, turn and all
        _write_text(shape, text, theme, language)
    if plan.picture is not None:
        _place_picture(shape_for(plan.picture.placeholder, False), plan.picture, pictures)
    if plan.logo is not None:
        _place_logo(slide, plan.logo, theme)
    for order, shape in by_order.items():  # empty placeholders would show prompt text
        if order not in used:
            shape._element.getparent().remove(shape._element)
    if plan.numbered:
        _add_slide_number(slide, layout, number, theme, language, design)
    _in_reading_order(slide)
    _write_notes(slide, plan.notes, language)


TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
MARGINS = (*NOT_CLONED, PP_PLACEHOLDER.HEADER)


def _reading_rank(shape) -> int:
    """0 for the title, 1 for the slide's other texts, 2 for pictures, 3 for the slide
    number, footer and date."""
    if shape.is_placeholder:
        kind = shape.placeholder_format.type
        if kind in TITLES:
            return 0
        if kind in MARGINS:
            return 3
    return 1 if shape.has_text_frame else 2


def _in_reading_order(slide) -> None:
    """Order the slide's shapes as a screen reader should read them (it reads them in
    the order they are stacked, back to front): the title, the texts, the pictures, then
    the slide number. Boxes of a layout do not overlap, so nothing changes to the eye."""
    tree = slide.shapes._spTree
    shapes = list(slide.shapes)
    elements = [shape._element for shape in sorted(shapes, key=_reading_rank)]
    for element in elements:
        tree.remove(element)
    tree.extend(elements)


def _set_default_language(presentation, language: str) -> None:
    default_style = presentation.part._element.find(qn("p:defaultTextStyle"))
    if default_style is None:
        return
    for rpr in default_style.iter(qn("a:defRPr")):
        rpr.set("lang", language)


def _remove_all_slides(presentation) -> None:
    """Drop a template's own slides and the sections that listed them (python-pptx has no
    API for either); their notes and media go with them, as nothing refers to them."""
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    extensions = presentation.part._element.find(qn("p:extLst"))
    if extensions is not None:
        for extension in list(extensions):
            if extension.get("uri") == P14_SECTIONS:
                extensions.remove(extension)


def write_deck(plan: DeckPlan, presentation, theme: Theme, created: dt.datetime) -> bytes:
    """Add the planned slides to ``presentation`` (a template) and return .pptx bytes."""
    design = plan.design == "tweeluik"
    if design:
        apply_theme_colours_and_fonts(presentation, theme)
    _remove_all_slides(presentation)
    leave_out_hints(presentation, plan.hints_left_out)
    _set_default_language(presentation, plan.language_tag)
    pictures = _SlidePictures()
    for number, slide_plan in enumerate(plan.slides, start=1):
        _write_slide(presentation, slide_plan, number, theme, plan.language_tag, design,
                     pictures)
    props = presentation.core_properties
    props.title = plan.title
    props.author = plan.author
    props.subject = plan.subject
    props.keywords = plan.keywords
    props.language = plan.language_tag
    props.last_modified_by = "tweeluik"
    props.revision = 1
    props.created = props.modified = created.replace(tzinfo=None)
    out = BytesIO()
    presentation.save(out)
    return finished_package(out.getvalue(), plan)


