"""Every name tweeluik reads inside python-docx, in one place.

Step 0 of the pipeline (bringing a letter in), under the Word reader. python-docx's
objects (a paragraph, a table cell) stand for elements of the document's XML, and the
reader needs the elements themselves: a paragraph's ``w:p`` (its numbering, its text
boxes and drawings, all of its text), the object a paragraph was made in (to make the
paragraphs of its text boxes alike), and a cell's ``w:tc`` (Word repeats a merged cell
in every row and column it spans, as the same element). Each is reached here, through
a function that first checks the name is still where tweeluik expects it; a
python-docx that moved one stops the import with one line naming it.
``tests/test_docx_internals.py`` holds one contract test for each.
"""

from __future__ import annotations

from typing import Any

from ..errors import InstallError

#: The versions tweeluik is tested with (pyproject.toml says the same).
KNOWN_GOOD = "python-docx 1.1–1.2"


class DocxInternalMoved(InstallError):
    """python-docx no longer has an internal tweeluik relies on."""

    def __init__(self, internal: str):
        import docx
        version = getattr(docx, "__version__", "?")
        super().__init__(f"python-docx {version} has moved an internal tweeluik uses "
                         f"({internal}); install the version tweeluik is known to work with "
                         f"({KNOWN_GOOD}): .venv/bin/pip install -e .")


def _attribute(owner: Any, name: str, where: str) -> Any:
    try:
        return getattr(owner, name)
    except AttributeError:
        raise DocxInternalMoved(f"{where}.{name}") from None


def paragraph_element(paragraph) -> Any:
    """A paragraph's ``w:p`` element (``Paragraph._p``)."""
    return _attribute(paragraph, "_p", "docx.text.paragraph.Paragraph")


def paragraph_parent(paragraph) -> Any:
    """What a paragraph was made in (``Paragraph._parent``)."""
    return _attribute(paragraph, "_parent", "docx.text.paragraph.Paragraph")


def cell_element(cell) -> Any:
    """A table cell's ``w:tc`` element (``_Cell._tc``)."""
    return _attribute(cell, "_tc", "docx.table._Cell")


def run_element(run) -> Any:
    """A run's ``w:r`` element (``Run._r``): its footnote marks."""
    return _attribute(run, "_r", "docx.text.run.Run")
