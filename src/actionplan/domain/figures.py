"""Figures as people write them: `19,625`, `53.6%`, `£1,200.50`, `NA`.

One reader for every place a figure enters the tool (plan files, `record`, CSV rows, imported
documents), so a figure means the same wherever it is typed. A comma is read as a thousands
separator only where it separates groups of three digits: `4,6` is a decimal comma in most of
Europe, and reading it as 46 would change a status without a word, so it is refused.

A figure to be recorded keeps the text it was given (`written`): the rules compute with the
nearest double, but a file keeps `1e23` and `12.50`, never the digits of a double's binary
expansion (99999999999999991611392) or a rounding of the person's own digits.
"""

from __future__ import annotations

import contextlib
import math
import re
from typing import Any

MISSING_WORDS = frozenset({"", "na", "n/a", "-", "null", "none", "m", "missing", "*", ".."})
_CURRENCY = "£$€"
# Digits with optional thousands groups, then an optional fraction and exponent.
_PLAIN = re.compile(r"(\d+(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LARGEST = 1e300  # beyond any real indicator; keeps arithmetic on figures finite
_NONZERO = re.compile(r"[1-9]")


def parse_number(value: object) -> float | None:
    """The number a figure means, None for missing data; ValueError says what to write."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a figure must be a number, not true/false")
    if type(value) is float and -_LARGEST <= value <= _LARGEST:
        return value  # the figure of nearly every file (NaN fails the comparison too)
    if isinstance(value, Written):
        return value  # read already, and kept with its text
    if isinstance(value, int | float):
        return _finite(value, _shown(value))
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a number")
    text = value.strip()
    if text.lower() in MISSING_WORDS:
        return None
    digits = _digits(text)
    number = float(digits)
    if abs(number) > _LARGEST:  # "1e400" reads as infinity
        raise ValueError(f"{text!r} is too large for a figure: write the number it stands for")
    if number == 0 and _NONZERO.search(_split_exponent(digits)[0]):
        raise ValueError(
            f"{text!r} is too small for a figure: it would be read as 0; write 0, or the "
            "figure in a larger unit"
        )
    return number


class Written(float):
    """A figure read from text, with the text a file is to keep for it: the same number with
    its formatting taken off by the text alone (`19,625` is 19625, `53.6%` 53.6, `.5` 0.5),
    digits and exponent as typed (`1e23`, `12.50`, `123456789012345678901`)."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, number: float, text: str) -> Written:
        figure = super().__new__(cls, number)
        figure.text = text
        return figure

    def __reduce__(self) -> tuple[type[Written], tuple[float, str]]:
        return (Written, (float(self), self.text))

    def __str__(self) -> str:
        return self.text


def written(value: object) -> float | None:
    """The figure `value` means, as `parse_number` reads it; from text, a `Written` that keeps
    the text. Raises ValueError as `parse_number` does."""
    number = parse_number(value)
    if number is None or not isinstance(value, str):
        return number
    digits = _digits(value.strip())
    body = digits.lstrip("+-")
    mantissa, exponent = _split_exponent(body)
    whole, _, fraction = mantissa.partition(".")
    text = "-" if digits.startswith("-") else ""
    text += (whole.lstrip("0") or "0") + (f".{fraction}" if fraction else "") + exponent
    return Written(number, text)


def _split_exponent(digits: str) -> tuple[str, str]:
    """`1.5e-7` as `1.5` and `e-7` (the exponent as typed; empty when there is none)."""
    cut = next((at for at, char in enumerate(digits) if char in "eE"), len(digits))
    return digits[:cut], digits[cut:]


def keep_written(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """`data` with the figures named that are text read as `Written`; one that cannot be read
    is left as it is, for validation to report at its field."""
    for name in names:
        if isinstance(data.get(name), str):
            with contextlib.suppress(ValueError):
                data[name] = written(data[name])
    return data


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
        # Each reading keeps the sign, currency and percent sign as the person wrote them.
        decimal = text.replace(body, f"{whole}.{rest}", 1)
        whole_number = text.replace(body, f"{whole}{rest}", 1)
        return (
            f"{text!r} has a comma that does not separate thousands: write {decimal} "
            f"for a decimal, or {whole_number} for a whole number"
        )
    return (
        f"{text!r} is not a number: a comma may only separate thousands (19,625); "
        "use a point for decimals (4.6)"
    )


def _shown(value: int | float) -> str:
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
    """A figure as YAML should write it: 617, not 617.0; a `Written` as its text. A double
    past 2**53 is not a whole number anyone wrote (1e23 is 99999999999999991611392 to the
    last digit): it stays a float, which YAML writes in its shortest form."""
    if isinstance(value, Written) or abs(value) >= _EXACT_WHOLE:
        return value
    return int(value) if value.is_integer() else value


_EXACT_WHOLE = 2.0**53  # from here on, not every whole number is a double
