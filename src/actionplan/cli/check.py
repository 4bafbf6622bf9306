"""`actionplan check`: RAG status and plan coverage for a plans tree."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from actionplan.cli.app import Command, NoCacheOption, PathsArg, app, parse_as_of


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    github = "github"


@app.command(cls=Command)
def check(
    paths: PathsArg = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Judge what was known on this day (2014-07-31, or a period meaning its last "
            "day). Default: today.",
        ),
    ] = None,
    output: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output: table, json or github.")
    ] = CheckFormat.table,
    missing: Annotated[
        bool, typer.Option("--missing", help="Print only the RED measures lacking a plan.")
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every indicator, not only RED and AMBER ones.")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="With --format json: what changed in the files since this day (the last "
            "committee), read from git: figures restated, targets changed, plans rewritten.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compute RED / AMBER / GREEN and list RED measures lacking a current, complete plan.

    Exits 0 when every RED measure has a current, complete plan, 1 when one does not, 2 when a
    file could not be read or validated (the others are still checked).
    """
    from actionplan.app.check import check_plans
    from actionplan.output.check.printers import PRINTERS
    from actionplan.output.check.table import report_notes, report_problems

    result = check_plans(
        paths,
        parse_as_of(as_of),
        fmt=output.value,
        missing=missing,
        show_all=show_all,
        cache=not no_cache,
        since=parse_as_of(since, "--since") if since else None,
    )
    if output is CheckFormat.table:
        report_problems(result.problems, sys.stderr)
        report_notes(result.notes, sys.stderr)
    PRINTERS[output.value](result, sys.stdout, missing, show_all)
    raise typer.Exit(result.exit_code)
