"""The print variants as tweeluik made them with pypdf, kept for the benchmark only.

``bench/bench.py`` times these against ``tweeluik.booklet.variants`` (pikepdf) on the
same PDFs, so the choice of library stays a measured one:

* ``add_bleed_and_crop_marks``: the print-shop PDF. Each page keeps its content and
  coordinates; its boxes grow around it (TrimBox = A5, BleedBox = A5 + 3 mm, MediaBox
  with room for the crop marks), and crop marks are drawn in the slug. Text and rules
  in the theme's ink and muted colours become black ink only (K), the rest is declared
  sRGB by an output intent, so the print shop knows what every colour means.
* ``impose_booklet``: the office PDF. Pairs of A5 pages side by side on A4 landscape
  in saddle-stitch order, to print double-sided (flip on the short edge), fold and staple.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    RectangleObject,
    TextStringObject,
)

from tweeluik.booklet.variants import (  # what both libraries share
    A4_LANDSCAPE,
    BLEED,
    SLUG,
    SRGB,
    _crop_marks,
    black_ink,
    saddle_stitch_order,
    weasyprint_folder,
)

PDF_HEADER = "%PDF-1.7"  # as WeasyPrint writes the tagged booklet; pypdf would say 1.3


def _output_intent(writer: PdfWriter) -> DictionaryObject:
    profile = DecodedStreamObject()
    profile.set_data((weasyprint_folder() / "pdf" / "sRGB2014.icc").read_bytes())
    profile[NameObject("/N")] = NumberObject(3)
    return DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFX"),
        NameObject("/OutputConditionIdentifier"): TextStringObject(SRGB),
        NameObject("/RegistryName"): TextStringObject("http://www.color.org"),
        NameObject("/Info"): TextStringObject(SRGB),
        NameObject("/DestOutputProfile"): writer._add_object(profile.flate_encode()),
    })


def _stream(writer: PdfWriter, data: str):
    stream = DecodedStreamObject()
    stream.set_data(data.encode("ascii"))
    return writer._add_object(stream)  # pypdf has no public name for this


def add_bleed_and_crop_marks(pdf: bytes, greys: dict[str, float] | None = None) -> bytes:
    """The print-shop variant: 3 mm bleed box, crop marks, TrimBox = the A5 page, the
    ``greys`` (see ``greys_for``) in black ink only, and an sRGB output intent."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    writer.pdf_header = PDF_HEADER
    writer.root_object[NameObject("/OutputIntents")] = ArrayObject([_output_intent(writer)])
    for page in writer.pages:
        left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        trim = RectangleObject([left, bottom, left + width, bottom + height])
        page.trimbox = trim
        page.bleedbox = RectangleObject([left - BLEED, bottom - BLEED,
                                         left + width + BLEED, bottom + height + BLEED])
        media = RectangleObject([left - SLUG, bottom - SLUG,
                                 left + width + SLUG, bottom + height + SLUG])
        page.mediabox = media
        page.cropbox = media
        joined = page.get_contents()
        old = []
        if joined is not None:
            content = DecodedStreamObject()
            content.set_data(black_ink(joined.get_data(), greys or {}))
            old = [writer._add_object(content.flate_encode())]
        page[NameObject("/Contents")] = ArrayObject(
            [_stream(writer, "q\n"), *old,
             _stream(writer, "\nQ\nq\n" + _crop_marks(width, height) + "\nQ\n")])
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_as_form(writer: PdfWriter, page: PageObject):
    """A source page as a Form XObject in ``writer``: drawn by reference, never rewritten."""
    contents = page.get("/Contents")
    joined = page.get_contents()
    if contents is not None and joined is not None and isinstance(contents.get_object(), ArrayObject):
        stream = DecodedStreamObject()
        stream.set_data(joined.get_data())
    elif contents is not None:
        stream = contents.get_object().clone(writer, ignore_fields=())
    else:
        stream = DecodedStreamObject()
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Form")
    stream[NameObject("/BBox")] = RectangleObject(page.mediabox)
    resources = page.get("/Resources")
    if resources is not None:
        stream[NameObject("/Resources")] = resources.get_object().clone(writer)
    return writer._add_object(stream)  # pypdf has no public name for this


def _bookmarks_to_sides(reader: PdfReader, writer: PdfWriter) -> None:
    """The booklet's bookmarks, each leading to the printed side that holds its page,
    and the PDF set to open with them showing."""
    sides: dict[int, int] = {}
    for index, (left, right) in enumerate(saddle_stitch_order(len(reader.pages))):
        sides.setdefault(left, index)
        sides.setdefault(right, index)

    def copy(items, parent=None) -> None:
        previous = None
        for item in items:
            if isinstance(item, list):
                if previous is not None:
                    copy(item, previous)
                continue
            number = (reader.get_destination_page_number(item) or 0) + 1
            previous = writer.add_outline_item(title=str(item.title),
                                               page_number=sides.get(number, 0), parent=parent)
    copy(reader.outline)
    writer.page_mode = "/UseOutlines"


def impose_booklet(pdf: bytes) -> bytes:
    """The office variant: A5 pages two by two on A4 landscape, in saddle-stitch order."""
    reader = PdfReader(BytesIO(pdf))
    pages = reader.pages
    sheet_width, sheet_height = A4_LANDSCAPE
    writer = PdfWriter()
    forms = {}
    for left, right in saddle_stitch_order(len(pages)):
        side = writer.add_blank_page(width=sheet_width, height=sheet_height)
        ops, xobjects = [], DictionaryObject()
        for number, x in ((left, 0.0), (right, sheet_width / 2)):
            source = pages[number - 1]
            if number not in forms:
                forms[number] = _page_as_form(writer, source)
            width, height = float(source.mediabox.width), float(source.mediabox.height)
            # A5 is half of A4: each page is centred in its half; the fold is the middle.
            offset_x = x + (sheet_width / 2 - width) / 2 - float(source.mediabox.left)
            offset_y = (sheet_height - height) / 2 - float(source.mediabox.bottom)
            name = f"/Page{number}"
            xobjects[NameObject(name)] = forms[number]
            ops.append(f"q 1 0 0 1 {offset_x:.4f} {offset_y:.4f} cm {name} Do Q")
        side[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
        side[NameObject("/Contents")] = _stream(writer, "\n".join(ops))
    language = reader.root_object.get("/Lang")
    if language is not None:
        writer.root_object[NameObject("/Lang")] = language.clone(writer)
    _bookmarks_to_sides(reader, writer)
    writer.pdf_header = PDF_HEADER
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items()
                             if key in ("/Title", "/Author", "/Subject", "/Keywords",
                                        "/Creator", "/CreationDate", "/ModDate")})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
