"""What the writers keep from one build to the next: the writers' session.

Beside the pipeline's steps. A ``WriterSession`` holds what is costly to make and safe
to use again: the booklet's parsed stylesheets with their loaded fonts, WeasyPrint's
decoded pictures, the layouts' compiled templates, the web edition's font subsets and,
when asked (watch mode and the studio), each source's last full booklet layout for the
one-lesson preview. The builder makes one for each build when it is given none; watch
mode and the studio make one for the life of their process and hand it to every build.
Nothing a writer keeps lives at module level, so two sessions never see each other's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .booklet.image_cache import ImageCache
    from .booklet.laid_out import LastLayout
    from .booklet.layout_sandbox import BoundedSandbox
    from .font_subsets import HarfBuzzSubsetter

#: Stylesheets kept at most (one per theme and layout; watch mode edits one at a time).
KEPT_STYLESHEETS = 4
#: Font subsets kept at most (a few faces, mostly for the same characters after a save).
KEPT_SUBSETS = 32


class Bounded(dict):
    """A dict that starts again empty rather than grow past ``limit`` entries: what a
    session keeps is mostly the last few of a kind."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def __setitem__(self, key, value) -> None:
        if key not in self and len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)

    def keep(self, made: dict) -> None:
        """Take the entries another process made (a worker hands its subsets back)."""
        if len(self) + len(made) > self.limit:
            self.clear()
        for key, value in list(made.items())[:self.limit]:
            super().__setitem__(key, value)


@dataclass(eq=False)
class WriterSession:
    """The writers' memory for one build, or for every build of one watching process."""

    remember_layouts: bool = False  # keep each source's last booklet layout (watch mode)
    stylesheets: Bounded = field(default_factory=lambda: Bounded(KEPT_STYLESHEETS))
    picture_cache: ImageCache | None = None  # made when a booklet is first laid out
    environments: dict[tuple[Path, str], BoundedSandbox] = field(default_factory=dict)
    font_subsets: Bounded = field(default_factory=lambda: Bounded(KEPT_SUBSETS))
    last_layouts: dict[Path, LastLayout] = field(default_factory=dict)
    harfbuzz: HarfBuzzSubsetter | None = None  # loaded when a font is first cut down
    #: the temporary folders of the stylesheets' fonts (see ``remove_font_files``)
    font_folders: list[Path] = field(default_factory=list)

    @property
    def images(self) -> ImageCache:
        """WeasyPrint's picture cache, made the first time a booklet is laid out (a build
        with nothing to do, or only a deck, never loads the booklet writer)."""
        if self.picture_cache is None:
            from .booklet.image_cache import ImageCache
            self.picture_cache = ImageCache()
        return self.picture_cache

    def environment(self, folder: Path, what: str) -> BoundedSandbox:
        """The sandbox of a layout folder, compiled templates kept (Jinja2 reloads a
        template whose file changed)."""
        from .booklet.layout_sandbox import layout_environment
        key = (folder, what)
        if key not in self.environments:
            self.environments[key] = layout_environment(folder, what)
        return self.environments[key]

    def subsetter(self) -> HarfBuzzSubsetter:
        """HarfBuzz's subsetter, loaded the first time the session cuts a font down."""
        if self.harfbuzz is None:
            from .font_subsets import HarfBuzzSubsetter
            self.harfbuzz = HarfBuzzSubsetter()
        return self.harfbuzz

    def keep_layout(self, source: Path, last: LastLayout) -> None:
        if self.remember_layouts:
            self.last_layouts[source] = last

    def last_layout(self, source: Path) -> LastLayout | None:
        return self.last_layouts.get(source)

    def subsets_made(self) -> dict[Any, bytes]:
        return dict(self.font_subsets)

    def remove_font_files(self) -> None:
        """Remove the copies of the theme's fonts WeasyPrint made for the stylesheets.
        It removes them itself when their configuration is freed, at the end of the
        process at the latest; a command that ends without that (``build.py`` after a
        build) calls this first, when nothing more is laid out."""
        import shutil
        for folder in self.font_folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.font_folders.clear()
