"""Targets as plan files write them: one number, a two-sided range `{low: .., high: ..}` (for
activity that is bad when too high or too low), or a map of periods to either."""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Field, Tag, model_validator

from actionplan.domain.strict import Strict
from actionplan.domain.values import Figure, PeriodField

RANGE_KEYS = frozenset({"low", "high"})


class Range(Strict):
    """A two-sided target: GREEN from `low` to `high`, edges included."""

    low: Figure = Field(description="The lowest figure that is on target.")
    high: Figure = Field(description="The highest figure that is on target.")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"the range's low ({self.low:g}) is above its high ({self.high:g})")
        return self

    def __str__(self) -> str:
        return f"{_shown(self.low)} to {_shown(self.high)}"


def _shown(figure: float | None) -> str:
    return "?" if figure is None else f"{figure:g}"


def _is_range(value: object) -> bool:
    return isinstance(value, dict) and bool(value) and set(map(str, value)) <= RANGE_KEYS


def _value_shape(value: object) -> str:
    return "range" if _is_range(value) else "number"


def _target_shape(value: object) -> str:
    if _is_range(value):
        return "range"
    return "periods" if isinstance(value, dict) else "number"


# Discriminated unions, so an error names one shape (the number, the range or the period map)
# rather than listing why the value failed as each.
TargetValue = Annotated[
    Annotated[Figure, Tag("number")] | Annotated[Range, Tag("range")],
    Discriminator(_value_shape),
]
TargetField = Annotated[
    Annotated[Figure, Tag("number")]
    | Annotated[Range, Tag("range")]
    | Annotated[dict[PeriodField, TargetValue], Tag("periods")],
    Discriminator(_target_shape),
]
# A floor has the shapes of a number target: one figure, or a map of periods to figures.
FloorField = Annotated[
    Annotated[Figure, Tag("number")] | Annotated[dict[PeriodField, Figure], Tag("periods")],
    Discriminator(lambda value: "periods" if isinstance(value, dict) else "number"),
]
