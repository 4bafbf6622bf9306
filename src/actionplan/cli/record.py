"""`actionplan record`: measurements into plan files, one or a spreadsheet's worth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actionplan.cli.app import Command, PlansOption, app, finish


@app.command(cls=Command)
def record(
    indicator_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="The indicator.", show_default=False)
    ] = None,
    period: Annotated[
        str | None,
        typer.Argument(
            metavar="PERIOD", help="The period, e.g. 2014-04 or 2014/15.", show_default=False
        ),
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(
            metavar="VALUE",
            help="The figure: 617, 19,625, 53.6% or NA (put -- before a negative one).",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note shown beside the figure.")] = None,
    forecast: Annotated[
        bool, typer.Option("--forecast", help="The figure is a projected outturn.")
    ] = False,
    reported: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="When the figure was published (2014-07-31)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a figure already recorded for the period.")
    ] = False,
    allow_future: Annotated[
        bool,
        typer.Option(
            "--allow-future",
            help="Record a figure for a period that has not ended, not as a forecast (check "
            "leaves it out until the period ends).",
        ),
    ] = False,
    csv_file: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="FILE",
            help="Record every row of a CSV: columns id,period,value (and optionally note, "
            "reported, forecast), or a Fingertips export.",
        ),
    ] = None,
    table: Annotated[
        Path | None,
        typer.Option(
            "--table",
            metavar="FILE",
            help="Record a published KPI table (CSV or .xlsx), one row per indicator, for "
            "--period; name its columns with --map.",
        ),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option(metavar="NAME", help="The sheet of an .xlsx --table.")
    ] = None,
    table_period: Annotated[
        str | None,
        typer.Option("--period", metavar="P", help="The period a --table reports (2014/15 Q2)."),
    ] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="Which --table column holds a field (repeat): id, title, value, previous, "
            "target, status, note, directorate, direction.",
        ),
    ] = None,
    create: Annotated[
        bool,
        typer.Option(
            "--create", help="Write a new indicator file for a --table row whose id has none."
        ),
    ] = False,
    table_direction: Annotated[
        str | None,
        typer.Option(
            "--direction",
            metavar="higher|lower",
            help="Which way is better for the new files of --table rows that the table does "
            "not decide (never over what the table says); each is listed.",
        ),
    ] = None,
    match: Annotated[
        str,
        typer.Option(
            metavar="id|title",
            help="How --table rows find their files: by id (default), or by title.",
        ),
    ] = "id",
    action: Annotated[
        int | None,
        typer.Option(
            "--action",
            metavar="N",
            min=1,
            help="Update the plan's action N (1 for the first) with --progress, --stage or "
            "--status, instead of recording a figure.",
        ),
    ] = None,
    progress: Annotated[
        str | None, typer.Option(metavar="PERCENT", help="With --action: how far it has got, 60%.")
    ] = None,
    stage: Annotated[
        str | None, typer.Option(help="With --action: its stage (In progress, Complete).")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(help="With --action: its status as reported (Green, Amber, Red, Completed)."),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Record a measurement, in period order, keeping the file's comments and layout.

    The edited file is validated before it is written, and written atomically. A period that
    already has a figure is refused (exit 1) unless --replace. With --csv or --table, every row
    is checked first: if any is bad, each is reported as FILE:LINE: message (FILE:SHEET!CELL:
    for a workbook), nothing is written, and the exit code is 2. A figure for a period that
    ends after today is refused unless it is a forecast (--forecast, or yes in a CSV's
    forecast column) or --allow-future is given; so is a --table figure of another length than
    its indicator's frequency, unless the settings say `mixed_periods: true`. `ID --action N
    --progress 60%` updates the plan's action N instead (--stage and --status too).
    """
    from datetime import date

    from actionplan.app.record import NewMeasurement, record_csv, record_one

    today = date.today()

    if action is not None or progress or stage or status:
        if action is None or indicator_id is None or period is not None:
            raise typer.BadParameter("give ID --action N with --progress, --stage or --status")
        from actionplan.app.record import ActionUpdate, record_action

        finish(record_action(plans, indicator_id, ActionUpdate(action, progress, stage, status)))

    if table is not None:
        if csv_file or indicator_id or note or forecast or reported:
            raise typer.BadParameter("--table takes its ids and values from the table")
        if table_period is None:
            raise typer.BadParameter("--table needs --period: the period the table reports")
        from actionplan.app.record_table import TableRequest, record_table

        if table_direction not in (None, "higher", "lower"):
            raise typer.BadParameter("--direction: write higher or lower")
        if match not in ("id", "title"):
            raise typer.BadParameter("--match: write id or title")
        request = TableRequest(
            table,
            table_period,
            tuple(maps or ()),
            sheet,
            create,
            replace,
            today,
            allow_future,
            "higher" if table_direction == "higher" else "lower" if table_direction else None,
            "title" if match == "title" else "id",
        )
        finish(record_table(plans, request))
    if sheet or table_period or maps or create or table_direction or match != "id":
        raise typer.BadParameter(
            "--sheet, --period, --map, --create, --direction and --match go with --table FILE"
        )
    if csv_file is not None:
        if indicator_id or note or forecast or reported:
            raise typer.BadParameter("--csv takes its ids, periods and values from the file")
        finish(record_csv(plans, csv_file, replace=replace, today=today, allow_future=allow_future))
    if value is None or indicator_id is None:
        raise typer.BadParameter("give ID PERIOD VALUE, or --csv FILE")
    new = NewMeasurement(indicator_id, period, value, note, reported, forecast)
    finish(record_one(plans, new, replace=replace, today=today, allow_future=allow_future))
