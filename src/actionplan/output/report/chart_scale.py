"""A chart's vertical scale: round gridline values covering the figures, and their labels.

Worked in decimals, not floats: a figure may be anything `check` accepts, from 5e-324 to 1e300,
and a float step at those ends underflows to 0 or rounds every gridline to the same value.
Each gridline is a short decimal (its label) and the float nearest it (where it is drawn).
"""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal, localcontext
from itertools import pairwise

from actionplan.output.wording import figure, with_unit

TOO_LARGE = "No chart: the figures are too large to draw"
# Figures closer than this share of their size are drawn as one level with room around it:
# gridlines between them would need more digits than an axis label holds.
_TOGETHER = 1e-4
# Room beside the axis, in ems of the chart's font (54 px at 11 px), and a character's width:
# a figure's digits are 0.56 em in Arial and Liberation Sans; 0.6 leaves room for a fallback font.
ROOM = 54 / 11
_NARROW = {",": 0.28, ".": 0.28, "-": 0.34}
_SCALE_WORDS = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))
TIMES = "\N{MULTIPLICATION SIGN}"
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class Ticks:
    """Gridlines from low to high, at least two, strictly increasing."""

    def __init__(self, exact: list[Decimal]) -> None:
        self.exact = exact
        self.values = [float(tick) for tick in exact]

    def labels(self, unit: str) -> list[str]:
        """Figures as everywhere else where they fit and differ; else a compact form."""
        plain = [figure(value, unit) for value in self.values]
        if len(set(plain)) == len(plain) and max(map(width, plain)) <= ROOM:
            return plain
        return [_compact(tick, unit, max(abs(t) for t in self.exact)) for tick in self.exact]


def width(label: str) -> float:
    """A label's width in ems, near enough to keep it inside the chart."""
    return sum(_NARROW.get(character, 0.6) for character in label)


def ticks(low: float, high: float) -> Ticks | str:
    """Four to six round gridlines covering low..high, or why there can be none."""
    if not all(map(math.isfinite, (low, high))):
        return TOO_LARGE
    size = max(abs(low), abs(high))
    if high - low <= size * _TOGETHER:
        # One level: a step either side (as it always was), or a tenth of the figure's size
        # where a step of 1 is lost in the figure's last digit.
        pad = max(1.0 if size < 1e6 else size / 10, high - low)
        middle = low / 2 + high / 2
        low, high = middle - pad, middle + pad
    with localcontext(Context(prec=60)):
        bottom, top = Decimal(repr(low)), Decimal(repr(high))
        raw = (top - bottom) / 4
        exponent = raw.adjusted()
        for power in range(exponent, exponent + 4):
            for multiple in (1, 2, Decimal("2.5"), 5):
                step = multiple * Decimal(10) ** power
                if step < raw:
                    continue
                first = (bottom / step).to_integral_value(ROUND_FLOOR) * step
                count = int(((top - first) / step).to_integral_value(ROUND_CEILING))
                found = Ticks([first + i * step for i in range(max(count, 1) + 1)])
                if _drawable(found.values):
                    return found
    return TOO_LARGE


def _drawable(values: list[float]) -> bool:
    """Finite, and apart once they are floats (at 5e-324 several decimals are one float)."""
    if not all(map(math.isfinite, values)) or not math.isfinite(values[-1] - values[0]):
        return False
    return all(a < b for a, b in pairwise(values))


def _compact(tick: Decimal, unit: str, largest: Decimal) -> str:
    """A label short enough for the axis, with every digit that tells the gridlines apart:
    99521.75, 12.5m, 3bn, and a power of ten (1.1 times 10¹⁷) beyond trillions or below
    a ten-thousandth."""
    sign = "-" if tick < 0 else ""
    number = abs(tick)
    words = next((w for w in _SCALE_WORDS if largest >= w[0]), None)
    if number == 0:
        text = "0"
    elif largest >= Decimal(10) ** 15 or largest < Decimal("0.0001"):
        power = number.adjusted()
        text = f"{_plain(number.scaleb(-power))}{TIMES}10{str(power).translate(_SUPERSCRIPT)}"
    elif words:
        text = _plain(number / words[0]) + words[1]
    else:
        text = _plain(number)
    return with_unit(sign, text, unit, number)


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 12.5, 3, 0.25."""
    text = f"{number.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
