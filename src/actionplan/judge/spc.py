"""Statistical process control after NHS England's *Making Data Count*: XmR charts, signals.

The numbers follow NHSRplotthedots (the NHS-R community's R package, `ptd_spc()` with its defaults),
so an analyst gets the same mean, limits, point types, variation and assurance from either tool.
Pure functions over plain values: no I/O and no dependency on the file models.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import sub
from typing import Literal, NamedTuple

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
    sides: list[int] = []
    for seg, (start, end) in zip(segments, bounds, strict=True):
        sides += _signals(values[start:end], seg)
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


def _segment(start: str, values: list[float]) -> Segment:
    mean = r_mean(values)
    ranges = list(map(abs, map(sub, values[1:], values)))  # |b - a| for each a, b in a row
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


def _long_runs(items: list[int], length: int) -> list[tuple[int, int, int]]:
    """Maximal runs of at least `length` equal items other than 0, as (item, first index, index
    after the last)."""
    runs = []
    start = 0
    for i in range(1, len(items) + 1):
        if i == len(items) or items[i] != items[start]:
            if i - start >= length and items[start]:
                runs.append((items[start], start, i))
            start = i
    return runs


def _signals(values: list[float], seg: Segment) -> list[int]:
    """Per point: +1 a high (or rising) special cause, -1 a low (or falling) one, 0 common cause.

    Rules in the reference's precedence, so a point caught by several is read by the first:
    beyond a limit, a trend, two of three near a limit, a shift. Each rule, from the last to the
    first, overwrites the points it flags. The limit rules are skipped where no value is beyond
    the near limits (inside the limits) at all, as in most charts.
    """
    mean = seg.mean
    # The side of the mean, the sign of v - mean: a difference of two finite doubles is 0 only
    # where they are equal and otherwise has the sign of their order.
    sides = [(v > mean) - (v < mean) for v in values]
    flags = [0] * len(values)
    for side, start, end in _long_runs(sides, RUN):  # a shift; a point on the mean ends one
        flags[start:end] = [side] * (end - start)
    low, high = min(values), max(values)
    if seg.has_limits and (high > seg.near_upper_limit or low < seg.near_lower_limit):
        for i, side in _two_in_three(values, sides, seg):
            flags[i] = side
    for i, side in _trend(values):
        flags[i] = side
    if seg.has_limits and (high > seg.upper_limit or low < seg.lower_limit):
        for i, v in enumerate(values):
            if (v > seg.upper_limit or v < seg.lower_limit) and sides[i]:
                flags[i] = sides[i]
    return flags


def _trend(values: list[float]) -> Iterator[tuple[int, int]]:
    """Every point of 7 or more, each strictly above (or below) the one before; a tie ends it:
    (index, +1 rising or -1 falling)."""
    steps = [(b > a) - (b < a) for a, b in pairwise(values)]  # the sign of b - a, as above
    runs = _long_runs(steps, RUN - 1)
    if not runs:
        return
    member = [False] * len(values)
    for _, start, end in runs:
        member[start : end + 1] = [True] * (end - start + 1)
    for i, inside in enumerate(member):
        if not inside:
            continue
        # As the reference does: a point followed by another trend point takes the step after it
        # (so a peak shared by a rise and a fall reads as falling), else the step before it.
        # Only a rise up to 1 exactly counts as rising: a tie between two trends reads as falling.
        step = steps[i] if i + 1 < len(values) and member[i + 1] else steps[i - 1]
        yield i, 1 if step == 1 else -1


def _two_in_three(values: list[float], sides: list[int], seg: Segment) -> Iterator[tuple[int, int]]:
    """Near-limit points (between the 2- and 3-sigma lines) in 3 points in a row, at least 2 near:
    (index, side).

    All three points must be on the same side of the mean (none on it), and only the near points
    are flagged: a point beyond a limit is not a near point.
    """
    n = len(sides)
    near = [
        not (v > seg.upper_limit or v < seg.lower_limit)
        and (v < seg.near_lower_limit or v > seg.near_upper_limit)
        for v in values
    ]
    # Whether the three points from each start qualify, worked out once for every start.
    windows = [
        sides[s] != 0
        and sides[s] == sides[s + 1] == sides[s + 2]
        and near[s] + near[s + 1] + near[s + 2] >= 2
        for s in range(n - 2)
    ]
    for i in range(n):
        if near[i] and sides[i] and any(windows[max(i - 2, 0) : min(i, n - 3) + 1]):
            yield i, sides[i]


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
