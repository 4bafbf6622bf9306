"""`actionplan export`: tidy tables of the plans for analysts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from actionplan.cli.app import Command, NoCacheOption, PathsArg, app, finish, parse_as_of


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


@app.command(cls=Command)
def export(
    paths: PathsArg = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write indicators, measurements and plans (.csv or .parquet) and export.json, "
            "which names every column, into DIR.",
        ),
    ] = ...,  # type: ignore[assignment]
    output: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help='csv, or parquet (needs pyarrow: pip install "actionplan[parquet]").',
        ),
    ] = ExportFormat.csv,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Judge the figures known on this day."),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Tidy tables for analysts: one row per indicator, per measurement and per plan section.

    For Power BI, DuckDB, Spark or R. Exits 0, or 2 when a file could not be read (the others
    are exported).
    """
    from actionplan.app.export import ExportRequest, export_tables

    request = ExportRequest(paths=paths or [], out=out, format=output.value, cache=not no_cache)
    finish(export_tables(request, parse_as_of(as_of)))
