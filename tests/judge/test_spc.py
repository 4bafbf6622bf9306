"""SPC (Making Data Count) against numbers computed by NHSRplotthedots.

How the expected numbers were produced: NHSRplotthedots' calculation functions, taken from its
source (github.com/nhs-r-community/NHSRplotthedots, 0.2.x line: R/ptd_spc_standard.R at 8aac323,
R/ptd_calculate_point_type.R and R/ptd_calculate_assurance_type.R at f7891af), were run in R 4.2.2
with dplyr 1.0.10 (Debian bookworm) as `ptd_spc()` runs them: screen_outliers = TRUE,
improvement_direction "increase" / "decrease" / "neutral" for "higher" / "lower" / None, `rebase` at
the recalculation points, and the assurance of the last row (`case_when(.default = x)`, which dplyr
1.0.10 lacks, written as `TRUE ~ x`). Limits were printed with "%.17g". Those are the newest copies
of the files in the 0.2.x line; the rules differ from 0.1.x (two-in-three sides, trend direction).
That set-up reproduces the package's own test snapshot (tests/testthat/_snaps/
ptd_spc_standard.md: set.seed(123); rnorm(20) gives mean 0.1416238, limits -3.01138 and 3.294627).

Point types are written one letter a point: "." common cause, "I" improvement, "C" concern,
"H" / "L" neutral high / low.
"""

from __future__ import annotations

import pytest

from actionplan.judge.spc import MIN_POINTS, SpcResult, SpcUnavailable, analyse
from support.published_series import ONS_DEATHS_2010, ONS_LIMITS, ONS_WEEKS

LETTER = {
    "common_cause": ".",
    "special_cause_improvement": "I",
    "special_cause_concern": "C",
    "special_cause_neutral_high": "H",
    "special_cause_neutral_low": "L",
}


def series(values: list[float]) -> list[tuple[str, float]]:
    return [(f"2020-{i:03d}", v) for i, v in enumerate(values, start=1)]


def run(values: list[float], direction: str | None = "higher", **kw: object) -> SpcResult:
    result = analyse(series(values), direction, **kw)  # type: ignore[arg-type]
    assert isinstance(result, SpcResult), result
    return result


def letters(result: SpcResult) -> str:
    return "".join(LETTER[p.type] for p in result.points)


def limits(result: SpcResult) -> tuple[float, float, float]:
    return result.mean, result.lower_limit, result.upper_limit


# The package's own test data: set.seed(123); rnorm(20) in R.
RNORM_123 = [
    -0.5604756465522126, -0.23017748948327996, 1.558708314149124, 0.070508391424576003,
    0.12928773516094624, 1.715064986883281, 0.4609162059892023, -1.265061234606534,
    -0.68685285189352607, -0.44566197009995806, 1.2240817974394615, 0.35981382705736381,
    0.40077145059405217, 0.11068271594511971, -0.55584113475407493, 1.7869131368030782,
    0.49785047822923939, -1.9666171566296382, 0.70135590156368555, -0.47279140772793404,
]  # fmt: skip


def ons(direction: str | None, **kw: object) -> SpcResult:
    points = list(zip(ONS_WEEKS, map(float, ONS_DEATHS_2010), strict=True))
    result = analyse(points, direction, **kw)  # type: ignore[arg-type]
    assert isinstance(result, SpcResult), result
    return result


# Limits and the screening of large moving ranges ------------------------------------------


def test_package_snapshot_limits() -> None:
    result = run(RNORM_123)
    assert limits(result) == pytest.approx(
        (0.1416238024745986, -3.0113795957080995, 3.2946272006572963), rel=1e-12
    )
    assert letters(result) == "." * 20
    assert result.variation == "common_cause"


def test_moving_ranges_of_3267_times_the_mean_are_screened_out() -> None:
    # The package's snapshot again, with y[15] <- 10: its two large moving ranges are left out.
    values = RNORM_123.copy()
    values[14] = 10
    result = run(values)
    assert limits(result) == pytest.approx(
        (0.6694158592123024, -2.3836655972741312, 3.7224973156987362), rel=1e-12
    )
    # screen_outliers = FALSE would have given -4.596625 .. 5.935457 (same snapshot file)
    assert result.upper_limit < 5.9
    assert letters(result) == "." * 14 + "I" + "." * 5


