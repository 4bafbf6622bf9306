"""A judged file's row in the plain form the check's printers print and the results cache
keeps: its words, table cells and JSON worked out once, where the file is judged."""

from __future__ import annotations

from json import dumps
from typing import Any

from actionplan.domain.statuses import Status
from actionplan.judge.actions import action_counts
from actionplan.judge.assessment import Row
from actionplan.judge.events import chart_events
from actionplan.judge.reachable import unreachable_of
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.triage import triage
from actionplan.output.check.cells import table_cells
from actionplan.output.check.rows import Judged
from actionplan.output.terminal import json_safe
from actionplan.output.wording import status_words


def judged(
    row: Row,
    *,
    bare: bool,
    id_position: tuple[int, int],
    findings: tuple[tuple[int, int, str], ...],
    left_out: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
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
        left_out=left_out,
        notes=notes,
        actions=tuple(action_counts(list(a.actions)).values()) if a.actions else (),
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
            "window": a.window.value if a.window else None,
        },
        "plan": _plan_json(row),
        "needs_plan": a.needs_plan,
        "spc": row.spc.to_json() if isinstance(row.spc, SpcResult) else None,
        "spc_reason": row.spc.reason if isinstance(row.spc, SpcUnavailable) else None,
        "events": [event.to_json() for event in chart_events(a.indicator)],
        "unreachable_targets": [u.to_json() for u in unreachable_of(a.indicator, row.spc)],
        "triage": None if (read := triage(a, row.spc)) is None else read.to_json(),
    }


def _plan_json(row: Row) -> dict[str, Any] | None:
    """The plan's coverage where the measure is RED (else null, with `coverage` null where a
    plan is held anyway), whether it is working (`impact`, where it was worked out), and its
    actions where it has any."""
    a = row.assessment
    plan = a.plan
    impact = row.impact.to_json() if row.impact else None
    if plan is None:
        if a.indicator.action_plan is None:
            return None
        document: dict[str, Any] = {
            "coverage": None, "detail": None, "due": None, "overdue_checkable": None,
            "impact": impact,
        }  # fmt: skip
    else:
        document = {
            "coverage": plan.coverage.value,
            "detail": plan.detail,
            "due": plan.due.end.isoformat() if plan.due else None,
            "overdue_checkable": not plan.overdue_unknown,
            "impact": impact,
        }
    if a.actions:  # the plan's actions one by one, whatever the measure's status
        counts = action_counts(list(a.actions))
        document["actions"] = [check.to_json() for check in a.actions]
        document["action_counts"] = {status.value: n for status, n in counts.items()}
    return document
