"""Plan coverage rules: when a plan is written, when it is due, and the plan that does not say
which period it answers."""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.domain.values import Status
from actionplan.judge.assessment import assess
from actionplan.judge.coverage import UNSTATED_PERIOD, Coverage
from support.indicators import SETTINGS, indicator

FILLED = {
    "non_compliance_reason": "Fewer referrals.",
    "what": "More clinics.",
    "how": "Evening sessions.",
    "who": "Public health team",
}


def plan(**fields: Any) -> dict[str, Any]:
    return {**FILLED, **fields}


def test_unstated_plan_period_on_a_measure_without_a_target_asks_for_it() -> None:
    ind = indicator(
        direction=None,
        measurements=[{"period": "2014-04", "value": 5}],
        action_plan=plan(when="Quarter 3"),
    )
    assessment = assess(ind, SETTINGS, date(2014, 6, 1))
    assert assessment.status is Status.NO_TARGET
    assert assessment.plan is not None
    assert (assessment.plan.coverage, assessment.plan.detail) == (
        Coverage.INCOMPLETE,
        UNSTATED_PERIOD,
    )
    assert assessment.needs_plan


def test_unstated_plan_period_on_a_measure_without_a_figure_asks_for_it() -> None:
    ind = indicator(
        target=10,
        measurements=[{"period": "2014-04", "value": "NA"}],
        action_plan=plan(when="Quarter 3"),
    )
    assessment = assess(ind, SETTINGS, date(2014, 6, 1))
    assert assessment.plan is not None and assessment.plan.coverage is Coverage.INCOMPLETE


def test_unstated_plan_period_on_a_green_measure_needs_nothing() -> None:
    ind = indicator(
        target=10,
        measurements=[{"period": "2014-04", "value": 12}],
        action_plan=plan(when="Quarter 3"),
    )
    assert assess(ind, SETTINGS, date(2014, 6, 1)).plan is None


def test_a_plan_period_holding_two_figures_was_written_when_the_first_became_known() -> None:
    # The 2014/15 forecast (known from 1 April 2014) raised RED, and the actual outturn,
    # reported in May 2015, kept it there. A plan for 2014/15 due "Quarter 3" was written when
    # the forecast became known, so its Quarter 3 is that of 2014/15, long past.
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014/15", "value": 80, "forecast": True},
            {"period": "2014/15", "value": 85, "reported": "2015-05-15"},
        ],
        action_plan=plan(period="2014/15", when="Quarter 3"),
    )
    assessment = assess(ind, SETTINGS, date(2015, 6, 1))
    assert assessment.status is Status.RED
    assert assessment.plan is not None and assessment.plan.due is not None
    assert assessment.plan.due.end == date(2014, 12, 31)
    assert assessment.plan.coverage is Coverage.OVERDUE


def test_a_plan_is_overdue_only_from_the_day_after_it_is_due() -> None:
    ind = indicator(
        target=100,
        measurements=[{"period": "2014-04", "value": 80}],
        action_plan=plan(period="2014-04", when="2014-09-30"),
    )
    on_the_day = assess(ind, SETTINGS, date(2014, 9, 30)).plan
    day_after = assess(ind, SETTINGS, date(2014, 10, 1)).plan
    assert on_the_day is not None and on_the_day.coverage is Coverage.OK
    assert day_after is not None and day_after.coverage is Coverage.OVERDUE


def test_a_plan_for_an_earlier_red_run_is_stale() -> None:
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014-04", "value": 80},
            {"period": "2014-05", "value": 120},
            {"period": "2014-06", "value": 80},
        ],
        action_plan=plan(period="2014-04", when="Quarter 4"),
    )
    result = assess(ind, SETTINGS, date(2014, 8, 1)).plan
    assert result is not None and result.coverage is Coverage.STALE


def test_a_published_red_run_is_one_episode_even_where_the_figures_say_green() -> None:
    # May was published RED although its figure meets the target: the run the plan answers is
    # the one the committee saw, April to June.
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014-04", "value": 80},
            {"period": "2014-05", "value": 120, "status": "RED"},
            {"period": "2014-06", "value": 80},
        ],
        action_plan=plan(period="2014-04", when="Quarter 4"),
    )
    result = assess(ind, SETTINGS, date(2014, 8, 1)).plan
    assert result is not None and result.coverage is Coverage.OK


def test_a_plan_answering_the_whole_year_of_the_red_run_is_current() -> None:
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014-04", "value": 120},
            {"period": "2014-05", "value": 80},
        ],
        action_plan=plan(period="2014/15", when="Quarter 4"),
    )
    result = assess(ind, SETTINGS, date(2014, 7, 1)).plan
    assert result is not None and result.coverage is Coverage.OK


def test_a_section_of_only_spaces_is_empty() -> None:
    ind = indicator(
        target=100,
        measurements=[{"period": "2014-04", "value": 80}],
        action_plan=plan(period="2014-04", when="Quarter 3", how="   "),
    )
    result = assess(ind, SETTINGS, date(2014, 6, 1)).plan
    assert result is not None
    assert (result.coverage, result.detail) == (Coverage.INCOMPLETE, "empty: how")


def test_a_plan_without_when_is_incomplete() -> None:
    ind = indicator(
        target=100,
        measurements=[{"period": "2014-04", "value": 80}],
        action_plan=plan(period="2014-04"),
    )
    result = assess(ind, SETTINGS, date(2014, 6, 1)).plan
    assert result is not None
    assert (result.coverage, result.detail) == (Coverage.INCOMPLETE, "empty: when")
