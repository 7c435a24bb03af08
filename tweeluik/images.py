"""Find and check the image files a source refers to.

Part of step 2 (parse): an image reference becomes a checked path inside the content
folder, or a ``SourceError``. Writers only ever open paths that passed these checks.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from urllib.parse import unquote

from PIL import Image as PILImage

from .colours import luminance_contrast, rgb_luminance
from .errors import SourceError, printable
from .paths import real

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg"}
MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_SVG_SHAPES = 50_000  # drawn elements, each <use> counted as what it repeats
MAX_SVG_DEPTH = 48  # elements inside each other (a renderer recurses on each)
SVG_NS = "http://www.w3.org/2000/svg"
_SVG_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*")
MAX_SIDE_PX = 12_000
MAX_PIXELS = 50_000_000
MAX_IMAGE_BYTES = 30 * 1024 * 1024
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def resolve_image(source: Path, line: int, src: str, content_root: Path) -> Path:
    """The real path of image ``src`` written in ``source``; it must lie inside ``content_root``."""
    shown = printable(src if len(src) <= 80 else src[:77] + "…")
    if not src:
        raise SourceError(source, line, "this image has no file name; write "
                          "![description](images/name.jpg)")
    if src.lower().startswith("data:"):
        raise SourceError(source, line, "this image is written out inside the text (a data: "
                          "address); save it as a file in the content folder and write its "
                          "name, such as images/photo.jpg")
    if _SCHEME.match(src) and not re.match(r"^[a-zA-Z]:[\\/]", src):
        raise SourceError(source, line, f"the image '{shown}' is on the web; tweeluik never "
                          "downloads anything: save the image in the content folder and "
                          "write its file name, such as images/photo.jpg")
    if src.startswith(("/", "\\", "~")) or re.match(r"^[a-zA-Z]:[\\/]", src):
        raise SourceError(source, line, f"the image '{shown}' is an absolute path; put the "
                          "image in the content folder and write a relative name, such as "
                          "images/photo.jpg")
    root = real(content_root)
    written = source.parent / unquote(src)
    path = real(written)
    if written.is_symlink() and not written.exists():  # it leads nowhere, or to itself
        raise SourceError(source, line, f"the image '{shown}' is a symbolic link that leads "
                          "nowhere; replace it by the image file")
    if not path.is_relative_to(root):
        raise SourceError(source, line, f"the image '{shown}' lies outside the content folder "
                          f"({root.name}/); copy it into that folder and refer to the copy")
    if not path.is_file():
        raise SourceError(source, line, f"the image '{shown}' does not exist; check the file "
                          "name (capitals count) and that the file is in the content folder")
    return path


def check_image(source: Path, line: int, path: Path) -> tuple[int, int]:
    """Read the image: it must be a whole PNG or JPEG of a sane size (a phone's MPO file
    counts as its first picture, a JPEG). Returns (width, height) in pixels."""
    name = printable(path.name)
    smaller = (f"save a smaller version (at most {MAX_SIDE_PX:,} pixels on its longest side; "
               "2000 pixels wide is plenty for print)")
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise SourceError(source, line, f"the image '{name}' is larger than 30 MB; "
                              f"{smaller}")
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                kind = image.format
                width, height = image.size
                if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # taken turned a quarter
                    width, height = height, width
                if kind in IMAGE_FORMATS and max(width, height) <= MAX_SIDE_PX \
                        and width * height <= MAX_PIXELS:
                    # Decode (at an eighth of the size, which is quick) to find a cut-off
                    # file: its header alone looks fine.
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    image.load()
    except SourceError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise SourceError(source, line, f"the image '{name}' has too many pixels; "
                          f"{smaller}") from None
    except OSError as error:
        if "truncated" in str(error):
            raise SourceError(source, line, f"the image '{name}' is cut off (the file is "
                              "incomplete, perhaps from an interrupted download or copy); "
                              "save it again") from None
        raise SourceError(source, line, f"'{name}' is not an image tweeluik can read; "
                          "save it as PNG or JPEG") from None
    except Exception:
        raise SourceError(source, line, f"'{name}' is not an image tweeluik can read; "
                          "save it as PNG or JPEG") from None
    if kind not in IMAGE_FORMATS:
        raise SourceError(source, line, f"'{name}' is a {kind} image; save it as PNG or JPEG")
    if max(width, height) > MAX_SIDE_PX or width * height > MAX_PIXELS:
        raise SourceError(source, line, f"the image '{name}' is {width:,} × {height:,} pixels; "
                          f"{smaller}")
    return width, height


def check_picture(source: Path, line: int, path: Path) -> tuple[str, float, float]:
    """A front-matter picture: a PNG or JPEG as ``check_image`` accepts it, or a
    self-contained SVG. Returns (format, width, height)."""
    with open(path, "rb") as stream:
        start = stream.read(512).lstrip()
    if path.suffix.lower() == ".svg" or start.startswith((b"<?xml", b"<svg")):
        return ("svg", *check_svg(source, line, path))
    width, height = check_image(source, line, path)
    with PILImage.open(path) as image:
        kind = IMAGE_FORMATS[str(image.format)]
    return kind, float(width), float(height)


def check_svg(source: Path, line: int, path: Path) -> tuple[float, float]:
    """Read an SVG drawing: it must be one drawing that needs no other file, no font
    and no address (so the booklet and the slides show it the same, and nothing is
    fetched), with a size. Returns its width and height in its own units."""
    from lxml import etree

    name = printable(path.name)
    if path.stat().st_size > MAX_SVG_BYTES:
        raise SourceError(source, line, f"the drawing '{name}' is larger than 2 MB; save a "
                          "simpler SVG, or a PNG")
    data = path.read_bytes()
    if data.startswith(b"\x1f\x8b"):
        raise SourceError(source, line, f"the drawing '{name}' is a compressed SVG (SVGZ); "
                          "save it as plain (uncompressed) SVG, or as PNG")
    try:
        data.decode("utf-8")  # the writers read it as UTF-8
    except UnicodeDecodeError:
        raise SourceError(source, line, f"the drawing '{name}' is not saved as UTF-8; save "
                          "it again as plain SVG (UTF-8), or as PNG") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except (etree.XMLSyntaxError, OSError, ValueError):
        raise SourceError(source, line, f"'{name}' is not an SVG drawing tweeluik can read; "
                          "save it again as SVG, or as PNG") from None
    root = tree.getroot()
    # A DOCTYPE that only names SVG's DTD (Illustrator writes one) is harmless, as it is
    # never loaded; one with declarations of its own (entities) is refused.
    if re.search(rb"<!DOCTYPE[^>\[]*\[", data) or root.tag != f"{{{SVG_NS}}}svg":
        raise SourceError(source, line, f"'{name}' is not a plain SVG drawing (it declares "
                          "entities, or its root is not <svg>); export it again as 'plain SVG'")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname
        if tag in ("script", "foreignObject", "image", "font", "font-face"):
            raise SourceError(source, line, f"the drawing '{name}' holds a <{tag}>; tweeluik "
                              "takes only plain drawings: export it as 'plain SVG' with text "
                              "turned into paths, or save it as PNG")
        for attribute, value in element.attrib.items():
            if etree.QName(attribute).localname == "href" and not value.startswith("#"):
                raise SourceError(source, line, f"the drawing '{name}' refers to another file "
                                  f"or address ({printable(value[:60])}); tweeluik takes only "
                                  "drawings that need nothing else: save it as PNG")
        styles = " ".join(filter(None, [element.get("style"), element.text if tag == "style" else ""]))
        if "@import" in styles or re.search(r"url\(\s*['\"]?(?!#)", styles):
            raise SourceError(source, line, f"the drawing '{name}' loads something from a "
                              "stylesheet; export it as 'plain SVG', or save it as PNG")
    size = _svg_size(root)
    problem = _svg_cost_problem(root) or _svg_filter_problem(root, size)
    if problem:
        raise SourceError(source, line, f"the drawing '{name}' {problem}, or save it as PNG")
    if size is None:
        raise SourceError(source, line, f"the drawing '{name}' has no size (no viewBox, width "
                          "and height); export it again with its page size, or save it as PNG")
    return size


def _svg_cost_problem(root) -> str | None:
    """What makes drawing ``root`` too costly to draw, or ``None``: more than
    ``MAX_SVG_SHAPES`` elements once every ``<use>`` is counted as the elements it
    repeats (a few kilobytes of nested ``<use>`` can stand for 10⁸ shapes), a ``<use>``
    that repeats itself, or elements nested more than ``MAX_SVG_DEPTH`` deep."""
    from lxml import etree

    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    counted: dict = {}  # keyed by element: keeping the element alive keeps its proxy
    busy: set = set()

    def drawn(element, depth: int) -> int:
        if depth > MAX_SVG_DEPTH:
            raise _TooCostly(f"has groups nested more than {MAX_SVG_DEPTH} deep; ungroup "
                             "them (in Inkscape: Object > Ungroup)")
        if element in counted:
            return counted[element]
        if element in busy:
            raise _TooCostly("has a clone (<use>) that repeats itself; unlink it (in "
                             "Inkscape: Edit > Clone > Unlink Clone)")
        busy.add(element)
        total = 1
        for child in element:
            if isinstance(child.tag, str):
                total += drawn(child, depth + 1)
        if isinstance(element.tag, str) and etree.QName(element).localname == "use":
            href = next((value for attribute, value in element.attrib.items()
                         if etree.QName(attribute).localname == "href"), "")
            target = by_id.get(href[1:]) if href.startswith("#") else None
            if target is not None:
                total += drawn(target, depth + 1)
        busy.discard(element)
        counted[element] = total
        if total > MAX_SVG_SHAPES:
            raise _TooCostly(f"stands for more than {MAX_SVG_SHAPES:,} shapes once its "
                             "clones (<use>) are counted; simplify it")
        return total

    try:
        drawn(root, 0)
    except _TooCostly as problem:
        return str(problem)
    return None


def _svg_filter_problem(root, size: tuple[float, float] | None) -> str | None:
    """A filter whose work grows without bound with its numbers: a morphology radius
    (work grows with its square for every pixel) over 2% of the drawing's longest side,
    or noise of more than 10 octaves."""
    from lxml import etree

    longest = max(size) if size else 100.0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname
        if tag == "feMorphology":
            try:
                radius = max(abs(float(value)) for value in
                             (element.get("radius") or "0").replace(",", " ").split() or ["0"])
            except ValueError:
                continue
            if radius > longest * 0.02:
                return (f"has a filter that thickens or thins shapes by {radius:g} "
                        f"(at most {longest * 0.02:g} in a drawing this size); lower it in "
                        "the drawing program")
        elif tag == "feTurbulence":
            try:
                octaves = int(float(element.get("numOctaves") or "1"))
            except ValueError:
                continue
            if octaves > 10:
                return (f"has a noise filter of {octaves:,} octaves (at most 10); lower it "
                        "in the drawing program")
    return None


class _TooCostly(Exception):
    """Why a drawing is too costly to draw."""


def svg_with_plain_size(path: Path) -> str:
    """A checked SVG drawing as text, its root's width and height set to the numbers of
    its size (``check_svg``): the slides' renderer refuses a size written in units such
    as "147pt", which drawing programs write."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(path.read_bytes(), parser)
    size = _svg_size(root)
    if size is not None:
        root.set("width", f"{size[0]:g}")
        root.set("height", f"{size[1]:g}")
    return etree.tostring(root, encoding="unicode")


