"""The workspace settings, `actionplan.yaml` at the root of the plans tree: where a council
writes down its performance framework (its bands, its status words, when a plan is needed),
each rule a default that an indicator file may override."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from actionplan.domain.actions import DEFAULT_ACTION_TOLERANCE, ActionToleranceField
from actionplan.domain.chart_settings import SpcRules
from actionplan.domain.periods import DEFAULT_FY_START
from actionplan.domain.status_words import status_words
from actionplan.domain.statuses import Status
from actionplan.domain.strict import Strict
from actionplan.domain.values import ToleranceField, Unit


def _words(value: object) -> object:
    # Keys as they are looked up (case and spacing folded); each status checked as it is read.
    if value is None:
        return {}
    if isinstance(value, dict):
        return status_words(value)
    return value


class Settings(Strict):
    """Workspace settings, from `actionplan.yaml` at the root of the plans tree."""

    organisation: str | None = Field(None, description="Organisation name for documents.")
    financial_year_start: int = Field(
        DEFAULT_FY_START, ge=1, le=12, description="Month the financial year starts (4 = April)."
    )
    tolerance: ToleranceField | None = Field(
        None, description="Default tolerance (amber band, or green and amber bands)."
    )
    amber_if_improved_on_last_year: bool = Field(
        False, description="Default for indicators that do not say."
    )
    mixed_periods: bool = Field(
        False,
        description="`record --table` keeps a figure of another length than its indicator's "
        "frequency (a quarter for a monthly indicator), with a note, instead of refusing it.",
    )
    statuses: Annotated[dict[str, Status], BeforeValidator(_words)] = Field(
        default_factory=dict,
        description="Published status words and what they mean, case-insensitively: "
        '`{"On target": GREEN, G: GREEN, "Off track": RED, "Data only": BLUE}`.',
        examples=[{"On target": "GREEN", "Off track": "RED", "Data only": "BLUE"}],
    )
    tolerance_by_unit: dict[Unit, ToleranceField] = Field(
        default_factory=dict,
        description="Default tolerance by the indicators' unit, over `tolerance`: "
        "`{percent: 10pp}`.",
        examples=[{"percent": "10pp", "count": "10%"}],
    )
    plan_after: int | None = Field(
        None,
        ge=1,
        description="A plan is needed once this many consecutive periods are RED, and until "
        "the target is met; when not set, a plan is needed for every RED measure while it "
        "is RED.",
    )
    travel_window: int | None = Field(
        None,
        ge=2,
        description="Also give the direction of travel over the latest N figures, by their "
        "least-squares slope.",
    )
    target_decimals: int | None = Field(
        None,
        ge=0,
        le=6,
        description="Decimal places a pro-rated target is rounded to, half up (6.5 a year is "
        "1.63 a quarter at 2); unrounded when not set.",
    )
    plan_guidance: bool = Field(
        False,
        description="Plans show the template's guidance line under each section, as a "
        "council's house style may want; a blank form always shows its instruction.",
    )
    folder_names: dict[str, str] = Field(
        default_factory=dict,
        description="The name a report gives each folder of plans (`public-health: Public "
        "Health`); `.` names the plans at the top of the tree. Left out: the folder's name in "
        "title case, and the organisation's name for the top.",
    )
    missing_words: list[str] = Field(
        default_factory=list,
        description="Words a published table writes where it gives no figure or target, read "
        "as missing (NO DATA) by `record --table`, beside `n/a`, `-`, `TBC`, `not yet "
        'agreed` and `Annual KPI`: `["Not reported", "Due Q4"]`.',
    )
    zero_target_is_none: bool = Field(
        False,
        description="`record --table` reads a target of 0 as no target, for a council that "
        "writes 0 where an indicator has none.",
    )
    spc: SpcRules | None = Field(
        None,
        description="Default SPC rules for indicators that do not say: `{rules: mdc, points: 6, "
        "screen_moving_ranges: false}`.",
    )
    action_tolerance: ActionToleranceField = Field(
        DEFAULT_ACTION_TOLERANCE,
        description="Percentage points an action's progress may fall short of the share of "
        "its time gone and still be GREEN: `10%`.",
    )
