"""A Word file's paragraphs in reading order, and what its tables are.

Step 0 of the pipeline (bringing a letter in), for ``.docx`` files. A table's paragraphs
stand where the table does, row by row, each cell once. A table that holds data (a
first row naming its columns, short cells of one paragraph each, no pictures, two to
six columns: an order form, a list of fees) comes as one ``WordTable`` and is written
as a table; of another (a layout grid, a boxed remark, labels beside their values) a row
of short cells reads as one line (``ShortRow``), a form's label beside empty cells as a
line to write on (``FormLine``), and the rest cell by cell.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ..text_limits import MAX_PARAGRAPHS, MAX_TABLE_COLUMNS
from .docx_internals import cell_element, paragraph_element

#: Tables inside tables are read this deep; deeper ones are reported, not read.
MAX_TABLE_DEPTH = 4
#: A table row of short cells, each one paragraph of at most this many words, is read as
#: one paragraph, its cells joined by ``CELL_SEPARATOR``: a form's labels ("Naam ·
#: Aantal · Totaal"), which read as nothing one to a paragraph. So is a label ending in a
#: colon beside its value ("Teamnaam: Huwelijksplanner").
SHORT_CELL_WORDS = 6
CELL_SEPARATOR = " · "
#: A data table's cells hold at most this many words each (more is prose, laid out).
DATA_CELL_WORDS = 12

#: Stands between table cells, and before and after a table, among the paragraphs in
#: reading order: a sentence does not go on across it.
CELL_EDGE = object()
#: Stand before and after the cells of a row read cell by cell (an action list's 'what ·
#: who · status' with a long 'what'): what stands between them is no letter's signature.
ROW_START, ROW_END = object(), object()


class ShortRow(tuple):
    """The paragraphs of a table row read as one paragraph (see ``SHORT_CELL_WORDS``)."""


class FormLine(tuple):
    """A row of a form: a short label beside cells left empty to be written in, read as
    one paragraph, the label and a dotted line ("Familienaam: ……")."""


#: A form's label is at most this many words and ends in no full stop.
FORM_LABEL_WORDS = 6


class WordTable(tuple):
    """A table that holds data: its rows, each a tuple of cells, a cell its paragraph or
    ``None`` when it is empty; the first row names the columns."""


def paragraphs_in_order(document) -> tuple[list, int, int]:
    """The document's paragraphs in reading order, a table's where it stands: row by
    row, each cell once (Word repeats a merged cell in every row and column it spans),
    a cell's own tables in place, or the whole table as a ``WordTable``. Also how many
    tables were read, and how many were too deep to read. Stops early past
    ``MAX_PARAGRAPHS``."""
    from docx.table import Table
    found: list = []
    tables = too_deep = count = 0
    pending = [iter(document.iter_inner_content())]  # what is left to read, at each depth
    depths = [0]  # and how deep in tables each one stands
    while pending and count <= MAX_PARAGRAPHS:
        item = next(pending[-1], None)
        if item is None:
            pending.pop()
            depths.pop()
            continue
        if not isinstance(item, Table):
            found.append(item)
            # (a table kept whole counts a paragraph a cell, as the publication will)
            count += sum(map(len, item)) if isinstance(item, WordTable) \
                else item not in (CELL_EDGE, ROW_START, ROW_END)
            continue
        if depths[-1] >= MAX_TABLE_DEPTH:
            too_deep += 1
            continue
        tables += 1
        pending.append(_cell_contents(item))
        depths.append(depths[-1] + 1)
    return found, tables, too_deep


def _one_line(cells: list[list]) -> bool:
    """Whether a row's cells (each its paragraphs and tables with text) read as one line."""
    from docx.table import Table
    filled = [content for content in cells if content]
    if len(filled) < 2 or any(len(content) > 1 or isinstance(content[0], Table)
                              for content in filled):
        return False
    words = [len(content[0].text.split()) for content in filled]
    return max(words) <= SHORT_CELL_WORDS or len(filled) == 2 \
        and filled[0][0].text.strip().endswith(":")


def _to_fill_in(cells: list[list]) -> bool:
    """Whether a row's cells (each its paragraphs and tables with text) are a form's
    label and the empty cells beside it to write in."""
    from docx.table import Table
    if len(cells) < 2 or len(cells[0]) != 1 or isinstance(cells[0][0], Table) \
            or any(cells[1:]):
        return False
    label = cells[0][0].text.strip()
    return 0 < len(label.split()) <= FORM_LABEL_WORDS and not label.endswith((".", "!"))


def _rows(table) -> list[list[list]]:
    """A table's rows, each cell once (Word repeats a merged cell in every row and
    column it spans), a cell its paragraphs and tables."""
    seen = set()  # the cells' elements, kept: lxml gives a kept element the same proxy
    rows = []
    for row in table.rows:
        contents = []
        for cell in row.cells:
            if cell_element(cell) not in seen:
                seen.add(cell_element(cell))
                contents.append(list(cell.iter_inner_content()))
        rows.append(contents)
    return rows


def _cell_contents(table):
    """A table's paragraphs and tables, row by row; the whole table as one
    ``WordTable`` when it holds data, else a row of short cells as one ``ShortRow``."""
    from docx.table import Table
    rows = _rows(table)
    filled = [[[item for item in content if isinstance(item, Table) or item.text.strip()]
               for content in row] for row in rows]
    if _holds_data(filled):
        yield CELL_EDGE
        yield WordTable(tuple(content[0] if content else None for content in row)
                        for row in filled)
        yield CELL_EDGE
        return
    for contents, row in zip(rows, filled, strict=True):
        if _to_fill_in(row):
            yield CELL_EDGE
            yield FormLine(row[0])
            continue
        if _one_line(row):
            yield ShortRow(content[0] for content in row if content)
            continue
        yield ROW_START
        for content in contents:
            yield CELL_EDGE
            yield from content
        yield ROW_END
    yield CELL_EDGE


def _holds_data(rows: list[list[list]]) -> bool:
    """Whether a table (its rows of cells, each its paragraphs and tables with text)
    holds data: every row as wide, two to ``MAX_TABLE_COLUMNS`` columns, a first row
    that names every column, at most one short paragraph in a cell and no table or
    picture, and something below the first row. Labels beside their values ('Teamnaam:'
    in the first column) are a form, not a table."""
    from docx.table import Table
    widths = {len(row) for row in rows}
    if len(rows) < 2 or len(widths) != 1 or not 2 <= widths.pop() <= MAX_TABLE_COLUMNS:
        return False
    cells = [content for row in rows for content in row]
    if any(len(content) > 1 or content and (isinstance(content[0], Table)
                                            or _holds_a_picture(content[0]))
           for content in cells):
        return False
    if any(content and len(content[0].text.split()) > DATA_CELL_WORDS for content in cells):
        return False
    labels = sum(1 for row in rows if row[0] and row[0][0].text.strip().endswith(":"))
    return all(rows[0]) and labels * 2 < len(rows) and any(any(row) for row in rows[1:])


def _holds_a_picture(paragraph) -> bool:
    """Whether a paragraph holds a picture or a text box (a drawing of either kind)."""
    element = paragraph_element(paragraph)
    return next(element.iter(qn("w:drawing"), qn("w:pict")), None) is not None
