"""Generate a publication with N lessons of realistic length, for the benchmark; and the
sources at the README's limits (``at_the_limits``), for the benchmark and the tests.

    .venv/bin/python bench/generate.py 100 > /tmp/honderd.md
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = ("buurt wijk bewoners team vrijwilligers ontmoeting koffie plein school straat "
         "gesprek plan idee samen jaar maand week avond huis deur tuin bank zomer winter "
         "feest taart brief les vraag antwoord hulp zorg tijd ruimte plek kind ouder "
         "buurthuis wijkteam gemeente partner project afspraak overleg verhaal succes "
         "aandacht vertrouwen geduld moed kracht").split()
VERBS = "leren delen zoeken vinden maken vragen horen kiezen bouwen helpen vieren".split()


def sentence(rng: random.Random, words: int) -> str:
    parts = [rng.choice(WORDS) if i % 4 else rng.choice(VERBS) for i in range(words)]
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 5)))


def publication(lessons: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = ["---", f"title: Honderd lessen ({lessons})", "subtitle: Gegenereerd voor de benchmark",
           "organisation: Vereniging van Wijkteams", "date: 2026-12-12",
           "signatories: [Anneke de Boer, Daan Kuipers, Fatma Yıldız]", "---", "",
           "Beste leden,", "", paragraph(rng), "", paragraph(rng), ""]
    for number in range(1, lessons + 1):
        out += [f"## {number}. {sentence(rng, rng.randint(3, 7))[:-1]}", "",
                f"> {sentence(rng, rng.randint(6, 12))}", ""]
        for _ in range(rng.randint(3, 5)):
            out += [paragraph(rng), ""]
    out += ["---", "", paragraph(rng), "", "Met hartelijke groet,", ""]
    return "\n".join(out)


def at_the_limits(folder: Path, lessons: int, paragraphs: int, links: int,
                  paragraph_chars: int, source_bytes: int) -> dict[str, str]:
    """The body of a source at each of the README's limits (the numbers are the limits,
    handed in by the caller); the picture they show is written into ``folder``/images."""
    from PIL import Image
    (folder / "images").mkdir(exist_ok=True)
    Image.new("RGB", (7000, 7000), (190, 170, 150)).save(folder / "images" / "groot.png",
                                                         compress_level=1)
    rng = random.Random(3)
    long_paragraph = " ".join(sentence(rng, 12) for _ in range(400))[:paragraph_chars - 10]
    return {
        "lessons-each-with-the-same-large-picture": "Beste leden,\n\n" + "".join(
            f"## {n}. Les {n}\n\n> Kern {n}.\n\n![Het plein](images/groot.png)\n\nTekst {n}.\n\n"
            for n in range(1, lessons + 1)),
        "paragraphs": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            sentence(rng, 12) for _ in range(paragraphs - 1)) + "\n",
        "links-each-with-a-note-and-a-qr-code": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            f"Zie [pagina {n}](https://example.nl/wijkteams/verslagen/{n}/het-hele-verslag)."
            for n in range(links)) + "\n",
        "the-most-text-in-the-longest-paragraphs": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            [long_paragraph] * ((source_bytes - 1000) // len(long_paragraph))) + "\n",
        # A pasted list run together: first paragraphs of one sentence and many commas,
        # which the slides shorten clause by clause.
        "lists-pasted-as-one-sentence": "Beste leden,\n\n" + "".join(
            f"## {n}. Les {n}\n\n" + ", ".join(f"punt {i} van de lijst"
                                                for i in range(1000))[:paragraph_chars - 10]
            + "\n\n" for n in range(1, source_bytes // paragraph_chars)),
        "emphasis-nested-twelve-deep": "Beste leden,\n\n## 1. Les\n\n" + "\n\n".join(
            "*a _b **c __d *e _f **g __h *i _j **k __l x__** j_* i__** h_* g__** f_* e__** "
            "d_* c__** b_* tekst" for _ in range(100)) + "\n",
    }


if __name__ == "__main__":
    sys.stdout.write(publication(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
