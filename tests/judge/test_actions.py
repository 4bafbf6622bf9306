"""Actions tracked one by one: each action's status as published or worked out from its dates,
the counts by status, and the plan whose every action is overdue.

The actions are Bracknell Forest Council's, "Corporate performance on economic resilience",
quarter 3 2024 to 2025 (https://www.bracknell-forest.gov.uk/council-and-democracy/strategies-
plans-and-policies/service-planning-and-performance/council-plan-overview-report/corporate-
performance-our-strategic-themes/corporate-performance-economic-resilience): counts published as
Green 7, Amber 4, Red 0, Completed 3; among the actions, one at stage Complete, 100%, due 31
March 2025 (published Green); one In progress at 30%, due 31 March 2025, Amber; one In progress
at 75%, due 31 March 2025, Amber. The council year starts on 1 April 2024, the plan's date here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from actionplan.domain.actions import Action
from actionplan.domain.models import Settings
from actionplan.domain.statuses import ActionStatus
from actionplan.judge.actions import action_counts, check_actions, computed_status
from actionplan.judge.assessment import assess
from actionplan.judge.coverage import Coverage
from support.indicators import SETTINGS, indicator

PLAN_DATE = date(2024, 4, 1)
QUARTER_3_END = date(2024, 12, 31)  # 75% of the year to 31 March 2025 gone


def action(**fields: Any) -> Action:
    data = {"action": "An action", "due": "2025-03-31", **fields}
    return Action.model_validate(data, context={"fy_start": 4})


def status_at(as_of: date, tolerance: float = 10.0, **fields: Any) -> ActionStatus:
    return computed_status(action(**fields), PLAN_DATE, as_of, tolerance)[0]


def test_completed_at_100_percent() -> None:
    assert status_at(QUARTER_3_END, progress="100%", stage="In progress") is ActionStatus.COMPLETED


def test_completed_at_stage_complete() -> None:
    assert status_at(QUARTER_3_END, progress="95%", stage="Complete") is ActionStatus.COMPLETED


def test_red_when_due_date_passed_and_not_complete() -> None:
    assert status_at(date(2025, 4, 1), progress="98%") is ActionStatus.RED
    # On the due date itself it is not yet late.
    assert status_at(date(2025, 3, 31), progress="98%") is ActionStatus.GREEN


def test_completed_action_is_never_red_after_its_due_date() -> None:
    assert status_at(date(2025, 6, 1), progress="100%") is ActionStatus.COMPLETED


def test_amber_when_behind_the_share_of_time_gone_by_more_than_the_tolerance() -> None:
    # Bracknell's day opportunities review: 30% complete at quarter 3, published Amber.
    assert status_at(QUARTER_3_END, progress="30%") is ActionStatus.AMBER
    _, why = computed_status(action(progress="30%"), PLAN_DATE, QUARTER_3_END, 10.0)
    assert why == (
        "30% complete with 75% of the time from 1 April 2024 to 31 March 2025 gone: behind by "
        "more than 10%"
    )


def test_green_when_within_the_tolerance_of_the_schedule() -> None:
    # 275 of 364 days gone is 75.5%: 66% complete is 9.5 points behind, within 10%.
    assert status_at(QUARTER_3_END, progress="66%") is ActionStatus.GREEN
    assert status_at(QUARTER_3_END, progress="65%") is ActionStatus.AMBER


def test_action_tolerance_is_a_workspace_setting() -> None:
    assert Settings().action_tolerance == 10
    wide = Settings.model_validate({"action_tolerance": "50%"})
    assert status_at(QUARTER_3_END, wide.action_tolerance, progress="30%") is ActionStatus.GREEN
    with pytest.raises(ValidationError):
        Settings.model_validate({"action_tolerance": "150%"})


def test_published_status_is_kept_and_the_computed_one_said() -> None:
    # Bracknell's traded services: 75% at quarter 3, published Amber; the dates give GREEN.
    (check,) = check_actions(
        indicator(action_plan={"actions": [{"action": "Traded services", "due": "2025-03-31",
                                            "progress": "75%", "status": "Amber"}]}).action_plan
        or pytest.fail("no plan"),
        PLAN_DATE,
        QUARTER_3_END,
        10.0,
    )  # fmt: skip
    assert (check.status, check.computed, check.mismatch) == (
        ActionStatus.AMBER,
        ActionStatus.GREEN,
        True,
    )
    assert check.why.startswith("as published; the figures give GREEN")


def test_complete_action_counts_as_completed_whatever_colour_it_carried() -> None:
    # Bracknell's finished product, Complete at 100% and published Green, is among the 3
    # Completed ("otherwise it is marked as completed").
    plan = indicator(action_plan={"actions": [
        {"action": "Product", "due": "2025-03-31", "progress": "100%", "stage": "Complete",
         "status": "Green"}]}).action_plan  # fmt: skip
    assert plan is not None
    (check,) = check_actions(plan, PLAN_DATE, QUARTER_3_END, 10.0)
    assert check.status is ActionStatus.COMPLETED


def test_counts_by_status_as_a_council_publishes_them() -> None:
    published = ["Green"] * 7 + ["Amber"] * 4 + ["Completed"] * 3
    plan = indicator(
        action_plan={"actions": [{"action": f"Action {n}", "status": s}
                                 for n, s in enumerate(published)]}
    ).action_plan  # fmt: skip
    assert plan is not None
    counts = action_counts(check_actions(plan, PLAN_DATE, QUARTER_3_END, 10.0))
    assert [(s.value, n) for s, n in counts.items()] == [
        ("GREEN", 7),
        ("AMBER", 4),
        ("RED", 0),
        ("COMPLETED", 3),
    ]


def test_progress_is_kept_as_written_and_refused_beyond_100_percent() -> None:
    assert str(action(progress="30%").progress) == "30%"
    assert str(action(progress=30).progress) == "30%"
    with pytest.raises(ValidationError, match="0% to 100%"):
        action(progress="130%")


RED_PLAN = {
    "period": "2024/25 Q2",
    "non_compliance_reason": "Fewer referrals.",
    "what": "More clinics.",
    "how": "Evening sessions.",
    "who": "Public health team",
    "when": "as soon as the new contract allows",
    "updated": "2024-04-01",
}


def red_with_actions(*dues: str) -> Any:
    actions = [{"action": f"Action {n}", "due": due, "progress": "50%"} for n, due in
               enumerate(dues)]  # fmt: skip
    return indicator(
        target=50,
        measurements=[{"period": "2024/25 Q2", "value": 40}],
        action_plan={**RED_PLAN, "actions": actions},
    )


def test_plan_whose_every_action_is_overdue_is_overdue_even_when_when_is_words() -> None:
    ind = red_with_actions("2024-12-31", "2025-01-31")
    late = assess(ind, SETTINGS, date(2025, 2, 1)).plan
    assert late is not None and late.coverage is Coverage.OVERDUE
    assert "every action is past its due date (the last by 2025-01-31)" in late.detail
    # One action still in date: the plan's `when` in words cannot be checked.
    early = assess(ind, SETTINGS, date(2025, 1, 15)).plan
    assert early is not None and early.coverage is Coverage.OK and early.overdue_unknown


def test_plan_with_a_completed_action_is_not_overdue_on_its_actions() -> None:
    ind = red_with_actions("2024-12-31")
    plan = ind.action_plan
    assert plan is not None
    plan.actions[0].progress = Action.model_validate({"action": "x", "progress": "100%"}).progress
    check = assess(ind, SETTINGS, date(2025, 2, 1)).plan
    assert check is not None and check.coverage is Coverage.OK
