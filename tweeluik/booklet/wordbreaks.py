"""Give WeasyPrint tweeluik's word breaks while it lays out the booklet.

Step 3b of the pipeline (booklet writer, during layout). The booklet uses CSS
``hyphens: auto``, for which WeasyPrint asks Pyphen where a word may break. While
tweeluik lays out a booklet, WeasyPrint's line breaker is handed a dictionary that
answers with ``hyphenation.break_points`` instead: compound joints first, the author's
exceptions in ``layouts/hyphenation.txt``, syllables otherwise, exactly the points the
deck uses. (Soft hyphens in the HTML would say the same, but WeasyPrint 70 breaks
lines too early after a soft hyphen and sometimes drops the hyphen; its automatic
hyphenation has neither fault.)

This replaces the ``pyphen`` name inside ``weasyprint.text.line_break`` for the
duration of a layout only (through ``weasyprint_internals``, which stops the build if a
new WeasyPrint moved it).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pyphen

from ..hyphenation import Exceptions, break_points
from .weasyprint_internals import hyphenation_replaced_by

_LOCK = threading.Lock()


class _Dictionary:
    """What WeasyPrint needs of a ``pyphen.Pyphen``: ``iterate``, longest first."""

    def __init__(self, language: str, exceptions: Exceptions, left: int, right: int):
        self.language, self.exceptions = language, exceptions
        self.left, self.right = left, right

    def iterate(self, word: str) -> Iterator[tuple[str, str]]:
        points = break_points(word, self.language, self.exceptions)
        for point in reversed(points):
            if self.left <= point <= len(word) - self.right:
                yield word[:point], word[point:]


class _Pyphen:
    """Stands in for the ``pyphen`` module inside WeasyPrint's line breaker."""

    LANGUAGES = pyphen.LANGUAGES

    def __init__(self, exceptions: Exceptions):
        self.exceptions = exceptions

    @staticmethod
    def language_fallback(language: str) -> str | None:
        return pyphen.language_fallback(language)

    def Pyphen(self, lang: str, left: int = 2, right: int = 2):  # the name WeasyPrint calls
        for ours in ("nl", "en", "de"):
            if lang.lower().split("_")[0] == ours:
                return _Dictionary(ours, self.exceptions, left, right)
        return pyphen.Pyphen(lang=lang, left=left, right=right)


@contextlib.contextmanager
def tweeluik_word_breaks(exceptions: Exceptions) -> Iterator[None]:
    """Within this block, WeasyPrint hyphenates Dutch and English as tweeluik does."""
    with _LOCK, hyphenation_replaced_by(_Pyphen(exceptions)):
        yield
