"""Targets not reachable without a change in the process, in the words `check` and the report
use, with the limits each was compared with."""

from __future__ import annotations

from actionplan.judge.reachable import Unreachable
from actionplan.output.wording import figure

NOT_REACHABLE = "not reachable without a change in the process"


def unreachable_words(found: Unreachable, unit: str) -> str:
    return (
        f"the {found.period} target of {figure(found.target, unit)} is {NOT_REACHABLE}: it is "
        f"{found.side} the process limits of {figure(found.lower_limit, unit)} to "
        f"{figure(found.upper_limit, unit)}"
    )
