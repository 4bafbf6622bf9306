"""Measurements from a spreadsheet recorded in the plan files: each record matched to its file,
and every file's new text made and validated in memory (in worker processes for many files).

A row that cannot be recorded is reported with its line in the CSV; the caller writes only when
no row is bad, so a batch is recorded whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actionplan.domain.models import Settings
from actionplan.edit.changes import Measurements
from actionplan.edit.csv_records import BadRow, Batch, Reading, Record, Series, measured
from actionplan.edit.document import open_document, render, validated
from actionplan.edit.insert import inserted_text
from actionplan.edit.kept_rows import BadRows, KeptRows
from actionplan.errors import ActionplanError
from actionplan.workspace.limits import FILES_CHANGED, PLAN_BYTES, PLAN_VALUES
from actionplan.workspace.parallel import ordered_map
from actionplan.workspace.store import IndicatorFile

Progress = Callable[[int, int], None]


def _matcher(files: list[IndicatorFile]) -> Callable[[str | Series], list[Path]]:
    """The files a row's target is for: the indicator of its id, or every indicator that
    follows its Fingertips series."""
    by_id = {f.indicator.id: f.path for f in files}
    following = [(f.indicator.fingertips, f.path) for f in files if f.indicator.fingertips]

    def paths(target: str | Series) -> list[Path]:
        if isinstance(target, Series):
            return [path for wanted, path in following if target.followed_by(wanted)]
        return [by_id[target]] if target in by_id else []

    return paths


def _unknown(target: str | Series) -> str | None:
    """Why a plain CSV's row for no known indicator is bad; None for a Fingertips row, which
    is skipped (an export holds every area)."""
    return None if isinstance(target, Series) else f"no indicator has the id {target!r}"


def assign(batch: Batch, files: list[IndicatorFile]) -> dict[Path, list[Record]]:
    """The records for each file; records for no known indicator become bad rows (plain CSV)
    or are skipped (a Fingertips export holds every area)."""
    match = _matcher(files)
    assigned: dict[Path, list[Record]] = {}
    for record in batch.records:
        paths = match(record.target)
        if not paths:
            if (why := _unknown(record.target)) is None:
                batch.skipped += 1
            else:
                batch.bad.append(BadRow(record.line, why))
        for path in paths:
            assigned.setdefault(path, []).append(record)
    return assigned


@dataclass
class Gathered:
    """A CSV's rows by the file they are for, as they were read: none is kept as a
    measurement, and only the first bad rows are listed."""

    files: dict[Path, KeptRows] = field(default_factory=dict)
    bad: BadRows = field(default_factory=BadRows)
    skipped: int = 0  # Fingertips rows that are breakdowns, have no value or are for no one


def gather(
    reading: Reading,
    files: list[IndicatorFile],
    fy_start: int,
    *,
    refuse: Callable[[Record], BadRow | None] | None = None,
) -> Gathered:
    """`assign` for a file read a row at a time (`read_rows`): each row is checked as it is
    read and kept, as a short text, for each file it is for; `refuse` may turn a row for a known
    file into a bad row."""
    match = _matcher(files)
    gathered = Gathered()
    for row in reading.rows:
        if row is None:
            gathered.skipped += 1
            continue
        if isinstance(row, BadRow):
            gathered.bad.add(row)
            continue
        done = measured(row, fy_start)
        if isinstance(done, BadRow):
            gathered.bad.add(done)
            continue
        paths = match(done.target)
        if paths and refuse is not None and (refused := refuse(done)) is not None:
            gathered.bad.add(refused)
            continue
        if not paths:
            if (why := _unknown(done.target)) is None:
                gathered.skipped += 1
            else:
                gathered.bad.add(BadRow(done.line, why))
        for path in paths:
            kept = gathered.files.get(path)
            if kept is None:
                if len(gathered.files) >= FILES_CHANGED.value:
                    raise ActionplanError(
                        FILES_CHANGED.advice(
                            f"the CSV changes more than {FILES_CHANGED.value:,} files"
                        )
                        + ", or record it in parts; nothing was recorded"
                    )
                kept = gathered.files[path] = KeptRows(fy_start)
            kept.add(row)
    return gathered


def prepare(
    assigned: Mapping[Path, Sequence[Record]],
    settings: Settings,
    keep: Callable[[Path, str], None],
    *,
    replace: bool = False,
    progress: Progress | None = None,
    bad: BadRows | None = None,
) -> tuple[int, BadRows]:
    """The new text of every file, validated and given to `keep` as it is made while no row
    is bad (texts are never all held at once), and every row that cannot be recorded (added
    to `bad`, the rows found bad as they were read). Returns how many files have a new text."""
    made = 0
    bad = bad if bad is not None else BadRows()
    jobs = [(path, records, settings, replace) for path, records in assigned.items()]
    edits = ordered_map(edit_file, jobs, parallel_from=EDITED_IN_PARALLEL_FROM)
    for done, (path, text, problems) in enumerate(edits, start=1):
        for row in problems:
            bad.add(row)
        if text is not None:
            made += 1
            if not bad.count:  # once a row is bad nothing is written: only count
                keep(path, text)
        if progress:
            progress(done, len(jobs))
    return made, bad


Job = tuple[Path, Sequence[Record], Settings, bool]
# Giving a file one new figure takes about 1.5 ms where it is laid out as ruamel.yaml writes it
# (`insert`), 15 ms through ruamel's round trip; starting two workers about 10 ms. On an idle
# 2-core machine two workers are faster from about 32 files of the first kind, 8 of the second
# (benchmarks/bench_record.py times both).
EDITED_IN_PARALLEL_FROM = 32
# A measurement is at least three values of a plan file: its item, its period and its value.
_LEAST_VALUES = 3


def edit_file(job: Job) -> tuple[Path, str | None, list[BadRow]]:
    """One file's new text with its records added, or the rows that prevent it."""
    path, records, settings, replace = job
    least = len(records) * _LEAST_VALUES
    if least > PLAN_VALUES.value:  # refused before a measurement is made
        found = f"{len(records):,} new measurements would add {least:,} values or more"
        return path, None, [BadRow(records[0].line, str(PLAN_VALUES.refuse(path, found)))]
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
    path: Path, text: str, records: Sequence[Record], settings: Settings
) -> tuple[Path, str | None, list[BadRow]]:
    """The new text, validated as `check` reads it, or the reason it cannot be written."""
    try:
        size = len(text.encode("utf-8"))
        if size > PLAN_BYTES.value:  # `check` would refuse to read it
            raise PLAN_BYTES.refuse(path, f"its new text would be {size:,} bytes")
        validated(path, text, settings)
    except ActionplanError as error:
        return path, None, [BadRow(records[0].line, str(error))]
    return path, text, []
