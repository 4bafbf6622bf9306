"""Figures as people write them: `19,625`, `53.6%`, `£1,200.50`, `NA`.

One reader for every place a figure enters the tool (plan files, `record`, CSV rows, imported
documents), so a figure means the same wherever it is typed. A comma is read as a thousands
separator only where it separates groups of three digits: `4,6` is a decimal comma in most of
Europe, and reading it as 46 would change a status without a word, so it is refused.
"""

from __future__ import annotations

import math
import re

MISSING_WORDS = frozenset({"", "na", "n/a", "-", "null", "none", "m", "missing", "*", ".."})
_CURRENCY = "£$€"
# Digits with optional thousands groups, then an optional fraction and exponent.
_PLAIN = re.compile(r"(\d+(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LARGEST = 1e300  # beyond any real indicator; keeps arithmetic on figures finite


def parse_number(value: object) -> float | None:
    """The number a figure means, None for missing data; ValueError says what to write."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a figure must be a number, not true/false")
    if type(value) is float and -_LARGEST <= value <= _LARGEST:
        return value  # the figure of nearly every file (NaN fails the comparison too)
    if isinstance(value, int | float):
        return _finite(value, _written(value))
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a number")
    text = value.strip()
    if text.lower() in MISSING_WORDS:
        return None
    number = float(_digits(text))
    if abs(number) > _LARGEST:  # "1e400" reads as infinity
        raise ValueError(f"{text!r} is too large for a figure: write the number it stands for")
    return number


def _digits(text: str) -> str:
    """The figure in `text` as Python float syntax, or a ValueError naming what was read."""
    body = text.removesuffix("%").strip()
    sign = ""
    if body[:1] in ("-", "+"):
        sign, body = body[0], body[1:].strip()
    body = body.lstrip(_CURRENCY).strip()
    if "," in body:
        if not _GROUPED.fullmatch(body):
            raise ValueError(_comma_message(text, body))
        body = body.replace(",", "")
    if not _PLAIN.fullmatch(body):
        raise ValueError(f"{text!r} is not a number: write 19625, 19,625, 53.6% or NA for missing")
    return sign + body


def _comma_message(text: str, body: str) -> str:
    """A comma that does not separate thousands: say both readings and let the person choose."""
    whole, _, rest = body.partition(",")
    if whole.isdigit() and rest.isdigit() and "," not in rest:
        return (
            f"{text!r} has a comma that does not separate thousands: write {whole}.{rest} "
            f"for a decimal, or {whole}{rest} for a whole number"
        )
    return (
        f"{text!r} is not a number: a comma may only separate thousands (19,625); "
        "use a point for decimals (4.6)"
    )


def _written(value: int | float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "'.nan'"
    if isinstance(value, float) and math.isinf(value):
        return "'-.inf'" if value < 0 else "'.inf'"
    digits = str(value)
    return digits if len(digits) <= 20 else f"a number of {len(digits)} digits"


def _finite(value: int | float, written: str) -> float:
    try:
        number = float(value)
    except OverflowError:  # an int of 309+ digits
        number = math.inf
    if math.isnan(number) or (isinstance(value, float) and math.isinf(value)):
        raise ValueError(f"{written} is not a number: write a figure, or NA for missing")
    if abs(number) > _LARGEST:
        raise ValueError(f"{written} is too large for a figure: write the number it stands for")
    return number


def whole_or_float(value: float) -> int | float:
    """A figure as YAML should write it: 617, not 617.0."""
    return int(value) if value.is_integer() else value
