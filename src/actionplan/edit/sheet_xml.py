"""What a worksheet's XML says about itself before its rows are read: the size it records (its
`dimension`, written before the rows) and its merged ranges (written after them), found by one
scan of the inflated part in pieces, so memory stays the size of a piece whatever the sheet's
length; and a row parser that tells a formula saved with no value from an empty cell.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import IO, Any

from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._reader import CELL_TAG, DATA_TAG, FORMULA_TAG, ROW_TAG, WorkSheetParser
from openpyxl.xml.functions import iterparse

_PIECE = 1 << 20
_TAIL = 4096  # longer than any tag the scan looks for; a tag cut between pieces is found whole
_NAME = rb"<(?:[A-Za-z_][\w.-]*:)?"  # a tag, with or without a namespace prefix
_REF = rb"\b[^>]*?\bref\s*=\s*[\"']([^\"']{1,64})[\"']"
_DIMENSION = re.compile(_NAME + rb"dimension" + _REF)
_MERGED = re.compile(_NAME + rb"mergeCell" + _REF)
_ROWS_START = re.compile(_NAME + rb"sheetData\b")


@dataclass(frozen=True)
class Merged:
    """A merged range, 1-based and inclusive as the sheet writes it (`B5:B10`)."""

    ref: str
    first_row: int
    first_column: int
    last_row: int
    last_column: int


@dataclass
class Outline:
    dimension: str | None = None  # the size the sheet records (`A1:C61`), when it does
    last_row: int | None = None  # the last row of that size
    merged: list[Merged] = field(default_factory=list)  # ranges of more than one cell


class TooManyMerged(ValueError):
    pass


def outline(source: IO[bytes], most_merged: int) -> Outline:
    """The sheet's recorded size and its merged ranges (at most `most_merged` of them;
    TooManyMerged past it). A `ref` that is not a range is passed over: neither the size nor a
    merge is used for anything a reader would miss."""
    found = Outline()
    rows_started = False
    carry = b""
    while True:
        piece = source.read(_PIECE)
        last = len(piece) < _PIECE
        text = carry + piece
        # A tag that starts in the last few bytes may be cut: it is looked at in the next round.
        done = len(text) if last else len(text) - _TAIL
        if not rows_started:
            start = _ROWS_START.search(text)
            head = text[: start.start()] if start else text
            if found.dimension is None and (size := _DIMENSION.search(head)):
                _size(found, size.group(1).decode("ascii", "replace"))
            rows_started = start is not None
        if b"mergeCell" in text:
            for match in _MERGED.finditer(text):
                if match.start() < done:
                    _merge(found, match.group(1).decode("ascii", "replace"), most_merged)
        if last:
            return found
        carry = text[done:]


def _size(found: Outline, ref: str) -> None:
    try:
        bounds = range_boundaries(ref)
    except (ValueError, TypeError):
        return
    found.dimension = ref
    found.last_row = bounds[3]


def _merge(found: Outline, ref: str, most: int) -> None:
    try:
        first_column, first_row, last_column, last_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return
    if first_column is None or first_row is None or last_column is None or last_row is None:
        return  # a whole row or column: not a range a writer merges
    if (first_row, first_column) == (last_row, last_column):
        return
    if len(found.merged) >= most:
        raise TooManyMerged(ref)
    found.merged.append(Merged(ref, first_row, first_column, last_row, last_column))


class TooManyCells(ValueError):
    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


class RowParser(WorkSheetParser):
    """openpyxl's streaming reader of a sheet's rows, read a cell at a time: each cell leaves
    the tree once read, and only the first `columns` of a row are kept, so a row of millions
    of cells (a 200 MB part holds over ten million) never stands whole in memory; a row of
    more than `most_cells` is refused (TooManyCells). In `data_only` mode openpyxl gives a
    formula saved without its value as an empty cell: it is marked `f` here, so that it is
    never mistaken for one."""

    def __init__(self, source: IO[bytes], columns: int, most_cells: int, *args: Any, **kw: Any):
        super().__init__(source, *args, **kw)
        self.columns = columns
        self.most_cells = most_cells

    def parse(self) -> Generator[tuple[int, list[dict[str, Any]]], None, None]:
        data = row = None
        kept: list[dict[str, Any]] = []
        count = 0
        for event, element in iterparse(self.source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == ROW_TAG:
                    row, kept, count = element, [], 0
                    self._start_row(element)
                elif tag == DATA_TAG:
                    data = element
            elif tag == CELL_TAG and row is not None:
                count += 1
                if count > self.most_cells:
                    raise TooManyCells(self.row_counter)
                cell = self.parse_cell(element)
                if cell["column"] <= self.columns:
                    kept.append(cell)
                row.remove(element)  # the row's only child by now
            elif tag == ROW_TAG and row is not None:
                yield self.row_counter, kept
                if data is not None:
                    data.remove(row)  # likewise, nothing of the rows read stays
                row = None

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        if cell["value"] is None and (formula := element.find(FORMULA_TAG)) is not None:
            cell["data_type"] = "f"
            cell["value"] = "=" + (formula.text or "")
        return cell

    def _start_row(self, row: Any) -> None:
        # openpyxl's own `parse_row` keeps each row's height and style in a dictionary that
        # grows with the sheet; nothing here needs them.
        number = row.get("r")
        if number is None:
            self.row_counter += 1
        else:
            self.row_counter = _row_number(number)
        self.col_counter = 0


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text} is not a row number") from None
        return int(number)
