"""`actionplan check` as one call: each plan file read, validated and judged at a date (in
worker processes for large trees), its row worked out as it will be printed, and kept in the
results cache so that an unchanged file costs a later run nothing but a `stat`.

A run whose every file is served from the cache imports neither the models nor the YAML
reader: judging is imported only where a file needs it, in the workers when there are any.
"""

from __future__ import annotations

import os
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from actionplan.app.check_worker import SettingsInfo, judge_task, workspace_settings
from actionplan.app.progress import progress
from actionplan.domain.statuses import no_tolerance_note
from actionplan.domain.words import plural
from actionplan.errors import ActionplanError, Problem
from actionplan.output.check.rows import CheckReport, Judged, has_wanted_spc
from actionplan.workspace import store
from actionplan.workspace.journal import recover_around, recover_in
from actionplan.workspace.parallel import ordered_map
from actionplan.workspace.results import Key, ResultCache, results_file, stat_key, tool_fingerprint
from actionplan.workspace.walk import find_plan_names

if TYPE_CHECKING:
    from actionplan.app.check_file import FileResult

# Judging a file takes about 0.3 ms: two worker processes are faster from about 150 files on a
# 2-core machine (measured with benchmarks/bench_check.py --thresholds).
JUDGED_IN_PARALLEL_FROM = 150


def check_tree(
    paths: list[Path], as_of: date, *, spc: str, cache: bool = True, json: bool = False
) -> CheckReport:
    """The check of every plan file under `paths` at `as_of`; `spc` says which rows need SPC
    ("all", "shown": RED, AMBER and mismatched rows, or "none"). Rows served from the cache
    hold their JSON only when `json` asks for it."""
    notes = list(recover_around(paths))
    settings_path = store.find_settings(paths)
    settings_bytes = _settings_bytes(settings_path)
    files, missing = find_plan_names(paths)
    # (rpartition: ten times faster than os.path.dirname over 50,000 names)
    if finished := recover_in({name.rpartition(os.sep)[0] or "." for name in files}):
        notes += finished  # a journal below the folders named: the tree is whole again
        files, missing = find_plan_names(paths)
    context = _context(settings_path, settings_bytes)
    results = ResultCache(results_file(paths), context, with_details=json) if cache else None
    kept, keys = _kept(files, results, as_of.toordinal(), spc)
    todo = [name for name, row in zip(files, kept, strict=True) if row is None]
    task = partial(
        judge_task,
        settings_path=settings_path,
        settings_bytes=settings_bytes,
        as_of=as_of,
        spc=spc,
        json=json,
    )
    fresh = ordered_map(task, todo, parallel_from=JUDGED_IN_PARALLEL_FROM)
    info: SettingsInfo | None = results.info if results else None
    report = CheckReport(as_of, problems=list(missing), notes=notes)
    ids: dict[str, str] = {}
    with progress("Reading plan files") as tick:
        for done, (name, outcome, key) in enumerate(zip(files, kept, keys, strict=True), 1):
            tick(done, len(files))
            if outcome is None:
                judged, info = next(fresh)
                outcome = _fresh(name, judged, key, results)
            _add(report, name, outcome, ids)
    if info is None:  # no file was judged, and the cache holds nothing of the settings
        info = workspace_settings(settings_path, settings_bytes)[1]
    if results:
        results.keep_info(info)
        results.save()
    tolerance_set, kept_problems = info
    report.problems += [Problem(Path(p), line, col, text) for p, line, col, text in kept_problems]
    report.rows.sort(key=lambda row: row.order)
    report.problems.sort(key=lambda p: (str(p.path), p.line, p.column))
    if note := no_tolerance_note(sum(row.bare for row in report.rows), tolerance_set):
        report.notes.append(note)
    report.notes += _left_out(report.rows)
    report.notes += [f"{row.path}: {note}" for row in report.rows for note in row.notes]
    return report


LEFT_OUT_LISTED = 5  # figures left out named one by one; the rest are counted


