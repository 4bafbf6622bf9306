"""The report laid out by its templates (`report.html.j2`, `report.md.j2`) and written out.

HTML is one self-contained page with the charts inline; Markdown links each chart as an SVG
file written beside it, the report and its charts written as one set (all or none). Each is
written as the template makes it: a chart is drawn when the template comes to it, its SVG file
written then, and the text goes to the file a piece at a time, so a report of thousands of
indicators is never held whole. Plan text goes through the same filters as `render` (safe
Markdown in HTML).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from actionplan.errors import ActionplanError
from actionplan.output.documents.files import DocumentSet
from actionplan.output.documents.filters import Format
from actionplan.output.documents.templates import Renderer
from actionplan.output.report.model import Report
from actionplan.output.report.variables import Chart, context

REPORT_TEMPLATES = {"html": "report.html.j2", "md": "report.md.j2"}
REPORT_NAMES = {
    "html": "report.html",
    "md": "report.md",
    "docx": "report.docx",
    "pdf": "report.pdf",
}


def render_report(report: Report, fmt: Format, templates: Path | None = None) -> str:
    """The report's text (for Markdown, without its chart files)."""
    return Renderer(fmt, templates).render(context(report), REPORT_TEMPLATES[fmt])


def add_report(files: DocumentSet, report: Report, fmt: Format, templates: Path | None) -> int:
    """The report's text into `files` as the template makes it, and for Markdown each chart's
    SVG file as it is drawn; the number of chart files."""
    charts: set[str] = set()

    def drawn(chart: Chart) -> None:
        if fmt == "md" and chart.file not in charts:  # a template may draw a chart twice
            charts.add(chart.file)
            files.add(chart.file, str(chart.svg) + "\n")

    renderer = Renderer(fmt, templates)
    files.add(REPORT_NAMES[fmt], renderer.generate(context(report, drawn), REPORT_TEMPLATES[fmt]))
    return len(charts)


def write_report(
    folder: Path, fmt: str, fill: Callable[[DocumentSet], int], say: Callable[[str], None]
) -> bool:
    """The report and its charts, as `fill` adds them, into `folder` as one set: all or none,
    if the disk fills up or the run is killed. True when all were written. Call with the
    folder locked."""
    name = REPORT_NAMES[fmt]
    try:
        with DocumentSet(folder) as files:
            charts = fill(files)
            written = files.finish()
    except ActionplanError as error:
        say(f"error: {error}")
        return False
    for problem in written.problems:
        say(f"error: {problem}")
    if folder / name in written.wrote or folder / name in written.unchanged:
        say(f"{'wrote' if folder / name in written.wrote else 'unchanged'} {folder / name}")
    if charts:
        say(f"charts: {charts} SVG files beside it")
    return not written.problems
