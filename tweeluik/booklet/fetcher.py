"""The only door through which WeasyPrint may load a file while rendering the booklet.

Part of step 3b (booklet writer). The booklet's HTML and CSS name files by *virtual*
addresses that do not depend on where the project lives on disk:
``file:///tweeluik/content/images/x.png`` and ``file:///tweeluik/layouts/fonts/x.ttf``.
The same source therefore gives the same bytes in every checkout. This fetcher maps
those addresses back to the real folders, checks that the real path (symbolic links
resolved) stays inside its folder, and refuses anything else, the network included.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..paths import real

VIRTUAL_ROOT = PurePosixPath("/tweeluik")
MAX_RESOURCE_BYTES = 64 * 1024 * 1024


class RefusedResource(FatalURLFetchingError):
    """The booklet asked for something outside the allowed folders."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason

    def __reduce__(self):  # raised in a worker, it reaches the build whole (pickled)
        return type(self), (self.url, self.reason)


def virtual_url(area: str, relative: PurePosixPath | str) -> str:
    """The checkout-independent address of a file in ``area`` ("content" or "layouts")."""
    return "file://" + quote(str(VIRTUAL_ROOT / area / str(relative)))


class FolderFetcher(URLFetcher):
    """Serve files from the virtual areas; refuse everything else."""

    def __init__(self, areas: dict[str, Path]):
        super().__init__()
        self.areas = {name: real(folder) for name, folder in areas.items()}
        self.fetched: list[Path] = []
        self.stamps: dict[str, tuple[int, int]] = {}  # address → (mtime, size) when read

    def url_for(self, path: Path) -> str:
        """The virtual address of a real file inside one of the areas."""
        found = real(path)
        for name, folder in self.areas.items():
            if found.is_relative_to(folder):
                return virtual_url(name, PurePosixPath(*found.relative_to(folder).parts))
        raise ValueError(f"{path} lies in none of the allowed folders")

    def real_path(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedResource(url, "the booklet may only use files inside the content "
                                  "folder and layouts/; nothing is loaded from the network")
        path = PurePosixPath(unquote(parts.path))
        if not path.is_relative_to(VIRTUAL_ROOT) or len(path.parts) < 3:
            raise RefusedResource(url, "this file lies outside the content folder and layouts/")
        area, *rest = path.relative_to(VIRTUAL_ROOT).parts
        folder = self.areas.get(area)
        if folder is None or ".." in rest:
            raise RefusedResource(url, "this file lies outside the content folder and layouts/")
        found = real(folder.joinpath(*rest))
        if not found.is_relative_to(folder):
            raise RefusedResource(url, "this file lies outside the content folder and layouts/ "
                                  "(a symbolic link points out of it)")
        if not found.is_file():
            raise RefusedResource(url, "this file does not exist")
        if found.stat().st_size > MAX_RESOURCE_BYTES:
            raise RefusedResource(url, "this file is larger than 64 MB")
        return found

    def stamp(self, url: str) -> tuple[int, int] | None:
        """The modification time and size of the file behind ``url`` (``None`` when it
        is gone or refused)."""
        try:
            status = self.real_path(url).stat()
        except (RefusedResource, OSError):
            return None
        return status.st_mtime_ns, status.st_size

    def fetch(self, url, headers=None):
        real = self.real_path(url)
        self.fetched.append(real)
        status = real.stat()  # before reading: a file changed meanwhile is read again later
        self.stamps[url] = (status.st_mtime_ns, status.st_size)
        kind = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, real.read_bytes(), {"Content-Type": kind})
