"""What a legacy document implies: which way is better, and the year it is about."""

from __future__ import annotations

from actionplan.legacy.figures import Context, Figure, read_performance
from actionplan.legacy.inference import document_year, infer_direction

# The seed plans (Wirral Council public health): quitters below their April target, and an
# opiates figure for the calendar year 2013, which spans two financial years.
SMOKING = "617 Wirral Wide April target is 993"
OPIATES = "7.37% (July 2014) (Covering the service delivery period January-December 2013"


def test_a_figure_below_its_profile_target_means_higher_is_better() -> None:
    performance = read_performance(SMOKING, Context())
    assert infer_direction(performance, None).direction == "higher"


def test_a_projected_figure_above_the_target_means_lower_is_better() -> None:
    performance = read_performance("Projected end of year 10.51 days", Context())
    inference = infer_direction(performance, Figure(9.5))
    assert inference.direction == "lower"
    assert inference.evidence == "the projected year-end figure 10.51 days is above the target 9.5"


def test_a_percentage_for_part_of_a_year_is_compared_with_a_percentage_target() -> None:
    performance = read_performance("45% for May 2014", Context())
    assert infer_direction(performance, Figure(50.0, "percent")).direction == "higher"


def test_a_count_for_two_years_is_not_compared_with_an_annual_target() -> None:
    performance = read_performance("300 for April 2012 - March 2014", Context())
    assert infer_direction(performance, Figure(100.0)).direction is None


def test_a_period_spanning_two_financial_years_gives_no_document_year() -> None:
    performance = read_performance(OPIATES, Context())
    assert document_year(performance, Context(), "") is None
    named = document_year(performance, Context(), "by 2014/15 Q2")
    assert named is not None and str(named.period) == "2014/15"


def test_the_document_year_is_that_of_the_period_stated() -> None:
    performance = read_performance("12 for Q3 2014-15", Context())
    year = document_year(performance, Context(), "")
    assert year is not None and str(year.period) == "2014/15"
