"""The special-cause rules of an XmR chart, in NHSRplotthedots' precedence: a point beyond a
limit, a trend of 7, two of three points near a limit, a shift of 7 on one side of the mean.

The Making Data Count rule set differs in one rule: since November 2023 every point beyond two
sigma counts toward "2 of 3", a point beyond a process limit included; NHSRplotthedots 0.2.x
counts only the points between the 2- and 3-sigma lines. Either set takes runs of 6 or 7."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from actionplan.judge.spc_limits import Segment
from actionplan.judge.spc_options import SpcOptions


def long_runs(items: list[int], length: int) -> list[tuple[int, int, int]]:
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


def signals(values: list[float], seg: Segment, options: SpcOptions | None = None) -> list[int]:
    """Per point: +1 a high (or rising) special cause, -1 a low (or falling) one, 0 common cause.

    Rules in the reference's precedence, so a point caught by several is read by the first:
    beyond a limit, a trend, two of three near a limit, a shift. Each rule, from the last to the
    first, overwrites the points it flags. The limit rules are skipped where no value is beyond
    the near limits (inside the limits) at all, as in most charts.
    """
    options = options or SpcOptions()
    run = options.points
    mean = seg.mean
    # The side of the mean, the sign of v - mean: a difference of two finite doubles is 0 only
    # where they are equal and otherwise has the sign of their order.
    sides = [(v > mean) - (v < mean) for v in values]
    flags = [0] * len(values)
    for side, start, end in long_runs(sides, run):  # a shift; a point on the mean ends one
        flags[start:end] = [side] * (end - start)
    low, high = min(values), max(values)
    if seg.has_limits and (high > seg.near_upper_limit or low < seg.near_lower_limit):
        for i, side in _two_in_three(values, sides, seg, beyond_counts=options.rules == "mdc"):
            flags[i] = side
    for i, side in _trend(values, run):
        flags[i] = side
    if seg.has_limits and (high > seg.upper_limit or low < seg.lower_limit):
        for i, v in enumerate(values):
            if (v > seg.upper_limit or v < seg.lower_limit) and sides[i]:
                flags[i] = sides[i]
    return flags


def _trend(values: list[float], run: int) -> Iterator[tuple[int, int]]:
    """Every point of `run` (6 or 7) or more, each strictly above (or below) the one before; a
    tie ends it: (index, +1 rising or -1 falling)."""
    steps = [(b > a) - (b < a) for a, b in pairwise(values)]  # the sign of b - a, as above
    runs = long_runs(steps, run - 1)
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


def _two_in_three(
    values: list[float], sides: list[int], seg: Segment, *, beyond_counts: bool
) -> Iterator[tuple[int, int]]:
    """Near points in 3 points in a row, at least 2 near: (index, side).

    All three points must be on the same side of the mean (none on it), and only the near points
    are flagged. A near point is beyond a 2-sigma line: for NHSRplotthedots, not also beyond the
    process limit; with `beyond_counts` (Making Data Count), wherever it is beyond 2 sigma (a
    point beyond a limit is flagged by that rule first, which takes precedence).
    """
    n = len(sides)
    near = [
        (beyond_counts or not (v > seg.upper_limit or v < seg.lower_limit))
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
