"""`actionplan due`: what each lead owes before the next committee."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from actionplan.cli.app import Command, NoCacheOption, PathsArg, app, finish, parse_as_of


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


@app.command(cls=Command)
def due(
    paths: PathsArg = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Judge the figures known on this day."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="DATE",
            help="The committee's day: list what will be due by then. Default: --as-of.",
        ),
    ] = None,
    lead: Annotated[
        str | None,
        typer.Option("--lead", metavar="NAME", help="Only leads whose name holds NAME (any case)."),
    ] = None,
    output: Annotated[
        DueFormat, typer.Option("--format", "-f", help="table, json or md (Markdown).")
    ] = DueFormat.table,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write one Markdown note a lead into DIR, ready to paste into an e-mail.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Each lead's chase list: figures not yet recorded, action plans that RED measures need,
    and results plans promised, by the committee's day.

    Exits 0 when nothing is owed, 1 when something is (for a schedule), 2 when a file could
    not be read.
    """
    from actionplan.app.due import DueRequest, chase_list

    request = DueRequest(
        paths=paths or [],
        by=parse_as_of(by, "--by") if by else None,
        lead=lead,
        format=output.value,
        out=out,
        cache=not no_cache,
    )
    finish(chase_list(request, parse_as_of(as_of)))
