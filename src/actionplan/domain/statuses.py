"""The statuses a measure can have, the order in which checks list them, and the note a tree
without any tolerance needs. Plain Python, so printing kept results needs no models."""

from __future__ import annotations

from enum import StrEnum

from actionplan.domain.words import plural


class Status(StrEnum):
    RED = "RED"
    AMBER = "AMBER"
    GREEN = "GREEN"
    NO_TARGET = "NO TARGET"
    NO_DATA = "NO DATA"
    BLUE = "BLUE"  # published only: a narrative measure, reported without a target


class ActionStatus(StrEnum):
    """An action's status, as councils publish their action plans' progress."""

    GREEN = "GREEN"
    AMBER = "AMBER"
    RED = "RED"
    COMPLETED = "COMPLETED"


# The order councils publish their counts in: Green 7, Amber 4, Red 0, Completed 3.
ACTION_STATUS_ORDER = (
    ActionStatus.GREEN,
    ActionStatus.AMBER,
    ActionStatus.RED,
    ActionStatus.COMPLETED,
)


STATUS_ORDER = [
    Status.RED,
    Status.AMBER,
    Status.GREEN,
    Status.NO_DATA,
    Status.NO_TARGET,
    Status.BLUE,
]


def no_tolerance_note(bare: int, tolerance_set: bool) -> str:
    """AMBER needs a tolerance; a tree that sets none anywhere should hear so once, rather
    than read a board of only RED and GREEN as if nothing were close (`bare`: indicators with
    a target and no tolerance; `tolerance_set`: the workspace settings give one)."""
    if tolerance_set or not bare:
        return ""
    they = "it" if bare == 1 else "they"
    return (
        f"no tolerance is set for {plural(bare, 'indicator')} with a target, so {they} cannot "
        "be AMBER: set `tolerance: 5%` (or `{green: 5%, amber: 10%}`) in the workspace settings "
        "file, actionplan.yaml, or in each indicator"
    )
