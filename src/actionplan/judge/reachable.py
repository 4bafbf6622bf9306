"""Targets the process cannot reach as it stands: a target for a period still to come (a point
of a trajectory) beyond the latest process limits on the wrong side. Every figure of a process
in control falls within its limits, so such a target needs a change in the process, not more
of the same."""

from __future__ import annotations

from typing import Literal, NamedTuple

from actionplan.domain.models import Indicator
from actionplan.domain.periods import Period
from actionplan.judge.spc import SpcResult


class Unreachable(NamedTuple):
    period: Period
    target: float
    side: Literal["above", "below"]  # the target's side of the limits
    lower_limit: float
    upper_limit: float

    def to_json(self) -> dict[str, object]:
        return {
            "period": str(self.period),
            "target": self.target,
            "beyond": "upper_limit" if self.side == "above" else "lower_limit",
            "lower_limit": self.lower_limit,
            "upper_limit": self.upper_limit,
        }


def unreachable_targets(indicator: Indicator, spc: SpcResult, latest: Period) -> list[Unreachable]:
    """The targets for periods after `latest` (the last point charted), of its length, beyond
    the latest limits on the side that is worse: above the upper limit where higher is better,
    below the lower where lower is. A year-to-date indicator's targets are running totals, not
    figures of the series the limits are of, and are not compared."""
    target = indicator.target
    segment = spc.segments[-1]
    if indicator.cumulative or not isinstance(target, dict) or not segment.has_limits:
        return []
    found = []
    # Number targets only: a two-sided range has no wrong side to be beyond.
    numbers = [(p, v) for p, v in indicator.targets() if p is not None]
    for period, value in sorted(numbers, key=lambda item: item[0].sort_key):
        if value is None or period.start <= latest.end or not _alike(period, latest):
            continue
        if indicator.direction == "higher" and value > segment.upper_limit:
            side: Literal["above", "below"] = "above"
        elif indicator.direction == "lower" and value < segment.lower_limit:
            side = "below"
        else:
            continue
        found.append(
            Unreachable(period, float(value), side, segment.lower_limit, segment.upper_limit)
        )
    return found


def unreachable_of(indicator: Indicator, spc: SpcResult | object) -> list[Unreachable]:
    """`unreachable_targets` after the last point of an SPC result (none without a chart)."""
    if not isinstance(spc, SpcResult) or not spc.points:
        return []
    periods = {str(m.period): m.period for m in indicator.measurements}
    latest = periods.get(spc.points[-1].period)
    return [] if latest is None else unreachable_targets(indicator, spc, latest)


def has_future_targets(indicator: Indicator) -> bool:
    """Whether any target is for a period after every actual (cheap: no chart is worked out)."""
    target = indicator.target
    actuals = [m.period.end for m in indicator.measurements if not m.forecast]
    if not isinstance(target, dict) or not actuals:
        return False
    last = max(actuals)
    return any(period.start > last for period in target)


def _alike(a: Period, b: Period) -> bool:
    months = a.whole_months
    return months == b.whole_months if months is not None else a.days == b.days
