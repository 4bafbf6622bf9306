"""An Excel workbook (.xlsx) read as a published table: its rows of cells, with limits.

openpyxl reads it (in read-only mode, one row at a time) because it gives each cell's number
format: a cell that shows 53.6% holds 0.536, and only the format tells the two apart (see
benchmarks/compare_xlsx_readers.py for the choice). Formulas are read as their last calculated
value, as Excel shows them. Before openpyxl sees the file, the sizes its zip declares are
checked, so a zip bomb is refused without being inflated, and only the XML parts are unpacked
(pictures and embedded files never are).
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from actionplan.errors import ActionplanError
from actionplan.workspace.limits import CSV_CELL, CSV_ROWS, XLSX_XML_BYTES, xml_parts_only

CellValue = str | int | float | bool | date | time | timedelta | None
_PLAIN_SHEET = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass(frozen=True)
class Cell:
    """One cell as the table holds it: text, or a number as stored."""

    value: CellValue
    percent: bool = False  # a number shown as a percentage: 53.6% is stored as 0.536
    error: bool = False  # an error the spreadsheet shows (#DIV/0!, #N/A)

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Cell(None)


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sheet_reference(sheet: str) -> str:
    """A sheet name as a formula writes it: `KPIs`, or `'Q1 2014-15'` when it needs quotes."""
    if _PLAIN_SHEET.fullmatch(sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def text_parts_only(path: Path, raw: bytes) -> io.BytesIO:
    """The package with only its XML parts, after checking the sizes its zip declares (zipfile
    never inflates a part past its declared size, so the check holds)."""
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ActionplanError(
            f"{path}: not a readable Excel workbook (a .xlsx is a zip package; this file is "
            "not one, or is cut short): save it again from the spreadsheet as .xlsx, or as CSV "
            "UTF-8"
        )
    try:
        return xml_parts_only(path, raw, XLSX_XML_BYTES, "sheets")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise ActionplanError(f"{path}: the workbook is damaged ({error})") from None


class Workbook:
    """An open workbook; use as a context manager, and read one sheet's rows."""

    def __init__(self, path: Path, raw: bytes) -> None:
        from openpyxl import load_workbook

        self.path = path
        package = text_parts_only(path, raw)
        try:
            self._book = load_workbook(package, read_only=True, data_only=True, keep_links=False)
        except Exception as error:  # openpyxl, zip and XML errors of a damaged package
            raise ActionplanError(f"{path}: the workbook cannot be read ({error})") from None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(Exception):
            self._book.close()

    def sheet(self, name: str | None) -> str:
        """The sheet to read: the one named, or the only one."""
        names = list(self._book.sheetnames)
        listed = ", ".join(repr(n) for n in names)
        if name is None:
            if len(names) == 1:
                return names[0]
            raise ActionplanError(
                f"{self.path} has {len(names)} sheets ({listed}): choose one with --sheet NAME"
            )
        if name not in names:
            raise ActionplanError(f"{self.path}: no sheet named {name!r}: its sheets are {listed}")
        return name

    def rows(self, sheet: str, first: int, columns: int) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) from row `first` on, each row's first `columns` cells; blank
        rows are left out. The sheet's own record of its size is not trusted."""
        worksheet: Any = self._book[sheet]
        worksheet.reset_dimensions()  # its recorded size may be wrong, or forged
        number = first - 1
        try:
            for number, row in enumerate(
                worksheet.iter_rows(min_row=first, max_col=columns), start=first
            ):
                if number > CSV_ROWS.value:
                    raise CSV_ROWS.refuse(self.path, f"more than {CSV_ROWS.value:,} rows")
                cells = [self._cell(sheet, number, index, c) for index, c in enumerate(row)]
                if any(not cell.blank for cell in cells):
                    yield number, cells
        except ActionplanError:
            raise
        except Exception as error:  # a damaged sheet fails only when its rows are read
            raise ActionplanError(
                f"{self.path}:{sheet_reference(sheet)}!{number + 1}: the sheet cannot be read "
                f"({error})"
            ) from None

    def _cell(self, sheet: str, number: int, index: int, cell: Any) -> Cell:
        value = cell.value
        if value is None:
            return EMPTY
        if getattr(cell, "data_type", "") == "e":
            return Cell(str(value), error=True)
        if isinstance(value, str):
            if len(value) > CSV_CELL.value:
                where = f"{self.path}:{sheet_reference(sheet)}!{column_letter(index)}{number}"
                raise CSV_CELL.refuse(where, "a cell is too long")
            return Cell(value)
        percent = isinstance(value, int | float) and not isinstance(value, bool)
        return Cell(value, percent=percent and "%" in str(cell.number_format))
