"""Plan coverage for a RED measure: MISSING, STALE, INCOMPLETE, OVERDUE or OK, with plans judged
from the day they were written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from actionplan.domain.models import ActionPlan, Indicator, Measurement, Settings
from actionplan.domain.periods import Period, parse_when
from actionplan.domain.values import Status
from actionplan.judge.actions import every_action_overdue
from actionplan.judge.status import read
from actionplan.judge.travel import known_on


class Coverage(StrEnum):
    MISSING = "MISSING"
    STALE = "STALE"
    INCOMPLETE = "INCOMPLETE"
    OVERDUE = "OVERDUE"
    OK = "OK"


UNSTATED_PERIOD = (
    "the period this plan answers is not stated: set `action_plan.period` to the RED period "
    "it answers"
)


@dataclass(frozen=True)
class PlanCheck:
    coverage: Coverage
    detail: str
    due: Period | None = None
    overdue_unknown: bool = False  # `when` is words: results cannot be checked for lateness


def plan_check(
    indicator: Indicator,
    known: list[Measurement],
    settings: Settings,
    as_of: date,
    *,
    episode_start: Period | None = None,
) -> PlanCheck:
    """`episode_start`: the first period of the run the plan must answer (by default the run
    of RED measurements that ends with the latest one)."""
    plan = indicator.action_plan
    if plan is None:
        return PlanCheck(Coverage.MISSING, "no action_plan: add one for this RED measure")
    if plan.period is None:
        return PlanCheck(Coverage.INCOMPLETE, UNSTATED_PERIOD)
    if episode_start is None:
        episode_start = _red_episode_start(indicator, known, settings)
    if plan.period.end < episode_start.start:
        return PlanCheck(
            Coverage.STALE,
            f"the plan answers {plan.period}, before this RED run began ({episode_start}): "
            "update it for the current period",
        )
    empty = plan.empty_sections()
    if empty:
        return PlanCheck(Coverage.INCOMPLETE, f"empty: {', '.join(empty)}")
    due = parse_when(plan.when or "", plan_written(plan, indicator), settings.financial_year_start)
    if (due is None or as_of <= due.end) and every_action_overdue(plan, as_of):
        # The actions' own dates tell what `when` in words (or a later `when`) cannot.
        latest = max(a.due.end for a in plan.actions if a.due is not None)
        return PlanCheck(
            Coverage.OVERDUE,
            f"every action is past its due date (the last by {latest}) and the measure is "
            "still RED",
            due,
        )
    if due is None:
        return PlanCheck(
            Coverage.OK,
            "cannot check overdue: `when` is not a date or period",
            overdue_unknown=True,
        )
    if as_of > due.end:
        return PlanCheck(
            Coverage.OVERDUE,
            f"results were due by {due.end} ({plan.when}) and the measure is still RED",
            due,
        )
    return PlanCheck(Coverage.OK, f"results due by {due.end}", due)


def unstated_period(indicator: Indicator, status: Status) -> PlanCheck | None:
    """The check of a plan on a measure that is not RED: none is needed, unless the plan does
    not say which period it answers and no figure shows the measure has recovered (an imported
    plan whose document left its period out), so a person is asked for exactly that."""
    plan = indicator.action_plan
    if plan is None or plan.period is not None or status not in _UNJUDGED:
        return None
    return PlanCheck(Coverage.INCOMPLETE, UNSTATED_PERIOD)


_UNJUDGED = (Status.NO_DATA, Status.NO_TARGET)


def plan_written(plan: ActionPlan, indicator: Indicator) -> date:
    """When a plan was written, as far as the file tells: its `updated` date, else the day the
    RED figure it answers became known, else the end of the period it answers."""
    if plan.updated is not None:
        return plan.updated
    if plan.period is None:  # nothing tells: never counted as written after any date
        return date.min
    answered = [m for m in indicator.measurements if m.period == plan.period]
    return min((known_on(m) for m in answered), default=plan.period.end)


def _red_episode_start(
    indicator: Indicator, known: list[Measurement], settings: Settings
) -> Period:
    """The first period of the run of RED measurements that ends with the latest one."""
    start = known[-1].period
    for measurement in reversed(known):
        if read(indicator, measurement, settings).status is not Status.RED:
            break
        start = measurement.period
    return start
