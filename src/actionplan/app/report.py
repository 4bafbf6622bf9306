"""`actionplan report` as one call: the tree assessed at a date (and at the last committee's),
the report built, rendered and written, and the exit code: as `check`'s, or 2 when a file of
the report could not be written."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import BinaryIO

from actionplan.app.history import files_then
from actionplan.app.loading import load_reported
from actionplan.app.progress import progress
from actionplan.app.render import make_folder
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.output.documents.files import DocumentSet
from actionplan.output.documents.filters import Format
from actionplan.output.report.changes import History
from actionplan.output.report.model import Report, build_report
from actionplan.output.report.write import (
    REPORT_NAMES,
    add_report,
    render_report,
    write_report,
)
from actionplan.workspace.locks import locked
from actionplan.workspace.store import plan_paths


@dataclass(frozen=True)
class ReportRequest:
    paths: list[Path]
    format: str  # html, md, docx or pdf
    out: Path | None  # None: the document to stdout
    templates: Path | None = None
    since: date | None = None  # the last committee: changes since then are listed
    cache: bool = True


def make_report(request: ReportRequest, as_of: date) -> Outcome:
    if request.format == "md" and request.out is None:
        raise ActionplanError("a Markdown report writes its charts beside it: give --out DIR")
    if request.since is not None and request.since > as_of:
        raise ActionplanError(
            f"--since {request.since.isoformat()} is after --as-of {as_of.isoformat()}: give "
            "the day of the last committee, on or before the day the report is for"
        )
    roots = plan_paths(request.paths or None)
    workspace, outcome = load_reported(roots, cache=request.cache)
    history: History | None = None
    if request.since is not None:
        found = files_then(roots, request.since, workspace.settings.financial_year_start)
        if isinstance(found, str):
            since = request.since.isoformat()
            outcome.err.append(f"note: figures restated since {since} are not listed: {found}")
        history = found if isinstance(found, str) else (found[0].indicators, found[1])
    with progress("Charting indicators") as tick:
        files = [(f.path, f.indicator) for f in workspace.files]
        built = build_report(
            files,
            workspace.settings,
            as_of,
            roots=roots,
            since=request.since,
            history=history,
            problems=workspace.problems,
            progress=tick,
        )
    outcome.fail(built.exit_code)
    outcome.err += built.lacking_lines()
    if request.out is None:
        outcome.out.append(_document(built, request))
        return outcome
    make_folder(request.out, "--out")
    with locked([request.out]):
        written = write_report(
            request.out, request.format, partial(_fill, built, request), outcome.err.append
        )
    if not written:
        outcome.fail(BAD_INPUT)
    return outcome


def _document(report: Report, request: ReportRequest) -> str | BinaryIO:
    """The report's file content, for stdout (a Markdown report has --out): a Word or PDF
    file in a temporary file, since stdout may be a pipe a .docx cannot be written into as it
    is made (each entry's sizes go back into its header), and held whole it would grow with
    every chart."""
    if request.format == "html":
        return render_report(report, "html", request.templates)
    # Handed on open, to be copied out; gone once closed, or when the command ends.
    document = tempfile.TemporaryFile()  # noqa: SIM115
    _typeset(report, request, document)
    document.seek(0)
    return document


def _fill(report: Report, request: ReportRequest, files: DocumentSet) -> int:
    """The report's files into `files`, each written as it is made; the number of charts."""
    if request.format in ("html", "md"):
        fmt: Format = "html" if request.format == "html" else "md"
        return add_report(files, report, fmt, request.templates)
    files.add_written(
        REPORT_NAMES[request.format], lambda handle: _typeset(report, request, handle)
    )
    return 0


def _typeset(report: Report, request: ReportRequest, handle: BinaryIO) -> None:
    from actionplan.output.report.word_and_pdf import write_report_document

    label = "Drawing charts" if request.format == "docx" else "Typesetting the report"
    with progress(label) as tick:
        write_report_document(report, request.format, handle, request.templates, tick)
