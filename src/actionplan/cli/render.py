"""`actionplan render`: Performance Action Plan documents for committee papers."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from actionplan.cli.app import Command, NoCacheOption, TemplatesOption, app, finish, parse_as_of
from actionplan.errors import ActionplanError


class RenderFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


class ReportFormat(StrEnum):
    html = "html"
    md = "md"
    docx = "docx"
    pdf = "pdf"


def refuse_binary_on_terminal(fmt: str, out: str | None) -> None:
    """A Word or PDF file goes to stdout only when stdout is not a terminal, or `--out -`
    asks for it all the same (as curl refuses binary output)."""
    from actionplan.output.documents.formats import BINARY

    if fmt in BINARY and out is None and sys.stdout.isatty():
        raise ActionplanError(
            f"a {fmt} file is not for a terminal: write it with --out DIR, redirect "
            "stdout to a file, or give --out - to send it to the terminal all the same"
        )


@app.command(cls=Command)
def render(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="IDS|PATHS",
            help="Indicator ids, or plan files and folders. Ids are looked up in the folders "
            "named, or ./plans. Default: every plan under ./plans.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        RenderFormat,
        typer.Option("--format", "-f", help="Document format: md, html, docx (Word) or pdf."),
    ] = RenderFormat.md,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write one file per plan into DIR, named from its id (an unchanged file is "
            "not rewritten). Without it, or with '-', a single plan is written to stdout "
            "(docx and pdf only when stdout is not a terminal, or with '-').",
        ),
    ] = None,
    templates: TemplatesOption = None,
    init_templates: Annotated[
        Path | None,
        typer.Option(
            "--init-templates",
            metavar="DIR",
            help="Copy the built-in templates into DIR to start your own, then stop.",
        ),
    ] = None,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing",
            help="Also render a blank form, pre-filled with the overview and current figures, "
            "for each RED measure that has no plan.",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="Show the figures known on this day. Default: today."
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Render action plans as Performance Action Plan documents (Markdown, HTML, Word or PDF).

    Files that cannot be read are reported as `check` reports them and the rest still render;
    the exit code is then 2. Exits 1 when there was nothing to render.
    """
    from actionplan.app.render import RenderRequest, copy_templates, render_plans

    if init_templates is not None:
        finish(copy_templates(init_templates))
    refuse_binary_on_terminal(output.value, out)
    request = RenderRequest(
        targets=targets or [],
        format=output.value,
        out=None if out in (None, "-") else Path(str(out)),
        templates=templates,
        missing=missing,
        cache=not no_cache,
    )
    finish(render_plans(request, parse_as_of(as_of)))