def _svg_size(root) -> tuple[float, float] | None:
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            width, height = float(box[2]), float(box[3])
        except ValueError:
            width = height = 0.0
        if width > 0 and height > 0:
            return width, height
    sizes = [_SVG_LENGTH.fullmatch(root.get(key) or "") for key in ("width", "height")]
    if all(sizes):
        width, height = (float(match.group(1)) for match in sizes if match)
        if width > 0 and height > 0:
            return width, height
    return None


#: A logo's drawing is judged from a picture this many pixels on its longest side.
INK_SAMPLE_PX = 96
#: Below this share of see-through pixels, a picture brings its own background.
SEE_THROUGH_SHARE = 0.05


def ink_of(path: Path, kind: str) -> tuple[float, ...]:
    """How light the drawn parts of a logo are: the relative luminance (WCAG, 0 black to
    1 white) of its drawn pixels at every tenth (the darkest, the 10 % mark, … the
    lightest), so a writer can tell whether it shows on the colour it stands on. Empty
    when the picture brings its own background (a JPEG, a PNG or SVG with hardly anything
    see-through), when nothing is drawn, or when an SVG holds text (its font is the
    writer's, not known here)."""
    from io import BytesIO

    if kind == "jpeg":
        return ()
    if kind == "svg":
        import resvg_py
        from lxml import etree

        text = svg_with_plain_size(path)
        root = etree.fromstring(text.encode("utf-8"))
        if any(isinstance(element.tag, str) and etree.QName(element).localname == "text"
               for element in root.iter()):
            return ()
        size = _svg_size(root) or (1.0, 1.0)
        width = INK_SAMPLE_PX if size[0] >= size[1] else max(
            1, round(INK_SAMPLE_PX * size[0] / size[1]))
        try:
            png = bytes(resvg_py.svg_to_bytes(svg_string=text, width=width,
                                              skip_system_fonts=True))
        except (OSError, ValueError):  # the writers will say what is wrong with it
            return ()
        opened = PILImage.open(BytesIO(png))
    else:
        opened = PILImage.open(path)
    with opened as image:
        image.thumbnail((INK_SAMPLE_PX, INK_SAMPLE_PX))  # small first: a big logo stays cheap
        picture = image.convert("RGBA")
    data = picture.tobytes()  # RGBA, four bytes a pixel
    count = len(data) // 4
    drawn = sorted(rgb_luminance(data[start], data[start + 1], data[start + 2])
                   for start in range(0, len(data), 4) if data[start + 3] >= 128)
    if not drawn or count - len(drawn) < SEE_THROUGH_SHARE * count:
        return ()
    return tuple(round(drawn[min(len(drawn) - 1, len(drawn) * tenth // 10)], 4)
                 for tenth in range(11))


#: A logo whose drawing stands out from its background by less than this contrast
#: (WCAG's ratio, 1 for none) almost everywhere can hardly be seen there.
LOGO_HARDLY_SHOWS = 1.5


def hardly_shows(ink: tuple[float, ...], background_luminance: float) -> bool:
    """True when nine tenths of a logo's drawing (``ink_of``) stand out from a background
    of this luminance by less than ``LOGO_HARDLY_SHOWS``: white artwork on white paper."""
    if not ink:
        return False
    ratios = sorted(luminance_contrast(value, background_luminance) for value in ink)
    return ratios[9] < LOGO_HARDLY_SHOWS
