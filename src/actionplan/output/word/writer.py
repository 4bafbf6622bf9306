"""Word documents built with python-docx: a council's own Word file as the base (its styles,
fonts, headers, footers and logo kept, its body replaced), blocks of plan text as Word
paragraphs, lists and tables, pictures with alternative text, and output whose bytes depend only
on its content, so an unchanged document is not rewritten.

The pieces here take blocks and runs (`markdown_blocks`), not a plan, so any document (a plan,
a report) can be built from them.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from actionplan.errors import ActionplanError
from actionplan.output.documents.markdown_blocks import (
    Block,
    ListBlock,
    Paragraph,
    Run,
    TableBlock,
    clean,
)
from actionplan.output.word.lists import ListStyles
from actionplan.output.word.ooxml import borders, bottom_border, repeat_header, shade_run

Container = DocxDocument | _Cell

# Status colours, as plan.css has them: (fill, text).
STATUS_COLOURS = {
    "red": ("A4262C", "FFFFFF"),
    "amber": ("F5A623", "1B1B1B"),
    "green": ("00703C", "FFFFFF"),
}
OTHER_STATUS = ("505A5F", "FFFFFF")
LINK_COLOUR = RGBColor(0x1D, 0x4F, 0x91)
LABEL_FILL = "F1F3F5"
MONOSPACE = "Courier New"


def base_document(template: Path) -> DocxDocument:
    """The Word file `template` with its body emptied: styles, numbering, page set-up, headers
    and footers (and the logo in them) are what the new document is made in."""
    try:
        document = docx.Document(str(template))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as error:
        raise ActionplanError(
            f"{template}: not a Word document python-docx can open ({error}): save it from "
            "Word as .docx"
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last section's page set-up, headers, footers
            body.remove(child)
    return document


def set_properties(
    document: DocxDocument,
    title: str,
    created: date | None,
    subject: str = "Performance Action Plan",
) -> None:
    """Title, subject and language for the file's properties (screen readers and the
    accessibility checker read them); dates fixed by the content, not the clock."""
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.language = "en-GB"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.revision = 1
    when = datetime.combine(created or date(2000, 1, 1), datetime.min.time())
    properties.created = properties.modified = when
    properties.last_printed = when
    _default_language(document, "en-GB")


def _default_language(document: DocxDocument, language: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), language)


class Writer:
    """Adds blocks to one document, in its own styles where it has them."""

    def __init__(self, document: DocxDocument, starter: Path) -> None:
        self.document = document
        self._starter = starter
        self._starter_document: DocxDocument | None = None
        self.lists = ListStyles(document)
        # Levels between the document's own headings and those in plan text: a plan's
        # sections are level 2 in a plan, level 4 in the report.
        self.heading_offset = 2

    def style(self, name: str) -> str | None:
        """A paragraph style by name: the document's own, else copied from the built-in starter
        (Word keeps a style in a file only once it is used), else None."""
        if self._has_style(name):
            return name
        if self._starter_document is None:
            self._starter_document = docx.Document(str(self._starter))
        starter_styles = self._starter_document.styles
        if name not in [s.name for s in starter_styles]:
            return None
        element = copy.deepcopy(starter_styles[name].element)
        self.document.styles.element.append(element)
        return name

    def _has_style(self, name: str) -> bool:
        try:
            self.document.styles[name]
        except KeyError:
            return False
        return True

    def heading(self, text: str, level: int) -> None:
        paragraph = self.document.add_paragraph(style=self.style(f"Heading {level}"))
        paragraph.add_run(text)

    def paragraph(
        self,
        container: Container,
        runs: Sequence[Run],
        *,
        size: Pt | None = None,
        colour: RGBColor | None = None,
    ) -> DocxParagraph:
        paragraph = container.add_paragraph()
        add_runs(paragraph, runs)
        for run in paragraph.runs:
            run.font.size = size or run.font.size
            if colour is not None:
                run.font.color.rgb = colour
        return paragraph

    def blocks(self, container: Container, blocks: Sequence[Block], depth: int = 0) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                self._list(container, block, depth)
            elif isinstance(block, TableBlock):
                self._table(container, block)
            else:
                self._paragraph(container, block)

    def _paragraph(self, container: Container, block: Paragraph) -> None:
        paragraph = container.add_paragraph()
        if block.kind == "heading":
            # Below the document's own headings.
            paragraph.style = self.style(f"Heading {min(block.level + self.heading_offset, 6)}")
        elif block.kind == "quote":
            paragraph.style = self.style("Quote")
            paragraph.paragraph_format.left_indent = Pt(18)
        elif block.kind == "rule":
            bottom_border(paragraph)
        add_runs(paragraph, block.runs)
        if block.kind == "code":
            for run in paragraph.runs:
                run.font.name = MONOSPACE

    def _list(self, container: Container, block: ListBlock, depth: int) -> None:
        numbering = self.lists.start(block.ordered, depth, block.start)
        for number, item in enumerate(block.items, block.start):
            first, *rest = item or (Paragraph(()),)
            paragraph = container.add_paragraph()
            self.lists.mark(paragraph, numbering, number)
            if isinstance(first, Paragraph):
                add_runs(paragraph, first.runs)
            else:
                rest.insert(0, first)
            self.blocks(container, rest, depth + 1)

    def _table(self, container: Container, block: TableBlock) -> None:
        columns = max((len(row) for row in block.rows), default=0)
        if not columns:
            return
        table = container.add_table(rows=0, cols=columns)
        borders(table._tbl)
        # Inside a cell, narrower than the cell by its margins, or it pokes out on the right.
        room = container.width if isinstance(container, _Cell) else None
        width = Emu(int((room or text_width(self.document)) * 0.94 / columns))
        for column in table.columns:
            column.width = width
        for index, row in enumerate(block.rows):
            cells = table.add_row().cells
            for cell, runs in zip(cells, row, strict=False):
                cell.width = width
                add_runs(cell.paragraphs[0], runs)
                if index == 0 and block.header:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        if block.header:
            repeat_header(table.rows[0]._tr)
        if isinstance(container, _Cell):
            container.add_paragraph()  # a cell must end with a paragraph, not a table


def add_runs(paragraph: DocxParagraph, runs: Sequence[Run]) -> None:
    """Runs as Word runs: bold, italic, struck, code, links, status colours; a line break
    inside a run's text stays a line break."""
    for run in runs:
        target = _link(paragraph, run.link) if run.link else None
        for number, line in enumerate(run.text.split("\n")):
            if number:
                _text_run(paragraph, target, run, "").add_break(WD_BREAK.LINE)
            if line:
                _text_run(paragraph, target, run, line)


