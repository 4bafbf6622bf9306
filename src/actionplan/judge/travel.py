"""Direction of travel (short term and long term) and how long a figure stays current."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from fractions import Fraction

from actionplan.domain.models import Indicator, Measurement
from actionplan.domain.periods import Period, shift_months

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}


class Travel(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no change"


def compare(new: float, old: float, direction: str) -> Travel:
    if new == old:
        return Travel.NO_CHANGE
    return Travel.IMPROVING if (new > old) == (direction == "higher") else Travel.WORSENING


def known_on(measurement: Measurement) -> date:
    """When a figure became known: its `reported` date, else the end of its period (the start,
    for a forecast, which is made during the period it projects)."""
    if measurement.reported is not None:
        return measurement.reported
    return measurement.period.start if measurement.forecast else measurement.period.end


def stale_since(indicator: Indicator, latest: Measurement) -> date | None:
    """The day after which the latest figure is out of date: two intervals of the indicator's
    frequency after it became known (one for the next period to pass, one for its reporting)."""
    months = FREQUENCY_MONTHS.get(indicator.frequency or "")
    if months is None:
        return None
    return shift_months(known_on(latest), 2 * months)


def short_term(indicator: Indicator, now: Measurement, actuals: list[Measurement]) -> Travel | None:
    """Against the previous period of the same length."""
    if now.value is None or now.forecast:
        return None
    earlier = [
        m for m in actuals if m.period.end < now.period.start and _same_length(m.period, now.period)
    ]
    if not earlier:
        return None
    return compare(now.value, earlier[-1].value or 0.0, indicator.direction or "higher")


def long_term(indicator: Indicator, now: Measurement, actuals: list[Measurement]) -> Travel | None:
    """Against the same period a year earlier."""
    if now.value is None or now.forecast:
        return None
    year_ago = now.period.shifted_years(-1)
    match = [m for m in actuals if m.period == year_ago]
    if not match:
        return None
    return compare(now.value, match[-1].value or 0.0, indicator.direction or "higher")


def _same_length(a: Period, b: Period) -> bool:
    months = a.whole_months
    return months == b.whole_months if months is not None else a.days == b.days


def window_travel(indicator: Indicator, actuals: list[Measurement], window: int) -> Travel | None:
    """Over the latest `window` figures (periods as long as the latest one's): the sign of
    their least-squares slope against their order, as a council's arrow for a whole chart.
    Exact arithmetic, so figures that do not move give no change rather than a rounding."""
    figures = [m for m in actuals if m.value is not None]
    if not figures:
        return None
    latest = figures[-1].period
    alike = [m.value for m in figures if _same_length(m.period, latest)][-window:]
    if len(alike) < window:
        return None
    ys = [Fraction(repr(v)) for v in alike if v is not None]
    mean_x = Fraction(len(ys) - 1, 2)
    mean_y = sum(ys, Fraction(0)) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(ys))
    if slope == 0:
        return Travel.NO_CHANGE
    return Travel.IMPROVING if (slope > 0) == (indicator.direction != "lower") else Travel.WORSENING
