"""Watch mode: rebuild on every save, in one process that stays warm.

Part of step 5 (the command). The first build imports WeasyPrint and python-pptx and
loads the fonts; later builds reuse all of that, so a one-word edit rebuilds in a
fraction of a cold build. A build error is printed and the watch goes on.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from .paths import real


def sources_to_rebuild(changed: set[Path], sources: list[Path], layouts: Path,
                       content: Path | None) -> list[Path]:
    """Which sources a set of changed files affects, in the order of ``sources``."""
    layouts = real(layouts)
    affected: set[Path] = set()
    current = [source for source in sources if source.is_file()]  # deleted ones drop out
    if content is not None:  # watching a whole folder: new sources join in
        current = sorted({*current, *(real(p) for p in content.glob("*.md") if p.is_file())})
    for path in changed:
        path = real(path)
        if path.is_relative_to(layouts):
            return current
        if path.suffix == ".md":
            if path in current and path.exists():
                affected.add(path)
        else:  # an image or another file next to the sources
            affected.update(source for source in current if path.is_relative_to(source.parent))
    return [source for source in current if source in affected]


def watch(sources: list[Path], out_dir: Path, layouts: Path, kinds: tuple[str, ...],
          console, content: Path | None, stop=None, strict: bool = False, face=None) -> int:
    """Build, then rebuild what each save affects until Ctrl-C (or until ``stop`` is set)."""
    from watchfiles import watch as watch_changes

    from .builder import warm_up
    from .runner import build_all
    from .session import WriterSession

    if face is None:
        from .terminal import TerminalFace
        face = TerminalFace(console)
    # one for the life of the watch, remembering each booklet's last layout so that a
    # one-lesson edit is previewed from it
    session = WriterSession(remember_layouts=True)
    with contextlib.suppress(Exception):  # a broken theme is reported by the build itself
        warm_up(layouts)
    sources = list(sources)
    build_all(sources, out_dir, layouts, kinds, face, strict=strict, session=session)
    folders = sorted({*(source.parent for source in sources), real(layouts)}
                     | ({real(content)} if content else set()))
    out = real(out_dir)
    announced = False
    try:
        for changes in watch_changes(*folders, stop_event=stop, debounce=50, step=25,
                                     rust_timeout=300, yield_on_timeout=True):
            if not announced:  # the first (empty) round: the watcher is now listening
                console.info(f"watching {', '.join(console.shown(f) + '/' for f in folders)} "
                             "(press Ctrl-C to stop)")
                announced = True
            changed = {Path(path) for _, path in changes}
            changed = {path for path in changed if not real(path).is_relative_to(out)
                       and not path.name.startswith(".")}
            gone = [source for source in sources if not source.is_file()]
            for source in gone:
                console.info(f"{console.shown(source)} is gone; no longer building it")
                sources.remove(source)
            todo = sources_to_rebuild(changed, sources, layouts, content)
            if not todo:
                continue
            started = time.perf_counter()
            status = build_all(todo, out_dir, layouts, kinds, face, strict=strict,
                               staged=True, session=session)
            seconds = time.perf_counter() - started
            if status == 0:
                console.info(f"rebuilt {len(todo)} publication(s) in {seconds:.2f} s; watching")
            else:
                console.info("not rebuilt: fix the problem above and save again; watching")
    except KeyboardInterrupt:
        console.info("stopped watching")
    return 0

