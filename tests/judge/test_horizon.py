"""The days over which a kept check result still holds: from the day the last figure became
known, up to the day a figure becomes known, goes stale or a plan falls due."""

from __future__ import annotations

from datetime import date

from actionplan.judge.assessment import assess
from actionplan.judge.horizon import steady_span
from support.indicators import SETTINGS, indicator


def test_a_result_holds_from_the_day_a_figure_became_known() -> None:
    ind = indicator(
        target=10,
        measurements=[
            {"period": "2014-04", "value": 5, "reported": "2014-05-20"},
            {"period": "2014-05", "value": 6, "reported": "2014-06-20"},
        ],
    )
    first, after = steady_span(assess(ind, SETTINGS, date(2014, 5, 20)), date(2014, 5, 20))
    assert (date.fromordinal(first), date.fromordinal(after)) == (
        date(2014, 5, 20),
        date(2014, 6, 20),
    )


def test_a_result_holds_until_the_day_the_figure_goes_stale() -> None:
    # Known on 30 April, a monthly figure is current through 30 June and stale from 1 July.
    ind = indicator(
        target=10, frequency="monthly", measurements=[{"period": "2014-04", "value": 5}]
    )
    as_of = date(2014, 6, 15)
    first, after = steady_span(assess(ind, SETTINGS, as_of), as_of)
    assert (date.fromordinal(first), date.fromordinal(after)) == (
        date(2014, 4, 30),
        date(2014, 7, 1),
    )
