"""Words garbled by a wrong character set, mended (step 0, bringing a letter in).

A text written in one character set and read in another shows 'Ã¶' for 'ö' and 'â€œ'
for '“'; e-mails do it most, when a program pastes UTF-8 words into a message it says is
Latin-1. ``decoded_text`` reads bytes in the set they name, else UTF-8, else Windows';
ftfy, a library made for this, finds such runs and decodes them as they were
meant; tweeluik asks it for that repair only (its other repairs, straight quotes among
them, would change what the author wrote). Pure: paragraphs → paragraphs and a note.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import printable
from .pieces import Piece, Span


def decoded_text(data: bytes, charset: str | None = None) -> str:
    """A file's or a part's words: in the character set it names, else UTF-8, else
    Windows' (which decodes any bytes; a wrong guess is what ``mended_pieces`` mends)."""
    for name in (charset, "utf-8-sig"):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def mended_pieces(pieces: list[Piece]) -> tuple[list[Piece], list[str]]:
    """``pieces`` with their garbled words mended, and a note for the report saying how
    many and showing the first (none when nothing was garbled)."""
    everything = "\n".join(_texts(pieces))
    if everything.isascii():
        return pieces, []
    import ftfy  # (only for a letter that has letters beyond ASCII)

    if ftfy.fix_encoding(everything) == everything:
        return pieces, []
    changed: dict[tuple[str, str], None] = {}  # (in order, each garbled word once)

    def mend(text: str) -> str:
        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            changed.update(((old, new), None) for old, new in zip(
                text.split(), fixed.split(), strict=False) if old != new)
        return fixed

    out = [_mended(piece, mend) for piece in pieces]
    if not changed:
        return out, []
    old, new = next(iter(changed))
    count = len(changed)
    return out, [f"mended {count} word{'s' if count != 1 else ''} garbled by a wrong character "
                 f"set (“{printable(old[:40])}” now reads “{printable(new[:40])}”): the text "
                 "was written in one and read in another; check names and signs such as €"]


def _texts(pieces: list[Piece]):
    for piece in pieces:
        yield from (span.text for span in piece.spans)
        yield from piece.lines
        yield from (span.text for row in piece.rows for cell in row for span in cell)
        yield from (picture.alt for picture in piece.pictures)


def _mended(piece: Piece, mend) -> Piece:
    def spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(replace(span, text=mend(span.text)) for span in spans)

    return replace(piece, spans=spans(piece.spans),
                   lines=tuple(mend(line) for line in piece.lines),
                   rows=tuple(tuple(spans(cell) for cell in row) for row in piece.rows),
                   pictures=tuple(replace(picture, alt=mend(picture.alt))
                                  for picture in piece.pictures))
