"""The SPC rule sets a council chooses: NHSRplotthedots 0.2.x (the default) or Making Data Count
as it has stood since November 2023; runs of 6 or 7; moving ranges screened or not; limits
frozen on a baseline.

The Making Data Count change, in the MDC team's own words (Matthew Callus, NHS England, 6 November
2023, github.com/nhs-r-community/NHSRplotthedots/issues/194): "Currently only points between two-
and three-sigma are counted, so if you had one point in this range and then the next point beyond
three-sigma (i.e. a process limit), this would not be sufficient to trigger the rule ... The change
will mean that all points beyond two-sigma are counted, so both points above would trigger the
rule. As before, all three points still need to be on the same side of the mean, and the third
point would not trigger this rule if it is not beyond two-sigma itself."

Point types are one letter a point, as in test_spc.py: "." common cause, "I" improvement,
"C" concern.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from actionplan.domain.models import Indicator, Settings
from actionplan.judge.spc import SpcResult, analyse
from actionplan.judge.spc_limits import Segment
from actionplan.judge.spc_options import SpcOptions
from actionplan.judge.trend import indicator_spc, spc_options
from support import mdc_reference
from support.published_series import ONS_DEATHS_2010, ONS_LIMITS, ONS_WEEKS

LETTER = {"common_cause": ".", "special_cause_improvement": "I", "special_cause_concern": "C"}
BASE = [10.0, 14.0] * 15  # mean near 12, process limits near 12 -+ 10.6


def run(values: list[float], direction: str = "higher", **options: object) -> SpcResult:
    points = [(f"2020-{i:03d}", v) for i, v in enumerate(values, 1)]
    result = analyse(points, direction, options=SpcOptions(**options))  # type: ignore[arg-type]
    assert isinstance(result, SpcResult), result
    return result


def letters(result: SpcResult) -> str:
    return "".join(LETTER[p.type] for p in result.points)


def with_values(changes: dict[int, float]) -> list[float]:
    values = BASE.copy()
    for index, value in changes.items():
        values[index] = value
    return values


def zone(value: float, seg: Segment) -> str:
    """Where a point lies: beyond 3 sigma, between 2 and 3, or within 2, and on which side."""
    side = "+" if value > seg.mean else "-"
    if value > seg.upper_limit or value < seg.lower_limit:
        return side + "3"
    if value > seg.near_upper_limit or value < seg.near_lower_limit:
        return side + "2"
    return side + "1"


def zones(result: SpcResult, first: int, last: int) -> list[str]:
    return [zone(p.value, result.segments[0]) for p in result.points[first : last + 1]]


# The two rule sets where they differ: a point beyond 3 sigma beside one beyond 2 sigma ------


def test_mdc_two_sigma_then_three_sigma_flags_both() -> None:
    """The case the announcement gives: one point between 2 and 3 sigma, the next beyond 3."""
    values = with_values({14: 21, 15: 24, 16: 13})
    package, mdc = run(values, rules="nhsrplotthedots"), run(values, rules="mdc")
    assert zones(mdc, 14, 16) == ["+2", "+3", "+1"]
    # NHSRplotthedots: only the point beyond the limit; MDC: the 2-sigma point as well.
    assert letters(package) == "." * 15 + "I" + "." * 14
    assert letters(mdc) == "." * 14 + "II" + "." * 14


def test_mdc_two_beyond_three_sigma_then_one_beyond_two_flags_the_third() -> None:
    """NHSRplotthedots issue #153 (github.com/nhs-r-community/NHSRplotthedots/issues/153, July
    2022): points beyond 3, beyond 3, then between 2 and 3 sigma. The package answered that the
    last is common cause, the 2-in-3 rule "looking explicitly for points between 2 and 3 sigma";
    under the MDC rule since November 2023 it is a special cause."""
    values = with_values({14: 25, 15: 25, 16: 21})
    package, mdc = run(values, rules="nhsrplotthedots"), run(values, rules="mdc")
    assert zones(mdc, 14, 16) == ["+3", "+3", "+2"]
    assert letters(package) == "." * 14 + "II" + "." * 14
    assert letters(mdc) == "." * 14 + "III" + "." * 13


def test_three_sigma_then_two_sigma_twice_is_flagged_by_both() -> None:
    """#153's second pattern: beyond 3, then two between 2 and 3 sigma: both sets flag all three."""
    values = with_values({14: 25, 15: 21, 16: 21})
    assert zones(run(values), 14, 16) == ["+3", "+2", "+2"]
    assert letters(run(values)) == letters(run(values, rules="mdc")) == "." * 14 + "III" + "." * 13


