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
RUN = 7


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


def segment(start: str, values: list[float]) -> Segment:
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
