"""Whether a figure can be right yet: one for a period that has not ended is refused unless it is
a forecast (or the person says it is meant), and one of another length than its indicator's
`frequency` would mix months and quarters in one series, where a chart shows only one kind.
Each rule gives the reason a figure is refused, or None; the caller says what to do about it.
"""

from __future__ import annotations

from datetime import date

from actionplan.domain.periods import Period
from actionplan.domain.steps import frequency_of

# What a period of each frequency is called in a sentence.
_KINDS = {"monthly": "a month", "quarterly": "a quarter", "annual": "a year"}


def not_ended(period: Period, today: date) -> str | None:
    """Why a figure for `period` is not yet an outturn on `today`: its period ends later."""
    if period.end <= today:
        return None
    return f"{period} ends on {period.end.isoformat()}, after today ({today.isoformat()})"


def other_length(indicator_id: str, frequency: str | None, period: Period) -> str | None:
    """Why a figure for `period` does not belong with the indicator's others: its `frequency`
    says months, quarters or years, and `period` is of another length. None where the
    indicator states no frequency."""
    if frequency is None or frequency_of(period) == frequency:
        return None
    kind = _KINDS.get(frequency_of(period) or "", f"{period.days} days long")
    return (
        f"{indicator_id} is {frequency} and {period} is {kind}: a chart shows figures of one "
        f"length only, so either its {frequency} figures or this one would be left out"
    )
