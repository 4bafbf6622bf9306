"""The plan-file format as pydantic models: an indicator, its measurements and its action plan
(the workspace settings are `settings`'). The values in them are `values`' field types.

Periods depend on the workspace's financial-year start, so validation takes a context:
`Indicator.model_validate(data, context={"fy_start": 4, "default_id": "file-stem"})`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from actionplan.domain.actions import Action
from actionplan.domain.chart_settings import Event, SpcSettings
from actionplan.domain.periods import Period
from actionplan.domain.ranges import FloorField, Range, TargetField
from actionplan.domain.settings import Settings as Settings  # kept importable from here
from actionplan.domain.strict import Strict
from actionplan.domain.values import (
    Figure,
    Frequency,
    IndicatorDirection,
    PeriodField,
    ReportedField,
    StatusField,
    ToleranceField,
    Unit,
)

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


SPLIT_FIGURE_HINT = (
    "inside { }, a comma separates entries, so 17,002 was read as 17 and a key '002': "
    'quote the figure, "17,002", or write 17002'
)


def _comparators(value: object) -> object:
    """Refuse what YAML makes of `{England: 17,002}` (England: 17 and a key '002')."""
    if isinstance(value, dict):
        for key, figure in value.items():
            # YAML 1.2 reads the stray key `002` as the number 2: no name is a bare number.
            if figure is None and isinstance(key, int):
                raise ValueError(SPLIT_FIGURE_HINT)
    return value


class Measurement(Strict):
    period: PeriodField = Field(description="The period the figure covers.")
    value: Figure = Field(None, description="The figure; NA or null when missing.")
    note: str | None = Field(None, description="A note shown beside the figure.")
    reported: ReportedField | None = Field(
        None, description="When the figure was published: the reporting lag, and --as-of."
    )
    forecast: bool = Field(False, description="True for a projected outturn, not an actual.")
    status: StatusField | None = Field(None, description="The status as published, if any.")
    numerator: Figure = Field(None, description="For proportions: the count measured.")
    denominator: Figure = Field(None, description="For proportions: the population.")
    comparators: Annotated[dict[str, Figure] | None, BeforeValidator(_comparators)] = Field(
        None,
        description="Figures to compare with, by name (England, region, similar councils): "
        "shown beside the figure, never changing its status.",
        examples=[{"England": "48.82%", "North West": 11.05}],
    )


FIGURES = ("value", "numerator", "denominator")  # a measurement's figures, as keys


PLAN_SECTIONS: tuple[str, ...] = ("non_compliance_reason", "what", "how", "who", "when")


class ActionPlan(Strict):
    period: PeriodField | None = Field(
        None,
        description="The RED period this plan answers; a plan that does not say is incomplete.",
    )
    performance: str | None = Field(
        None, description="Performance this period, as text; overrides the computed summary."
    )
    non_compliance_reason: str | None = Field(
        None, description="Why the measure is not meeting its target (Markdown)."
    )
    what: str | None = Field(None, description="What is required (Markdown).")
    how: str | None = Field(None, description="How it will be achieved (Markdown).")
    who: str | None = Field(None, description="Who will be responsible.")
    when: str | None = Field(
        None,
        description='When results will be realised: a period, a date or words. "Quarter 3" '
        '(or "end of March") means the first one ending on or after the plan was written.',
    )
    updated: ReportedField | None = Field(None, description="When the plan was last revised.")
    internal: bool = Field(
        False,
        description="For internal use only: `actionplan site --public` leaves the plan's text "
        "out of the published pages.",
    )
    actions: list[Action] = Field(
        default_factory=list,
        description="The plan's actions one by one: action, owner, due, progress, stage, "
        "status, note.",
        examples=[[{"action": "Targeted work with GP practices", "owner": "Rebecca Mellor",
                    "due": "2014/15 Q3", "progress": "30%", "stage": "In progress"}]],
    )  # fmt: skip

    def empty_sections(self) -> list[str]:
        return [name for name in PLAN_SECTIONS if not (getattr(self, name) or "").strip()]


class Fingertips(Strict):
    """The Fingertips (public health profiles) series an indicator follows, for imports."""

    indicator: int = Field(description="Fingertips indicator ID.", examples=[92443])
    area: str = Field(description="Area code of the series.", examples=["E08000015"])
    sex: str | None = Field(
        None, description="Sex to take when an export has several.", examples=["Persons"]
    )
    age: str | None = Field(
        None, description="Age band to take when an export has several.", examples=["18+ yrs"]
    )


class Indicator(Strict):
    id: str = Field(
        "",
        validate_default=True,
        description="Unique id; defaults to the file name without its extension.",
    )
    title: str = Field(description="Indicator title.")
    strategic_director_lead: str | None = Field(None, description="Strategic Director Lead.")
    departmental_lead: str | None = Field(None, description="Departmental Lead.")
    description: str | None = Field(
        None, description="What is measured, how, and why it matters (Markdown)."
    )
    unit: Unit = Field("number", description="What the figures count.")
    frequency: Frequency | None = Field(
        None, description="How often figures arrive: older data is reported as stale."
    )
    direction: IndicatorDirection | None = Field(
        None,
        description="Which way is better; required with a target. `range`: bad when too high "
        "or too low, against a target `{low: .., high: ..}`.",
    )
    cumulative: bool | Literal["average"] = Field(
        False,
        description="Values are year-to-date: an annual target is pro-rated in-year. "
        "`average`: a year-to-date average, judged against the annual target as it stands.",
    )
    tolerance: ToleranceField | None = Field(
        None,
        description='Amber band: a share of the target ("5%"), percentage points ("10pp") or '
        "an absolute number; or `{green: 5%, amber: 10%}`.",
    )
    amber_if_improved_on_last_year: bool | None = Field(
        None,
        description="Beyond the amber band is AMBER, not RED, when the figure has improved on "
        "(or held) the same period a year earlier.",
    )
    target: TargetField = Field(
        None,
        description="One number for every period, or a map period -> value; the most "
        "specific period that holds a measurement wins. With `direction: range`, "
        "`{low: .., high: ..}` in place of each number.",
    )
    floor: FloorField = Field(
        None,
        description="A floor standard, with the shapes of a number target: GREEN at or beyond "
        "the target, AMBER between the floor and the target, RED beyond the floor.",
    )
    plan_after: int | None = Field(
        None,
        ge=1,
        description="A plan is needed once this many consecutive periods are RED, and until "
        "the target is met (overrides the settings).",
    )
    travel_window: int | None = Field(
        None,
        ge=2,
        description="Also give the direction of travel over the latest N figures, by their "
        "least-squares slope (overrides the settings).",
    )
    target_decimals: int | None = Field(
        None,
        ge=0,
        le=6,
        description="Decimal places a pro-rated target is rounded to, half up, as the council "
        "states it (overrides the settings).",
    )
    fingertips: Fingertips | None = Field(
        None, description="The Fingertips series this follows, matched by `record --csv`."
    )
    spc: SpcSettings | None = Field(
        None,
        description="Statistical process control: `{rules: mdc, points: 6, baseline: "
        "2023-04..2024-03, recalculate_from: [2023-04]}`.",
    )
    events: list[Event] = Field(
        default_factory=list,
        description="What happened when, marked on the chart: `[{period: 2014-09, text: New "
        "provider contract}]`.",
    )
    measurements: list[Measurement] = Field(default_factory=list)
    action_plan: ActionPlan | None = Field(
        None, description="The Performance Action Plan for a RED measure."
    )

    @field_validator("id")
    @classmethod
    def _default_id(cls, value: str, info: ValidationInfo) -> str:
        if not value:
            context = info.context if isinstance(info.context, dict) else {}
            value = str(context.get("default_id", ""))
        if not _ID.fullmatch(value):
            raise ValueError(
                f"{value!r} is not a usable id: use letters, digits, '-', '_' or '.', "
                "starting with a letter or digit"
            )
        return value

    @field_validator("target")
    @classmethod
    def _target_needs_direction(cls, value: object, info: ValidationInfo) -> object:
        # A direction that failed validation is absent from info.data (its own error says why);
        # one never written is there as None.
        if value not in (None, {}) and "direction" in info.data and info.data["direction"] is None:
            raise ValueError(
                "a target needs a direction: add `direction: higher` or `direction: lower`"
            )
        if "direction" in info.data and value not in (None, {}):
            _range_matches(value, info.data["direction"] == "range")
        return value

    @field_validator("measurements")
    @classmethod
    def _one_figure_per_period(cls, value: list[Measurement]) -> list[Measurement]:
        seen: dict[tuple[date, date, bool], int] = {}
        for index, measurement in enumerate(value):
            period = measurement.period
            key = (period.start, period.end, measurement.forecast)
            if key in seen:
                kind = "forecast" if measurement.forecast else "measurement"
                raise ValueError(
                    f"measurements[{index}] repeats the {kind} for {measurement.period} "
                    f"(measurements[{seen[key]}]): keep one"
                )
            seen[key] = index
        return value

    @model_validator(mode="after")
    def _floor_beside_target(self) -> Indicator:
        if self.floor not in (None, {}):
            if self.target in (None, {}):
                raise ValueError("a floor needs a target: the floor is the edge of the amber band")
            if self.direction == "range":
                raise ValueError("a range has no floor: its amber bands come from `tolerance`")
        return self

    def targets(self) -> list[tuple[Period | None, float | None]]:
        """(period, value) pairs of number targets; a period of None applies to every period.
        A range is given by `ranges`."""
        if isinstance(self.target, dict):
            return [(p, v) for p, v in self.target.items() if not isinstance(v, Range)]
        if self.target is None or isinstance(self.target, Range):
            return []
        return [(None, self.target)]

    def ranges(self) -> list[tuple[Period | None, Range]]:
        """(period, range) pairs of a two-sided target."""
        if isinstance(self.target, dict):
            return [(p, v) for p, v in self.target.items() if isinstance(v, Range)]
        return [(None, self.target)] if isinstance(self.target, Range) else []


def _range_matches(target: object, is_range: bool) -> None:
    values = list(target.values()) if isinstance(target, dict) else [target]
    ranges = [isinstance(v, Range) for v in values if v is not None]
    if is_range and not all(ranges):
        raise ValueError("with `direction: range`, write each target as `{low: .., high: ..}`")
    if not is_range and any(ranges):
        raise ValueError(
            "a target `{low: .., high: ..}` is a range: add `direction: range` (bad when too "
            "high or too low)"
        )
