"""The quarterly report as a Word document, in the styles, page set-up, header and footer of a
council's own `report.docx`: the report's headings as Word heading styles, its tables as Word
tables, each chart as a picture with alternative text followed by its figures, and each RED
measure's plan in the field tables `render` makes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from docx.shared import Pt

from actionplan.output.documents.markdown_blocks import ListBlock, Paragraph, Run
from actionplan.output.report.chart_images import PngCharts
from actionplan.output.report.parts import (
    Bullets,
    Chart,
    Heading,
    Plan,
    ReportLayout,
    Table,
    Text,
)
from actionplan.output.word.ooxml import left_rule
from actionplan.output.word.pictures import Pictures
from actionplan.output.word.plan import MUTED, field_table
from actionplan.output.word.report_tables import report_table
from actionplan.output.word.spooled_body import SpooledBody
from actionplan.output.word.writer import Writer, base_document, set_properties, text_width

Progress = Callable[[int, int], None]
NOTICE_RULE = "A4262C"
SMALL = Pt(9)
PLAN_SECTION_LEVEL = 4


def write_report_docx(
    layout: ReportLayout,
    template: Path,
    starter: Path,
    handle: BinaryIO,
    progress: Progress | None = None,
) -> None:
    """The report in `template` (a .docx whose styles, header and footer are kept), written
    into `handle` (a seekable file); `starter` is the built-in template, where a style the
    council's file lacks is taken from. Each part is written and let go as it comes, each
    chart's picture drawn then: the parts may be made one at a time (`lazy_report_layout`)."""
    pictures = PngCharts(layout.charts, progress)
    document = base_document(template)
    set_properties(document, layout.title, layout.as_of, subject="Performance report")
    writer = Writer(document, starter)
    writer.heading_offset = PLAN_SECTION_LEVEL  # plan text's headings sit under its sections
    headings = _Headings(writer)
    with SpooledBody(document, handle) as body:
        figures = Pictures(document, store=body.store)
        for part in layout.parts:
            if isinstance(part, Heading):
                headings.add(part)
            elif isinstance(part, Text):
                _text(writer, part)
            elif isinstance(part, Bullets):
                items = tuple((Paragraph(item),) for item in part.items)
                writer.blocks(document, [ListBlock(items)])
            elif isinstance(part, Table):
                report_table(writer, part, body.flush_within)
            elif isinstance(part, Chart):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.keep_with_next = True  # with its description
                png = pictures.draw(part.svg)
                figures.add(paragraph, png, part.alt, text_width(document))
            else:
                _plan(writer, part)
            body.flush()
        body.save()


class _Headings:
    """Headings in Word's heading styles, each style looked up once (a lookup by name reads
    every style in the file)."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.styles: dict[int, Any] = {}

    def add(self, heading: Heading) -> None:
        level = heading.level
        if level not in self.styles:
            name = self.writer.style(f"Heading {level}")
            self.styles[level] = self.writer.document.styles[name] if name else None
        paragraph = self.writer.document.add_paragraph()
        if self.styles[level] is not None:
            paragraph._p.style = self.styles[level].style_id
        paragraph.add_run(heading.text)
        if heading.new_page:
            paragraph.paragraph_format.page_break_before = True


def _text(writer: Writer, text: Text) -> None:
    document = writer.document
    if text.kind == "small":
        paragraph = writer.paragraph(document, text.runs, size=SMALL, colour=MUTED)
        paragraph.paragraph_format.keep_with_next = True  # a key, or a chart's description
        return
    paragraph = writer.paragraph(document, text.runs)
    if text.kind == "notice":
        left_rule(paragraph, NOTICE_RULE)


def _plan(writer: Writer, plan: Plan) -> None:
    for section in plan.sections:
        writer.heading(section.heading, PLAN_SECTION_LEVEL)
        if section.guidance:
            words = [Run(section.guidance, italic=True)]
            guidance = writer.paragraph(writer.document, words, colour=MUTED)
            guidance.paragraph_format.keep_with_next = True
        field_table(writer, section.fields, section.heading)
