"""Statistical process control after NHS England's *Making Data Count*: XmR charts, signals.

The numbers follow NHSRplotthedots (the NHS-R community's R package, `ptd_spc()` with its defaults),
so an analyst gets the same mean, limits, point types, variation and assurance from either tool.
Pure functions over plain values: no I/O and no dependency on the file models.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise
from typing import Literal

from actionplan.judge.spc_mean import r_mean

PointType = Literal[
    "common_cause",
    "special_cause_improvement",
    "special_cause_concern",
    "special_cause_neutral_high",
    "special_cause_neutral_low",
]
Assurance = Literal["consistent_pass", "consistent_fail", "inconsistent"]

LIMIT = 2.66
# Written in the reference's order of operations so a value on a near limit compares the same way.
NEAR_LIMIT = 2 * (LIMIT / 3)
# Moving ranges this many times the mean moving range or more are left out of the limits.
SCREEN = 3.267
MIN_POINTS = 12
RUN = 7


@dataclass(frozen=True)
class SpcPoint:
    period: str
    value: float
    special_cause: bool
    type: PointType


@dataclass(frozen=True)
class Segment:
    """The points between two recalculations and the limits computed from them alone."""

    start: str
    size: int
    mean: float
    lower_limit: float
    upper_limit: float
    near_lower_limit: float
    near_upper_limit: float
    # False where no moving range is left to measure variation by (a single point, or a flat
    # run whose ranges are all 0 and so all screened out): the reference's limits are NaN there,
    # no point is a signal and the limits (kept on the mean, for drawing) are null in JSON.
    has_limits: bool = True

    @property
    def trial_limits(self) -> bool:
        # NHSRplotthedots still computes limits on a shorter segment but warns that they are trial
        # limits, to be revised as points arrive.
        return self.size < MIN_POINTS


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
) -> SpcResult | SpcUnavailable:
    """XmR chart of `points` (period, value), oldest first.

    `direction` is "higher" or "lower" (which way is better) or None for neutral signals.
    `recalculate_from` starts a new segment at a point, given by its index or its period; a period
    not among the points is ignored, as NHSRplotthedots ignores a rebase date without data (so a
    series cut at an earlier date keeps working).
    """
    better = _direction(direction)
    values = [float(v) for _, v in points]
    periods = [str(p) for p, _ in points]
    _check_values(periods, values)
    if len(values) < MIN_POINTS:
        return SpcUnavailable(
            f"{len(values)} points; statistical process control needs at least {MIN_POINTS}"
        )
    starts = _segment_starts(periods, recalculate_from)
    bounds = list(pairwise([*starts, len(values)]))
    segments = [_segment(periods[start], values[start:end]) for start, end in bounds]
    sides = [
        side
        for seg, (start, end) in zip(segments, bounds, strict=True)
        for side in _signals(values[start:end], seg)
    ]
    result_points = tuple(
        SpcPoint(period, value, side != 0, _point_type(side, better))
        for period, value, side in zip(periods, values, sides, strict=True)
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


def _direction(direction: str | None) -> int:
    if direction is None:
        return 0
    if direction == "higher":
        return 1
    if direction == "lower":
        return -1
    raise ValueError(f"direction must be 'higher', 'lower' or None, not {direction!r}")


def _check_values(periods: list[str], values: list[float]) -> None:
    if not all(math.isfinite(v) for v in values):
        raise ValueError("values must be finite numbers; leave missing values out")
    if len(set(periods)) != len(periods):
        raise ValueError("each period may appear only once")


def _segment_starts(periods: list[str], recalculate_from: Sequence[int | str]) -> list[int]:
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


def _segment(start: str, values: list[float]) -> Segment:
    mean = r_mean(values)
    ranges = [abs(b - a) for a, b in pairwise(values)]
    # A flat run screens out every range (0 < 0 is false); a single point has none.
    screen = SCREEN * r_mean(ranges) if ranges else 0.0
    kept = [r for r in ranges if r < screen]
    mean_range = r_mean(kept) if kept else 0.0
    return Segment(
        start=start,
        size=len(values),
        mean=mean,
        lower_limit=mean - LIMIT * mean_range,
        upper_limit=mean + LIMIT * mean_range,
        near_lower_limit=mean - NEAR_LIMIT * mean_range,
        near_upper_limit=mean + NEAR_LIMIT * mean_range,
        has_limits=bool(kept),
    )


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _runs(items: Sequence[int]) -> Iterator[tuple[int, int, int]]:
    """Maximal runs of equal items as (value, first index, index after the last)."""
    i = 0
    for value, group in groupby(items):
        n = len(list(group))
        yield value, i, i + n
        i += n


def _signals(values: list[float], seg: Segment) -> list[int]:
    """Per point: +1 a high (or rising) special cause, -1 a low (or falling) one, 0 common cause.

    Rules in the reference's precedence, so a point caught by several is read by the first:
    beyond a limit, a trend, two of three near a limit, a shift.
    """
    sides = [_sign(v - seg.mean) for v in values]
    outside = [seg.has_limits and (v > seg.upper_limit or v < seg.lower_limit) for v in values]
    near = [
        seg.has_limits and not out and (v < seg.near_lower_limit or v > seg.near_upper_limit)
        for v, out in zip(values, outside, strict=True)
    ]
    rules = (
        [side if out else 0 for side, out in zip(sides, outside, strict=True)],
        _trend(values),
        _two_in_three(sides, near),
        _shift(sides),
    )
    beyond, trend, two_in_three, shift = rules
    # Sides are -1, 0 or 1, so `or` takes the first rule that flags the point.
    return [a or b or c or d for a, b, c, d in zip(beyond, trend, two_in_three, shift, strict=True)]


def _shift(sides: list[int]) -> list[int]:
    """Every point of a run of 7 or more on one side of the mean; a point on the mean ends a run."""
    flags = [0] * len(sides)
    for side, start, end in _runs(sides):
        # A run on the mean has side 0 and so marks nothing.
        if end - start >= RUN:
            flags[start:end] = [side] * (end - start)
    return flags


def _trend(values: list[float]) -> list[int]:
    """Every point of 7 or more, each strictly above (or below) the one before; a tie ends it."""
    steps = [_sign(b - a) for a, b in pairwise(values)]
    member = [False] * len(values)
    for step, start, end in _runs(steps):
        if step and end - start >= RUN - 1:
            member[start : end + 1] = [True] * (end - start + 1)
    flags = [0] * len(values)
    for i, inside in enumerate(member):
        if not inside:
            continue
        # As the reference does: a point followed by another trend point takes the step after it
        # (so a peak shared by a rise and a fall reads as falling), else the step before it.
        # Only a rise up to 1 exactly counts as rising: a tie between two trends reads as falling.
        step = steps[i] if i + 1 < len(values) and member[i + 1] else steps[i - 1]
        flags[i] = 1 if step == 1 else -1
    return flags


def _two_in_three(sides: list[int], near: list[bool]) -> list[int]:
    """Near-limit points (between the 2- and 3-sigma lines) in 3 points in a row, at least 2 near.

    All three points must be on the same side of the mean (none on it), and only the near points
    are flagged: a point beyond a limit is not a near point.
    """
    n = len(sides)
    if not any(near):
        return [0] * n
    # Whether the three points from each start qualify, worked out once for every start.
    windows = [
        sides[s] != 0
        and sides[s] == sides[s + 1] == sides[s + 2]
        and near[s] + near[s + 1] + near[s + 2] >= 2
        for s in range(n - 2)
    ]
    return [
        sides[i] if near[i] and any(windows[max(i - 2, 0) : min(i, n - 3) + 1]) else 0
        for i in range(n)
    ]


def _point_type(side: int, better: int) -> PointType:
    if side == 0:
        return "common_cause"
    if better == 0:
        return "special_cause_neutral_high" if side > 0 else "special_cause_neutral_low"
    return "special_cause_improvement" if side == better else "special_cause_concern"


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
