"""Render the README's previews (docs/*.png) from the sample's outputs.

Needs poppler (pdftoppm) and LibreOffice (soffice). Run after `.venv/bin/python build.py`:
    .venv/bin/python tools/make_previews.py
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "jaarbrief-2026"
BOOKLET_PAGES = {"booklet-cover": 1, "booklet-contents": 3, "booklet-lesson": 5}
SLIDES = {"slide-title": 1, "slide-lesson": 4, "slide-closing": 8}


def render(pdf: Path, page: int, target: Path, dpi: int) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(stem)], check=True)


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
    print("wrote", ", ".join(sorted(p.name for p in docs.glob("*.png"))))


if __name__ == "__main__":
    if not shutil.which("pdftoppm") or not shutil.which("soffice"):
        raise SystemExit("needs pdftoppm (poppler-utils) and soffice (libreoffice-impress)")
    main()
