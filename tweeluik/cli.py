"""The ``python build.py`` command: find sources, build them, report in plain words.

Step 5 of the pipeline, the edge where paths, exit codes and messages live.
Exit codes: 0 built, 2 bad input (one ``file:line: message`` line per problem),
1 an internal error (a bug in tweeluik: please report it).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
import traceback
from pathlib import Path

from . import __version__
from .errors import SourceError
from .incremental import Manifest
from .outputs import BOOKLET_KINDS, OUTPUTS, output_paths

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2

DESCRIPTION = """\
Build an A5 booklet (PDF) and a slide deck (PowerPoint) from one Markdown file.

Without arguments, every .md file in content/ is built into output/:
  output/NAME.pdf              the booklet, for screen and e-mail
  output/NAME-print-shop.pdf   for a print shop: 3 mm bleed and crop marks
  output/NAME-a4-duplex.pdf    for an office printer: A4, double-sided,
                               flip on the short edge, fold, staple
  output/NAME.pptx             the slides: one per lesson, text in the notes
"""

EPILOG = """\
examples:
  python build.py                          build everything in content/
  python build.py content/jaarbrief.md     build one publication
  python build.py --only deck              only the slides
  python build.py --out /tmp/proef         write somewhere else
  python build.py --watch                  rebuild on every save

a source file looks like this (see README.md for everything):
  ---
  title: Wat de wijk ons leerde
  organisation: Vereniging van Wijkteams
  date: 2026-12-12
  signatories: [Anneke de Boer, Daan Kuipers]
  ---
  Beste leden,                     <- salutation
  Introduction paragraphs…
  ## Het begint met de ontmoeting  <- a lesson
  > Wie elkaar kent, vindt elkaar. <- its key message (slide and pull quote)
  Text of the lesson…
  ---                              <- the closing starts here
  Closing words…

exit codes: 0 built, 2 bad input (the message says file:line and what to do),
1 internal error (please report it, with --debug output).
"""


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    p = argparse.ArgumentParser(
        prog="python build.py", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                   help="Markdown files to build (default: every .md file in content/)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder for the outputs (default: output/)")
    p.add_argument("--only", choices=("booklet", "deck"),
                   help="build only the booklet PDFs or only the deck")
    p.add_argument("--watch", action="store_true",
                   help="keep running and rebuild whenever a file in content/ or layouts/ is saved")
    p.add_argument("--force", action="store_true",
                   help="rebuild even when nothing changed since the last build")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print only warnings and errors (for scripts)")
    p.add_argument("--debug", action="store_true",
                   help="show a full traceback when tweeluik itself fails")
    p.add_argument("--version", action="version", version=f"tweeluik {__version__}")
    return p


class Console:
    """Prints progress to stdout and problems to stderr, paths relative to the project."""

    def __init__(self, root: Path, quiet: bool):
        self.root, self.quiet = root, quiet

    def shown(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def info(self, line: str) -> None:
        if not self.quiet:
            print(line, flush=True)

    def error(self, error: SourceError) -> None:
        print(error.format(self.root), file=sys.stderr, flush=True)

    def warning(self, error: SourceError) -> None:
        print(f"{error.where(self.root)}: warning: {error.message}", file=sys.stderr, flush=True)


def find_sources(content: Path) -> list[Path]:
    """Every Markdown source directly inside the content folder, by name."""
    return sorted(path for path in content.glob("*.md") if path.is_file())


def kinds_for(only: str | None) -> tuple[str, ...]:
    """The output kinds ``--only`` asks for."""
    if only == "deck":
        return ("deck",)
    if only == "booklet":
        return BOOKLET_KINDS
    return tuple(OUTPUTS)


def outdated_kinds(source: Path, out_dir: Path, kinds: tuple[str, ...],
                   manifest: Manifest) -> tuple[str, ...]:
    """The requested outputs of ``source`` that are missing or older than their inputs."""
    paths = output_paths(source.stem, out_dir)
    return tuple(kind for kind in kinds
                 if not manifest.is_current(paths[kind], extra_inputs=[source]))


def build_all(sources: list[Path], out_dir: Path, layouts: Path, kinds: tuple[str, ...],
              console: Console, debug: bool = False, force: bool = False) -> int:
    """Build what is out of date in each source; return the exit code."""
    status = EXIT_OK
    manifest = Manifest(out_dir)
    for source in sources:
        todo = kinds if force else outdated_kinds(source, out_dir, kinds, manifest)
        if not todo:
            console.info(f"up to date: {console.shown(source)}")
            continue
        try:
            from .builder import build_publication
            from .progress import LiveProgress
            with LiveProgress(console.shown(source)) if not console.quiet else nullcontext():
                report = build_publication(source, out_dir, layouts, todo, manifest=manifest)
        except SourceError as error:
            console.error(error)
            status = max(status, EXIT_BAD_INPUT)
            continue
        except Exception as error:  # a bug in tweeluik, not in the author's text
            if debug:
                traceback.print_exc()
            print(f"{console.shown(source)}: internal error: {type(error).__name__}: {error} "
                  "(this is a bug in tweeluik; run again with --debug and report the output)",
                  file=sys.stderr, flush=True)
            status = EXIT_INTERNAL if status == EXIT_OK else status
            continue
        for warning in report.warnings:
            console.warning(warning)
        for kind, path, detail, seconds in report.written:
            console.info(f"  {kind:<11} {console.shown(path):<40} {detail:<10} {seconds:5.2f} s")
        console.info(f"built {console.shown(source)} in {report.seconds:.2f} s")
    return status


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """Run the command; ``root`` is the project folder holding content/, layouts/, output/."""
    args = parser().parse_args(argv)
    root = (root or Path.cwd()).resolve()
    layouts = root / "layouts"
    content = root / "content"
    out_dir = (args.out or root / "output").resolve()
    console = Console(root, args.quiet)

    if args.sources:
        sources = []
        for source in args.sources:
            if not source.is_file():
                hint = "" if source.suffix == ".md" else " (sources are .md files)"
                console.error(SourceError(source, None, f"no such file{hint}; "
                                          "check the name, or run without arguments to build "
                                          "everything in content/"))
                return EXIT_BAD_INPUT
            sources.append(source.resolve())
    else:
        if not content.is_dir():
            console.error(SourceError(content, None, "there is no content folder here; run the "
                                      "command in the tweeluik folder, or name a source file"))
            return EXIT_BAD_INPUT
        sources = find_sources(content)
        if not sources:
            console.error(SourceError(content, None, "no .md files found; put a source such "
                                      "as content/jaarbrief.md here (see README.md)"))
            return EXIT_BAD_INPUT

    kinds = kinds_for(args.only)
    if args.watch:
        from .watch import watch
        return watch(sources, out_dir, layouts, kinds, console, content if not args.sources else None)
    return build_all(sources, out_dir, layouts, kinds, console, args.debug, args.force)
