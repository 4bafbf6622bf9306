"""The values plan files hold, as pydantic field types: statuses, tolerance bands, figures,
periods and dates as people write them. Periods depend on the workspace's financial-year start,
so the fields read it from the validation context (`{"fy_start": 4}`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
)

from actionplan.domain.figures import parse_number
from actionplan.domain.period_forms import not_a_date
from actionplan.domain.periods import DEFAULT_FY_START, FORMS_HELP, Period, parse_period
from actionplan.domain.status_words import published_status
from actionplan.domain.statuses import Status as Status  # kept importable from here
from actionplan.errors import PeriodError

Direction = Literal["higher", "lower"]


def _direction(value: object) -> str:
    # Written out, not a Literal's message: most indicators are higher or lower, and a
    # range is named as the exception it is.
    if value in ("higher", "lower", "range"):
        return str(value)
    shown = repr(value) if not isinstance(value, dict | list) else "a mapping or list"
    raise ValueError(
        f"{shown} is not allowed here: write higher or lower (or range, for a measure that is "
        "bad when too high or too low)"
    )


# `range`: bad when too high or too low, judged against a target `{low: .., high: ..}`
IndicatorDirection = Annotated[
    Literal["higher", "lower", "range"],
    PlainValidator(_direction),
    WithJsonSchema({"type": "string", "enum": ["higher", "lower", "range"]}),
]
Unit = Literal["count", "percent", "rate", "days", "currency", "number"]
Frequency = Literal["monthly", "quarterly", "annual"]


def to_period(value: object, info: ValidationInfo) -> Period:
    # Run for every period of every file: the start of the year read here, not in a call.
    context = info.context
    return parse_period(
        value, int(context.get("fy_start", DEFAULT_FY_START)) if context else DEFAULT_FY_START
    )


PERIOD_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string"}, {"type": "integer"}],
    "description": f"A reporting period: {FORMS_HELP}.",
    "examples": ["2014-04", "2014/15", "2014/15 Q3", "2013-01..2013-12"],
}
NUMBER_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}],
    "description": "A figure: 617, 19,625, 53.6% or NA / null for missing data.",
    "examples": [617, "19,625", "53.6%", "NA"],
}

PeriodField = Annotated[
    Period,
    PlainValidator(to_period),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(PERIOD_SCHEMA),
]
Figure = Annotated[
    float | None,
    PlainValidator(parse_number),
    WithJsonSchema(NUMBER_SCHEMA),
]


class Amount(BaseModel):
    """A band's width: a share of the target ("5%"), an absolute amount (2.5), or percentage
    points ("10pp": "within 10 %" of an 80 % target read as 70-80 %, not 72-80 %)."""

    model_config = ConfigDict(frozen=True)

    amount: float
    relative: bool
    points: bool = False  # written in percentage points: absolute, and said so

    def __str__(self) -> str:
        if self.points:
            return f"{self.amount:g}pp"
        return f"{self.amount * 100:g}%" if self.relative else f"{self.amount:g}"


class Tolerance(BaseModel):
    """How far short of target a figure may fall: within `green` it is still GREEN (Bracknell
    Forest's "within 5 % of target"), within `amber` AMBER, beyond it RED."""

    model_config = ConfigDict(frozen=True)

    green: Amount | None = None
    amber: Amount | None = None

    def __str__(self) -> str:
        if self.green is None:
            return str(self.amber)
        return f"green {self.green}, amber {self.amber}"


def parse_amount(value: object, name: str = "tolerance") -> Amount:
    if isinstance(value, Amount):
        return value
    text = value.strip().lower() if isinstance(value, str) else ""
    if text.endswith("pp"):
        points = _points(text[:-2], value, name)
        return Amount(amount=points, relative=False, points=True)
    relative = text.endswith("%")
    try:
        amount = parse_number(value)
    except ValueError:
        amount = None
    if amount is None or amount < 0:
        raise ValueError(f"{value!r} is not a {name}: write a share such as 5% or a number")
    return Amount(amount=amount / 100 if relative else amount, relative=relative)


def _points(text: str, value: object, name: str) -> float:
    try:
        amount = parse_number(text.strip())
    except ValueError:
        amount = None
    if amount is None or amount < 0 or text.strip().endswith("%"):
        raise ValueError(f"{value!r} is not a {name}: write percentage points as 10pp")
    return amount


def parse_tolerance(value: object) -> Tolerance:
    """`5%` (the amber band, as before) or `{green: 5%, amber: 10%}`."""
    if isinstance(value, Tolerance):
        return value
    if not isinstance(value, dict):
        return Tolerance(amber=parse_amount(value))
    unknown = sorted(str(key) for key in value if key not in ("green", "amber"))
    if unknown or "amber" not in value:
        raise ValueError(
            "a tolerance map names its bands, `{green: 5%, amber: 10%}`: green is optional, "
            "amber is needed" + (f" (unknown: {', '.join(unknown)})" if unknown else "")
        )
    green = parse_amount(value["green"], "green band") if "green" in value else None
    amber = parse_amount(value["amber"], "amber band")
    if green is not None and green.relative == amber.relative and green.amount > amber.amount:
        raise ValueError(f"the green band ({green}) is wider than the amber band ({amber})")
    return Tolerance(green=green, amber=amber)


ToleranceField = Annotated[
    Tolerance,
    PlainValidator(parse_tolerance),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(%|[pP][pP])\s*$"},
                {"type": "number", "minimum": 0},
                {
                    "type": "object",
                    "properties": {
                        "green": {"type": ["string", "number"]},
                        "amber": {"type": ["string", "number"]},
                    },
                    "required": ["amber"],
                    "additionalProperties": False,
                },
            ],
            "description": 'The amber band: a share of the target ("5%"), percentage points '
            '("10pp") or an absolute number; or `{green: 5%, amber: 10%}` where figures within '
            "5% short of target are GREEN.",
            "examples": ["5%", "10pp", 2.5, {"green": "5%", "amber": "10%"}],
        }
    ),
]


def parse_status(value: object, words: Mapping[str, Status] | None = None) -> Status:
    """A published status: the council's own words (`words`, from the settings) first."""
    return published_status(value, words)


def _status_in_context(value: object, info: ValidationInfo) -> Status:
    # The settings' `statuses:` map travels in the validation context, as the year start does.
    context = info.context
    return published_status(value, context.get("statuses") if context else None)


StatusField = Annotated[
    Status,
    PlainValidator(_status_in_context),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [s.value for s in Status],
            "description": "A status as published, kept and compared with the computed one "
            "(`check` also reads the words the settings' `statuses:` map gives).",
        }
    ),
]


def _reported_date(value: object, info: ValidationInfo) -> date:
    """A date, or a period whose last day stands for it ("2014-07" = by 31 July 2014)."""
    try:
        return to_period(value, info).end
    except PeriodError as error:
        if "ends before it starts" in str(error):
            raise
        raise ValueError(not_a_date(value)) from None


ReportedField = Annotated[
    date,
    PlainValidator(_reported_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "integer"}],
            "description": "When published: a date, or a month meaning its last day.",
            "examples": ["2014-07-31", "2014-07"],
        }
    ),
]
