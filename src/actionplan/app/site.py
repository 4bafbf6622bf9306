"""`actionplan site` as one call: the tree assessed at a date, as the report assesses it, laid
out as a static website (index, a page per theme and per indicator) and written into its
folder, only the files that changed, all or none. Exits 0, or 2 when a file could not be read
(the others are published) or a page could not be written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from actionplan.app.loading import load_reported
from actionplan.app.progress import progress
from actionplan.app.render import make_folder
from actionplan.domain.words import plural
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.output.report.model import build_report
from actionplan.output.site.pages import site_pages
from actionplan.output.site.render import init_site_templates, render_site, site_files
from actionplan.output.site.write import write_site
from actionplan.workspace.locks import locked
from actionplan.workspace.store import plan_paths


@dataclass(frozen=True)
class SiteRequest:
    paths: list[Path]
    out: Path
    templates: Path | None = None
    public: bool = False  # leave out leads' names and plans marked internal
    cache: bool = True


def make_site(request: SiteRequest, as_of: date) -> Outcome:
    roots = plan_paths(request.paths or None)
    workspace, outcome = load_reported(roots, cache=request.cache)
    with progress("Charting indicators") as tick:
        files = [(f.path, f.indicator) for f in workspace.files]
        report = build_report(files, workspace.settings, as_of, roots=roots, progress=tick)
    site = site_pages(report, workspace.settings, public=request.public)
    names = site_files(site)
    make_folder(request.out, "--out")
    with locked([request.out]), progress("Laying out pages") as tick:
        written = write_site(
            request.out,
            names,
            partial(render_site, site, templates=request.templates, progress=tick),
        )
    for problem in written.problems:
        outcome.fail(BAD_INPUT, f"error: {problem}")
    outcome.said.append(
        f"wrote {len(written.wrote):,} of {len(names):,} files into {request.out} "
        f"({written.unchanged:,} unchanged, {len(written.removed):,} removed): "
        f"{len(site.pages):,} pages, {plural(len(report.entries), 'indicator')}"
    )
    return outcome


def copy_site_templates(folder: Path) -> Outcome:
    copied = init_site_templates(folder)
    return Outcome(
        err=[
            f"copied {plural(len(copied), 'file')} to {folder / 'site'}: edit them, then build "
            f"with --templates {folder}"
        ]
    )
