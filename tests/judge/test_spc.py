"""SPC rules at their edges: a value exactly on a limit, two in three near the lower limit,
shifts and trends of exactly the rule's length, and assurance with the target on a limit."""

from __future__ import annotations

import pytest

from actionplan.judge.spc import MIN_POINTS, SpcResult, SpcUnavailable, analyse

TYPES = {
    "common_cause": ".",
    "special_cause_improvement": "I",
    "special_cause_concern": "C",
    "special_cause_neutral_high": "H",
    "special_cause_neutral_low": "L",
}


def chart(
    values: list[float], direction: str | None = "higher", target: float | None = None
) -> SpcResult:
    points = [(f"2020-{i:03d}", float(v)) for i, v in enumerate(values, start=1)]
    result = analyse(points, direction, target)
    assert isinstance(result, SpcResult), result
    return result


def letters(result: SpcResult) -> str:
    return "".join(TYPES[p.type] for p in result.points)


# A point exactly on a process limit is inside the limits. Each last value below is the double
# the limits of its own series come to (found by search): it equals the limit, not a rounding
# of it, so the comparison is the one the rule makes.
ON_UPPER = [13, 12, 14, 11, 11, 13, 14, 14, 13, 13, 11, 16.118545454545455]
ON_LOWER = [11, 14, 14, 11, 12, 14, 13, 14, 10, 14, 10, 5.092501122586437]


def test_a_value_exactly_on_the_upper_limit_is_not_beyond_it() -> None:
    result = chart(ON_UPPER)
    assert result.points[-1].value == result.upper_limit
    assert letters(result) == "." * 12


def test_a_value_exactly_on_the_lower_limit_is_not_beyond_it() -> None:
    result = chart(ON_LOWER)
    assert result.points[-1].value == result.lower_limit
    assert letters(result) == "." * 12


def test_a_value_on_the_upper_limit_beside_one_beyond_the_lower_is_not_beyond() -> None:
    # 0.0 is beyond the lower limit, so the limit rule is applied to every point: the last,
    # exactly on the upper limit, is still inside.
    result = chart([10, 13, 13, 0, 11, 10, 14, 13, 10, 14, 10, 11, 14, 23.71857923497268])
    assert result.points[-1].value == result.upper_limit
    assert result.points[3].value < result.lower_limit
    assert letters(result) == "...C.........."


def test_a_value_exactly_on_the_near_limit_is_not_near() -> None:
    # The points at 12 and 14 (14.0) are beyond the near upper limit; the one between them is
    # exactly on it, so it is not a third near point.
    values = [13, 12, 11, 10, 13, 14, 10, 11, 11, 12, 12, 14, 14, 13.862244897959183, 14]
    result = chart(values)
    segment = result.segments[-1]
    assert values[13] == segment.near_upper_limit
    assert [p.type for p in result.points[12:]] == [
        "special_cause_improvement",
        "common_cause",
        "special_cause_improvement",
    ]


def test_a_value_just_beyond_the_upper_limit_is_a_special_cause() -> None:
    values = [*ON_UPPER[:-1], 16.2]
    result = chart(values)
    assert result.points[-1].value > result.upper_limit
    assert letters(result)[-1] == "I"


def test_a_value_just_beyond_the_lower_limit_is_a_special_cause() -> None:
    result = chart([*ON_LOWER[:-1], 5.0])
    assert result.points[-1].value < result.lower_limit
    assert letters(result)[-1] == "C"


# Two of three near the lower limit: the reflection (22 - v) of the series whose upper case the
# reference (NHSRplotthedots) gives as mean 11.583333333333334, limits 4.8755072463768112 and
# 18.291159420289858, flagging the two near points. Reflected, the limits swap sides.
REFLECTED = [12.0, 10.0] * 12
REFLECTED[12], REFLECTED[13], REFLECTED[14] = 5.0, 10.0, 5.0


def test_two_of_three_near_the_lower_limit_flags_the_two() -> None:
    result = chart(REFLECTED)
    assert (result.mean, result.lower_limit, result.upper_limit) == pytest.approx(
        (22 - 11.583333333333334, 22 - 18.291159420289858, 22 - 4.8755072463768112)
    )
    assert letters(result) == "." * 12 + "C.C" + "." * 9
    assert letters(chart(REFLECTED, "lower")) == "." * 12 + "I.I" + "." * 9


def test_two_of_three_near_the_lower_limit_needs_two_near_points() -> None:
    values = REFLECTED.copy()
    values[14] = 12.0
    assert letters(chart(values)) == "." * 24


def test_the_near_limits_are_two_thirds_of_the_way_to_the_process_limits() -> None:
    segment = chart(REFLECTED).segments[-1]
    mean = segment.mean
    assert segment.near_lower_limit == pytest.approx(mean - 2 / 3 * (mean - segment.lower_limit))
    assert segment.near_upper_limit == pytest.approx(mean + 2 / 3 * (segment.upper_limit - mean))


def test_twelve_points_are_enough_for_spc() -> None:
    assert MIN_POINTS == 12
    assert isinstance(analyse([(str(i), float(i % 3)) for i in range(12)], "higher"), SpcResult)
    assert isinstance(
        analyse([(str(i), float(i % 3)) for i in range(11)], "higher"), SpcUnavailable
    )


def test_a_target_exactly_on_the_upper_limit_is_hit_and_miss() -> None:
    result = chart(ON_UPPER)
    assert chart(ON_UPPER, target=result.upper_limit).assurance == "inconsistent"
    assert chart(ON_UPPER, target=result.upper_limit + 0.01).assurance == "consistent_fail"
    assert chart(ON_UPPER, "lower", target=result.upper_limit + 0.01).assurance == (
        "consistent_pass"
    )
