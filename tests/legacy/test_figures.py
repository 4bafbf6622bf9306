"""The figures a legacy plan's performance text states: figures as written, the period they
cover, when they were reported, and a projected year-end figure.

The two seed texts are Wirral Council public health's action plans (plans/public-health/):
"617 Wirral Wide April target is 993" and "7.37% (July 2014) (Covering the service delivery
period January-December 2013".
"""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.periods import parse_period
from actionplan.legacy.figures import Context, Figure, annual_key, read_performance, stated_year

OPIATES = "7.37% (July 2014) (Covering the service delivery period January-December 2013"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("53.6 % for 2014-15", Figure(53.6, "percent")),
        ("+5 in 2014/15", Figure(5.0)),
        ("19,625 in 2014/15", Figure(19625.0)),
        ("9.5 days in 2014/15", Figure(9.5, "days")),
    ],
)
def test_figures_as_documents_write_them(text: str, figure: Figure) -> None:
    assert read_performance(text, Context()).figure == figure


def test_a_decimal_comma_is_not_read_as_a_figure() -> None:
    performance = read_performance("4,6 days in 2014/15", Context())
    assert performance.figure is None
    assert "does not start with a figure" in performance.notes[0].text


def test_the_seed_opiates_figure_covers_2013_and_was_reported_in_july_2014() -> None:
    performance = read_performance(OPIATES, Context())
    assert performance.figure == Figure(7.37, "percent")
    assert str(performance.period) == "2013-01..2013-12"
    assert performance.reported is not None and performance.reported.end == date(2014, 7, 31)


def test_two_dated_months_in_an_imported_range_leave_the_reporting_date_unread() -> None:
    performance = read_performance(
        "7.37% (July 2014) (June 2014) covering January-December 2013", Context()
    )
    assert str(performance.period) == "2013-01..2013-12"
    assert performance.reported is None


def test_a_month_range_across_the_new_year_starts_the_year_before() -> None:
    performance = read_performance("12 for November-March 2014", Context())
    assert str(performance.period) == "2013-11..2014-03"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("12 for 2014-15", "2014/15"),
        ("12 for Q3 2014-15", "2014/15 Q3"),
        ("12 for 2014/15 Q3", "2014/15 Q3"),
        ("12 for Quarter 1 of 2015/16", "2015/16 Q1"),
    ],
)
def test_financial_years_and_quarters_in_text(text: str, period: str) -> None:
    assert str(read_performance(text, Context()).period) == period


def test_a_month_and_year_is_not_a_financial_year() -> None:
    assert str(read_performance("12 for 2014-05", Context()).period) != "2014/15"


def test_month_names_in_lower_case_are_words() -> None:
    performance = read_performance("40 in march and May 2014", Context())
    assert str(performance.period) == "2014-05"


def test_a_dated_period_and_a_bare_month_ask_which_one() -> None:
    performance = read_performance("12 in 2014/15 (March)", Context())
    assert performance.period is None
    assert [n.text for n in performance.notes] == [
        "the performance names several periods (2014/15, March): which one?"
    ]


def test_a_projected_year_end_figure_is_a_forecast() -> None:
    performance = read_performance("Projected end of year 10.51 days", Context())
    assert performance.forecast == Figure(10.51, "days")


def test_a_forecast_of_something_else_stays_text() -> None:
    assert read_performance("forecast to improve by 5%", Context()).forecast is None


def test_an_undated_annual_target_belongs_to_the_workspace_financial_year() -> None:
    june = parse_period("2014-06")
    assert str(annual_key(june, Context())) == "2014/15"
    july_year = annual_key(june, Context(fy_start=7))
    assert (july_year.start, july_year.end) == (date(2013, 7, 1), date(2014, 6, 30))


def test_the_year_a_text_names_follows_the_workspace_start() -> None:
    year = stated_year("by the end of 2014-15", 7)
    assert year is not None and year.start == date(2014, 7, 1)
