"""Find characters the theme's fonts cannot show, before any writer falls back to another font.

A check on the content model (between step 2 and the writers): every character of the
publication is looked up in the booklet's font files. Missing ones would be set in some
other font on this machine (in the PDF), or as an empty box where it has none, and on
the presenter's laptop (in the deck), so the author gets a warning that names them and
the line where each first appears.
"""

from __future__ import annotations

import unicodedata

from .errors import WARNING, Diagnostic
from .fonts import load_metrics
from .model import Block, Image, Inlines, Publication, plain_text, walk_blocks
from .theme import Theme

# Characters that never need a glyph of their own: white space and invisible format marks.
_IGNORED_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf"}


def _coverage(paths) -> set[int]:
    """The code points that every one of ``paths`` can show."""
    return set.intersection(*(set(load_metrics(path).widths) for path in paths))


def _texts(publication: Publication) -> list[tuple[str, int | None]]:
    """Every piece of text with the line it stands on."""
    meta = publication.meta
    out: list[tuple[str, int | None]] = [
        (value, meta.line_of(key)) for key, value in (
            ("title", meta.title), ("subtitle", meta.subtitle),
            ("organisation", meta.organisation), ("description", meta.description),
            ("date", meta.date_text)) if value]
    out.extend((name, meta.line_of("signatories")) for name in meta.signatories)

    def inlines(value: Inlines | None, line: int | None) -> None:
        if value:
            out.append((plain_text(value), line))

    def blocks(items: tuple[Block, ...]) -> None:
        for block in walk_blocks(items):
            if isinstance(block, Image):
                out.append((block.alt, block.line))
            else:
                inlines(block.inlines, block.line)

    inlines(publication.introduction.salutation, None)
    blocks(publication.introduction.blocks)
    for lesson in publication.lessons:
        inlines(lesson.title, lesson.line)
        inlines(lesson.key_message, lesson.key_message_line)
        blocks(lesson.blocks)
    inlines(publication.closing.title, publication.closing.line)
    inlines(publication.closing.key_message, publication.closing.key_message_line)
    blocks(publication.closing.blocks)
    return out


def missing_glyph_warnings(publication: Publication, theme: Theme) -> list[Diagnostic]:
    """One warning per line naming the characters that the theme's fonts lack."""
    serif = _coverage(theme.serif.files.values())
    sans = _coverage(theme.sans.files.values())
    covered = serif & sans
    seen: set[str] = set()
    by_line: dict[int | None, list[str]] = {}
    for text, line in _texts(publication):
        for char in text:
            if char in seen or ord(char) in covered:
                continue
            if unicodedata.category(char) in _IGNORED_CATEGORIES:
                continue
            seen.add(char)
            by_line.setdefault(line, []).append(char)
    return [Diagnostic(publication.source, line,
                       f"the fonts {theme.serif.family} and {theme.sans.family} have no "
                       f"{' '.join(chars)} ({', '.join(f'U+{ord(c):04X}' for c in chars)}); "
                       "the booklet shows them in another font only where this computer "
                       "has one (else as an empty box, as emoji often are), the slides in "
                       "whatever the presenter's computer has: write them another way or "
                       "leave them out",
                       WARNING)
            for line, chars in by_line.items()]
