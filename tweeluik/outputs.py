"""The files a build makes for each publication, and where they go."""

from __future__ import annotations

from pathlib import Path

#: Output kind → file name suffix. The booklet kinds come from one layout.
OUTPUTS = {
    "booklet": ".pdf",
    "print-shop": "-print-shop.pdf",
    "a4-duplex": "-a4-duplex.pdf",
    "deck": ".pptx",
}
BOOKLET_KINDS = ("booklet", "print-shop", "a4-duplex")


def output_paths(name: str, out_dir: Path) -> dict[str, Path]:
    """Where each output of publication ``name`` goes."""
    return {kind: out_dir / f"{name}{suffix}" for kind, suffix in OUTPUTS.items()}
