"""Organisations' own slide templates: real ones made at test time (LibreOffice's bundled
Impress templates, Pandoc's reference deck) and constructed ones for each hard case.
Every template builds, keeps its look, loses nothing without a warning, and LibreOffice
draws every word inside the slide and inside its own placeholder."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from tweeluik.parse import parse_publication

from .conftest import CONTENT, LAYOUTS, SAMPLE, need_tool, run_build, run_project
from .decks import accessibility_problems
from .test_deck_libreoffice import assert_every_word_inside_its_box, convert_all_to_pdf, pdf_words

pytestmark = pytest.mark.slow

IMPRESS_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")
#: Every Impress template Debian 12's libreoffice-common ships: made by other people,
#: in 16:9, 4:3 and odd sizes, with fonts tweeluik cannot measure and white-on-white boxes.
REAL = ["Beehive", "Blue_Curve", "Blueprint_Plans", "Candy", "DNA", "Focus", "Forestbird",
        "Freshes", "Grey_Elegant", "Growing_Liberty", "Inspiration", "Lights", "Metropolis",
        "Midnightblue", "Nature_Illustration", "Pencil", "Piano", "Portfolio", "Progress",
        "Sunset", "Vintage", "Vivid", "Yellow_Idea"]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


# --- making templates ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def template_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("templates")


def libreoffice_templates(folder: Path, names: list[str]) -> None:
    """LibreOffice's bundled Impress templates of these names, saved as .pptx by
    LibreOffice into ``folder``: those not there yet, in one run of it (it takes two
    seconds to start)."""
    missing = [IMPRESS_TEMPLATES / f"{name}.otp" for name in dict.fromkeys(names)
               if not (folder / f"{name}.pptx").exists()]
    if not missing:
        return
    soffice = need_tool("soffice")
    for source in missing:
        if not source.is_file():
            pytest.fail(f"{source} is missing (it comes with libreoffice-common)")
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pptx", "--outdir", str(folder), *map(str, missing)],
                   check=True, capture_output=True, timeout=600)


def libreoffice_template(folder: Path, name: str) -> Path:
    """One of LibreOffice's bundled Impress templates, saved as .pptx by LibreOffice."""
    libreoffice_templates(folder, [name])
    return folder / f"{name}.pptx"


def pandoc_template(folder: Path) -> Path:
    target = folder / "pandoc-reference.pptx"
    if not target.exists():
        pandoc = need_tool("pandoc")
        data = subprocess.run([pandoc, "--print-default-data-file", "reference.pptx"],
                              check=True, capture_output=True, timeout=120).stdout
        target.write_bytes(data)
    return target


def stock(path: Path, change=None, slides: int = 1) -> Path:
    """python-pptx's stock template (Office theme, 4:3), changed by ``change``, with
    sample slides as organisations' templates have them."""
    prs = Presentation()
    if change is not None:
        change(prs)
    for _ in range(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        if slide.shapes.title is not None:
            slide.shapes.title.text = "Voorbeelddia die weg moet"
    prs.save(path)
    return path


def layout(prs, name: str):
    return next(item for item in prs.slide_layouts if item.name == name)


def drop_idx(prs):
    """As LibreOffice writes them: the body of 'Title and Content' without an idx."""
    body = layout(prs, "Title and Content").placeholders[1]._element
    body.ph.attrib.pop("idx", None)
    body.ph.attrib.pop("type", None)


def tiny_title(prs):
    """A caption-sized title box: 33 pt high."""
    title = layout(prs, "Title and Content").placeholders[0]
    left, top, width = title.left, title.top, title.width
    title.left, title.top, title.width, title.height = left, top, width, Pt(33)


def strip_title(prs):
    """A title strip 10 pt high on every layout, shorter than one line of any title that
    can be read from the back of the room (as a designer's template asks for '30pt, 1
    Zeile' in a strip 22 pt high on a slide twice this size)."""
    for item in prs.slide_layouts:
        for placeholder in item.placeholders:
            if placeholder.placeholder_format.type in (1, 3):  # title, centred title
                placeholder.height = Pt(10)


def caps_and_spacing(prs):
    level = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr/{A}defRPr")
    level.set("cap", "all")
    level.set("spc", "400")


def only_titles(prs):
    keep = {"Title Slide", "Title Only"}
    for item in list(prs.slide_layouts):
        if item.name not in keep:
            prs.slide_layouts.remove(item)


def no_date_box(prs):
    title_slide = layout(prs, "Title Slide")
    for shape in list(title_slide.placeholders):
        if shape.placeholder_format.type in (16, 15):  # date, footer
            shape._element.getparent().remove(shape._element)


def dark(prs):
    """A dark design as PowerPoint makes one: the master maps the background to the dark
    theme colour and the text to the light one."""
    master = prs.slide_masters[0]._element
    master.find(f"{P}clrMap").attrib.update({"bg1": "dk1", "tx1": "lt1", "bg2": "dk2",
                                             "tx2": "lt2"})


def renamed_boxes(prs):
    """As the README once suggested: the date and footer boxes named Date and Organisation."""
    for shape in layout(prs, "Title Slide").placeholders:
        if shape.placeholder_format.type == 16:
            shape._element.nvSpPr.cNvPr.set("name", "Date")
        if shape.placeholder_format.type == 15:
            shape._element.nvSpPr.cNvPr.set("name", "Organisation")


def with_footer(prs):
    for item in prs.slide_layouts:
        for shape in item.placeholders:
            if shape.placeholder_format.type == 15:
                shape.text_frame.text = "Vereniging van Wijkteams — intern"
    for shape in prs.slide_masters[0].placeholders:
        if shape.placeholder_format.type == 15:
            shape.text_frame.text = "Vereniging van Wijkteams — intern"


def foreign_footer(prs):
    """As real templates came: the footer of the deck the template was taken from (a
    project's name, a former author), on the master and every layout."""
    for owner in (prs.slide_masters[0], *prs.slide_layouts):
        for shape in owner.placeholders:
            if shape.placeholder_format.type == 15:
                shape.text_frame.text = "Project Logboek — K. Jansen"


def footer_in_an_unknown_font(prs):
    """A footer box of 482 pt on every layout in a font tweeluik cannot measure (16 pt
    'RubFlama', as a university's has it), holding only a fill-in hint: the organisation
    and the title in one line fit it as Liberation Sans measures them, not as the wider
    fonts LibreOffice or PowerPoint may draw in its stead."""
    for owner in (prs.slide_masters[0], *prs.slide_layouts):
        for shape in owner.placeholders:
            if shape.placeholder_format.type == 15:
                top, height = shape.top, shape.height  # inherited: set all four
                shape.left, shape.top, shape.width, shape.height = Inches(0.5), top, Pt(482), \
                    height
                shape.text_frame.text = "Title of Presentation | DD.MM.YYYY"
                run = shape.text_frame.paragraphs[0].runs[0]
                run.font.name, run.font.size = "RubFlama", Pt(16)


def title_top_right(prs):
    """The title slide's title in the top right corner, where a logo would go first."""
    title = layout(prs, "Title Slide").placeholders[0]
    title.left, title.top = int(prs.slide_width * 0.45), Inches(0.3)
    title.width, title.height = int(prs.slide_width * 0.55) - Inches(0.3), Inches(0.9)


def short_subtitle(prs):
    """A title slide whose subtitle box holds one or two lines: too small for closing
    words and a line of six names together."""
    subtitle = layout(prs, "Title Slide").placeholders[1]
    left, top, width = subtitle.left, subtitle.top, subtitle.width
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = left, top, width, Inches(1.1)


def no_date_box_short_subtitle(prs):
    """A title slide with a title and a subtitle box of one or two lines, and no footer
    or date box: the organisation and the date have only the subtitle's box to share."""
    no_date_box(prs)
    subtitle = layout(prs, "Title Slide").placeholders[1]
    left, top, width = subtitle.left, subtitle.top, subtitle.width
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = left, top, width, Inches(0.75)


def dark_photo(prs):
    """A dark photograph placed over the whole master (behind the boxes), the text left
    in the Office theme's black: only the picture says the text will not show."""
    from PIL import Image
    photo = Path(tempfile.mkdtemp()) / "nacht.png"
    Image.new("RGB", (160, 120), (24, 32, 52)).save(photo)
    from pptx.oxml.shapes.picture import CT_Picture
    master = prs.slide_masters[0]
    _, relationship = master.part.get_or_add_image_part(str(photo))
    picture = CT_Picture.new_pic(900, "Nachtfoto", "", relationship, 0, 0, prs.slide_width,
                                 prs.slide_height)
    master.shapes._spTree.insert(2, picture)  # first drawn: behind everything else


def glow_over_a_dark_background(prs):
    """A dark blue design with PowerPoint's theme 'light': a radial glow of a light colour
    from 7 % opaque to clear over the right of the text boxes, and a picture of soft
    light, 5 % opaque, at the left edge (as a real college's template has them). Neither
    shows as more than a shimmer on the dark background."""
    from PIL import Image
    from pptx.oxml.shapes.picture import CT_Picture
    dark(prs)
    master = prs.slide_masters[0]
    data = master._element.find(f"{P}cSld")
    data.remove(data.find(f"{P}bg"))
    data.insert(0, etree.fromstring(
        f'<p:bg xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:bgPr><a:solidFill><a:srgbClr '
        f'val="0E5580"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'))
    light = "<a:lumMod val=\"40000\"/><a:lumOff val=\"60000\"/>"
    glow = etree.fromstring(
        f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr>'
        f'<p:cNvPr id="905" name="Gloed"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{Inches(6)}" y="{Inches(1.5)}"/><a:ext cx="{Inches(3.5)}" '
        f'cy="{Inches(3.5)}"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>'
        f'<a:gradFill rotWithShape="1"><a:gsLst>'
        f'<a:gs pos="0"><a:schemeClr val="bg2">{light}<a:alpha val="7000"/></a:schemeClr></a:gs>'
        f'<a:gs pos="36000"><a:schemeClr val="bg2">{light}<a:alpha val="6000"/></a:schemeClr>'
        f'</a:gs><a:gs pos="69000"><a:schemeClr val="bg2">{light}<a:alpha val="0"/>'
        f'</a:schemeClr></a:gs></a:gsLst><a:path path="circle"><a:fillToRect l="50000" '
        f't="50000" r="50000" b="50000"/></a:path></a:gradFill><a:ln><a:noFill/></a:ln>'
        f'</p:spPr></p:sp>')
    master.shapes._spTree.insert(2, glow)
    shimmer = Image.new("RGBA", (300, 300), (150, 200, 240, 0))
    for ring in range(0, 150, 3):  # rings of light and shade, a few per cent opaque
        Image.Image.paste(shimmer, (250, 250, 255, 8) if ring % 2 else (20, 40, 80, 12),
                          (ring, ring, 300 - ring, 300 - ring))
    path = Path(tempfile.mkdtemp()) / "schijnsel.png"
    shimmer.save(path)
    _, relationship = master.part.get_or_add_image_part(str(path))
    master.shapes._spTree.insert(3, CT_Picture.new_pic(
        906, "Schijnsel", "", relationship, 0, Inches(1.5), Inches(3.4), Inches(3.4)))


def _white_titles(prs) -> None:
    level = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr/{A}defRPr")
    for old in level.findall(f"{A}solidFill"):
        level.remove(old)
    fill = etree.Element(f"{A}solidFill")
    etree.SubElement(fill, f"{A}srgbClr").set("val", "FFFFFF")
    level.insert(0, fill)


def _rectangle(layout, left, top, width, height, colour: str, modifiers: dict | None = None,
               shape_id: int = 901):
    """A filled rectangle drawn on ``layout`` (last, on top); ``colour`` a hex value or a
    scheme slot's name. Layouts have no python-pptx call for this: it is plain XML."""
    kind = "srgbClr" if re.fullmatch(r"[0-9A-F]{6}", colour) else "schemeClr"
    extra = "".join(f'<a:{name} val="{value}"/>' for name, value in (modifiers or {}).items())
    element = etree.fromstring(
        f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr>'
        f'<p:cNvPr id="{shape_id}" name="Vlak {shape_id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>'
        f'<a:{kind} val="{colour}">{extra}</a:{kind}></a:solidFill></p:spPr></p:sp>')
    layout.shapes._spTree.append(element)
    return element


def _behind_everything(layout, element) -> None:
    tree = layout.shapes._spTree
    tree.remove(element)
    tree.insert(2, element)


def title_bars(prs):
    """White titles on a dark grey bar that is the title placeholder's own fill (as a
    university's template has them); before, the bar was not read and the white titles
    were set black on it."""
    _white_titles(prs)
    for item in prs.slide_layouts:
        for shape in item.placeholders:
            if shape.placeholder_format.type in (1, 3):  # title, centre title
                shape.fill.solid()
                shape.fill.fore_color.rgb = __import__("pptx.dml.color", fromlist=["RGBColor"]
                                                       ).RGBColor(0x40, 0x40, 0x40)


def title_on_a_bar(prs):
    """White titles on a green bar across the middle of a taller, narrower title box (as
    a university centre's template has it): a title that wraps to two lines in the box
    runs off the bar onto white, where white does not read."""
    _white_titles(prs)
    item = layout(prs, "Title and Content")
    title = item.placeholders[0]
    title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.3), Inches(6.0), \
        Inches(1.5)
    _behind_everything(item, _rectangle(item, Inches(0.5), Inches(0.72), Inches(6.0),
                                        Inches(0.66), "00883A"))


def grouped_backdrop(prs):
    """White titles on a dark navy shape that sits inside a group on the layout (a
    corporate design's shapes come in groups)."""
    _white_titles(prs)
    for item in prs.slide_layouts:
        inner = _rectangle(item, 0, 0, 1000, 500, "1F2A44")  # in the group's units
        item.shapes._spTree.remove(inner)
        width, height = prs.slide_width, prs.slide_height // 2
        group = etree.fromstring(
            f'<p:grpSp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvGrpSpPr>'
            '<p:cNvPr id="900" name="Vlakken"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            f'<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="1000" cy="500"/></a:xfrm></p:grpSpPr>'
            '</p:grpSp>')
        group.append(inner)
        item.shapes._spTree.insert(2, group)


def style_filled_band(prs):
    """White titles on a dark band whose fill comes from the shape's style (a rectangle
    drawn in PowerPoint takes the theme's colour so, with no fill of its own, as a real
    template's bands had it); before, the band was not seen."""
    _white_titles(prs)
    for item in prs.slide_layouts:
        band = etree.fromstring(
            f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr><p:cNvPr id="902" '
            'name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{prs.slide_width}" cy="{prs.slide_height // 2}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln><a:noFill/></a:ln></p:spPr>'
            '<p:style><a:lnRef idx="2"><a:schemeClr val="tx2"/></a:lnRef><a:fillRef idx="1">'
            '<a:schemeClr val="tx2"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="tx2"/>'
            '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef>'
            '</p:style></p:sp>')
        item.shapes._spTree.insert(2, band)


