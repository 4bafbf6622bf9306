"""A check for programs: one JSON document of a stable, documented shape (README, "JSON
output"), or GitHub Actions workflow commands that become annotations on the files."""

from __future__ import annotations

import json
from typing import Any, TextIO

from actionplan.domain.values import Status
from actionplan.judge.check import CheckResult, Row
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.output.describe import summary_line
from actionplan.output.terminal import json_safe, printable
from actionplan.output.wording import status_words

# JSON: bump JSON_VERSION on any change that removes or renames a key.
JSON_VERSION = 1


def report_json(result: CheckResult, out: TextIO, missing_only: bool, show_all: bool) -> None:
    rows = [r for r in result.rows if r.assessment.needs_plan or not missing_only]
    counts = result.counts()
    document = {
        "version": JSON_VERSION,
        "as_of": result.as_of.isoformat(),
        "exit_code": result.exit_code,
        "summary": {
            "indicators": len(result.rows),
            **{s.value: counts[s.value] for s in Status},
            "needs_plan": sum(1 for r in result.rows if r.assessment.needs_plan),
            "stale": sum(1 for r in result.rows if r.assessment.stale),
            "problems": len(result.problems),
        },
        "indicators": [row_json(r) for r in rows],
        "notes": result.notes,
        "problems": [
            {"path": str(p.path), "line": p.line, "column": p.column, "message": p.message}
            for p in result.problems
        ],
    }
    write_json(document, out)


def write_json(document: dict[str, Any], out: TextIO) -> None:
    """Indented JSON with one indicator or problem per line: readable, and fast for 10,000
    rows (json's C encoder only runs without `indent`)."""
    out.write("{\n")
    for number, (key, value) in enumerate(document.items()):
        comma = "," if number < len(document) - 1 else ""
        if isinstance(value, list) and value:
            items = ",\n".join(
                "    " + json_safe(json.dumps(item, ensure_ascii=False)) for item in value
            )
            out.write(f"  {json.dumps(key)}: [\n{items}\n  ]{comma}\n")
        else:
            encoded = json_safe(json.dumps(value, ensure_ascii=False))
            out.write(f"  {json.dumps(key)}: {encoded}{comma}\n")
    out.write("}\n")


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


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)  # line breaks are GitHub's to show; other controls are not
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(result: CheckResult, out: TextIO, missing_only: bool, show_all: bool) -> None:
    """GitHub Actions workflow commands: each becomes an annotation on the file."""
    for p in result.problems:
        out.write(
            f"::error file={_escape(str(p.path), property_value=True)},line={p.line},"
            f"col={p.column},title=invalid plan file::{_escape(p.message)}\n"
        )
    for row in result.rows:
        a = row.assessment
        file = _escape(str(row.path), property_value=True)
        if a.needs_plan and a.plan:
            title = f"{a.indicator.id} is {a.status.value}: plan {a.plan.coverage}"
            title = _escape(title, property_value=True)
            out.write(
                f"::error file={file},line={row.line},title={title}::{_escape(a.plan.detail)}\n"
            )
        elif not missing_only and a.reading and a.reading.mismatch:
            out.write(
                f"::warning file={file},line={row.line},title=status mismatch::"
                f"{_escape(status_words(a))}\n"
            )
    for note in result.notes:
        out.write(f"::notice title=actionplan::{_escape(note)}\n")
    out.write(summary_line(result) + "\n")
