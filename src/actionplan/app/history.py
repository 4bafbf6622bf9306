"""The plan files as committed on the day of the last committee, for `report --since` and
`check --since`: the indicators by id and a sentence saying where they came from, or why
there are none (outside git, or before its history)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.app.progress import progress
from actionplan.judge.restated import Revision, revision
from actionplan.output.documents.context import day
from actionplan.workspace.history import Committed, NoHistory, committed_on


def files_then(roots: list[Path], since: date, fy_start: int) -> tuple[Committed, str] | str:
    """The files as committed on `since` and a sentence for the paper saying so, or why there
    are none (a note for the officer)."""
    with progress("Reading the plans' history in git"):
        try:
            found = committed_on(roots, since, fy_start)
        except NoHistory as why:
            return str(why)
    said = f"Figures, targets and plans are compared with those recorded on {day(found.day)}."
    return found, said


def changes_since(paths: list[Path], since: date) -> dict[str, object]:
    """`check --since`'s JSON: for each indicator whose file changed since the committee, the
    figures restated, the targets, tolerances and directions changed and the plan sections
    rewritten; `note` says where the files as they were came from, or why there are none."""
    from actionplan.app.loading import load_plans

    workspace = load_plans(paths)
    found = files_then(paths, since, workspace.settings.financial_year_start)
    if isinstance(found, str):
        return {"date": since.isoformat(), "read": False, "note": found, "indicators": []}
    committed, said = found
    indicators = []
    for file in workspace.files:
        before = committed.indicators.get(file.indicator.id)
        changes = revision(before, file.indicator, since) if before else None
        if changes:
            indicators.append({"id": file.indicator.id, **revision_json(changes)})
    return {
        "date": since.isoformat(),
        "read": True,
        "commit": committed.commit,
        "committed": committed.day.isoformat(),
        "note": said,
        "indicators": indicators,
    }


def revision_json(changes: Revision) -> dict[str, object]:
    return {
        "restated": [
            {
                "period": r.period,
                "before": r.before.value,
                "before_reported": _iso(r.before.reported),
                "after": r.after.value if r.after else None,
                "after_reported": _iso(r.after.reported) if r.after else None,
            }
            for r in changes.restated
        ],
        "changed": [
            {"key": c.key, "before": _plain(c.before), "after": _plain(c.after)}
            for c in changes.changed
        ],
        "plan_sections": list(changes.plan_sections),
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _plain(value: object) -> object:
    """A setting as JSON holds it: targets as a list of {period, value}, a tolerance as text."""
    if isinstance(value, tuple):
        return [
            {"period": str(p) if p else None, "value": float(v) if v is not None else None}
            for p, v in value
        ]
    return None if value is None else str(value)
