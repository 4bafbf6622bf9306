"""The process limits of an XmR chart: a segment's mean, its moving ranges screened as
NHSRplotthedots screens them, and the limits and near limits (2 and 3 sigma) worked out from
them, in the reference's order of operations."""

from __future__ import annotations

from dataclasses import dataclass
from operator import sub

from actionplan.judge.spc_mean import r_mean

LIMIT = 2.66
# Written in the reference's order of operations so a value on a near limit compares the same way.
NEAR_LIMIT = 2 * (LIMIT / 3)
# Moving ranges this many times the mean moving range or more are left out of the limits.
SCREEN = 3.267
MIN_POINTS = 12


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
    # How many of the segment's points the limits come from: fewer than `size` where they are
    # frozen on a baseline (the later points are judged against the process as it was).
    basis: int = 0

    @property
    def trial_limits(self) -> bool:
        # NHSRplotthedots still computes limits on a shorter segment but warns that they are trial
        # limits, to be revised as points arrive.
        return (self.basis or self.size) < MIN_POINTS

    @property
    def frozen(self) -> bool:
        return 0 < self.basis < self.size


def segment(
    start: str,
    values: list[float],
    *,
    basis: tuple[int, int] | None = None,
    screen_ranges: bool = True,
) -> Segment:
    """The limits of `values`, computed from `values[basis[0]:basis[1]]` where a basis is given
    (as NHSRplotthedots' `fix_after_n_points` computes them from a segment's first n points)."""
    low, high = basis or (0, len(values))
    base = values[low:high] or values
    mean = r_mean(base)
    ranges = list(map(abs, map(sub, base[1:], base)))  # |b - a| for each a, b in a row
    if screen_ranges:
        # A flat run screens out every range (0 < 0 is false); a single point has none.
        screen = SCREEN * r_mean(ranges) if ranges else 0.0
        kept = [r for r in ranges if r < screen]
    else:
        # Unscreened, a flat run keeps its ranges of 0 and so still has no variation to show.
        kept = ranges if any(ranges) else []
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
        basis=len(base) if len(base) < len(values) else 0,
    )
