"""The quarterly report as a Word or PDF file: its parts (`layout`) laid out by
python-docx in `report.docx`, or typeset by Typst with `report.typ`, from the templates folder
when it has them, else the built-in ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from actionplan.output.documents.formats import template_file
from actionplan.output.documents.markdown_blocks import as_data, runs_data
from actionplan.output.report.column_widths import fitted_widths
from actionplan.output.report.layout import lazy_report_layout, report_layout
from actionplan.output.report.model import Report
from actionplan.output.report.parts import (
    Bullets,
    Chart,
    Heading,
    Part,
    Plan,
    ReportLayout,
    Table,
    Text,
)
from actionplan.output.report.variables import context

Progress = Callable[[int, int], None]
DOCUMENT_TEMPLATES = {"docx": "report.docx", "pdf": "report.typ"}


def write_report_document(
    report: Report,
    fmt: str,
    handle: BinaryIO,
    templates: Path | None = None,
    progress: Progress | None = None,
) -> None:
    """The report as a .docx (`fmt` "docx") or PDF ("pdf") file, written into `handle` (a
    seekable file). Word takes the parts one at a time; Typst typesets them all at once."""
    template = template_file(DOCUMENT_TEMPLATES[fmt], templates)
    variables = context(report)
    if fmt == "docx":
        from actionplan.output.word.report import write_report_docx

        starter = template_file(DOCUMENT_TEMPLATES[fmt], None)
        layout = lazy_report_layout(variables, report.as_of)
        write_report_docx(layout, template, starter, handle, progress)
        return
    from actionplan.output.pdf.bounds import check_pdf_text
    from actionplan.output.pdf.writer import PdfWriter

    layout = report_layout(variables, report.as_of)
    for plan in (part for part in layout.parts if isinstance(part, Plan)):
        fields = (f.blocks for s in plan.sections for f in s.fields)
        check_pdf_text(fields, plan.source, "report")
    handle.write(PdfWriter(template).render(layout_data(layout), report.as_of))


def layout_data(layout: ReportLayout) -> dict[str, Any]:
    """The report's parts as JSON-ready data for `report.typ` (docs/render.md lists them)."""
    return {"title": layout.title, "parts": [_part(part) for part in layout.parts]}


def _part(part: Part) -> dict[str, Any]:
    if isinstance(part, Heading):
        return {"type": "heading", "text": part.text, "level": part.level,
                "new_page": part.new_page}  # fmt: skip
    if isinstance(part, Text):
        return {"type": "text", "kind": part.kind, "runs": runs_data(part.runs)}
    if isinstance(part, Bullets):
        return {"type": "bullets", "items": [runs_data(item) for item in part.items]}
    if isinstance(part, Table):
        return _table(part)
    if isinstance(part, Chart):
        return {"type": "chart", "title": part.title, "alt": part.alt, "svg": part.svg}
    return _plan(part)


def _table(table: Table) -> dict[str, Any]:
    return {
        "type": "table",
        "caption": table.caption,
        "header": [runs_data(cell) for cell in table.header],
        "rows": [
            {"cells": [runs_data(cell) for cell in row.cells], "note": row.note}
            for row in table.rows
        ],
        "widths": list(fitted_widths(table)),
        "small": table.small,
    }


def _plan(plan: Plan) -> dict[str, Any]:
    return {
        "type": "plan",
        "sections": [
            {
                "heading": s.heading,
                "guidance": s.guidance,
                "fields": [{"label": f.label, "blocks": as_data(list(f.blocks))} for f in s.fields],
            }
            for s in plan.sections
        ],
    }
