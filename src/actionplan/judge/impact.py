"""Whether an action plan is working: the figures since it was written judged against the
process before it, on SPC limits frozen on the points before the plan's date.

The limits are those of the SPC engine with a baseline (`spc.analyse`), so the same rule set,
run length and screening apply as on the indicator's chart; the reading is one of improving,
worsening, no change yet or too early, with the statuses since the plan and whether its `when`
has come.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.periods import Period, parse_when
from actionplan.domain.statuses import STATUS_ORDER
from actionplan.judge.coverage import plan_written
from actionplan.judge.spc import SpcResult, analyse
from actionplan.judge.spc_limits import MIN_POINTS
from actionplan.judge.status import read
from actionplan.judge.trend import Point, spc_options

Verdict = Literal["improving", "worsening", "no change yet", "too early", "too few before"]
# Readings that, once results were due, a committee should be asked about.
FLAGGED: tuple[Verdict, ...] = ("no change yet", "worsening")
_VERDICTS: dict[str, Verdict] = {
    "special_cause_improvement": "improving",
    "special_cause_concern": "worsening",
}


@dataclass(frozen=True)
class PlanImpact:
    """The reading of one plan. `before` and `after` count the points either side of its date;
    `needed` is the run length of the rule set (`rules`), the points after it needs."""

    written: date
    verdict: Verdict
    before: int
    after: int
    needed: int
    rules: str
    statuses: tuple[tuple[str, int], ...]  # statuses since the plan, in the order reported
    due: Period | None  # when results were promised; None where `when` is words
    due_passed: bool
    since: str | None = None  # the first period after the plan with the special cause read
    mean: float | None = None  # the frozen limits, where there are any
    lower_limit: float | None = None
    upper_limit: float | None = None

    @property
    def flagged(self) -> bool:
        """Results were due and the figures show no improvement: for the committee."""
        return self.due_passed and self.verdict in FLAGGED

    def to_json(self) -> dict[str, object]:
        return {
            "reading": self.verdict,
            "written": self.written.isoformat(),
            "points_before": self.before,
            "points_after": self.after,
            "points_needed": self.needed,
            "rules": self.rules,
            "statuses_since": dict(self.statuses),
            "due": self.due.end.isoformat() if self.due else None,
            "due_passed": self.due_passed,
            "flagged": self.flagged,
            "special_cause_since": self.since,
            "mean": self.mean,
            "lower_limit": self.lower_limit,
            "upper_limit": self.upper_limit,
        }


def plan_impact(
    indicator: Indicator, settings: Settings, as_of: date, points: list[Point]
) -> PlanImpact | None:
    """The reading of the indicator's plan on its series `points` (`trend.series` at `as_of`),
    or None where there is no plan to judge: no plan, nothing telling when it was written, or
    no direction to call a change better or worse by (none, or a range: bad both ways)."""
    plan = indicator.action_plan
    if plan is None or indicator.direction in (None, "range"):
        return None
    written = plan_written(plan, indicator)
    if written == date.min:
        return None
    before = [p for p in points if p.period.end <= written]
    after = points[len(before) :]
    options = replace(spc_options(indicator, settings), fix_after=None)
    due = parse_when(plan.when or "", written, settings.financial_year_start)
    found = PlanImpact(
        written=written,
        verdict="too early",
        before=len(before),
        after=len(after),
        needed=options.points,
        rules=options.rules,
        statuses=_statuses(indicator, settings, after),
        due=due,
        due_passed=due is not None and as_of > due.end,
    )
    # A recalculation before the plan restarts the process the plan is judged against.
    start = _baseline_start(indicator, before)
    if len(before) - start < MIN_POINTS:
        return replace(found, verdict="too few before", before=len(before) - start)
    if len(after) < options.points:
        return replace(found, before=len(before) - start)
    chart = analyse(
        [(str(p.period), p.value) for p in points[start:]],
        indicator.direction,
        options=options,
        baseline=(0, len(before) - start),
    )
    assert isinstance(chart, SpcResult)  # 12 or more points always make a chart
    segment = chart.segments[-1]
    verdict: Verdict = "no change yet"
    since: str | None = None
    # The latest special cause since the plan decides (a signal that has ended is not kept),
    # said from the first point of its run.
    since_plan = chart.points[len(before) - start :]
    signalled = [i for i, p in enumerate(since_plan) if p.type in _VERDICTS]
    if signalled:
        last = signalled[-1]
        first = last
        while first > 0 and since_plan[first - 1].type == since_plan[last].type:
            first -= 1
        verdict, since = _VERDICTS[since_plan[last].type], since_plan[first].period
    return replace(
        found,
        verdict=verdict,
        before=len(before) - start,
        since=since,
        mean=segment.mean,
        lower_limit=segment.lower_limit if segment.has_limits else None,
        upper_limit=segment.upper_limit if segment.has_limits else None,
    )


def _baseline_start(indicator: Indicator, before: list[Point]) -> int:
    marks = indicator.spc.recalculate_from if indicator.spc else []
    start = 0
    for mark in marks:
        inside = [i for i, p in enumerate(before) if p.period.start >= mark.start]
        if inside:
            start = max(start, inside[0])
    return start


def _statuses(
    indicator: Indicator, settings: Settings, after: list[Point]
) -> tuple[tuple[str, int], ...]:
    """The statuses of the figures reported for the periods since the plan."""
    periods = {p.period for p in after}
    measured = {
        m.period: m
        for m in indicator.measurements
        if m.period in periods and not m.forecast and m.value is not None
    }
    counted = Counter(read(indicator, m, settings).status for m in measured.values())
    return tuple((s.value, counted[s]) for s in STATUS_ORDER if counted[s])
