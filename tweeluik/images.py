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

from .errors import SourceError, printable
from .paths import real

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg"}
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
