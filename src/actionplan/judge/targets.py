"""Which target a measurement is judged against: the most specific target period that holds it,
an annual target pro-rated for year-to-date amounts, and the profile points a trajectory needs.

Targets are decimals made from the figures as written, so a value exactly on a tolerance edge
(993 - 5% = 943.35) lands on the edge rather than a binary fraction either side of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from actionplan.domain.models import Indicator, Measurement
from actionplan.domain.periods import Period
from actionplan.domain.ranges import Range


@dataclass(frozen=True)
class Finding:
    """A problem of a valid file that only judging it shows, at a key path within the file
    (`("target",)`, `("measurements", 3)`): the caller turns the key path into a line."""

    path: Path
    loc: tuple[str | int, ...]
    message: str


# Only amounts that add up over the year can be pro-rated: a year-to-date percentage or rate is
# already a share of the year so far, and is judged against the annual target as it stands.
ADDITIVE_UNITS = frozenset({"count", "currency", "days", "number"})


def target_for(indicator: Indicator, period: Period) -> tuple[Period | None, Decimal | None]:
    """The target of the most specific period that holds `period` (a single number holds all);
    a range target is `range_for`'s."""
    best, value = most_specific(indicator.target, period)
    if value is None or isinstance(value, Range):
        return best, None
    return best, as_decimal(value)


def range_for(indicator: Indicator, period: Period) -> tuple[Period | None, Range | None]:
    """The two-sided target that holds `period`, as `target_for` finds a number."""
    best, value = most_specific(indicator.target, period)
    return best, value if isinstance(value, Range) else None


def floor_for(indicator: Indicator, period: Period) -> Decimal | None:
    """The floor standard that holds `period`, found as a target is."""
    value = most_specific(indicator.floor, period)[1]
    return None if value is None or isinstance(value, Range) else as_decimal(value)


def most_specific(
    figures: float | Range | Mapping[Period, float | Range | None] | None, period: Period
) -> tuple[Period | None, float | Range | None]:
    """The figure of the shortest period in `figures` that holds `period`; one figure (not a
    map) holds every period."""
    if not isinstance(figures, Mapping):
        return None, figures
    best: Period | None = None
    for figure_period in figures:
        if figure_period.contains(period) and (best is None or figure_period.days < best.days):
            best = figure_period
    return best, None if best is None else figures[best]


def lacks_trajectory(indicator: Indicator, target_period: Period, measurement: Measurement) -> bool:
    """True when the target that holds the measurement is profiled (it holds shorter target
    periods: an in-year trajectory) but no profile point holds this period. Pro-rating the
    year would be a guess the council did not make."""
    target = indicator.target
    if not isinstance(target, dict) or target_period == measurement.period:
        return False
    return any(other != target_period and target_period.contains(other) for other in target)


def trajectory_gaps(path: Path, indicator: Indicator) -> list[Finding]:
    """Each measured period without its trajectory point, as a problem of the file."""
    target = indicator.target
    if not isinstance(target, dict) or not any(
        other != period and period.contains(other) for period in target for other in target
    ):
        return []  # no target holds another: nothing is profiled
    gaps = []
    for index, measurement in enumerate(indicator.measurements):
        target_period, _ = target_for(indicator, measurement.period)
        if target_period is not None and lacks_trajectory(indicator, target_period, measurement):
            gaps.append(
                Finding(
                    path,
                    ("measurements", index, "period"),
                    f"no trajectory target for {measurement.period}: the {target_period} target "
                    f"has profile points but none for this period; add `{measurement.period}: "
                    "...` under `target` (its status is NO TARGET until then)",
                )
            )
    return gaps


def elapsed_share(span: Period, period: Period) -> Decimal | None:
    """How much of `span` has passed by the end of `period`: whole months where both are whole
    months (as in-year profiles are set), else days. None when `period` is not inside `span`."""
    if not span.contains(period):
        return None
    elapsed = Period(span.start, period.end, "")
    months, total = elapsed.whole_months, span.whole_months
    if months is not None and total is not None:
        return Decimal(months) / Decimal(total)
    return Decimal(elapsed.days) / Decimal(span.days)


def as_decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def rounded(target: Decimal, decimals: int | None) -> Decimal:
    """A divided target as councils state it: rounded half up (6.5 / 4 = 1.625 is 1.63, where
    rounding half to even would give 1.62)."""
    if decimals is None:
        return target
    return target.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
