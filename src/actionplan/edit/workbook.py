"""An Excel workbook (.xlsx) read as a published table: its rows of cells, with limits.

openpyxl reads it, in read-only mode, one row at a time, because it gives each cell's number
format: a cell that shows 53.6% holds 0.536, and only the format tells the two apart (see
benchmarks/compare_xlsx_readers.py for the choice). Formulas are read as their last calculated
value, as Excel shows them; one saved with no value is marked, never taken for an empty cell.
A merged range is read as its first cell's value in every cell it covers, as it shows.

Before openpyxl sees the file, the sizes its zip declares are checked, so a zip bomb is refused
without being inflated, and only the XML parts are ever inflated (pictures and embedded files
read as empty). A sheet's rows are limited as a CSV's are: refused from the size the sheet
records before a row is read, and counted as they are read, as that size may be missing or
wrong. Nothing grows with the sheet's length but the time.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from actionplan.edit.cells import EMPTY, Cell
from actionplan.edit.merged_rows import Spread
from actionplan.edit.sheet_xml import Outline, RowParser, TooManyCells, TooManyMerged, outline
from actionplan.errors import ActionplanError
from actionplan.workspace.limits import (
    CSV_CELL,
    CSV_ROWS,
    XLSX_MERGED,
    XLSX_ROW_CELLS,
    XLSX_STRINGS_BYTES,
    XLSX_XML_BYTES,
)

_PLAIN_SHEET = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
_BUILTIN_FORMATS = 164  # number formats below this id are Excel's own, not in the file


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


class _TextParts(zipfile.ZipFile):
    """The package, of which only the XML parts are ever inflated: any other part a forged
    manifest or relationship points to reads as empty."""

    def open(self, name: Any, mode: Any = "r", pwd: Any = None, **kw: Any) -> IO[bytes]:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if mode != "r" or _is_xml(info.filename):
            return super().open(name, mode, pwd, **kw)
        return io.BytesIO(b"")


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def text_parts_only(path: Path, raw: bytes) -> zipfile.ZipFile:
    """The package, after checking the sizes its zip declares for the XML parts (zipfile never
    inflates a part past its declared size, so the check holds)."""
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ActionplanError(
            f"{path}: not a readable Excel workbook (a .xlsx is a zip package; this file is "
            "not one, or is cut short): save it again from the spreadsheet as .xlsx, or as CSV "
            "UTF-8"
        )
    try:
        package = _TextParts(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise ActionplanError(f"{path}: the workbook is damaged ({error})") from None
    unpacked = sum(m.file_size for m in package.infolist() if _is_xml(m.filename))
    if unpacked > XLSX_XML_BYTES.value:
        raise XLSX_XML_BYTES.refuse(path, f"its sheets unpack to {unpacked:,} bytes")
    return package


class Workbook:
    """An open workbook, of which one sheet's rows are read."""

    def __init__(self, path: Path, raw: bytes) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        self.path = path
        self._archive = text_parts_only(path, raw)
        try:
            # The steps of openpyxl's read-only load but the last, which would read through
            # every sheet lacking a recorded size just to find it.
            reader: Any = ExcelReader(io.BytesIO(raw), read_only=True, data_only=True)
            reader.archive, reader.valid_files = self._archive, self._archive.namelist()
            reader.keep_links = False
            reader.read_manifest()
            self._refuse_many_strings(reader)
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self._sheets: dict[str, str] = {
                sheet.name: rel.target
                for sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files and rel.Type.endswith("/worksheet")
            }
        except ActionplanError:
            raise
        except Exception as error:  # openpyxl, zip and XML errors of a damaged package
            raise ActionplanError(f"{path}: the workbook cannot be read ({error})") from None
        self._book = reader.wb
        self._strings = reader.shared_strings
        self._formats: dict[int, bool] = {}
        self._outlines: dict[str, Outline] = {}

    def _refuse_many_strings(self, reader: Any) -> None:
        """Refuse shared strings past the limit from the size the zip declares for them,
        before they are inflated: openpyxl reads them whole, every one an object."""
        from openpyxl.xml.constants import SHARED_STRINGS

        found = reader.package.find(SHARED_STRINGS)
        if found is None:
            return
        try:
            size = self._archive.getinfo(found.PartName[1:]).file_size
        except KeyError:
            return  # no such part: openpyxl says so as it reads
        if size > XLSX_STRINGS_BYTES.value:
            raise XLSX_STRINGS_BYTES.refuse(
                f"{self.path}:{found.PartName[1:]}", f"its shared strings unpack to {size:,} bytes"
            )

    def sheet(self, name: str | None) -> str:
        """The sheet to read: the one named, or the only one."""
        names = list(self._sheets)
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
        """(row number, cells) from row `first` on, each row's first `columns` cells, merged
        ranges laid over them; blank rows are left out."""
        where = f"{self.path}:{sheet_reference(sheet)}"
        spread = Spread(self._outline(sheet, where).merged, columns)
        limit = CSV_ROWS.value
        number = count = 0
        try:
            with self._archive.open(self._sheets[sheet]) as source:
                parser = RowParser(
                    source,
                    columns,
                    XLSX_ROW_CELLS.value,
                    self._strings,
                    data_only=True,
                    epoch=self._book.epoch,
                    date_formats=self._book._date_formats,
                    timedelta_formats=self._book._timedelta_formats,
                )
                for number, found in parser.parse():
                    count += 1
                    if count > limit:
                        raise CSV_ROWS.refuse(self.path, f"more than {limit:,} rows")
                    cells = [EMPTY] * columns
                    for raw in found:
                        if 0 < raw["column"] <= columns:
                            cells[raw["column"] - 1] = self._cell(where, raw)
                    for at, laid in spread.rows(number, cells):
                        if at > limit:
                            raise CSV_ROWS.refuse(self.path, f"more than {limit:,} rows")
                        if at >= first and any(not cell.blank for cell in laid):
                            yield at, laid
                for at, laid in spread.rest():
                    if at > limit:
                        raise CSV_ROWS.refuse(self.path, f"more than {limit:,} rows")
                    if at >= first and any(not cell.blank for cell in laid):
                        yield at, laid
        except TooManyCells as error:
            raise XLSX_ROW_CELLS.refuse(
                f"{where}!{error.row}", f"more than {XLSX_ROW_CELLS.value:,} cells in the row"
            ) from None
        except ActionplanError:
            raise
        except Exception as error:  # a damaged sheet fails only when its rows are read
            raise ActionplanError(
                f"{where}!{number + 1}: the sheet cannot be read ({error})"
            ) from None

    def _outline(self, sheet: str, where: str) -> Outline:
        """The sheet's recorded size and merged ranges, once; a size over the row limit is
        refused before a row is read."""
        if sheet not in self._outlines:
            try:
                with self._archive.open(self._sheets[sheet]) as source:
                    found = outline(source, XLSX_MERGED.value)
            except TooManyMerged:
                raise XLSX_MERGED.refuse(
                    where, f"more than {XLSX_MERGED.value:,} merged ranges"
                ) from None
            except Exception as error:  # a damaged part fails as it is inflated
                raise ActionplanError(f"{where}: the sheet cannot be read ({error})") from None
            if found.last_row is not None and found.last_row > CSV_ROWS.value:
                size = f"its size is recorded as {found.dimension}, {found.last_row:,} rows"
                raise CSV_ROWS.refuse(where, size)
            self._outlines[sheet] = found
        return self._outlines[sheet]

    def _cell(self, where: str, raw: dict[str, Any]) -> Cell:
        value, kind = raw["value"], raw["data_type"]
        if kind == "f":
            return Cell(None, formula=str(value))
        if value is None:
            return EMPTY
        if kind == "e":
            return Cell(str(value), error=True)
        if isinstance(value, str):
            if len(value) > CSV_CELL.value:
                column = column_letter(raw["column"] - 1)
                raise CSV_CELL.refuse(f"{where}!{column}{raw['row']}", "a cell is too long")
            return Cell(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Cell(value, percent=self._percent(raw["style_id"]))
        return Cell(value)

    def _percent(self, style: int) -> bool:
        """Whether the style shows a number as a percentage."""
        if style not in self._formats:
            try:
                number_format = self._book._cell_styles[style].numFmtId
                if number_format < _BUILTIN_FORMATS:
                    from openpyxl.styles.numbers import BUILTIN_FORMATS

                    text = BUILTIN_FORMATS.get(number_format, "General")
                else:
                    text = self._book._number_formats[number_format - _BUILTIN_FORMATS]
            except (IndexError, AttributeError):
                text = "General"
            self._formats[style] = "%" in str(text)
        return self._formats[style]
