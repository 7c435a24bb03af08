"""Derive the print variants from the laid-out A5 booklet, without laying it out again.

Step 3c of the pipeline (booklet writer, print variants), with pikepdf (qpdf), which
takes a fraction of the time pure-Python PDF libraries need to read and write the file
(``bench/bench.py --variants`` measures both):

* ``add_bleed_and_crop_marks``: the print-shop PDF. Each page keeps its content and
  coordinates; its boxes grow around it (TrimBox = A5, BleedBox = A5 + 3 mm, MediaBox
  with room for the crop marks), and crop marks are drawn in the slug. Text and rules
  in the theme's ink and muted colours become black ink only (K), the rest is declared
  sRGB by an output intent, so the print shop knows what every colour means.
* ``impose_booklet``: the office PDF. Pairs of A5 pages side by side on A4 landscape
  in saddle-stitch order, to print double-sided (flip on the short edge), fold and staple.

Both are byte-reproducible: the file identifier is derived from the content.
"""

from __future__ import annotations

import importlib.util
import re
from io import BytesIO
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

MM = 72 / 25.4
BLEED = 3 * MM
MARK_LENGTH = 6 * MM
SLUG = BLEED + MARK_LENGTH + 2 * MM  # MediaBox margin around the trimmed page
A4_LANDSCAPE = (297 * MM, 210 * MM)
PDF_VERSION = "1.7"  # as WeasyPrint writes the tagged booklet
SRGB = "sRGB IEC61966-2.1"
KEPT_INFO = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/CreationDate",
             "/ModDate")


def saddle_stitch_order(page_count: int) -> list[tuple[int, int]]:
    """Pages (left, right), 1-based, for each printed side, in printing order.

    For 8 pages: [(8, 1), (2, 7), (6, 3), (4, 5)]: sheet 1 front, sheet 1 back, …
    """
    if page_count % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {page_count}")
    sides = []
    for sheet in range(page_count // 4):
        sides.append((page_count - 2 * sheet, 1 + 2 * sheet))      # front
        sides.append((2 + 2 * sheet, page_count - 1 - 2 * sheet))  # back
    return sides


def _rgb_operator(colour: str) -> str:
    """How WeasyPrint writes the fill colour ``#RRGGBB`` in a page's content."""
    return " ".join(f"{int(colour[i:i + 2], 16) / 255:.6f}".rstrip("0").rstrip(".") or "0"
                    for i in (1, 3, 5))


def black_ink(content: bytes, greys: dict[str, float]) -> bytes:
    """``content`` with each fill and stroke in one of ``greys`` (``#RRGGBB`` → share of
    black) set in black ink only: ``0 0 0 k`` instead of ``r g b rg``."""
    for colour, black in greys.items():
        rgb = re.escape(_rgb_operator(colour).encode("ascii"))
        k = f"0 0 0 {black:.3f}".rstrip("0").rstrip(".").encode("ascii")
        content = re.sub(rb"(?<![\d.])" + rgb + rb" rg\b", k + b" k", content)
        content = re.sub(rb"(?<![\d.])" + rgb + rb" RG\b", k + b" K", content)
    return content


def greys_for(colours: dict[str, str]) -> dict[str, float]:
    """The theme's text colours as shares of black ink: ink as 100 % black, muted as the
    black of its lightness."""
    muted = colours["muted"]
    lightness = sum(int(muted[i:i + 2], 16) for i in (1, 3, 5)) / (3 * 255)
    return {colours["ink"]: 1.0, muted: round(1 - lightness, 2)}


def _crop_marks(width: float, height: float) -> str:
    """PDF operators drawing the eight crop-mark lines around a trimmed page."""
    ops = ["0.25 w 1 1 1 1 K"]  # hairline in registration colour: on every separation
    near, far = BLEED, BLEED + MARK_LENGTH
    for x in (0.0, width):
        for y in (0.0, height):
            sx = -1 if x == 0 else 1
            sy = -1 if y == 0 else 1
            ops.append(f"{x + sx * near:.3f} {y:.3f} m {x + sx * far:.3f} {y:.3f} l S")
            ops.append(f"{x:.3f} {y + sy * near:.3f} m {x:.3f} {y + sy * far:.3f} l S")
    return "\n".join(ops)


def _content_of(page: pikepdf.Page) -> bytes:
    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    if isinstance(contents, Array):
        return b"\n".join(part.read_bytes() for part in contents)
    return contents.read_bytes()


def _output_intent(document: pikepdf.Pdf) -> Dictionary:
    icc = (weasyprint_folder() / "pdf" / "sRGB2014.icc").read_bytes()
    profile = document.make_stream(icc)
    profile.N = 3
    return Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFX,
                      OutputConditionIdentifier=pikepdf.String(SRGB),
                      RegistryName=pikepdf.String("http://www.color.org"),
                      Info=pikepdf.String(SRGB), DestOutputProfile=profile)


def weasyprint_folder() -> Path:
    """Where WeasyPrint is installed (found without importing it: a worker that makes
    the print-shop file need not pay for that)."""
    spec = importlib.util.find_spec("weasyprint")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0])


def _saved(document: pikepdf.Pdf) -> bytes:
    out = BytesIO()
    document.save(out, deterministic_id=True, force_version=PDF_VERSION,
                  fix_metadata_version=False)
    return out.getvalue()


