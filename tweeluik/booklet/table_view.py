"""How a table is set: its columns' alignment, the rows left to fill in, its width.

Step 3a of the pipeline (booklet writer, first half; the web edition's layout reads the
same view). Decisions about a table's look that its source leaves open: a column of
figures is set to the right when the author gave it no alignment, a row with nothing in
it but a currency sign is a line to write on (an order form's), and a table whose longest
words would push it past the A5 text gets equal columns.
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


def _columns(table: Table) -> list[list[str]]:
    """The plain text of the cells below the header, column by column."""
    return [[plain_text(row[column].inlines).strip() for row in table.rows
             if column < len(row)] for column in range(len(table.aligns))]


def column_aligns(table: Table) -> list[str | None]:
    """Each column's alignment: the author's, else "right" for a column of figures (two
    in three of its filled cells a figure, a '?' or 'n.v.t.' where one is missing not
    counted, none longer than a short remark), else none."""
    aligns = []
    for align, cells in zip(table.aligns, _columns(table), strict=True):
        filled = [text for text in cells if text and text.lower() not in GAPS]
        figures = [text for text in filled if FIGURE.fullmatch(text)]
        if align is None and filled and 3 * len(figures) >= 2 * len(filled) \
                and all(len(text) <= 16 for text in filled):
            align = "right"
        aligns.append(align)
    return aligns


def rows_to_fill_in(table: Table) -> list[bool]:
    """For each row below the header, whether it is a line to write on: nothing in it
    but perhaps a currency sign or dots, in every cell."""
    return [all(TO_FILL_IN.fullmatch(plain_text(cell.inlines)) for cell in row)
            for row in table.rows]


def too_wide_to_fit(table: Table) -> bool:
    """Whether a table's longest words, a column each, would push it past the text."""
    rows = (table.header, *table.rows)
    longest = [max((len(word) for row in rows if column < len(row)
                    for word in plain_text(row[column].inlines).split()), default=0)
               for column in range(len(table.aligns))]
    return sum(longest) + 2 * len(longest) > TABLE_LETTERS_ACROSS
