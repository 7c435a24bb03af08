"""Write a slide plan as a .pptx file with python-pptx. The only module that imports pptx.

Step 3b of the deck writer (like Pandoc's ``Output.hs``): it reads the geometry of a
template's layouts for the planner, and turns a ``DeckPlan`` into slides built from
those layouts' placeholders, so the text stays editable and reflows in PowerPoint.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from PIL import ImageOps
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..errors import SourceError
from ..theme import Theme
from .fit import LINE_PITCH, PARAGRAPH_GAP
from .plan import DeckPlan, Frame, LayoutGeometry, PicturePlan, SlidePlan, TextPlan

EMU_PER_PT = 12700
ROLE_NAMES = ("organisation", "title", "subtitle", "date", "number", "key message",
              "body", "signatories", "picture")
COLOURS = {"ink": MSO_THEME_COLOR.TEXT_1, "accent": MSO_THEME_COLOR.ACCENT_1,
           "muted": MSO_THEME_COLOR.ACCENT_2}
ANCHORS = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
SLIDE_NUMBER_FIELD_ID = "{7A1B4C2E-5D3F-4E6A-9B8C-1D2E3F4A5B6C}"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
EXIF_ORIENTATION = 0x0112


# --- reading a template ---------------------------------------------------------------


def open_template(path: Path, source: Path, line: int | None):
    """Open a .pptx template, or raise a clear error."""
    if not path.is_file():
        raise SourceError(source, line, f"the slide template '{path.name}' does not exist; "
                          "put the .pptx next to the source or fix its name")
    try:
        return Presentation(str(path))
    except Exception:
        raise SourceError(source, line, f"'{path.name}' is not a PowerPoint file tweeluik can "
                          "open; save it from PowerPoint as .pptx (not .potx or .ppt)") from None


def _role_of(placeholder) -> str | None:
    kind = placeholder.placeholder_format.type
    name = re.sub(r"\s*\d+$", "", placeholder.name).strip().lower()
    if name == "key message":
        return "message"
    if name in ROLE_NAMES:
        return name
    if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
        return "title"
    if kind == PP_PLACEHOLDER.SUBTITLE:
        return "subtitle"
    if kind == PP_PLACEHOLDER.PICTURE:
        return "picture"
    if kind == PP_PLACEHOLDER.SLIDE_NUMBER:
        return "slide_number"
    if kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT):
        return "body"
    return None


def _frame(placeholder) -> Frame:
    text_frame = placeholder.text_frame
    insets = (text_frame.margin_left, text_frame.margin_top, text_frame.margin_right,
              text_frame.margin_bottom)
    return Frame(placeholder.placeholder_format.idx,
                 placeholder.left / EMU_PER_PT, placeholder.top / EMU_PER_PT,
                 placeholder.width / EMU_PER_PT, placeholder.height / EMU_PER_PT,
                 *(inset / EMU_PER_PT for inset in insets))


def read_layout_geometry(presentation) -> dict[str, LayoutGeometry]:
    """Each layout's name and the frame of each placeholder role it has."""
    layouts: dict[str, LayoutGeometry] = {}
    for layout in presentation.slide_layouts:
        frames: dict[str, Frame] = {}
        bodies = []
        for placeholder in layout.placeholders:
            role = _role_of(placeholder)
            if role is None or placeholder.width is None:
                continue
            if role == "body":
                bodies.append(placeholder)
            elif role not in frames:
                frames[role] = _frame(placeholder)
        if bodies:
            largest = max(bodies, key=lambda p: p.width * p.height)
            frames.setdefault("body", _frame(largest))
            frames.setdefault("message", frames["body"])
        layouts[layout.name] = LayoutGeometry(layout.name, frames)
    return layouts


# --- the theme part -------------------------------------------------------------------


def apply_theme_colours_and_fonts(presentation, theme: Theme) -> None:
    """Write the theme's colours and fonts into the template's colour and font scheme."""
    master = presentation.slide_masters[0]
    theme_part = next(rel.target_part for rel in master.part.rels.values()
                      if rel.reltype.endswith("/theme"))
    root = etree.fromstring(theme_part.blob)
    c = theme.colours
    scheme = {"dk1": c["ink"], "lt1": c["paper"], "dk2": c["ink"], "lt2": c["tint"],
              "accent1": c["accent"], "accent2": c["muted"], "accent3": c["rule"],
              "accent4": c["ink"], "accent5": c["accent"], "accent6": c["muted"],
              "hlink": c["accent"], "folHlink": c["muted"]}
    colour_scheme = root.find(f".//{{{A}}}clrScheme")
    colour_scheme.set("name", "tweeluik")
    for name, value in scheme.items():
        slot = colour_scheme.find(f"{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value.lstrip("#").upper())
    font_scheme = root.find(f".//{{{A}}}fontScheme")
    font_scheme.set("name", "tweeluik")
    for slot, face in (("majorFont", theme.sans), ("minorFont", theme.serif)):
        font_scheme.find(f"{{{A}}}{slot}/{{{A}}}latin").set("typeface", face.deck)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)


# --- writing slides -------------------------------------------------------------------


LANGUAGE_IDS = {"nl-NL": MSO_LANGUAGE_ID.DUTCH, "en-GB": MSO_LANGUAGE_ID.ENGLISH_UK}


