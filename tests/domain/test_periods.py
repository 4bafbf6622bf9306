"""Every period form, ordering, containment, financial years and `when` texts."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.domain.periods import (
    financial_year,
    financial_year_of,
    parse_period,
    parse_when,
    shift_months,
)
from actionplan.errors import PeriodError


@pytest.mark.parametrize(
    ("text", "start", "end", "canonical"),
    [
        ("2014-04", date(2014, 4, 1), date(2014, 4, 30), "2014-04"),
        ("2014-4", date(2014, 4, 1), date(2014, 4, 30), "2014-04"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "2016-02"),
        ("2014-Q3", date(2014, 7, 1), date(2014, 9, 30), "2014-Q3"),
        ("2014 q1", date(2014, 1, 1), date(2014, 3, 31), "2014-Q1"),
        ("2014/15", date(2014, 4, 1), date(2015, 3, 31), "2014/15"),
        ("2014/2015", date(2014, 4, 1), date(2015, 3, 31), "2014/15"),
        ("1999/00", date(1999, 4, 1), date(2000, 3, 31), "1999/00"),
        ("2014/15 Q3", date(2014, 10, 1), date(2014, 12, 31), "2014/15 Q3"),
        ("2014/15 Q4", date(2015, 1, 1), date(2015, 3, 31), "2014/15 Q4"),
        ("2014", date(2014, 1, 1), date(2014, 12, 31), "2014"),
        ("2014-07-31", date(2014, 7, 31), date(2014, 7, 31), "2014-07-31"),
        ("2013-01..2013-12", date(2013, 1, 1), date(2013, 12, 31), "2013-01..2013-12"),
        ("2013/14..2014/15", date(2013, 4, 1), date(2015, 3, 31), "2013/14..2014/15"),
        # As councils write them (Havering's 2024/25 reports: "Q1 2024/25"; Wirral's year-end
        # report headings: "2014-15").
        ("2014-15", date(2014, 4, 1), date(2015, 3, 31), "2014/15"),
        ("2014-2015", date(2014, 4, 1), date(2015, 3, 31), "2014/15"),
        ("1999-00", date(1999, 4, 1), date(2000, 3, 31), "1999/00"),
        ("Q1 2024/25", date(2024, 4, 1), date(2024, 6, 30), "2024/25 Q1"),
        ("2024/25-Q1", date(2024, 4, 1), date(2024, 6, 30), "2024/25 Q1"),
        ("2025/26-Q4", date(2026, 1, 1), date(2026, 3, 31), "2025/26 Q4"),
        ("2014-15 Q3", date(2014, 10, 1), date(2014, 12, 31), "2014/15 Q3"),
        ("q2 2014-15", date(2014, 7, 1), date(2014, 9, 30), "2014/15 Q2"),
        # A month wins where both readings are possible: 2011-12 is December 2011.
        ("2011-12", date(2011, 12, 1), date(2011, 12, 31), "2011-12"),
    ],
)
def test_period_forms(text: str, start: date, end: date, canonical: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, str(period)) == (start, end, canonical)


def test_a_bare_year_number_from_yaml_is_a_calendar_year() -> None:
    assert parse_period(2014) == parse_period("2014")


def test_financial_year_start_comes_from_the_workspace() -> None:
    january = parse_period("2014/15", fy_start=7)
    assert (january.start, january.end) == (date(2014, 7, 1), date(2015, 6, 30))
    q1 = parse_period("2014/15 Q1", fy_start=7)
    assert (q1.start, q1.end) == (date(2014, 7, 1), date(2014, 9, 30))


@pytest.mark.parametrize(
    "text", ["2014-13", "2014-02-30", "2014/16", "2014-Q5", "April", "", "2015..2014", "14/15"]
)
def test_bad_periods_say_which_forms_work(text: str) -> None:
    with pytest.raises(PeriodError, match=r"2014-04 \(month\)|ends before it starts"):
        parse_period(text)


def test_booleans_are_not_periods() -> None:
    with pytest.raises(PeriodError):
        parse_period(True)


def test_periods_order_by_their_end_then_shorter_first() -> None:
    texts = ["2014/15", "2014-04", "2014-Q2", "2014-01..2014-06", "2013", "2014-06"]
    ordered = [str(p) for p in sorted(parse_period(t) for t in texts)]
    assert ordered == ["2013", "2014-04", "2014-06", "2014-Q2", "2014-01..2014-06", "2014/15"]


def test_containment() -> None:
    year = parse_period("2014/15")
    assert year.contains(parse_period("2014-04"))
    assert year.contains(parse_period("2015-03-31"))
    assert year.contains(parse_period("2014/15 Q3"))
    assert not year.contains(parse_period("2014-03"))
    assert not year.contains(parse_period("2014"))  # overlaps, but is not held
    assert year.contains(year)


def test_financial_year_of_a_day() -> None:
    assert str(financial_year_of(date(2015, 3, 31))) == "2014/15"
    assert str(financial_year_of(date(2015, 4, 1))) == "2015/16"


def test_month_ends_stay_month_ends() -> None:
    assert shift_months(date(2014, 4, 30), 2) == date(2014, 6, 30)
    assert shift_months(date(2016, 2, 29), -12) == date(2015, 2, 28)
    assert shift_months(date(2014, 1, 31), 1) == date(2014, 2, 28)
    assert shift_months(date(2014, 1, 15), 1) == date(2014, 2, 15)


APRIL_2014 = date(2014, 4, 30)  # the seed smoking plan's April figure became known


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Quarter 3", date(2014, 12, 31)),  # the first Q3 ending after the plan was written
        ("Q4", date(2015, 3, 31)),
        ("quarter 1 2015/16", date(2015, 6, 30)),
        ("by March 2015", date(2015, 3, 31)),
        ("31 March 2015", date(2015, 3, 31)),
        ("end of December 2014", date(2014, 12, 31)),
        ("2015-01", date(2015, 1, 31)),
        ("2014/15", date(2015, 3, 31)),
    ],
)
def test_when_texts_read_as_a_due_period(text: str, end: date) -> None:
    due = parse_when(text, APRIL_2014)
    assert due is not None and due.end == end


def test_quarter_is_the_first_one_ending_on_or_after_the_plan_was_written() -> None:
    # Written in February 2015 (in 2014/15, whose Q3 ended in December 2014): next Q3.
    due = parse_when("Quarter 3", date(2015, 2, 28))
    assert due is not None and str(due) == "2015/16 Q3"
    # A plan for 2014/15 whose figure was reported in May 2015, due "Quarter 1": June 2015.
    due = parse_when("Quarter 1", date(2015, 5, 20))
    assert due is not None and due.end == date(2015, 6, 30)
    # Written on the last day of the quarter: that quarter.
    due = parse_when("Q1", date(2015, 6, 30))
    assert due is not None and due.end == date(2015, 6, 30)
    due = parse_when("Q1", date(2015, 7, 1))
    assert due is not None and due.end == date(2016, 6, 30)


@pytest.mark.parametrize(
    ("text", "written", "end"),
    [
        ("end of March", date(2014, 4, 30), date(2015, 3, 31)),
        ("March", date(2015, 3, 1), date(2015, 3, 31)),
        ("by the end of December", date(2015, 1, 5), date(2015, 12, 31)),
    ],
)
def test_a_month_without_a_year_is_the_next_one(text: str, written: date, end: date) -> None:
    due = parse_when(text, written)
    assert due is not None and due.end == end


def test_quarter_follows_a_january_financial_year() -> None:
    # A council whose financial year is the calendar year: Q1 is January to March.
    due = parse_when("Q1", date(2015, 5, 1), fy_start=1)
    assert due is not None and (due.start, due.end) == (date(2016, 1, 1), date(2016, 3, 31))


@pytest.mark.parametrize(
    "text", ["Performance can fluctuate (month by month)", "ongoing", "31 Smarch 2015", ""]
)
def test_words_are_not_a_due_date(text: str) -> None:
    assert parse_when(text, APRIL_2014) is None


def test_shifting_past_the_calendar_ends_stays_at_its_ends() -> None:
    # A figure for April in year 1 has no year before it; one for December 9999 none after.
    assert shift_months(date(1, 4, 30), -12) == date.min
    assert shift_months(date(9999, 12, 31), 2) == date.max
    assert parse_period("0001-04").shifted_years(-1).end == date.min


def test_a_month_end_moves_to_the_month_end() -> None:
    # A year-on-year or profile comparison of "28 February" means the end of the month: a
    # month later is 31 March, not 28 March; a year after 28 February 2015 is 29 February 2016.
    assert shift_months(date(2014, 2, 28), 1) == date(2014, 3, 31)
    assert shift_months(date(2014, 6, 30), 1) == date(2014, 7, 31)
    assert shift_months(date(2015, 2, 28), 12) == date(2016, 2, 29)
    assert shift_months(date(2014, 3, 28), 1) == date(2014, 4, 28)  # not a month end


def test_shifting_to_the_calendar_s_first_and_last_years_is_exact() -> None:
    assert shift_months(date(2, 4, 30), -12) == date(1, 4, 30)
    assert shift_months(date(9998, 6, 30), 12) == date(9999, 6, 30)


def test_a_financial_year_is_named_by_both_years_unless_it_is_the_calendar_year() -> None:
    assert str(financial_year(2014, 2)) == "2014/15"  # February to January
    assert str(financial_year(2014, 1)) == "2014"
    assert (financial_year(2014, 2).start, financial_year(2014, 2).end) == (
        date(2014, 2, 1),
        date(2015, 1, 31),
    )


def test_periods_given_as_dates_and_numbers() -> None:
    # A YAML date or number (from an editor or a spreadsheet) is the day or the year.
    day = parse_period(date(2014, 7, 31))
    assert (day.start, day.end, str(day)) == (date(2014, 7, 31), date(2014, 7, 31), "2014-07-31")
    year = parse_period(2014)
    assert (year.start, year.end, str(year)) == (date(2014, 1, 1), date(2014, 12, 31), "2014")


@pytest.mark.parametrize("value", [True, None, 2014.5, [2014]])
def test_other_values_are_not_periods_and_the_error_shows_the_forms(value: object) -> None:
    with pytest.raises(PeriodError, match=r"is not a period: use 2014-04 \(month\)"):
        parse_period(value)  # type: ignore[arg-type]


def test_a_range_needs_both_ends_readable_and_may_be_one_day() -> None:
    one_day = parse_period("2014-01-05..2014-01-05")
    assert (one_day.start, one_day.end) == (date(2014, 1, 5), date(2014, 1, 5))
    for text in ("2014-01..soon", "someday..2014-01"):
        with pytest.raises(PeriodError, match=r"is not a period range: write FIRST\.\.LAST"):
            parse_period(text)


def test_when_a_day_is_named_it_is_that_day_and_a_final_full_stop_is_ignored() -> None:
    assert parse_when("by 15 March 2015", APRIL_2014) == parse_period("2015-03-15")
    assert parse_when("Quarter 3.", APRIL_2014) == parse_period("2014/15 Q3")
    assert parse_when("2014/15 Q4", APRIL_2014, fy_start=1) == parse_period("2014/15 Q4", 1)
    assert parse_period("2014/15 Q4", 1).end == date(2014, 12, 31)


# Period rules: the financial year and its quarters, ordering and containment, and a plan's
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


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("2025/26 Q5", ("2025-04 (month)", "2025/26 Q3", "2025-01..2025-12")),
        ("2031-13", ("2031-04 (month)", "2031-Q3", "2031/32")),
        ("Q5 1999/00", ("1999-04 (month)", "1999/00 Q3")),
    ],
)
def test_the_forms_a_period_may_take_are_shown_in_the_year_the_user_wrote(
    text: str, forms: tuple[str, ...]
) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert all(form in message for form in forms), message
    assert "2014" not in message


def test_a_period_without_a_year_is_shown_the_forms_in_an_example_year() -> None:
    with pytest.raises(PeriodError, match=r"use 2014-04 \(month\)"):
        parse_period("April")
