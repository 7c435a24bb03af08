"""Make tweeluik/data/nl-hyphenation.marshal.gz, the Dutch word breaks in compact form.

Run it after updating Pyphen or the word list:
    .venv/bin/python tools/make_hyphenation_data.py
It holds Pyphen's Dutch hyphenation patterns, parsed, and the OpenTaal word list of
``nl-words.txt.gz`` in buckets by their first two letters, so that a build loads both in
some 15 ms instead of parsing them (some 150 ms). ``tests/test_pyphen_internals.py``
checks that the stored file is what this makes.
"""

from __future__ import annotations

import gzip
import marshal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tweeluik.hyphenation import COMPACT, COMPACT_FORMAT, WORDS  # noqa: E402
from tweeluik.pyphen_internals import patterns_of  # noqa: E402


def word_buckets(words: list[str]) -> dict[str, str]:
    """The words by their first two letters, each bucket one string: '\\nword\\nword\\n'."""
    buckets: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        buckets.setdefault(word[:2], []).append(word)
    return {key: "\n" + "\n".join(group) + "\n" for key, group in sorted(buckets.items())}


def make_compact() -> bytes:
    patterns, maxlen = patterns_of("nl_NL")
    with gzip.open(WORDS, "rt", encoding="utf-8") as stream:
        words = stream.read().split()
    data = {"format": COMPACT_FORMAT, "patterns": dict(sorted(patterns.items())),
            "maxlen": maxlen, "words": word_buckets(words)}
    return gzip.compress(marshal.dumps(data, 4), compresslevel=9, mtime=0)


if __name__ == "__main__":
    COMPACT.write_bytes(make_compact())
    print(f"wrote {COMPACT.relative_to(ROOT)} ({COMPACT.stat().st_size // 1024} KB)")
