"""A checked file as the check's reporters print it: text, numbers and flags only.

Worked out where the file is judged (in a worker process for large trees) and kept in the
results cache, so a later run prints an unchanged file without reading, validating or judging
it, and without loading the models at all. The file's path is not part of it (the same file
may be named differently from another folder): it is joined in when the row is printed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from actionplan.domain.values import Status
from actionplan.errors import Problem
from actionplan.judge.check import STATUS_ORDER, Row
from actionplan.judge.spc import SpcResult, SpcUnavailable
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

TITLE_WIDTH = 40
_RANK = {status.value: rank for rank, status in enumerate(STATUS_ORDER)}


class Judged(NamedTuple):
    """One indicator as checked at a date. `path` is filled in when it is printed."""

    path: str
    id: str
    status: str
    needs_plan: bool
    stale: bool
    mismatch: bool
    overdue_unknown: bool
    line: int  # where to edit: the RED measurement or its plan (1 when not needed)
    coverage: str  # the plan's coverage for a RED measure, else ""
    detail: str
    words: str  # the status with what qualifies it (as published, forecast...)
    cells: tuple[str, ...]  # the table's cells
    json_head: str  # the JSON object up to its path, and from after it
    json_tail: str
    spc: bool  # SPC was worked out (the cells and JSON hold it)
    bare: bool  # a target but no tolerance of its own
    id_line: int  # where its `id:` is, for a duplicate
    id_column: int
    findings: tuple[tuple[int, int, str], ...]  # problems judging shows: (line, column, message)

    @property
    def shown(self) -> bool:
        """Listed by the table without --all: RED, AMBER, or not as published."""
        return self.status in ("RED", "AMBER") or self.mismatch

    @property
    def order(self) -> tuple[int, str]:
        return _RANK[self.status], self.id

    def json_line(self) -> str:
        path = json_safe(json.dumps(self.path, ensure_ascii=False))
        return f'{self.json_head}, "path": {path}, {self.json_tail}'


def judged(
    row: Row,
    *,
    bare: bool,
    id_position: tuple[int, int],
    findings: tuple[tuple[int, int, str], ...],
) -> Judged:
    """The printable form of a row (its SPC already worked out where wanted)."""
    a = row.assessment
    reading = a.reading
    document = row_json(row)
    del document["path"]
    keys = list(document)
    head = {k: document[k] for k in keys[:2]}  # id and title come before the path
    tail = {k: document[k] for k in keys[2:]}
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
        json_head=json_safe(json.dumps(head, ensure_ascii=False))[:-1],
        json_tail=json_safe(json.dumps(tail, ensure_ascii=False))[1:],
        spc=row.spc is not None,
        bare=bare,
        id_line=id_position[0],
        id_column=id_position[1],
        findings=findings,
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


def spc_wanted(row: Row, mode: str) -> bool:
    """Whether a row's output shows SPC: `mode` is "all" (JSON, or the table with --all),
    "shown" (the table: RED, AMBER and mismatched rows) or "none"."""
    return mode == "all" or (mode == "shown" and shown(row, False))


def has_wanted_spc(row: Judged, mode: str) -> bool:
    """A kept row serves this run: it holds SPC wherever this output shows it."""
    return row.spc or mode == "none" or (mode == "shown" and not row.shown)


@dataclass
class CheckReport:
    """What the check's reporters print: every row, problems and notes."""

    as_of: date
    rows: list[Judged] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.problems:
            return 2
        return 1 if any(row.needs_plan for row in self.rows) else 0

    def counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for row in self.rows:
            counts[row.status] += 1
        return counts
