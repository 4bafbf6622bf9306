"""`actionplan report`: the quarterly performance report for committee."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actionplan.cli.app import (
    Command,
    NoCacheOption,
    PathsArg,
    TemplatesOption,
    app,
    finish,
    parse_as_of,
)
from actionplan.cli.render import ReportFormat, refuse_binary_on_terminal


@app.command(cls=Command)
def report(
    paths: PathsArg = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Report the figures known on this day."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Add the changes since this day (the last committee, on or before --as-of): "
            "statuses, plans.",
        ),
    ] = None,
    output: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="Report format: html, md, docx (Word) or pdf."),
    ] = ReportFormat.html,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write report.html (or report.md and its chart SVGs, report.docx, report.pdf) "
            "into DIR. Without it, or with '-', the report goes to stdout (docx and pdf only "
            "when stdout is not a terminal, or with '-').",
        ),
    ] = None,
    templates: TemplatesOption = None,
    init_templates: Annotated[
        Path | None,
        typer.Option(
            "--init-templates",
            metavar="DIR",
            help="Copy the built-in templates (report.docx and report.typ among them) into DIR "
            "to start your own, then stop.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """The quarterly performance report: summary, scorecard, SPC charts, exceptions, changes.

    Exits 0 when every RED measure has a current, complete plan, 1 when one does not (the
    report is still written), 2 when a file could not be read (the others are reported).
    """
    from actionplan.app.render import copy_templates
    from actionplan.app.report import ReportRequest, make_report

    if init_templates is not None:
        finish(copy_templates(init_templates))
    refuse_binary_on_terminal(output.value, out)
    request = ReportRequest(
        paths=paths or [],
        format=output.value,
        out=None if out in (None, "-") else Path(str(out)),
        templates=templates,
        since=parse_as_of(since, "--since") if since else None,
        cache=not no_cache,
    )
    finish(make_report(request, parse_as_of(as_of)))
