"""Measurements from a spreadsheet recorded in the plan files: each record matched to its file,
and every file's new text made and validated in memory (in worker processes for many files).

A row that cannot be recorded is reported with its line in the CSV; the caller writes only when
no row is bad, so a batch is recorded whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from actionplan.domain.models import Settings
from actionplan.edit.changes import Measurements
from actionplan.edit.csv_records import BadRow, Batch, Record, Series
from actionplan.edit.document import open_document, render, validated
from actionplan.edit.insert import inserted_text
from actionplan.errors import ActionplanError
from actionplan.workspace.parallel import ordered_map
from actionplan.workspace.store import IndicatorFile

Progress = Callable[[int, int], None]


def assign(batch: Batch, files: list[IndicatorFile]) -> dict[Path, list[Record]]:
    """The records for each file; records for no known indicator become bad rows (plain CSV)
    or are skipped (a Fingertips export holds every area)."""
    by_id = {f.indicator.id: f.path for f in files}
    following = [(f.indicator.fingertips, f.path) for f in files if f.indicator.fingertips]
    assigned: dict[Path, list[Record]] = {}
    for record in batch.records:
        if isinstance(record.target, Series):
            series = record.target
            paths = [path for wanted, path in following if series.followed_by(wanted)]
            if not paths:
                batch.skipped += 1
        else:
            paths = [by_id[record.target]] if record.target in by_id else []
            if not paths:
                batch.bad.append(BadRow(record.line, f"no indicator has the id {record.target!r}"))
        for path in paths:
            assigned.setdefault(path, []).append(record)
    return assigned


def prepare(
    assigned: dict[Path, list[Record]],
    settings: Settings,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> tuple[dict[Path, str], list[BadRow]]:
    """The new text of every file, validated, and every row that cannot be recorded."""
    texts: dict[Path, str] = {}
    bad: list[BadRow] = []
    jobs = [(path, records, settings, replace) for path, records in assigned.items()]
    edits = ordered_map(edit_file, jobs, parallel_from=EDITED_IN_PARALLEL_FROM)
    for done, (path, text, problems) in enumerate(edits, start=1):
        bad.extend(problems)
        if text is not None:
            texts[path] = text
        if progress:
            progress(done, len(jobs))
    return texts, sorted(bad, key=lambda row: row.line)


Job = tuple[Path, list[Record], Settings, bool]
# Giving a file one new figure takes about 1.5 ms where it is laid out as ruamel.yaml writes it
# (`insert`), 15 ms through ruamel's round trip; starting two workers about 10 ms. On an idle
# 2-core machine two workers are faster from about 32 files of the first kind, 8 of the second
# (benchmarks/bench_record.py times both).
EDITED_IN_PARALLEL_FROM = 32


def edit_file(job: Job) -> tuple[Path, str | None, list[BadRow]]:
    """One file's new text with its records added, or the rows that prevent it."""
    path, records, settings, replace = job
    # One new figure for the file (the usual batch): made without ruamel where the file is
    # laid out as ruamel writes it, else rendered once, not twice.
    single = len(records) == 1 and not replace
    fy_start = settings.financial_year_start
    quick = inserted_text(path, records[0].measurement, fy_start) if single else None
    if quick is not None:
        return _checked(path, quick, records, settings)
    try:
        doc = open_document(path, settings.financial_year_start, base=not single)
        measurements = Measurements(doc)
    except ActionplanError as error:
        return path, None, [BadRow(records[0].line, str(error))]
    bad: list[BadRow] = []
    seen: dict[tuple[Any, bool], int] = {}
    inserted = []
    for record in records:
        m = record.measurement
        earlier = seen.setdefault((m.period, m.forecast), record.line)
        if earlier != record.line:
            bad.append(BadRow(record.line, f"{path}: line {earlier} already gives {m.period}"))
            continue
        try:
            inserted.append(measurements.add(m, replace=replace))
        except ActionplanError as error:
            bad.append(BadRow(record.line, str(error)))
    if bad:
        return path, None, bad
    try:
        text = render(doc, inserted=inserted[0] if len(inserted) == 1 else None)
    except ActionplanError as error:
        return path, None, [BadRow(records[0].line, str(error))]
    return _checked(path, text, records, settings)


def _checked(
    path: Path, text: str, records: list[Record], settings: Settings
) -> tuple[Path, str | None, list[BadRow]]:
    """The new text, validated as `check` reads it, or the reason it cannot be written."""
    try:
        validated(path, text, settings)
    except ActionplanError as error:
        return path, None, [BadRow(records[0].line, str(error))]
    return path, text, []
