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

from .errors import SourceError

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg"}
MAX_SIDE_PX = 12_000
MAX_PIXELS = 50_000_000
MAX_IMAGE_BYTES = 30 * 1024 * 1024
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def resolve_image(source: Path, line: int, src: str, content_root: Path) -> Path:
    """The real path of image ``src`` written in ``source``; it must lie inside ``content_root``."""
    if not src:
        raise SourceError(source, line, "this image has no file name; write "
                          "![description](images/name.jpg)")
    if _SCHEME.match(src) and not re.match(r"^[a-zA-Z]:[\\/]", src):
        raise SourceError(source, line, f"the image '{src}' is on the web; tweeluik never "
                          "downloads anything: save the image in the content folder and "
                          "write its file name, such as images/photo.jpg")
    if src.startswith(("/", "\\", "~")) or re.match(r"^[a-zA-Z]:[\\/]", src):
        raise SourceError(source, line, f"the image '{src}' is an absolute path; put the "
                          "image in the content folder and write a relative name, such as "
                          "images/photo.jpg")
    path = (source.parent / unquote(src)).resolve()
    root = content_root.resolve()
    if not path.is_relative_to(root):
        raise SourceError(source, line, f"the image '{src}' lies outside the content folder "
                          f"({root.name}/); copy it into that folder and refer to the copy")
    if not path.is_file():
        raise SourceError(source, line, f"the image '{src}' does not exist; check the file "
                          "name (capitals count) and that the file is in the content folder")
    return path


def check_image(source: Path, line: int, path: Path) -> tuple[int, int]:
    """Open the image's header: it must be a PNG or JPEG of a sane size. Returns (w, h)."""
    name = path.name
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise SourceError(source, line, f"the image '{name}' is larger than 30 MB; save a "
                          "smaller version (2000 pixels wide is plenty for print)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                kind = image.format
                width, height = image.size
                if kind in IMAGE_FORMATS and width * height <= MAX_PIXELS:
                    image.verify()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise SourceError(source, line, f"the image '{name}' has too many pixels; save a "
                          "smaller version (at most 6000 pixels on its longest side)") from None
    except Exception:
        raise SourceError(source, line, f"'{name}' is not an image tweeluik can read; "
                          "save it as PNG or JPEG") from None
    if kind not in IMAGE_FORMATS:
        raise SourceError(source, line, f"'{name}' is a {kind} image; save it as PNG or JPEG")
    if max(width, height) > MAX_SIDE_PX or width * height > MAX_PIXELS:
        raise SourceError(source, line, f"the image '{name}' is {width} × {height} pixels; "
                          "save a smaller version (at most 6000 pixels on its longest side)")
    return width, height
