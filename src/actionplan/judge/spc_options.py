"""The choices a council makes about its SPC charts: which published rule set flags special
causes, how many points make a shift or a trend, whether large moving ranges are screened out,
and which points the limits are computed from (all of them, the first n, or a baseline)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RuleSet = Literal["nhsrplotthedots", "mdc"]
RULE_SETS: tuple[RuleSet, ...] = ("nhsrplotthedots", "mdc")
DEFAULT_RULES: RuleSet = "nhsrplotthedots"
DEFAULT_POINTS = 7


@dataclass(frozen=True)
class SpcOptions:
    """How special causes are found and limits computed.

    `rules`: "nhsrplotthedots" counts only points between the 2- and 3-sigma lines toward "2 of
    3"; "mdc" (Making Data Count since November 2023) counts every point beyond 2 sigma,
    including those beyond a process limit. `points`: the length of a shift or a trend.
    `screen`: leave moving ranges of 3.267 times their mean or more out of the limits.
    `fix_after`: each segment's limits come from its first n points only.
    """

    rules: RuleSet = DEFAULT_RULES
    points: int = DEFAULT_POINTS
    screen: bool = True
    fix_after: int | None = None

    def __post_init__(self) -> None:
        if self.rules not in RULE_SETS:
            raise ValueError(f"rules must be one of {', '.join(RULE_SETS)}, not {self.rules!r}")
        if self.points not in (6, 7):
            raise ValueError(f"a shift or trend is 6 or 7 points, not {self.points}")
        if self.fix_after is not None and self.fix_after < 1:
            raise ValueError(f"fix_after must be 1 or more, not {self.fix_after}")