def _write_text(shape, text: TextPlan, theme: Theme, language: str) -> None:
    frame = shape.text_frame
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = ANCHORS[text.anchor]
    face = theme.serif if text.typeface == "serif" else theme.sans
    for index, runs in enumerate(text.paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = Pt(text.size * LINE_PITCH)
        paragraph.space_before = Pt(0)
        paragraph.space_after = Pt(text.size * PARAGRAPH_GAP) \
            if index < len(text.paragraphs) - 1 else Pt(0)
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        if p_pr.find(qn("a:buNone")) is None:
            p_pr.append(etree.Element(qn("a:buNone")))
        for plan_run in runs:
            run = paragraph.add_run()
            run.text = plan_run.text
            font = run.font
            font.size = Pt(text.size)
            font.name = face.deck
            font.bold = text.bold or plan_run.bold
            font.italic = text.italic != plan_run.italic
            font.color.theme_color = COLOURS["accent" if plan_run.accent else text.colour]
            font.language_id = LANGUAGE_IDS[language]
            if text.caps:
                run._r.get_or_add_rPr().set("cap", "all")  # python-pptx has no API for caps
            if plan_run.href:
                run.hyperlink.address = plan_run.href
        end = paragraph._p.get_or_add_endParaRPr()
        end.set("lang", language)
        end.set("sz", str(int(text.size * 100)))


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


def _place_picture(slide, placeholder, picture: PicturePlan) -> None:
    """Put the image in its placeholder, scaled to fit inside it (never cropped)."""
    box_left, box_top = placeholder.left, placeholder.top
    box_w, box_h = placeholder.width, placeholder.height
    shape = placeholder.insert_picture(picture_for_slide(picture.path))
    shape.crop_left = shape.crop_right = shape.crop_top = shape.crop_bottom = 0
    scale = min(box_w / picture.width_px, box_h / picture.height_px)
    width, height = int(picture.width_px * scale), int(picture.height_px * scale)
    shape.left = box_left + (box_w - width) // 2
    shape.top = box_top
    shape.width, shape.height = Emu(width), Emu(height)
    shape._element.nvPicPr.cNvPr.set("descr", picture.alt)
    shape._element.nvPicPr.cNvPr.set("name", "Picture")


def _add_slide_number(slide, layout, number: int, theme: Theme, language: str) -> None:
    source = next((p for p in layout.placeholders
                   if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER), None)
    if source is None:
        return
    shape = slide.shapes.clone_placeholder(source)
    shape = slide.placeholders[source.placeholder_format.idx]
    body = shape.text_frame._txBody
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    paragraph = etree.SubElement(body, qn("a:p"))
    field = etree.SubElement(paragraph, qn("a:fld"), id=SLIDE_NUMBER_FIELD_ID, type="slidenum")
    rpr = etree.SubElement(field, qn("a:rPr"), lang=language)
    etree.SubElement(rpr, qn("a:latin"), typeface=theme.sans.deck)
    etree.SubElement(field, qn("a:t")).text = str(number)


def _write_notes(slide, notes: tuple[str, ...], language: str) -> None:
    if not notes:
        return
    frame = slide.notes_slide.notes_text_frame
    for index, text in enumerate(notes):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.language_id = LANGUAGE_IDS[language]


def _write_slide(presentation, plan: SlidePlan, number: int, theme: Theme,
                 language: str, geometry: dict[str, LayoutGeometry]) -> None:
    layout = presentation.slide_layouts.get_by_name(plan.layout)
    slide = presentation.slides.add_slide(layout)
    frames = geometry[plan.layout].frames
    by_idx = {shape.placeholder_format.idx: shape for shape in slide.placeholders}
    used = set()
    for text in plan.texts:
        idx = frames[text.role].placeholder
        _write_text(by_idx[idx], text, theme, language)
        used.add(idx)
    if plan.picture is not None and "picture" in frames:
        idx = frames["picture"].placeholder
        _place_picture(slide, by_idx[idx], plan.picture)
        used.add(idx)
    for idx, shape in by_idx.items():  # empty placeholders would show prompt text
        if idx not in used:
            shape._element.getparent().remove(shape._element)
    _add_slide_number(slide, layout, number, theme, language)
    _write_notes(slide, plan.notes, language)


def _set_default_language(presentation, language: str) -> None:
    default_style = presentation.part._element.find(qn("p:defaultTextStyle"))
    if default_style is None:
        return
    for rpr in default_style.iter(qn("a:defRPr")):
        rpr.set("lang", language)


def write_deck(plan: DeckPlan, presentation, theme: Theme, created: dt.datetime,
               geometry: dict[str, LayoutGeometry], apply_theme: bool) -> bytes:
    """Add the planned slides to ``presentation`` (a template) and return .pptx bytes."""
    if apply_theme:
        apply_theme_colours_and_fonts(presentation, theme)
    _remove_all_slides(presentation)
    _set_default_language(presentation, plan.language_tag)
    for number, slide_plan in enumerate(plan.slides, start=1):
        _write_slide(presentation, slide_plan, number, theme, plan.language_tag, geometry)
    props = presentation.core_properties
    props.title = plan.title
    props.author = plan.author
    props.subject = plan.subject
    props.keywords = plan.keywords
    props.language = plan.language_tag
    props.last_modified_by = "tweeluik"
    props.revision = 1
    props.created = props.modified = created.replace(tzinfo=None)
    props.last_printed = created.replace(tzinfo=None)
    out = BytesIO()
    presentation.save(out)
    return normalise_zip(out.getvalue())


def _remove_all_slides(presentation) -> None:
    """Drop a template's own slides; a deck starts empty (python-pptx has no API for this)."""
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, so equal inputs give byte-identical files."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


