"""The built-in Word template, `templates/plan.docx`: A4, Arial, navy headings, British English,
a header naming the document and a footer with page numbers. A council replaces it with its own
(`render --init-templates` copies it to start from).

Regenerate it after a change here with
`python -m actionplan.output.docx_starter templates/plan.docx`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from actionplan.output.docx_writer import docx_bytes, set_properties

FONT = "Arial"
ACCENT = RGBColor(0x1D, 0x3B, 0x5C)
MUTED = RGBColor(0x48, 0x4F, 0x56)


def starter() -> DocxDocument:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(18)
    _styles(document)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _small(header.add_run("Performance Action Plan"))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small(footer.add_run("Page "))
    _field(footer, "PAGE")
    _small(footer.add_run(" of "))
    _field(footer, "NUMPAGES")
    set_properties(document, "Performance Action Plan", None)
    return document


def _styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    # Word takes East Asian and complex-script text from other slots; keep them in Arial too.
    _plain_fonts(normal.element.rPr.rFonts)
    for name, size in (("Heading 1", 18), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = True
        _plain_fonts(style.element.rPr.rFonts)


def _plain_fonts(fonts: Any) -> None:
    # A theme font wins over a named one, so the theme's are removed; East Asian and
    # complex-script text take their font from slots of their own, set to Arial too.
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _small(run: DocxRun) -> None:
    font = run.font
    font.size = Pt(9)
    font.color.rgb = MUTED


def _field(paragraph: DocxParagraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = paragraph.add_run("1")
    _small(run)
    paragraph._p.remove(run._r)
    field.append(run._r)
    paragraph._p.append(field)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m actionplan.output.docx_starter FILE.docx", file=sys.stderr)
        return 2
    Path(argv[0]).write_bytes(docx_bytes(starter()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
