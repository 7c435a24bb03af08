"""The organisation's logo on the covers and slides, a cover picture, the colophon's
credit line, and PDFs a print shop takes without questions: checked on built files."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from .conftest import LAYOUTS, need_tool, run_project

SVG_LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
  <rect width="200" height="100" fill="#123456"/><circle cx="50" cy="50" r="30" fill="#B0472A"/>
</svg>
"""
LESSONS = """
Beste leden,

Een korte inleiding.

## 1. De eerste les

> Wie elkaar kent, vindt elkaar.

Tekst van de eerste les.

## 2. De tweede les

Tekst van de tweede les.

---

Tot ziens.
"""


def project(tmp_path: Path, front: str, files: dict[str, bytes | str] | None = None) -> Path:
    folder = tmp_path / "project"
    (folder / "content" / "images").mkdir(parents=True)
    shutil.copytree(LAYOUTS, folder / "layouts")
    for name, data in (files or {}).items():
        target = folder / "content" / name
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    text = "---\n" + textwrap.dedent(front).strip() + "\n---\n" + LESSONS
    (folder / "content" / "brief.md").write_text(text, encoding="utf-8")
    return folder


def png_logo(width: int = 300, height: int = 150) -> bytes:
    from io import BytesIO
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (30, 42, 50)).save(buffer, "PNG")
    return buffer.getvalue()


FRONT = """
title: Proef
organisation: Wijkteam Test
date: 2026-01-15
signatories: [An, Bo]
"""


def images_on(page) -> list[str]:
    """The names of the images and drawings (form XObjects) a page shows, nested ones
    included."""
    found = []

    def walk(resources):
        xobjects = (resources or {}).get("/XObject") or {}
        for name, ref in xobjects.items():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append(name)
            elif xobject.get("/Subtype") == "/Form":
                found.append(name)
                walk(xobject.get("/Resources"))
    walk(page.get("/Resources"))
    return found


def logo_shapes(slide):
    return [shape for shape in slide.shapes if shape.name == "Logo"]


@pytest.mark.slow
@pytest.mark.parametrize("logo", ["logo.png", "logo.svg", "illustrator.svg", "points.svg"])
def test_the_logo_is_on_both_covers_and_on_the_title_and_closing_slides(tmp_path, logo):
    # Illustrator writes a DOCTYPE that names SVG's DTD: harmless, as it is never loaded;
    # other programs write the size in points, which the slides' renderer did not take
    data = {"logo.png": png_logo(), "logo.svg": SVG_LOGO,
            "illustrator.svg": '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC '
            '"-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
            + SVG_LOGO,
            "points.svg": SVG_LOGO.replace('viewBox=', 'width="200pt" height="100pt" viewBox=')
            }[logo]
    folder = project(tmp_path, FRONT + f"logo: images/{logo}\n", {f"images/{logo}": data})
    result = run_project(folder, "content/brief.md")
    assert result.returncode == 0, result.stderr
    assert "logo" not in result.stderr
    reader = PdfReader(folder / "output" / "brief.pdf")
    for page in (reader.pages[0], reader.pages[-1]):
        if logo.endswith(".png"):
            assert images_on(page)
        else:  # WeasyPrint draws an SVG into the page: its own colour is there
            assert b"0.070588 0.203922 0.337255 rg" in page.get_contents().get_data()

    deck = Presentation(folder / "output" / "brief.pptx")
    slides = list(deck.slides)
    assert [len(logo_shapes(slide)) for slide in slides] == [1] + [0] * (len(slides) - 2) + [1]
    for slide in (slides[0], slides[-1]):
        (shape,) = logo_shapes(slide)
        assert abs(shape.width / shape.height - 2.0) < 0.02  # its own proportions
        assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
        assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height
        assert Emu(shape.height).mm == pytest.approx(22, abs=0.5)  # the theme's height
        for other in slide.shapes:  # it covers no text
            if other is shape or not (other.has_text_frame and other.text_frame.text.strip()):
                continue
            apart = (shape.left + shape.width <= other.left or other.left + other.width <= shape.left
                     or shape.top + shape.height <= other.top
                     or other.top + other.height <= shape.top)
            assert apart, other.name


WHITE_SVG_LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
  <circle cx="50" cy="50" r="40" fill="#FFFFFF"/><rect x="100" y="20" width="90" height="60"
  fill="#F2F2F2"/></svg>
