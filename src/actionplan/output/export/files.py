"""The export's tables as file contents: CSV (the standard library's writer) or Parquet (pyarrow,
an optional extra), and `export.json`, which names the version, the date and every column."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from actionplan.errors import ActionplanError
from actionplan.output.export.columns import EXPORT_VERSION, TABLES, Column
from actionplan.output.export.tables import Cell, TableRow

# A spreadsheet runs a cell that begins with one of these as a formula: such text is written
# with an apostrophe before it, which a spreadsheet shows as text (Parquet keeps it as written).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_files(
    tables: dict[str, list[TableRow]], fmt: str, as_of: date
) -> dict[str, str | bytes]:
    """File name -> content for every table, and the manifest."""
    files: dict[str, str | bytes] = {}
    for name, rows in tables.items():
        columns = TABLES[name]
        if fmt == "parquet":
            files[f"{name}.parquet"] = parquet_bytes(columns, rows, as_of)
        else:
            files[f"{name}.csv"] = csv_text(columns, rows)
    files["export.json"] = manifest(fmt, as_of, {name: len(rows) for name, rows in tables.items()})
    return files


def manifest(fmt: str, as_of: date, counts: dict[str, int]) -> str:
    document = {
        "version": EXPORT_VERSION,
        "as_of": as_of.isoformat(),
        "format": fmt,
        "tables": {
            name: {
                "file": f"{name}.{fmt}",
                "rows": counts[name],
                "columns": [{"name": c.name, "type": c.type, "meaning": c.meaning} for c in cols],
            }
            for name, cols in TABLES.items()
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def csv_text(columns: Sequence[Column], rows: list[TableRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        return repr(cell)  # the shortest text that reads back as the same number
    if isinstance(cell, date):
        return cell.isoformat()
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def need_pyarrow() -> None:
    """Parquet is written by pyarrow, an optional extra: refused with how to install it."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ActionplanError(
            'Parquet needs pyarrow: install it with `pip install "actionplan[parquet]"`, '
            "or export CSV (--format csv)"
        ) from None


def parquet_bytes(columns: Sequence[Column], rows: list[TableRow], as_of: date) -> bytes:
    need_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    types: dict[str, Any] = {
        "string": pa.string(),
        "float": pa.float64(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
    }
    schema = pa.schema(
        [pa.field(c.name, types[c.type], metadata={"meaning": c.meaning}) for c in columns],
        metadata={"actionplan_export_version": str(EXPORT_VERSION), "as_of": as_of.isoformat()},
    )
    data = [list(values) for values in zip(*rows, strict=True)] if rows else [[] for _ in columns]
    table = pa.Table.from_arrays(
        [pa.array(values, type=field.type) for values, field in zip(data, schema, strict=True)],
        schema=schema,
    )
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())
