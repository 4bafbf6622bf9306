"""A Performance Action Plan as a Word document: the template's headings as Word heading styles,
its two-column field tables, and the plan's text as Word paragraphs and lists, in the styles,
page set-up, header and footer of a council's own `plan.docx`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.table import _Cell

from actionplan.output.documents.layout import Field, PlanLayout
from actionplan.output.documents.markdown_blocks import Run
from actionplan.output.word.ooxml import borders, describe_table, keep_rows_whole, shade_cell
from actionplan.output.word.writer import (
    LABEL_FILL,
    Writer,
    base_document,
    docx_bytes,
    set_properties,
    text_width,
)

LABEL_SHARE = 0.28  # of the text width, as plan.css gives the label column
MUTED = RGBColor(0x48, 0x4F, 0x56)


def plan_docx(layout: PlanLayout, template: Path, starter: Path) -> bytes:
    """The plan in `template` (a .docx whose styles, header and footer are kept); `starter` is
    the built-in template, where a style the council's file lacks is taken from."""
    document = base_document(template)
    set_properties(document, layout.title, layout.as_of)
    writer = Writer(document, starter)
    if layout.organisation:
        writer.paragraph(document, [Run(layout.organisation, bold=True)])
    writer.heading(layout.heading, 1)
    if layout.instruction:
        writer.paragraph(document, layout.instruction)
    if layout.notice:
        writer.paragraph(document, layout.notice)
    for section in layout.sections:
        writer.heading(section.heading, 2)
        if section.guidance:
            words = [Run(section.guidance, italic=True)]
            guidance = writer.paragraph(document, words, colour=MUTED)
            guidance.paragraph_format.keep_with_next = True  # as the heading above it is
        field_table(writer, section.fields, section.heading)
    writer.paragraph(document, [Run(layout.footer)], size=Pt(8.5), colour=MUTED)
    return docx_bytes(document)


def field_table(writer: Writer, fields: Sequence[Field], caption: str) -> None:
    """The template's label | text table; rows are not split across pages."""
    document: DocxDocument = writer.document
    table = document.add_table(rows=0, cols=2)
    table.autofit = False
    borders(table._tbl)
    describe_table(table._tbl, caption)
    width = text_width(document)
    widths = (Emu(int(width * LABEL_SHARE)), Emu(width - int(width * LABEL_SHARE)))
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    for field in fields:
        row = table.add_row()
        keep_rows_whole(row._tr)
        label, value = row.cells
        label.width, value.width = widths
        label.paragraphs[0].add_run(field.label).bold = True
        shade_cell(label, LABEL_FILL)
        writer.blocks(value, field.blocks)
        _drop_first_empty_paragraph(value)


def _drop_first_empty_paragraph(cell: _Cell) -> None:
    # A new cell holds one empty paragraph; the text went in after it.
    paragraphs = cell._tc.findall(qn("w:p"))
    if len(cell._tc) > 2 and paragraphs and not cell.paragraphs[0].text:
        cell._tc.remove(paragraphs[0])
