"""`actionplan check` as one call: each plan file read, validated and judged at a date (in
worker processes for large trees), its row worked out as it will be printed, and kept in the
results cache so that an unchanged file costs a later run nothing but a `stat`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

from actionplan.domain.models import Indicator, Settings
from actionplan.errors import FileProblem, Problem
from actionplan.judge.check import Row, assess, lacks_tolerance, no_tolerance_note
from actionplan.judge.horizon import steady_span
from actionplan.judge.targets import trajectory_gaps
from actionplan.judge.trend import indicator_spc
from actionplan.output.check_rows import CheckReport, Judged, has_wanted_spc, judged, spc_wanted
from actionplan.output.progress import progress
from actionplan.workspace import store
from actionplan.workspace.journal import recover_around
from actionplan.workspace.limits import UNKNOWN_KEYS
from actionplan.workspace.locate import located, placed
from actionplan.workspace.parallel import ordered_map
from actionplan.workspace.results import ResultCache, results_file, stat_key, tool_fingerprint

# What judging one file gives: its row and the span of days it holds for, or its problems.
Outcome = tuple[Judged, tuple[int, int]] | list[Problem]


def check_tree(paths: list[Path], as_of: date, *, spc: str, cache: bool = True) -> CheckReport:
    """The check of every plan file under `paths` at `as_of`; `spc` says which rows need SPC
    (see `spc_wanted`)."""
    notes = list(recover_around(paths))
    settings_path = store.find_settings(paths)
    settings, problems = store.load_settings(settings_path)
    files, missing = store.find_plan_files(paths)
    results = ResultCache(results_file(paths), _context(settings_path)) if cache else None
    report = CheckReport(as_of, problems=problems + missing, notes=notes)
    ids: dict[str, Path] = {}
    with progress("Reading plan files") as tick:
        for done, (path, outcome) in enumerate(
            _judge_all(files, settings, as_of, spc, results), start=1
        ):
            tick(done, len(files))
            if isinstance(outcome, list):
                report.problems.extend(outcome)
            elif outcome.id in ids:
                message = store._duplicate_id(outcome.id, ids)
                report.problems.append(Problem(path, outcome.id_line, outcome.id_column, message))
            else:
                ids[outcome.id] = path
                report.rows.append(outcome)
                report.problems.extend(Problem(path, *finding) for finding in outcome.findings)
    report.rows.sort(key=lambda row: row.order)
    report.problems.sort(key=lambda p: (str(p.path), p.line, p.column))
    if note := no_tolerance_note(sum(row.bare for row in report.rows), settings):
        report.notes.append(note)
    return report


def _context(settings_path: Path | None) -> str:
    """What every cached result depends on besides its own file and the date."""
    try:
        settings = settings_path.read_bytes() if settings_path else b""
    except OSError:
        settings = b"unreadable"
    return f"{tool_fingerprint()} {settings_path} {settings!r} {UNKNOWN_KEYS.value}"


def _judge_all(
    files: list[Path], settings: Settings, as_of: date, spc: str, results: ResultCache | None
) -> Iterator[tuple[Path, Judged | list[Problem]]]:
    """(path, row or problems) for every file in order: from the cache where it holds,
    else judged afresh (in worker processes for large trees) and kept."""
    day = as_of.toordinal()
    early: dict[Path, Judged | list[Problem]] = {}
    keys: dict[Path, tuple[int, int, int]] = {}
    for path in files:
        try:
            keys[path] = stat_key(path.stat())
        except OSError as error:
            early[path] = [Problem(path, 1, 1, f"cannot read: {error.strerror}")]
            continue
        kept = results.get(path, keys[path], day) if results else None
        if kept is not None:
            row = Judged(str(path), *kept)
            if has_wanted_spc(row, spc):
                early[path] = row
    todo = [path for path in files if path not in early]
    judge = partial(judge_file, settings=settings, as_of=as_of, spc=spc)
    fresh = ordered_map(judge, todo)
    for path in files:
        if path in early:
            yield path, early[path]
            continue
        outcome = next(fresh)
        if isinstance(outcome, list):
            yield path, outcome
            continue
        row, span = outcome
        if results:
            results.put(path, keys[path], span, tuple(row)[1:])
        yield path, row
    if results:
        results.save()


def judge_file(path: Path, *, settings: Settings, as_of: date, spc: str) -> Outcome:
    """One file read, validated and judged, as its row will be printed."""
    parsed = store.parse_outcome(path)
    if isinstance(parsed, Problem):
        return [parsed]
    try:
        context = store.indicator_context(settings.financial_year_start, path)
        indicator = store.validate(Indicator, parsed.data, path, context)
    except FileProblem as error:
        return list(error.problems)
    row = placed(Row(path, assess(indicator, settings, as_of)))
    if spc_wanted(row, spc):
        row = replace(row, spc=indicator_spc(indicator, settings, as_of))
    findings = tuple(
        (p.line, p.column, p.message) for p in located(trajectory_gaps(path, indicator))
    )
    printed = judged(
        row, bare=lacks_tolerance(indicator), id_position=parsed.id_position, findings=findings
    )
    return printed, steady_span(indicator, settings, as_of)
