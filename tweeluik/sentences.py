"""Split running text into sentences and clauses, in Dutch and English.

Used after parsing, by the checks and the deck planner (a lesson's first sentence as its
slide's stand-in key message; shortening at a sentence or clause, never in mid-word).
A full stop after a known abbreviation (ca., bijv., o.a., e.g. …) or an initial (A. de
Boer) does not end a sentence, nor does one followed by a word in lower case.
"""

from __future__ import annotations

import re

#: Abbreviations that end in a full stop without ending the sentence, lower case,
#: without their last full stop.
ABBREVIATIONS = frozenset("""
    a.d ad afb alg art b.v bijv bv blz ca cf d.d d.i d.m.v d.w.z dhr dr drs e.a e.d
    e.e.a e.v enz etc evt fa fig g.g.d gebr geb i.c i.h.a i.p.v i.s.m i.v.m ing ir jhr
    jl jr l.s m.a.w m.b.t m.i.v m.m.v m.n max mevr min mr mw n.a.v n.b n.v.t nl nr o.a
    o.b.v o.l.v o.m o.v.v p.p p.w prof resp s.v.p sr st t.a.v t.b.v t.g.v t.o.v t.w
    tel v.a v.d v.w.b vgl vnl vs w.o z.g z.g.a.n z.s.m zgn
    approx apt dept e.g est fig i.e inc jan feb mar apr jun jul aug sep sept oct nov dec
    mrs ms no p.m a.m ph.d u.s viz vol
""".split())

_CLOSERS = "”’\"')]»›"
_END = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s+|$)")
_NEXT_STARTS = re.compile(r"\s+[\"“‘'(\[«‹]*[A-ZÀ-ÖØ-Þ0-9]")


def _ends_sentence(text: str, end: int, mark: str) -> bool:
    """Whether the punctuation ``mark`` ending at ``end`` closes a sentence."""
    if not _NEXT_STARTS.match(text, end) and end < len(text.rstrip()):
        return False
    if "." not in mark or mark.strip(_CLOSERS) != ".":
        return True  # ! ? … and runs such as ?! end a sentence
    word = re.search(r"(\S+)\.[^.]*$", text[:end])
    if word is None:
        return True
    before = word.group(1).lstrip("(\"“‘'[«‹").lower()
    if before in ABBREVIATIONS:
        return False
    return not re.fullmatch(r"[a-zà-þ]", before)  # an initial: A. de Boer


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing punctuation, white space folded."""
    text = " ".join(text.split())
    out, start = [], 0
    for found in _END.finditer(text):
        if _ends_sentence(text, found.end(), found.group()):
            sentence = text[start:found.end()].strip()
            if sentence:
                out.append(sentence)
            start = found.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (the whole text when it has no sentence end)."""
    sentences = split_sentences(text)
    return sentences[0] if sentences else ""


_CLAUSE_END = re.compile(r"[,;:–—](?=\s)")


def split_clauses(sentence: str) -> list[str]:
    """A sentence cut after each comma, semicolon, colon or dash, keeping the marks."""
    out, start = [], 0
    for found in _CLAUSE_END.finditer(sentence):
        out.append(sentence[start:found.end()].strip())
        start = found.end()
    rest = sentence[start:].strip()
    if rest:
        out.append(rest)
    return [clause for clause in out if clause]


def ends_a_sentence(text: str) -> bool:
    """True when ``text`` ends with closing punctuation (or a colon, before a list)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ".!?…:;"


def ends_in_a_full_stop(text: str) -> bool:
    """True when ``text`` ends as a sentence that stands on its own does: a full stop, a
    question or exclamation mark, or an ellipsis, perhaps in quotes or brackets."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ".!?…"


def word_count(text: str) -> int:
    return len(text.split())


#: A paragraph that opens with a label of a word or three and a colon ("wanneer: 17 juli",
#: "gerelateerde acties: …"), as meeting notes write them.
_LABEL = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2}:(?:\s|$)")


def opens_with_a_label(text: str) -> bool:
    """Whether ``text`` opens with a label and its colon: a line of its own, not the rest
    of a sentence broken off above it, even when it starts in lower case."""
    return _LABEL.match(text.lstrip()) is not None
