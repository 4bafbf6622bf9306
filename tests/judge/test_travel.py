"""Direction of travel, short and long term, and how long a figure stays current."""

from __future__ import annotations

from datetime import date

from actionplan.judge.assessment import assess
from actionplan.judge.travel import Travel
from support.indicators import LATER, SETTINGS, indicator, monthly


def test_short_term_travel_over_three_periods_is_against_the_one_just_before() -> None:
    ind = monthly({"2014-04": 10, "2014-05": 30, "2014-06": 20}, target=25)
    assert assess(ind, SETTINGS, LATER).short_term is Travel.WORSENING


def test_long_term_travel_over_three_years_is_against_the_year_just_before() -> None:
    ind = monthly({"2012-04": 50, "2013-04": 10, "2014-04": 20}, target=25)
    assert assess(ind, SETTINGS, LATER).long_term is Travel.IMPROVING


def test_lower_is_better_travel_is_mirrored() -> None:
    ind = monthly({"2014-04": 30, "2014-05": 20}, target=25, direction="lower")
    assert assess(ind, SETTINGS, LATER).short_term is Travel.IMPROVING


def test_months_of_different_lengths_are_compared() -> None:
    ind = monthly({"2014-02": 10, "2014-03": 20}, target=25)
    assert assess(ind, SETTINGS, LATER).short_term is Travel.IMPROVING


def test_short_term_travel_skips_a_period_of_another_length() -> None:
    # The quarter ending in May is not the period before June: the month of May is.
    ind = monthly({"2014-05": 30, "2014-03..2014-05": 5, "2014-06": 20}, target=25)
    assert assess(ind, SETTINGS, LATER).short_term is Travel.WORSENING


def test_long_term_travel_needs_the_same_period_a_year_earlier() -> None:
    ind = monthly({"2013/14": 50, "2014-04": 20}, target=25)
    assert assess(ind, SETTINGS, LATER).long_term is None


def test_travel_of_a_forecast_is_that_of_the_latest_actual() -> None:
    ind = indicator(
        target=25,
        measurements=[
            {"period": "2013-04", "value": 30},
            {"period": "2014-03", "value": 20},
            {"period": "2014-04", "value": 40, "forecast": True},
        ],
    )
    # March (20) against the April before (30), not April's forecast (40) against March.
    assessment = assess(ind, SETTINGS, date(2014, 4, 15))
    assert assessment.reading is not None and assessment.reading.measurement.forecast
    assert (assessment.short_term, assessment.long_term) == (Travel.WORSENING, None)


def test_a_forecast_is_not_an_earlier_figure_for_travel() -> None:
    ind = indicator(
        target=25,
        measurements=[
            {"period": "2014-04", "value": 40},
            {"period": "2014-05", "value": 5, "forecast": True},
            {"period": "2014-06", "value": 20},
        ],
    )
    # May has only a forecast: June is compared with April, the latest actual before it.
    assert assess(ind, SETTINGS, LATER).short_term is Travel.WORSENING


def test_year_to_date_figures_have_no_short_term_travel() -> None:
    ind = monthly({"2014-04": 10, "2014-05": 30}, target=25, cumulative=True)
    assert assess(ind, SETTINGS, LATER).short_term is None


def test_a_monthly_figure_is_stale_two_months_after_it_became_known() -> None:
    ind = monthly({"2014-04": 10}, target=25, frequency="monthly")
    assert not assess(ind, SETTINGS, date(2014, 6, 30)).stale
    assert assess(ind, SETTINGS, date(2014, 7, 1)).stale


def test_a_forecast_is_known_from_the_start_of_its_period() -> None:
    ind = indicator(target=25, measurements=[{"period": "2014/15", "value": 10, "forecast": True}])
    assert assess(ind, SETTINGS, date(2014, 4, 1)).reading is not None
    assert assess(ind, SETTINGS, date(2014, 3, 31)).reading is None


def test_a_figure_is_known_on_the_day_it_is_reported() -> None:
    ind = indicator(
        target=25, measurements=[{"period": "2014-04", "value": 10, "reported": "2014-05-20"}]
    )
    assert assess(ind, SETTINGS, date(2014, 5, 20)).reading is not None
    assert assess(ind, SETTINGS, date(2014, 5, 19)).reading is None


def test_an_actual_is_latest_beside_a_forecast_for_the_same_period() -> None:
    ind = indicator(
        target=25,
        measurements=[
            {"period": "2014/15", "value": 30},
            {"period": "2014/15", "value": 10, "forecast": True},
        ],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and not reading.measurement.forecast