# Moving ranges 773 (x9), 776 and 3267: their mean is exactly 1000, and 3.267 x 1000 is 3267.
SCREEN_EDGE = [0, 773, 0, 773, 0, 773, 0, 773, 0, 773, -3]


def test_a_moving_range_exactly_at_the_screening_line_is_left_out() -> None:
    result = run([*SCREEN_EDGE, 3264])
    assert limits(result) == pytest.approx(
        (593.83333333333337, -1463.1446666666666, 2650.8113333333336)
    )
    assert letters(result) == "..........." + "I"


def test_a_moving_range_just_under_the_screening_line_is_kept() -> None:
    result = run([*SCREEN_EDGE, 3263.9])
    assert limits(result) == pytest.approx(
        (593.82500000000005, -2066.1508181818181, 3253.8008181818186)
    )


def test_real_series_every_point_lower_is_better() -> None:
    result = ons("lower", target=9000)
    assert limits(result) == pytest.approx(ONS_LIMITS, rel=1e-12)
    assert letters(result) == "CCCCCIICCCCCI....IIIIIIIIIIIIIIIIIIIIIIIIII.....CCC."
    assert result.variation == "common_cause"
    assert result.assurance == "inconsistent"
    # Weeks 6 and 7 sit above the mean, but close a falling trend of 7: a falling trend is an
    # improvement when lower is better, whichever side of the mean it runs.
    assert result.points[5].value > result.mean
    assert result.points[5].type == "special_cause_improvement"


def test_real_series_higher_is_better_mirrors() -> None:
    result = ons("higher", target=9000)
    assert letters(result) == "IIIIICCIIIIIC....CCCCCCCCCCCCCCCCCCCCCCCCCC.....III."
    assert result.assurance == "inconsistent"


def test_without_a_direction_signals_are_neutral_and_there_is_no_assurance() -> None:
    result = ons(None, target=9000)
    assert letters(result) == "HHHHHLLHHHHHL....LLLLLLLLLLLLLLLLLLLLLLLLLL.....HHH."
    assert result.assurance is None


def test_a_flat_series_has_no_limits_and_no_signal() -> None:
    # Every moving range is 0, so all are screened out (0 < 0 is false) and the reference's
    # limits are NaN: JSON gives null, every point is common cause, and a target, compared with
    # NaN, is "inconsistent" whichever side of the line it is on.
    result = run([5.0] * 12, target=4)
    assert result.mean == 5.0
    assert letters(result) == "." * 12
    assert result.assurance == "inconsistent"
    data = result.to_json()
    assert (data["mean"], data["lower_limit"], data["upper_limit"]) == (5.0, None, None)


def test_a_flat_latest_segment_after_a_recalculation() -> None:
    # A count of rare events that stops after a service change: the second segment is all 0.
    result = run(
        [2, 0, 1, 3, 0, 1, 2, 0, 1, 1, 0, 2] + [0] * 12,
        "lower",
        target=0,
        recalculate_from=[12],
    )
    first, second = result.segments
    assert (first.mean, first.lower_limit, first.upper_limit) == pytest.approx(
        (1.0833333333333333, -2.7857575757575761, 4.9524242424242431), rel=1e-12
    )
    assert (second.mean, second.has_limits, first.has_limits) == (0, False, True)
    # Twelve points on the mean are not a shift: they are on neither side.
    assert letters(result) == "." * 24
    assert (result.variation, result.assurance) == ("common_cause", "inconsistent")
    assert result.to_json()["lower_limit"] is None


# Shifts: 7 points in a row on one side of the mean -----------------------------------------


def test_shift_of_exactly_seven_points() -> None:
    result = run([10, 8, 12, 9, 11, 8, 13, 13, 12, 13, 12, 13, 12, 6, 9, 7])
    assert limits(result) == pytest.approx((10.5, 4.293333333333333, 16.706666666666667))
    assert letters(result) == "......IIIIIII..."


def test_six_points_on_one_side_are_not_a_shift() -> None:
    result = run([10, 8, 12, 9, 11, 8, 7, 13, 12, 13, 12, 13, 12, 6, 9, 7])
    assert result.mean == pytest.approx(10.125)
    assert letters(result) == "." * 16


