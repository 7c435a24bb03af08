"""Booklet writer, layout (step 3b): WeasyPrint's picture cache, kept across layouts.

WeasyPrint takes a ``cache`` dict for the pictures it decodes (and their PDF data).
tweeluik hands it one ``ImageCache`` per session (see ``tweeluik.session``), so the
layouts of one build, and in watch mode the next build, decode each picture once. An
entry whose file changed on disk is dropped before a layout (``refresh``); SVG drawings
are tied to one layout and never kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .weasyprint_internals import cache_key_prefix, is_drawing

if TYPE_CHECKING:
    from .fetcher import FolderFetcher


class ImageCache(dict):
    """WeasyPrint's image cache, with the time stamp of each picture's file."""

    def __init__(self):
        super().__init__()
        self.stamps: dict[str, tuple[int, int]] = {}

    def __setitem__(self, key, value) -> None:
        if is_drawing(value):
            return
        super().__setitem__(key, value)

    def refresh(self, fetcher: FolderFetcher) -> None:
        """Drop what was decoded from a file that changed since."""
        for url, stamp in list(self.stamps.items()):
            if fetcher.stamp(url) != stamp:
                prefix = cache_key_prefix(url)
                for key in [key for key in self if key == url or key.startswith(prefix)]:
                    del self[key]
                del self.stamps[url]

    def remember(self, fetcher: FolderFetcher) -> None:
        """Note the time stamps of the files whose pictures are now kept."""
        self.stamps.update({url: stamp for url, stamp in fetcher.stamps.items() if url in self})