def modified_scheme_colour(prs):
    """White titles on a band filled with the theme's light grey darkened to a quarter
    (lumMod 25000): read without its modifier, the band was light."""
    _white_titles(prs)
    for item in prs.slide_layouts:
        band = _rectangle(item, 0, 0, prs.slide_width, prs.slide_height // 2, "bg2",
                          {"lumMod": 25000})
        _behind_everything(item, band)


def darkened_text_colour(prs):
    """Body text in the theme's light grey darkened to a quarter (lumMod 25000), a dark
    grey: written without its modifier, the text was light grey on white."""
    level = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}bodyStyle/{A}lvl1pPr/{A}defRPr")
    for old in level.findall(f"{A}solidFill"):
        level.remove(old)
    fill = etree.SubElement(level, f"{A}solidFill")
    etree.SubElement(etree.SubElement(fill, f"{A}schemeClr", val="bg2"), f"{A}lumMod",
                     val="25000")
    level.insert(0, fill)


def blob_outline(prs):
    """White titles on a dark slide, with a light triangle in the bottom right corner
    whose box is the whole slide: only its outline says it is not behind the titles."""
    _white_titles(prs)
    for item in prs.slide_layouts:
        dark_rect = _rectangle(item, 0, 0, prs.slide_width, prs.slide_height, "1F2A44")
        blob = _rectangle(item, 0, 0, prs.slide_width, prs.slide_height, "EEF2E0", shape_id=902)
        properties = blob.find(f"{P}spPr")
        properties.remove(properties.find(f"{A}prstGeom"))
        custom = etree.fromstring(
            f'<a:custGeom xmlns:a="{A[1:-1]}"><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
            '<a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="100" h="100">'
            '<a:moveTo><a:pt x="100" y="60"/></a:moveTo><a:lnTo><a:pt x="100" y="100"/></a:lnTo>'
            '<a:lnTo><a:pt x="60" y="100"/></a:lnTo><a:close/></a:path></a:pathLst>'
            '</a:custGeom>')
        properties.insert(1, custom)
        _behind_everything(item, blob)
        _behind_everything(item, dark_rect)


def hints_and_prompts(prs):
    """A title slide whose only boxes besides title and subtitle are body boxes prompting
    'Institution' and 'Date', and a footer that is a fill-in hint on every layout."""
    no_date_box(prs)
    title_slide = layout(prs, "Title Slide")
    tree = title_slide.shapes._spTree
    for number, (prompt, top) in enumerate((("Institution", 5.6), ("Date", 6.3)), start=20):
        tree.append(etree.fromstring(
            f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr>'
            f'<p:cNvPr id="{number}" name="Text Placeholder {number}"/><p:cNvSpPr>'
            f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" '
            f'idx="{number}"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm>'
            f'<a:off x="{Inches(1.5)}" y="{Inches(top)}"/><a:ext cx="{Inches(7)}" '
            f'cy="{Inches(0.5)}"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>'
            f'<a:p><a:r><a:rPr lang="en-US"/><a:t>{prompt}</a:t></a:r></a:p></p:txBody></p:sp>'))
    for item in [*prs.slide_layouts, prs.slide_masters[0]]:
        for shape in item.placeholders:
            if shape.placeholder_format.type == 15:
                shape.text_frame.text = "Title of Presentation | DD.MM.YYYY"


def prompts_say_the_other_role(prs):
    """A title slide whose title box prompts for the subtitle and date, and whose
    subtitle box prompts for the document's title (as a ministry's template has it)."""
    title_slide = layout(prs, "Title Slide")
    title_slide.placeholders[0].text_frame.text = "Subtitle / Date"
    title_slide.placeholders[1].text_frame.text = "Document title"


def kicker_and_source_strip(prs):
    """A content layout whose title is a one-line kicker set small (16 pt in an 18 pt
    strip), with a 9 pt strip under the body for a source line, as a company's designer
    draws them."""
    content = layout(prs, "Title and Content")
    title = content.placeholders[0]
    left, width = title.left, title.width
    title.left, title.top, title.width, title.height = left, Inches(0.3), width, Pt(18)
    title.text_frame.text = "Chapter title, 16 pt, one line"
    title.text_frame._txBody.find(f"{A}lstStyle").append(etree.fromstring(
        f'<a:lvl1pPr xmlns:a="{A[1:-1]}"><a:defRPr sz="1600"/></a:lvl1pPr>'))
    content.shapes._spTree.append(etree.fromstring(
        f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr>'
        f'<p:cNvPr id="30" name="Text Placeholder 30"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
        f'</p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="30"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{Inches(0.5)}" y="{Inches(7.1)}"/><a:ext cx="{Inches(9)}" '
        f'cy="{Pt(9)}"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r>'
        f'<a:rPr lang="en-US"/><a:t>Slide no., day month year</a:t></a:r></a:p></p:txBody>'
        f'</p:sp>'))


def own_logo(prs):
    """The organisation's logo as a small picture in the master's top right corner."""
    from PIL import Image
    from pptx.oxml.shapes.picture import CT_Picture
    picture = Path(tempfile.mkdtemp()) / "eigen-logo.png"
    Image.new("RGB", (120, 60), (180, 30, 40)).save(picture)
    master = prs.slide_masters[0]
    _, relationship = master.part.get_or_add_image_part(str(picture))
    master.shapes._spTree.append(CT_Picture.new_pic(
        910, "Eigen logo", "", relationship, prs.slide_width - Inches(1.6), Inches(0.2),
        Inches(1.4), Inches(0.7)))


