"""Period rules: the financial year and its quarters, ordering and containment, and a plan's
`when` read as the period results are due by."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.periods import (
    financial_year_of,
    parse_period,
    parse_when,
    shift_months,
)


@pytest.mark.parametrize("text", ["Quarter 3 of 2014-Q2", "Q3 2014-05", "Quarter 3 of 2013..2014"])
def test_quarter_3_of_a_period_that_is_not_a_year_is_not_a_due_date(text: str) -> None:
    assert parse_when(text, date(2014, 1, 1)) is None


def test_quarter_3_of_a_financial_year_is_its_third_quarter() -> None:
    due = parse_when("Quarter 3 of 2014/15", date(2014, 1, 1))
    assert due is not None and (due.start, due.end) == (date(2014, 10, 1), date(2014, 12, 31))


def test_quarter_3_of_a_calendar_year_in_a_january_workspace() -> None:
    due = parse_when("Quarter 3 2015", date(2014, 1, 1), fy_start=1)
    assert due is not None and (due.start, due.end) == (date(2015, 7, 1), date(2015, 9, 30))


def test_a_quarter_named_on_its_last_day_is_that_quarter() -> None:
    due = parse_when("Quarter 1", date(2014, 6, 30))
    assert due is not None and due.end == date(2014, 6, 30)


def test_a_quarter_named_the_day_after_it_ended_is_next_year_s() -> None:
    due = parse_when("Quarter 1", date(2014, 7, 1))
    assert due is not None and due.end == date(2015, 6, 30)


def test_a_quarter_named_alone_follows_the_workspace_financial_year() -> None:
    # With a July year, Quarter 1 is July to September: written in June, the one just ahead.
    due = parse_when("Quarter 1", date(2014, 6, 15), fy_start=7)
    assert due is not None and (due.start, due.end) == (date(2014, 7, 1), date(2014, 9, 30))


def test_a_month_named_in_that_month_is_that_month() -> None:
    due = parse_when("end of March", date(2015, 3, 10))
    assert due is not None and due.end == date(2015, 3, 31)


def test_a_month_named_after_it_is_next_year_s() -> None:
    due = parse_when("March", date(2015, 4, 1))
    assert due is not None and due.end == date(2016, 3, 31)


def test_the_financial_year_starts_on_its_first_day() -> None:
    assert str(financial_year_of(date(2014, 4, 1))) == "2014/15"
    assert str(financial_year_of(date(2014, 3, 31))) == "2013/14"
    july = financial_year_of(date(2014, 7, 1), 7)
    assert (july.start, july.end) == (date(2014, 7, 1), date(2015, 6, 30))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2014/15 Q1", date(2014, 4, 1), date(2014, 6, 30)),
        ("2014/15 Q4", date(2015, 1, 1), date(2015, 3, 31)),
        ("Q2 2014-15", date(2014, 7, 1), date(2014, 9, 30)),
    ],
)
def test_a_financial_quarter_is_three_months_of_its_year(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


def test_a_financial_quarter_follows_the_workspace_start() -> None:
    period = parse_period("2014/15 Q1", fy_start=7)
    assert (period.start, period.end) == (date(2014, 7, 1), date(2014, 9, 30))


@pytest.mark.parametrize("text", ["2014-15", "2014 - 15", "2014/2015", "2014-2015"])
def test_financial_years_as_councils_write_them(text: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (date(2014, 4, 1), date(2015, 3, 31))


@pytest.mark.parametrize("text", ["2014/16", "2014/14", "2014/13", "2014-2016"])
def test_a_financial_year_s_second_year_must_follow_the_first(text: str) -> None:
    with pytest.raises(ValueError, match="is not a period"):
        parse_period(text)


def test_a_month_sorts_before_the_year_to_date_range_ending_with_it() -> None:
    month, to_date = parse_period("2014-06"), parse_period("2014-04..2014-06")
    assert sorted([to_date, month]) == [month, to_date]


def test_a_period_holds_itself_and_the_periods_inside_it() -> None:
    year = parse_period("2014/15")
    assert year.contains(year)
    assert year.contains(parse_period("2014-04"))
    assert not parse_period("2014-05..2015-03").contains(parse_period("2014-04"))


def test_whole_months_of_a_period() -> None:
    assert parse_period("2014-04").whole_months == 1
    assert parse_period("2014/15").whole_months == 12
    assert parse_period("2014-07-31").whole_months is None


def test_a_month_end_shifted_stays_a_month_end() -> None:
    assert shift_months(date(2014, 2, 28), 1) == date(2014, 3, 31)
    assert parse_period("2015-02").shifted_years(-1).end == date(2014, 2, 28)
    assert parse_period("2016-02").shifted_years(-1).end == date(2015, 2, 28)
