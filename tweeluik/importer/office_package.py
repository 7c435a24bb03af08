"""The limits on an office file's package (step 0, bringing a letter in): a Word or
LibreOffice file is a zip of parts, checked before any part is unpacked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

#: Limits on what a letter's file may unpack to: a letter is far smaller, and a file that
#: unpacks to more is a bomb or a mistake.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PARTS = 2000


def package_problem(path: Path) -> str | None:
    """Why the file cannot be unpacked as a letter (it is no zip, or it unpacks to far
    more than a letter: too many parts or too many bytes), else ``None``."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        return str(error)
    if len(infos) > MAX_PARTS or sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        return "it unpacks to more than 100 MB"
    return None
