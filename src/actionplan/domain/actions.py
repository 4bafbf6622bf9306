"""An action plan's actions, one by one, as councils track them each quarter: the action, its
owner, when it is due, how far it has got (a percentage as written), its stage and its status
as the owner reports it. The status is worked out from the dates where none is given
(`judge.actions`)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema

from actionplan.domain.figures import parse_number
from actionplan.domain.statuses import ACTION_STATUS_ORDER as ACTION_STATUS_ORDER
from actionplan.domain.statuses import ActionStatus
from actionplan.domain.strict import Strict
from actionplan.domain.values import PeriodField

_ALIASES = {"G": "GREEN", "A": "AMBER", "R": "RED", "C": "COMPLETED", "COMPLETE": "COMPLETED"}


def parse_action_status(value: object) -> ActionStatus:
    if isinstance(value, ActionStatus):
        return value
    text = " ".join(str(value).split()).upper()
    try:
        return ActionStatus(_ALIASES.get(text, text))
    except ValueError:
        raise ValueError(
            f"{value!r} is not an action's status: write Green, Amber, Red or Completed"
        ) from None


class Progress(str):
    """A share complete as written (`30%`), with the number it stands for, 0 to 100."""

    percent: float

    def __new__(cls, written: str, percent: float) -> Progress:
        made = super().__new__(cls, written)
        made.percent = percent
        return made


def parse_progress(value: object) -> Progress:
    if isinstance(value, Progress):
        return value
    written = str(value).strip()
    try:
        percent = parse_number(value)
    except ValueError:
        percent = None
    if percent is None or not 0 <= percent <= 100:
        raise ValueError(f"{value!r} is not a share complete: write a percentage, 0% to 100%")
    return Progress(written if written.endswith("%") else f"{written}%", percent)


ActionStatusField = Annotated[
    ActionStatus,
    PlainValidator(parse_action_status),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "The action's status as its owner reports it: Green, Amber, Red or "
            "Completed.",
            "examples": ["Amber", "Completed"],
        }
    ),
]
ProgressField = Annotated[
    Progress,
    PlainValidator(parse_progress),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "number", "minimum": 0, "maximum": 100}],
            "description": "How far the action has got, a percentage: 30%.",
            "examples": ["30%", "100%"],
        }
    ),
]


def is_complete_stage(stage: str | None) -> bool:
    return (stage or "").strip().lower() in ("complete", "completed")


class Action(Strict):
    action: str = Field(
        description="What is to be done.",
        examples=["Targeted work with GP practices to increase referrals"],
    )
    owner: str | None = Field(None, description="Who answers for it.", examples=["Rebecca Mellor"])
    due: PeriodField | None = Field(
        None,
        description="When it is due: a date (2025-03-31) or a period (2014/15 Q3).",
        examples=["2014/15 Q3"],
    )
    progress: ProgressField | None = Field(
        None, description="How far it has got: 30%.", examples=["30%"]
    )
    stage: str | None = Field(
        None, description="Its stage as written: In progress, Complete.", examples=["In progress"]
    )
    status: ActionStatusField | None = Field(
        None,
        description="As its owner reports it; worked out from the dates when left out.",
        examples=["AMBER"],
    )
    note: str | None = Field(
        None,
        description="What has been done, as the owner says it.",
        examples=["Two of five practices visited."],
    )


def action_tolerance(value: Any) -> float:
    """The percentage points an action may fall behind its schedule and still be GREEN."""
    try:
        points = parse_number(value)
    except ValueError:
        points = None
    if points is None or not 0 <= points <= 100:
        raise ValueError(f"{value!r} is not an action tolerance: write a percentage such as 10%")
    return points


DEFAULT_ACTION_TOLERANCE = 10.0
ActionToleranceField = Annotated[
    float,
    PlainValidator(action_tolerance),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "number", "minimum": 0, "maximum": 100}],
            "description": "How many percentage points an action's progress may fall short of "
            "the share of its time gone and still be GREEN (default 10%).",
            "examples": ["10%"],
        }
    ),
]
