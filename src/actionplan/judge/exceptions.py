"""When a plan is needed under `plan_after: N`: a measure goes on the exception report once N
consecutive periods are RED, and stays there until the target is met (GREEN)."""

from __future__ import annotations

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.periods import Period
from actionplan.domain.statuses import Status
from actionplan.judge.status import read

_SHORT = (Status.RED, Status.AMBER)  # the target not met: a measure on the report stays there


def exception_start(
    indicator: Indicator, known: list[Measurement], settings: Settings, after: int
) -> Period | None:
    """The first period of the stretch since the target was last met, when that stretch holds
    `after` consecutive RED periods and the latest period is still short of target; else None
    (no plan is needed). `known`: the measurements known at the date, oldest first."""
    start: Period | None = None
    run = longest = 0
    for index in range(len(known) - 1, -1, -1):
        measurement = known[index]
        # A forecast counts only as the latest figure: earlier ones were overtaken by actuals.
        if measurement.forecast and index != len(known) - 1:
            continue
        status = read(indicator, measurement, settings).status
        if status not in _SHORT:
            break
        start = measurement.period
        run = run + 1 if status is Status.RED else 0
        longest = max(longest, run)
    return start if longest >= after else None
