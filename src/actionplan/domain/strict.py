"""The base of every model of the file format: unknown keys are errors, counted past a limit."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from actionplan.domain.keys import MAX_UNKNOWN_KEYS


class Strict(BaseModel):
    # Unknown keys are errors (a typo must not silently drop a field); numbers typed into text
    # fields are kept as text.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)

    @model_validator(mode="before")
    @classmethod
    def _few_unknown_keys(cls, data: Any, info: ValidationInfo) -> Any:
        # Each unknown key is reported at its place with a "did you mean": work that grows
        # with the square of their number. Past a limit, one error counts them instead.
        context = info.context if isinstance(info.context, dict) else {}
        limit = int(context.get("max_unknown_keys", MAX_UNKNOWN_KEYS))
        if isinstance(data, dict) and len(data) > limit:
            unknown = [key for key in data if key not in cls.model_fields]
            if len(unknown) > limit:
                first = ", ".join(repr(str(key)) for key in unknown[:3])
                raise ValueError(
                    f"{len(unknown):,} unknown keys ({first}...): known keys are "
                    f"{', '.join(cls.model_fields)} (over ACTIONPLAN_MAX_UNKNOWN_KEYS, "
                    "so they are not listed one by one)"
                )
        return data
