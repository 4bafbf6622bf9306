"""The quick mean returns exactly the double of the step-by-step emulation of R's `mean()`.

`r_mean` answers from a few exact sums when an error bound proves R's double is the correctly
rounded mean, and otherwise runs `emulated_mean`, the emulation checked against R (see
test_spc_mean.py). Each case here compares the two to the last bit, on plan-like figures and on
series built to defeat the bound: near-cancelling signs, far-apart exponents, means on or a hair
from the midpoint between two doubles, one and two values, long series.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.judge.spc_mean import _bounded_mean, emulated_mean, r_mean

# Hundreds of generated cases a test: outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

Series = list[float]


def outcome(mean: Callable[[Series], float], values: Series) -> str:
    """The mean's bits, or the error it raises (a mean beyond the largest double)."""
    try:
        return mean(values).hex()
    except OverflowError as error:
        return type(error).__name__


def assert_same(values: Series) -> bool:
    """`r_mean` and the emulation agree; True where the bound answered without the emulation."""
    expected = outcome(emulated_mean, values)
    assert outcome(r_mean, values) == expected, values
    quick = _bounded_mean(values)
    assert quick is None or quick.hex() == expected, values
    return quick is not None


def exact_mean(values: Series) -> float:
    return float(sum(map(Fraction, values)) / len(values))


# R rounds twice: the 64-bit mean here is the midpoint between two doubles (2 ** 19 and the next
# one up), which rounds to the even one, though the exact mean is past the midpoint by 2 ** -86.
DOUBLE_ROUNDING = [2.0**20, math.ldexp(1 + 2.0**-52, -33)]


def test_where_r_rounds_twice_the_quick_mean_leaves_it_to_the_emulation() -> None:
    assert exact_mean(DOUBLE_ROUNDING) == 2.0**19 + 2.0**-33
    assert emulated_mean(DOUBLE_ROUNDING) == 2.0**19
    assert _bounded_mean(DOUBLE_ROUNDING) is None
    assert r_mean(DOUBLE_ROUNDING) == 2.0**19


def test_where_r_is_not_correctly_rounded_the_quick_mean_leaves_it_to_the_emulation() -> None:
    # Variances against budget from test_spc_mean.py, whose R mean misses the exact one.
    values = [
        151.9, 133.2, 496.6, 185.8, -184.5, 119.0, -640.7, -213.7, 568.8, -136.9, 138.7, -370.3,
        -142.9, 191.4, 56.4, 152.7, -161.9, -112.8, -220.6, -12.9,
    ]  # fmt: skip
    assert exact_mean(values) != emulated_mean(values)
    assert _bounded_mean(values) is None
    assert r_mean(values) == emulated_mean(values)


def plan_figures(rng: random.Random) -> Series:
    """Monthly figures as plan files hold them: one or two decimals around a level."""
    level = rng.uniform(1, 3000)
    digits = rng.choice([0, 1, 1, 2])
    return [round(level * rng.uniform(0.8, 1.2), digits) for _ in range(rng.randint(1, 40))]


def moving_ranges(rng: random.Random) -> Series:
    return [abs(b - a) for a, b in pairwise([*plan_figures(rng), rng.uniform(1, 3000)])]


def cancelling(rng: random.Random) -> Series:
    """Values and their negatives, with a few small values left over."""
    values = [rng.choice((-1, 1)) * math.ldexp(rng.random() + 0.5, rng.randint(-10, 70))]
    values += [-v for v in values] + [rng.uniform(-1, 1) for _ in range(rng.randint(0, 3))]
    for _ in range(rng.randint(0, 10)):
        values += [rng.uniform(-1e6, 1e6)] * 2
        values[-1] = -values[-1]
    rng.shuffle(values)
    return values


def far_apart(rng: random.Random) -> Series:
    """Magnitudes from 2 ** -1074 to 2 ** 1000, both signs."""
    top = rng.choice([80, 300, 1000])
    return [
        rng.choice((-1, 1)) * math.ldexp(rng.random() + 0.5, rng.randint(-1074, top))
        for _ in range(rng.randint(1, 12))
    ]


def equal(rng: random.Random) -> Series:
    value = rng.choice([rng.uniform(-1e6, 1e6), round(rng.uniform(0, 1e3), 1), 0.1, 0.0, 1 / 3])
    return [value] * rng.randint(1, 300)


def near_midpoint(rng: random.Random) -> Series:
    """Plan-like figures and two more, a double and a small remainder, that put the exact mean
    on the midpoint between two doubles or within 2 ** -t of a last place from it (t up to 40),
    where R's two roundings and its errors decide."""
    level = rng.choice([rng.uniform(1, 3000), round(rng.uniform(1, 3000), 1)])
    nudge = rng.choice([0, 1, -1, 3, -5]) * Fraction(1, 2 ** rng.randint(1, 40))
    mean = Fraction(level) + Fraction(math.ulp(level)) * (Fraction(1, 2) + nudge)
    values = [round(level * rng.uniform(0.9, 1.1), 1) for _ in range(rng.randint(1, 38))]
    rest = (len(values) + 2) * mean - sum(map(Fraction, values))
    values.append(float(rest))
    remainder = rest - Fraction(values[-1])
    values.append(float(remainder))
    assert Fraction(values[-1]) == remainder  # a double: the figures' last places set its bits
    rng.shuffle(values)
    return values


def short(rng: random.Random) -> Series:
    d = rng.uniform(-1e3, 1e3)
    return rng.choice(
        [[d], [d, math.nextafter(d, math.inf)], [d, d + math.ulp(d) * rng.randint(1, 9)], [d, -d]]
    )


def long(rng: random.Random) -> Series:
    level = rng.uniform(1, 3000)
    return [round(level * rng.uniform(0.5, 1.5), 1) for _ in range(rng.randint(200, 2000))]


@pytest.mark.parametrize(
    ("make", "count"),
    [
        (plan_figures, 2000),
        (moving_ranges, 2000),
        (cancelling, 500),
        (far_apart, 500),
        (equal, 300),
        (near_midpoint, 2000),
        (short, 1000),
        (long, 30),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_the_quick_mean_is_the_emulated_one_to_the_last_bit(
    make: Callable[[random.Random], Series], count: int
) -> None:
    rng = random.Random(f"spc-mean-{make.__name__}")
    answered = sum(assert_same(make(rng)) for _ in range(count))
    # The bound answers most plan-like series itself (else the comparison would test nothing).
    if make in (plan_figures, moving_ranges, long):
        assert answered >= 0.8 * count


def test_series_on_a_midpoint_are_both_answered_and_left_to_the_emulation() -> None:
    rng = random.Random("spc-mean-midpoints")
    answered = [assert_same(near_midpoint(rng)) for _ in range(500)]
    assert any(answered) and not all(answered)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=40))
def test_any_finite_doubles(values: Series) -> None:
    assert_same(values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-(10**7), 10**7).map(lambda k: k / 10), min_size=1, max_size=60))
def test_any_one_decimal_figures(values: Series) -> None:
    assert_same(values)
