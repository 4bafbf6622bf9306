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
from itertools import repeat
from operator import sub

# Bits in the significand of x86-64's extended double (R's LDOUBLE) and of a double.
EXTENDED = 64
DOUBLE = 53

Number = tuple[int, int]  # significand, exponent: the value significand * 2 ** exponent

# Where the short way below is sure of its answer: series up to this long, sums at least this
# far from 0 (so that no step of it leaves the doubles' normal range).
MOST_POINTS = 2**20
LEAST_SUM = 2.0**-900
# The bound's margin over u = 2 ** -64: 1 + 2 ** -16, which covers every small factor below.
MARGIN = float.fromhex("0x1.0001p-64")


def r_mean(values: Sequence[float]) -> float:
    """`mean(values)` as R 4.x computes it on x86-64 (values finite, at least one).

    The double R returns is, for all but a few series, the exact mean correctly rounded, which a
    few C-level sums give; where that cannot be proved the steps are emulated one by one."""
    sure = _bounded_mean(values)
    return emulated_mean(values) if sure is None else sure


# Why the short way gives R's double. R's steps, in 64-bit arithmetic rounded to nearest (each
# result z(1 + d) with |d| <= u = 2 ** -64; the extended exponent never overflows here): s, the
# sum of x_1..x_n in order; m1 = s / n; t, the sum in order of the residuals x_i - m1; m2 =
# m1 + t / n; the answer m2 rounded to a double. With S the exact sum, M = S / n the exact mean,
# B = sum |x_i|, A0 = sum |x_i - M| and g_k = k u / (1 - k u) (Higham, Accuracy and Stability
# of Numerical Algorithms, 3.1 and 4.2):
#   |s - S| <= g_(n-1) B, so |m1 - M| <= (g_(n-1) B (1 + u) + u B) / n <= g_n B / n =: d1;
#   t* = sum (x_i - m1) = n (M - m1), |t - t*| <= g_n A with A = sum |x_i - m1| <= A0 + n d1
#   (each residual rounded once, then n - 1 additions);
#   with v = t / n rounded and m1 + t* / n = M, |m2 - M| <= u |m1 + v| + u |t| / n + g_n A / n,
#   and as |m1 + v| <= |M| + u |t| / n + g_n A / n and |t| <= n d1 + g_n A,
#   |m2 - M| <= u |M| + (1 + u) (u d1 + (1 + u) g_n (A0 + n d1) / n).
# For n <= 2 ** 20, g_n / n <= u (1 + 2 ** -43): the A0 term is at most u (1 + 2 ** -41) A0; the
# d1 terms at most (n + 1) u ** 2 (1 + 2 ** -40) B, and B <= A0 + n |M| makes them at most
# u (2 ** -42 A0 + 2 ** -22 |M|). So |m2 - M| <= u (1 + 2 ** -20) (A0 + |M|).
# Rounding to a double is monotonic: where M - E and M + E round to the same double for some
# E >= |m2 - M|, m2 rounds to it as well, and that double is R's answer (in the normal range,
# where R's rounding to 53 bits is the double's own).
# What is computed, in doubles: hi = fsum(x), the sum rounded; lo = fsum(x, -hi), S - hi rounded
# (allowing each an error of a unit in its last place, |S - hi - lo| <= 2 ** -103 |hi| + 2 **
# -1074); c = hi / n; A = fsum |x_i - c|. Then A0 <= sum |x_i - c| + n |c - M| <= A (1 + 2 **
# -51) + 2 ** -50 |hi|, |M| <= |hi| (1 + 2 ** -51) / n, and with |hi| >= 2 ** -900 the mean
# taken as (hi + lo) / n is within u 2 ** -38 |hi| / n of M. Altogether the bound needed is
# u (1 + 2 ** -19) F with F = A + |hi| / n + 2 ** -50 |hi| (nothing in it underflows); F is
# summed in doubles (three roundings of terms >= 0: within 1 + 2 ** -51), and its product with
# MARGIN (rounded once more) still exceeds u (1 + 2 ** -19) F. The two ends are rounded exactly,
# as Python divides integers: correctly rounded, half to even. Where they agree, the double is M
# rounded, and |M| > 2 ** -921: a normal double, so no range check is needed on it.


def _bounded_mean(values: Sequence[float]) -> float | None:
    """R's mean where the bound above proves it is the rounded exact mean, else None."""
    n = len(values)
    if n > MOST_POINTS:
        return None
    try:
        hi = math.fsum(values)
        if not LEAST_SUM <= abs(hi) < math.inf:  # nor a value that is not finite
            return None
        lo = math.fsum([*values, -hi])
        spread = math.fsum(map(abs, map(sub, values, repeat(hi / n))))
    except OverflowError:  # a sum beyond the largest double on the way
        return None
    bound = (spread + abs(hi) / n + abs(hi) * 2.0**-50) * MARGIN
    if not math.isfinite(bound):
        return None
    # (hi + lo) / n -+ bound over one power of two, as integers.
    (a, p), (b, q), (e, r) = hi.as_integer_ratio(), lo.as_integer_ratio(), bound.as_integer_ratio()
    scale = max(p, q, r)
    middle = a * (scale // p) + b * (scale // q)
    width = n * e * (scale // r)
    try:
        low = (middle - width) / (n * scale)
        high = (middle + width) / (n * scale)
    except OverflowError:
        return None
    return low if low == high else None


def emulated_mean(values: Sequence[float]) -> float:
    """R's mean by each of its steps in exact integer arithmetic: the reference `r_mean` follows
    where its short way cannot be sure."""
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