"""


def see_through_logo(colour: tuple[int, int, int], kind: str = "PNG") -> bytes:
    """A logo drawn in ``colour`` on a see-through ground (a JPEG has no see-through:
    the ground is that colour's opposite, its own background)."""
    from io import BytesIO
    picture = PILImage.new("RGBA", (300, 150), (0, 0, 0, 0))
    picture.paste((*colour, 255), (40, 30, 260, 120))
    if kind == "JPEG":
        ground = PILImage.new("RGB", picture.size, tuple(255 - c for c in colour))
        ground.paste(picture, mask=picture)
        picture = ground
    buffer = BytesIO()
    picture.save(buffer, kind)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "hidden"), [
    ("wit.svg", WHITE_SVG_LOGO, True),
    ("wit.png", see_through_logo((255, 255, 255)), True),
    ("lichtgeel.png", see_through_logo((255, 250, 225)), True),
    ("wit.jpg", see_through_logo((255, 255, 255), "JPEG"), False),  # on its own dark ground
    ("donker.png", see_through_logo((30, 42, 50)), False),
    ("donker.svg", SVG_LOGO, False),
])
@pytest.mark.slow
def test_a_logo_that_hardly_shows_on_the_paper_and_the_slides_is_named(tmp_path, name, data,
                                                                      hidden):
    # A logo drawn in white for dark backgrounds disappears on the white covers and
    # slides; before, nothing said so. --check says what the build says.
    folder = project(tmp_path, FRONT + f"logo: images/{name}\n", {f"images/{name}": data})
    result = run_project(folder, "--check", "content/brief.md")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "logo" in line]
    if not hidden:
        assert lines == []
        return
    assert [line.split(": warning: ")[0] for line in lines] == ["content/brief.md:6"] * 3
    assert "white paper of the booklet's covers and the web page" in lines[0]
    assert "light background of the title slide" in lines[1]
    assert "light background of the closing slide" in lines[2]
    assert all("use the organisation's logo made for light backgrounds" in line
               for line in lines)


@pytest.mark.slow
def test_a_light_logo_goes_where_the_template_is_dark(tmp_path):
    # On a template with a dark band down its left side, the white logo stands on the
    # band (where it shows) rather than in the first free corner (top right, on white,
    # where it did not), and no warning is given for it.
    from lxml import etree
    from pptx import Presentation as NewPresentation
    prs = NewPresentation()
    block = etree.fromstring(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
        '<p:cNvPr id="901" name="Blok"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="0" y="0"/><a:ext cx="{prs.slide_width // 3}" cy="{prs.slide_height}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>'
        '<a:srgbClr val="1E2A32"/></a:solidFill></p:spPr></p:sp>')
    prs.slide_masters[0].shapes._spTree.insert(2, block)  # behind the master's boxes
    template = tmp_path / "huisstijl.pptx"
    prs.save(template)
    folder = project(tmp_path, FRONT + "logo: images/wit.png\ndeck:\n  template: huisstijl.pptx\n",
                     {"images/wit.png": see_through_logo((255, 255, 255)),
                      "huisstijl.pptx": template.read_bytes()})
    result = run_project(folder, "content/brief.md", "--only", "deck")
    assert result.returncode == 0, result.stderr
    assert "slide to be seen" not in result.stderr
    deck = Presentation(folder / "output" / "brief.pptx")
    slides = list(deck.slides)
    for slide in (slides[0], slides[-1]):
        (shape,) = logo_shapes(slide)
        assert shape.left + shape.width <= deck.slide_width // 3


@pytest.mark.slow
def test_cover_image_and_no_credit_line(tmp_path):
    folder = project(tmp_path, FRONT + "cover-image: images/buurt.png\nmade-with: false\n",
                     {"images/buurt.png": png_logo(800, 500)})
    result = run_project(folder, "content/brief.md", "--only", "booklet")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(folder / "output" / "brief.pdf")
    assert images_on(reader.pages[0])
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Gemaakt met tweeluik" not in text
    assert "Wijkteam Test" in reader.pages[0].extract_text()


@pytest.mark.slow
def test_the_credit_line_is_there_by_default(tmp_path):
    folder = project(tmp_path, FRONT)
    result = run_project(folder, "content/brief.md", "--only", "booklet")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(folder / "output" / "brief.pdf")
    assert "Gemaakt met tweeluik" in reader.pages[1].extract_text()
    assert not images_on(reader.pages[0]) and not images_on(reader.pages[-1])  # no logo


# A 1 KB drawing that stands for 10⁸ squares: each group repeats the one before ten times.
USE_BOMB = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'viewBox="0 0 10 10"><defs><rect id="a0" width="1" height="1"/>'
            + "".join(f'<g id="a{i}">' + f'<use xlink:href="#a{i - 1}"/>' * 10 + "</g>" for i in range(1, 9))
            + '</defs><use xlink:href="#a8"/></svg>')


