"""`actionplan new`: an empty action plan for a RED measure, or a new indicator file."""

from __future__ import annotations

from typing import Annotated

import typer

from actionplan.cli.app import Command, PlansOption, app, finish, parse_as_of


@app.command(cls=Command)
def new(
    indicator_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Add an empty action plan to this RED indicator's file.",
            show_default=False,
        ),
    ] = None,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator", metavar="ID", help="Create a new indicator file, plans/ID.yaml."
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="With --indicator: its title.")] = None,
    strategic_director_lead: Annotated[
        str | None, typer.Option(help="With --indicator: the Strategic Director Lead.")
    ] = None,
    departmental_lead: Annotated[
        str | None, typer.Option(help="With --indicator: the Departmental Lead.")
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(help="With --indicator: count, percent, rate, days, currency or number."),
    ] = None,
    frequency: Annotated[
        str | None, typer.Option(help="With --indicator: monthly, quarterly or annual.")
    ] = None,
    direction: Annotated[
        str | None, typer.Option(help="With --indicator: which way is better, higher or lower.")
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="With --indicator: one target for every period.")
    ] = None,
    cumulative: Annotated[
        bool,
        typer.Option(
            "--cumulative",
            help="With --indicator: figures are year to date. A count, currency, days or "
            "number is judged against the annual target pro-rated for the year so far; "
            "percent and rate figures against the annual target as it stands.",
        ),
    ] = False,
    tolerance: Annotated[
        str | None,
        typer.Option(help="With --indicator: the amber band, a share (5%) or an amount (2.5)."),
    ] = None,
    plans: PlansOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Judge RED as on this day. Default: today."),
    ] = None,
) -> None:
    """Scaffold an action plan for a RED indicator, or (with --indicator) a new indicator file.

    `new ID` adds `action_plan:` to the indicator's file: its period is the RED period, every
    section is empty, and the template's guidance sits above each as comments. Nothing else in
    the file changes. `new --indicator ID --title TEXT` creates plans/ID.yaml, never over an
    existing file (and plans/ itself when it is missing). Exits 1 when nothing was done (not
    RED, or already has a plan).
    """
    from actionplan.app.new import NewIndicator, new_indicator, new_plan, number_or_text

    if (indicator_id is None) == (indicator is None):
        raise typer.BadParameter("give an ID, or --indicator ID with --title (not both)")
    if indicator_id is not None:
        finish(new_plan(plans, indicator_id, parse_as_of(as_of)))
    if not title:
        raise typer.BadParameter("a new indicator needs --title", param_hint="--title")
    fields = {
        "strategic_director_lead": strategic_director_lead,
        "departmental_lead": departmental_lead,
        "unit": unit,
        "frequency": frequency,
        "direction": direction,
        "cumulative": True if cumulative else None,
        "tolerance": number_or_text(tolerance),
        "target": number_or_text(target),
    }
    finish(new_indicator(plans, NewIndicator(str(indicator), title, fields)))
