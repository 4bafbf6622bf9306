"""The report laid out by its templates (`report.html.j2`, `report.md.j2`) and written out.

HTML is one self-contained page with the charts inline; Markdown links each chart as an SVG
file written beside it, the report and its charts written as one set (all or none). Plan
text goes through the same filters as `render` (safe Markdown in HTML).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from actionplan.errors import ActionplanError
from actionplan.output.documents.files import write_documents
from actionplan.output.documents.filters import Format
from actionplan.output.documents.templates import Renderer
from actionplan.output.report.model import Report
from actionplan.output.report.variables import context

REPORT_TEMPLATES = {"html": "report.html.j2", "md": "report.md.j2"}
REPORT_NAMES = {
    "html": "report.html",
    "md": "report.md",
    "docx": "report.docx",
    "pdf": "report.pdf",
}


def render_report(
    report: Report, fmt: Format, templates: Path | None = None
) -> tuple[str, dict[str, str]]:
    """The report's text, and for Markdown its chart files (name -> SVG)."""
    renderer = Renderer(fmt, templates)
    variables = context(report)
    text = renderer.render(variables, REPORT_TEMPLATES[fmt])
    files: dict[str, str] = {}
    if fmt == "md":
        for folder in variables["folders"]:
            files.update({c.file: str(c.svg) + "\n" for c in folder["charts"]})
    return text, files


def write_report(
    folder: Path, fmt: str, text: str | bytes, files: dict[str, str], say: Callable[[str], None]
) -> bool:
    """The report and its charts into `folder`, as one set: all or none, if the disk fills up
    or the run is killed. True when all were written. Call with the folder locked."""
    name = REPORT_NAMES[fmt]
    try:
        written = write_documents(folder, [(name, text), *sorted(files.items())])
    except ActionplanError as error:
        say(f"error: {error}")
        return False
    for problem in written.problems:
        say(f"error: {problem}")
    if folder / name in written.wrote or folder / name in written.unchanged:
        say(f"{'wrote' if folder / name in written.wrote else 'unchanged'} {folder / name}")
    if files:
        say(f"charts: {len(files)} SVG files beside it")
    return not written.problems
