"""The chart keys of an indicator file and of the settings: which SPC rules, which points the
limits come from, and the events marked on the chart."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from actionplan.domain.strict import Strict
from actionplan.domain.values import PeriodField


class SpcRules(Strict):
    """Which published rules an SPC chart follows: the workspace's default, an indicator's own."""

    rules: Literal["nhsrplotthedots", "mdc"] | None = Field(
        None,
        description="The rule set: nhsrplotthedots (the NHS-R package 0.2.x, the default) or mdc "
        '(Making Data Count since November 2023: every point beyond 2 sigma counts toward "2 '
        'of 3", a point beyond a process limit included).',
    )
    points: Literal[6, 7] | None = Field(
        None, description="Points in a row that make a shift or a trend: 7 (default) or 6."
    )
    screen_moving_ranges: bool | None = Field(
        None,
        description="Leave moving ranges of 3.267 times their mean or more out of the limits "
        "(default true).",
    )


class SpcSettings(SpcRules):
    """How the indicator's statistical process control chart is drawn."""

    recalculate_from: list[PeriodField] = Field(
        default_factory=list,
        description="Periods from which the limits are computed afresh (a service change).",
        examples=[["2023-04"]],
    )
    baseline: PeriodField | None = Field(
        None,
        description="The period whose points the limits are computed from; later points are "
        "judged against them.",
        examples=["2023-04..2024-03"],
    )
    fix_after: int | None = Field(
        None,
        ge=1,
        description="Compute the limits from the first n points (of each recalculated stretch) "
        "and carry them forward.",
        examples=[20],
    )

    @model_validator(mode="after")
    def _one_baseline(self) -> SpcSettings:
        if self.baseline is not None and self.fix_after is not None:
            raise ValueError("give the limits a baseline or fix_after, not both")
        return self


class Event(Strict):
    """Something that happened, drawn on the indicator's chart as a marked line."""

    period: PeriodField = Field(description="When it happened: the chart marks this period.")
    text: str = Field(min_length=1, max_length=200, description="What happened, in a few words.")
