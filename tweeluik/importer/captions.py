"""A picture's caption, written beside it in the letter, as its description.

Step 0 of the pipeline (bringing a letter in), pure: paragraphs (``Piece``s) → the same,
with a caption that stands right above or under a picture of its own ("Fig. 1 Waar we
elkaar ontmoeten", or a paragraph in Word's Caption style) taken in as that picture's
description, where the picture has none. The booklet prints a picture's description as
its caption, and a screen reader says it; the caption as a line of text above the
picture said nothing of the picture, and the picture got a stand-in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..accessibility import says_what_it_shows
from .letter_parts import Note
from .pieces import Piece

#: A caption that numbers what it describes: "Fig. 1 …", "Figuur 2: …", "Afbeelding 3. …".
NUMBERED_CAPTION = re.compile(r"^(?:fig(?:uur|ure)?|afb(?:eelding)?|foto|kaart|grafiek|"
                              r"image|picture|photo|map|chart)\.?\s*\d{1,3}[.:]?\s+(\S.*)$",
                              re.IGNORECASE)
#: A caption is a line: at most this many words, and when it ends as a sentence does, at
#: most this many.
CAPTION_WORDS = 25
SENTENCE_CAPTION_WORDS = 12


def captions_as_descriptions(pieces: list[Piece], notes: list[Note]) -> list[Piece]:
    """``pieces`` with each caption paragraph beside a lone picture taken in as the
    picture's description (a note says so), when it has no description of its own."""
    out = list(pieces)
    taken: set[int] = set()
    for index, piece in enumerate(out):
        if not _lone_picture(piece) or says_what_it_shows(piece.pictures[0].alt):
            continue
        for near in (index - 1, index + 1):
            if near in taken or not 0 <= near < len(out):
                continue
            caption = _caption_text(out[near])
            if caption is None:
                continue
            picture = replace(piece.pictures[0], alt=caption)
            out[index] = replace(piece, pictures=(picture,))
            taken.add(near)
            notes.append(Note(out[index], f"took the caption “{caption}” beside the picture "
                                          "as its description"))
            break
    return [piece for index, piece in enumerate(out) if index not in taken]


def _lone_picture(piece: Piece) -> bool:
    return len(piece.pictures) == 1 and not piece.text


def _caption_text(piece: Piece) -> str | None:
    """The words of a caption paragraph (without its 'Fig. 1'), or ``None``."""
    if piece.pictures or not piece.text or len(piece.text.split()) > CAPTION_WORDS \
            or piece.heading or piece.bullet or piece.numbered:
        return None
    numbered = NUMBERED_CAPTION.match(piece.text)
    if numbered is not None and (len(piece.text.split()) <= SENTENCE_CAPTION_WORDS
                                 or not piece.text.endswith((".", "!", "?"))):
        return numbered.group(1).strip()  # (not a sentence about it: "Figuur 4 toont …")
    return piece.text if piece.caption_style else None
