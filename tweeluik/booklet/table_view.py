"""How a table is set: its columns' alignment, the rows left to fill in, its width.

Step 3a of the pipeline (booklet writer, first half; the web edition's layout reads the
same view). Decisions about a table's look that its source leaves open: a column of
figures is set to the right when the author gave it no alignment, a row with nothing in
it but a currency sign is a line to write on (an order form's), a closing row that adds
up ('Totaal') is set apart, and a table whose longest words would push it past the A5
text gets equal columns.
"""

from __future__ import annotations

import re

from ..model import Table, plain_text

#: A table whose columns' longest words come to more letters than this does not fit
#: across the booklet's text as WeasyPrint sizes a table (by its longest words, never
#: breaking them): its columns are then made equal and its words broken to fit.
#: (Some 60 letters of the table's sans fill the A5 text width.)
TABLE_LETTERS_ACROSS = 60
#: A figure or an amount: '385', '-12', '€ 8,50', '12 %', '1.250'.
FIGURE = re.compile(r"[€$£]?\s?[-+−]?\d[\d.,]*\s?[%€]?")
#: What stands in a column of figures where a figure is unknown or does not apply.
GAPS = {"?", "-", "–", "—", "n.v.t.", "n.v.t", "nvt", "n/a"}
#: What a row to write on holds: nothing, a currency sign, dots or a rule to write on.
TO_FILL_IN = re.compile(r"[€$£.…_\s]*")
#: The first word of a row that adds up the rows above it, in Dutch and English.
TOTAL_WORDS = {"totaal", "subtotaal", "eindtotaal", "total", "subtotal", "totals"}


def table_setting(table: Table) -> dict:
    """What a layout needs to set ``table`` besides its cells: each column's alignment
    (``aligns``), which rows are lines to write on (``fill_in``) and which add up the
    rows above (``total``: among the last two, its first cell opening with 'Totaal'),
    whether its columns are made equal (``fixed``) and its column names in a line
    (``names``)."""
    header = [plain_text(cell.inlines).strip() for cell in table.header]
    rows = [[plain_text(cell.inlines).strip() for cell in row] for row in table.rows]
    columns = [[row[column] for row in rows if column < len(row)]
               for column in range(len(table.aligns))]
    return {"aligns": [_align(align, cells) for align, cells in
                       zip(table.aligns, columns, strict=True)],
            "fill_in": [all(TO_FILL_IN.fullmatch(text) for text in row) for row in rows],
            "total": [index >= len(rows) - 2 and _adds_up(row) for index, row in enumerate(rows)],
            "fixed": _too_wide(header, columns),
            "names": ", ".join(header)}


def _adds_up(row: list[str]) -> bool:
    words = row[0].split() if row else []
    return bool(words) and words[0].rstrip(":").lower() in TOTAL_WORDS


def _align(align: str | None, cells: list[str]) -> str | None:
    """A column's alignment: the author's, else "right" for a column of figures (two in
    three of its filled cells a figure, a '?' or 'n.v.t.' where one is missing not
    counted, none longer than a short remark), else none."""
    filled = [text for text in cells if text and text.lower() not in GAPS]
    figures = [text for text in filled if FIGURE.fullmatch(text)]
    if align is None and filled and 3 * len(figures) >= 2 * len(filled) \
            and all(len(text) <= 16 for text in filled):
        return "right"
    return align


def _too_wide(header: list[str], columns: list[list[str]]) -> bool:
    """Whether the longest words, a column each, would push a table past the text."""
    longest = [max((len(word) for text in ([header[index]] if index < len(header) else [])
                    + cells for word in text.split()), default=0)
               for index, cells in enumerate(columns)]
    return sum(longest) + 2 * len(longest) > TABLE_LETTERS_ACROSS
