"""`actionplan import`: legacy action plan documents to plan files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from actionplan.cli.app import Command, app, finish


class DirectionChoice(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@app.command("import", cls=Command)
def import_documents(
    files: Annotated[
        list[Path],
        typer.Argument(help="Action plan documents: Word (.docx) or text exported from them."),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Plans folder to write the YAML files into.")
    ] = Path("plans"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace plan files that already exist.")
    ] = False,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            help="The year the documents' months fall in when they name no year "
            "(2014/15 financial, or 2014).",
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="The period of the performance figure, for documents that do not state it "
            "in full (2014-04, 2014/15 Q1...).",
        ),
    ] = None,
    direction: Annotated[
        DirectionChoice | None,
        typer.Option(
            "--direction",
            help="Which way is better for these indicators, higher or lower. The template does "
            "not say; without it the target is written as a comment.",
        ),
    ] = None,
) -> None:
    """Import legacy Performance Action Plan documents as indicator YAML files.

    One file per document, named from its title; what a document does not state is listed
    at the top of the file and in the report. Exits 0 when every document was imported, 2 when
    one could not be (the others are still imported).
    """
    from actionplan.legacy.command import ImportRequest, import_request

    request = ImportRequest(files, out, force, direction.value if direction else None, year, period)
    finish(import_request(request))
