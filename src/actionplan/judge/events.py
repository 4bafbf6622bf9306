"""What happened when, for an indicator's charts: the events its file lists, its action plan
(dated by its `updated` day, else by the period it answers) and each recalculation of its SPC
limits, oldest first, each placed on the period of a chart it falls in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from actionplan.domain.models import Indicator
from actionplan.domain.periods import Period

EventKind = Literal["event", "plan", "recalculation"]
PLAN_TEXT = "Action plan"
RECALCULATION_TEXT = "Limits recalculated"


class ChartEvent(NamedTuple):
    period: Period
    text: str
    kind: EventKind

    def to_json(self) -> dict[str, str]:
        return {"period": str(self.period), "text": self.text, "kind": self.kind}


def chart_events(indicator: Indicator) -> list[ChartEvent]:
    """Every event of the indicator, oldest first (by the start of its period)."""
    found = [ChartEvent(e.period, e.text, "event") for e in indicator.events]
    plan = indicator.action_plan
    if plan is not None and plan.updated is not None:
        day = plan.updated
        found.append(ChartEvent(Period(day, day, day.isoformat()), f"{PLAN_TEXT} updated", "plan"))
    elif plan is not None and plan.period is not None:
        found.append(ChartEvent(plan.period, f"{PLAN_TEXT} for {plan.period}", "plan"))
    for mark in indicator.spc.recalculate_from if indicator.spc else ():
        found.append(ChartEvent(mark, RECALCULATION_TEXT, "recalculation"))
    return sorted(found, key=lambda e: (e.period.start, e.period.end))


def place(events: Sequence[ChartEvent], periods: Sequence[Period]) -> list[tuple[int, ChartEvent]]:
    """(slot, event) for each event on a chart of `periods` (in order): the first period that
    ends on or after the event starts. An event before the first period or after the last is
    not on the chart."""
    placed = []
    for event in events:
        if not periods or event.period.start < periods[0].start:
            continue
        slot = next((i for i, p in enumerate(periods) if p.end >= event.period.start), None)
        if slot is not None:
            placed.append((slot, event))
    return placed