def _left_out(rows: list[Judged]) -> list[str]:
    """A note for each figure left out as not yet known (a few, then a count), so that no
    recorded figure is passed over in silence."""
    named = [f"{row.path}: {note}" for row in rows for note in row.left_out]
    notes = named[:LEFT_OUT_LISTED]
    if len(named) > LEFT_OUT_LISTED:
        more = plural(len(named) - LEFT_OUT_LISTED, "more figure")
        notes.append(f"... and {more} left out until known")
    return notes


def _settings_bytes(settings_path: Path | None) -> bytes:
    try:
        return settings_path.read_bytes() if settings_path else b""
    except OSError:
        return b"unreadable"


def _context(settings_path: Path | None, settings_bytes: bytes) -> str:
    """What every cached result depends on besides its own file and the date: the tool, the
    settings file's bytes and the limit on unknown keys (validation messages depend on it)."""
    limit = os.environ.get("ACTIONPLAN_MAX_UNKNOWN_KEYS", "")
    return f"{tool_fingerprint()} {settings_path} {settings_bytes!r} {limit!r}"


def _kept(
    files: list[str], results: ResultCache | None, day: int, spc: str
) -> tuple[list[Judged | list[Problem] | None], list[Key | None]]:
    """For each file, its row served from the cache or its problem if it cannot be read (else
    None), and its state."""
    kept: list[Judged | list[Problem] | None] = [None] * len(files)
    keys: list[Key | None] = [None] * len(files)
    for index, name in enumerate(files):
        try:
            keys[index] = key = stat_key(os.stat(name))
        except OSError as error:
            kept[index] = [Problem(Path(name), 1, 1, f"cannot read: {error.strerror}")]
            continue
        if results is None:
            continue
        entry = results.get(name, key, day)
        if entry is not None:
            row = Judged.from_kept(name, *entry)
            if has_wanted_spc(row, spc):
                kept[index] = row
    return kept, keys


def _fresh(
    name: str,
    outcome: FileResult,
    key: Key | None,
    results: ResultCache | None,
) -> Judged | list[Problem]:
    """A file's fresh outcome, its row kept for later runs."""
    if isinstance(outcome, list):
        return outcome
    row, span = outcome
    if results and key:
        results.put(name, key, span, *row.kept())
    return row


def _add(
    report: CheckReport, name: str, outcome: Judged | list[Problem], ids: dict[str, str]
) -> None:
    """A file's row or problems added to the report; a second file with an id is a problem."""
    if isinstance(outcome, list):
        report.problems.extend(outcome)
    elif outcome.id in ids:
        message = store._duplicate_id(outcome.id, ids)
        report.problems.append(Problem(Path(name), outcome.id_line, outcome.id_column, message))
    else:
        ids[outcome.id] = name
        report.rows.append(outcome)
        if outcome.findings:
            path = Path(name)
            report.problems.extend(Problem(path, *finding) for finding in outcome.findings)


def check_plans(
    paths: list[Path] | None,
    as_of: date,
    *,
    fmt: str,
    missing: bool = False,
    show_all: bool = False,
    cache: bool = True,
    since: date | None = None,
) -> CheckReport:
    """`actionplan check` of the plans named (./plans when none is), for printing in `fmt`
    (table, json or github). SPC costs about 0.1 ms a row: it is worked out only for the rows
    that output shows."""
    spc = "none"
    if fmt == "json" or (fmt == "table" and not missing):
        spc = "all" if fmt == "json" or show_all else "shown"
    if since is not None and fmt != "json":
        raise ActionplanError(
            "--since lists what changed since a committee in JSON: add --format json (for the "
            "committee's paper, `actionplan report --since`)"
        )
    if since is not None and since > as_of:
        raise ActionplanError(
            f"--since {since.isoformat()} is after --as-of {as_of.isoformat()}: give the day of "
            "the last committee"
        )
    roots = store.plan_paths(paths)
    report = check_tree(roots, as_of, spc=spc, cache=cache, json=fmt == "json")
    if since is not None:
        from actionplan.app.history import changes_since

        report.since = changes_since(roots, since)
    return report
