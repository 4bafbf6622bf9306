"""CSV files read as a stream of rows within the limits: a row at a time, so a file's length
never decides how much memory reading it takes, and a file over the row limit is refused at its
first row over it, before anything is made of the rows before it (a million measurements built
and then thrown away took most of a gigabyte and many seconds).

Reading is strict: a quote left open at the end would otherwise swallow the rest of the file
into one cell. Bytes that are not UTF-8 are refused at their line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from actionplan.errors import ActionplanError
from actionplan.workspace.limits import CSV_BYTES, CSV_CELL, CSV_ROWS, open_limited, read_limited

Row = tuple[int, list[str]]  # the row's first line, and its cells
# What bytes that are not UTF-8 are decoded to (surrogateescape), so they are found by line.
_UNDECODED = re.compile("[\udc80-\udcff]")


def file_rows(path: Path) -> Iterator[Row]:
    """Each non-blank row of the CSV file at `path`; a quoted cell may span lines. The file is
    read twice, a block at a time: first to count its rows (and find what cannot be read),
    refusing it at the first row over the limit, then for the rows."""
    for _ in _rows(_lines(path), path):
        pass
    return _non_blank(_rows(_lines(path), path))


def csv_rows(text: str, path: Path) -> Iterator[Row]:
    """Each non-blank row of a CSV's text, read whole (`read_csv_text`); `path` names it."""
    return _non_blank(_rows(io.StringIO(text, newline=""), path))


def read_csv_text(path: Path) -> str:
    """A small CSV's text, read whole within the size limit."""
    try:
        raw = read_limited(path, CSV_BYTES)
        return raw.decode("utf-8-sig")
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise _not_utf8(path, raw.count(b"\n", 0, error.start) + 1) from None


def _non_blank(rows: Iterator[Row]) -> Iterator[Row]:
    return ((line, cells) for line, cells in rows if any(cell.strip() for cell in cells))


def _lines(path: Path) -> Iterator[str]:
    """The file's lines, each with its own line end (`\\n`, `\\r\\n` or `\\r`), as the csv
    module reads them."""
    try:
        with (
            open_limited(path, CSV_BYTES) as raw,
            io.TextIOWrapper(
                raw, encoding="utf-8-sig", errors="surrogateescape", newline=""
            ) as text,
        ):
            for number, line in enumerate(text, start=1):
                if not line.isascii() and _UNDECODED.search(line):
                    raise _not_utf8(path, number)
                yield line
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None


def _not_utf8(path: Path, line: int) -> ActionplanError:
    return ActionplanError(
        f'{path}:{line}: not UTF-8 text: save it as "CSV UTF-8" from the spreadsheet'
    )


def _rows(lines: Iterable[str], path: Path) -> Iterator[Row]:
    """Every row, blank ones too, each counted against the limit as it is read."""
    reader = csv.reader(lines, strict=True)
    most = CSV_ROWS.value
    line = 1
    previous = csv.field_size_limit(CSV_CELL.value)
    try:
        for count, cells in enumerate(reader, start=1):
            if count > most:
                raise CSV_ROWS.refuse(path, f"more than {most:,} rows")
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise CSV_CELL.refuse(f"{path}:{line}", "a cell is too long") from None
        if "unexpected end of data" in str(error):
            raise ActionplanError(
                f"{path}:{line}: a quote opened in this row is never closed: close it, or "
                "save the file again from the spreadsheet"
            ) from None
        raise ActionplanError(f"{path}:{reader.line_num}: {error}") from None
    finally:
        csv.field_size_limit(previous)
