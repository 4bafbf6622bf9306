"""A published table as councils lay them out: one row per indicator, in a CSV or one sheet of
an Excel workbook. The header is the first row that names every column the mapping asks for
(a title or a note may sit above it); columns are matched by name, ignoring case and spacing,
never by position or by guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.edit.cells import Cell
from actionplan.edit.csv_stream import file_rows
from actionplan.edit.workbook import Workbook, column_letter, sheet_reference
from actionplan.errors import ActionplanError
from actionplan.workspace.limits import CSV_BYTES, read_limited

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OTHER_SPREADSHEETS = (".xls", ".ods", ".numbers")
HEADER_ROWS = 100  # rows in which the header is looked for
HEADER_COLUMNS = 1000  # columns of a worksheet in which the header's names are looked for
LISTED = 40  # header names listed in a message


def normal(name: str) -> str:
    """A column name as it is matched: `This  Quarter` and `this quarter` are one column."""
    return " ".join(name.split()).casefold()


@dataclass
class Table:
    path: Path
    sheet: str | None  # None for a CSV
    columns: list[str]  # the header row's names as written
    header_row: int
    rows: Iterable[tuple[int, list[Cell]]] = field(default_factory=list)  # read once

    def index(self, name: str) -> int:
        return [normal(c) for c in self.columns].index(normal(name))

    def where(self, row: int, column: int = 0) -> str:
        """Where a person finds the cell: `kpis.csv:12` (the line), `kpis.xlsx:KPIs!D12`."""
        if self.sheet is None:
            return f"{self.path}:{row}"
        return f"{self.path}:{sheet_reference(self.sheet)}!{column_letter(column)}{row}"

    def area(self, ref: str) -> str:
        """Where a range of a workbook's sheet is: `kpis.xlsx:KPIs!B5:B10`."""
        return f"{self.path}:{sheet_reference(self.sheet or '')}!{ref}"


def read_table(path: Path, sheet: str | None, wanted: Sequence[str]) -> Table:
    """The table in `path` whose header names every column in `wanted`, and its rows."""
    suffix = path.suffix.lower()
    if suffix in OTHER_SPREADSHEETS:
        raise ActionplanError(
            f"{path}: {suffix} spreadsheets are not read: save it as .xlsx, or as CSV UTF-8"
        )
    if suffix not in WORKBOOK_SUFFIXES:
        if sheet is not None:
            raise ActionplanError(f"{path}: --sheet is for Excel workbooks (.xlsx), not CSV")
        return _csv_table(path, wanted)
    try:
        raw = read_limited(path, CSV_BYTES)
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    book = Workbook(path, raw)
    name = book.sheet(sheet)
    table = _with_header(path, name, book.rows(name, 1, HEADER_COLUMNS), wanted)
    width = max(table.index(w) for w in wanted) + 1
    # Read as the rows are used, one at a time: a sheet's rows are never all held at once.
    table.rows = book.rows(name, table.header_row + 1, width)
    return table


def _csv_table(path: Path, wanted: Sequence[str]) -> Table:
    rows = ((line, [Cell(text) for text in cells]) for line, cells in file_rows(path))
    table = _with_header(path, None, rows, wanted)
    table.rows = rows  # goes on after the header; read as used, never all held at once
    return table


def _with_header(
    path: Path, sheet: str | None, rows: Iterator[tuple[int, list[Cell]]], wanted: Sequence[str]
) -> Table:
    """The table up to its header: the first row naming every wanted column."""
    seen: list[Table] = []
    for number, cells in rows:
        names = [
            "" if cell.blank or cell.value is None else " ".join(str(cell.value).split())
            for cell in cells
        ]
        table = Table(path, sheet, names, number)
        present = {normal(n) for n in names}
        if all(normal(w) in present for w in wanted):
            _refuse_repeated(table, wanted)
            return table
        seen.append(table)
        if len(seen) >= HEADER_ROWS:
            break
    if not seen:
        raise ActionplanError(f"{path}: the table is empty: it needs a header row")
    best = max(seen, key=lambda t: sum(normal(w) in map(normal, t.columns) for w in wanted))
    missing = [w for w in wanted if normal(w) not in map(normal, best.columns)]
    raise ActionplanError(
        f"{best.where(best.header_row)}: no column named {_names(missing)} in the header: its "
        f"columns are {_names(c for c in best.columns if c)}; map each field to one of them "
        "with --map FIELD=COLUMN"
    )


def _refuse_repeated(table: Table, wanted: Sequence[str]) -> None:
    for name in wanted:
        places = [i for i, c in enumerate(table.columns) if normal(c) == normal(name)]
        if len(places) > 1:
            letters = " and ".join(column_letter(i) for i in places)
            raise ActionplanError(
                f"{table.where(table.header_row, places[1])}: two columns are named {name!r} "
                f"(columns {letters}): rename one in the table, so the mapping names one column"
            )


def _names(names: Iterable[str]) -> str:
    listed = [repr(n) for n in names]
    more = f" and {len(listed) - LISTED} more" if len(listed) > LISTED else ""
    return ", ".join(listed[:LISTED]) + more
