"""The ``build.py`` command: read the arguments, find the sources, hand them to the runner.

Step 5 of the pipeline, the edge where paths, exit codes and messages live.
Exit codes: 0 built, 2 bad input (one ``file:line: message`` line per problem),
3 something is not installed (the message says what), 1 an internal error (a bug in
tweeluik: please report it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from . import __version__
from .disk_errors import describe_write_error
from .errors import InstallError, SourceError, missing_package, printable
from .paths import real
from .runner import EXIT_BAD_INPUT, EXIT_INSTALL, build_all, check_all, kinds_for
from .session import WriterSession
from .terminal import Console, TerminalFace

PROG = ".venv/bin/python build.py"

DESCRIPTION = """\
Build an A5 booklet (PDF) and a slide deck (PowerPoint) from one Markdown file.

Without arguments, every .md file in content/ is built into output/:
  output/NAME.pdf              the booklet, for screen and e-mail
  output/NAME-print-shop.pdf   for a print shop: 3 mm bleed and crop marks
  output/NAME-a4-duplex.pdf    for an office printer: A4, double-sided,
                               flip on the short edge, fold, staple
  output/NAME.pptx             the slides: one per lesson, text in the notes
  output/NAME.html             the web edition: one page for a website, no
                               other files needed
"""

EPILOG = """\
examples (after the Quick start in README.md, in the tweeluik folder):
  .venv/bin/python build.py                              build everything in content/
  .venv/bin/python build.py content/jaarbrief-2026.md    build one publication
  .venv/bin/python build.py --only deck                  only the slides
  .venv/bin/python build.py --out /tmp/proef             write somewhere else
  .venv/bin/python build.py --watch                      rebuild on every save
  .venv/bin/python build.py --check                      check every source, write nothing
  .venv/bin/python build.py studio                       edit, see and download in the browser
  .venv/bin/python build.py import ~/Downloads/brief.docx   a letter → content/brief.md
  .venv/bin/python build.py template-info content/huisstijl.pptx
                                                         what a slide template holds

a source file looks like this (see README.md for everything):
  ---
  title: Wat de wijk ons leerde
  organisation: Vereniging van Wijkteams
  date: 2026-12-12
  signatories: [Anneke de Boer, Daan Kuipers]
  logo: images/logo.svg            <- on the covers and the first and last slide
  ---
  Beste leden,                     <- salutation
  Introduction paragraphs…
  ## Het begint met de ontmoeting  <- a lesson
  > Wie elkaar kent, vindt elkaar. <- its key message (slide and pull quote)
  Text of the lesson…
  ---                              <- the closing starts here
  Closing words…

problems are printed as file:line:column: message, all of a source at once;
warnings never stop a build unless --strict is given.

