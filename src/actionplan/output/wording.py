"""How figures and statuses are written for people, in tables and documents alike: one function,
`figure`, writes every figure a committee reads (value, target, gap, comparators, chart labels),
with its unit and thousands separators, and with the decimals it was written with."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from actionplan.domain.figures import Written

if TYPE_CHECKING:  # the judging module uses these words too
    from actionplan.judge.assessment import Assessment

# Fifteen significant digits hold any figure a person writes; a double with more is the end of
# a computation (a pro-rated target, a mean), shown to two decimals.
_WRITTEN_DIGITS = 15
_COMPUTED_DECIMALS = 2
# Beyond this many decimals a figure is not one a committee reads digit by digit (5e-324).
_MOST_DECIMALS = 10
_EXACT_WHOLE = 2.0**53


def figure(
    value: float | Decimal | None,
    unit: str,
    missing: str = "no figure",
    decimals: int | None = None,
) -> str:
    """A figure as a committee paper writes it: 617 · 1,900 · 19,625 · 7.37% · £12,500.50 ·
    10.6 days. The decimals are those written (`12.50` read from text stays 12.50) unless
    `decimals` is given; a computed figure is shown to two."""
    if value is None:
        return missing
    number = exact(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
    elif len(number.as_tuple().digits) > _WRITTEN_DIGITS or _places(number) > _MOST_DECIMALS:
        # More digits than anyone writes: the end of a computation, or past reading.
        number = number.quantize(
            Decimal(1).scaleb(-_COMPUTED_DECIMALS), ROUND_HALF_EVEN
        ).normalize()
    sign = "-" if number < 0 and number != 0 else ""
    text = f"{abs(number):f}"
    whole, _, fraction = text.partition(".")
    if decimals is None and fraction and not isinstance(value, Written):
        fraction = fraction.rstrip("0")
    digits = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    return with_unit(sign, digits, unit, number)


def with_unit(sign: str, number: str, unit: str, exact: Decimal | None = None) -> str:
    """A number written out (`1,200.5`, `12.5m`) with its unit: `-£1,200.5`, `55%`, `10.6 days`."""
    if unit == "percent":
        return f"{sign}{number}%"
    if unit == "currency":
        return f"{sign}£{number}"
    if unit == "days":
        return f"{sign}{number} {'day' if exact is not None and abs(exact) == 1 else 'days'}"
    return sign + number


def decimals_of(*values: float | Decimal | None) -> int:
    """The most decimals any of the figures was written with: a gap between 10.60 and 9.5 is
    written to two."""
    # A judged target is the Decimal of a double's repr (`1200.0`): its zeros were not written.
    return max(
        (
            _places(v.normalize() if isinstance(v, Decimal) else exact(v))
            for v in values
            if v is not None
        ),
        default=0,
    )


def _places(exact: Decimal) -> int:
    if len(exact.as_tuple().digits) > _WRITTEN_DIGITS:
        return _COMPUTED_DECIMALS  # computed, as a pro-rated target is
    exponent = exact.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def exact(value: float | Decimal) -> Decimal:
    """The figure as the decimal it was written as: `12.50` read from text keeps its zero, and
    a double is its shortest repr (10.6, not 10.5999...), a whole one without `.0`."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Written) and "e" not in value.text.lower():
        return Decimal(value.text)
    if float(value).is_integer() and abs(value) < _EXACT_WHOLE:
        return Decimal(int(value))
    return Decimal(repr(float(value)))


def status_qualifiers(assessment: Assessment) -> list[str]:
    """What qualifies the status shown: a published status that the figures do not give, a
    softened RED, a forecast."""
    reading = assessment.reading
    said = []
    if reading and reading.mismatch:
        said.append(f"as published; the figures give {reading.computed.value}")
    if reading and reading.softened:
        said.append("no worse than a year earlier")
    if reading and reading.measurement.forecast:
        said.append("forecast")
    return said


def status_words(assessment: Assessment) -> str:
    """The status shown, with what qualifies it in brackets."""
    return assessment.status.value + "".join(f" ({q})" for q in status_qualifiers(assessment))


def status_badge(assessment: Assessment) -> str:
    """The status as a badge short enough for a table's narrow column (`AMBER*`): a star when
    something qualifies it, said in full by `status_words` beside it."""
    return assessment.status.value + ("*" if status_qualifiers(assessment) else "")
