"""The built-in Word templates, `templates/plan.docx` and `templates/report.docx`: A4, Arial,
navy headings, British English, a header naming the document and a footer with page numbers. A
council replaces them with its own (`render --init-templates` copies them to start from).

Regenerate them after a change here with
`python -m actionplan.output.word.starter templates/plan.docx templates/report.docx`.
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

from actionplan.output.word.writer import docx_bytes, set_properties

FONT = "Arial"
ACCENT = RGBColor(0x1D, 0x3B, 0x5C)
MUTED = RGBColor(0x48, 0x4F, 0x56)
PLAN_HEADINGS = ((1, 18.0), (2, 13.0), (3, 11.5))
# The report goes a level deeper: a chart, or a section of an exception's plan, is level 4.
KINDS = {
    "plan.docx": ("Performance Action Plan", PLAN_HEADINGS),
    "report.docx": ("Performance report", (*PLAN_HEADINGS, (4, 11.0))),
}


def starter(
    name: str = "Performance Action Plan", headings: tuple[tuple[int, float], ...] = PLAN_HEADINGS
) -> DocxDocument:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(18)
    _styles(document, headings)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _small(header.add_run(name))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small(footer.add_run("Page "))
    _field(footer, "PAGE")
    _small(footer.add_run(" of "))
    _field(footer, "NUMPAGES")
    set_properties(document, name, None)
    return document


def _styles(document: DocxDocument, headings: tuple[tuple[int, float], ...]) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    # Word takes East Asian and complex-script text from other slots; keep them in Arial too.
    _plain_fonts(normal.element.rPr.rFonts)
    for level, size in headings:
        style = document.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = True
        if level > 3:
            style.font.italic = False  # Word's own level 4 is italic
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
    """Write each file named (plan.docx, report.docx) as its kind of starter."""
    if not argv or any(Path(a).name not in KINDS for a in argv):
        print(
            "usage: python -m actionplan.output.word.starter DIR/plan.docx DIR/report.docx",
            file=sys.stderr,
        )
        return 2
    for target in map(Path, argv):
        target.write_bytes(docx_bytes(starter(*KINDS[target.name])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
