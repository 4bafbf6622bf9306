"""The days over which a check of one indicator gives the same result.

A check at a date depends on that date only through a few comparisons: which figures were known
by then (`known_on(m) <= as_of`), whether the latest is stale (`as_of > stale_since`), and
whether a RED plan is overdue (`as_of > due`). Between two consecutive days where one of those
can change, every check gives the same result, so a result kept from an earlier run serves any
day in that span: a check run daily without `--as-of` is not judged afresh each morning.
"""

from __future__ import annotations

from datetime import date, timedelta

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.periods import parse_when, shift_months
from actionplan.judge.coverage import plan_written
from actionplan.judge.travel import FREQUENCY_MONTHS, known_on

DAY = timedelta(days=1)


def turning_days(indicator: Indicator, settings: Settings) -> set[date]:
    """Every day from which a comparison with the check's date may turn out differently
    (a superset: each is the first day on which `as_of >= day` holds)."""
    days = {known_on(m) for m in indicator.measurements}
    months = FREQUENCY_MONTHS.get(indicator.frequency or "")
    if months is not None:  # stale the day after `stale_since`, for whichever figure is latest
        days |= {_next(shift_months(day, 2 * months)) for day in list(days)}
    plan = indicator.action_plan
    if plan is not None:
        written = plan_written(plan, indicator)
        due = parse_when(plan.when or "", written, settings.financial_year_start)
        if due is not None:  # overdue the day after results were due
            days.add(_next(due.end))
    return days


def steady_span(indicator: Indicator, settings: Settings, as_of: date) -> tuple[int, int]:
    """(first, after last) day ordinals around `as_of` over which checks of `indicator` all
    give the result they give at `as_of`."""
    first, after = 1, date.max.toordinal() + 1
    for day in turning_days(indicator, settings):
        ordinal = day.toordinal()
        if ordinal <= as_of.toordinal():
            first = max(first, ordinal)
        else:
            after = min(after, ordinal)
    return first, after


def _next(day: date) -> date:
    return day if day == date.max else day + DAY