def own_logo_on_clear_ground(prs):
    """The organisation's logo as a word mark of thin strokes on a clear ground, in the
    master's top right corner: 92 % of the picture is see-through (as a real company
    template's logo is), but where it is drawn it is opaque."""
    from PIL import Image, ImageDraw
    from pptx.oxml.shapes.picture import CT_Picture
    picture = Path(tempfile.mkdtemp()) / "woordmerk.png"
    image = Image.new("RGBA", (480, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for left in range(40, 440, 50):  # the strokes of the letters
        draw.rectangle((left, 60, left + 6, 180), fill=(180, 30, 40, 255))
    draw.rectangle((40, 174, 446, 180), fill=(180, 30, 40, 255))
    image.save(picture)
    master = prs.slide_masters[0]
    _, relationship = master.part.get_or_add_image_part(str(picture))
    master.shapes._spTree.append(CT_Picture.new_pic(
        911, "Woordmerk", "", relationship, prs.slide_width - Inches(1.6), Inches(0.2),
        Inches(1.4), Inches(0.7)))


def slide_number_top_right(prs):
    """Every layout's slide-number box in the top right corner, where the logo would go
    first."""
    from pptx.enum.shapes import PP_PLACEHOLDER
    for item in prs.slide_layouts:
        for placeholder in item.placeholders:
            if placeholder.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
                placeholder.left, placeholder.top = prs.slide_width - Inches(1.6), Inches(0.2)
                placeholder.width, placeholder.height = Inches(1.4), Inches(0.5)


def own_logo_as_fill(prs):
    """The organisation's shield as a shape filled with its picture, without words, in
    the bottom right corner of every layout (as a government template has it); before,
    it counted as the template's art and our logo was set on top of it."""
    from PIL import Image
    picture = Path(tempfile.mkdtemp()) / "schild.png"
    Image.new("RGB", (90, 100), (20, 60, 140)).save(picture)
    for item in prs.slide_layouts:
        _, relationship = item.part.get_or_add_image_part(str(picture))
        item.shapes._spTree.append(etree.fromstring(
            f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}" xmlns:r="http://schemas.openxml'
            'formats.org/officeDocument/2006/relationships"><p:nvSpPr><p:cNvPr id="912" '
            'name="Text Placeholder 12"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>'
            f'<a:xfrm><a:off x="{prs.slide_width - Inches(1.2)}" y="{prs.slide_height - Inches(1.3)}"/>'
            f'<a:ext cx="{Inches(1.0)}" cy="{Inches(1.1)}"/></a:xfrm><a:prstGeom prst="rect">'
            f'<a:avLst/></a:prstGeom><a:blipFill><a:blip r:embed="{relationship}"/><a:stretch>'
            '<a:fillRect/></a:stretch></a:blipFill></p:spPr><p:txBody><a:bodyPr/><a:p/>'
            '</p:txBody></p:sp>'))


def own_logo_drawn(prs):
    """The organisation's logo drawn in vector shapes (three freeform letters in a
    group, no picture and no words), small in the master's bottom right corner, as a
    company's corporate design has it; before, a group of shapes without words counted
    as the template's art and our logo was set on top of it."""
    letters = "".join(
        f'<p:sp><p:nvSpPr><p:cNvPr id="{931 + n}" name="Freeform {n}"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{n * 400}" y="0"/><a:ext cx="360" cy="300"/>'
        '</a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" '
        'r="r" b="b"/><a:pathLst><a:path w="360" h="300"><a:moveTo><a:pt x="0" y="300"/>'
        '</a:moveTo><a:lnTo><a:pt x="180" y="0"/></a:lnTo><a:lnTo><a:pt x="360" y="300"/>'
        '</a:lnTo><a:close/></a:path></a:pathLst></a:custGeom><a:solidFill><a:srgbClr '
        'val="D0206A"/></a:solidFill></p:spPr></p:sp>' for n in range(3))
    left, top = prs.slide_width - Inches(2.0), prs.slide_height - Inches(0.7)
    prs.slide_masters[0].shapes._spTree.append(etree.fromstring(
        f'<p:grpSp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvGrpSpPr><p:cNvPr id="930" '
        'name="Group 930"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>'
        f'<a:off x="{left}" y="{top}"/><a:ext cx="{Inches(1.6)}" cy="{Inches(0.4)}"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="1160" cy="300"/></a:xfrm></p:grpSpPr>'
        f'{letters}</p:grpSp>'))


def logo_over_a_narrow_title(prs):
    """The organisation's logo drawn by the master in the top left corner, wider than
    half the lesson layout's narrow title box, whose left end it covers (a conference's
    template with its logo added over Office's 'Picture with Caption' boxes)."""
    from PIL import Image
    from pptx.oxml.shapes.picture import CT_Picture
    relationship = master_picture(prs, Image.new("RGB", (220, 210), (30, 120, 110)),
                                  "congres.png")
    prs.slide_masters[0].shapes._spTree.append(CT_Picture.new_pic(
        940, "Logo van het congres", "", relationship, 0, 0, Inches(2.2), Inches(2.1)))
    title = layout(prs, "Title and Content").placeholders[0]
    title.left, title.top, title.width, title.height = \
        Inches(0.9), Inches(0.5), Inches(4.2), Inches(1.7)
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT  # as the caption's title is


def emblem_under_the_text(prs):
    """The content layout draws a wide emblem across the lower half of its body box (as a
    public body's cover layout has its ministry's seal under the subtitle): text that
    runs down the box would run over it."""
    from PIL import Image
    from pptx.oxml.shapes.picture import CT_Picture
    item = layout(prs, "Title and Content")
    _, relationship = item.part.get_or_add_image_part(str(_saved(
        Image.new("RGB", (600, 240), (190, 160, 90)), "embleem.png")))
    item.shapes._spTree.append(CT_Picture.new_pic(
        941, "Embleem", "", relationship, Inches(2.0), Inches(4.2), Inches(6.0), Inches(2.4)))


def _saved(image, name: str) -> Path:
    path = Path(tempfile.mkdtemp()) / name
    image.save(path)
    return path


def master_picture(prs, image, name: str) -> str:
    """A Pillow image saved and added to the first master as a picture part: its
    relationship id."""
    path = Path(tempfile.mkdtemp()) / name
    image.save(path)
    _, relationship = prs.slide_masters[0].part.get_or_add_image_part(str(path))
    return relationship


def _picture_background(owner, relationship: str) -> None:
    """The picture of ``relationship`` (a part of ``owner``'s) set as the background of
    ``owner``, a master or a slide, in place of the one it had."""
    _set_background(owner, f'<a:blipFill><a:blip r:embed="{relationship}"/><a:stretch>'
                           '<a:fillRect/></a:stretch></a:blipFill>')


def _set_background(owner, fill: str) -> None:
    """``fill`` (DrawingML) as the background of ``owner``, a master or a slide, in place
    of the one it had."""
    slide_data = owner._element.find(f"{P}cSld")
    old = slide_data.find(f"{P}bg")
    if old is not None:
        slide_data.remove(old)
    slide_data.insert(0, etree.fromstring(
        f'<p:bg xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}" xmlns:r="http://schemas.openxmlformats'
        f'.org/officeDocument/2006/relationships"><p:bgPr>{fill}<a:effectLst/></p:bgPr></p:bg>'))


def logo_in_background(prs):
    """A background picture with the organisation's logo printed in its top right
    corner (as a company's template has it): nothing but the picture says it is there."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (1600, 1200), (250, 250, 250))
    ImageDraw.Draw(image).rectangle((1330, 60, 1560, 200), fill=(20, 60, 140))
    relationship = master_picture(prs, image, "achtergrond.png")
    _picture_background(prs.slide_masters[0], relationship)


def logos_in_background_band(prs):
    """A background picture with a band of logos printed across the top (a congress's
    and its sponsors', as a real template has them), down to the middle of the title box,
    where the title is set; below the band the picture is plain white."""
    import random

    from PIL import Image, ImageDraw
    image = Image.new("RGB", (1600, 1200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    shuffle = random.Random(7)
    for _ in range(900):  # small marks of many colours: the detail of logos
        x, y = shuffle.randrange(250, 1350), shuffle.randrange(60, 141)
        draw.rectangle((x, y, x + 9, y + 9), fill=(shuffle.randrange(256),
                                                   shuffle.randrange(256), 180))
    relationship = master_picture(prs, image, "congres-achtergrond.png")
    _picture_background(prs.slide_masters[0], relationship)


def look_on_the_sample_slides(prs):
    """The organisation's look (a coloured picture) set as the background of the
    template's sample slides, not of its master or layouts (as a congress's and a user
    conference's templates have it)."""
    from PIL import Image
    for _ in range(2):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        _, relationship = slide.part.get_or_add_image_part(str(_saved(
            Image.new("RGB", (400, 300), (230, 90, 20)), "oranje.png")))
        _picture_background(slide, relationship)


def triangles_in_a_corner(prs):
    """A pattern of small outlined triangles (shapes, no words) scattered over the
    master's top right corner, where the logo would go first (a conference's design)."""
    tree = prs.slide_masters[0].shapes._spTree
    for number in range(12):
        left = prs.slide_width - Inches(2.2) + Inches(0.35) * (number % 6)
        top = Inches(0.15) + Inches(0.45) * (number // 6)
        tree.append(etree.fromstring(
            f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr><p:cNvPr '
            f'id="{950 + number}" name="Driehoek {number}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{Inches(0.25)}" '
            f'cy="{Inches(0.25)}"/></a:xfrm><a:prstGeom prst="triangle"><a:avLst/>'
            '</a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:srgbClr val="C8A040"/>'
            '</a:solidFill></a:ln></p:spPr></p:sp>'))


def number_under_logo(prs):
    """The organisation's logo drawn on the master in the bottom right corner, over the
    right end of the slide-number box, where the number would stand (as a user group's
    template has it)."""
    from PIL import Image, ImageDraw
    from pptx.oxml.shapes.picture import CT_Picture
    image = Image.new("RGB", (360, 220), (255, 255, 255))
    ImageDraw.Draw(image).ellipse((20, 20, 340, 200), fill=(230, 120, 20))
    relationship = master_picture(prs, image, "logo.png")
    prs.slide_masters[0].shapes._spTree.append(CT_Picture.new_pic(
        902, "Logo van de club", "", relationship, Inches(8.0), Inches(6.2), Inches(1.8),
        Inches(1.1)))


def patterned_side(prs):
    """A picture over the whole master (a shape, not the background), plain but for a
    pattern of small pale marks down its right third, as a company's title slides have
    it (pale, so that the template's black text still reads where it crosses them)."""
    from PIL import Image, ImageDraw
    from pptx.oxml.shapes.picture import CT_Picture
    image = Image.new("RGB", (1600, 1200), (236, 236, 236))
    draw = ImageDraw.Draw(image)
    for x in range(1110, 1600, 80):
        for y in range(10, 1200, 80):
            draw.polygon([(x, y + 50), (x + 25, y), (x + 50, y + 50)], fill=(150, 150, 150))
    relationship = master_picture(prs, image, "patroon.png")
    prs.slide_masters[0].shapes._spTree.insert(2, CT_Picture.new_pic(
        903, "Patroon", "", relationship, 0, 0, prs.slide_width, prs.slide_height))


def narrow_title(prs):
    """A content layout with a narrow title box beside the text (2.5 inch wide), as a
    picture-with-caption layout has it."""
    title = layout(prs, "Title and Content").placeholders[0]
    top, height = title.top, title.height
    title.left, title.top, title.width, title.height = Inches(0.5), top, Inches(2.5), height


def narrow_picture_title(prs):
    """A picture layout whose title box is a narrow column beside the picture (2.6 inch
    wide), its titles set as large as the other layouts' (44 pt)."""
    caption = layout(prs, "Picture with Caption")
    title = caption.placeholders[0]
    title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.6), \
        Inches(2.6), Inches(1.25)
    title.text_frame._txBody.find(f"{A}lstStyle").append(etree.fromstring(
        f'<a:lvl1pPr xmlns:a="{A[1:-1]}"><a:defRPr sz="4400" b="0"/></a:lvl1pPr>'))


def _own_text_box(owner, number: int, left, top, paragraphs: list[list[str]]) -> None:
    """A text box of the owner's own (not a placeholder), each paragraph given by its runs."""
    body = "".join("<a:p>" + "".join(f'<a:r><a:rPr lang="nl-NL"/><a:t>{run}</a:t></a:r>'
                                     for run in runs) + "</a:p>" for runs in paragraphs)
    owner.shapes._spTree.append(etree.fromstring(
        f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr><p:cNvPr id="{number}" '
        f'name="Tekstvak {number}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{left}" y="{top}"/><a:ext cx="{Inches(3)}" '
        f'cy="{Inches(0.4)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>'))


def printed_hint(prs):
    """The master prints fill-in hints in text boxes of its own (not placeholders) on
    every slide, as a hackathon's and a training company's templates do: after a dash,
    on a line of their own under an address, and as a file name split over two runs."""
    master = prs.slide_masters[0]
    _own_text_box(master, 40, Inches(0.5), Inches(7.0), [["Clubdag - &lt;Project name&gt;"]])
    _own_text_box(master, 41, Inches(3.6), Inches(7.0),
                  [["Wijkteams ", "•", " Dorpsstraat 1"], ["&lt;Auteur&gt;"]])
    _own_text_box(master, 42, Inches(6.7), Inches(7.0), [["&lt;Bestandsnaam&gt;.", "pptx"]])


def photo_band_under_titles(prs):
    """A photograph over the whole master, dark blue along its top edge and pale below
    (as an association's sea picture): the title boxes lie half on the band, half on
    the pale part, with the text in the Office theme's black set in their middle."""
    from PIL import Image, ImageDraw
    from pptx.oxml.shapes.picture import CT_Picture
    image = Image.new("RGB", (1000, 750), (190, 230, 236))
    ImageDraw.Draw(image).rectangle((0, 0, 1000, 98), fill=(4, 60, 120))
    relationship = master_picture(prs, image, "zee.png")
    prs.slide_masters[0].shapes._spTree.insert(2, CT_Picture.new_pic(
        901, "Zee", "", relationship, 0, 0, prs.slide_width, prs.slide_height))


CONSTRUCTED = {
    "stock-4-3": None,
    "idx-collision": drop_idx,
    "tiny-title": tiny_title,
    "strip-title": strip_title,
    "caps-and-spacing": caps_and_spacing,
    "title-only": only_titles,
    "no-date-box": no_date_box,
    "dark-background": dark,
    "renamed-boxes": renamed_boxes,
    "footer-text": with_footer,
    "foreign-footer": foreign_footer,
    "footer-in-an-unknown-font": footer_in_an_unknown_font,
    "title-top-right": title_top_right,
    "short-subtitle": short_subtitle,
    "dark-photo": dark_photo,
    "no-date-box-short-subtitle": no_date_box_short_subtitle,
    "title-bars": title_bars,
    "title-on-a-bar": title_on_a_bar,
    "grouped-backdrop": grouped_backdrop,
    "modified-scheme-colour": modified_scheme_colour,
    "darkened-text-colour": darkened_text_colour,
    "style-filled-band": style_filled_band,
    "blob-outline": blob_outline,
    "hints-and-prompts": hints_and_prompts,
    "prompts-say-the-other-role": prompts_say_the_other_role,
    "kicker-and-source-strip": kicker_and_source_strip,
    "photo-band-under-titles": photo_band_under_titles,
    "narrow-title": narrow_title,
    "printed-hint": printed_hint,
    "narrow-picture-title": narrow_picture_title,
    "own-logo": own_logo,
    "own-logo-on-clear-ground": own_logo_on_clear_ground,
    "slide-number-top-right": slide_number_top_right,
    "own-logo-as-fill": own_logo_as_fill,
    "own-logo-drawn": own_logo_drawn,
    "logo-over-a-narrow-title": logo_over_a_narrow_title,
    "emblem-under-the-text": emblem_under_the_text,
    "logo-in-background": logo_in_background,
    "logos-in-background-band": logos_in_background_band,
    "triangles-in-a-corner": triangles_in_a_corner,
    "look-on-the-sample-slides": look_on_the_sample_slides,
    "number-under-logo": number_under_logo,
    "patterned-side": patterned_side,
    "glow-over-a-dark-background": glow_over_a_dark_background,
}


#: One template of each family stands for the rest while one iterates:
#: ``-m "not every_template"`` runs the template-wide tests on these three only.
FAMILY_FIRSTS = {"Vivid", "pandoc-reference", "stock-4-3"}


def every_template() -> list:
    """Every template of the test set, those beyond the first of each family marked
    ``every_template``."""
    return [name if name in FAMILY_FIRSTS else pytest.param(name, marks=pytest.mark.every_template)
            for name in [*REAL, "pandoc-reference", *CONSTRUCTED]]


def template_file(name: str, folder: Path) -> Path:
    if name in REAL:
        return libreoffice_template(folder, name)
    if name == "pandoc-reference":
        return pandoc_template(folder)
    target = folder / f"{name}.pptx"
    if not target.exists():
        stock(target, CONSTRUCTED[name])
    return target


# --- building the sample with a template ----------------------------------------------------


def build_with(template: Path, tmp_path: Path, extra: str = "",
               replace: dict[str, str] | None = None):
    """The sample, built into a deck with ``template``; (result, deck, publication).
    ``extra`` adds lines under ``deck:``; ``replace`` changes the sample's text."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copy(template, content / template.name)
    source = content / SAMPLE.name
    text = source.read_text(encoding="utf-8").replace(
        "deck:\n", f"deck:\n  template: {template.name}\n{extra}", 1)
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    source.write_text(text, encoding="utf-8")
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    result = run_project(tmp_path, str(source), "--only", "deck")
    return result, tmp_path / "output" / f"{SAMPLE.stem}.pptx", parse_publication(source)


def slide_text(slide) -> str:
    """The slide's words as a reader sees them (no-break spaces as spaces, the word
    joiners that keep a name whole left out)."""
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    return " ".join(" ".join(texts).replace("\u2060", "").split())


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def assert_nothing_lost(result, deck: Path, pub) -> None:
    """Every lesson's number, title and key message, the organisation, date and
    signatories are on the slides, or a warning says where they went instead."""
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    prs = Presentation(str(deck))
    slides = list(prs.slides)
    lesson_slides = slides[-1 - len(pub.lessons):-1]
    warnings = result.stderr
    for lesson, slide in zip(pub.lessons, lesson_slides, strict=True):
        text = slide_text(slide)
        assert lesson.title_text in text, (lesson.number, text)
        assert re.search(rf"(^|\D){lesson.number}(\D|$)", text), (lesson.number, text)
        message = plain("".join(node.text if hasattr(node, "text") else ""
                                for node in lesson.key_message))
        if message not in plain(text):
            assert "key message" in warnings, (lesson.number, text)
    first, last = slide_text(slides[0]), slide_text(slides[-1])
    for value in (pub.meta.organisation, "12 december 2026"):
        assert value in first or f"the {'organisation' if value == pub.meta.organisation else 'date'} has no place" in warnings, first
    names = [name for name in pub.meta.signatories if name in last]
    assert len(names) == len(pub.meta.signatories) or "signatories" in warnings, last
    for slide in slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    shown = paragraph.text.strip(" \u00a0")
                    assert shown != "…", "a lone ellipsis"


@dataclass(frozen=True)
class _Built:
    """What one run of the command said about one of its sources."""

    returncode: int
    stderr: str


@pytest.fixture(scope="module")
def every_template_built(request, template_folder, tmp_path_factory):
    """The sample built on each template the session's tests ask for, all in one run of
    the command (each its own source in one project), and every deck drawn by
    LibreOffice in one run of it: name → (what the command said of it, deck, PDF)."""
    names = [item.callspec.params["name"] for item in request.session.items
             if item.originalname == "test_every_template_builds_loses_nothing_and_fits"]
    if not names:
        return {}
    project = tmp_path_factory.mktemp("every-template")
    content = project / "content"
    shutil.copytree(CONTENT, content)
    sample = (content / SAMPLE.name).read_text(encoding="utf-8")
    (content / SAMPLE.name).unlink()
    libreoffice_templates(template_folder, [name for name in names if name in REAL])
    sources = []
    for name in names:
        template = template_file(name, template_folder)
        shutil.copy(template, content / template.name)
        source = content / f"{name}.md"
        source.write_text(sample.replace("deck:\n", f"deck:\n  template: {template.name}\n", 1),
                          encoding="utf-8")
        sources.append(source)
    (project / "layouts").symlink_to(LAYOUTS)
    result = run_project(project, *map(str, sources), "--only", "deck")
    decks = [project / "output" / f"{name}.pptx" for name in names]
    pdfs = convert_all_to_pdf([deck for deck in decks if deck.is_file()], project / "render")
    built = {}
    for name, deck in zip(names, decks, strict=True):
        own = re.compile(rf"(^|/){re.escape(name)}\.md\b")  # not another name ending so
        said = "\n".join(line for line in result.stderr.splitlines()
                         if own.search(line) or "Traceback" in line or "internal" in line)
        # each source is built all or nothing: one that failed wrote no deck
        built[name] = (_Built(0 if deck.is_file() else 2, said), deck,
                       pdfs.get(deck), parse_publication(content / f"{name}.md"))
    return built


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", every_template())
def test_every_template_builds_loses_nothing_and_fits(name, every_template_built, tmp_path):
    result, deck, pdf, pub = every_template_built[name]
    assert_nothing_lost(result, deck, pub)
    assert accessibility_problems(deck, "nl-NL", pub.meta.organisation, pub.meta.title) == []
    assert assert_every_word_inside_its_box(deck, tmp_path / "render", pdf) > 60  # none under the logo
    hints = [word for page in pdf_words(pdf) for *_, word in page[2] if re.search(r"[<>]", word)]
    assert hints == [], hints  # no fill-in hint the template's masters print shows
    if name in (*REAL, "pandoc-reference"):  # the sample's logo finds a corner beside the text
        slides = list(Presentation(str(deck)).slides)
        logos = [sum(shape.name == "Logo" for shape in slide.shapes) for slide in slides]
        assert logos == [1] + [0] * (len(slides) - 2) + [1], (logos, result.stderr)


# --- each hard case, on its own -------------------------------------------------------------


def texts_of(deck: Path, number: int) -> dict[str, str]:
    """Slide ``number``'s placeholders: name → text."""
    slide = Presentation(str(deck)).slides[number]
    return {shape.name: shape.text_frame.text for shape in slide.placeholders
            if shape.has_text_frame}


def test_a_template_made_in_libreoffice_keeps_every_title(template_folder, tmp_path):
    template = template_file("idx-collision", template_folder)
    result, deck, pub = build_with(template, tmp_path)
    assert result.returncode == 0, result.stderr
    slide = Presentation(str(deck)).slides[2]
    assert slide.shapes.title.text_frame.text.endswith(pub.lessons[0].title_text)
    bodies = [shape.text_frame.text for shape in slide.placeholders
              if shape.has_text_frame and shape != slide.shapes.title]
    assert "Wie elkaar kent" in " ".join(bodies)


def test_a_tiny_title_box_says_so_and_keeps_the_words(template_folder, tmp_path):
    long_title = ("Het begint altijd met de ontmoeting, op het plein, in het buurthuis en bij "
                  "de container op de hoek")
    result, deck, pub = build_with(template_file("tiny-title", template_folder), tmp_path,
                                   "  layouts:\n    lesson: Title and Content\n",
                                   {"Het begint altijd met de ontmoeting": long_title})
    assert result.returncode == 0
    assert "has a title box only" in result.stderr and "Choose a layout with a larger box" \
        in result.stderr
    titles = [slide.shapes.title.text_frame.text
              for slide in list(Presentation(str(deck)).slides)[2:-1]]
    for lesson, title in zip(pub.lessons, titles, strict=True):
        assert lesson.title_text in title  # smaller, but whole
    # the warning names the size the text is set at, and that is the size on the slide
    import re
    said = re.search(r"has a title box only .*?; it is set at ([\d.]+) pt there", result.stderr)
    assert said, result.stderr
    sizes = {run.font.size.pt for slide in list(Presentation(str(deck)).slides)[2:-1]
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs
             if run.font.size is not None}
    assert float(said.group(1)) in sizes, (said.group(1), sizes)
    assert len(sizes) == 1, sizes  # one size for every lesson's title: slides do not jump


def test_titles_in_a_strip_too_small_for_them_share_one_size_and_the_warning_names_it(
        template_folder, tmp_path):
    """A title strip too small for a line at the range's sizes: every lesson's title is
    set at one size (the one the longest needs), not each at its own, and the warning for
    the lesson slides names that size."""
    import re
    result, deck, _ = build_with(template_file("strip-title", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)[2:-1]
    sizes = {run.font.size.pt for slide in slides
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs}
    assert len(sizes) == 1, sizes
    said = re.search(r"has a title box only .*?; it is set at ([\d.]+) pt there\. Choose a "
                     r"layout with a larger box for the lesson slides", result.stderr)
    assert said and float(said.group(1)) in sizes, result.stderr


def test_a_layout_without_text_boxes_puts_the_words_in_the_notes_and_says_so(
        template_folder, tmp_path):
    result, deck, pub = build_with(template_file("title-only", template_folder), tmp_path,
                                   "  layouts:\n    lesson: title only\n    closing: Title Only\n")
    assert result.returncode == 0
    assert "has no text box for the key messages; they are only in the speaker notes" \
        in result.stderr
    slide = Presentation(str(deck)).slides[2]
    assert "Wie elkaar kent" in slide.notes_slide.notes_text_frame.text


def test_organisation_and_date_find_a_place_without_boxes_of_their_own(template_folder,
                                                                        tmp_path):
    result, deck, _ = build_with(template_file("no-date-box", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    subtitle = next(text for name, text in texts_of(deck, 0).items() if "Subtitle" in name)
    assert subtitle.split("\n") == ["Jaarbrief 2026 van de wijkteams",
                                    "Vereniging van Wijkteams Zuidoever", "12 december 2026"]


def test_organisation_and_date_are_never_lost_and_the_warning_is_true(template_folder,
                                                                      tmp_path):
    """Subtitle, organisation and date in a subtitle box too small for three lines: the
    subtitle stays whole, the organisation and date go on one line under it or, when
    that does not fit either, to the speaker notes, and a warning that says 'in the
    speaker notes' is true."""
    result, deck, pub = build_with(template_file("no-date-box-short-subtitle",
                                                 template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    slide = Presentation(str(deck)).slides[0]
    shown = plain(slide_text(slide))
    notes = plain(slide.notes_slide.notes_text_frame.text)
    assert "Jaarbrief 2026 van de wijkteams" in shown  # the subtitle, whole
    assert "…" not in shown
    for value, role in ((pub.meta.organisation, "organisation"), ("12 december 2026", "date")):
        said = f"the {role} does not fit on the title slide" in result.stderr
        assert value in shown or said, (role, shown, result.stderr)
        if said:
            assert "it is in the speaker notes" in result.stderr
            assert value in notes, (role, notes)


def test_organisation_and_date_leave_a_strip_too_small_to_read_for_the_subtitle_box(
        template_folder, tmp_path):
    """Real templates' footer and date strips hold 9 to 12 point text, which nobody at
    the back of a room reads: on the title slide the organisation and the date stand
    under the subtitle instead, at the subtitle's size, when they fit there."""
    result, deck, pub = build_with(template_file("stock-4-3", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    slide = Presentation(str(deck)).slides[0]
    by_kind = {shape.placeholder_format.type: plain(shape.text_frame.text)
               for shape in slide.placeholders if shape.has_text_frame}
    subtitle = by_kind[4]  # PP_PLACEHOLDER.SUBTITLE
    assert pub.meta.organisation in subtitle and "12 december 2026" in subtitle, by_kind
    assert pub.meta.organisation not in by_kind.get(15, "")  # not in the footer strip


def test_placeholders_named_date_and_organisation_are_used(template_folder, tmp_path):
    result, deck, _ = build_with(template_file("renamed-boxes", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    slide = Presentation(str(deck)).slides[0]
    by_type = {shape.placeholder_format.type: shape.text_frame.text
               for shape in slide.placeholders if shape.has_text_frame}
    assert by_type[16] == "12 december 2026"                       # the box named Date
    assert by_type[15] == "Vereniging van Wijkteams Zuidoever"     # the one named Organisation


def test_the_templates_design_is_kept(template_folder, tmp_path):
    result, deck, _ = build_with(template_file("dark-background", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    runs = [run for slide in Presentation(str(deck)).slides for shape in slide.shapes
            if shape.has_text_frame for paragraph in shape.text_frame.paragraphs
            for run in paragraph.runs]
    assert runs and all(run.font.name in (None, "+mj-lt", "+mn-lt") for run in runs)
    # The template's text colour (tx1, light on this dark design), never ours.
    from pptx.enum.dml import MSO_COLOR_TYPE, MSO_THEME_COLOR
    for run in runs:
        if run.font.color.type == MSO_COLOR_TYPE.SCHEME:
            assert run.font.color.theme_color == MSO_THEME_COLOR.TEXT_1
        else:
            assert run.font.color.type is None
    assert "contrast" not in result.stderr
    theme = Presentation(str(deck)).slide_masters[0].part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
    assert b"tweeluik" not in theme  # our colours were not written into its theme


def test_design_tweeluik_sets_our_fonts_and_colours_on_the_template(template_folder, tmp_path):
    """'deck: design: tweeluik' keeps the template's layouts and backgrounds but sets the
    text in tweeluik's typefaces and colours (layouts/theme.toml) instead of its own."""
    from tweeluik.theme import load_theme
    theme = load_theme(LAYOUTS)
    result, deck, _ = build_with(template_file("dark-background", template_folder), tmp_path,
                                 extra="  design: tweeluik\n")
    assert result.returncode == 0, result.stderr
    runs = [run for slide in Presentation(str(deck)).slides for shape in slide.shapes
            if shape.has_text_frame for paragraph in shape.text_frame.paragraphs
            for run in paragraph.runs]
    fonts = {run.font.name for run in runs}
    assert {theme.serif.deck, theme.sans.deck} <= fonts, fonts
    assert not fonts & {None, "+mj-lt", "+mn-lt"}, fonts
    scheme = Presentation(str(deck)).slide_masters[0].part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
    for colour in ("ink", "accent"):  # the colours the runs name (text 1, accent 1) are ours
        assert theme.colours[colour].lstrip("#").upper().encode() in scheme.upper(), colour


def test_a_potx_template_is_accepted(template_folder, tmp_path):
    pptx = template_file("stock-4-3", template_folder)
    potx = tmp_path / "huisstijl.potx"
    with zipfile.ZipFile(pptx) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml",
                                    b"presentationml.template.main+xml")
            target.writestr(info, data)
    result, deck, pub = build_with(potx, tmp_path / "project")
    assert result.returncode == 0, result.stderr
    assert len(Presentation(str(deck)).slides) == len(pub.lessons) + 3


def test_the_templates_footer_is_carried_to_the_slides(template_folder, tmp_path):
    result, deck, _ = build_with(template_file("footer-text", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    with_footer = [slide for slide in slides if "Vereniging van Wijkteams — intern" in slide_text(slide)]
    assert len(with_footer) >= len(slides) - 1  # the title slide may use its footer otherwise


def test_a_footer_of_another_deck_gives_way_to_the_organisation(template_folder, tmp_path):
    # Real templates carried 'Agile aanpak Logmanagement project' or a former author's
    # name to every slide; a footer that does not name the organisation is replaced.
    result, deck, pub = build_with(template_file("foreign-footer", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    assert not any("Logboek" in slide_text(slide) for slide in slides)
    footers = [shape.text_frame.text for slide in slides[1:-1] for shape in slide.placeholders
               if shape.placeholder_format.type == 15]
    assert footers and all(pub.meta.organisation in footer for footer in footers), footers


def test_a_footer_in_a_font_measured_with_a_stand_in_is_measured_cautiously(template_folder,
                                                                            tmp_path):
    """The words put in place of a footer's fill-in hint are measured as the fitter
    measures the template's other texts in a font it has no widths for (the stand-in
    made wider): organisation and title together would need two lines in the box, so
    the footer holds the organisation alone, in one line."""
    result, deck, pub = build_with(template_file("footer-in-an-unknown-font", template_folder),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    footers = {shape.text_frame.text for slide in slides[1:-1] for shape in slide.placeholders
               if shape.placeholder_format.type == 15}
    assert footers == {pub.meta.organisation}, footers


def test_a_clean_package(template_folder, tmp_path):
    template = tmp_path / "vuil.pptx"
    stock(template, slides=3)
    with zipfile.ZipFile(template) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    rels = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/hyperlink" Target="file:///etc/passwd" TargetMode="External"/>'
        b"</Relationships>")
    parts["ppt/vbaProject.bin"] = b"macro"
    presentation = "ppt/presentation.xml"
    parts[presentation] = parts[presentation].replace(
        b"</p:presentation>",
        b'<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst '
        b'xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><p14:section '
        b'name="Oud" id="{11111111-2222-3333-4444-555555555555}"><p14:sldIdLst><p14:sldId '
        b'id="256"/></p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>'
        b"</p:presentation>")
    parts["docProps/app.xml"] = b'<?xml version="1.0"?><Properties><Slides>31</Slides></Properties>'
    with zipfile.ZipFile(template, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    result, deck, pub = build_with(template, tmp_path / "project")
    assert result.returncode == 0, result.stderr
    assert "the slide template held macros and 1 link to outside files" in result.stderr
    with zipfile.ZipFile(deck) as built:
        names = built.namelist()
        assert not any("vbaProject" in name for name in names)
        joined = b"".join(built.read(name) for name in names if name.endswith((".rels", ".xml")))
        assert b"file:///etc/passwd" not in joined and b"sectionLst" not in joined
        app = built.read("docProps/app.xml").decode()
        assert "<Application>tweeluik</Application>" in app
        assert f"<Slides>{len(pub.lessons) + 3}</Slides>" in app
        assert len([name for name in names if name.startswith("ppt/slides/slide")]) == \
            len(pub.lessons) + 3


def test_an_oversized_template_is_refused(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    template = content / "groot.pptx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/media/image1.png", b"\0" * (60 * 1024 * 1024))
    source = content / "pub.md"
    source.write_text("---\ntitle: Proef\ndeck:\n  template: groot.pptx\n---\n## Les\n\nTekst.\n",
                      encoding="utf-8")
    result = run_build(str(source), "--only", "deck", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "unpacks to 60 MB" in result.stderr and "at most 50 MB" in result.stderr


def test_an_agenda_too_long_for_its_box_continues_on_a_second_slide(template_folder, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    lessons = "".join(f"## Les met een wat langere titel nummer {n}\n\n> Kern {n}.\n\nTekst.\n\n"
                      for n in range(1, 25))
    source = content / "pub.md"
    source.write_text("---\ntitle: Proef\ndeck:\n  agenda: true\n---\n" + lessons, encoding="utf-8")
    result = run_build(str(source), "--only", "deck", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(tmp_path / "out" / "pub.pptx")).slides)
    agenda = [slide for slide in slides if slide.slide_layout.name == "Agenda"]
    assert len(agenda) >= 2
    listed = " ".join(slide_text(slide) for slide in agenda)
    for n in range(1, 25):
        assert f"nummer {n} " in listed + " " or listed.endswith(f"nummer {n}")
    assert "…" not in listed
    titles = [slide.shapes.title.text_frame.text for slide in agenda]
    assert titles == [f"Vandaag ({number} van {len(agenda)})"
                      for number in range(1, len(agenda) + 1)], titles
    counts = [slide_text(slide).count("Les met een") for slide in agenda]
    assert max(counts) - min(counts) <= 1, counts  # shared out evenly


def test_an_agenda_that_would_take_a_slide_for_every_lesson_or_two_is_left_out(tmp_path):
    """A layout whose text box holds one or two lessons' lines would spread the sample's
    five lessons over three slides or more, more than an agenda saves: it is left out,
    and the warning says why and what to do."""
    def low_box(prs):
        body = layout(prs, "Title and Content").placeholders[1]
        left, top, width = body.left, body.top, body.width
        body.left, body.top, body.width, body.height = left, top, width, Inches(0.5)

    template = stock(tmp_path / "laag.pptx", low_box)
    result, deck, pub = build_with(template, tmp_path / "build",
                                   "  layouts:\n    agenda: Title and Content\n")
    assert result.returncode == 0, result.stderr
    assert "no agenda: the text box of the slide layout 'Title and Content' holds its 5 " \
           "lessons only on" in result.stderr, result.stderr
    titles = [slide_text(slide) for slide in Presentation(str(deck)).slides]
    assert not any(title.startswith("Vandaag") for title in titles), titles
    assert len(titles) == len(pub.lessons) + 2


def test_a_date_the_master_prints_as_text_is_named_and_a_date_field_is_not(tmp_path):
    """A company's master prints 'Folie N, Zürich, 18. August 2023, …' on every slide: a
    date left from the deck the template was made from, beside the publication's own.
    The build names it and says where to change it; a date field, which shows the day
    the deck is shown, is not named."""
    def dated(prs):
        master = prs.slide_masters[0]
        _own_text_box(master, 43, Inches(0.5), Inches(7.0), [["Zürich, 18. August 2023"]])
        master.shapes._spTree.append(etree.fromstring(
            f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr><p:cNvPr id="44" '
            'name="Datum 44"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
            f'<a:off x="{Inches(6)}" y="{Inches(7)}"/><a:ext cx="{Inches(2)}" '
            f'cy="{Inches(0.4)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="{61B3D086-5D28-4B67-'
            '8868-985D0752D18E}" type="datetime1"><a:rPr lang="de-DE"/><a:t>03.05.2024</a:t>'
            '</a:fld></a:p></p:txBody></p:sp>'))

    result, _, _ = build_with(stock(tmp_path / "datum.pptx", dated), tmp_path / "build")
    assert result.returncode == 0, result.stderr
    assert "the slide template prints a date of its own ('18. August 2023') on its slides" \
        in result.stderr, result.stderr
    assert "03.05.2024" not in result.stderr


def test_template_info_lists_layouts_and_the_mapping(template_folder):
    template = template_file("pandoc-reference", template_folder)
    result = run_build("template-info", str(template))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("pandoc-reference.pptx: 10.00 × 5.62 inch, 1 master, 11 layouts")
    assert "heading font: Calibri (measured with its twin Carlito)" in out
    assert re.search(r"Picture with Caption +title “Title 1” saying ‘Click to edit Master "
                     r"title style’ 432×33 pt; picture", out)
    mapping = out.split("what tweeluik would use")[1]
    assert re.search(r"lesson +Title and Content +number → in front of the title; title → "
                     r"“Title 1”; key message → “Content Placeholder 2”", mapping)


def test_template_info_on_something_else_is_one_line(tmp_path):
    not_a_deck = tmp_path / "brief.pptx"
    not_a_deck.write_text("dit is geen presentatie")
    result = run_build("template-info", str(not_a_deck))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("'brief.pptx' is not a PowerPoint file tweeluik can "
                                          "open; save it from PowerPoint as .pptx or .potx (not .ppt)")


def test_names_go_under_the_closing_words_smaller_when_one_box_holds_both_only_so(
        template_folder, tmp_path):
    """One box for the closing words and the signatories, too small for both at one size:
    the words stay whole, and the names stand under them in lines of their own, smaller
    (within the names' own sizes), breaking only between names; no warning is needed."""
    result, deck, pub = build_with(template_file("short-subtitle", template_folder), tmp_path,
                                   "  layouts:\n    closing: Title Slide\n")
    assert result.returncode == 0, result.stderr
    assert "too small for both" not in result.stderr, result.stderr
    box = next(shape for shape in Presentation(str(deck)).slides[-1].placeholders
               if "geleerd" in shape.text_frame.text)
    paragraphs = box.text_frame.paragraphs
    sizes = [{run.font.size.pt for run in paragraph.runs} for paragraph in paragraphs]
    assert plain(paragraphs[0].text) == "Zonder u waren deze lessen nooit geleerd."
    names = [plain(paragraph.text.replace("\u2060", "")) for paragraph in paragraphs[1:]]
    assert " · ".join(names) == " · ".join(pub.meta.signatories), names
    words_size, = sizes[0]
    for size in sizes[1:]:
        assert size == sizes[1] and 14 * 0.75 <= min(size) < words_size  # a 4:3 slide


def test_closing_words_stay_whole_when_even_smaller_names_do_not_fit(template_folder,
                                                                     tmp_path):
    """Too many names for the box even when set smaller under the words: the words stay
    whole (a cut sentence says something else), the names go to the notes, and a warning
    says so at the signatories' line."""
    many = "".join(f"  - Voornaam Achternaam{number}\n" for number in range(30))
    result, deck, pub = build_with(template_file("short-subtitle", template_folder), tmp_path,
                                   "  layouts:\n    closing: Title Slide\n",
                                   {"  - Anneke de Boer\n": many})
    assert result.returncode == 0, result.stderr
    line = pub.meta.line_of("signatories")
    assert f"jaarbrief-2026.md:{line}: warning: the slide layout 'Title Slide' has one text " \
           "box for the key message of the closing and the signatories, too small for both; " \
           "the signatories are in the speaker notes." in result.stderr
    last = Presentation(str(deck)).slides[-1]
    shown = plain(slide_text(last))
    assert "Zonder u waren deze lessen nooit geleerd." in shown and "…" not in shown
    assert not any(name in shown for name in pub.meta.signatories)
    notes = last.notes_slide.notes_text_frame.text
    assert all(name in notes for name in pub.meta.signatories)


def test_text_on_a_picture_background_gets_the_contrast_check(template_folder, tmp_path):
    """LibreOffice's Freshes sets its titles in teal on a photograph of a teal sky: the
    average colour of the picture behind each box counts as its background, so the titles
    get the template's dark colour instead, with a warning that says so."""
    result, deck, pub = build_with(template_file("Freshes", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "sets its title in #3A8C93 on a picture of #" in result.stderr
    slide = Presentation(str(deck)).slides[2]
    colours = {str(run.font.color.rgb) for paragraph in slide.shapes.title.text_frame.paragraphs
               for run in paragraph.runs if run.font.color.type is not None}
    assert colours and "3A8C93" not in colours


def test_text_on_a_dark_photo_is_set_light(template_folder, tmp_path):
    result, deck, pub = build_with(template_file("dark-photo", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "on a picture of #182034 there" in result.stderr, result.stderr
    slide = Presentation(str(deck)).slides[2]
    colours = {str(run.font.color.rgb) for paragraph in slide.shapes.title.text_frame.paragraphs
               for run in paragraph.runs if run.font.color.type is not None}
    assert colours == {"FFFFFF"}


def test_text_is_kept_off_a_background_it_cannot_be_read_on(template_folder, tmp_path):
    """Piano's message box runs from a black band onto white piano keys; centred, the
    key message's second line sat on the keys. What lies behind a box is read in strips
    (pictures, gradients and patterns by their average), and the text is set where it
    reads: at the top of the box, and the warning says so."""
    from pptx.enum.text import MSO_ANCHOR
    result, deck, pub = build_with(template_file("Piano", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "two backgrounds" in result.stderr and "at the top of the box" in result.stderr
    slide = Presentation(str(deck)).slides[2]
    message = next(shape for shape in slide.placeholders if shape.has_text_frame
                   and "Wie elkaar kent" in shape.text_frame.text)
    assert message.text_frame.vertical_anchor == MSO_ANCHOR.TOP


@pytest.mark.libreoffice
def test_text_stays_on_the_part_of_its_box_where_it_reads(template_folder, tmp_path):
    """Vivid's message box runs from white onto a blue pattern, where its blue text does
    not read; centred in the box, the key message's second line sat on the pattern. It
    is kept on the white part (a margin at the bottom of the box), and LibreOffice draws
    every word of it above the pattern."""
    from PIL import Image
    result, deck, pub = build_with(template_file("Vivid", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = convert_all_to_pdf([deck], tmp_path / "render")[deck]
    subprocess.run([need_tool("pdftoppm"), "-r", "72", "-png", "-f", "3", "-l", "3", str(pdf),
                    str(tmp_path / "slide")], check=True)
    picture = Image.open(next(tmp_path.glob("slide*.png"))).convert("RGB")
    width, height, words = pdf_words(pdf)[2]
    scale = picture.height / height
    column = int(picture.width * 0.05)  # the slide's left edge, clear of any text
    pattern = next(y for y in range(picture.height)
                   if sum(picture.getpixel((column, y))) < 450) / scale
    message = [word for word in words if word[4] in ("Wie", "elkaar", "kent,", "moeilijk")]
    assert message and all(y1 <= pattern for _, _, _, y1, _ in message), (pattern, message)


def test_a_title_half_on_a_dark_band_of_a_photo_is_set_light_on_the_band(template_folder,
                                                                         tmp_path):
    """Neither black nor white reads where the template sets the title (half on the
    photo's dark band, half on its pale part); white reads at the top of the box, on the
    band, which is one calm colour: the title goes there, in white, and the warning
    says both changes."""
    from pptx.enum.text import MSO_ANCHOR
    result, deck, _ = build_with(template_file("photo-band-under-titles", template_folder),
                                 tmp_path, "  layouts:\n    lesson: Title and Content\n")
    assert result.returncode == 0, result.stderr
    assert "sets its title in #000000 across two backgrounds" in result.stderr, result.stderr
    assert "uses the template's #FFFFFF at the top of the box" in result.stderr
    title = Presentation(str(deck)).slides[2].shapes.title.text_frame
    colours = {str(run.font.color.rgb) for paragraph in title.paragraphs
               for run in paragraph.runs if run.font.color.type is not None}
    assert colours == {"FFFFFF"} and title.vertical_anchor == MSO_ANCHOR.TOP


def test_a_title_too_long_for_the_dark_band_is_warned_about_as_it_stays(template_folder,
                                                                        tmp_path):
    """A lesson title long enough to need two lines reads neither in white at the top
    (its second line on the pale part) nor in black in the middle: nothing reads on
    both backgrounds, so it keeps the template's black, and a warning says so for the
    lesson slides, while the short titles go to the band in white (said for the
    agenda's and the closing's titles too, each for its own slides)."""
    from pptx.enum.dml import MSO_COLOR_TYPE
    long = "3. Kleine successen verdienen een feestje, met taart, slingers en een toespraak"
    result, deck, _ = build_with(template_file("photo-band-under-titles", template_folder),
                                 tmp_path, "  layouts:\n    lesson: Title and Content\n",
                                 replace={"3. Kleine successen verdienen een feestje": long})
    assert result.returncode == 0, result.stderr
    assert "across two backgrounds on the lesson slides, hard to read from afar on one of " \
           "them, and no colour of the template's reads on both" in result.stderr, result.stderr
    assert "across two backgrounds on the closing slide, hard" in result.stderr
    slides = list(Presentation(str(deck)).slides)
    for number, slide in enumerate(slides[2:-1], start=1):
        title = slide.shapes.title.text_frame
        colours = {str(run.font.color.rgb) for paragraph in title.paragraphs
                   for run in paragraph.runs if run.font.color.type == MSO_COLOR_TYPE.RGB}
        assert colours == (set() if number == 3 else {"FFFFFF"}), (number, colours)


def worst_contrast(colour: str, cells) -> float | None:
    """The lowest contrast of ``colour`` on the cells a text covers; ``None`` when what
    lies behind cannot be known."""
    from tweeluik.colours import contrast
    if not cells or any(behind is None for behind, _ in cells):
        return None
    return min(contrast(colour, behind) for behind, _ in cells)


def colour_changes(source: Path) -> tuple[int, list[str]]:
    """How many texts the deck of ``source`` sets in a colour or at a place other than its
    template's, and (one line each) those that read no better there, on what really lies
    behind them, than in the template's own colour and place."""
    from dataclasses import replace

    from tweeluik.deck import load_template
    from tweeluik.deck.legibility import covered_cells
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.theme import load_theme
    publication = parse_publication(source)
    _, info = load_template(publication, LAYOUTS)
    plan = publication_to_deck_plan(publication, load_theme(LAYOUTS), info, LAYOUTS / "fonts")
    changed, worse = 0, []
    for slide in plan.slides:
        layout = info.layout_of(slide.master, slide.position)
        for text in slide.texts:
            own = layout.placeholders[text.placeholder]
            if text.style is None or own.style.colour_hex is None:
                continue
            if text.insets is not None:
                left, top, right, bottom = text.insets
                own = replace(own, frame=replace(own.frame, inset_left=left, inset_top=top,
                                                 inset_right=right, inset_bottom=bottom))
            chosen = (text.style.colour_hex, text.style.anchor)
            if chosen == (own.style.colour_hex, own.style.anchor):
                continue
            changed += 1
            now = worst_contrast(text.style.colour_hex,
                                 covered_cells(own, text.height, text.width, text.style))
            before = worst_contrast(own.style.colour_hex,
                                    covered_cells(own, text.height, text.width, own.style))
            if now is None or before is not None and now <= before:
                worse.append(f"{slide.layout} {text.role}: {chosen} reads {now}, the "
                             f"template's {before}")
    return changed, worse


@pytest.mark.parametrize("name", every_template())
def test_no_text_reads_worse_than_in_the_templates_own_colour(name, template_folder, tmp_path):
    """Never make it worse: on every template of the test set, every text the deck sets
    in a colour or at a place other than the template's reads at least as well, on what
    really lies behind it, as it would in the template's own colour and place."""
    template = template_file(name, template_folder)
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copy(template, content / template.name)
    source = content / SAMPLE.name
    source.write_text(source.read_text(encoding="utf-8").replace(
        "deck:\n", f"deck:\n  template: {template.name}\n", 1), encoding="utf-8")
    changed, worse = colour_changes(source)
    assert worse == [], worse
    if name in ("dark-photo", "photo-band-under-titles", "Freshes"):
        assert changed, "the test saw no change to weigh"


def test_a_title_across_logos_in_the_background_moves_to_a_plain_end_of_its_box(
        template_folder, tmp_path):
    """The lesson titles, set in the middle of their box, would cross the band of logos
    the background picture prints there; they are set at the bottom of the box, on
    plain white, in the template's own colour, and the warning says so."""
    from pptx.enum.dml import MSO_COLOR_TYPE
    from pptx.enum.text import MSO_ANCHOR
    result, deck, _ = build_with(template_file("logos-in-background-band", template_folder),
                                 tmp_path)
    assert result.returncode == 0, result.stderr
    assert "across a picture the template draws behind it" in result.stderr, result.stderr
    assert "tweeluik sets it at the bottom of the box, on plain colour" in result.stderr
    for slide in list(Presentation(str(deck)).slides)[2:-1]:
        title = slide.shapes.title.text_frame
        kinds = {run.font.color.type for paragraph in title.paragraphs
                 for run in paragraph.runs}  # the template's theme colour, as it set it
        assert title.vertical_anchor == MSO_ANCHOR.BOTTOM and MSO_COLOR_TYPE.RGB not in kinds


def test_a_look_only_on_the_templates_own_slides_is_said_to_be_lost(template_folder,
                                                                    tmp_path):
    """The template's look lies on its sample slides' backgrounds, which the deck's slides,
    made from the layouts, do not get: the warning says so and how to keep it; a
    template whose slides show what its master shows gets no such warning."""
    result, _, _ = build_with(template_file("look-on-the-sample-slides", template_folder),
                              tmp_path / "own")
    assert result.returncode == 0, result.stderr
    assert "2 of the slide template's own slides carry a background picture or colour " \
           "gradient that its layouts and master do not have" in result.stderr, result.stderr
    assert "(in PowerPoint: View, Slide Master, Background Styles)" in result.stderr
    result, _, _ = build_with(template_file("logo-in-background", template_folder),
                              tmp_path / "master")
    assert result.returncode == 0 and "own slides carr" not in result.stderr, result.stderr


def test_see_through_shapes_and_gradients_count_as_what_shows(template_folder, tmp_path):
    """LibreOffice's Lights: translucent white bubbles over a dark gradient. The bubble
    is blended over the gradient's average instead of counting as white, so the white
    date stays white (before, it was 'white on white' and set black on the dark slide)."""
    result, deck, pub = build_with(template_file("Lights", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "on #FFFFFF" not in result.stderr, result.stderr
    texts = [shape for shape in Presentation(str(deck)).slides[0].placeholders
             if shape.has_text_frame and "12 december 2026" in shape.text_frame.text]
    colours = {str(run.font.color.rgb) for shape in texts
               for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
               if run.font.color.type is not None}
    assert texts and "000000" not in colours


@pytest.mark.parametrize("name", ["title-bars", "grouped-backdrop", "modified-scheme-colour",
                                  "blob-outline", "style-filled-band"])
def test_a_readable_template_colour_is_never_changed(name, template_folder, tmp_path):
    """White titles that read well on what really lies behind them (a title bar, a shape
    in a group, a theme colour darkened by lumMod, a dark slide beside a light blob)
    stay white, with no warning: tweeluik changes a template's colour only where the
    template's own fails on what is drawn there."""
    result, deck, pub = build_with(template_file(name, template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "sets its title in" not in result.stderr, result.stderr
    slide = Presentation(str(deck)).slides[2]
    colours = {str(run.font.color.rgb) for paragraph in slide.shapes.title.text_frame.paragraphs
               for run in paragraph.runs if run.font.color.type is not None}
    assert colours <= {"FFFFFF"}, colours


def test_a_template_colour_keeps_its_modifiers(template_folder, tmp_path):
    """The template's body text is its light grey darkened to a quarter: the deck writes
    that colour with its darkening, not the light grey it starts from (which left the
    key messages barely visible on white)."""
    result, deck, pub = build_with(template_file("darkened-text-colour", template_folder),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    fills = [run._r.find(f"{A}rPr/{A}solidFill") for slide in Presentation(str(deck)).slides
             for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
             if "Vraag eerst wat de buurt al weet" in run.text]
    assert fills and all(fill is not None for fill in fills)
    for fill in fills:
        assert [(etree.QName(element).localname, element.get("val"))
                for element in fill.iter() if element is not fill] == [
            ("schemeClr", "bg2"), ("lumMod", "25000")]


def test_titles_set_on_a_bar_in_their_box_stay_on_it_in_the_templates_colour(template_folder,
                                                                             tmp_path):
    """The lesson titles are kept on the green bar the layout draws across the middle of
    the title box (a margin above and below it), sized to fit there, so the template's
    white reads under every word and is kept; before, a title that wrapped ran off the
    bar, and the contrast check, reading white above it, set every title black."""
    result, deck, pub = build_with(template_file("title-on-a-bar", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "'Title and Content' sets its title in" not in result.stderr, result.stderr
    for slide in list(Presentation(str(deck)).slides)[2:-1]:
        title = slide.shapes.title
        colours = {str(run.font.color.rgb) for paragraph in title.text_frame.paragraphs
                   for run in paragraph.runs if run.font.color.type is not None}
        assert colours <= {"FFFFFF"}, colours
        assert title.top + title.text_frame.margin_top >= Inches(0.72)
        assert title.top + title.height - title.text_frame.margin_bottom <= Inches(1.38)


def test_boxes_prompting_institution_and_date_get_them_and_hints_are_never_printed(
        template_folder, tmp_path):
    """Body boxes whose prompt says 'Institution' and 'Date' hold the organisation and
    the date; a footer that says 'Title of Presentation | DD.MM.YYYY' is a hint, not
    the organisation's footer: it is never printed, our words stand there instead."""
    result, deck, pub = build_with(template_file("hints-and-prompts", template_folder),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    boxes = {shape.text_frame.text for shape in slides[0].placeholders if shape.has_text_frame}
    assert "Vereniging van Wijkteams Zuidoever" in boxes and "12 december 2026" in boxes
    for slide in slides:
        text = slide_text(slide)
        assert "DD.MM.YYYY" not in text and "Title of Presentation" not in text, text
    footers = [shape.text_frame.text for slide in slides[1:-1] for shape in slide.placeholders
               if shape.placeholder_format.type == 15]
    assert footers and all(pub.meta.organisation in footer for footer in footers), footers


def test_a_title_box_whose_prompt_asks_for_the_subtitle_gets_the_subtitle(template_folder,
                                                                          tmp_path):
    """The template's prompts say which box is for the title: the title goes where the
    prompt says 'Document title', the subtitle where the title box says 'Subtitle'."""
    result, deck, pub = build_with(template_file("prompts-say-the-other-role", template_folder),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    boxes = {shape.placeholder_format.idx: shape.text_frame.text
             for shape in Presentation(str(deck)).slides[0].placeholders}
    assert boxes[1] == pub.meta.title, boxes
    assert boxes[0].startswith(pub.meta.subtitle), boxes


def test_a_kicker_strip_keeps_the_templates_size_and_names_keep_off_a_source_strip(
        template_folder, tmp_path):
    """A title box that is a one-line strip gets the title at the template's own size
    (not a larger one that spills out of it), and the warning names that size; the
    signatories are never set in a 9 pt strip meant for a source line."""
    result, deck, pub = build_with(template_file("kicker-and-source-strip", template_folder),
                                   tmp_path, "  layouts:\n    lesson: Title and Content\n"
                                   "    closing: Title and Content\n")
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    sizes = {run.font.size.pt for slide in slides[2:-1]
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs
             if run.font.size is not None}
    assert sizes == {16.0}, sizes
    assert "has a title box only 11 pt high" in result.stderr  # inside its margins
    assert "it is set at 16 pt there" in result.stderr, result.stderr
    strips = [shape.text_frame.text for shape in slides[-1].placeholders
              if shape.placeholder_format.idx == 30]
    assert not any(name in strip for strip in strips for name in pub.meta.signatories), strips
    shown = plain(slide_text(slides[-1])) + slides[-1].notes_slide.notes_text_frame.text
    assert all(name in shown for name in pub.meta.signatories)


@pytest.mark.parametrize("name", ["own-logo", "own-logo-drawn", "own-logo-on-clear-ground"])
def test_a_template_with_its_own_logo_gets_ours_only_when_asked(name, template_folder,
                                                                 tmp_path):
    """A logo the template draws, as a picture or in vector shapes, means ours is not
    added; asked for all the same, ours keeps off it."""
    template = template_file(name, template_folder)
    result, deck, _ = build_with(template, tmp_path / "auto")
    assert result.returncode == 0, result.stderr
    assert "carries the template's own logo" in result.stderr
    slides = list(Presentation(str(deck)).slides)
    assert not any(shape.name == "Logo" for slide in slides for shape in slide.shapes)
    result, deck, _ = build_with(template, tmp_path / "always", "  logo: always\n")
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    theirs = (prs.slide_width - Inches(1.6), Inches(0.2), Inches(1.4), Inches(0.7)) \
        if name != "own-logo-drawn" else (prs.slide_width - Inches(2.0),
                                    prs.slide_height - Inches(0.7), Inches(1.6), Inches(0.4))
    for slide in (prs.slides[0], prs.slides[len(prs.slides) - 1]):
        (ours,) = [shape for shape in slide.shapes if shape.name == "Logo"]
        apart = (ours.left + ours.width <= theirs[0] or theirs[0] + theirs[2] <= ours.left
                 or ours.top + ours.height <= theirs[1] or theirs[1] + theirs[3] <= ours.top)
        assert apart, (ours.left, ours.top, theirs)


def test_a_title_keeps_off_a_logo_over_its_end_however_wide_the_logo(template_folder,
                                                                     tmp_path):
    """The lesson titles get a left margin that keeps them off the logo the master draws
    over the title box's left end, though the logo is wider than half the box: what
    counts is how much of the box it covers."""
    result, deck, _ = build_with(template_file("logo-over-a-narrow-title", template_folder),
                                 tmp_path)
    assert result.returncode == 0, result.stderr
    for slide in list(Presentation(str(deck)).slides)[2:-1]:
        title = slide.shapes.title
        margin = title.text_frame.margin_left
        assert title.left + margin >= Inches(2.2), (title.left, margin)


def test_text_keeps_above_an_emblem_across_the_lower_part_of_its_box(template_folder,
                                                                     tmp_path):
    """The body's text ends above the emblem the layout draws across the lower half of
    the box: the box gets a bottom margin, and the agenda, the key messages and the
    closing words and names are fitted in what is left."""
    result, deck, pub = build_with(template_file("emblem-under-the-text", template_folder),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    for slide in slides[1:]:
        body = next(shape for shape in slide.placeholders
                    if shape.placeholder_format.idx == 1)
        assert body.top + body.height - body.text_frame.margin_bottom <= Inches(4.2), \
            (body.top, body.height, body.text_frame.margin_bottom)
    shown = " ".join(slide_text(slide) + " " + slide.notes_slide.notes_text_frame.text
                     for slide in slides)
    assert all(name in shown for name in pub.meta.signatories)


def test_the_logo_takes_a_corner_clear_of_the_templates_pattern(template_folder, tmp_path):
    """The master scatters small triangles over the top right corner, the logo's first
    place: the logo takes the next free corner, clear of the pattern (it may stand on
    such art only where no corner is clear of it)."""
    result, deck, _ = build_with(template_file("triangles-in-a-corner", template_folder),
                                 tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    pattern = (prs.slide_width - Inches(2.2), Inches(0.15), Inches(2.1), Inches(0.85))
    for slide in (prs.slides[0], prs.slides[len(prs.slides) - 1]):
        (ours,) = [shape for shape in slide.shapes if shape.name == "Logo"]
        apart = (ours.left + ours.width <= pattern[0] or pattern[0] + pattern[2] <= ours.left
                 or ours.top + ours.height <= pattern[1] or pattern[1] + pattern[3] <= ours.top)
        assert apart, (ours.left, ours.top, pattern)


def test_the_logo_keeps_off_the_slide_number_box(template_folder, tmp_path):
    """The slide-number box counts as taken when the logo looks for a free corner, though
    the slide shows no number in it yet: PowerPoint fills it when numbers are turned on."""
    from pptx.enum.shapes import PP_PLACEHOLDER
    result, deck, _ = build_with(template_file("slide-number-top-right", template_folder),
                                 tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    for slide in (prs.slides[0], prs.slides[len(prs.slides) - 1]):
        (ours,) = [shape for shape in slide.shapes if shape.name == "Logo"]
        (number,) = [shape for shape in slide.slide_layout.placeholders
                     if shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
        apart = (ours.left + ours.width <= number.left or number.left + number.width <= ours.left
                 or ours.top + ours.height <= number.top or number.top + number.height <= ours.top)
        assert apart, (ours.left, ours.top, number.left, number.top)


def test_a_shape_filled_with_the_templates_logo_counts_as_its_logo(template_folder, tmp_path):
    result, deck, _ = build_with(template_file("own-logo-as-fill", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "carries the template's own logo" in result.stderr
    slides = list(Presentation(str(deck)).slides)
    assert not any(shape.name == "Logo" for slide in slides for shape in slide.shapes)


def test_the_logo_keeps_off_a_logo_printed_in_the_background_picture(template_folder,
                                                                      tmp_path):
    result, deck, _ = build_with(template_file("logo-in-background", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    width, height = prs.slide_width, prs.slide_height
    printed = (width * 1330 / 1600, height * 60 / 1200, width * 230 / 1600, height * 140 / 1200)
    placed = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Logo":
                placed += 1
                apart = (shape.left + shape.width <= printed[0]
                         or printed[0] + printed[2] <= shape.left
                         or shape.top + shape.height <= printed[1]
                         or printed[1] + printed[3] <= shape.top)
                assert apart, (shape.left, shape.top, printed)
    assert placed == 2  # on the title and the closing slide, in another corner


def test_a_lesson_with_a_picture_sets_its_title_at_the_other_lessons_size(template_folder,
                                                                         tmp_path):
    """The lesson with a picture is a lesson slide too: its title has the size of the
    other lessons' titles (in the picture layout's narrow box it came out smaller, and
    the slides jumped)."""
    result, deck, pub = build_with(template_file("narrow-picture-title", template_folder),
                                   tmp_path, "  layouts:\n    lesson: Title and Content\n"
                                   "    lesson_picture: Picture with Caption\n")
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)[-1 - len(pub.lessons):-1]
    assert slides[0].slide_layout.name == "Picture with Caption"
    sizes = {run.font.size.pt for slide in slides
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs
             if run.font.size is not None}
    assert len(sizes) == 1, sizes


def own_words(presentation) -> list[str]:
    """The paragraphs of the text boxes masters and layouts draw themselves."""
    return [paragraph.text for master in presentation.slide_masters
            for owner in (master, *master.slide_layouts) for shape in owner.shapes
            if shape.has_text_frame and not shape.is_placeholder
            for paragraph in shape.text_frame.paragraphs]


def test_fill_in_hints_the_master_prints_are_left_out_and_the_note_says_so(template_folder,
                                                                           tmp_path):
    """Hints such as '<Project name>' in a master's own text boxes would show on every
    slide: the deck's copy of the master leaves them out (with the separator that joined
    them to the words before, and the rest of a file name), keeps the template's other
    words, and a note names them and says how to fill them in. The template is unchanged."""
    template = template_file("printed-hint", template_folder)
    result, deck, _ = build_with(template, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "the slide template prints fill-in hints its author left on its slides " \
           "('<Project name>', '<Auteur>', '<Bestandsnaam>'), in text boxes of its own; " \
           "tweeluik leaves them out of the deck" in result.stderr, result.stderr
    assert own_words(Presentation(str(deck))) == ["Clubdag", "Wijkteams • Dorpsstraat 1", "",
                                                   ""]
    assert "<Auteur>" in own_words(Presentation(str(template)))
    said = run_build("template-info", str(template)).stdout
    assert "fill-in hints its masters print: '<Project name>', '<Auteur>', '<Bestandsnaam>' " \
           "(left out of the deck)" in said, said


def test_the_logo_stands_on_plain_colour_rather_than_on_a_pattern(template_folder, tmp_path):
    """The first free corners (top right, bottom right) lie on the pattern of the
    template's picture; the left ones are plain, so the logo goes there, on every slide
    it is on."""
    result, deck, _ = build_with(template_file("patterned-side", template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    placed = [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Logo"]
    assert placed and all(shape.left + shape.width < prs.slide_width * 1100 / 1600
                          for shape in placed), \
        [(shape.left, shape.top) for shape in placed]


def test_no_slide_number_is_printed_on_the_templates_own_logo(template_folder, tmp_path):
    """Where the template draws its logo over the place of the slide number, the slides
    are left unnumbered (a number on the logo helps nobody), and a note says which
    layouts and how to number them; on the same template without the logo every slide
    keeps its number."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    def numbers(deck: Path) -> list[int]:
        return [sum(shape.is_placeholder and shape.placeholder_format.type
                    == PP_PLACEHOLDER.SLIDE_NUMBER for shape in slide.shapes)
                for slide in Presentation(str(deck)).slides]

    result, deck, _ = build_with(template_file("number-under-logo", template_folder),
                                 tmp_path / "logo")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "slide number box" in line]
    assert len(said) == 1 and "of the slide layouts 'Title Slide', 'Title and Content' " \
        "lies under a picture the template draws there (its logo); those slides are left " \
        "without a number" in said[0], result.stderr
    assert set(numbers(deck)) == {0}
    result, deck, _ = build_with(template_file("stock-4-3", template_folder), tmp_path / "stock")
    assert "slide number box" not in result.stderr
    assert set(numbers(deck)) == {1}


def test_a_title_too_long_for_its_box_is_set_smaller_not_cut(template_folder, tmp_path):
    """A lesson title that does not fit its narrow box at the smallest size of the range
    is set smaller, whole, with a warning that names the size; the other lessons' titles
    follow, so the slides do not jump. Cut after its first words it said something else
    ('Het begint altijd met …')."""
    import re
    result, deck, pub = build_with(template_file("narrow-title", template_folder), tmp_path,
                                   "  layouts:\n    lesson: Title and Content\n",
                                   {"Het begint altijd met de ontmoeting":
                                    "Het begint altijd met de ontmoeting van buren"})
    assert result.returncode == 0, result.stderr
    said = re.search(r"the title of lesson 1 is too long for its slide at [\d.]+ pt; it is "
                     r"set at ([\d.]+) pt there", result.stderr)
    assert said, result.stderr
    slides = list(Presentation(str(deck)).slides)[2:-1]
    for lesson, slide in zip(pub.lessons, slides, strict=True):
        assert lesson.title_text in plain(slide_text(slide)) and "…" not in slide_text(slide)
    sizes = {run.font.size.pt for slide in slides
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs
             if run.font.size is not None}
    assert sizes == {float(said.group(1))}, (sizes, said.group(0))


def test_a_word_too_wide_for_a_narrow_title_box_is_hyphenated_not_shrunk(template_folder,
                                                                           tmp_path):
    """A real ministry template's narrow title box: a one-word section title
    ('Ledenvergadering') went down to 19 pt among titles at 30, with a warning that the
    title was too long. A word wider than the box is hyphenated first, and the title keeps
    the size of the others."""
    result, deck, pub = build_with(template_file("narrow-title", template_folder), tmp_path,
                                   "  layouts:\n    lesson: Title and Content\n",
                                   {"## 2. Luisteren gaat vóór plannen maken":
                                    "## 2. Wijkbewonersvergaderingen"})
    assert result.returncode == 0, result.stderr
    assert "the title of lesson 2: the word 'Wijkbewonersvergaderingen' is too wide" \
        in result.stderr, result.stderr
    assert "the title of lesson 2 is too long" not in result.stderr
    slides = list(Presentation(str(deck)).slides)[2:-1]
    sizes = [{run.font.size.pt for paragraph in slide.shapes.title.text_frame.paragraphs
              for run in paragraph.runs if run.font.size is not None} for slide in slides]
    assert all(size == sizes[0] for size in sizes), sizes
    assert "-" in slides[1].shapes.title.text_frame.text


def test_a_shortened_title_is_counted_in_its_own_words(template_folder, tmp_path):
    """A title cut to its first words, with the lesson's number before it on the slide:
    the warning counts the title's words (it counted the number as one, and said 5 where
    the slide showed 4)."""
    import re
    long_title = " ".join(["Het begint altijd met de ontmoeting op het plein in het buurthuis "
                           "en bij de container op de hoek van de lange straat"] * 2
                          + ["achter de oude kerk in het dorp waar iedereen elkaar kent"])
    result, deck, pub = build_with(template_file("tiny-title", template_folder), tmp_path,
                                   "  layouts:\n    lesson: Title and Content\n",
                                   {"Het begint altijd met de ontmoeting": long_title})
    assert result.returncode == 0, result.stderr
    said = re.search(r"the title of lesson 1 .*?the slide shows only its first (\d+) words",
                     result.stderr)
    assert said, result.stderr
    title = list(Presentation(str(deck)).slides)[2].shapes.title.text_frame.text
    shown = title.replace("\u2060", "").replace("…", "").split()
    assert shown[0] == "1"
    assert len(shown) - 1 == int(said.group(1)), (title, said.group(0))


def test_a_glow_of_light_over_a_dark_design_changes_nothing(template_folder, tmp_path):
    """A real college's dark template lays a radial glow, 7 % opaque at most, and
    pictures of soft light, 5 % opaque, over its background. tweeluik read the glow as
    an opaque light disc and set the key messages in black on the dark blue (a contrast
    'fix' that made them unreadable), took a picture of light for the template's own
    logo (so the organisation's was left off, with a note saying so) and moved the text
    off it. A glow and a shimmer are the background: the template's white stays, the
    boxes keep their margins and the logo is added."""
    result, deck, _ = build_with(template_file("glow-over-a-dark-background",
                                               template_folder), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "tweeluik uses the template's" not in result.stderr, result.stderr
    assert "across two backgrounds" not in result.stderr, result.stderr
    assert "carries the template's own logo" not in result.stderr, result.stderr
    assert "across a picture the template draws" not in result.stderr, result.stderr
    prs = Presentation(str(deck))
    assert [shape for shape in prs.slides[0].shapes if shape.name == "Logo"]
    for slide in list(prs.slides)[1:]:
        for shape in slide.placeholders:
            body = shape._element.find(f"{P}txBody/{A}bodyPr")
            assert body is None or body.get("lIns") is None, (shape.name, body.attrib)
            colours = {fill.get("val") for fill in shape._element.iter(f"{A}srgbClr")}
            assert "000000" not in colours, shape.name


def test_a_see_through_picture_shows_the_colour_of_what_is_opaque_in_it():
    """A picture's colour behind a box counts each pixel by its opacity: white, opaque,
    beside black at 4 %, shows white, not the grey of both counted alike (the college
    template's soft-light pictures)."""
    import io
    from types import SimpleNamespace

    from PIL import Image

    from tweeluik.deck.backdrop import PictureColours
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 10))
    image.paste((255, 255, 255, 255), (0, 0, 50, 100))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    part = SimpleNamespace(partname="/ppt/media/image1.png", blob=buffer.getvalue())
    colour, cover = PictureColours().mean_behind(part, (0, 0, 100, 100), (0, 0, 100, 100))
    assert int(colour[1:3], 16) >= 240, colour  # near white
    assert 0.5 < cover < 0.55


def _body_box(item, idx: int, left: float, top: float, width: float, height: float,
              prompt: str) -> None:
    """A body placeholder added to layout ``item`` at a place given in points."""
    import copy
    model = next(shape for shape in layout(Presentation(), "Title and Content").placeholders
                 if shape.placeholder_format.idx == 1)._element
    element = copy.deepcopy(model)
    element.find(f"{P}nvSpPr/{P}nvPr/{P}ph").set("idx", str(idx))
    element.find(f"{P}nvSpPr/{P}cNvPr").set("id", str(900 + idx))
    shape_properties = element.find(f"{P}spPr")
    for child in list(shape_properties):
        shape_properties.remove(child)
    xfrm = etree.SubElement(shape_properties, f"{A}xfrm")
    etree.SubElement(xfrm, f"{A}off", x=str(int(Pt(left))), y=str(int(Pt(top))))
    etree.SubElement(xfrm, f"{A}ext", cx=str(int(Pt(width))), cy=str(int(Pt(height))))
    for text in element.iter(f"{A}t"):
        text.text = prompt
    item.shapes._spTree.append(element)


def slivers(prs):
    """A real government template draws with body placeholders: a coloured bar 9 pt high
    across the foot of every layout, dots 3 pt wide, and on its cover no subtitle but a
    line 'Naam | datum'. Its cover's subtitle went into the bar, and its text layout lost
    to a two-column one, each sliver counted as a text box competing with its body."""
    cover = layout(prs, "Title Slide")
    for shape in list(cover.placeholders):
        if shape.placeholder_format.type == 4:  # the subtitle
            shape._element.getparent().remove(shape._element)
    _body_box(cover, 40, 60, 400, 167, 32, "Naam | datum")
    for item in (cover, layout(prs, "Title and Content")):
        _body_box(item, 41, 0, 531, 720, 9, "Onderbalk")
        for dot in range(8):
            _body_box(item, 50 + dot, 600 + 8 * dot, 20, 3, 3, "UI")


@pytest.mark.slow
def test_slivers_of_a_templates_drawing_are_no_text_boxes(tmp_path):
    result, deck, _ = build_with(stock(tmp_path / "slivers.pptx", slivers), tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    assert {slide.slide_layout.name for slide in list(prs.slides)[1:-1]} == {"Title and Content"}
    cover = prs.slides[0]
    (line,) = [shape for shape in cover.placeholders if shape.placeholder_format.idx == 40]
    assert "Jaarbrief 2026" in line.text_frame.text
    assert not any(shape.placeholder_format.idx == 41 for shape in cover.placeholders)


def turned_titles(prs, cover_across: bool = False):
    """A land registry's house style: every title runs up the slide's left edge (the
    master's title box turned a quarter; the layouts' boxes take its place and turn).
    ``cover_across``: but the cover's, which has a line for 'Naam | datum' under it."""
    title = next(shape for shape in prs.slide_masters[0].placeholders
                 if shape.placeholder_format.type == 1)
    title._element.find(f"{P}spPr/{A}xfrm").set("rot", "16200000")
    for item in prs.slide_layouts:
        for shape in item.placeholders:
            xfrm = shape._element.find(f"{P}spPr/{A}xfrm")
            turned = shape.placeholder_format.type == 1 or \
                shape.placeholder_format.type == 3 and not cover_across
            if turned and xfrm is not None:
                xfrm.set("rot", "16200000")
    if cover_across:
        cover = layout(prs, "Title Slide")
        for shape in list(cover.placeholders):
            if shape.placeholder_format.type == 4:  # the subtitle
                shape._element.getparent().remove(shape._element)
        _body_box(cover, 40, 60, 400, 167, 32, "Naam | datum")


@pytest.mark.slow
@pytest.mark.parametrize("cover_across", [False, True])
def test_a_template_whose_titles_run_up_the_edge_is_refused_with_what_to_do(tmp_path,
                                                                             cover_across):
    """Titles set sideways: the deck wrote each slide's title box across the slide at
    the turned box's place, half off the slide, or (the cover's title across) set every
    lesson on the cover, its words in a line for a name. It is refused in one line that
    says so."""
    result, deck, _ = build_with(stock(tmp_path / "turned.pptx", lambda prs: turned_titles(
        prs, cover_across)), tmp_path)
    assert result.returncode != 0 and not deck.exists()
    (line,) = result.stderr.strip().splitlines()
    assert "sideways" in line and "Traceback" not in line
    assert "leave out 'deck: template:'" in line


def headed_turned_titles(prs):
    """A land registry's house style as its real template has it: every title box
    turned up the slide's left edge, small (a label naming the part of the talk), and on
    its text layout a box one line high across the top that heads the slide, above the
    words; the cover's title across."""
    turned_titles(prs, cover_across=False)
    for item in prs.slide_layouts:
        if item.name == "Title Slide":
            continue
        for shape in item.placeholders:
            if shape.placeholder_format.type == 1:  # the label's place: up the left edge
                shape.left, shape.top, shape.width, shape.height = \
                    Pt(-104), Pt(373), Pt(270), Pt(62)
                shape._element.find(f"{P}spPr/{A}xfrm").set("rot", "16200000")
    text = layout(prs, "Title and Content")
    words = text.placeholders[1]
    words.left, words.top, words.width, words.height = Pt(68), Pt(110), Pt(600), Pt(360)
    _body_box(text, 13, 68, 44, 600, 40, "Kop van de dia")


@pytest.mark.slow
def test_a_template_that_heads_its_slides_under_a_turned_title_gets_its_heading(tmp_path):
    """A real land registry's template turns each layout's title box up the left edge,
    where its slides name their part in small type, and heads them in a text box one
    line high across the top. It was refused (titles sideways). Now each slide's title
    stands in that heading box, and the turned box repeats it up the edge: the slide's
    title for a screen reader and the outline, as the template's own slides have it,
    turned as the template turns it."""
    result, deck, pub = build_with(stock(tmp_path / "kop.pptx", headed_turned_titles),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)
    for lesson, slide in zip(pub.lessons, slides[-1 - len(pub.lessons):-1], strict=True):
        heading = next(shape for shape in slide.placeholders
                       if shape.placeholder_format.idx == 13)
        label = slide.shapes.title
        assert lesson.title_text in " ".join(heading.text_frame.text.split())
        assert " ".join(label.text_frame.text.split()).rstrip("\u2026") in \
            " ".join(heading.text_frame.text.split())
        assert label.rotation == 270
        assert (label.left, label.top, label.width, label.height) == \
            (Pt(-104), Pt(373), Pt(270), Pt(62))
    render = tmp_path / "render"
    render.mkdir()
    pdf = convert_all_to_pdf([deck], render)[deck]
    assert assert_every_word_inside_its_box(deck, render, pdf) > 40
    # drawn up the left edge: the label's words stand in the slide's first 62 points
    # (this template's label is as large as its titles: a long one is cut short)
    first_lesson = pdf_words(pdf)[len(slides) - 1 - len(pub.lessons)][2]
    edge = [word for x0, _, x1, _, word in first_lesson if x1 <= 63 + 0.2 * 44]
    assert edge[:2] == ["1", pub.lessons[0].title_text.split()[0]], first_lesson


def chevrons_before_the_titles(prs):
    """A company's title bar opens with two small chevrons the layout draws, inside the
    title box at its left end (a real template saved by LibreOffice)."""
    import copy

    from pptx.enum.shapes import MSO_SHAPE
    scratch = Presentation()
    shapes = scratch.slides.add_slide(scratch.slide_layouts[6]).shapes
    item = layout(prs, "Title and Content")
    prs.slide_masters[0]._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr").set("algn", "l")
    for left in (40, 58):
        chevron = shapes.add_shape(MSO_SHAPE.CHEVRON, Pt(left), Pt(45), Pt(20), Pt(40))
        item.shapes._spTree.append(copy.deepcopy(chevron._element))


@pytest.mark.slow
def test_a_title_keeps_clear_of_the_chevrons_that_open_its_bar(tmp_path):
    """The real template's lesson titles began on its chevrons, their number drawn over
    them: a title's margin now keeps clear of small shapes the layout draws within its
    box's height (not of a pattern's lines that cross it)."""
    result, deck, pub = build_with(stock(tmp_path / "chevrons.pptx",
                                         chevrons_before_the_titles), tmp_path)
    assert result.returncode == 0, result.stderr
    render = tmp_path / "render"
    render.mkdir()
    pdf = convert_all_to_pdf([deck], render)[deck]
    slides = len(Presentation(str(deck)).slides)
    first_lesson = pdf_words(pdf)[slides - 1 - len(pub.lessons)][2]
    starts = [x0 for x0, y0, _, _, _ in first_lesson if y0 < 110]
    assert starts and min(starts) >= 78 + 3, first_lesson  # right of the second chevron


def name_and_date_cover(prs, width: float = 420):
    """A cover with no subtitle and one small box whose prompt asks for a name and a
    date, 'Naam | datum' (a real land registry's house style)."""
    cover = layout(prs, "Title Slide")
    for shape in list(cover.placeholders):
        if shape.placeholder_format.type != 3:  # all but the title: subtitle, date, footer
            shape._element.getparent().remove(shape._element)
    _body_box(cover, 40, 60, 420, width, 36, "Naam | datum")
    body = cover.shapes._spTree[-1].find(f"{P}txBody")
    for paragraph in body.findall(f"{A}p")[1:]:  # its prompt: one line
        body.remove(paragraph)


def test_a_covers_box_for_a_name_and_a_date_holds_the_organisation_and_the_date(tmp_path):
    """The real cover's only box besides the title asks for 'Naam | datum': the date went
    there, and the organisation to the notes with a warning. Both stand there now, as
    the prompt has them; the organisation is named on the cover."""
    result, deck, pub = build_with(stock(tmp_path / "naam.pptx", name_and_date_cover),
                                   tmp_path, replace={
                                       "organisation: Vereniging van Wijkteams Zuidoever":
                                       "organisation: Buurtteam Noord"})
    assert result.returncode == 0, result.stderr
    cover = Presentation(str(deck)).slides[0]
    texts = [" ".join(shape.text_frame.text.split()) for shape in cover.shapes
             if shape.has_text_frame]
    assert "Buurtteam Noord | 12 december 2026" in texts, texts
    assert "organisation has no place" not in result.stderr
    long = ("Vereniging van Samenwerkende Wijkteams, Buurthuizen en Bewonersgroepen in "
            "Zuidoever en Omstreken")
    result, deck, pub = build_with(stock(tmp_path / "smal.pptx", lambda prs:
                                         name_and_date_cover(prs, width=170)),
                                   tmp_path / "lang", replace={
                                       "organisation: Vereniging van Wijkteams Zuidoever":
                                       f"organisation: {long}"})
    assert "the organisation does not fit on the title slide" in result.stderr
    assert "it is in the speaker notes" in result.stderr
    cover = Presentation(str(deck)).slides[0]
    assert long in cover.notes_slide.notes_text_frame.text
    assert "12 december 2026" in [shape.text_frame.text for shape in cover.shapes
                                  if shape.has_text_frame]


def canva_export(prs):
    """A presentation exported from Canva: slides 20 × 11.25 inches wide whose layouts
    are Office's for a slide of 10 × 7.5 (its own slides are pictures and loose text)."""
    prs.slide_width, prs.slide_height = Inches(20), Inches(11.25)


def test_layouts_made_for_a_smaller_slide_are_refused_with_what_to_do(tmp_path):
    """A real Canva export: every text box of its layouts stands in the slide's top-left
    quarter, so each slide showed its title and words there, small, and the rest empty.
    It is refused in one line that says so."""
    result, deck, _ = build_with(stock(tmp_path / "canva.pptx", canva_export), tmp_path)
    assert result.returncode != 0 and not deck.exists()
    (line,) = result.stderr.strip().splitlines()
    assert "top left of its 20.00 × 11.25 inch slides" in line, line
    assert "leave out 'deck: template:'" in line and "Traceback" not in line


def two_covers(prs):
    """Two covers alike, as a real foundation's template has them ('Titeldia foto
    standaard' and 'Titeldia zonder foto'): the first shows a stock photograph (the
    real one's says "Change this background"), the second is plain."""
    import copy

    from PIL import Image
    from pptx.oxml.shapes.picture import CT_Picture
    photo = Path(tempfile.mkdtemp()) / "voorbeeld.png"
    noise = Image.effect_noise((160, 120), 90).convert("RGB")
    noise.save(photo)
    cover = layout(prs, "Title Slide")
    _, relationship = cover.part.get_or_add_image_part(str(photo))
    cover.shapes._spTree.insert(2, CT_Picture.new_pic(
        900, "Voorbeeldfoto", "", relationship, 0, 0, prs.slide_width, prs.slide_height))
    cover._element.cSld.set("name", "Titeldia foto")  # not tweeluik's name for a cover
    plain = layout(prs, "Title Only")
    plain._element.set("type", "title")
    plain._element.cSld.set("name", "Titeldia zonder foto")
    subtitle = next(shape for shape in cover.placeholders
                    if shape.placeholder_format.type == 4)._element
    plain.shapes._spTree.append(copy.deepcopy(subtitle))


@pytest.mark.slow
def test_of_two_covers_alike_the_deck_takes_the_one_without_a_photograph(tmp_path):
    # (its own slides use neither cover, as the real one's: a cover its first slide uses
    # would be the one its makers chose)
    result, deck, _ = build_with(stock(tmp_path / "covers.pptx", two_covers, slides=0),
                                 tmp_path)
    assert result.returncode == 0, result.stderr
    assert Presentation(str(deck)).slides[0].slide_layout.name == "Titeldia zonder foto"


def see_through_outlines(prs):
    """A real church's lyrics template gives its text an outline that shows nothing (a
    line of the text colour at 0 % opacity), in its layouts' title and text boxes."""
    for item in prs.slide_layouts:
        for shape in item.placeholders:
            if shape.placeholder_format.type not in (1, 2, 3, 4, 7):
                continue
            styles = shape._element.find(f"{P}txBody/{A}lstStyle")
            level = styles.find(f"{A}lvl1pPr")
            if level is None:
                level = etree.SubElement(styles, f"{A}lvl1pPr")
            defaults = level.find(f"{A}defRPr")
            if defaults is None:
                defaults = etree.SubElement(level, f"{A}defRPr")
            outline = etree.Element(f"{A}ln", w="0")
            defaults.insert(0, outline)
            fill = etree.SubElement(outline, f"{A}solidFill")
            colour = etree.SubElement(fill, f"{A}schemeClr", val="tx1")
            etree.SubElement(colour, f"{A}alpha", val="0")
            text_fill = etree.Element(f"{A}solidFill")  # the text's own colour after it
            etree.SubElement(text_fill, f"{A}schemeClr", val="tx1")
            outline.addnext(text_fill)


@pytest.mark.slow
def test_text_with_an_outline_that_shows_nothing_gets_none(tmp_path):
    """A real church's lyrics template gives its text an outline at 0 % opacity; in
    LibreOffice every lesson of the deck made on it showed as an empty slide (its own
    lyrics slides too), and with the outline written as none, as it shows, the words
    were drawn. Every run in the template's boxes says so."""
    result, deck, _ = build_with(stock(tmp_path / "outline.pptx", see_through_outlines),
                                 tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))
    runs = [run for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
            if shape.is_placeholder and shape.placeholder_format.type in (1, 2, 3, 4)]
    assert len(runs) > 10
    assert all(run._r.find(f"{A}rPr/{A}ln/{A}noFill") is not None for run in runs)


def picture_behind_the_words(prs):
    """A real school's template's only picture layout is a section break: a photograph
    fills the slide, its title and text stand over it."""
    item = layout(prs, "Picture with Caption")
    boxes = {shape.placeholder_format.type: shape for shape in item.placeholders}
    boxes[18].left, boxes[18].top = 0, 0  # the picture: the whole slide
    boxes[18].width, boxes[18].height = prs.slide_width, prs.slide_height
    boxes[1].top, boxes[1].height = Pt(300), Pt(50)  # title and text as large as a lesson's
    boxes[2].top, boxes[2].height = Pt(360), Pt(120)


@pytest.mark.slow
def test_a_lessons_picture_never_covers_its_words(tmp_path):
    """The deck put the lesson's picture over that layout's title and text (drawn after
    them), its words hidden. A picture layout whose picture covers the words is not
    taken: the lesson's slide keeps its words, the picture stays in the booklet, and the
    note says there is no layout with a picture beside a lesson's words."""
    result, deck, pub = build_with(stock(tmp_path / "behind.pptx", picture_behind_the_words),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    pictured = next(lesson for lesson in pub.lessons
                    if any(block.kind == "image" for block in lesson.blocks))
    slide = next(slide for slide in Presentation(str(deck)).slides
                 if slide.shapes.title is not None
                 and plain(slide.shapes.title.text).endswith(pictured.title_text))
    assert slide.slide_layout.name != "Picture with Caption"
    assert not any(shape.shape_type == 13 or shape.is_placeholder
                   and shape.placeholder_format.type == 18 for shape in slide.shapes
                   if shape.name != "Logo")
    assert "no layout with a picture box beside room for a lesson's title and words" \
        in result.stderr


@pytest.mark.slow
def test_what_is_said_of_the_agenda_slide_points_at_a_line(tmp_path):
    """A real NGO's title strip was too small for the agenda's title: the warning said
    'content/x.md: warning: …' without a line. It points at the front matter's 'deck:'."""
    result, _, pub = build_with(stock(tmp_path / "strip.pptx", strip_title), tmp_path)
    said = [line for line in result.stderr.splitlines() if "agenda" in line]
    assert said, result.stderr
    deck_line = pub.meta.line_of("deck")
    assert all(re.match(rf"\S+\.md:{deck_line}: ", line) for line in said), said


def church_covers(path: Path) -> Path:
    """A real church's template: its own first slide is on its 'praise title' layout (a
    title and a line under it), beside a 'sermon' layout with a small centred title and a
    subtitle; neither is of PowerPoint's title type."""
    prs = Presentation()
    sermon = layout(prs, "Title Slide")
    sermon._element.set("type", "obj")
    sermon._element.cSld.set("name", "Preek")
    song = layout(prs, "Section Header")
    song._element.set("type", "obj")
    song._element.cSld.set("name", "Lied")
    slide = prs.slides.add_slide(song)
    slide.shapes.title.text = "Een lied"
    prs.save(path)
    return path


@pytest.mark.slow
def test_the_templates_own_first_slides_layout_counts_for_the_cover(tmp_path):
    result, deck, _ = build_with(church_covers(tmp_path / "kerk.pptx"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert Presentation(str(deck)).slides[0].slide_layout.name == "Lied"


def untyped_with_a_start_layout(path: Path) -> Path:
    """A real company's template: layouts without Office's types, its cover named 'Start
    / title + subhead.' with one box whose prompt asks for 'Name, place, date', and its
    own example slides opening on a content layout."""
    prs = Presentation()
    cover = layout(prs, "Title Slide")
    cover.name = "Start / title + subhead."
    for shape in list(cover.placeholders):
        if shape.placeholder_format.type != 3:  # the title stays
            shape._element.getparent().remove(shape._element)
    _body_box(cover, 40, 60, 480, 420, 36, "Name, place, date")
    body = cover.shapes._spTree[-1].find(f"{P}txBody")
    for paragraph in body.findall(f"{A}p")[1:]:  # its prompt: one line
        body.remove(paragraph)
    for item in prs.slide_layouts:
        item._element.attrib.pop("type", None)
    prs.slides.add_slide(layout(prs, "Title and Content")).shapes.title.text = "Agenda"
    prs.save(path)
    return path


def test_a_layout_named_to_open_the_deck_is_its_cover(tmp_path):
    """The real template's own slides open on a content layout, which was taken for the
    cover: the title small in a strip, the subtitle, organisation and date in a box
    meant for a lesson's text. Its 'Start' layout is the cover, and the box that asks for
    'Name, place, date' holds the organisation and the date."""
    result, deck, pub = build_with(untyped_with_a_start_layout(tmp_path / "start.pptx"),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    cover = Presentation(str(deck)).slides[0]
    assert cover.slide_layout.name == "Start / title + subhead."
    texts = [" ".join(shape.text_frame.text.split()) for shape in cover.shapes
             if shape.has_text_frame]
    assert f"{pub.meta.organisation} | 12 december 2026" in texts, texts
    assert "the subtitle has no place on the title slide" in result.stderr
    assert pub.meta.subtitle in cover.notes_slide.notes_text_frame.text  # as said


def green_with_a_tinted_subtitle(prs):
    """A real template saved by PowerPoint 2010: a green background, and its cover's
    subtitle in Office's 'text at a 75 % tint', which PowerPoint mixes with white in
    light (#898989 on the green: 1.5:1), not in sRGB's values (#404040, 4.8:1)."""
    _set_background(prs.slide_masters[0], '<a:solidFill><a:srgbClr val="8FB52F"/></a:solidFill>')


def test_a_subtitle_at_a_tint_of_the_text_colour_is_read_as_powerpoint_paints_it(tmp_path):
    """The real template's cover subtitle, organisation and date printed light grey on
    its green, unreadable, with no warning: the tint was reckoned in sRGB's values, a
    dark grey that would read well."""
    result, deck, pub = build_with(stock(tmp_path / "groen.pptx", green_with_a_tinted_subtitle),
                                   tmp_path)
    assert result.returncode == 0, result.stderr
    assert "sets its subtitle in #898989 on #8FB52F" in result.stderr, result.stderr
    cover = Presentation(str(deck)).slides[0]
    subtitle = next(shape for shape in cover.placeholders if shape.placeholder_format.idx == 1)
    colours = {str(run.font.color.rgb) for paragraph in subtitle.text_frame.paragraphs
               for run in paragraph.runs if run.text.strip()}
    assert colours == {"000000"}, colours  # as the warning says: the theme's dark text


def test_the_closing_on_the_lessons_layout_takes_their_title_size(tmp_path):
    """On a real 4:3 template, the lessons' titles were set at 22 pt and 'Tot slot', on
    the same layout, at 30: the last heading jumped. It takes the lessons' size now."""
    longer = {title: f"{title}, ook als het tegenzit en niemand er zin in heeft"
              for title in ("Het begint altijd met de ontmoeting",
                            "Luisteren gaat vóór plannen maken")}

    def narrow_title(prs):  # as the real template's: 437 × 56 pt
        title = layout(prs, "Title and Content").placeholders[0]
        title.width, title.height = Pt(437), Pt(56)

    result, deck, pub = build_with(stock(tmp_path / "smal.pptx", narrow_title), tmp_path,
                                   replace=longer)
    assert result.returncode == 0, result.stderr
    slides = list(Presentation(str(deck)).slides)

    def title_size(slide) -> float:
        return max(run.font.size.pt for paragraph in slide.shapes.title.text_frame.paragraphs
                   for run in paragraph.runs if run.font.size is not None)

    lessons = {title_size(slide) for slide in slides[-1 - len(pub.lessons):-1]}
    assert len(lessons) == 1 and lessons != {30.0}, lessons  # (set smaller than the range's top)
    assert slides[-1].slide_layout.name == slides[-2].slide_layout.name
    assert title_size(slides[-1]) == lessons.pop()