@pytest.mark.parametrize(("svg", "complaint"), [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="https://example.org/x.png"/></svg>',
     "holds a <image>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
     '<use xlink:href="other.svg#a"/></svg>', "refers to another file or address (other.svg#a)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>',
     "holds a <script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>@import url(x.css);</style></svg>',
     "loads something from a stylesheet"),
    ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" '
     'viewBox="0 0 10 10"><text>&a;</text></svg>', "declares entities"),
    (USE_BOMB, "stands for more than 50,000 shapes once its clones (<use>) are counted"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
     'viewBox="0 0 10 10"><g id="a"><use xlink:href="#a"/></g></svg>', "a clone (<use>) that repeats itself"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' + "<g>" * 250
     + '<rect width="5" height="5"/>' + "</g>" * 250 + "</svg>", "groups nested more than 48 deep"),
    (gzip.compress(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>', mtime=0),
     "is a compressed SVG (SVGZ)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><filter id="f"><feMorphology '
     'radius="100000"/></filter><rect width="5" height="5" filter="url(#f)"/></svg>',
     "a filter that thickens or thins shapes by 100000 (at most 2 in a drawing this size)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><filter id="f"><feTurbulence '
     'numOctaves="100000"/></filter><rect width="5" height="5" filter="url(#f)"/></svg>',
     "a noise filter of 100,000 octaves (at most 10)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>caf\xe9</title></svg>'.encode("latin-1"),
     "is not saved as UTF-8"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>', "has no size"),
    ("<svg", "is not an SVG drawing tweeluik can read"),
])
@pytest.mark.slow
def test_a_logo_that_needs_more_than_itself_is_refused_at_its_line(tmp_path, svg, complaint):
    folder = project(tmp_path, FRONT + "logo: images/logo.svg\n", {"images/logo.svg": svg})
    result = run_project(folder, "--check", "content/brief.md")
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("content/brief.md:6: ") and complaint in line, line


@pytest.mark.slow
def test_a_logo_outside_the_content_folder_is_refused(tmp_path):
    folder = project(tmp_path, FRONT + "logo: ../layouts/fonts/Carlito-Bold.ttf\n")
    result = run_project(folder, "--check", "content/brief.md")
    assert result.returncode == 2
    assert "content/brief.md:6: the image '../layouts/fonts/Carlito-Bold.ttf' lies " \
        "outside the content folder" in result.stderr


# --- the PDFs as a print shop receives them -------------------------------------------


