"""The website's files from its templates (`templates/site/`, or a user's copies of them in
`--templates DIR/site/`): each page, the stylesheet and the script, and the CSV beside each
chart. Plan text passes through the same filters as `render`'s HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from actionplan.output.documents.files import DocumentSet
from actionplan.output.documents.templates import Renderer, copy_templates, templates_dir
from actionplan.output.site.pages import SitePages

SITE_FOLDER = "site"
STYLESHEET = "site.css"
SCRIPT = "site.js"


def site_files(site: SitePages) -> list[str]:
    """The name of every file of the site."""
    return [*site.pages, *site.data, STYLESHEET, SCRIPT]


def render_site(
    site: SitePages,
    files: DocumentSet,
    templates: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Every file of the site into `files`, each page laid out and written before the next."""
    renderer = Renderer("html", templates)
    for number, (name, page) in enumerate(site.pages.items(), 1):
        files.add(name, renderer.generate(page.variables(), f"{SITE_FOLDER}/{page.template}"))
        if progress:
            progress(number, len(site.pages))
    for name, made in site.data.items():
        files.add(name, made())
    files.add(STYLESHEET, renderer.render({}, f"{SITE_FOLDER}/{STYLESHEET}.j2"))
    files.add(SCRIPT, _script(renderer))


def _script(renderer: Renderer) -> str:
    # The script is copied as it is: a template's {{ }} has no business in JavaScript.
    loader = renderer.environment.loader
    assert loader is not None
    return loader.get_source(renderer.environment, f"{SITE_FOLDER}/{SCRIPT}")[0]


def init_site_templates(folder: Path) -> list[Path]:
    """Copy the site's built-in templates into `folder/site/`, where `--templates folder`
    finds them; never overwrites."""
    return copy_templates(templates_dir() / SITE_FOLDER, folder / SITE_FOLDER, folder)
