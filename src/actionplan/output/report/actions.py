"""A plan's actions in the report, as councils publish their action plans' progress: each plan's
actions as a table under its exception, and each folder's actions counted by status (Green 7,
Amber 4, Red 0, Completed 3). Their template variables and their parts for Word and PDF."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from actionplan.domain.statuses import ACTION_STATUS_ORDER
from actionplan.judge.actions import ActionCheck, action_counts
from actionplan.output.documents.context import day
from actionplan.output.report.entries import Entry
from actionplan.output.report.parts import Part, Row, Table, status_cell, text_cell

ACTION_COLUMNS = ("No.", "Action", "Owner", "Due", "Progress", "Stage", "Status", "Comments")
ACTION_WIDTHS = (0.05, 0.25, 0.12, 0.11, 0.08, 0.1, 0.11, 0.18)
COUNT_COLUMNS = ("Area", *(s.value.title() for s in ACTION_STATUS_ORDER), "Total")


def action_rows(checks: Sequence[ActionCheck]) -> list[dict[str, Any]]:
    """A plan's actions as the report templates see them, numbered as `record --action` counts."""
    rows = []
    for number, check in enumerate(checks, 1):
        a = check.action
        rows.append(
            {
                "number": number,
                "action": a.action,
                "owner": a.owner or "",
                "due": day(a.due.end) if a.due else "",
                "progress": str(a.progress) if a.progress is not None else "",
                "stage": a.stage or "",
                "status": check.status.value.title(),
                "key": check.status.value.lower(),
                "why": check.why,
                "note": a.note or "",
            }
        )
    return rows


def folder_action_counts(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """The folder's actions by status, in the published order; empty when it has none."""
    checks = [check for e in entries for check in e.assessment.actions]
    if not checks:
        return []
    counts = action_counts(checks)
    return [
        {"status": s.value.title(), "key": s.value.lower(), "count": n} for s, n in counts.items()
    ]


def action_count_parts(folders: Sequence[Mapping[str, Any]]) -> list[Part]:
    """Actions by status, a row a folder, for Word and PDF."""
    counted = [f for f in folders if f.get("actions")]
    if not counted:
        return []
    rows = tuple(
        Row(
            (
                text_cell(f["name"]),
                *(text_cell(str(c["count"])) for c in f["actions"]),
                text_cell(str(sum(c["count"] for c in f["actions"]))),
            )
        )
        for f in counted
    )
    header = tuple(text_cell(name) for name in COUNT_COLUMNS)
    widths = (0.4, 0.12, 0.12, 0.12, 0.12, 0.12)
    return [Table("Actions by status, by area", header, rows, widths)]


def action_table_parts(title: str, actions: Sequence[Mapping[str, Any]]) -> list[Part]:
    """A plan's actions as a table, for Word and PDF."""
    if not actions:
        return []
    rows = tuple(
        Row(
            (
                text_cell(str(a["number"])),
                text_cell(a["action"]),
                text_cell(a["owner"]),
                text_cell(a["due"]),
                text_cell(a["progress"]),
                text_cell(a["stage"]),
                status_cell(a["status"], a["key"]),
                text_cell(a["note"]),
            ),
            note=a["why"],
        )
        for a in actions
    )
    header = tuple(text_cell(name) for name in ACTION_COLUMNS)
    return [Table(f"Actions: {title}", header, rows, ACTION_WIDTHS, small=True)]
