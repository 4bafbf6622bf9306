"""One indicator assessed at a date: its status, the plan its RED measure needs, travel and
staleness (the check of a whole tree, with its exit code, is `app.check`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.statuses import STATUS_ORDER as STATUS_ORDER  # kept importable here
from actionplan.domain.statuses import Status
from actionplan.judge.actions import ActionCheck, check_actions
from actionplan.judge.coverage import (
    Coverage,
    PlanCheck,
    plan_check,
    plan_written,
    unstated_period,
)
from actionplan.judge.exceptions import exception_start
from actionplan.judge.impact import PlanImpact
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.status import Reading, read, tolerance_of
from actionplan.judge.travel import (
    Travel,
    known_on,
    long_term,
    short_term,
    stale_since,
    window_travel,
)


@dataclass(frozen=True)
class Assessment:
    indicator: Indicator
    reading: Reading | None  # None: no measurement known at the date
    # the latest actual, when `reading` is a forecast: travel and staleness are judged on it
    actual: Reading | None = None
    stale: bool = False
    stale_since: date | None = None
    short_term: Travel | None = None
    long_term: Travel | None = None
    plan: PlanCheck | None = None  # only for RED measures
    # over the latest `travel_window` figures, where a window is set
    window: Travel | None = None
    actions: tuple[ActionCheck, ...] = ()  # the plan's actions, RED measure or not

    @property
    def status(self) -> Status:
        return self.reading.status if self.reading else Status.NO_DATA

    @property
    def needs_plan(self) -> bool:
        """RED without a current, complete, in-date plan; or a plan that does not say which
        period it answers, on a measure with no status yet."""
        return self.plan is not None and self.plan.coverage is not Coverage.OK


@dataclass(frozen=True)
class Row:
    path: Path
    assessment: Assessment
    line: int = 1  # where the file should be edited: the RED measurement or its action_plan
    # Making Data Count, for the rows that are shown: None where it was not asked for
    spc: SpcResult | SpcUnavailable | None = None
    # whether the action plan is working (`judge.impact`), where it was asked for
    impact: PlanImpact | None = None


def lacks_tolerance(indicator: Indicator, settings: Settings | None = None) -> bool:
    """A target but no tolerance of its own (nor a floor, nor one for its unit in the
    settings): AMBER only through the workspace's."""
    if indicator.tolerance is not None or indicator.floor is not None:
        return False
    if settings is not None and tolerance_of(indicator, settings) is not settings.tolerance:
        return False
    return bool(indicator.targets())


def judged_actions(
    indicator: Indicator, settings: Settings, as_of: date
) -> tuple[ActionCheck, ...]:
    plan = indicator.action_plan
    if plan is None or not plan.actions:
        return ()
    written = plan_written(plan, indicator)
    known = None if written == date.min else written
    return tuple(check_actions(plan, known, as_of, settings.action_tolerance))


def assess(indicator: Indicator, settings: Settings, as_of: date) -> Assessment:
    actions = judged_actions(indicator, settings, as_of)
    known = sorted(
        (m for m in indicator.measurements if known_on(m) <= as_of),
        key=lambda m: (m.period.sort_key, not m.forecast, known_on(m)),
    )
    if not known:
        plan = unstated_period(indicator, Status.NO_DATA)
        return Assessment(indicator, None, plan=plan, actions=actions)
    current = read(indicator, known[-1], settings)
    # A forecast is judged (it can raise RED) but travel and staleness follow the actuals: a
    # year-end projection must not hide that the monthly figures are up to date or improving.
    latest_actual = next((m for m in reversed(known) if not m.forecast), None)
    actual = current
    if current.measurement.forecast and latest_actual is not None:
        actual = read(indicator, latest_actual, settings)
    since = stale_since(indicator, actual.measurement)
    actuals = [m for m in known if not m.forecast and m.value is not None]
    shown = actual.measurement
    # A range is bad either way: "improving" would need a side, so travel is not given.
    travels = indicator.direction != "range"
    window = indicator.travel_window or settings.travel_window
    return Assessment(
        indicator,
        current,
        actual=actual if actual is not current else None,
        stale=since is not None and as_of > since,
        stale_since=since,
        short_term=short_term(indicator, shown, actuals)
        if travels and not indicator.cumulative
        else None,
        long_term=long_term(indicator, shown, actuals) if travels else None,
        plan=_plan(indicator, known, current, settings, as_of),
        window=window_travel(indicator, actuals, window) if window and travels else None,
        actions=actions,
    )


def _plan(
    indicator: Indicator,
    known: list[Measurement],
    now: Reading,
    settings: Settings,
    as_of: date,
) -> PlanCheck | None:
    """The plan a RED measure needs; with `plan_after: N`, only once N consecutive periods
    have been RED, and then until the target is met."""
    after = indicator.plan_after if indicator.plan_after is not None else settings.plan_after
    if after is None:
        if now.status is Status.RED:
            return plan_check(indicator, known, settings, as_of)
        return unstated_period(indicator, now.status)
    start = exception_start(indicator, known, settings, after)
    if start is None:
        return unstated_period(indicator, now.status)
    return plan_check(indicator, known, settings, as_of, episode_start=start)
