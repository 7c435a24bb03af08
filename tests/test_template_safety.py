"""A slide template may come from anyone: one that is damaged, declares entities, names
parts it does not hold, has an impossible slide size or far too many shapes is refused
in one line that names the part and says what to do, within seconds, before python-pptx
reads it."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest

from .conftest import LAYOUTS, run_project, write_source

pytestmark = pytest.mark.slow

BASE = LAYOUTS / "deck" / "default.pptx"
LAYOUT = "ppt/slideLayouts/slideLayout2.xml"
THEME = "ppt/theme/theme1.xml"
PLAIN_BOX = ('<p:sp><p:nvSpPr><p:cNvPr id="{i}" name="Vorm {i}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
             '<p:spPr><a:xfrm><a:off x="{x}" y="0"/><a:ext cx="100" cy="100"/></a:xfrm>'
             '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>')
TEXT_BOX = ('<p:sp><p:nvSpPr><p:cNvPr id="{i}" name="Tekst {i}"/><p:cNvSpPr/><p:nvPr>'
            '<p:ph type="body" idx="{i}"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="0"/>'
            '<a:ext cx="10000" cy="10000"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:p/></p:txBody></p:sp>')


def with_doctype(declarations: str, reference: str):
    def edit(parts: dict[str, bytes]) -> None:
        text = re.sub(r"^<\?xml[^>]*\?>", "", parts[THEME].decode("utf-8"))
        text = text.replace('name="', f'name="{reference}', 1)
        parts[THEME] = f'<?xml version="1.0"?><!DOCTYPE a:theme [{declarations}]>{text}'.encode()
    return edit


def with_shapes(box: str, count: int):
    def edit(parts: dict[str, bytes]) -> None:
        shapes = "".join(box.format(i=1000 + i, x=i * 100) for i in range(count))
        parts[LAYOUT] = parts[LAYOUT].replace(b"</p:spTree>", shapes.encode() + b"</p:spTree>", 1)
    return edit


def without(part: str):
    def edit(parts: dict[str, bytes]) -> None:
        del parts[part]
    return edit


def slide_size(width: str, height: str):
    def edit(parts: dict[str, bytes]) -> None:
        parts["ppt/presentation.xml"] = re.sub(
            rb'<p:sldSz cx="\d+" cy="\d+"', f'<p:sldSz cx="{width}" cy="{height}"'.encode(),
            parts["ppt/presentation.xml"])
    return edit


def cut_off(part: str):
    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = parts[part][: len(parts[part]) // 2]
    return edit


LAUGHS = '<!ENTITY a0 "ha">' + "".join(
    f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, 10))

CASES = {
    "an entity that reads a file of this computer": (
        with_doctype('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),
        "its part ppt/theme/theme1.xml declares a DOCTYPE, which PowerPoint never writes"),
    "an entity that stands for 10⁹ words": (
        with_doctype(LAUGHS, "&a9;"), "its part ppt/theme/theme1.xml declares a DOCTYPE"),
    "a master naming a layout that is not there": (
        without("ppt/slideLayouts/slideLayout3.xml"),
        "is damaged (ppt/slideMasters/_rels/slideMaster1.xml.rels names "
        "ppt/slideLayouts/slideLayout3.xml, which is not in the file)"),
    "a part cut off halfway": (
        cut_off("ppt/slideMasters/slideMaster1.xml"),
        "is damaged (its part ppt/slideMasters/slideMaster1.xml cannot be read)"),
    "a slide of 0 × 0": (slide_size("0", "0"), "has a slide size of 0 × 0 cm"),
    "a slide size that is no number": (slide_size("groot", "1"), "its slide size is not a number"),
    "20,000 shapes on a layout": (
        with_shapes(PLAIN_BOX, 20_000), "with 20,004 shapes and 3 placeholders; tweeluik reads "
        "at most 1,000 shapes and 100 placeholders on one layout"),
    "3,000 placeholders on a layout": (with_shapes(TEXT_BOX, 3_000), "and 3,003 placeholders"),
}


def make_template(path: Path, edit) -> None:
    with zipfile.ZipFile(BASE) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    edit(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def run_with_template(tmp_path: Path, edit, *options: str):
    """Build (or check) a one-lesson publication on our default template changed by
    ``edit``, in a project of its own."""
    (tmp_path / "content").mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    make_template(tmp_path / "content" / "huisstijl.pptx", edit)
    source = write_source(tmp_path / "content", "## 1. Les\n\nTekst.\n",
                          front="title: Proef\ndeck:\n  template: huisstijl.pptx\n")
    return run_project(tmp_path, *options, str(source))


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_or_damaged_template_is_one_line(tmp_path, case):
    edit, words = CASES[case]
    (tmp_path / "content").mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    make_template(tmp_path / "content" / "huisstijl.pptx", edit)
    source = write_source(tmp_path / "content", "## 1. Les\n\nTekst.\n",
                          front="title: Proef\ndeck:\n  template: huisstijl.pptx\n")
    started = time.monotonic()
    result = run_project(tmp_path, "--check", str(source))
    assert time.monotonic() - started < 30
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("content/pub.md:3: the slide template 'huisstijl.pptx' "), line
    assert words in line, line
    assert "root:" not in line  # nothing of /etc/passwd was read


def with_a_trace_of_a_missing_part(parts: dict[str, bytes]) -> None:
    """What PowerPoint leaves: a relationship to revision information that is not in the
    file and that nothing refers to."""
    rels = "ppt/_rels/presentation.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", (
        b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2015/10/'
        b'relationships/revisionInfo" Target="revisionInfo.xml"/></Relationships>'))


def test_a_relationship_to_a_missing_part_nothing_refers_to_is_left_out(tmp_path):
    result = run_with_template(tmp_path, with_a_trace_of_a_missing_part, "--only", "deck")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def with_missing_pictures(parts: dict[str, bytes]) -> None:
    """As a real organisation's template has it: a layout's background and a picture
    shape whose relationship names 'NULL', a file that is not in the package."""
    rels = LAYOUT.replace("slideLayouts/", "slideLayouts/_rels/") + ".rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", (
        b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/image" Target="NULL"/></Relationships>'))
    background = (b'<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId98"/><a:stretch>'
                  b'<a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>')
    picture = (b'<p:pic><p:nvPicPr><p:cNvPr id="990" name="Foto"/><p:cNvPicPr/><p:nvPr/>'
               b'</p:nvPicPr><p:blipFill><a:blip r:embed="rId98"/><a:stretch><a:fillRect/>'
               b'</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/>'
               b'<a:ext cx="100000" cy="100000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
               b'</a:prstGeom></p:spPr></p:pic></p:spTree>')
    layout = parts[LAYOUT].replace(b"<p:spTree>", background + b"<p:spTree>", 1)
    parts[LAYOUT] = layout.replace(b"</p:spTree>", picture, 1)


def test_pictures_a_template_names_but_does_not_hold_are_left_out(tmp_path):
    # A real company template (saved by another program) names 'NULL' for a layout's
    # background picture; it was refused as damaged, although PowerPoint opens it.
    result = run_with_template(tmp_path, with_missing_pictures, "--only", "deck")
    assert result.returncode == 0, result.stderr
    assert "2 pictures that the template names but does not hold; tweeluik removed them" \
        in result.stderr
    with zipfile.ZipFile(tmp_path / "output" / "pub.pptx") as deck:
        texts = {name: deck.read(name) for name in deck.namelist() if name.endswith(".rels")}
    assert not any(b'Target="NULL"' in data for data in texts.values())


def test_a_template_at_the_shape_limit_is_read(tmp_path):
    result = run_with_template(tmp_path, with_shapes(PLAIN_BOX, 996), "--check")
    assert result.returncode == 0, result.stderr


def test_pictures_past_the_pixel_budget_count_as_unknown_and_are_not_decoded():
    """Many layouts, each with its own huge background picture, would take minutes to
    look at; past the budget a picture counts as unknown (its text colour is left as
    the template sets it), so reading the template stays bounded."""
    import io
    from types import SimpleNamespace

    from PIL import Image

    from tweeluik.deck.backdrop import PictureColours
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 4000), (20, 40, 60)).save(buffer, "PNG", compress_level=1)
    pictures = PictureColours()
    parts = [SimpleNamespace(partname=f"/ppt/media/image{n}.png", blob=buffer.getvalue())
             for n in range(40)]
    seen = [pictures.mean_behind(part, (0, 0, 100, 100), (10, 10, 20, 20)) for part in parts]
    budget = PictureColours.BUDGET_PIXELS // (4000 * 4000)
    assert all(found is not None and found[0] == "#14283C" for found in seen[:budget])
    assert all(found is None for found in seen[budget:])
