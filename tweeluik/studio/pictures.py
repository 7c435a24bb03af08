"""Pictures of what a build made, for the studio: the booklet's pages drawn from its PDF
(pypdfium2), the slides as LibreOffice draws them when it is installed.

Part of step 5 (the studio, a face). Reads the files the build wrote; writes nothing
but LibreOffice's PDF in a private temporary folder.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

#: Pixels per point: an A5 page becomes 504 × 714 pixels, sharp enough to read.
PAGE_SCALE = 1.2
SLIDE_SCALE = 0.8
LIBREOFFICE_SECONDS = 120


def pdf_pictures(pdf: Path | bytes, scale: float) -> list[bytes]:
    """Each page of the PDF (a file, or its bytes) as PNG bytes."""
    import pypdfium2 as pdfium
    pictures = []
    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=scale).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, "PNG", compress_level=1)
            pictures.append(buffer.getvalue())
            page.close()
    finally:
        document.close()
    return pictures


def booklet_pages(pdf: Path | bytes) -> list[bytes]:
    return pdf_pictures(pdf, PAGE_SCALE)


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def slide_pictures(deck: Path, profile: Path) -> tuple[list[bytes], str]:
    """(each slide as PNG bytes, "libreoffice"), or ([], "") without LibreOffice.
    ``profile`` is LibreOffice's settings folder, kept from one call to the next (a
    first start there costs seconds)."""
    program = libreoffice()
    if program is None:
        return [], ""
    with tempfile.TemporaryDirectory(prefix="tweeluik-studio-") as folder:
        work = Path(folder)
        shutil.copy(deck, work / "deck.pptx")
        try:
            subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}",
                            "--headless", "--convert-to", "pdf", "--outdir", str(work),
                            str(work / "deck.pptx")], capture_output=True,
                           timeout=LIBREOFFICE_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return [], ""
        drawn = work / "deck.pdf"
        if not drawn.is_file():
            return [], ""
        return pdf_pictures(drawn, SLIDE_SCALE), "libreoffice"
