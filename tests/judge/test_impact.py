"""Whether an action plan is working: the figures after the plan's date judged on SPC limits
frozen on the points before it.

The series is real: Office for National Statistics, weekly deaths registered in England and
Wales, 2010, all ages (as kept in nhs-r-community/NHSRdatasets,
`tests/support/published_series.py`), read as an indicator where lower is better against a
target of 9,000 a week, with a plan
written on the day a week's figure ended.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.domain.models import Indicator
from actionplan.judge.impact import PlanImpact, plan_impact
from actionplan.judge.trend import series
from support.indicators import SETTINGS, indicator
from support.published_series import ONS_DEATHS_2010, ONS_WEEKS

AS_OF = date(2011, 1, 1)


def deaths(
    first: int, last: int, plan_week: int, when: str = "2010-09-30", **extra: Any
) -> Indicator:
    """Weeks `first`..`last` (counted from 1) of the ONS series, with a plan written at the end
    of week `plan_week`."""
    week = ONS_WEEKS[plan_week - 1]
    plan = {"period": week, "updated": week, "when": when, "non_compliance_reason": "Winter.",
            "what": "Flu vaccination.", "how": "Clinics.", "who": "Public health"}  # fmt: skip
    measurements = [
        {"period": p, "value": v}
        for p, v in zip(ONS_WEEKS[first - 1 : last], ONS_DEATHS_2010[first - 1 : last], strict=True)
    ]
    return indicator(direction="lower", unit="count", target=9000, measurements=measurements,
                     action_plan=plan, **extra)  # fmt: skip


def impact_of(found: Indicator, as_of: date = AS_OF) -> PlanImpact:
    result = plan_impact(found, SETTINGS, as_of, series(found, SETTINGS, as_of))
    assert result is not None
    return result


def test_a_step_improvement_after_the_plan_reads_improving() -> None:
    """Weeks 1-12 (12,968 falling to 9,631) set the limits, 9,808 to 11,608 about a mean of
    10,708; the eight weeks after the plan (8,004 to 9,892) are below the lower limit."""
    found = impact_of(deaths(1, 20, plan_week=12))

    assert found.verdict == "improving"
    assert (found.before, found.after, found.since) == (12, 8, "2010-04-02")
    assert (found.mean, found.lower_limit, found.upper_limit) == (
        10708.166666666666, 9807.877575757575, 11608.455757575757
    )  # fmt: skip
    assert found.statuses == (("RED", 6), ("GREEN", 2))


def test_a_flat_series_after_the_plan_reads_no_change_yet() -> None:
    """Weeks 21-33 of the summer set limits of 7,634 to 9,439; the 7 weeks after (7,708 to
    9,195) stay within them with no run: common cause."""
    found = impact_of(deaths(22, 40, plan_week=33))

    assert found.verdict == "no change yet"
    assert (found.before, found.after, found.since) == (12, 7, None)
    assert found.statuses == (("RED", 1), ("GREEN", 6))


def test_a_run_above_the_frozen_mean_reads_worsening() -> None:
    """The autumn's rise (weeks 36-48, every one above the summer's mean of 8,537) is a shift
    against the limits frozen before the plan: the limits do not widen to take it in."""
    found = impact_of(deaths(22, 48, plan_week=33))

    assert found.verdict == "worsening"
    assert found.since == "2010-09-10"
    assert found.mean == 8536.583333333334


def test_fewer_points_after_the_plan_than_a_run_reads_too_early() -> None:
    found = impact_of(deaths(1, 15, plan_week=12))

    assert found.verdict == "too early"
    assert (found.after, found.needed, found.rules) == (3, 7, "nhsrplotthedots")
    assert found.mean is None


def test_too_early_counts_the_run_length_of_the_rule_set() -> None:
    """With runs of 6 (the Making Data Count tool's other choice), 6 points after are enough."""
    six = {"rules": "mdc", "points": 6}
    assert impact_of(deaths(1, 17, plan_week=12, spc=six)).verdict == "too early"
    found = impact_of(deaths(1, 18, plan_week=12, spc=six))
    assert (found.verdict, found.needed, found.rules) == ("improving", 6, "mdc")


def test_fewer_than_12_points_before_the_plan_say_so() -> None:
    found = impact_of(deaths(1, 20, plan_week=8))

    assert (found.verdict, found.before, found.after) == ("too few before", 8, 12)
    assert found.statuses == (("RED", 10), ("GREEN", 2))


def test_a_recalculation_before_the_plan_starts_its_baseline() -> None:
    """Limits restarted at week 5 leave 8 points before a plan of week 12: too few."""
    found = impact_of(deaths(1, 20, plan_week=12, spc={"recalculate_from": [ONS_WEEKS[4]]}))
    assert (found.verdict, found.before) == ("too few before", 8)


def test_limits_frozen_on_the_indicator_do_not_change_the_plans_baseline() -> None:
    frozen = {"fix_after": 14}
    assert impact_of(deaths(1, 20, plan_week=12, spc=frozen)).mean == 10708.166666666666


def test_a_plan_is_flagged_when_results_were_due_and_nothing_changed() -> None:
    due_passed = impact_of(deaths(22, 40, plan_week=33, when="2010-09-30"))
    not_yet = impact_of(deaths(22, 40, plan_week=33, when="2011-03-31"))
    improving = impact_of(deaths(1, 20, plan_week=12, when="2010-04-30"))

    assert (due_passed.due_passed, due_passed.flagged) == (True, True)
    assert (not_yet.due_passed, not_yet.flagged) == (False, False)
    assert (improving.due_passed, improving.flagged) == (True, False)


def test_a_worsening_plan_is_flagged_once_due() -> None:
    assert impact_of(deaths(22, 48, plan_week=33)).flagged


def test_a_when_in_words_is_never_flagged() -> None:
    found = impact_of(deaths(22, 40, plan_week=33, when="When the new service starts"))
    assert (found.due, found.due_passed, found.flagged) == (None, False, False)


def test_a_plan_without_updated_is_dated_by_the_figure_it_answers() -> None:
    found = deaths(1, 20, plan_week=12)
    assert found.action_plan is not None
    undated = found.model_copy(
        update={"action_plan": found.action_plan.model_copy(update={"updated": None})}
    )
    assert impact_of(undated).written == date(2010, 3, 26)


def test_no_plan_no_impact() -> None:
    found = indicator(
        direction="lower", target=9000, measurements=[{"period": "2014-04", "value": 1}]
    )
    assert plan_impact(found, SETTINGS, AS_OF, series(found, SETTINGS, AS_OF)) is None
