"""The series SPC and charts are drawn on: only what was known at the date, periods of one
length, and each period's own amount."""

from __future__ import annotations

from datetime import date

from actionplan.domain.models import Settings
from actionplan.judge.spc import SpcResult
from actionplan.judge.trend import indicator_spc, series
from support.indicators import LATER, SETTINGS, indicator, monthly


def test_a_figure_reported_after_as_of_is_not_in_the_series() -> None:
    ind = indicator(
        target=10,
        measurements=[
            {"period": "2014-04", "value": 5},
            {"period": "2014-05", "value": 6, "reported": "2014-07-15"},
        ],
    )
    before = series(ind, SETTINGS, date(2014, 7, 14))
    assert [str(p.period) for p in before] == ["2014-04"]
    assert [str(p.period) for p in series(ind, SETTINGS, date(2014, 7, 15))] == [
        "2014-04",
        "2014-05",
    ]


def test_months_of_different_lengths_are_one_series() -> None:
    ind = monthly({"2014-01": 1, "2014-02": 2, "2014-03": 3}, target=10)
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [1, 2, 3]


def test_quarters_are_charted_without_the_months_beside_them() -> None:
    ind = monthly({"2014-04": 1, "2014/15 Q1": 9, "2014/15 Q2": 8}, target=10)
    assert [str(p.period) for p in series(ind, SETTINGS, LATER)] == ["2014/15 Q1", "2014/15 Q2"]


def test_a_year_to_date_series_follows_the_workspace_financial_year() -> None:
    # With a year starting in July, July's running total is July's own figure; with April's,
    # July's own figure is the difference from June.
    ind = monthly({"2014-06": 40, "2014-07": 10}, cumulative=True, unit="count", target=100)
    july = Settings(financial_year_start=7)
    assert [p.value for p in series(ind, july, LATER)] == [10]
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [-30]


def test_a_year_to_date_month_after_a_gap_is_left_out() -> None:
    ind = monthly(
        {"2014-04": 10, "2014-05": 25, "2014-07": 60}, cumulative=True, unit="count", target=100
    )
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [10, 15]


def test_a_year_to_date_share_with_no_new_denominator_is_left_out() -> None:
    ind = indicator(
        unit="percent",
        cumulative=True,
        target="50%",
        measurements=[
            {"period": "2024-04", "value": "40%", "numerator": 40, "denominator": 100},
            {"period": "2024-05", "value": "45%", "numerator": 45, "denominator": 100},
        ],
    )
    assert [str(p.period) for p in series(ind, SETTINGS, LATER)] == ["2024-04"]


def test_a_recalculation_from_a_period_starts_at_that_period() -> None:
    values = {f"2014-{m:02d}": 10 + m % 2 for m in range(1, 13)}
    values.update({f"2015-{m:02d}": 30 + m % 2 for m in range(1, 13)})
    ind = monthly(values, target=20, spc={"recalculate_from": ["2015-01"]})
    result = indicator_spc(ind, SETTINGS, LATER)
    assert isinstance(result, SpcResult)
    assert [s.start for s in result.segments] == ["2014-01", "2015-01"]
