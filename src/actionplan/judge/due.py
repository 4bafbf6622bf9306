"""What an indicator's lead owes by a date (the next committee): figures for the periods that
will be due by then, the action plan a RED measure needs, a word on a plan the figures show is
not working, and each action's owner their actions overdue, due or behind. Pure: models in,
items out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.periods import Period, parse_period, shift_months
from actionplan.domain.statuses import ActionStatus, Status
from actionplan.domain.steps import next_period
from actionplan.domain.words import plural
from actionplan.judge.assessment import Assessment
from actionplan.judge.coverage import Coverage
from actionplan.judge.impact import FLAGGED, PlanImpact
from actionplan.judge.travel import FREQUENCY_MONTHS

PERIODS_NAMED = 3  # periods owed named one by one; more are given as a range and a count


@dataclass(frozen=True)
class Owed:
    """One thing a lead owes: `kind` is "figures", "plan" or "action"; `due` the day it was or
    will be due (None where no day can be given); `owner` the person it falls to where that is
    not the indicator's lead (an action's owner)."""

    kind: str
    text: str
    due: date | None
    owner: str | None = None


def reporting_lag(indicator: Indicator) -> timedelta | None:
    """The usual days from a period's end to its figure being reported, learnt from the
    file's `reported` dates (their median); None where no figure says when it was reported."""
    lags = [
        (m.reported - m.period.end).days
        for m in indicator.measurements
        if m.reported is not None and not m.forecast and m.reported >= m.period.end
    ]
    return timedelta(days=int(median(lags))) if lags else None


def figures_owed(indicator: Indicator, settings: Settings, as_of: date, by: date) -> Owed | None:
    """The figures not yet recorded for periods after the latest one that will be due by `by`.
    A period's figure is due its usual reporting lag after it ends (without `reported` dates to
    learn it from, one interval of the indicator's frequency, as staleness allows)."""
    months = FREQUENCY_MONTHS.get(indicator.frequency or "")
    if months is None:
        return None
    actuals = [m for m in indicator.measurements if not m.forecast and m.value is not None]
    if not actuals:
        return Owed("figures", "no figures recorded yet: record the latest", as_of)
    latest = max(actuals, key=lambda m: m.period.sort_key).period
    lag = reporting_lag(indicator)
    owed: list[tuple[Period, date]] = []
    period = _after(latest, months, settings)
    while period is not None:
        due = period.end + lag if lag is not None else shift_months(period.end, months)
        if due > by:
            break
        owed.append((period, due))
        period = _after(period, months, settings)
    if not owed:
        return None
    noun = _NOUNS[months]
    return Owed("figures", _figures_text(owed, noun, lag is not None, as_of), owed[0][1])


def plan_owed(assessment: Assessment, by: date) -> Owed | None:
    """The plan a RED measure needs (MISSING, STALE, INCOMPLETE, OVERDUE), or results a
    current plan promised by `by`."""
    plan = assessment.plan
    if plan is None:
        return None
    if plan.coverage is not Coverage.OK:
        return Owed("plan", f"action plan {plan.coverage.value}: {plan.detail}", None)
    if plan.due is not None and plan.due.end <= by:
        when = assessment.indicator.action_plan.when if assessment.indicator.action_plan else ""
        return Owed(
            "plan",
            f"the plan promised results by {plan.due.end} ({when}): report on them",
            plan.due.end,
        )
    return None


def impact_owed(assessment: Assessment, impact: PlanImpact | None) -> Owed | None:
    """A RED measure whose plan shows no change yet, or a worsening, since it was written: the
    lead owes the committee what will change (the figures, not the plan's words, say so)."""
    if impact is None or assessment.status is not Status.RED or impact.verdict not in FLAGGED:
        return None
    return Owed(
        "plan",
        f"the figures since the plan of {impact.written} show {impact.verdict} "
        f"({impact.after} {'point' if impact.after == 1 else 'points'} after it): say what "
        "will change",
        None,
    )


def actions_owed(assessment: Assessment, as_of: date, by: date) -> list[Owed]:
    """Each unfinished action overdue, due by `by`, or behind schedule, under its owner."""
    found = []
    for number, check in enumerate(assessment.actions, 1):
        action = check.action
        if check.computed is ActionStatus.COMPLETED:
            continue
        due = action.due.end if action.due else None
        if due is not None and due < as_of:
            when = "is overdue"
        elif due is not None and due <= by:
            when = f"is due by {due}"
        elif check.computed is ActionStatus.AMBER:
            when = "is behind schedule"
        else:
            continue
        text = f"action {number}, {action.action!r}, {when}: {check.why}"
        found.append(Owed("action", text, due, action.owner))
    return found


def owed(
    indicator: Indicator,
    assessment: Assessment,
    settings: Settings,
    as_of: date,
    by: date,
    impact: PlanImpact | None = None,
) -> list[Owed]:
    found = [
        figures_owed(indicator, settings, as_of, by),
        plan_owed(assessment, by),
        impact_owed(assessment, impact),
    ]
    return [item for item in found if item is not None] + actions_owed(assessment, as_of, by)


def _after(period: Period, months: int, settings: Settings) -> Period | None:
    """The next period of the same kind; for a range, the range one interval on."""
    following = next_period(period, settings.financial_year_start)
    if following is not None or period.whole_months is None:
        return following
    start, end = shift_months(period.start, months), shift_months(period.end, months)
    if end.year > 9998:
        return None
    return parse_period(f"{start:%Y-%m}..{end:%Y-%m}", settings.financial_year_start)


_NOUNS = {1: "month", 3: "quarter", 12: "year"}


def _figures_text(owed: list[tuple[Period, date]], noun: str, learnt: bool, as_of: date) -> str:
    how = "after its usual reporting delay" if learnt else "one interval after its period ends"
    first = owed[0][1]
    was = "was" if first <= as_of else "is"
    if len(owed) == 1:
        return f"the figure for {owed[0][0]} {was} due {first} ({how})"
    if len(owed) <= PERIODS_NAMED:
        periods = ", ".join(str(p) for p, _ in owed)
    else:
        periods = f"{owed[0][0]} to {owed[-1][0]} ({plural(len(owed), noun)})"
    return f"figures for {periods}: the first {was} due {first} ({how})"