exit codes: 0 built, 2 bad input (the message says file:line and what to do),
3 something is missing on this machine (the message says what to install),
1 internal error (please report it, with --debug output).
"""


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    p = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                   help="Markdown files to build (default: every .md file in content/)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder for the outputs (default: output/)")
    p.add_argument("--only", choices=("booklet", "deck", "web"),
                   help="build only the booklet PDFs, only the deck or only the web edition")
    p.add_argument("--watch", action="store_true",
                   help="keep running and rebuild whenever a file in content/ or layouts/ is saved")
    p.add_argument("--check", action="store_true",
                   help="only read and check the sources and print every problem; write nothing")
    p.add_argument("--strict", action="store_true",
                   help="treat warnings as errors: nothing is built while any is left")
    p.add_argument("--force", action="store_true",
                   help="rebuild even when nothing changed since the last build")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print only warnings and errors (for scripts)")
    p.add_argument("--debug", action="store_true",
                   help="show a full traceback when tweeluik itself fails")
    p.add_argument("--version", action="version", version=f"tweeluik {__version__}")
    return p


def find_sources(content: Path) -> list[Path]:
    """Every Markdown source directly inside the content folder, by name (a symbolic link
    that leads nowhere is kept, so that the build can say so)."""
    return sorted(path for path in content.glob("*.md") if path.is_file() or path.is_symlink())


def source_problem(source: Path) -> str | None:
    """Why a source named on the command line cannot be built, or ``None``."""
    if source.is_symlink() and not source.exists():
        return ("this is a symbolic link that leads nowhere (or to itself); replace it by "
                "the file it should point to")
    if source.is_dir():
        return "this is a folder; name a .md file, or run without arguments to build " \
               "everything in content/"
    if not source.is_file():
        hint = "" if source.suffix == ".md" else " (sources are .md files)"
        return (f"no such file{hint}; check the name, or run without arguments to build "
                "everything in content/")
    return None


EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class Terminated(BaseException):
    """SIGTERM arrived: stop as Ctrl-C stops."""


class Interrupts:
    """The command line's handler of Ctrl-C and SIGTERM: it raises ``KeyboardInterrupt``
    or ``Terminated`` at once, and remembers it in ``interrupted``, so that the outputs
    are not put in place when a library swallowed the exception
    (``outputs.raise_a_swallowed_interrupt``)."""

    def __init__(self) -> None:
        self.interrupted: type[BaseException] | None = None

    def __call__(self, signum, frame) -> None:
        import signal
        self.interrupted = KeyboardInterrupt if signum == signal.SIGINT else Terminated
        raise self.interrupted()


def main(argv: list[str] | None = None, root: Path | None = None,
         end_process: bool = False) -> int:
    """Run the command; ``root`` is the project folder holding content/, layouts/, output/.
    Ctrl-C or SIGTERM stops it with one line and exit 130 or 143: every output is written
    all or nothing, so the previous ones are as they were. With ``end_process``
    (``build.py``), a build ends the process when it is done (``end_without_teardown``)."""
    import signal
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    handler = Interrupts()
    try:
        for number in previous:
            signal.signal(number, handler)
    except ValueError:  # not the main thread (a test calling main): leave it
        previous = {}
    try:
        return run(argv, root, end_process)
    except KeyboardInterrupt:
        print("tweeluik: interrupted; the previous outputs are unchanged", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("tweeluik: stopped; the previous outputs are unchanged", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:  # the reader went away ('template-info | head'): not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ModuleNotFoundError as error:  # run with a Python that lacks our packages
        print(f"tweeluik: {missing_package(error, sys.executable)}", file=sys.stderr)
        return EXIT_INSTALL
    except InstallError as error:
        print(f"tweeluik: {error}", file=sys.stderr)
        return EXIT_INSTALL
    finally:
        for number, earlier in previous.items():
            if earlier is not None:
                signal.signal(number, earlier)


def template_info(argv: list[str], root: Path | None) -> int:
    """``build.py template-info FILE``: what a slide template holds and what we would use."""
    p = argparse.ArgumentParser(
        prog=f"{PROG} template-info",
        description="Show the masters, layouts and placeholders of a PowerPoint template "
                    "(.pptx or .potx), and which layout and placeholder tweeluik would use "
                    "for each slide, so you can write 'deck: layouts:' in the front matter.")
    p.add_argument("template", type=Path, metavar="FILE", help="the template, such as "
                   "content/huisstijl.pptx")
    args = p.parse_args(argv)
    console = Console(real(root or Path.cwd()))
    from .deck.pptx_reader import describe_template
    from .deck.report import template_report
    from .deck.template_package import open_template
    try:
        presentation, removed = open_template(args.template, args.template, None)
    except SourceError as error:
        console.error(error)
        return EXIT_BAD_INPUT
    description = describe_template(presentation, args.template.name, removed)
    for line in template_report(description, args.template):
        print(line)
    return 0


def import_command(argv: list[str], root: Path | None) -> int:
    """``build.py import FILE``: a Word file or a pasted letter → a publication."""
    p = argparse.ArgumentParser(
        prog=f"{PROG} import",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Turn a letter in Word or LibreOffice (.docx, .odt), text (.txt, .md), "
                    "a saved web page (.html) or a saved e-mail (.eml) into a publication in "
                    "content/: its date, title, salutation, introduction, numbered lessons, "
                    "closing, greeting and signatories are found for you. The report says what "
                    "was found and what to check.",
        epilog="examples:\n"
               f"  {PROG} import ~/Downloads/jaarbrief.docx\n"
               f"  {PROG} import brief.txt --out content/jaarbrief-2026.md\n"
               f"  {PROG} import nieuwsbrief.html\n"
               f"  {PROG} import uitnodiging-alv.eml\n\n"
               "lessons are recognised as lines that stand alone such as '1. Title', "
               "'1) Title' or\n'Les 1: Title', as Word headings, or as Word's numbered list "
               "paragraphs.")
    p.add_argument("letter", type=Path, metavar="FILE", help="the letter: .docx, .txt, .md or .html")
    p.add_argument("--out", type=Path, metavar="FILE", help="the new source (default: "
                   "content/NAME.md); an existing file is never overwritten")
    args = p.parse_args(argv)
    root = real(root or Path.cwd())
    console = Console(root)
    from .importer import default_target, import_letter
    target = args.out or default_target(args.letter, root / "content")
    try:
        report = import_letter(args.letter, target, root / "layouts")
    except SourceError as error:
        console.error(error)
        return EXIT_BAD_INPUT
    except OSError as error:
        console.problem(f"{console.shown(target)}: {describe_write_error(error)}")
        return EXIT_BAD_INPUT
    shown = console.shown(target)
    # The report holds the letter's own words: shown through the same filter as every
    # message, so a title with escape sequences cannot reach the terminal.
    print(printable(f"imported {args.letter.name} into {shown}:"))
    for found in report.found:
        print(f"  {printable(found)}")
    for picture in report.pictures:
        print(f"  picture       {printable(console.shown(picture))}")
    if report.checks:
        print("check these, where the import guessed or repaired:")
        for number, what in report.checks:
            print(printable(f"  {shown}:{number}: {what}" if number else f"  {shown}: {what}"))
    if not report.copied:
        print(printable(f"then: {PROG} --check {shown}"))
    return 0


def studio_command(argv: list[str], root: Path | None) -> int:
    """``build.py studio``: the studio in the browser."""
    p = argparse.ArgumentParser(
        prog=f"{PROG} studio",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Open tweeluik studio in your browser: bring a letter in, edit it, see "
                    "every page and slide, fix what the check says and download the files. "
                    "It works on this folder's content/ and writes to output/, exactly as "
                    "build.py does.",
        epilog="examples:\n"
               f"  {PROG} studio                   open it in the browser\n"
               f"  {PROG} studio --no-browser      print the address; open it yourself\n"
               f"  {PROG} studio --language en     the studio in English\n\n"
               "The address it prints holds a key: without it the studio answers nobody. It "
               "listens\non this computer only (127.0.0.1) unless --host says otherwise.")
    p.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1, this computer only)")
    p.add_argument("--no-browser", action="store_true", help="do not open the browser")
    p.add_argument("--language", choices=("nl", "en"), default=None,
                   help="the studio's language (default: the browser's, else Dutch)")
    args = p.parse_args(argv)
    root = real(root or Path.cwd())
    console = Console(root)
    if not (root / "content").is_dir():
        console.error(SourceError(root / "content", None, "there is no content folder here; run "
                                  "the studio in the tweeluik folder"))
        return EXIT_BAD_INPUT
    if args.host != "127.0.0.1":
        console.problem(f"warning: the studio listens on {args.host}: anyone who can reach "
                        "this computer and has the address with its key can change your files")
    from .studio import StudioBusy, run_studio
    try:
        return run_studio(root, args.host, args.port, not args.no_browser, args.language,
                          lambda line: print(line, flush=True))
    except StudioBusy as busy:
        console.problem(str(busy))
        return EXIT_BAD_INPUT
    except OSError as error:
        console.problem(f"the studio cannot listen on port {args.port}: "
                        f"{error.strerror or error}; choose another with --port")
        return EXIT_BAD_INPUT


def end_without_teardown(code: int) -> None:
    """End the process now, with ``code``. Python's own ending frees every object of
    the layout one by one, a tenth to a third of a second after a build on the 2-core
    machine (``bench/bench.py``, the cold build); once a build is done there is nothing
    left for it to do: every file is written, closed and renamed, every worker joined,
    and the copies of the fonts WeasyPrint made are removed
    (``WriterSession.remove_font_files``)."""
    import logging
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def run(argv: list[str] | None, root: Path | None, end_process: bool = False) -> int:
    """Parse the arguments and build (or run one of the other commands)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["template-info"]:
        return template_info(argv[1:], root)
    if argv[:1] == ["import"]:
        return import_command(argv[1:], root)
    if argv[:1] == ["studio"]:
        return studio_command(argv[1:], root)
    args = parser().parse_args(argv)
    root = real(root or Path.cwd())
    layouts = root / "layouts"
    content = root / "content"
    out_dir = real(args.out or root / "output")
    console = Console(root, args.quiet)

    if args.sources:
        sources = []
        for source in args.sources:
            problem = source_problem(source)
            if problem is not None:
                console.error(SourceError(source, None, problem))
                return EXIT_BAD_INPUT
            sources.append(Path(os.path.realpath(source)))
    else:
        if not content.is_dir():
            console.error(SourceError(content, None, "there is no content folder here; run the "
                                      "command in the tweeluik folder, or name a source file"))
            return EXIT_BAD_INPUT
        sources = find_sources(content)
        if not sources:
            console.error(SourceError(content, None, "no .md files found; put a source such "
                                      "as content/jaarbrief-2026.md here (see README.md)"))
            return EXIT_BAD_INPUT
    if not args.check and out_dir.exists() and not out_dir.is_dir():
        console.error(SourceError(out_dir, None, "the output folder is a file; choose a folder "
                                  "with --out, or remove the file"))
        return EXIT_BAD_INPUT

    face = TerminalFace(console, debug=args.debug)
    if args.check:
        return check_all(sources, layouts, face, args.strict)
    kinds = kinds_for(args.only)
    if args.watch:
        from .watch import watch
        return watch(sources, out_dir, layouts, kinds, console,
                     content if not args.sources else None, strict=args.strict, face=face)
    from .workers import can_fork, usable_cores
    processes = usable_cores() if can_fork() and os.environ.get("TWEELUIK_SERIAL") != "1" \
        else 1  # TWEELUIK_SERIAL=1: one publication after the other, in this process
    session = WriterSession()
    code = build_all(sources, out_dir, layouts, kinds, face, args.force, args.strict,
                     processes=processes, session=session)
    session.remove_font_files()
    if end_process:
        end_without_teardown(code)
    return code
