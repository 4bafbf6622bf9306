"""Bulleted and numbered lists in Word: the document's List Bullet and List Number styles, each
numbered list counting from its own start (Word would otherwise carry on from the last list in
the document), and typed bullets and numbers where a template has no list styles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

INDENT = Pt(18)


@dataclass(frozen=True)
class Numbering:
    ordered: bool
    depth: int
    style: str | None  # None: the document has no usable list style for this list
    num_id: int | None = None  # a numbered list's own numbering instance
    level: int = 0


class ListStyles:
    def __init__(self, document: DocxDocument) -> None:
        self.document = document

    def start(self, ordered: bool, depth: int, start: int) -> Numbering:
        """A new list: its style, and for a numbered one, numbering that begins at `start`."""
        kind = "Number" if ordered else "Bullet"
        name = f"List {kind}" + (f" {min(depth, 2) + 1}" if depth else "")
        found = self._numbering_of(name)
        if found is None:
            return Numbering(ordered, depth, None)
        num_id, level = found
        if not ordered:
            return Numbering(ordered, depth, name)
        numbering = self.document.part.numbering_part.element
        abstract = numbering.num_having_numId(num_id).abstractNumId.val
        instance = numbering.add_num(abstract)
        instance.add_lvlOverride(ilvl=level).add_startOverride(start)
        return Numbering(ordered, depth, name, int(instance.numId), level)

    def _numbering_of(self, name: str) -> tuple[int, int] | None:
        """The numbering a list style points at, when the document really has it."""
        try:
            element: Any = self.document.styles[name].element
            number = element.pPr.numPr
            num_id = int(number.numId.val)
            self.document.part.numbering_part.element.num_having_numId(num_id)
        except (KeyError, AttributeError, NotImplementedError):
            return None
        return num_id, int(number.ilvl.val) if number.ilvl is not None else 0

    def mark(self, paragraph: DocxParagraph, numbering: Numbering, number: int) -> None:
        """Make `paragraph` an item of the list (before its text is added)."""
        if numbering.style is None:
            mark = f"{number}." if numbering.ordered else "•"
            paragraph.add_run(f"{mark}\t")
            paragraph.paragraph_format.left_indent = INDENT * (numbering.depth + 1)
            paragraph.paragraph_format.first_line_indent = -INDENT
            return
        paragraph.style = numbering.style
        if numbering.num_id is not None:
            properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            properties.get_or_add_ilvl().val = numbering.level
            properties.get_or_add_numId().val = numbering.num_id
