"""What only the author can make accessible: link words that say where a link leads,
headings in order, text not typed in capitals, picture descriptions that describe.

Part of step 2 (reading the source): the parser asks these questions of what it reads
and reports each answer as a warning with its line and column and what to write
instead. Tags, alternative texts and markup are the writers' job; these are the
author's, because no program can write them well.
"""

from __future__ import annotations

import re

#: Link words that mean nothing out of context (a screen reader lists a page's links by
#: their words alone; on paper only the words show), in Dutch and English.
VAGUE_LINK_WORDS = frozenset({
    "hier", "klik hier", "klik", "deze link", "link", "via deze link", "zie hier",
    "lees meer", "lees verder", "meer", "meer info", "meer informatie", "here", "click here",
    "click", "this link", "see here", "read more", "more", "more info", "learn more"})

#: A description that is a file name or a camera's name for a picture, not a description.
FILE_NAME_DESCRIPTION = re.compile(
    r"(?i)^(?:.*\.(?:png|jpe?g|gif|svg|webp|heic|bmp|tiff?|emf|wmf)|[a-z]:\\.*|/.*/.*|cid:\S+|"
    r"(?:img|dsc|dscn|pxl|image|picture|photo|foto|afbeelding|plaatje|screenshot)"
    r"[\s_-]*\d*)$")

#: What Word adds to a description it wrote by itself ("A picture containing icon
#: Description automatically generated"), in English and in Dutch.
GENERATED_DESCRIPTION = re.compile(
    r"(?i)(?:^|\s)(?:description automatically generated(?: with \w+ confidence)?|"
    r"automatisch gegenereerde beschrijving)\.?\s*$")

#: At least this many words in a row typed in capitals count as text set in capitals.
CAPITAL_WORDS = 3


def is_vague_link_text(text: str) -> bool:
    """True when a link's words say nothing about where it leads ("hier", "click here")."""
    words = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
    return words in VAGUE_LINK_WORDS


def vague_link_message(text: str) -> str:
    return (f"the link words '{text}' say nothing on their own: a screen reader lists a "
            "page's links by their words, and on paper only the words show. Write where the "
            "link leads instead, for example '[the annual report 2026](…)'")


def capitals_run(text: str) -> str | None:
    """The first run of ``CAPITAL_WORDS`` or more words typed in capitals, or ``None``
    (a screen reader may spell such words out letter by letter)."""
    run: list[str] = []
    for word in text.split():
        letters = "".join(char for char in word if char.isalpha())
        if len(letters) >= 2 and letters.isupper():
            run.append(word)
        elif len(run) >= CAPITAL_WORDS:
            break
        else:
            run = []
    return " ".join(run) if len(run) >= CAPITAL_WORDS else None


def capitals_message(run: str) -> str:
    shown = run if len(run) <= 40 else run[:37] + "…"
    return (f"'{shown}' is typed in capitals: a screen reader may spell it out letter by "
            "letter, and capitals are slower to read. Type it in ordinary letters; the "
            "layout sets labels in capitals where it wants them")


def skipped_level_message(level: int, previous: int) -> str:
    return (f"this '{'#' * level} ' heading comes under a '{'#' * previous} ' heading and "
            "skips a level: screen readers find their way by the levels. Write "
            f"'{'#' * (previous + 1)} ' here")


def is_file_name_description(description: str) -> bool:
    return bool(FILE_NAME_DESCRIPTION.match(description.strip()))


def is_generated_description(description: str) -> bool:
    """Whether Word wrote ``description`` by itself, guessing from the picture."""
    return bool(GENERATED_DESCRIPTION.search(description))


#: What the import writes as the description of a picture nobody described, by the
#: letter's language: a screen reader says it, but the booklet prints no caption.
STAND_IN_DESCRIPTIONS = {"nl": "Afbeelding uit de brief", "en": "Picture from the letter",
                         "de": "Bild aus dem Brief"}


def is_stand_in_description(description: str) -> bool:
    """Whether ``description`` is the import's stand-in (``STAND_IN_DESCRIPTIONS``)."""
    return description.strip() in STAND_IN_DESCRIPTIONS.values()


def says_what_it_shows(description: str) -> bool:
    """Whether a picture's description was written by someone: not empty, not a file
    name, not one Word made up, not the import's stand-in."""
    return bool(description) and not is_file_name_description(description) \
        and not is_generated_description(description) \
        and not is_stand_in_description(description)


def stand_in_description_message(description: str) -> str:
    return (f"the picture's description '{description}' is the stand-in the import wrote: a "
            "screen reader says it, and the booklet and web edition print no caption. "
            "Describe what the picture shows, in a sentence, in its place")


def generated_description_message(description: str) -> str:
    return (f"Word wrote the picture's description '{description}' by itself, guessing: it "
            "is what a screen reader says and the booklet prints as the caption. Describe "
            "what the picture shows, in a sentence in the letter's language")


def file_name_description_message(description: str) -> str:
    return (f"the picture's description '{description}' is a file name, not a description: "
            "it is what a screen reader says and the booklet prints as the caption. Describe "
            "what the picture shows, in a sentence")
