"""What changed in an indicator's file since a committee last saw it: figures restated (a
period's figure known then, different now), targets, tolerances and directions changed, and
the sections of its action plan rewritten. Pure: the file as committed then and as it is now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.domain.models import ActionPlan, Indicator, Measurement
from actionplan.judge.travel import known_on

# The settings of an indicator a committee reads its status by, in the order they are listed.
JUDGED_BY = ("target", "tolerance", "direction")
PLAN_FIELDS = ("period", "performance", "non_compliance_reason", "what", "how", "who", "when")


@dataclass(frozen=True)
class Restated:
    period: str
    before: Measurement  # as the committee saw it
    after: Measurement | None  # None: the figure was taken out


@dataclass(frozen=True)
class Changed:
    key: str  # target, tolerance or direction
    before: object  # the targets as (period or None, figure) pairs; a tolerance; a direction
    after: object


@dataclass(frozen=True)
class Revision:
    restated: tuple[Restated, ...] = ()
    changed: tuple[Changed, ...] = ()
    plan_sections: tuple[str, ...] = ()  # the plan's sections rewritten, in the file's order

    def __bool__(self) -> bool:
        return bool(self.restated or self.changed or self.plan_sections)


def revision(then: Indicator, now: Indicator, since: date) -> Revision:
    """How `now` differs from `then`, the file as committed on `since`."""
    return Revision(
        restated=tuple(restated(then, now, since)),
        changed=tuple(
            Changed(key, _judged_by(then, key), _judged_by(now, key))
            for key in JUDGED_BY
            if _judged_by(then, key) != _judged_by(now, key)
        ),
        plan_sections=plan_sections(then.action_plan, now.action_plan),
    )


def _judged_by(indicator: Indicator, key: str) -> object:
    """A setting as it decides statuses: the targets as (period, figure) pairs, however the
    file writes them (a plain figure and `{2014/15: 90}` for one year are not a change)."""
    if key == "target":
        return tuple(indicator.targets())
    return getattr(indicator, key)


def restated(then: Indicator, now: Indicator, since: date) -> list[Restated]:
    """The actuals known on `since` whose figure is different now (or gone): a forecast
    replaced by its outturn is not a restatement."""
    current = {(m.period, m.forecast): m for m in now.measurements}
    found = []
    for m in then.measurements:
        if m.forecast or m.value is None or known_on(m) > since:
            continue
        later = current.get((m.period, False))
        if later is None or later.value != m.value:
            found.append(Restated(str(m.period), m, later))
    return found


def plan_sections(then: ActionPlan | None, now: ActionPlan | None) -> tuple[str, ...]:
    if now is None or then is None:
        return ()
    return tuple(name for name in PLAN_FIELDS if getattr(then, name) != getattr(now, name))
