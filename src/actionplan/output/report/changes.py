"""The report's "Changes since" section: what a committee that last met on a date has not yet
seen (statuses changed, plans added or revised), its template variables and its parts for Word
and PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.values import Status
from actionplan.judge.assessment import assess
from actionplan.judge.coverage import plan_written
from actionplan.judge.status import Reading
from actionplan.judge.travel import known_on
from actionplan.output.documents.context import day
from actionplan.output.report.entries import Entry
from actionplan.output.report.parts import (
    Bullets,
    Heading,
    Part,
    Row,
    Table,
    Text,
    status_cell,
    status_key,
    text_cell,
)
from actionplan.output.report.revisions import find_revisions, revisions_parts, revisions_variables

# The files as committed on the day of the last committee (by id) and where they came from, or
# why they cannot be read.
History = tuple[Mapping[str, Indicator], str] | str


@dataclass(frozen=True)
class Change:
    entry: Entry
    before: Status
    after: Status
    kind: str  # "new RED", "RED resolved", "status changed", or a published status over RED


@dataclass
class Changes:
    since: date
    statuses: list[Change] = field(default_factory=list)
    plans: list[tuple[Entry, str]] = field(default_factory=list)  # (entry, "added"/"revised")
    # figures restated, targets changed, plans rewritten: one sentence each, from git
    revisions: list[tuple[Entry, list[str]]] = field(default_factory=list)
    history: str = ""  # where the files as they were came from, or why they are not listed
    history_read: bool = False


def find_changes(
    entries: list[Entry],
    settings: Settings,
    since: date,
    as_of: date,
    history: History | None = None,
) -> Changes:
    """What a committee that last met on `since` has not yet seen: the indicators judged at
    both dates, and plans written or revised in between (from the files alone); with the
    files as committed then (`history`), the figures restated and targets changed."""
    changes = Changes(since)
    # Without a history (outside git), the paper says nothing of it: stderr tells the officer.
    if history is not None and not isinstance(history, str):
        then, said = history
        changes.history, changes.history_read = said, True
        changes.revisions = find_revisions(entries, then, since)
    for entry in entries:
        before = assess(entry.indicator, settings, since).status
        after = entry.status
        if before is not after:
            kind = _kind(before, after, entry.assessment.reading)
            changes.statuses.append(Change(entry, before, after, kind))
        plan = entry.indicator.action_plan
        if plan is not None and since < plan_written(plan, entry.indicator) <= as_of:
            changes.plans.append((entry, _plan_change(entry, since)))
    changes.statuses.sort(key=lambda c: (_order(c.kind), c.entry.indicator.title))
    return changes


_KINDS = ["new RED", "RED resolved", "status changed"]
STILL_RED = " as published; the figures still give RED"


def _order(kind: str) -> int:
    """Published statuses over a RED the figures still give come after the new REDs: they are
    RED measures that the committee sees otherwise."""
    return _KINDS.index(kind) if kind in _KINDS else 1


def _kind(before: Status, after: Status, reading: Reading | None) -> str:
    """The change as the committee sees it: a published status that the figures do not give is
    named as published, never "resolved" while the figures still give RED."""
    if after is Status.RED:
        return "new RED"
    if reading is not None and reading.mismatch and reading.computed is Status.RED:
        return f"{after.value}{STILL_RED}"
    return "RED resolved" if before is Status.RED else "status changed"


def _plan_change(entry: Entry, since: date) -> str:
    """A plan answering a figure that was already known at `since`, with a later `updated`
    date, may have existed then: revised. One answering a later figure is new."""
    plan = entry.indicator.action_plan
    assert plan is not None
    answered = [m for m in entry.indicator.measurements if m.period == plan.period]
    known_before = any(known_on(m) <= since for m in answered)
    return "revised" if plan.updated is not None and known_before else "added"


def changes_variables(changes: Changes) -> dict[str, Any]:
    """The section as the report templates see it."""
    return {
        "since": day(changes.since),
        "statuses": [
            {
                "kind": c.kind,
                "title": c.entry.indicator.title,
                "id": c.entry.indicator.id,
                "before": c.before.value,
                "after": c.after.value,
            }
            for c in changes.statuses
        ],
        "plans": [
            {"kind": kind, "title": e.indicator.title, "id": e.indicator.id}
            for e, kind in changes.plans
        ],
        **revisions_variables(changes.revisions, changes.history, changes.history_read),
    }


def changes_parts(changes: Mapping[str, Any]) -> list[Part]:
    """The section laid out for Word and PDF, from its template variables."""
    parts: list[Part] = [Heading(f"Changes since {changes['since']}", 2)]
    if changes["statuses"]:
        header = tuple(map(text_cell, ("Change", "Indicator", "Was", "Now")))
        rows = tuple(
            Row((text_cell(c["kind"]), text_cell(c["title"]),
                 status_cell(c["before"], status_key(c["before"])),
                 status_cell(c["after"], status_key(c["after"]))))
            for c in changes["statuses"]
        )  # fmt: skip
        widths = (0.2, 0.44, 0.18, 0.18)
        parts.append(Table("Measures whose status changed", header, rows, widths))
    else:
        parts.append(Text(text_cell("No measure changed status.")))
    if changes["plans"]:
        plans = tuple(text_cell(f"Plan {p['kind']}: {p['title']}") for p in changes["plans"])
        parts.append(Bullets(plans))
    else:
        parts.append(Text(text_cell("No action plan was added or revised.")))
    if changes["history"]:
        parts += revisions_parts(changes)
    return parts
