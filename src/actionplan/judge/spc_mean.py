"""The mean as R computes it, so SPC limits are the very doubles NHSRplotthedots gets.

R's `mean()` sums in the C `long double` (on x86-64, the 80-bit extended format with a 64-bit
significand), divides by n, adds back the mean of the residuals computed the same way, and rounds
the result to a double. That is not always the correctly rounded mean: where values of mixed signs
nearly cancel it is a few units in the last place away. A point or a target that sits exactly on
a mean or a limit is judged by the sign of a difference, so each step is repeated here, exactly:
a number is an integer significand times a power of two, rounded half to even as the hardware
rounds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# Bits in the significand of x86-64's extended double (R's LDOUBLE) and of a double.
EXTENDED = 64
DOUBLE = 53

Number = tuple[int, int]  # significand, exponent: the value significand * 2 ** exponent


def r_mean(values: Sequence[float]) -> float:
    """`mean(values)` as R 4.x computes it on x86-64 (values finite, at least one)."""
    numbers = [v.as_integer_ratio() for v in values]
    n = len(numbers)
    # Each value is an integer over a power of two: over the largest one every value is an
    # integer, and an extended-precision sum of them stays one (rounding drops low bits only).
    scale = max(d for _, d in numbers)
    ints = [m * (scale // d) for m, d in numbers]
    exponent = 1 - scale.bit_length()
    total = 0
    for x in ints:
        total += x
        if total.bit_length() > EXTENDED:
            total = _round_int(total)
    mean = _divide((total, exponent), n)
    # A mean that is not 0 is at least 1/n units, so its 64 bits end above 2 ** -finer units:
    # at that finer scale it, and each residual, is an integer.
    finer = EXTENDED + 1 + n.bit_length()
    centre = mean[0] << (mean[1] - exponent + finer) if mean[0] else 0
    residuals = 0
    for x in ints:
        residual = (x << finer) - centre  # R subtracts in extended precision too
        if residual.bit_length() > EXTENDED:
            residual = _round_int(residual)
        residuals += residual
        if residuals.bit_length() > EXTENDED:
            residuals = _round_int(residuals)
    mean = _add(mean, _divide((residuals, exponent - finer), n))
    significand, power = _round(*mean, DOUBLE)
    return math.ldexp(significand, power)


def _round_int(value: int) -> int:
    """`value` rounded to 64 significant bits, at the same scale."""
    drop = value.bit_length() - EXTENDED  # bit_length ignores the sign
    if drop <= 0:
        return value
    magnitude = -value if value < 0 else value
    kept = magnitude >> drop
    rest = magnitude - (kept << drop)
    half = 1 << (drop - 1)
    if rest > half or (rest == half and kept & 1):
        kept += 1
    kept <<= drop
    return -kept if value < 0 else kept


def _round(significand: int, exponent: int, bits: int) -> Number:
    """The nearest number with at most `bits` significant bits; ties to an even significand."""
    size = abs(significand).bit_length()
    if size <= bits:
        return significand, exponent
    drop = size - bits
    kept = abs(significand) >> drop
    rest = abs(significand) & ((1 << drop) - 1)
    half = 1 << (drop - 1)
    if rest > half or (rest == half and kept & 1):
        kept += 1
    return (kept if significand > 0 else -kept), exponent + drop


def _add(a: Number, b: Number) -> Number:
    if a[0] == 0:
        return b
    if b[0] == 0:
        return a
    exponent = min(a[1], b[1])
    total = (a[0] << (a[1] - exponent)) + (b[0] << (b[1] - exponent))
    return _round(total, exponent, EXTENDED)


def _divide(a: Number, n: int) -> Number:
    significand, exponent = a
    if significand == 0:
        return a
    # Enough quotient bits to round at the 64th, and a last bit that says whether anything
    # was left over, so that a quotient just past a tie does not round as the tie.
    scale = max(0, EXTENDED + 2 + n.bit_length() - abs(significand).bit_length())
    quotient, remainder = divmod(abs(significand) << scale, n)
    quotient = (quotient << 1) | (remainder != 0)
    signed = quotient if significand > 0 else -quotient
    return _round(signed, exponent - scale - 1, EXTENDED)
