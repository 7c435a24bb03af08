"""Render the README's previews (docs/*.png) from the sample's outputs, and a sheet of
every page of the sample and of the long-paragraph test letter.

Needs poppler (pdftoppm) and LibreOffice (soffice). Run after `.venv/bin/python build.py`:
    .venv/bin/python tools/make_previews.py
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
NAME = "jaarbrief-2026"
BOOKLET_PAGES = {"booklet-cover": 1, "booklet-contents": 3, "booklet-lesson": 5}
SLIDES = {"slide-title": 1, "slide-lesson": 4, "slide-closing": 8}


def render(pdf: Path, page: int, target: Path, dpi: int) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(stem)], check=True)


def page_sheet(pdf: Path, target: Path, columns: int = 6, dpi: int = 30) -> None:
    """Every page of ``pdf`` side by side, in rows of ``columns``."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{tmp}/p"], check=True)
        pages = [Image.open(path).convert("RGB") for path in sorted(Path(tmp).glob("p-*.png"))]
        width, height = pages[0].size
        gap = 6
        rows = -(-len(pages) // columns)
        sheet = Image.new("RGB", (columns * (width + gap) + gap, rows * (height + gap) + gap),
                          (200, 200, 200))
        for index, page in enumerate(pages):
            sheet.paste(page, (gap + index % columns * (width + gap),
                               gap + index // columns * (height + gap)))
        sheet.save(target, optimize=True)


def main() -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    output = ROOT / "output"
    for name, page in BOOKLET_PAGES.items():
        render(output / f"{NAME}.pdf", page, docs / f"{name}.png", 60)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(output / f"{NAME}.pptx")],
                       check=True, capture_output=True)
        for name, page in SLIDES.items():
            render(Path(tmp) / f"{NAME}.pdf", page, docs / f"{name}.png", 40)
    page_sheet(output / f"{NAME}.pdf", docs / "booklet-pages.png")
    with tempfile.TemporaryDirectory() as tmp:
        letter = ROOT / "tests" / "letters" / "clean-lange-lessen.md"
        subprocess.run([sys.executable, str(ROOT / "build.py"), str(letter), "--out", tmp],
                       check=True, capture_output=True)
        page_sheet(Path(tmp) / "clean-lange-lessen.pdf", docs / "long-letter-pages.png")
    print("wrote", ", ".join(sorted(p.name for p in docs.glob("*.png"))))


if __name__ == "__main__":
    if not shutil.which("pdftoppm") or not shutil.which("soffice"):
        raise SystemExit("needs pdftoppm (poppler-utils) and soffice (libreoffice-impress)")
    main()
