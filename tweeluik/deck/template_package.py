"""Open an organisation's slide template safely: the zip is checked and cleaned before
python-pptx sees it.

Step 3 of the deck writer, its first input step (``pptx_reader`` then describes what
this opens): a .pptx or .potx file → a cleaned ``Presentation`` to write into, with a
list of what was removed. A template may come from anyone, so its package is read as
hostile:

- sizes: the file, all its parts unpacked, the number of parts, of layouts, and of
  shapes and placeholders on a slide master or layout (the work of describing a
  template grows with each);
- every XML part must be well-formed and declare no DOCTYPE (Office never writes one;
  an entity in it can stand for gigabytes or for a file of this computer);
- every relationship inside the package that a part refers to must lead to a part
  that is there (one to a missing part that nothing refers to is dropped);
- the slide size must be one PowerPoint can show;
- a template (.potx) or macro file is opened as a presentation; macros and every
  external relationship (links PowerPoint would follow on opening) are removed.

What is wrong becomes one line naming the part and what to do.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree
from pptx import Presentation

from ..errors import SourceError, printable
from .template_xml import NS

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024      # the file
MAX_UNPACKED_BYTES = 50 * 1024 * 1024      # all its parts together, unpacked
MAX_PARTS = 5000
MAX_LAYOUTS = 200                          # slide layouts, over all masters
MAX_SHAPES = 1000                          # on one master or layout, groups' members counted
MAX_PLACEHOLDERS = 100                     # on one master or layout
SLIDE_SIDE_EMU = (914400, 51206400)        # 1 to 56 inches: what PowerPoint allows
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
OTHER_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
)
XML_PARTS = (".xml", ".rels", ".vml")
SHAPES = ("sp", "pic", "grpSp", "cxnSp", "graphicFrame")
_DOCTYPE = re.compile(rb"<\x00?!\x00?D\x00?O\x00?C\x00?T\x00?Y\x00?P\x00?E", re.IGNORECASE)
AGAIN = "open it in PowerPoint and save it again as .pptx"


def _fail(source: Path, line: int | None, message: str) -> SourceError:
    return SourceError(source, line, message)


def open_template(path: Path, source: Path, line: int | None):
    """Open a slide template (.pptx or .potx), checked and cleaned. Returns
    (presentation, removed)."""
    data, removed = read_package(path, source, line)
    try:
        return Presentation(BytesIO(data)), removed
    except Exception:
        raise _fail(source, line, f"'{printable(path.name)}' is not a PowerPoint file tweeluik "
                    "can open; save it from PowerPoint as .pptx or .potx (not .ppt)") from None


def read_package(path: Path, source: Path, line: int | None) -> tuple[bytes, list[str]]:
    """The template's zip, checked and cleaned; with what was removed from it."""
    name = printable(path.name)
    try:
        size = path.stat().st_size
    except OSError:
        raise _fail(source, line, f"the slide template '{name}' does not exist; put the .pptx "
                    "next to the source or fix its name") from None
    if not path.is_file():
        raise _fail(source, line, f"the slide template '{name}' is not a file")
    if size > MAX_TEMPLATE_BYTES:
        raise _fail(source, line, f"the slide template '{name}' is {size / 1024 / 1024:.0f} MB; "
                    "a template may be at most 50 MB (remove large pictures and videos from it)")
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _fail(source, line, f"'{name}' is not a PowerPoint file tweeluik can open; save "
                    "it from PowerPoint as .pptx or .potx (not .ppt)") from None
    unpacked = sum(info.file_size for info in infos)
    if len(infos) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise _fail(source, line, f"the slide template '{name}' unpacks to "
                    f"{unpacked / 1024 / 1024:.0f} MB in {len(infos)} parts; a template may "
                    "hold at most 50 MB (remove large pictures and videos from it)")
    with archive:
        try:
            parts = {info.filename: archive.read(info) for info in infos}
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise _fail(source, line, f"'{name}' is damaged (a part of it cannot be read); "
                        "save it again from PowerPoint") from None
    problem = package_problem(parts)
    if problem:
        raise _fail(source, line, f"the slide template '{name}' {problem}")
    return clean_parts(parts)


