"""Validation errors in the words of the file, not of the validation library.

pydantic's messages ("Input should be a valid dictionary", "Value error, ...") describe Python
types; a departmental lead editing YAML needs to know what to write instead.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from actionplan.domain.models import SPLIT_FIGURE_HINT, ActionPlan, Fingertips, Measurement
from actionplan.domain.words import did_you_mean, ordinal

_NESTED: dict[str, type[BaseModel]] = {
    "measurements": Measurement,
    "action_plan": ActionPlan,
    "fingertips": Fingertips,
}


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """A message for one pydantic error, naming the key as the file writes it."""
    loc = [part for part in error["loc"] if part not in ("number", "periods", "[key]")]
    name = dotted(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        return _unknown_key(loc, name, model)
    if kind == "missing":
        if _in_item(loc[:-1]):
            return f"missing required key '{loc[-1]}' in {dotted(loc[:-1])}"
        return f"missing required key '{name}'"
    if kind == "invalid_key":
        return _key_not_text(error.get("input"), loc, model)
    message = _plain(kind, error.get("input"), error.get("ctx") or {}, str(error["msg"]))
    return f"{name}: {message}" if name else message


def _unknown_key(loc: list[int | str], name: str, model: type[BaseModel]) -> str:
    key = str(loc[-1])
    known = _NESTED.get(str(loc[0]), model) if len(loc) > 1 else model
    hint = did_you_mean(key, known.model_fields)
    shown = f"unknown key '{name}'"
    if _in_item(loc[:-1]):
        shown = f"unknown key '{key}' in {dotted(loc[:-1])}"
    if hint:
        return f"{shown}{hint}"
    return f"{shown} (known keys: {', '.join(known.model_fields)})"


def _key_not_text(key: Any, loc: list[int | str], model: type[BaseModel]) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        # A bare number as a key: in plan files, a figure split at a comma.
        return f"unknown key '{key}' in {dotted(loc[:-1]) or 'the file'}: {SPLIT_FIGURE_HINT}"
    # true, null, 1.5 or .inf as YAML writes them, not as Python prints them.
    written = {True: "true", False: "false", None: "null"}.get(key, key)
    if isinstance(written, float):
        written = {"inf": ".inf", "-inf": "-.inf", "nan": ".nan"}.get(str(written), written)
    return _unknown_key([*loc[:-1], str(written)], dotted([*loc[:-1], str(written)]), model)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping of keys"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _choices(ctx: dict[str, Any]) -> str:
    """pydantic's "'a', 'b' or 'c'" as "a, b or c"."""
    return re.sub(r"'([^']*)'", r"\1", str(ctx.get("expected", "")))


def _plain(kind: str, value: Any, ctx: dict[str, Any], message: str) -> str:
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind == "literal_error":
        return f"{_shown(value)} is not allowed here: write {_choices(ctx)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_shown(value)} is not true or false: write true or false"
    if kind == "string_type":
        return (
            f"found {_shown(value)} where text was expected: write the text after the key, "
            "or for several lines start a block with `|` and indent the lines under it"
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"found {_shown(value)} where `key: value` lines were expected"
    if kind == "list_type":
        return f"found {_shown(value)} where a list was expected: start each item with `- `"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_shown(value)} is not a whole number"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{_shown(value)} is out of range: {message.removeprefix('Input should be ')}"
    # Anything else still reads as a sentence about the file, never as a Python type.
    return message.replace("Input should be", "it should be").removeprefix("Value error, ")


def dotted(loc: list[int | str]) -> str:
    """A key as the file writes it (`action_plan.period`); a list item by its place counted
    from 1, as a person counts (`the 2nd measurement's value`), never by a 0-based index."""
    text = ""
    after_item = False
    for part in loc:
        if isinstance(part, int):
            text = f"the {ordinal(part + 1)} {_ITEMS.get(text, f'item of {text}')}"
        elif after_item:
            text += f"'s {part}"
        else:
            text += f".{part}" if text else str(part)
        after_item = isinstance(part, int)
    return text


_ITEMS = {"measurements": "measurement", "action_plan.recalculate_from": "recalculate_from period"}


def _in_item(loc: list[int | str]) -> bool:
    """Whether `loc` lies in a list item, which is then named by its place after the key."""
    return any(isinstance(part, int) for part in loc)
