"""Make the default slide template, layouts/deck/default.pptx, from layouts/theme.toml.

Run it after changing the slide geometry below:  .venv/bin/python tools/make_deck_template.py
The template holds the master, the five named layouts tweeluik uses, and no slides.
Colours and fonts are written in again from the theme at every build, so a change in
theme.toml needs no new template; a change of geometry does.
"""

from __future__ import annotations

import datetime as dt
import sys
from io import BytesIO
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import nsdecls, qn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tweeluik.deck.package_parts import normalise_zip  # noqa: E402
from tweeluik.deck.pptx_writer import apply_theme_colours_and_fonts  # noqa: E402
from tweeluik.theme import load_theme  # noqa: E402

EMU = 914400  # per inch
SLIDE = (13.333, 7.5)
SLIDE_NUMBER = (11.55, 6.85, 1.0, 0.4)

# Placeholder text styles: (latin typeface, theme [deck] size, bold, italic, scheme colour,
# caps). The size written into a layout is the theme's largest size for that text.
SANS, SERIF = "+mj-lt", "+mn-lt"
STYLE = {
    "label": (SANS, "organisation", True, False, "accent2", True),
    "title": (SANS, "title", True, False, "tx1", False),
    "lesson_title": (SANS, "lesson_title", True, False, "tx1", False),
    "subtitle": (SERIF, "subtitle", False, True, "accent2", False),
    "date": (SANS, "date", False, False, "accent2", False),
    "agenda_label": (SANS, "agenda_title", True, False, "accent1", True),
    "agenda": (SANS, "agenda", False, False, "tx1", False),
    "number": (SANS, "number", True, False, "accent1", False),
    "message": (SERIF, "key_message", False, True, "tx1", False),
    "closing": (SERIF, "closing", False, True, "tx1", False),
    "names": (SANS, "signatories", False, False, "accent2", False),
}

# Each layout: name, layout type, placeholders and decorations.
# Placeholder: (name, ph type, idx, (x, y, w, h) in inches, style, anchor, prompt)
# Decoration: ("rect", name, (x, y, w, h), scheme colour)
LAYOUTS = [
    ("Title Slide", "title", [
        ("Organisation", "body", 13, (0.8, 0.65, 9.6, 0.5), "label", "t", "Organisatie"),  # the logo goes right of it
        ("Title", "ctrTitle", 0, (0.8, 1.75, 11.4, 2.95), "title", "b", "Titel"),
        ("rect", "Accent bar", (0.8, 4.93, 1.3, 0.09), "accent1"),
        ("Subtitle", "subTitle", 1, (0.8, 5.2, 11.4, 1.0), "subtitle", "t", "Ondertitel"),
        ("Date", "body", 14, (0.8, 6.4, 8.0, 0.5), "date", "t", "Datum"),
    ]),
    ("Agenda", "cust", [
        ("Title", "title", 0, (0.8, 0.65, 11.7, 0.5), "agenda_label", "t", "Vandaag"),
        ("rect", "Rule", (0.8, 1.3, 11.7, 0.014), "accent3"),
        ("Body", "body", 13, (0.8, 1.6, 11.7, 5.1), "agenda", "t", "Lessen"),
    ]),
    ("Lesson", "cust", [
        ("Number", "body", 13, (0.65, 0.5, 2.45, 2.1), "number", "t", "1"),
        ("Title", "title", 0, (3.3, 0.55, 9.3, 1.95), "lesson_title", "b", "Titel van de les"),
        ("rect", "Rule", (3.3, 2.68, 9.3, 0.022), "tx1"),
        ("Key message", "body", 14, (3.3, 2.95, 9.3, 3.75), "message", "t", "Kernboodschap"),
    ]),
    ("Lesson with Picture", "cust", [
        ("Number", "body", 13, (0.65, 0.5, 2.45, 2.1), "number", "t", "1"),
        ("Title", "title", 0, (3.3, 0.55, 9.3, 1.95), "lesson_title", "b", "Titel van de les"),
        ("rect", "Rule", (3.3, 2.68, 9.3, 0.022), "tx1"),
        ("Key message", "body", 14, (3.3, 2.95, 4.7, 3.75), "message", "t", "Kernboodschap"),
        ("Picture", "pic", 15, (8.25, 2.95, 4.35, 3.75), "names", "t", "Afbeelding"),
    ]),
    ("Closing", "cust", [
        ("rect", "Accent bar", (0.8, 1.05, 1.3, 0.09), "accent1"),
        ("Title", "title", 0, (0.8, 1.3, 11.7, 1.0), "lesson_title", "t", "Tot slot"),
        ("Body", "body", 13, (0.8, 2.45, 11.7, 2.9), "closing", "t", "Slotwoorden"),
        ("Signatories", "body", 14, (0.8, 5.65, 11.7, 1.05), "names", "t", "Namen"),
    ]),
]


def emu(value: float) -> int:
    return int(round(value * EMU))


