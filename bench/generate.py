"""Generate a publication with N lessons of realistic length, for the benchmark.

    .venv/bin/python bench/generate.py 100 > /tmp/honderd.md
"""

from __future__ import annotations

import random
import sys

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


if __name__ == "__main__":
    sys.stdout.write(publication(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
