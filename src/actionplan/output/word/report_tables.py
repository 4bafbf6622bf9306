"""The report's tables in Word: a caption for assistive technology, a header row repeated on
each page, column widths as shares of the page, rows kept whole, and a row's note (the drafted
evidence) in a row of its own under it, beside the row's first cell and kept on its page.

A report has thousands of rows (a chart's figures each), so rows are copied from a prototype
row in the XML rather than added one cell at a time through python-docx, which would take
seconds per hundred tables.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Emu, Length, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from actionplan.output.documents.markdown_blocks import Run
from actionplan.output.report.column_widths import fitted_widths
from actionplan.output.report.parts import Cell, Row, Table
from actionplan.output.word.ooxml import (
    borders,
    describe_table,
    keep_rows_whole,
    repeat_header,
    shade_cell,
)
from actionplan.output.word.writer import LABEL_FILL, Writer, add_runs, text_width

SMALL = Pt(8)
NOTE_COLOUR = RGBColor(0x48, 0x4F, 0x56)


# A long table's rows are handed on this many at a time (`report_table`'s `spool`).
SPOOLED_ROWS = 100


def report_table(writer: Writer, table: Table, spool: Callable[[Any], None] | None = None) -> None:
    """`table` at the end of the document; with `spool`, its XML element is given to it every
    hundred rows, to write them out and let them go (`SpooledBody.flush_within`)."""
    document = writer.document
    width = text_width(document)
    widths = [Emu(int(width * share)) for share in fitted_widths(table)]
    word = document.add_table(rows=2, cols=len(widths))
    word.autofit = False
    borders(word._tbl)
    describe_table(word._tbl, table.caption)
    for column, column_width in zip(word.columns, widths, strict=True):
        column.width = column_width
    header, prototype = word.rows
    size = SMALL if table.small else None
    for cell, runs, cell_width in zip(header.cells, table.header, widths, strict=True):
        cell.width = cell_width
        _tight(cell.paragraphs[0])
        _fill(cell.paragraphs[0], tuple(_bold(r) for r in runs), size)
        shade_cell(cell, LABEL_FILL)
    repeat_header(header._tr)
    keep_rows_whole(header._tr)
    for cell, cell_width in zip(prototype.cells, widths, strict=True):
        cell.width = cell_width
        # A plain run already sized, whose text a plain cell only has to set.
        _tight(cell.paragraphs[0])
        _size(cell.paragraphs[0].add_run(" "), size)
    keep_rows_whole(prototype._tr)
    word._tbl.remove(prototype._tr)
    rows = _Rows(word, prototype._tr, widths, size)
    for number, row in enumerate(table.rows, 1):
        rows.add(row)
        if spool is not None and number % SPOOLED_ROWS == 0:
            spool(word._tbl)


def _bold(run: Run) -> Run:
    return Run(run.text, bold=True, italic=run.italic, status=run.status)


class _Rows:
    """Rows copied from prototypes: a plain row, a row with a note under it (its first cell
    spanning both, every paragraph kept with the next), and the note's row."""

    def __init__(self, table: DocxTable, prototype: Any, widths: Sequence[Length],
                 size: Length | None) -> None:  # fmt: skip
        self.table = table
        self.plain = prototype
        self.size = size
        self.noted = copy.deepcopy(prototype)
        self.noted.tc_lst[0].vMerge = "restart"
        for p in self.noted.iter(qn("w:p")):
            DocxParagraph(p, table).paragraph_format.keep_with_next = True
        self.note = copy.deepcopy(prototype)
        first, second, *rest = self.note.tc_lst
        first.vMerge = "continue"
        for tc in rest:
            self.note.remove(tc)
        second.grid_span = len(widths) - 1
        second.width = Emu(sum(widths[1:]))
        for run in DocxParagraph(second.p_lst[0], table).runs:
            run.font.color.rgb = NOTE_COLOUR

    def add(self, row: Row) -> None:
        tr = copy.deepcopy(self.noted if row.note else self.plain)
        self.table._tbl.append(tr)
        for p, runs in zip(tr.iter(qn("w:p")), row.cells, strict=True):
            _fill(DocxParagraph(p, self.table), runs, self.size)
        if row.note:
            note = copy.deepcopy(self.note)
            self.table._tbl.append(note)
            text = note.tc_lst[1].find(f"{qn('w:p')}/{qn('w:r')}/{qn('w:t')}")
            text.text = row.note


def _fill(paragraph: DocxParagraph, runs: Cell, size: Length | None) -> None:
    """The cell's runs into its paragraph; a plain one into the prototype's run."""
    existing = paragraph._p.r_lst
    plain = len(runs) == 1 and runs[0] == Run(runs[0].text) and "\n" not in runs[0].text
    text = existing[0].find(qn("w:t")) if existing else None
    if plain and text is not None:
        text.text = runs[0].text  # the prototype's text keeps its spaces (xml:space)
        return
    for r in existing:
        paragraph._p.remove(r)
    add_runs(paragraph, runs)
    for run in paragraph.runs:
        _size(run, size)


def _tight(paragraph: DocxParagraph) -> None:
    # The body's space after a paragraph would open a gap under every cell's text.
    paragraph.paragraph_format.space_after = Pt(0)


def _size(run: Any, size: Length | None) -> None:
    if size is not None:
        run.font.size = size