def _parse(data: bytes):
    """A part's XML, read without entities, DTDs or the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    return etree.fromstring(data, parser)


def package_problem(parts: dict[str, bytes]) -> str | None:
    """What makes the package unsafe, damaged or too costly to read, or ``None``."""
    layouts = 0
    for part, data in parts.items():
        if not part.endswith(XML_PARTS):
            continue
        if _DOCTYPE.search(data):  # anywhere: comments may stand before it
            return (f"is not a plain PowerPoint file: its part {printable(part)} declares a "
                    f"DOCTYPE, which PowerPoint never writes; {AGAIN}")
        try:
            root = _parse(data)
        except (etree.XMLSyntaxError, ValueError):
            return f"is damaged (its part {printable(part)} cannot be read); {AGAIN}"
        if part.endswith(".rels"):
            missing = _missing_target(part, root, parts)
            if missing:
                return (f"is damaged ({printable(part)} names {printable(missing)}, which is "
                        f"not in the file); {AGAIN}")
        elif part.startswith(("ppt/slideLayouts/", "ppt/slideMasters/")):
            layouts += part.startswith("ppt/slideLayouts/")
            shapes = sum(1 for element in root.iter(*(f"{{{NS['p']}}}{tag}" for tag in SHAPES)))
            boxes = sum(1 for _ in root.iter(f"{{{NS['p']}}}ph"))
            what = "slide master" if part.startswith("ppt/slideMasters/") else "layout"
            if shapes > MAX_SHAPES or boxes > MAX_PLACEHOLDERS:
                return (f"has a {what} ({printable(part)}) with {shapes:,} shapes and {boxes:,} "
                        f"placeholders; tweeluik reads at most {MAX_SHAPES:,} shapes and "
                        f"{MAX_PLACEHOLDERS} placeholders on one {what}: remove what it does "
                        "not need, or use another template")
        elif part == "ppt/presentation.xml":
            problem = _size_problem(root)
            if problem:
                return problem
    if layouts > MAX_LAYOUTS:
        return (f"has {layouts:,} slide layouts; tweeluik reads at most {MAX_LAYOUTS}: "
                "remove the layouts it does not need")
    return None


def _target_of(rels_part: str, relationship) -> str | None:
    """The part inside the package a relationship leads to (``None``: outside it)."""
    target = relationship.get("Target", "")
    if relationship.get("TargetMode") == "External" or not target:
        return None
    if target.startswith("/"):
        return target.lstrip("/")
    folder = posixpath.dirname(posixpath.dirname(rels_part))
    return posixpath.normpath(posixpath.join(folder, target))


def _missing_target(rels_part: str, root, parts: dict[str, bytes]) -> str | None:
    """The first part that is not in the package although its owner refers to it. A
    relationship to a missing part that nothing refers to (PowerPoint leaves such
    traces, e.g. of revision information) is harmless: ``clean_parts`` drops it; so is
    a picture that is not there (a template saved by another program names 'NULL')."""
    owner = parts.get(_owner_of(rels_part), b"")
    for relationship in root.iter(f"{{{NS['rel']}}}Relationship"):
        name = _target_of(rels_part, relationship)
        if name is not None and name not in parts \
                and not relationship.get("Type", "").endswith("/image") \
                and f'"{relationship.get("Id", "")}"'.encode() in owner:
            return name  # (a missing picture is left out by ``clean_parts``)
    return None


def _size_problem(root) -> str | None:
    size = root.find("p:sldSz", NS)
    if size is None:
        return None
    low, high = SLIDE_SIDE_EMU
    try:
        width, height = int(size.get("cx", "")), int(size.get("cy", ""))
    except ValueError:
        return f"is damaged (its slide size is not a number); {AGAIN}"
    if not (low <= width <= high and low <= height <= high):
        return (f"has a slide size of {width / 360000:g} × {height / 360000:g} cm, which "
                "PowerPoint cannot show; set the size in PowerPoint (Design > Slide Size) "
                "and save the template again")
    return None


def clean_parts(parts: dict[str, bytes]) -> tuple[bytes, list[str]]:
    """Open templates and macro files as presentations; drop macros, every external
    relationship (and the references to it), and relationships to missing parts that
    nothing refers to. Returns the new zip and what was removed."""
    removed: list[str] = []
    types = parts.get("[Content_Types].xml", b"").decode("utf-8", "replace")
    for other in OTHER_MAIN_TYPES:
        types = types.replace(other, PRESENTATION_TYPE)
    if any(name.lower().endswith("vbaproject.bin") for name in parts):
        removed.append("macros")
        parts = {name: data for name, data in parts.items()
                 if not name.lower().endswith(("vbaproject.bin", "vbadata.xml"))}
        types = re.sub(r'<Override [^>]*vbaProject[^>]*/>', "", types, flags=re.IGNORECASE)
    parts["[Content_Types].xml"] = types.encode("utf-8")
    external = pictures = 0
    for name in [n for n in parts if n.endswith(".rels")]:
        try:
            root = etree.fromstring(parts[name])
        except etree.XMLSyntaxError:
            continue
        gone, missing, dangling = [], [], False
        for relationship in list(root):
            target_type = relationship.get("Type", "")
            if relationship.get("TargetMode") == "External" or target_type.endswith("/vbaProject"):
                gone.append(relationship.get("Id"))
                root.remove(relationship)
            elif (target := _target_of(name, relationship)) is not None and target not in parts:
                if target_type.endswith("/image"):  # a picture that is not there
                    missing.append(relationship.get("Id"))
                dangling = True  # else to a missing part nothing refers to: a trace
                root.remove(relationship)
        if not gone and not dangling:
            continue
        external += len(gone)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)
        owner = _owner_of(name)
        if owner in parts:
            parts[owner] = _without_references(parts[owner], set(gone))
            if missing:
                parts[owner], left_out = _without_pictures(parts[owner], set(missing))
                pictures += left_out
    if external:
        removed.append(f"{external} link{'s' if external != 1 else ''} to outside files or "
                       "web addresses")
    if pictures:
        removed.append(f"{pictures} picture{'s' if pictures != 1 else ''} that the template "
                       "names but does not hold")
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue(), removed


def _owner_of(rels_name: str) -> str:
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def _without_pictures(xml: bytes, ids: set[str]) -> tuple[bytes, int]:
    """A part's XML without the pictures whose file is missing: a picture shape is left
    out, a picture fill (of a background or a shape) becomes no fill. Returns the XML
    and how many were left out."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return xml, 0
    r, a = NS["r"], NS["a"]
    count = 0
    for blip in list(root.iter(f"{{{a}}}blip")):
        if blip.get(f"{{{r}}}embed") not in ids and blip.get(f"{{{r}}}link") not in ids:
            continue
        fill = blip.getparent()
        holder = fill.getparent() if fill is not None else None
        if fill is None or holder is None:
            continue
        if etree.QName(holder).localname == "pic" and holder.getparent() is not None:
            holder.getparent().remove(holder)
        else:
            holder.replace(fill, etree.Element(f"{{{a}}}noFill"))
        count += 1
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), count


def _without_references(xml: bytes, ids: set[str]) -> bytes:
    """A part's XML without the hyperlinks and links that name a removed relationship."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return xml
    r = NS["r"]
    for element in list(root.iter()):
        for attribute in list(element.attrib):
            if attribute.startswith(f"{{{r}}}") and element.get(attribute) in ids:
                local = etree.QName(element).localname
                if local in ("hlinkClick", "hlinkHover", "hlinkMouseOver"):
                    parent = element.getparent()
                    if parent is not None:
                        parent.remove(element)
                    break
                del element.attrib[attribute]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