def test_mdc_the_third_point_within_two_sigma_is_not_flagged() -> None:
    values = with_values({14: 21, 15: 24, 16: 13})
    result = run(values, rules="mdc")
    assert zones(result, 16, 16) == ["+1"]
    assert result.points[16].type == "common_cause"


@pytest.mark.parametrize("rules", ["nhsrplotthedots", "mdc"])
def test_points_beyond_two_sigma_on_opposite_sides_are_not_two_of_three(rules: str) -> None:
    """All three points on one side of the mean (the announcement; NHSRplotthedots #143): a point
    beyond the upper limit beside one beyond the lower 2-sigma line is only the first a signal."""
    values = with_values({14: 24, 15: 1, 16: 13})
    result = run(values, rules=rules)
    assert zones(result, 14, 16) == ["+3", "-2", "+1"]
    assert letters(result) == "." * 14 + "I" + "." * 15


def test_mdc_rule_set_matches_the_published_rules_on_random_series() -> None:
    """The `mdc` set against `support.mdc_reference`, the rules written out point by point from
    their wording, on 600 series with jumps beyond the limits; every point's flag agrees, and
    the sets differ on some series (or the comparison would prove nothing)."""
    rng = random.Random(194)
    differ = 0
    for _ in range(600):
        values = [round(rng.gauss(50, 5), 1) for _ in range(rng.randint(12, 30))]
        for _ in range(rng.randint(0, 4)):
            values[rng.randrange(len(values))] += rng.choice([-1, 1]) * rng.uniform(10, 30)
        for points in (6, 7):
            mdc = run(values, rules="mdc", points=points)
            expected = mdc_reference.flagged(values, mdc.segments[0], points)
            assert [p.special_cause for p in mdc.points] == expected, values
            differ += letters(mdc) != letters(run(values, points=points))
    assert differ > 10


# Runs of 6 or 7, and screening -------------------------------------------------------------


def test_six_points_on_one_side_are_a_shift_with_points_6() -> None:
    values = with_values({13: 10, **{i: 13.5 for i in range(14, 20)}})
    assert letters(run(values)) == "." * 30
    assert letters(run(values, points=6)) == "." * 14 + "I" * 6 + "." * 10


def test_six_rising_points_are_a_trend_with_points_6() -> None:
    values = with_values(dict(enumerate([8.0, 9, 11, 12, 13, 14], start=14)))
    assert letters(run(values)) == "." * 30
    assert letters(run(values, points=6, rules="mdc")) == "." * 14 + "I" * 6 + "." * 10


def test_moving_ranges_unscreened_give_the_package_numbers() -> None:
    """NHSRplotthedots' own snapshot (tests/testthat/_snaps/ptd_spc_standard.md): set.seed(123);
    y <- rnorm(20); y[15] <- 10 with screen_outliers = FALSE gives limits -4.596625 and
    5.935457; the same, run with the package's code in R 4.2.2 (0.2.x at 050b07d), to 17
    digits."""
    values = [
        -0.5604756465522126, -0.23017748948327996, 1.558708314149124, 0.070508391424576003,
        0.12928773516094624, 1.715064986883281, 0.4609162059892023, -1.265061234606534,
        -0.68685285189352607, -0.44566197009995806, 1.2240817974394615, 0.35981382705736381,
        0.40077145059405217, 0.11068271594511971, 10, 1.7869131368030782,
        0.49785047822923939, -1.9666171566296382, 0.70135590156368555, -0.47279140772793404,
    ]  # fmt: skip
    result = run(values, screen=False)
    assert (result.mean, result.lower_limit, result.upper_limit) == pytest.approx(
        (0.6694158592123024, -4.5966251824697597, 5.9354569008943638), rel=1e-12
    )
    assert letters(result) == "." * 14 + "I" + "." * 5


# Limits frozen on a baseline -----------------------------------------------------------------

