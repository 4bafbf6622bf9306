"""The Making Data Count special-cause rules written out plainly, point by point, from their
published wording, as a reference for the `mdc` rule set (which is written for speed instead).

The wording (Making Data Count team, NHS England, in NHSRplotthedots issue #194, 6 November
2023, github.com/nhs-r-community/NHSRplotthedots/issues/194): "all points beyond two-sigma are
counted ... As before, all three points still need to be on the same side of the mean, and the
third point would not trigger this rule if it is not beyond two-sigma itself". The other rules:
a point beyond a process limit; a run of n points each above (or below) the one before; n points
in a row on one side of the mean.
"""

from __future__ import annotations

import itertools

from actionplan.judge.spc_limits import Segment


def flagged(values: list[float], seg: Segment, n: int) -> list[bool]:
    """Whether each point is a special cause by any rule."""
    return [
        beyond_limit(values, seg, i)
        or in_trend(values, i, n)
        or two_of_three(values, seg, i) != 0
        or in_shift(values, seg, i, n) != 0
        for i in range(len(values))
    ]


def side(value: float, seg: Segment) -> int:
    return 1 if value > seg.mean else -1 if value < seg.mean else 0


def beyond_limit(values: list[float], seg: Segment, i: int) -> bool:
    return values[i] > seg.upper_limit or values[i] < seg.lower_limit


def beyond_two_sigma(value: float, seg: Segment, on: int) -> bool:
    return value > seg.near_upper_limit if on > 0 else value < seg.near_lower_limit


def in_trend(values: list[float], i: int, n: int) -> bool:
    for first in range(max(0, i - n + 1), min(i, len(values) - n) + 1):
        window = values[first : first + n]
        steps = [b - a for a, b in itertools.pairwise(window)]
        if all(s > 0 for s in steps) or all(s < 0 for s in steps):
            return True
    return False


def two_of_three(values: list[float], seg: Segment, i: int) -> int:
    """The side of a "2 of 3" signal at point i, or 0."""
    if not seg.has_limits:
        return 0
    on = side(values[i], seg)
    if on == 0 or not beyond_two_sigma(values[i], seg, on):
        return 0
    for first in range(max(0, i - 2), min(i, len(values) - 3) + 1):
        window = values[first : first + 3]
        same_side = all(side(v, seg) == on for v in window)
        if same_side and sum(beyond_two_sigma(v, seg, on) for v in window) >= 2:
            return on
    return 0


def in_shift(values: list[float], seg: Segment, i: int, n: int) -> int:
    on = side(values[i], seg)
    for first in range(max(0, i - n + 1), min(i, len(values) - n) + 1):
        if on and all(side(v, seg) == on for v in values[first : first + n]):
            return on
    return 0
