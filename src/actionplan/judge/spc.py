"""Statistical process control after NHS England's *Making Data Count*: XmR charts, signals.

The numbers follow NHSRplotthedots (the NHS-R community's R package, `ptd_spc()` with its defaults),
so an analyst gets the same mean, limits, point types, variation and assurance from either tool.
Pure functions over plain values: no I/O and no dependency on the file models.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal, NamedTuple

from actionplan.domain.words import plural
from actionplan.judge.spc_limits import MIN_POINTS, Segment, segment
from actionplan.judge.spc_options import SpcOptions
from actionplan.judge.spc_rules import signals

PointType = Literal[
    "common_cause",
    "special_cause_improvement",
    "special_cause_concern",
    "special_cause_neutral_high",
    "special_cause_neutral_low",
]
Assurance = Literal["consistent_pass", "consistent_fail", "inconsistent"]

# A point's type by which way is better (1 higher, -1 lower, 0 neither), indexed by its side:
# 0 common cause, 1 a high special cause, -1 (the last item) a low one.
POINT_TYPES: dict[int, tuple[PointType, PointType, PointType]] = {
    1: ("common_cause", "special_cause_improvement", "special_cause_concern"),
    -1: ("common_cause", "special_cause_concern", "special_cause_improvement"),
    0: ("common_cause", "special_cause_neutral_high", "special_cause_neutral_low"),
}


class SpcPoint(NamedTuple):
    """One point of the chart (a named tuple: a chart builds dozens, and they only carry data)."""

    period: str
    value: float
    special_cause: bool
    type: PointType


@dataclass(frozen=True)
class SpcResult:
    """Limits of the latest segment, the series' variation and assurance, and every point."""

    mean: float
    lower_limit: float
    upper_limit: float
    variation: PointType
    assurance: Assurance | None
    points: tuple[SpcPoint, ...]
    segments: tuple[Segment, ...]

    def to_json(self) -> dict[str, object]:
        has_limits = self.segments[-1].has_limits
        return {
            "mean": self.mean,
            "lower_limit": self.lower_limit if has_limits else None,
            "upper_limit": self.upper_limit if has_limits else None,
            "variation": self.variation,
            "assurance": self.assurance,
            "points": [
                {
                    "period": p.period,
                    "value": p.value,
                    "special_cause": p.special_cause,
                    "type": p.type,
                }
                for p in self.points
            ],
        }


@dataclass(frozen=True)
class SpcUnavailable:
    """Why no chart could be drawn; its JSON form is null, the reason travels beside it."""

    reason: str

    def to_json(self) -> None:
        return None


def analyse(
    points: Sequence[tuple[str, float]],
    direction: str | None,
    target: float | None = None,
    recalculate_from: Sequence[int | str] = (),
    options: SpcOptions | None = None,
    baseline: tuple[int, int] | None = None,
) -> SpcResult | SpcUnavailable:
    """XmR chart of `points` (period, value), oldest first.

    `direction` is "higher" or "lower" (which way is better) or None for neutral signals.
    `recalculate_from` starts a new segment at a point, given by its index or its period; a period
    not among the points is ignored, as NHSRplotthedots ignores a rebase date without data (so a
    series cut at an earlier date keeps working). `baseline` (first index, index after the last)
    freezes the limits of each segment it reaches on its points there; a segment it does not
    reach takes `options.fix_after`, if any, else all its points.
    """
    options = options or SpcOptions()
    better = _direction(direction)
    values = [float(v) for _, v in points]
    periods = [str(p) for p, _ in points]
    _check_values(periods, values)
    if len(values) < MIN_POINTS:
        return SpcUnavailable(
            f"{plural(len(values), 'point')}; statistical process control needs at least "
            f"{MIN_POINTS}"
        )
    starts = _segment_starts(periods, recalculate_from)
    bounds = list(pairwise([*starts, len(values)]))
    segments = [
        segment(
            periods[start],
            values[start:end],
            basis=_basis(start, end, baseline, options.fix_after),
            screen_ranges=options.screen,
        )
        for start, end in bounds
    ]
    sides: list[int] = []
    for seg, (start, end) in zip(segments, bounds, strict=True):
        sides += signals(values[start:end], seg, options)
    types = POINT_TYPES[better]
    result_points = tuple(
        map(
            SpcPoint._make,
            zip(periods, values, map(bool, sides), [types[s] for s in sides], strict=True),
        )
    )
    latest = segments[-1]
    return SpcResult(
        mean=latest.mean,
        lower_limit=latest.lower_limit,
        upper_limit=latest.upper_limit,
        variation=result_points[-1].type,
        assurance=_assurance(target, better, latest),
        points=result_points,
        segments=tuple(segments),
    )


def _basis(
    start: int, end: int, baseline: tuple[int, int] | None, fix_after: int | None
) -> tuple[int, int] | None:
    """The points of the segment `start:end` its limits come from, counted from its start."""
    if baseline is not None:
        low, high = max(baseline[0], start), min(baseline[1], end)
        if low < high:
            return low - start, high - start
    return (0, fix_after) if fix_after is not None else None


def _direction(direction: str | None) -> int:
    if direction is None:
        return 0
    if direction == "higher":
        return 1
    if direction == "lower":
        return -1
    raise ValueError(f"direction must be 'higher', 'lower' or None, not {direction!r}")


def _check_values(periods: list[str], values: list[float]) -> None:
    if not all(map(math.isfinite, values)):
        raise ValueError("values must be finite numbers; leave missing values out")
    if len(set(periods)) != len(periods):
        raise ValueError("each period may appear only once")


def _segment_starts(periods: list[str], recalculate_from: Sequence[int | str]) -> list[int]:
    if not recalculate_from:
        return [0]
    index_of = {period: i for i, period in enumerate(periods)}
    starts = {0}
    for mark in recalculate_from:
        if isinstance(mark, str):
            if mark in index_of:
                starts.add(index_of[mark])
        elif 0 <= mark < len(periods):
            starts.add(mark)
        else:
            raise ValueError(f"recalculation index {mark} is outside the {len(periods)} points")
    return sorted(starts)


def _assurance(target: float | None, better: int, seg: Segment) -> Assurance | None:
    """Target outside the latest limits: every future point passes (or fails) it.

    A target exactly on a limit is inside them: inconsistent, as in the reference; so is any
    target where the latest segment has no limits (the reference compares it with NaN).
    """
    if target is None or better == 0:
        return None
    if not seg.has_limits:
        return "inconsistent"
    if target > seg.upper_limit:
        return "consistent_fail" if better > 0 else "consistent_pass"
    if target < seg.lower_limit:
        return "consistent_pass" if better > 0 else "consistent_fail"
    return "inconsistent"
