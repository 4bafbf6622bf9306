"""The mean SPC uses is R's `mean()`, to the last bit, so limits and sides match NHSRplotthedots.

Expected values are what R 4.2.2 (Debian bookworm, x86-64) prints for `mean(x)` with
`sprintf("%.17g", ...)`. Where values of mixed signs nearly cancel, R's extended-precision sum is
not the correctly rounded mean: the "exact" column shows the mean rounded once, which R misses.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from actionplan.judge.spc_mean import r_mean

# Monthly variances against budget (GBP thousands), as generated for the comparison with R.
VARIANCES_24 = [
    -1.1, 806.9, 278.1, 17.2, -179.3, 714.0, -15.2, 112.6, -478.7, 144.3, -417.2, 35.2,
    -591.4, 202.8, -64.7, -3.7, 134.3, 382.1, 101.1, 6.9, -637.4, -116.8, -88.2, -361.8,
]  # fmt: skip
VARIANCES_20 = [
    151.9, 133.2, 496.6, 185.8, -184.5, 119.0, -640.7, -213.7, 568.8, -136.9, 138.7, -370.3,
    -142.9, 191.4, 56.4, 152.7, -161.9, -112.8, -220.6, -12.9,
]  # fmt: skip
VARIANCES_19 = [
    211.9, 293.0, 22.6, -299.1, -669.4, -37.1, 108.3, -454.4, 204.7, -63.5, -190.1, 278.5,
    554.7, -255.7, 169.6, 32.6, 81.8, 302.8, -292.5,
]  # fmt: skip


@pytest.mark.parametrize(
    ("values", "r", "exact"),
    [
        (VARIANCES_24, -0.8333333333333296, -0.8333333333333295),
        (VARIANCES_20, -0.13500000000000448, -0.1350000000000045),
        (VARIANCES_19, -0.068421052631574691, -0.06842105263157468),
        # The 64-bit sum rounds 1e17 + 1 and cancels the rest wrongly; R keeps what it gets.
        ([1e17, 1.0, -1e17], 0.33072916666666669, 1 / 3),
        ([1e20, 1.0, -1e20], 0.0, 1 / 3),
    ],
)
def test_the_mean_is_r_s_where_r_is_not_correctly_rounded(
    values: list[float], r: float, exact: float
) -> None:
    assert float(sum(map(Fraction, values)) / len(values)) == exact
    assert r != exact
    assert r_mean(values) == r


@pytest.mark.parametrize(
    ("values", "r"),
    [
        ([0.1] * 59, 0.10000000000000001),
        ([12.3, 12.5, 12.1], 12.300000000000001),
        ([1e16, 1.0, 1.0, 1.0], 2500000000000001),
        ([2.0**63, 2.0**63, 1.0], 6.1489146912365169e18),
        ([7.0], 7.0),
        ([0.0, 0.0], 0.0),
    ],
)
def test_the_mean_where_r_is_correctly_rounded(values: list[float], r: float) -> None:
    assert float(sum(map(Fraction, values)) / len(values)) == r
    assert r_mean(values) == r
