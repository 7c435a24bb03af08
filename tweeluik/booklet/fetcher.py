"""The only door through which WeasyPrint may load a file while rendering the booklet.

Part of step 3a (booklet writer). Allows ``file:`` URLs whose real path (symlinks
resolved) lies inside one of the allowed folders: the content folder and ``layouts/``.
Anything else, the network included, stops the render with a clear error.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse


class RefusedResource(FatalURLFetchingError):
    """The booklet asked for something outside the allowed folders."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class FolderFetcher(URLFetcher):
    """Serve local files from a fixed set of folders; refuse everything else."""

    def __init__(self, allowed: list[Path]):
        super().__init__()
        self.allowed = [folder.resolve() for folder in allowed]
        self.fetched: list[Path] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise RefusedResource(url, "the booklet may only use files inside the content "
                                  "folder and layouts/; nothing is loaded from the network")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.allowed):
            raise RefusedResource(url, "this file lies outside the content folder and layouts/")
        if not path.is_file():
            raise RefusedResource(url, "this file does not exist")
        self.fetched.append(path)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})
