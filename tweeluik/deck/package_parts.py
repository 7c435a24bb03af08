"""The last touches to a written .pptx package, as files: the same bytes for the same
plan.

Part of step 3b (deck writer, output), after ``pptx_writer``: docProps/app.xml lists
our slides (a template's lists its own sample deck), the template's date of printing
is dropped, and the zip is written again with fixed time stamps, so equal inputs give
byte-identical files.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from xml.sax.saxutils import escape

from .plan import DeckPlan

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _slide_title(slide) -> str:
    """The words of a planned slide's title, as PowerPoint lists them."""
    title = slide.text("title")
    if title is None:
        return ""
    words = " ".join("".join(run.text for run in runs) for runs in title.paragraphs)
    return " ".join(words.replace("\u2060", "").split())


def _application_properties(plan: DeckPlan) -> bytes:
    """docProps/app.xml for our slides (a template's lists its own sample deck): how
    many slides and notes there are, and each slide's title, as PowerPoint writes it."""
    titles = "".join(f"<vt:lpstr>{escape(title)}</vt:lpstr>" for title in
                     (plan.title, *(_slide_title(slide) for slide in plan.slides)))
    notes = sum(1 for slide in plan.slides if any(line.strip() for line in slide.notes))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
        'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><Application>tweeluik</Application>'
        f"<Slides>{len(plan.slides)}</Slides><Notes>{notes}</Notes>"
        "<HiddenSlides>0</HiddenSlides><PresentationFormat>On-screen Show</PresentationFormat>"
        '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>'
        "Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>"
        f"{len(plan.slides) + 1}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="{len(plan.slides) + 1}" baseType="lpstr">{titles}'
        "</vt:vector></TitlesOfParts></Properties>").encode()


def normalise_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip with fixed timestamps, so equal inputs give byte-identical files;
    ``replace`` gives some parts new contents."""
    replace = replace or {}
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def finished_package(data: bytes, plan: DeckPlan) -> bytes:
    """The package python-pptx wrote, finished: our app.xml, no date of printing, fixed
    time stamps."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        core = package.read("docProps/core.xml") if "docProps/core.xml" in \
            package.namelist() else None
    replace = {"docProps/app.xml": _application_properties(plan)}
    if core is not None:  # never printed: the template's own date of printing goes
        replace["docProps/core.xml"] = re.sub(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>|"
                                              rb"<cp:lastPrinted\s*/>", b"", core)
    return normalise_zip(data, replace)
