"""`actionplan site`: a static performance website, publishable as it is."""

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


@app.command(cls=Command)
def site(
    paths: PathsArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write the site into DIR: index.html, a page per theme and per indicator. "
            "Only files whose content changed are rewritten.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Publish the figures known on this day."),
    ] = None,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Leave out leads' names (and who is responsible for a plan) and plans marked "
            "'internal: true'.",
        ),
    ] = False,
    templates: TemplatesOption = None,
    init_templates: Annotated[
        Path | None,
        typer.Option(
            "--init-templates",
            metavar="DIR",
            help="Copy the site's built-in templates into DIR/site to start your own, then stop.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """A static website: an index, a scorecard page per theme, a page per indicator.

    Works from a folder (file://), any web host or a sub-path, with no script needed and
    nothing fetched. Exits 0, or 2 when a file could not be read (the others are published).
    """
    from actionplan.app.site import SiteRequest, copy_site_templates, make_site

    if init_templates is not None:
        finish(copy_site_templates(init_templates))
    if out is None:
        raise typer.BadParameter("give the folder to write the site into", param_hint="--out")
    request = SiteRequest(
        paths=paths or [],
        out=out,
        templates=templates,
        public=public,
        cache=not no_cache,
    )
    finish(make_site(request, parse_as_of(as_of)))