#: The screen booklet's claim to be PDF/UA-1, in its XMP metadata (as WeasyPrint writes it).
PDF_UA_CLAIM = re.compile(rb'<rdf:Description rdf:about="" pdfuaid:part="\d" />')


def without_pdf_ua_claim(document: pikepdf.Pdf) -> None:
    """A print file keeps the booklet's tags but does not claim PDF/UA: its crop marks
    and imposed sheets were not checked against it."""
    metadata = document.Root.get("/Metadata")
    if metadata is not None:
        metadata.write(PDF_UA_CLAIM.sub(b"", metadata.read_bytes()))


def add_bleed_and_crop_marks(pdf: bytes, greys: dict[str, float] | None = None) -> bytes:
    """The print-shop variant: 3 mm bleed box, crop marks, TrimBox = the A5 page, the
    ``greys`` (see ``greys_for``) in black ink only, and an sRGB output intent."""
    with pikepdf.open(BytesIO(pdf)) as document:
        without_pdf_ua_claim(document)
        document.Root.OutputIntents = Array([_output_intent(document)])
        for page in document.pages:
            left, bottom, right, top = (float(value) for value in page.mediabox)
            width, height = right - left, top - bottom
            page.obj.TrimBox = Array([left, bottom, right, top])
            page.obj.BleedBox = Array([left - BLEED, bottom - BLEED, right + BLEED, top + BLEED])
            media = Array([left - SLUG, bottom - SLUG, right + SLUG, top + SLUG])
            page.obj.MediaBox = media
            page.obj.CropBox = media
            content = black_ink(_content_of(page), greys or {})
            page.obj.Contents = Array([
                document.make_stream(b"q\n"), document.make_stream(content),
                document.make_stream(("\nQ\nq\n" + _crop_marks(width, height) + "\nQ\n")
                                     .encode("ascii"))])
        return _saved(document)


def _page_numbers(source: pikepdf.Pdf) -> dict:
    """Each page object's 1-based number, by its object identity."""
    return {page.obj.objgen: number for number, page in enumerate(source.pages, start=1)}


def _destination_page(source: pikepdf.Pdf, item: pikepdf.OutlineItem, numbers: dict) -> int:
    """The 1-based page an outline item leads to (1 when it cannot be told)."""
    destination: object = item.destination
    if destination is None and item.action is not None:
        destination = item.action.get("/D")
    if isinstance(destination, pikepdf.String | Name):
        names = source.Root.get("/Names")
        tree = names.get("/Dests") if names is not None else None
        if tree is None:
            return 1
        destination = pikepdf.NameTree(tree).get(str(destination))
        if isinstance(destination, Dictionary):
            destination = destination.get("/D")
    if isinstance(destination, Array) and len(destination) and \
            isinstance(destination[0], Dictionary):
        return numbers.get(destination[0].objgen, 1)
    return 1


def _bookmarks_to_sides(source: pikepdf.Pdf, target: pikepdf.Pdf) -> None:
    """The booklet's bookmarks, each leading to the printed side that holds its page,
    and the PDF set to open with them showing."""
    sides: dict[int, int] = {}
    for index, (left, right) in enumerate(saddle_stitch_order(len(source.pages))):
        sides.setdefault(left, index)
        sides.setdefault(right, index)
    numbers = _page_numbers(source)

    def copy(items) -> list[pikepdf.OutlineItem]:
        copied = []
        for item in items:
            side = sides.get(_destination_page(source, item, numbers), 0)
            made = pikepdf.OutlineItem(str(item.title), side)
            made.children.extend(copy(item.children))
            copied.append(made)
        return copied

    with source.open_outline() as theirs, target.open_outline() as ours:
        ours.root.extend(copy(theirs.root))
    target.Root.PageMode = Name.UseOutlines


def impose_booklet(pdf: bytes) -> bytes:
    """The office variant: A5 pages two by two on A4 landscape, in saddle-stitch order."""
    sheet_width, sheet_height = A4_LANDSCAPE
    with pikepdf.open(BytesIO(pdf)) as source, pikepdf.new() as target:
        for left, right in saddle_stitch_order(len(source.pages)):
            side = target.add_blank_page(page_size=(sheet_width, sheet_height))
            ops, xobjects = [], Dictionary()
            for number, x in ((left, 0.0), (right, sheet_width / 2)):
                page = source.pages[number - 1]
                x0, y0, x1, y1 = (float(value) for value in page.mediabox)
                # A5 is half of A4: each page is centred in its half; the fold is the middle.
                offset_x = x + (sheet_width / 2 - (x1 - x0)) / 2 - x0
                offset_y = (sheet_height - (y1 - y0)) / 2 - y0
                name = f"/Page{number}"  # named, not random: the bytes stay reproducible
                xobjects[name] = target.copy_foreign(page.as_form_xobject())
                ops.append(f"q 1 0 0 1 {offset_x:.4f} {offset_y:.4f} cm {name} Do Q")
            side.obj.Resources = Dictionary(XObject=xobjects)
            side.obj.Contents = target.make_stream("\n".join(ops).encode("ascii"))
        language: object = source.Root.get("/Lang")
        if language is not None:
            target.Root.Lang = language
        target.docinfo = target.make_indirect(Dictionary({
            key: pikepdf.String(str(value)) for key, value in source.docinfo.items()
            if key in KEPT_INFO}))
        _bookmarks_to_sides(source, target)
        return _saved(target)