def xfrm(box) -> str:
    x, y, w, h = box
    return (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>')


def placeholder_xml(theme, shape_id: int, name: str, kind: str, idx: int, box, style: str,
                    anchor: str, prompt: str) -> str:
    face, size_key, bold, italic, colour, caps = STYLE[style]
    size = round(theme.deck[size_key][0])
    attrs = f'sz="{size * 100}" b="{int(bold)}" i="{int(italic)}"' + (' cap="all"' if caps else "")
    size_attr = "" if kind in ("title", "ctrTitle", "subTitle") else ' sz="quarter"'
    ph = f'<p:ph type="{kind}"{size_attr} idx="{idx}"/>' if idx else f'<p:ph type="{kind}"/>'
    return (
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
        f'<p:spPr>{xfrm(box)}</p:spPr>'
        f'<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        f'anchor="{anchor}"><a:noAutofit/></a:bodyPr>'
        f'<a:lstStyle><a:lvl1pPr marL="0" indent="0" algn="l">'
        f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef>'
        f'<a:buNone/><a:defRPr {attrs}><a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>'
        f'<a:latin typeface="{face}"/></a:defRPr></a:lvl1pPr></a:lstStyle>'
        f'<a:p><a:r><a:rPr lang="nl-NL"/><a:t>{prompt}</a:t></a:r></a:p></p:txBody></p:sp>'
    )


def slide_number_xml(theme, shape_id: int) -> str:
    size = round(theme.deck["slide_number"][0]) * 100
    return (
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Slide Number"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldNum" sz="quarter" '
        f'idx="12"/></p:nvPr></p:nvSpPr><p:spPr>{xfrm(SLIDE_NUMBER)}</p:spPr>'
        f'<p:txBody><a:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:noAutofit/>'
        f'</a:bodyPr><a:lstStyle><a:lvl1pPr algn="r"><a:defRPr sz="{size}" b="1">'
        f'<a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:latin typeface="+mj-lt"/>'
        f'</a:defRPr></a:lvl1pPr></a:lstStyle><a:p><a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" '
        f'type="slidenum"><a:rPr lang="nl-NL"/><a:t>‹#›</a:t></a:fld></a:p></p:txBody></p:sp>'
    )


def decoration_xml(shape_id: int, name: str, box, colour: str) -> str:
    return (
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(box)}'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f'</p:spPr></p:sp>'
    )


def rebuild_layout(theme, layout, name: str, kind: str, shapes) -> None:
    element = layout._element
    element.set("type", kind)
    element.set("preserve", "1")
    c_sld = element.find(qn("p:cSld"))
    c_sld.set("name", name)
    tree = c_sld.find(qn("p:spTree"))
    for child in list(tree)[2:]:  # keep nvGrpSpPr and grpSpPr
        tree.remove(child)
    for shape_id, shape in enumerate(shapes, start=2):
        if shape[0] == "rect":
            xml = decoration_xml(shape_id, shape[1], shape[2], shape[3])
        else:
            xml = placeholder_xml(theme, shape_id, *shape)
        tree.append(etree.fromstring(xml))
    tree.append(etree.fromstring(slide_number_xml(theme, len(shapes) + 2)))


def rebuild_master(master) -> None:
    """Put the master's own placeholders on the 16:9 grid."""
    boxes = {"title": (0.8, 0.55, 11.7, 1.3), "body": (0.8, 2.0, 11.7, 4.6),
             "dt": (0.8, 6.85, 3.0, 0.4), "ftr": (4.3, 6.85, 4.7, 0.4), "sldNum": SLIDE_NUMBER}
    for shape in master.placeholders:
        kind = shape._element.ph.get("type") or "body"
        if kind in boxes:
            x, y, w, h = boxes[kind]
            shape.left, shape.top, shape.width, shape.height = emu(x), emu(y), emu(w), emu(h)


def make_template(theme) -> bytes:
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = 12192000, 6858000  # 16:9
    master = presentation.slide_masters[0]
    rebuild_master(master)
    layouts = list(presentation.slide_layouts)
    for layout, (name, kind, shapes) in zip(layouts, LAYOUTS):
        rebuild_layout(theme, layout, name, kind, shapes)
    for layout in layouts[len(LAYOUTS):]:
        presentation.slide_layouts.remove(layout)
    apply_theme_colours_and_fonts(presentation, theme)
    presentation.core_properties.title = "tweeluik"
    presentation.core_properties.author = "tweeluik"
    presentation.core_properties.last_modified_by = "tweeluik"
    presentation.core_properties.revision = 1
    stamp = dt.datetime(2026, 1, 1)
    presentation.core_properties.created = presentation.core_properties.modified = stamp
    out = BytesIO()
    presentation.save(out)
    return normalise_zip(out.getvalue())


def main() -> None:
    theme = load_theme(ROOT / "layouts")
    target = ROOT / "layouts" / "deck" / "default.pptx"
    target.write_bytes(make_template(theme))
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