# NHSRplotthedots 0.2.x (050b07d, R/ptd_spc_standard.R and R/ptd_calculate_point_type.R), run in
# R 4.2.2 with dplyr 1.0.10 on the ONS weekly deaths of 2010, improvement_direction "decrease":
# ptd_spc(fix_after_n_points = 20) and = 12, limits printed with "%.17g".
FIXED_20 = (10105.9, 8659.9799999999996, 11551.82)
FIXED_20_TYPES = "CCCIIII.IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIC.C."
FIXED_12 = (10708.166666666666, 9807.877575757575, 11608.455757575757)
FIXED_12_TYPES = "CCCIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII...I"


def ons(**kw: object) -> SpcResult:
    points = list(zip(ONS_WEEKS, map(float, ONS_DEATHS_2010), strict=True))
    result = analyse(points, "lower", **kw)  # type: ignore[arg-type]
    assert isinstance(result, SpcResult), result
    return result


@pytest.mark.parametrize(
    ("n", "expected", "types"), [(20, FIXED_20, FIXED_20_TYPES), (12, FIXED_12, FIXED_12_TYPES)]
)
def test_fix_after_gives_the_package_numbers(
    n: int, expected: tuple[float, float, float], types: str
) -> None:
    result = ons(options=SpcOptions(fix_after=n))
    assert (result.mean, result.lower_limit, result.upper_limit) == pytest.approx(
        expected, rel=1e-12
    )
    assert letters(result) == types
    assert result.segments[0].frozen
    # Unfrozen, the same year's limits (ONS_LIMITS) take in the summer's lower deaths.
    assert ons().lower_limit == pytest.approx(ONS_LIMITS[1], rel=1e-12)


def test_a_baseline_freezes_the_limits_as_fix_after_does() -> None:
    assert letters(ons(baseline=(0, 20))) == FIXED_20_TYPES
    assert ons(baseline=(0, 20)).upper_limit == pytest.approx(FIXED_20[2], rel=1e-12)


def test_a_later_shift_is_flagged_against_the_baseline_limits() -> None:
    """Twelve steady months, then a lasting rise: frozen on the first twelve, the limits are
    those of the steady months alone, and the rise is a shift above their mean from its first
    point, whatever the later points would have done to the mean."""
    steady = [50.0, 52, 49, 51, 50, 53, 48, 51, 50, 52, 49, 49]
    values = [*steady, 55.0, 56, 54, 57, 55, 56, 55, 57]
    frozen, alone, moving = run(values, fix_after=12), run(steady), run(values)
    assert (frozen.mean, frozen.lower_limit, frozen.upper_limit) == (
        alone.mean,
        alone.lower_limit,
        alone.upper_limit,
    )
    assert letters(frozen) == "." * 12 + "I" * 8
    assert moving.mean > frozen.mean + 2


def test_settings_and_the_indicator_choose_the_rules() -> None:
    indicator = Indicator.model_validate(
        {"title": "t", "spc": {"points": 6, "baseline": "2020-01..2020-12"}},
        context={"default_id": "t"},
    )
    settings = Settings.model_validate({"spc": {"rules": "mdc", "screen_moving_ranges": False}})
    assert spc_options(indicator, settings) == SpcOptions("mdc", 6, False, None)
    assert spc_options(indicator, Settings()) == SpcOptions("nhsrplotthedots", 6, True, None)


def test_an_indicator_baseline_is_found_among_its_periods() -> None:
    steady = [50.0, 52, 49, 51, 50, 53, 48, 51, 50, 52, 49, 49]
    values = [*steady, 55.0, 56, 54, 57, 55, 56, 55, 57]
    measurements = [
        {"period": f"{2020 + i // 12}-{i % 12 + 1:02d}", "value": v} for i, v in enumerate(values)
    ]
    indicator = Indicator.model_validate(
        {"title": "t", "direction": "higher", "measurements": measurements,
         "spc": {"baseline": "2020-01..2020-12"}},
        context={"default_id": "t"},
    )  # fmt: skip
    result = indicator_spc(indicator, Settings(), date(2022, 1, 1))
    assert isinstance(result, SpcResult)
    assert letters(result) == "." * 12 + "I" * 8
    assert result.segments[0].basis == 12
