"""Reading the template from a Word document: a two-column table of labels and values.

A value cell's paragraphs, bullet lists and italic or bold words are kept by writing the cell as
an HTML fragment, the same form the text exports carry, so one conversion to Markdown serves
both. Cells whose text already is HTML (pasted from a plan system) are taken as written.
"""

from __future__ import annotations

import html
import io
import zipfile
from itertools import groupby
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from actionplan.errors import ActionplanError
from actionplan.legacy.action_table import read_header
from actionplan.legacy.fields import Collector, LegacyDocument, LegacyError, is_boilerplate
from actionplan.workspace.limits import (
    DOCUMENT_ELEMENTS,
    DOCUMENT_TEXT,
    DOCX_XML_BYTES,
    xml_parts_only,
)


def read_docx(path: Path, raw: bytes) -> LegacyDocument:
    document = _open(path, raw)
    collector = Collector(path)
    styles = _style_names(document)
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if text and not is_boilerplate(text):
            collector.note(f"text outside the template table was not imported: {text[:60]!r}")
    for table_number, table in enumerate(document.tables, start=1):
        collector.end_table()
        above: list[Any] = []
        for row_number, row in enumerate(table.rows, start=1):
            where = f"table {table_number} row {row_number}"
            placed = _placed(row.cells, above, collector)
            above = row.cells
            cells = [cell for cell in placed if cell is not None]
            if collector.in_table or (len(cells) > 1 and read_header([c.text for c in cells])):
                htmls = [cell_html(cell, styles) if cell is not None else "" for cell in placed]
                across = all(cell is None for cell in placed[1:])  # one cell across the row
                if collector.table_row(htmls[:1] if across else htmls, where):
                    continue
            if len(cells) == 1:
                collector.heading(cells[0].text, where)
                continue
            label = cells[0].text
            value = "\n".join(cell_html(cell, styles) for cell in cells[1:])
            if any(cell.tables for cell in cells[1:]):
                collector.note(f"{where}: a table inside the value cell was not imported")
            if label.strip():
                collector.row(label, value, where)
            else:
                collector.continuation(value, where)
    return collector.finish()


def _open(path: Path, raw: bytes) -> Any:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise LegacyError(
            f"{path}: not a Word document (a .docx is a zip package, this file is not one): "
            "save it from Word as .docx, or export it as text"
        )
    try:
        counted = (DOCUMENT_ELEMENTS, DOCUMENT_TEXT)
        return Document(xml_parts_only(path, raw, DOCX_XML_BYTES, "text and markup", counted))
    except ActionplanError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LegacyError(
            f"{path}: not a Word document ({error}): save it from Word as .docx, or export it "
            "as text"
        ) from None
    except Exception as error:  # lxml and zip errors on a damaged package
        raise LegacyError(f"{path}: the Word document is damaged ({error})") from None


def _placed(cells: list[Any], above: list[Any], collector: Collector) -> list[Any | None]:
    """A row's cells by column: a cell merged across columns is listed at its first, None at
    the others. In an action table, an action cell merged down from the row above makes the
    row carry that action on, and its other cells merged down are not repeated in it."""
    seen: set[int] = set()
    placed: list[Any | None] = []
    for cell in cells:
        placed.append(None if id(cell._tc) in seen else cell)
        seen.add(id(cell._tc))
    table = collector.actions
    if table is None or len(above) != len(cells):
        return placed
    column = table.header.action_column
    if column < len(cells) and cells[column]._tc is above[column]._tc:
        placed = [
            None if cell is not None and cell._tc is above[at]._tc else cell
            for at, cell in enumerate(placed)
        ]
    return placed


def _style_names(document: Any) -> dict[str, str]:
    """Paragraph style names by id. Looked up once per document: python-docx's
    `paragraph.style` searches every style for the default on each paragraph that has none."""
    from docx.enum.style import WD_STYLE_TYPE

    return {
        style.style_id: style.name or ""
        for style in document.styles
        if style.type == WD_STYLE_TYPE.PARAGRAPH
    }


def cell_html(cell: Any, styles: dict[str, str]) -> str:
    """A cell's content as an HTML fragment: paragraphs, lists, italic and bold."""
    text = "\n".join(paragraph.text for paragraph in cell.paragraphs)
    if BeautifulSoup(text, "html.parser").find() is not None:
        return text
    parts: list[str] = []
    list_tag = ""
    for paragraph in cell.paragraphs:
        tag = _list_tag(paragraph, styles)
        if tag != list_tag:
            parts.append(f"</{list_tag}>" if list_tag else "")
            parts.append(f"<{tag}>" if tag else "")
            list_tag = tag
        content = _runs_html(paragraph)
        if content.strip():
            parts.append(f"<li>{content}</li>" if tag else f"<p>{content}</p>")
    if list_tag:
        parts.append(f"</{list_tag}>")
    return "".join(parts)


def _list_tag(paragraph: Any, styles: dict[str, str]) -> str:
    """ "ul" or "ol" for a list paragraph (by its style, or Word's numbering), else ""."""
    properties = paragraph._p.pPr
    style_id = properties.style if properties is not None else None
    style = styles.get(style_id, "") if style_id else ""
    numbered = properties is not None and properties.numPr is not None
    if "list" not in style.lower() and not numbered:
        return ""
    return "ol" if "number" in style.lower() else "ul"


def _runs_html(paragraph: Any) -> str:
    """Runs (and links' text) with their emphasis; neighbouring runs of the same emphasis are
    joined first, as Word splits text into runs at every edit."""
    parts = []
    runs = paragraph.iter_inner_content()
    for (italic, bold), group in groupby(runs, key=lambda run: _emphasis(run)):
        text = html.escape("".join(run.text for run in group)).replace("\n", "<br>")
        if italic:
            text = f"<i>{text}</i>"
        if bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


def _emphasis(run: Any) -> tuple[bool, bool]:
    return bool(getattr(run, "italic", False)), bool(getattr(run, "bold", False))
