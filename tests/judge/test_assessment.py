"""The status rules at their edges, direction of travel, staleness and plan coverage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.values import Status
from actionplan.judge.assessment import assess
from actionplan.judge.coverage import Coverage
from actionplan.judge.travel import Travel
from support.checked import check_data

SETTINGS = Settings()
LATER = date(2030, 1, 1)


def indicator(**fields: Any) -> Indicator:
    data: dict[str, Any] = {"title": "Test indicator", "direction": "higher", **fields}
    return Indicator.model_validate(data, context={"default_id": "test", "fy_start": 4})


def status_of(value: object, target: object, *, as_of: date = LATER, **fields: Any) -> Status:
    ind = indicator(target=target, measurements=[{"period": "2014-04", "value": value}], **fields)
    return assess(ind, SETTINGS, as_of).status


# Status against target and tolerance -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(100, Status.GREEN), (100.01, Status.GREEN), (99.99, Status.RED), (0, Status.RED)],
)
def test_no_tolerance_equal_to_target_is_green(value: float, expected: Status) -> None:
    assert status_of(value, 100) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(100, Status.GREEN), (95, Status.AMBER), (94.99, Status.RED), (97, Status.AMBER)],
)
def test_relative_tolerance_edge_is_amber(value: float, expected: Status) -> None:
    assert status_of(value, 100, tolerance="5%") is expected


def test_relative_tolerance_edge_with_awkward_decimals() -> None:
    # 993 - 5% of 993 = 943.35 exactly: binary floating point would land either side of it.
    assert status_of(943.35, 993, tolerance="5%") is Status.AMBER
    assert status_of(943.34, 993, tolerance="5%") is Status.RED


@pytest.mark.parametrize(
    ("value", "expected"),
    [(10, Status.GREEN), (9.5, Status.AMBER), (9.49, Status.RED)],
)
def test_absolute_tolerance(value: float, expected: Status) -> None:
    assert status_of(value, 10, tolerance=0.5) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (20, Status.GREEN),
        (15, Status.GREEN),
        (21, Status.AMBER),
        (22, Status.AMBER),
        (22.01, Status.RED),
    ],
)
def test_lower_is_better_is_mirrored(value: float, expected: Status) -> None:
    assert status_of(value, 20, direction="lower", tolerance="10%") is expected


def test_relative_tolerance_of_a_negative_target_uses_its_size() -> None:
    # A net change target of -100: 5% of |T| is 5, so -105 is the amber edge.
    assert status_of(-105, -100, tolerance="5%") is Status.AMBER
    assert status_of(-106, -100, tolerance="5%") is Status.RED


def test_workspace_default_tolerance_applies_when_the_indicator_sets_none() -> None:
    ind = indicator(target=100, measurements=[{"period": "2014-04", "value": 96}])
    assert assess(ind, Settings.model_validate({"tolerance": "5%"}), LATER).status is Status.AMBER
    assert assess(ind, SETTINGS, LATER).status is Status.RED


def test_written_values_are_normalised() -> None:
    assert status_of("19,625", "19,000") is Status.GREEN
    assert status_of("53.6%", "55%") is Status.RED


@pytest.mark.parametrize("missing", ["NA", None, "n/a", ""])
def test_missing_value_is_no_data(missing: object) -> None:
    assert status_of(missing, 100) is Status.NO_DATA


def test_no_target_is_no_target_and_never_needs_a_plan() -> None:
    ind = Indicator.model_validate(
        {"title": "Narrative", "measurements": [{"period": "2014-04", "value": 3}]},
        context={"default_id": "narrative"},
    )
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.NO_TARGET
    assert result.plan is None and not result.needs_plan


def test_no_measurement_is_no_data() -> None:
    result = assess(indicator(target=5), SETTINGS, LATER)
    assert result.status is Status.NO_DATA and not result.needs_plan


# Which target applies ------------------------------------------------------------------------


def test_profile_point_beats_the_annual_target() -> None:
    ind = indicator(
        target={"2014/15": 1900, "2014-04": 993},
        measurements=[{"period": "2014-04", "value": 617}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None
    assert reading.target == Decimal(993) and str(reading.target_period) == "2014-04"


def test_annual_target_applies_when_no_profile_point_holds_the_period() -> None:
    ind = indicator(
        target={"2014/15": 50, "2015/16": 60},
        measurements=[{"period": "2015-05", "value": 55}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.target == Decimal(60)
    assert reading.computed is Status.RED


def test_period_outside_every_target_has_no_target() -> None:
    ind = indicator(target={"2014/15": 50}, measurements=[{"period": "2016-05", "value": 55}])
    assert assess(ind, SETTINGS, LATER).status is Status.NO_TARGET


def test_cumulative_pro_rates_an_annual_target_by_elapsed_months() -> None:
    ind = indicator(
        cumulative=True,
        target={"2014/15": 1200},
        measurements=[{"period": "2014-06", "value": 300}],  # 3 of 12 months: target 300
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None
    assert reading.prorated and reading.target == Decimal(300)
    assert reading.computed is Status.GREEN


def test_cumulative_single_number_is_pro_rated_over_the_financial_year() -> None:
    ind = indicator(
        cumulative=True, target=1200, measurements=[{"period": "2014-05", "value": 199}]
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.target == Decimal(200)
    assert reading.computed is Status.RED


def test_cumulative_profile_point_is_not_pro_rated() -> None:
    ind = indicator(
        cumulative=True,
        target={"2014/15": 1900, "2014-04": 993},
        measurements=[{"period": "2014-04", "value": 993}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and not reading.prorated and reading.computed is Status.GREEN


def test_non_cumulative_annual_target_is_not_pro_rated() -> None:
    ind = indicator(target={"2014/15": 80}, measurements=[{"period": "2014-06", "value": 79}])
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.target == Decimal(80) and not reading.prorated


# What is known at the date ---------------------------------------------------------------------


def test_as_of_uses_only_what_was_reported_by_then() -> None:
    ind = indicator(
        target=10,
        measurements=[
            {"period": "2014-04", "value": 12},
            {"period": "2014-05", "value": 5, "reported": "2014-07-15"},
        ],
    )
    assert assess(ind, SETTINGS, date(2014, 7, 14)).status is Status.GREEN
    assert assess(ind, SETTINGS, date(2014, 7, 15)).status is Status.RED


def test_without_reported_date_a_figure_is_known_at_the_end_of_its_period() -> None:
    ind = indicator(target=10, measurements=[{"period": "2014-04", "value": 5}])
    assert assess(ind, SETTINGS, date(2014, 4, 29)).status is Status.NO_DATA
    assert assess(ind, SETTINGS, date(2014, 4, 30)).status is Status.RED


def test_forecast_outturn_raises_red_and_is_marked() -> None:
    ind = indicator(
        target={"2014/15": 100},
        measurements=[
            {"period": "2014-06", "value": 110},
            {"period": "2014/15", "value": 80, "forecast": True, "reported": "2014-07-10"},
        ],
    )
    result = assess(ind, SETTINGS, date(2014, 7, 31))
    assert result.status is Status.RED
    assert result.reading is not None and result.reading.measurement.forecast


def test_actual_beats_forecast_for_the_same_period() -> None:
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014/15", "value": 80, "forecast": True, "reported": "2014-07-10"},
            {"period": "2014/15", "value": 120},
        ],
    )
    result = assess(ind, SETTINGS, LATER)
    assert result.reading is not None and not result.reading.measurement.forecast
    assert result.status is Status.GREEN


# Published status ------------------------------------------------------------------------------


def test_published_status_is_kept_and_a_mismatch_reported() -> None:
    ind = indicator(
        target=100, measurements=[{"period": "2014-04", "value": 90, "status": "green"}]
    )
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.GREEN
    assert result.reading is not None and result.reading.computed is Status.RED
    assert result.reading.mismatch


def test_matching_published_status_is_no_mismatch() -> None:
    ind = indicator(target=100, measurements=[{"period": "2014-04", "value": 90, "status": "R"}])
    result = assess(ind, SETTINGS, LATER)
    assert result.reading is not None and not result.reading.mismatch


# Direction of travel ----------------------------------------------------------------------------


def series(values: dict[str, float], **fields: Any) -> Indicator:
    return indicator(
        target=100, measurements=[{"period": p, "value": v} for p, v in values.items()], **fields
    )


def test_short_and_long_term_travel_higher_is_better() -> None:
    ind = series({"2013-05": 90, "2014-04": 95, "2014-05": 80})
    result = assess(ind, SETTINGS, LATER)
    assert result.short_term is Travel.WORSENING  # 80 after 95
    assert result.long_term is Travel.WORSENING  # 80 after 90 a year earlier


def test_travel_lower_is_better() -> None:
    ind = series({"2013-05": 90, "2014-04": 95, "2014-05": 80}, direction="lower")
    result = assess(ind, SETTINGS, LATER)
    assert result.short_term is Travel.IMPROVING and result.long_term is Travel.IMPROVING


def test_no_change_and_no_comparison() -> None:
    result = assess(series({"2014-04": 95, "2014-05": 95}), SETTINGS, LATER)
    assert result.short_term is Travel.NO_CHANGE and result.long_term is None


def test_short_term_compares_periods_of_the_same_length() -> None:
    result = assess(series({"2014/15": 50, "2015-04": 60}), SETTINGS, LATER)
    assert result.short_term is None


def test_cumulative_has_no_short_term_travel() -> None:
    ind = series({"2014-04": 10, "2014-05": 20}, cumulative=True)
    assert assess(ind, SETTINGS, LATER).short_term is None


# Staleness --------------------------------------------------------------------------------------


def test_monthly_data_is_stale_two_months_after_it_became_known() -> None:
    ind = series({"2014-04": 95}, frequency="monthly")
    assert not assess(ind, SETTINGS, date(2014, 6, 30)).stale
    assert assess(ind, SETTINGS, date(2014, 7, 1)).stale


def test_reported_date_starts_the_clock() -> None:
    ind = indicator(
        target=10,
        frequency="annual",
        measurements=[{"period": "2013-01..2013-12", "value": 7.37, "reported": "2014-07"}],
    )
    assert not assess(ind, SETTINGS, date(2016, 7, 31)).stale
    assert assess(ind, SETTINGS, date(2016, 8, 1)).stale


def test_without_frequency_nothing_is_stale() -> None:
    assert not assess(series({"2014-04": 95}), SETTINGS, LATER).stale


def test_travel_from_nothing_is_read_against_zero() -> None:
    # No incidents last month (0), one this month: worse when lower is better, and the same
    # against a year earlier.
    ind = series({"2013-05": 0, "2014-04": 0, "2014-05": 1}, direction="lower")
    result = assess(ind, SETTINGS, LATER)
    assert result.short_term is Travel.WORSENING and result.long_term is Travel.WORSENING


def test_a_cumulative_count_is_pro_rated_by_days_for_a_period_that_is_not_whole_months() -> None:
    # 365 a year from April 2014: ten days in, the year-to-date target is exactly 10.
    ind = indicator(
        cumulative=True,
        unit="count",
        target={"2014/15": 365},
        measurements=[{"period": "2014-04-10", "value": 10}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.prorated and reading.target == Decimal(10)
    short = ind.model_copy(
        update={"measurements": [ind.measurements[0].model_copy(update={"value": 9.99})]}
    )
    assert assess(short, SETTINGS, LATER).status is Status.RED


def test_a_forecast_beside_an_actual_keeps_the_actual_and_when_it_went_stale() -> None:
    ind = indicator(
        target=100,
        frequency="monthly",
        measurements=[
            {"period": "2014-04", "value": 90},
            {"period": "2015-03", "value": 120, "forecast": True, "reported": "2014-05-31"},
        ],
    )
    result = assess(ind, SETTINGS, date(2014, 9, 1))
    assert result.reading is not None and result.reading.measurement.forecast
    assert result.actual is not None and result.actual.measurement.value == 90
    # April's figure, known on 30 April, is out of date two months on.
    assert result.stale and result.stale_since == date(2014, 6, 30)


# Plan coverage ----------------------------------------------------------------------------------

COMPLETE = {
    "non_compliance_reason": "Attendance fell.",
    "what": "More quit dates.",
    "how": "Targeted work with GP practices.",
    "who": "Public Health",
}


def red(plan: dict[str, Any] | None, *, values: dict[str, float] | None = None) -> Indicator:
    values = values or {"2014-04": 50}
    return indicator(
        target=100,
        measurements=[{"period": p, "value": v} for p, v in values.items()],
        action_plan=plan,
    )


def coverage(ind: Indicator, as_of: date = date(2014, 7, 31)) -> Coverage | None:
    plan = assess(ind, SETTINGS, as_of).plan
    return plan.coverage if plan else None


def test_missing_plan() -> None:
    assert coverage(red(None)) is Coverage.MISSING


def test_complete_current_plan_is_ok() -> None:
    ind = red({"period": "2014-04", **COMPLETE, "when": "Quarter 3"})
    assert coverage(ind) is Coverage.OK
    assert not assess(ind, SETTINGS, date(2014, 7, 31)).needs_plan


@pytest.mark.parametrize("empty", ["what", "how", "who", "when", "non_compliance_reason"])
def test_each_empty_section_makes_the_plan_incomplete(empty: str) -> None:
    sections = {**COMPLETE, "when": "Quarter 3", empty: "  "}
    plan = assess(red({"period": "2014-04", **sections}), SETTINGS, date(2014, 7, 31)).plan
    assert plan is not None and plan.coverage is Coverage.INCOMPLETE and empty in plan.detail


def test_plan_for_an_earlier_red_episode_is_stale() -> None:
    values = {"2014-04": 50, "2014-05": 120, "2014-06": 50}  # RED, GREEN, RED again
    ind = red({"period": "2014-04", **COMPLETE, "when": "Quarter 3"}, values=values)
    assert coverage(ind) is Coverage.STALE


def test_plan_from_the_start_of_a_continuing_red_run_is_current() -> None:
    values = {"2014-04": 50, "2014-05": 60, "2014-06": 50}  # RED throughout
    ind = red({"period": "2014-04", **COMPLETE, "when": "Quarter 3"}, values=values)
    assert coverage(ind) is Coverage.OK


def test_overdue_when_the_due_period_has_passed_and_still_red() -> None:
    ind = red({"period": "2014-04", **COMPLETE, "when": "Quarter 3"})
    assert coverage(ind, date(2014, 12, 31)) is Coverage.OK
    assert coverage(ind, date(2015, 1, 1)) is Coverage.OVERDUE


def test_words_in_when_are_kept_and_reported_as_not_checkable() -> None:
    ind = red({"period": "2014-04", **COMPLETE, "when": "When the new contract starts"})
    plan = assess(ind, SETTINGS, LATER).plan
    assert plan is not None and plan.coverage is Coverage.OK and plan.overdue_unknown


def test_a_plan_for_a_measure_no_longer_red_needs_nothing() -> None:
    ind = red(
        {"period": "2014-04", **COMPLETE, "when": "Q3"}, values={"2014-04": 50, "2014-05": 100}
    )
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.GREEN and result.plan is None


def _plan(ind: Indicator, as_of: date = date(2014, 7, 31), settings: Settings = SETTINGS) -> Any:
    plan = assess(ind, settings, as_of).plan
    assert plan is not None
    return plan


def test_each_coverage_tells_the_lead_what_to_do() -> None:
    # The detail is printed beside the file by `check`: it must name what is wrong and the fix.
    assert _plan(red(None)).detail == "no action_plan: add one for this RED measure"
    again = {"2014-04": 50, "2014-05": 120, "2014-06": 50}
    stale = red({"period": "2014-04", **COMPLETE, "when": "Quarter 3"}, values=again)
    assert _plan(stale).detail == (
        "the plan answers 2014-04, before this RED run began (2014-06): "
        "update it for the current period"
    )
    two_empty = red({"period": "2014-04", **COMPLETE, "what": "", "how": " ", "when": "Q3"})
    assert _plan(two_empty).detail == "empty: what, how"
    words = red({"period": "2014-04", **COMPLETE, "when": "When the contract starts"})
    assert _plan(words).detail == "cannot check overdue: `when` is not a date or period"
    assert _plan(words).due is None


def test_a_plan_in_date_and_overdue_carry_the_due_date() -> None:
    ind = red({"period": "2014-04", **COMPLETE, "when": "Quarter 3"})
    ok, overdue = _plan(ind), _plan(ind, date(2015, 1, 1))
    assert (ok.coverage, ok.detail, ok.due.end) == (
        Coverage.OK,
        "results due by 2014-12-31",
        date(2014, 12, 31),
    )
    assert (overdue.coverage, overdue.due.end) == (Coverage.OVERDUE, date(2014, 12, 31))
    assert overdue.detail == (
        "results were due by 2014-12-31 (Quarter 3) and the measure is still RED"
    )


def test_a_plan_ending_the_day_the_red_run_begins_is_current() -> None:
    # The run of RED months begins on 1 June; a plan answering that very day is not stale.
    values = {"2014-05": 120, "2014-06": 50}
    ind = red({"period": "2014-06-01", **COMPLETE, "when": "Quarter 3"}, values=values)
    assert coverage(ind) is Coverage.OK
    earlier = red({"period": "2014-05-31", **COMPLETE, "when": "Quarter 3"}, values=values)
    assert coverage(earlier) is Coverage.STALE


def test_a_plan_for_a_quarter_reaching_into_the_red_run_is_current() -> None:
    # RED from May; a plan answering the first quarter (April to June) answers this run, though
    # the quarter began before it: staleness is judged by the end of the plan's period.
    values = {"2014-04": 120, "2014-05": 50, "2014-06": 50}
    ind = red({"period": "2014/15 Q1", **COMPLETE, "when": "Quarter 3"}, values=values)
    assert coverage(ind) is Coverage.OK


def test_quarter_in_when_follows_the_workspace_financial_year() -> None:
    # With a financial year starting in January, "Quarter 1" after an April figure is the next
    # January to March, not April to June.
    ind = red({"period": "2014-04", **COMPLETE, "when": "Quarter 1"})
    january = Settings(financial_year_start=1)
    assert _plan(ind, settings=january).due.end == date(2015, 3, 31)
    assert _plan(ind).due.end == date(2014, 6, 30)


def test_a_missing_figure_keeps_its_target_for_the_table() -> None:
    # NO DATA still shows what the target was, and that it was not pro-rated.
    ind = indicator(target={"2014/15": 100}, measurements=[{"period": "2014-04", "value": "NA"}])
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.status is Status.NO_DATA
    assert (reading.target, str(reading.target_period), reading.prorated) == (
        Decimal(100),
        "2014/15",
        False,
    )


def test_a_plan_that_does_not_state_its_period_is_incomplete_and_says_so() -> None:
    ind = red({**COMPLETE, "when": "Quarter 3"})
    plan = assess(ind, SETTINGS, date(2014, 7, 31)).plan
    assert plan is not None and plan.coverage is Coverage.INCOMPLETE
    assert plan.detail.startswith("the period this plan answers is not stated")


def test_without_figures_a_plan_without_its_period_still_asks_for_it() -> None:
    # An imported plan whose document gave neither a usable figure nor a period.
    ind = indicator(action_plan={**COMPLETE, "when": "Quarter 3"})
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.NO_DATA
    assert result.plan is not None and result.plan.coverage is Coverage.INCOMPLETE
    assert result.needs_plan


def test_a_plan_without_its_period_on_a_recovered_measure_is_not_needed() -> None:
    ind = red({**COMPLETE, "when": "Q3"}, values={"2014-04": 50, "2014-05": 100})
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.GREEN and result.plan is None


# The check as a whole ---------------------------------------------------------------------------


def test_check_orders_red_first_and_sets_the_exit_code(tmp_path: Path) -> None:
    green = {"id": "b-green", "target": 1, "measurements": [{"period": "2014-04", "value": 2}]}
    missing = {"id": "a-red", "target": 5, "measurements": [{"period": "2014-04", "value": 2}]}
    result = check_data(tmp_path / "both", {"g.yaml": green, "r.yaml": missing}, LATER, None)
    assert [r.id for r in result.rows] == ["a-red", "b-green"]
    assert result.exit_code == 1
    assert check_data(tmp_path / "green", {"g.yaml": green}, LATER, None).exit_code == 0