def _text_run(paragraph: DocxParagraph, link: Any, run: Run, text: str) -> Any:
    word_run = paragraph.add_run(text)
    font = word_run.font
    font.bold = run.bold or None
    font.italic = run.italic or None
    font.strike = run.strike or None
    if run.code:
        font.name = MONOSPACE
    if link is not None:
        font.underline = True
        font.color.rgb = LINK_COLOUR
        link.append(word_run._r)  # moved from the paragraph into the hyperlink
    if run.status is not None:
        fill, ink = STATUS_COLOURS.get(run.status, OTHER_STATUS)
        font.color.rgb = RGBColor.from_string(ink)
        shade_run(word_run._r, fill)
    return word_run


def add_picture(paragraph: DocxParagraph, image: bytes, alt: str, width: Length) -> None:
    """An image (a chart, say) with the alternative text a screen reader speaks for it."""
    if not alt.strip():
        raise ValueError("an image in a document needs alternative text")
    shape = paragraph.add_run().add_picture(io.BytesIO(image), width=width)
    shape._inline.docPr.set("descr", clean(alt))


def _link(paragraph: DocxParagraph, url: str) -> Any:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relation)
    paragraph._p.append(hyperlink)
    return hyperlink


def text_width(document: DocxDocument) -> Emu:
    section = document.sections[-1]
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return Emu(width if width > 0 else Emu(Pt(451)))  # A4 less 2 cm margins when unset


def docx_bytes(document: DocxDocument) -> bytes:
    """The document as .docx bytes with every archive entry dated alike, so the same content
    always gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry))
    return stable.getvalue()
