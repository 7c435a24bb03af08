"""Real paths, as the disk resolves them: used wherever a path a user gave is compared
with a folder. Unlike ``Path.resolve``, a symbolic link that points to itself does not
raise; it simply stays a path that leads nowhere, and the caller says so."""

from __future__ import annotations

import os
from pathlib import Path


def real(path: Path | str) -> Path:
    """``path`` with every symbolic link followed, made absolute."""
    return Path(os.path.realpath(path))