@pytest.mark.slow
def test_print_shop_pdf_has_an_output_intent_black_text_and_the_right_version(sample_build):
    reader = PdfReader(sample_build.print_shop)
    root = reader.trailer["/Root"]
    (intent,) = root["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile
    ink = b"0.117647 0.164706 0.196078 rg"  # the theme's ink as RGB in the screen PDF
    screen = b"".join(page.get_contents().get_data() for page in PdfReader(sample_build.booklet).pages)
    press = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert ink in screen and ink not in press
    assert press.count(b"0 0 0 1 k") == screen.count(ink)


@pytest.mark.slow
def test_every_pdf_declares_1_7_and_opens_with_its_bookmarks(sample_build):
    for path in (sample_build.booklet, sample_build.print_shop, sample_build.a4):
        assert path.read_bytes()[:8] == b"%PDF-1.7", path.name
        reader = PdfReader(path)
        assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines", path.name
        titles = [item.title for item in reader.outline if not isinstance(item, list)]
        assert titles[0] == "Inleiding" and len(titles) >= 3, path.name


@pytest.mark.slow
def test_office_pdf_bookmarks_lead_to_the_side_that_holds_the_page(sample_build):
    from tweeluik.booklet.variants import saddle_stitch_order
    booklet, office = PdfReader(sample_build.booklet), PdfReader(sample_build.a4)
    sides = saddle_stitch_order(len(booklet.pages))
    for mine, theirs in zip(booklet.outline, office.outline, strict=True):
        if isinstance(mine, list):
            continue
        page = booklet.get_destination_page_number(mine) + 1
        side = office.get_destination_page_number(theirs)
        assert page in sides[side], (mine.title, page, sides[side])


# --- the covers with and without each optional setting -----------------------------------

MM = 72 / 25.4  # points in a millimetre


def ink_box(png: Path) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom, in pixels) around everything drawn on a page."""
    image = PILImage.open(png).convert("L")
    return image.point(lambda value: 255 if value < 235 else 0).getbbox()


@pytest.mark.slow
def test_all_sixteen_covers_stay_inside_their_margins(tmp_path):
    """With and without an organisation, a subtitle, a date and a logo: on the front and
    back cover everything stays inside the page's margins (so nothing reaches the
    TrimBox of the print-shop file), and the cover still says how many lessons there
    are. Without organisation and logo the title's top margin once collapsed through
    the cover, pushing the discs and the lesson count off the page."""
    pdftoppm = need_tool("pdftoppm")
    pdftotext = need_tool("pdftotext")
    folder = project(tmp_path, "title: leeg", {"images/logo.svg": SVG_LOGO})
    (folder / "content" / "brief.md").unlink()
    settings = {"organisation": "organisation: Wijkteam Zuidkant",
                "subtitle": "subtitle: Jaarbrief van de wijkteams",
                "date": "date: 2026-12-12", "logo": "logo: images/logo.svg"}
    names = []
    for number in range(16):
        chosen = [line for bit, line in enumerate(settings.values()) if number >> bit & 1]
        front = "\n".join(["title: Wat de wijk ons leerde", *chosen])
        name = f"omslag-{number:02d}"
        (folder / "content" / f"{name}.md").write_text(f"---\n{front}\n---\n{LESSONS}",
                                                       encoding="utf-8")
        names.append(name)
    result = run_project(folder, "--only", "booklet", "--quiet")
    assert result.returncode == 0, result.stderr
    dpi = 50
    px = dpi / 25.4  # pixels in a millimetre
    for name in names:
        pdf = folder / "output" / f"{name}.pdf"
        pages = len(PdfReader(pdf).pages)
        for page, margins in ((1, (17, 18, 17, 17)), (pages, (17, 18, 17, 17))):
            stem = tmp_path / f"{name}-{page}"
            subprocess.run([pdftoppm, "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                            "-l", str(page), str(pdf), str(stem)], check=True)
            image = PILImage.open(f"{stem}.png")
            box = ink_box(Path(f"{stem}.png"))
            assert box is not None, f"{name}: page {page} is empty"
            left, top, right, bottom = margins
            tolerance = 1.5 * px
            assert box[0] >= left * px - tolerance and box[1] >= top * px - tolerance \
                and box[2] <= image.width - right * px + tolerance \
                and box[3] <= image.height - bottom * px + tolerance, \
                f"{name}: page {page} draws outside its margins: {box} on {image.size}"
        text = subprocess.run([pdftotext, "-f", "1", "-l", "1", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "2 lessen" in text, f"{name}: the cover lost its lesson count"


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom in points, word) of every word on ``page``."""
    out = subprocess.run([need_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page),
                          str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(x0), float(y0), float(x1), float(y1), word) for x0, y0, x1, y1, word
            in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                          r'yMax="([\d.]+)">(.*?)</word>', out)]


