"""Each action of a plan judged at a date: COMPLETED, RED (past its due date), AMBER (behind the
schedule from the plan's date to the due date by more than the workspace's action tolerance)
or GREEN; a status the owner reports is kept, and what the dates give is said beside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from actionplan.domain.actions import Action, is_complete_stage
from actionplan.domain.models import ActionPlan
from actionplan.domain.statuses import ACTION_STATUS_ORDER, ActionStatus
from actionplan.domain.words import day_words


@dataclass(frozen=True)
class ActionCheck:
    action: Action
    status: ActionStatus  # as published where the owner gives one, else as computed
    computed: ActionStatus
    why: str  # how the computed status follows from the action's figures and dates

    @property
    def published(self) -> bool:
        return self.action.status is not None

    @property
    def mismatch(self) -> bool:
        return self.published and self.status is not self.computed

    def to_json(self) -> dict[str, object]:
        a = self.action
        return {
            "action": a.action,
            "owner": a.owner,
            "due": a.due.end.isoformat() if a.due else None,
            "progress": str(a.progress) if a.progress is not None else None,
            "stage": a.stage,
            "status": self.status.value,
            "computed_status": self.computed.value,
            "published": self.published,
            "why": self.why,
        }


def is_complete(action: Action) -> bool:
    done = action.progress is not None and action.progress.percent >= 100
    return done or is_complete_stage(action.stage) or action.status is ActionStatus.COMPLETED


def is_overdue(action: Action, as_of: date) -> bool:
    """Past its due date and not complete (by its figures, its stage or its owner's word)."""
    return action.due is not None and as_of > action.due.end and not is_complete(action)


def computed_status(
    action: Action, written: date | None, as_of: date, tolerance: float
) -> tuple[ActionStatus, str]:
    """The status the action's figures and dates give, and why. `written`: the plan's date,
    from which the time to the due date is shared out (None: not known)."""
    progress = action.progress
    if progress is not None and progress.percent >= 100:
        return ActionStatus.COMPLETED, f"{progress} complete"
    if is_complete_stage(action.stage):
        return ActionStatus.COMPLETED, f"stage: {action.stage}"
    done = f"{progress} complete" if progress is not None else "no progress stated"
    if action.due is None:
        return ActionStatus.GREEN, f"{done}; no due date, so it cannot fall behind"
    due = action.due.end
    if as_of > due:
        return ActionStatus.RED, f"due by {day_words(due)} and {done}"
    if progress is None:
        return ActionStatus.GREEN, f"{done}; due by {day_words(due)}"
    if written is None or written >= due:
        return ActionStatus.GREEN, f"{done}; due by {day_words(due)}"
    elapsed = max(0.0, min(1.0, (as_of - written).days / (due - written).days)) * 100
    gone = f"{elapsed:.0f}% of the time from {day_words(written)} to {day_words(due)} gone"
    if elapsed - progress.percent > tolerance:
        return ActionStatus.AMBER, f"{done} with {gone}: behind by more than {tolerance:g}%"
    return ActionStatus.GREEN, f"{done} with {gone}"


def check_actions(
    plan: ActionPlan, written: date | None, as_of: date, tolerance: float
) -> list[ActionCheck]:
    checks = []
    for action in plan.actions:
        computed, why = computed_status(action, written, as_of, tolerance)
        status = action.status or computed
        if computed is ActionStatus.COMPLETED and status is not computed:
            # A finished action is counted as completed whatever colour it last carried.
            why = f"{why} (published {status.value.title()})"
            status = computed
        elif action.status is not None and action.status is not computed:
            why = f"as published; the figures give {computed.value}: {why}"
        checks.append(ActionCheck(action, status, computed, why))
    return checks


def action_counts(checks: list[ActionCheck]) -> dict[ActionStatus, int]:
    """Actions by status, in the order councils publish them (Green, Amber, Red, Completed)."""
    found = Counter(check.status for check in checks)
    return {status: found[status] for status in ACTION_STATUS_ORDER}


def every_action_overdue(plan: ActionPlan, as_of: date) -> bool:
    return bool(plan.actions) and all(is_overdue(a, as_of) for a in plan.actions)
