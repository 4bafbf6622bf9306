"""The days over which a check of one indicator gives the same result.

A check at a date depends on that date only through a few comparisons: which figures were known
by then (`known_on(m) <= as_of`), whether the latest is stale (`as_of > stale_since`), and
whether a RED plan is overdue (`as_of > due`), and an action's status (past its due date, or
behind its schedule, which can change on any day). Between two consecutive days where one of those
can change, every check gives the same result, so a result kept from an earlier run serves any
day in that span: a check run daily without `--as-of` is not judged afresh each morning.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from actionplan.domain.statuses import ActionStatus
from actionplan.judge.assessment import Assessment
from actionplan.judge.travel import known_on


def steady_span(assessment: Assessment, as_of: date, due: Iterable[date] = ()) -> tuple[int, int]:
    """(first, after last) day ordinals around `as_of` over which checks of the indicator all
    give `assessment`, its check at `as_of`.

    Within the span between two days on which figures became known, the figures known are the
    same, and so are the latest actual (whose `stale_since` is in the assessment) and whether
    the measure is RED (whose plan's due date is in the assessment): those two days are the
    only others on which the check can turn. `due` adds the days results of a plan were due
    by (whether they have come is part of the plan's impact, for any status)."""
    turning = {known_on(m) for m in assessment.indicator.measurements}
    if assessment.stale_since is not None:
        turning.add(_next(assessment.stale_since))  # stale from the day after
    plan = assessment.plan
    if plan is not None and plan.due is not None:
        turning.add(_next(plan.due.end))  # overdue from the day after
    turning.update(map(_next, due))
    for check in assessment.actions:
        action = check.action
        if action.due is None or check.computed is ActionStatus.COMPLETED:
            continue
        turning.add(_next(action.due.end))  # RED, and perhaps the plan OVERDUE, the day after
        if check.computed is ActionStatus.GREEN and action.progress is not None:
            # Falling behind schedule happens on a day of its own: judged afresh each day.
            turning.update((as_of, _next(as_of)))
    first, after = 1, date.max.toordinal() + 1
    today = as_of.toordinal()
    for day in turning:
        ordinal = day.toordinal()
        if ordinal <= today:
            first = max(first, ordinal)
        else:
            after = min(after, ordinal)
    return first, after


def _next(day: date) -> date:
    return day if day == date.max else day + timedelta(days=1)