def test_a_point_on_the_mean_breaks_a_shift() -> None:
    result = run([10, 8, 12, 9, 11, 8, 13, 13, 12, 10.5, 12, 13, 12, 8.5, 9, 7])
    assert result.mean == 10.5
    assert result.points[9].value == result.mean
    assert letters(result) == "." * 16


# Monthly variances against budget (GBP thousands): they nearly cancel, and R's mean of them is
# exactly -0.2, the 7th value (the correctly rounded mean is one unit in the last place above it).
VARIANCES = [
    152.3, 215.2, 102.9, 285.0, 28.2, 255.5, -0.2, -269.3, 389.3, -426.7, 426.9, -507.5,
    565.2, -415.3, 556.5, -179.1, 122.0, -440.2, 1.6, -373.7, 475.7, -968.7,
]  # fmt: skip


def test_a_point_on_the_mean_as_r_computes_it_breaks_a_shift() -> None:
    result = run(VARIANCES)
    assert result.mean == -0.2
    assert limits(result) == pytest.approx((-0.2, -1566.2560000000001, 1565.856), rel=1e-12)
    # Six points above, then one on the mean: no shift (the exact mean would make it seven).
    assert letters(result) == "." * 22


def test_points_on_the_mean_are_not_a_shift() -> None:
    result = run([0, 0, 0, 0, 0, 0, 0, 1, -1, 1, -1, 2, -2])
    assert limits(result) == pytest.approx((0, -2.4181818181818184, 2.4181818181818184))
    assert letters(result) == "." * 13


# Trends: 7 points in a row each above (or below) the one before ---------------------------


TREND_7 = [10, 9, 11, 10, 12, 8, 9, 10, 11, 12, 13, 14, 9, 11, 10, 12]


def test_trend_of_exactly_seven_points() -> None:
    result = run(TREND_7)
    assert limits(result) == pytest.approx((10.6875, 6.0768333333333331, 15.298166666666667))
    assert letters(result) == ".....IIIIIII...."


def test_rising_trend_is_concern_when_lower_is_better() -> None:
    assert letters(run(TREND_7, "lower")) == ".....CCCCCCC...."


def test_six_rising_points_are_not_a_trend() -> None:
    result = run([10, 9, 11, 10, 12, 8, 9, 10, 11, 12, 13, 12.5, 9, 11, 10, 12])
    assert letters(result) == "." * 16


def test_a_repeated_value_breaks_a_trend() -> None:
    result = run([10, 9, 11, 10, 12, 8, 9, 10, 10, 11, 12, 13, 14, 9, 11, 10])
    assert letters(result) == "." * 16


def test_a_peak_shared_by_a_rise_and_a_fall_reads_as_falling() -> None:
    result = run([0, 16, 2, 14, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 12, 3])
    assert letters(result) == "....IIIIIICCCCCCC.."


def test_the_top_of_a_rise_followed_by_a_tie_reads_as_falling() -> None:
    # NHSRplotthedots reads a trend point's direction from the step after it when the next point
    # is in a trend too; a level step (10 then 10) is not "increasing", so it says falling.
    result = run([0, 16, 2, 14, 4, 5, 6, 7, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 12, 3])
    assert letters(result) == ".I..IIIIIICCCCCCCC.."
    assert result.points[1].type == "special_cause_improvement"  # 16 is beyond the upper limit


# Two of three points beyond the near (2-sigma) limit, on one side -------------------------

ALTERNATING = [10.0, 12.0] * 12


def with_values(changes: dict[int, float]) -> list[float]:
    values = ALTERNATING.copy()
    for index, value in changes.items():
        values[index] = value
    return values


def test_two_of_three_near_the_upper_limit_flags_the_two() -> None:
    result = run(with_values({12: 17, 13: 12, 14: 17}))
    assert limits(result) == pytest.approx(
        (11.583333333333334, 4.8755072463768112, 18.291159420289858)
    )
    assert letters(result) == "." * 12 + "I.I" + "." * 9


