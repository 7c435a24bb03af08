"""The number Word shows before a paragraph of a numbered list.

Step 0 of the pipeline (bringing a letter in), inside the Word reader. Word numbers a
list by its numbering definition, not by its neighbours: the items of one list may
stand apart, with paragraphs of text between them ("Methode 4 …", a paragraph, "Methode
5 …"), and still count on. Written to Markdown one run of items at a time, each such
run would start again at 1, so the reader keeps Word's count for each paragraph and
the writer gives the first item of a run its number.

What is counted: each list definition (``w:abstractNum``) and level keeps its own count,
from the level's ``w:start``; an item resets the counts of the levels below it; a list
instance (``w:num``) that sets a ``w:startOverride`` starts its level there the first
time it is used. Numbering that only a paragraph style carries is not resolved
(``None``): such items are counted one run at a time, as before.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from .docx_internals import paragraph_element


class WordListNumbers:
    """Word's count of numbered paragraphs, fed one paragraph at a time, in order."""

    def __init__(self, document):
        try:
            self.definitions = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no numbering part: nothing to count
            self.definitions = None
        self.counts: dict[tuple[str, int], int] = {}
        self.overridden: set[tuple[str, int]] = set()  # (numId, level) started already

    def number_of(self, paragraph) -> int | None:
        """The number Word shows before ``paragraph``, or ``None`` when it shows none
        (or its numbering cannot be read)."""
        properties = paragraph_element(paragraph).pPr
        numbering = properties.numPr if properties is not None else None
        if self.definitions is None or numbering is None or numbering.numId is None:
            return None
        num_id = str(int(numbering.numId.val))
        level = int(numbering.ilvl.val) if numbering.ilvl is not None else 0
        instance = self.definitions.xpath(f"w:num[@w:numId='{num_id}']")
        if not instance:
            return None
        abstract = instance[0].find(qn("w:abstractNumId"))
        if abstract is None:
            return None
        abstract_id = str(int(abstract.get(qn("w:val"))))
        found = self.definitions.xpath(f"w:abstractNum[@w:abstractNumId='{abstract_id}']"
                                       f"/w:lvl[@w:ilvl='{level}']")
        if not found:
            return None
        definition = found[0]
        number_format = definition.find(qn("w:numFmt"))
        if number_format is not None and number_format.get(qn("w:val")) in ("bullet", "none"):
            return None
        key = (abstract_id, level)
        override = instance[0].xpath(f"w:lvlOverride[@w:ilvl='{level}']/w:startOverride")
        if override and (num_id, level) not in self.overridden:
            self.overridden.add((num_id, level))
            self.counts[key] = int(override[0].get(qn("w:val"))) - 1
        elif key not in self.counts:
            start = definition.find(qn("w:start"))
            self.counts[key] = (int(start.get(qn("w:val"))) if start is not None else 1) - 1
        self.counts[key] += 1
        for deeper in [other for other in self.counts
                       if other[0] == abstract_id and other[1] > level]:
            del self.counts[deeper]
        return self.counts[key]
