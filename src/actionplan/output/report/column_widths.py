"""A table's columns widened where a word of theirs would not fit, so neither Word nor Typst
ever breaks a figure (`184,40` over `1`) or a status badge inside it: both break a word only
when it is wider than its cell.

Widths are estimated with Arial's advance widths (Liberation Sans has the same), rounded up, for
the narrower of the two pages: Word's A4 with 2 cm margins at 8 or 10 point, and Typst's.
"""

from __future__ import annotations

from actionplan.output.documents.markdown_blocks import Run
from actionplan.output.report.parts import Table

PAGE_PT = 451.0  # the text width of the narrower page: A4 less 2 cm margins
# Word's default cell margins (0.19 cm a side) are wider than Typst's insets.
CELL_PADDING_PT = 11.0
BADGE_PADDING_PT = 7.0  # a badge's own inset, and its letter spacing
_NARROW = set(",.:;!'|/()[]ijlft ")
_WIDE = set("%MWmw@")


def _em(character: str) -> float:
    """An Arial advance width in ems, rounded up to the wider of regular and bold."""
    if character in _NARROW:
        return 0.34
    if character in _WIDE:
        return 0.95
    if character.isupper():
        return 0.78
    return 0.6


def word_width(text: str, size: float, bold: bool = False) -> float:
    """The width in points of `text` set at `size` points."""
    return sum(map(_em, text)) * size * (1.06 if bold else 1.0)


def _widest_word(cell: tuple[Run, ...], size: float) -> float:
    widest = 0.0
    for run in cell:
        if run.status is not None:  # a badge never breaks
            widest = max(widest, word_width(run.text, size, bold=True) + BADGE_PADDING_PT)
            continue
        for word in run.text.split():
            widest = max(widest, word_width(word, size, run.bold))
    return widest


def fitted_widths(table: Table) -> tuple[float, ...]:
    """The table's column shares, each at least its widest word's, the room taken from the
    columns with more than they need, in proportion to what they can spare."""
    size = 8.0 if table.small else 10.0
    least = []
    for column, header in enumerate(table.header):
        cells = [header, *(row.cells[column] for row in table.rows if column < len(row.cells))]
        widest = max(_widest_word(cell, size) for cell in cells)
        least.append((widest + CELL_PADDING_PT) / PAGE_PT)
    widths = list(table.widths)
    short = sum(max(need - width, 0.0) for need, width in zip(least, widths, strict=True))
    spare = sum(max(width - need, 0.0) for need, width in zip(least, widths, strict=True))
    if short == 0 or spare < short:
        return table.widths  # nothing to do, or no room: the writers break words as before
    return tuple(
        need if need >= width else width - (width - need) * short / spare
        for need, width in zip(least, widths, strict=True)
    )