def test_near_limit_is_two_thirds_of_the_way_to_the_process_limit() -> None:
    # 15.448 lies 0.0008 beyond the near limit the reference computes, 15.445 0.001 inside it.
    beyond = run(with_values({12: 15.448, 13: 12, 14: 15.448}))
    assert limits(beyond) == pytest.approx(
        (11.454000000000001, 5.4641426086956519, 17.443857391304348)
    )
    assert letters(beyond) == "." * 12 + "I.I" + "." * 9
    assert letters(run(with_values({12: 15.445, 13: 12, 14: 15.445}))) == "." * 24


def test_two_of_three_needs_the_third_point_on_the_same_side() -> None:
    assert letters(run(with_values({12: 17, 13: 10, 14: 17}))) == "." * 24


def test_a_point_beyond_the_limit_is_not_a_near_point() -> None:
    result = run(with_values({12: 22, 13: 12, 14: 17}))
    assert limits(result) == pytest.approx(
        (11.791666666666666, 5.711666666666666, 17.871666666666666)
    )
    assert letters(result) == "." * 12 + "I" + "." * 11


def test_near_points_three_apart_are_not_two_in_three() -> None:
    assert letters(run(with_values({11: 17, 12: 12, 13: 12, 14: 17}))) == "." * 24


def test_package_case_near_points_on_opposite_sides() -> None:
    # Ported from NHSRplotthedots tests/testthat/test-ptd_spc_standard.R.
    values = [1.0, -1.0] * 8
    values[14], values[15] = 5.5, -5.5
    result = run(values)
    assert limits(result) == pytest.approx((0, -6.1750000000000007, 6.1750000000000007))
    assert letters(result) == "." * 16


# Assurance ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "target", "expected"),
    [
        ("lower", ONS_LIMITS[2], "inconsistent"),  # exactly on the upper limit
        ("lower", ONS_LIMITS[1], "inconsistent"),  # exactly on the lower limit
        ("lower", 10475.07, "consistent_pass"),
        ("lower", 8492.85, "consistent_fail"),
        ("higher", 10475.07, "consistent_fail"),
        ("higher", 8492.85, "consistent_pass"),
        ("higher", 9000, "inconsistent"),
        ("higher", None, None),
        (None, 10475.07, None),
    ],
)
def test_assurance(direction: str | None, target: float | None, expected: str | None) -> None:
    assert ons(direction, target=target).assurance == expected


# Not enough points; recalculation ----------------------------------------------------------


def test_one_point_gives_no_spc_and_says_one_point() -> None:
    # The reason is shown as written in the check's JSON and the report: "1 point", not "1 points".
    result = analyse(series(ONS_DEATHS_2010[:1]), "lower")
    assert isinstance(result, SpcUnavailable)
    assert result.reason.startswith("1 point; ")


def test_eleven_points_give_no_spc_and_say_why() -> None:
    result = analyse(series(ONS_DEATHS_2010[:11]), "lower")
    assert isinstance(result, SpcUnavailable)
    assert "11 points" in result.reason
    assert "12" in result.reason
    assert result.to_json() is None


def test_twelve_points_are_enough() -> None:
    result = run(ONS_DEATHS_2010[:12], "lower")
    assert limits(result) == pytest.approx(
        (10708.166666666666, 9807.877575757575, 11608.455757575757), rel=1e-12
    )
    assert letters(result) == "CCCIIIIIIIII"
    assert result.variation == "special_cause_improvement"


def test_recalculation_gives_each_segment_its_own_limits() -> None:
    result = ons("lower", target=9000, recalculate_from=["2010-07-09"])
    first, second = result.segments
    assert (first.start, first.size) == ("2010-01-08", 26)
    assert (second.start, second.size) == ("2010-07-09", 26)
    assert (first.mean, first.lower_limit, first.upper_limit) == pytest.approx(
        (9805.9230769230762, 8289.1910769230763, 11322.655076923076), rel=1e-12
    )
    # The top-level figures are the latest segment's.
    assert limits(result) == pytest.approx((9162, 8434.5478260869568, 9889.4521739130432))
    assert letters(result) == "CCCIIIICC...I..IIIIIIIIIIIIIIIIIIIIIIIICCCCCCCCCCCCC"
    assert result.variation == "special_cause_concern"
    assert result.assurance == "inconsistent"


def test_recalculation_by_index_and_unknown_periods() -> None:
    by_index = ons("lower", recalculate_from=[26])
    by_period = ons("lower", recalculate_from=["2010-07-09", "2011-01-07"])
    assert by_index == by_period
    assert len(by_index.segments) == 2


