"""The command line: parse options, call one core function, hand its result to a reporter.

Heavy modules are imported inside the commands that need them, so `--help` and small runs start
quickly.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from actionplan import __version__
from actionplan.errors import ActionplanError


class _Boundary(TyperGroup):
    """The one place user-facing errors are caught: a message on stderr and a documented exit
    code, never a traceback (unless --debug)."""

    def invoke(self, ctx: Any) -> Any:  # click.Context (vendored by typer)
        try:
            return super().invoke(ctx)
        except ActionplanError as error:
            if os.environ.get("ACTIONPLAN_DEBUG"):
                raise
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=_Boundary,
    name="actionplan",
    help="Performance indicators and their action plans, kept as YAML files.\n\n"
    "Exit codes: 0 all well; 1 a RED measure lacks a current, complete plan (check) or nothing "
    "was done; 2 a file could not be read or validated, or the command line was wrong.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Plan files or folders to read. Default: ./plans", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"actionplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for errors (for bug reports).")
    ] = False,
) -> None:
    if debug:
        os.environ["ACTIONPLAN_DEBUG"] = "1"


def plan_paths(paths: list[Path] | None) -> list[Path]:
    if paths:
        return paths
    default = Path("plans")
    if not default.is_dir():
        raise ActionplanError(
            "there is no ./plans folder here: run in the folder that holds plans/, or name the "
            "plan files and folders to read"
        )
    return [default]


def parse_as_of(text: str | None) -> date:
    """A day, or a period meaning its last day (`--as-of 2014-07` = 31 July 2014)."""
    if text is None:
        return date.today()
    from actionplan.periods import parse_period

    try:
        return parse_period(text).end
    except ActionplanError as error:
        raise typer.BadParameter(str(error), param_hint="--as-of") from None


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    github = "github"


@app.command()
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
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-read every file, ignoring the parse cache.")
    ] = False,
) -> None:
    """Compute RED / AMBER / GREEN and list RED measures lacking a current, complete plan.

    Exits 0 when every RED measure has a current, complete plan, 1 when one does not, 2 when a
    file could not be read or validated (the others are still checked).
    """
    from actionplan import reporters
    from actionplan.assess import check as run_check

    day = parse_as_of(as_of)
    workspace = load(plan_paths(paths), cache=not no_cache)
    result = run_check(
        [(f.path, f.indicator) for f in workspace.files],
        workspace.settings,
        day,
        workspace.problems,
    )
    if output is CheckFormat.table:
        reporters.report_problems(result.problems, sys.stderr)
    reporters.REPORTERS[output.value](result, sys.stdout, missing, show_all)
    raise typer.Exit(result.exit_code)


def load(paths: list[Path], *, cache: bool = True) -> Any:
    """Load the workspace under `paths`, with a progress bar on a terminal."""
    from actionplan import reporters
    from actionplan.cache import ParseCache, default_cache_file
    from actionplan.store import load_workspace

    parse_cache = ParseCache(default_cache_file(paths)) if cache else None
    with reporters.progress("Reading plan files") as tick:
        return load_workspace(paths, cache=parse_cache, progress=tick)


def main() -> None:
    app()
