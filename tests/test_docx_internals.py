"""One contract test for each python-docx internal tweeluik uses
(``tweeluik/importer/docx_internals.py``): when a release moves one, the test named after
it fails, and an import says which internal moved instead of reading a letter wrong."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tweeluik.importer import docx_internals as internals


def test_paragraph_element_is_the_paragraphs_w_p():
    paragraph = Document().add_paragraph("Een zin.")
    element = internals.paragraph_element(paragraph)
    assert element.tag == qn("w:p")
    assert [node.text for node in element.iter(qn("w:t"))] == ["Een zin."]
    assert element.pPr is None  # python-docx's paragraph properties, read for numbering


def test_paragraph_parent_makes_paragraphs_alike():
    document = Document()
    paragraph = document.add_paragraph("Een zin.")
    twin = Paragraph(internals.paragraph_element(paragraph),
                     internals.paragraph_parent(paragraph))
    assert twin.text == "Een zin." and twin.style.name == paragraph.style.name


def test_cell_element_is_the_same_for_a_merged_cell_in_each_place():
    table = Document().add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1))
    first, second = table.rows[0].cells
    assert internals.cell_element(first).tag == qn("w:tc")
    assert internals.cell_element(first) is internals.cell_element(second)
    assert internals.cell_element(table.rows[1].cells[0]) is not \
        internals.cell_element(table.rows[1].cells[1])


def test_run_element_is_the_runs_w_r():
    run = Document().add_paragraph().add_run("Een woord")
    element = internals.run_element(run)
    assert element.tag == qn("w:r")
    assert [node.text for node in element.iter(qn("w:t"))] == ["Een woord"]


def test_a_moved_internal_is_named_in_one_line():
    with pytest.raises(internals.DocxInternalMoved, match=r"docx\.table\._Cell\._tc"):
        internals.cell_element(object())