def test_a_short_segment_gets_trial_limits_as_in_the_reference() -> None:
    # NHSRplotthedots computes limits on a segment of any length, warning below 12 points.
    result = ons("lower", target=9000, recalculate_from=["2010-11-26"])
    first, last = result.segments
    assert (first.size, last.size, first.trial_limits, last.trial_limits) == (46, 6, False, True)
    assert (first.mean, first.lower_limit, first.upper_limit) == pytest.approx(
        (9374.5, 8365.803255813953, 10383.196744186047), rel=1e-12
    )
    assert limits(result) == pytest.approx(
        (10323.166666666666, 7696.1506666666664, 12950.182666666666), rel=1e-12
    )
    assert letters(result) == "CCCCCIICCCCCI....I...IIIIIIIIIIIIIIIIIIIIII........."


@pytest.mark.parametrize(
    ("mark", "expected", "limits_of_the_rest"),
    [
        # The last week on its own: its own mean, no limits, common cause.
        (51, "CCCCCIICCCCCI....I.IIIIIIIIIIIIIIIIIIIIIIII.....CCC.",
         (9479.9411764705874, 8488.8364956195237, 10471.045857321651)),
        # The first week on its own; the rest is a segment of 51.
        (1, ".CCCCCCCCCCCI....I...IIIIIIIIIIIIIIIIIIIIII.....CCC.",
         (9415.6470588235297, 8427.6883631713554, 10403.605754475704)),
    ],
)  # fmt: skip
def test_a_segment_of_one_point_has_no_limits_and_the_rest_is_charted(
    mark: int, expected: str, limits_of_the_rest: tuple[float, float, float]
) -> None:
    # The reference computes a lone point's mean (the point itself) and NaN limits, and every
    # other segment as usual.
    result = ons("lower", target=9000, recalculate_from=[mark])
    lone, rest = sorted(result.segments, key=lambda seg: seg.size)
    lone_week = ONS_DEATHS_2010[0 if mark == 1 else mark]
    assert (lone.size, lone.has_limits, lone.mean) == (1, False, lone_week)
    assert (rest.mean, rest.lower_limit, rest.upper_limit) == pytest.approx(
        limits_of_the_rest, rel=1e-12
    )
    assert letters(result) == expected
    assert result.assurance == "inconsistent"


def test_a_segment_of_one_point_between_two_recalculations() -> None:
    result = ons("lower", target=9000, recalculate_from=[25, 26])
    first, lone, _ = result.segments
    assert (first.mean, first.lower_limit, first.upper_limit) == pytest.approx(
        (9839.2399999999998, 8316.057499999999, 11362.422500000001), rel=1e-12
    )
    assert (lone.size, lone.mean, lone.has_limits) == (1, 8973, False)
    assert limits(result) == pytest.approx((9162, 8434.5478260869568, 9889.4521739130432))
    assert letters(result) == "CCCIIIICC...I..IIIIIIIIII.IIIIIIIIIIIIICCCCCCCCCCCCC"


# Inputs and output -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "direction"),
    [
        (series([1.0] * 11 + [float("nan")]), "higher"),
        ([("2020-01", 1.0)] * 12, "higher"),
        (series([1.0] * 12), "up"),
    ],
)
def test_bad_input_is_refused(points: list[tuple[str, float]], direction: str) -> None:
    with pytest.raises(ValueError):
        analyse(points, direction)


def test_json_shape() -> None:
    data = run(TREND_7, target=20.0).to_json()
    assert list(data) == ["mean", "lower_limit", "upper_limit", "variation", "assurance", "points"]
    assert data["assurance"] == "consistent_fail"
    assert data["points"][5] == {  # type: ignore[index]
        "period": "2020-006",
        "value": 8.0,
        "special_cause": True,
        "type": "special_cause_improvement",
    }


# SPC rules at their edges: a value exactly on a limit, two in three near the lower limit,
def chart(
    values: list[float], direction: str | None = "higher", target: float | None = None
) -> SpcResult:
    points = [(f"2020-{i:03d}", float(v)) for i, v in enumerate(values, start=1)]
    result = analyse(points, direction, target)
    assert isinstance(result, SpcResult), result
    return result


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
