"""Word formatting that python-docx has no call for, written as the WordprocessingML elements
themselves: shading, borders, table captions, rows kept whole and header rows. Each element is
inserted where the schema orders it, since Word refuses a file whose elements are out of order.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

RULE_COLOUR = "A9AEB3"


def shade_run(run: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties = run.get_or_add_rPr()
    properties.insert_element_before(
        shading, "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
        "w:eastAsianLayout", "w:specVanish", "w:oMath",
    )  # fmt: skip


def shade_cell(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(
        shading, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def bottom_border(paragraph: DocxParagraph) -> None:
    _paragraph_border(paragraph, "bottom", size="6", space="1", colour=RULE_COLOUR)


def left_rule(paragraph: DocxParagraph, colour: str) -> None:
    """A thick rule down the paragraph's left side, setting it apart (a notice)."""
    _paragraph_border(paragraph, "left", size="24", space="8", colour=colour)


def _paragraph_border(
    paragraph: DocxParagraph, side: str, *, size: str, space: str, colour: str
) -> None:
    border = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", "single"), ("sz", size), ("space", space), ("color", colour)):
        line.set(qn(f"w:{name}"), value)
    border.append(line)
    # Word refuses a pPr whose children are out of the schema's order.
    paragraph._p.get_or_add_pPr().insert_element_before(
        border, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc",
        "w:outlineLvl", "w:rPr", "w:sectPr", "w:pPrChange",
    )  # fmt: skip


def borders(table: Any) -> None:
    """Thin grid lines on a table, set on the table itself so they hold in any template."""
    grid = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", RULE_COLOUR)):
            line.set(qn(f"w:{name}"), value)
        grid.append(line)
    table.tblPr.insert_element_before(
        grid, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
        "w:tblDescription",
    )  # fmt: skip


def describe_table(table: Any, caption: str) -> None:
    """A table's title for assistive technology (Word's Alt Text for tables)."""
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    table.tblPr.insert_element_before(element, "w:tblDescription")


def keep_rows_whole(row: Any) -> None:
    """A row is not split across pages (Word still splits one taller than a page)."""
    row.get_or_add_trPr().insert_element_before(
        OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc",
        "w:hidden", "w:ins", "w:del", "w:trPrChange",
    )  # fmt: skip


def repeat_header(row: Any) -> None:
    """The row is the table's header: repeated on each page and read as headers."""
    row.get_or_add_trPr().insert_element_before(
        OxmlElement("w:tblHeader"), "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
        "w:trPrChange",
    )  # fmt: skip
