"""One plan file judged as `check` prints it: read, validated, assessed at a date, placed at
the line to edit, SPC worked out where the output shows it, and turned into the plain row that
the reporters print and the results cache keeps. Runs in worker processes for large trees."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from json import dumps
from pathlib import Path
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.statuses import Status
from actionplan.errors import FileProblem, Problem
from actionplan.judge.check import Row, assess, lacks_tolerance
from actionplan.judge.horizon import steady_span
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.targets import trajectory_gaps
from actionplan.judge.trend import indicator_spc
from actionplan.output.check_rows import Judged
from actionplan.output.describe import (
    describe_plan,
    describe_spc,
    describe_target,
    describe_travel,
    describe_value,
    shown,
)
from actionplan.output.terminal import json_safe
from actionplan.output.wording import status_words
from actionplan.workspace import reading
from actionplan.workspace.locate import located, placed
from actionplan.workspace.validation import indicator_context, validate

TITLE_WIDTH = 40
# What judging one file gives: its row and the span of days it holds for, or its problems.
Outcome = tuple[Judged, tuple[int, int]] | list[Problem]


def judge_file(
    path: Path, *, settings: Settings, as_of: date, spc: str, json: bool = True
) -> Outcome:
    """One file read, validated and judged, as its row will be printed (its JSON left empty
    unless `json` asks for it: a fifth of the work for a row with SPC)."""
    parsed = reading.parse_outcome(path, keep_tree=True)
    if isinstance(parsed, Problem):
        return [parsed]
    try:
        context = indicator_context(settings.financial_year_start, path)
        indicator = validate(Indicator, parsed.data, path, context, parsed.tree)
    except FileProblem as error:
        return list(error.problems)
    row = placed(Row(path, assess(indicator, settings, as_of)), parsed.tree)
    if spc_wanted(row, spc):
        row = replace(row, spc=indicator_spc(indicator, settings, as_of))
    gaps = located(trajectory_gaps(path, indicator), parsed.tree)
    findings = tuple((p.line, p.column, p.message) for p in gaps)
    printed = judged(
        row,
        bare=lacks_tolerance(indicator),
        id_position=parsed.id_position,
        findings=findings,
        json=json,
    )
    return printed, steady_span(row.assessment, as_of)


def spc_wanted(row: Row, mode: str) -> bool:
    """Whether a row's output shows SPC: `mode` is "all" (JSON, or the table with --all),
    "shown" (the table: RED, AMBER and mismatched rows) or "none"."""
    return mode == "all" or (mode == "shown" and shown(row, False))


def judged(
    row: Row,
    *,
    bare: bool,
    id_position: tuple[int, int],
    findings: tuple[tuple[int, int, str], ...],
    json: bool = True,
) -> Judged:
    """The printable form of a row (its SPC already worked out where wanted)."""
    a = row.assessment
    reading = a.reading
    json_head, json_tail = _json_parts(row) if json else ("", "")
    return Judged(
        path=str(row.path),
        id=a.indicator.id,
        status=a.status.value,
        needs_plan=a.needs_plan,
        stale=a.stale,
        mismatch=bool(reading and reading.mismatch),
        overdue_unknown=bool(a.plan and a.plan.overdue_unknown),
        line=row.line,
        coverage=a.plan.coverage.value if a.plan else "",
        detail=a.plan.detail if a.plan else "",
        words=status_words(a),
        cells=tuple(table_cells(row)),
        json_head=json_head,
        json_tail=json_tail,
        spc=row.spc is not None,
        bare=bare,
        id_line=id_position[0],
        id_column=id_position[1],
        findings=findings,
    )


def _json_parts(row: Row) -> tuple[str, str]:
    """The row's JSON object before its path and after it (the path is joined in as printed)."""
    document = row_json(row)
    del document["path"]
    keys = list(document)
    head = {k: document[k] for k in keys[:2]}  # id and title come before the path
    tail = {k: document[k] for k in keys[2:]}
    return (
        json_safe(dumps(head, ensure_ascii=False))[:-1],
        json_safe(dumps(tail, ensure_ascii=False))[1:],
    )


def row_json(row: Row) -> dict[str, Any]:
    a = row.assessment
    reading = a.reading
    m = reading.measurement if reading else None
    plan = a.plan
    return {
        "id": a.indicator.id,
        "title": a.indicator.title,
        "path": str(row.path),
        "unit": a.indicator.unit,
        "status": a.status.value,
        "computed_status": reading.computed.value if reading else Status.NO_DATA.value,
        "published_status": m.status.value if m and m.status else None,
        "status_mismatch": bool(reading and reading.mismatch),
        "period": str(m.period) if m else None,
        "value": m.value if m else None,
        "comparators": m.comparators if m and m.comparators else {},
        "forecast": bool(m and m.forecast),
        "reported": m.reported.isoformat() if m and m.reported else None,
        "target": float(reading.target) if reading and reading.target is not None else None,
        "target_period": str(reading.target_period) if reading and reading.target_period else None,
        "target_prorated": bool(reading and reading.prorated),
        "missing_trajectory": bool(reading and reading.missing_trajectory),
        "improved_on_last_year": bool(reading and reading.softened),
        "actual": None
        if a.actual is None
        else {"period": str(a.actual.measurement.period), "value": a.actual.measurement.value},
        "stale": a.stale,
        "stale_since": a.stale_since.isoformat() if a.stale_since else None,
        "direction_of_travel": {
            "short_term": a.short_term.value if a.short_term else None,
            "long_term": a.long_term.value if a.long_term else None,
        },
        "plan": None
        if plan is None
        else {
            "coverage": plan.coverage.value,
            "detail": plan.detail,
            "due": plan.due.end.isoformat() if plan.due else None,
            "overdue_checkable": not plan.overdue_unknown,
        },
        "needs_plan": a.needs_plan,
        "spc": row.spc.to_json() if isinstance(row.spc, SpcResult) else None,
        "spc_reason": row.spc.reason if isinstance(row.spc, SpcUnavailable) else None,
    }


def table_cells(row: Row) -> list[str]:
    a = row.assessment
    m = a.reading.measurement if a.reading else None
    title = a.indicator.title
    if len(title) > TITLE_WIDTH:
        title = title[: TITLE_WIDTH - 1].rstrip() + "…"
    return [
        a.indicator.id,
        title,
        "-" if m is None else str(m.period) + (" (stale)" if a.stale else ""),
        describe_value(a),
        describe_target(a),
        status_words(a),
        describe_travel(a),
        describe_spc(row),
        describe_plan(a),
    ]