def _green_rows(pdf: Path, dpi: int) -> tuple[float, float] | None:
    """The top and bottom (in points) of the pure green on the first page."""
    stem = pdf.with_suffix("")
    subprocess.run([need_tool("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", "-f", "1",
                    "-l", "1", str(pdf), str(stem)], check=True)
    image = PILImage.open(f"{stem}.png").convert("RGB")
    green = image.point(lambda value: 255 if value > 200 else 0).split()
    mask = PILImage.merge("RGB", (green[1], green[1], green[1]))
    red = image.split()[0].point(lambda value: 255 if value < 60 else 0)
    box = PILImage.composite(mask, PILImage.new("RGB", image.size), red).getbbox()
    return None if box is None else (box[1] * 72 / dpi, box[3] * 72 / dpi)


@pytest.mark.slow
def test_a_long_title_a_logo_a_picture_and_many_lessons_never_run_into_the_cover_foot(
        tmp_path):
    """The cover's foot (date, a disc per lesson, the count) stays below the title,
    subtitle and picture, whatever else the cover holds: the picture takes the room
    left (it once ran over the date with a logo and a two-line subtitle), which is
    never a mere strip because the front shows no discs beside a picture; and beyond
    two rows of discs there are none (a hundred lessons once covered the title)."""
    folder = project(tmp_path, "title: leeg", {"images/logo.svg": SVG_LOGO})
    (folder / "content" / "brief.md").unlink()
    from io import BytesIO
    buffer = BytesIO()
    PILImage.new("RGB", (800, 500), (0, 255, 0)).save(buffer, "PNG")
    (folder / "content" / "images" / "plein.png").write_bytes(buffer.getvalue())
    covers = {"logo-picture-12": (True, True, 12), "picture-5": (False, True, 5),
              "logo-20": (True, False, 20), "plain-21": (False, False, 21)}
    for name, (logo, picture, lessons) in covers.items():
        front = ["title: Wat de wijk ons dit lange jaar allemaal heeft geleerd",
                 "subtitle: Jaarbrief van de wijkteams in de gemeente, met dank aan alle "
                 "vrijwilligers", "organisation: Wijkteam Zuidkant", "date: 2026-12-12"]
        front += ["logo: images/logo.svg"] * logo + ["cover-image: images/plein.png"] * picture
        body = "".join(f"\n## {n}. Les {n}\n\nTekst van les {n}.\n" for n in range(1, lessons + 1))
        (folder / "content" / f"{name}.md").write_text(
            "---\n" + "\n".join(front) + "\n---\n\nBeste leden,\n" + body, encoding="utf-8")
    result = run_project(folder, "--only", "booklet", "--quiet")
    assert result.returncode == 0, result.stderr
    for name, (_, picture, lessons) in covers.items():
        pdf = folder / "output" / f"{name}.pdf"
        words = _words(pdf, 1)
        date = next(word for word in words if word[4] == "december")
        above = [word for word in words if word[3] <= date[1]]
        below = [word for word in words if word[1] >= date[1]]
        assert len(above) + len(below) == len(words), f"{name}: words overlap the foot"
        assert {"geleerd", "vrijwilligers"} <= {word[4] for word in above}, name
        assert f"{lessons} lessen" in " ".join(word[4] for word in below), name
        count = next(word for word in below if word[4] == "lessen")
        discs = [word for word in below if word[4].isdigit() and word[1] >= date[3]
                 and word[3] <= count[1]]
        if lessons > 20 or picture:
            assert not discs, f"{name}: {len(discs)} discs drawn"
        else:
            assert len(discs) >= lessons, f"{name}: the discs are missing"
            assert max(word[3] for word in words) < 210 * 72 / 25.4 - 17 * MM, \
                f"{name}: the foot runs off the page"
        if picture:
            rows = _green_rows(pdf, 50)
            assert rows is not None, f"{name}: the picture is missing"
            subtitle = next(word for word in words if word[4] == "vrijwilligers")
            assert subtitle[3] <= rows[0] and rows[1] <= date[1] - 2 * MM, \
                f"{name}: the picture {rows} runs into the text (date at {date[1]})"
            assert rows[1] - rows[0] >= 30 * MM, f"{name}: the picture is a mere strip"


@pytest.mark.slow
def test_a_cover_with_no_date_and_no_lessons_draws_no_empty_foot(tmp_path):
    """A letter without a date or lessons (a club's notice) had a hairline at the foot of
    its cover with nothing under it."""
    folder = project(tmp_path, "title: Koekjes")
    (folder / "content" / "brief.md").write_text(
        "---\ntitle: Koekjes voor de club\n---\n\nBeste leden,\n\nWe verkopen koekjes.\n",
        encoding="utf-8")
    result = run_project(folder, "--only", "booklet", "--quiet")
    assert result.returncode == 0, result.stderr
    stem = tmp_path / "cover"
    subprocess.run([need_tool("pdftoppm"), "-r", "50", "-png", "-singlefile", "-f", "1", "-l",
                    "1", str(folder / "output" / "brief.pdf"), str(stem)], check=True)
    box = ink_box(Path(f"{stem}.png"))
    height = PILImage.open(f"{stem}.png").height
    assert box is not None and box[3] < height / 2, f"ink down to {box} on a page {height} high"


@pytest.mark.slow
def test_a_list_items_second_paragraph_is_not_indented(tmp_path):
    """A list item's further paragraph (a task's explanation) starts under its first
    paragraph's text, like its own second line: running text's first-line indent once
    won over the list's rule in a lesson and the introduction."""
    folder = project(tmp_path, "title: Taken")
    (folder / "content" / "brief.md").write_text(
        "---\ntitle: Taken\n---\n\nBeste leden,\n\n- Zwemmertjes verzamelen bij de kantine.\n\n"
        "  Vertrekkers om half vijf bij de ingang.\n\n## 1. Opruimen\n\nVoor iedereen.\n\n"
        "- Stoelen stapelen in de berging.\n\n  Tafels schoon en ingeklapt.\n",
        encoding="utf-8")
    result = run_project(folder, "--only", "booklet", "--quiet")
    assert result.returncode == 0, result.stderr
    pdf = folder / "output" / "brief.pdf"
    pages = len(PdfReader(pdf).pages)
    words = [word for page in range(1, pages + 1) for word in _words(pdf, page)]
    for first, second in (("Zwemmertjes", "Vertrekkers"), ("Stoelen", "Tafels")):
        left = {word[4]: word[0] for word in words}
        assert abs(left[first] - left[second]) < 0.5, (first, left[first], left[second])
