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
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATHS",
            help="Action plan documents, Word (.docx) or text exported from them, and folders "
            "of them (searched with their subfolders). With --manifest alone, its documents.",
            show_default=False,
        ),
    ] = None,
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
            help="Which way is better for these indicators, higher or lower. Without it, the "
            "direction a RED figure and its target imply is written (and said); when they imply "
            "none, the target is written as a comment.",
        ),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest",
            metavar="FILE.csv",
            help="A CSV of per-document facts: a `file` column (the document's path, relative "
            "to the manifest's own folder) and any of period, year, direction and id, which "
            "override the options above for that document.",
        ),
    ] = None,
) -> None:
    """Import legacy Performance Action Plan documents as indicator YAML files.

    One file per document, named from its title (or the manifest's id); what a document does
    not state is listed at the top of the file and in the closing table. Exits 0 when every
    document was imported, 2 when one could not be (the others are still imported) or the
    manifest has a bad row (then none is).
    """
    from actionplan.app.import_documents import ImportRequest, import_request

    request = ImportRequest(
        paths or [], out, force, direction.value if direction else None, year, period, manifest
    )
    finish(import_request(request))
