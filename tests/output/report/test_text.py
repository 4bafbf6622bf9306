"""The report's drafted evidence: the figure against its target, the run short of target, the
direction of travel and the SPC signal, each written only from the file's figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.judge.assessment import assess
from actionplan.judge.spc import SpcResult, SpcUnavailable, analyse
from actionplan.judge.trend import indicator_spc, series
from actionplan.output.report.evidence import evidence, spc_words
from support.indicators import LATER, SETTINGS, indicator, monthly


def drafted(ind: Any, as_of: date = LATER) -> str:
    """The sentence the report drafts for an indicator at `as_of`."""
    points = series(ind, SETTINGS, as_of)
    spc = indicator_spc(ind, SETTINGS, as_of, points)
    return evidence(assess(ind, SETTINGS, as_of), points, spc, SETTINGS, as_of)


def test_a_run_of_one_period_short_of_target_is_not_said() -> None:
    text = drafted(monthly({"2014-04": 120, "2014-05": 90}, target=100))
    assert "in a row" not in text


def test_a_run_of_two_periods_short_of_target_is_said() -> None:
    text = drafted(monthly({"2014-04": 90, "2014-05": 90}, target=100))
    assert "below target for 2 months in a row" in text


def test_a_lower_is_better_run_is_above_target() -> None:
    text = drafted(monthly({"2014-04": 110, "2014-05": 120}, target=100, direction="lower"))
    assert "above target for 2 months in a row" in text


def test_exactly_on_target_is_said_and_breaks_a_run() -> None:
    text = drafted(monthly({"2014-03": 90, "2014-04": 100, "2014-05": 90}, target=100))
    assert "in a row" not in text
    text = drafted(monthly({"2014-04": 90, "2014-05": 100.1}, target=100.1))
    assert "100.1 for May 2014 against a target of 100.1: on target" in text


def test_the_gap_of_a_percentage_is_in_percentage_points() -> None:
    text = drafted(monthly({"2014-05": "48.2%"}, target="50%", unit="percent"))
    assert "1.8 percentage points below the target" in text


def test_a_figure_reported_after_as_of_is_not_in_the_run() -> None:
    # April was reported late, on 20 June: on 1 June only May is known below target.
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014-03", "value": 120},
            {"period": "2014-04", "value": 90, "reported": "2014-06-20"},
            {"period": "2014-05", "value": 90, "reported": "2014-05-31"},
        ],
    )
    assert "in a row" not in drafted(ind, date(2014, 6, 1))
    assert "below target for 2 months in a row" in drafted(ind, date(2014, 6, 20))


def test_a_run_counts_periods_of_the_latest_one_s_length() -> None:
    # March and April are months of different lengths; the quarter to March is not a month.
    ind = monthly({"2014-01..2014-03": 50, "2014-03": 90, "2014-04": 90}, target=100)
    assert "below target for 2 months in a row" in drafted(ind)


def test_a_forecast_has_no_run() -> None:
    ind = indicator(
        target=100,
        measurements=[
            {"period": "2014-04", "value": 90},
            {"period": "2014-05", "value": 90},
            {"period": "2014-06", "value": 80, "forecast": True},
        ],
    )
    assert "in a row" not in drafted(ind)


def test_twelve_points_are_enough_for_spc_in_the_drafted_words() -> None:
    ind = monthly({f"2014-{m:02d}": 10 for m in range(1, 13)}, target=20)
    why = SpcUnavailable("a year-to-date share without its parts")
    assert spc_words(why, ind, 12) == "no SPC chart"
    assert spc_words(why, ind, 11) == "SPC needs 12 points; 11 so far"


# Simple series whose last points make each signal, checked against the chart itself.
def chart(values: list[float]) -> SpcResult:
    result = analyse([(f"2020-{i:02d}", v) for i, v in enumerate(values, 1)], "higher")
    assert isinstance(result, SpcResult)
    return result


def test_a_run_above_the_mean_is_said_as_points_above_the_mean() -> None:
    spc = chart([10.0, 12.0] * 4 + [13.0, 14.0, 13.0, 14.0, 13.0, 14.0, 13.0])
    assert all(p.value > spc.mean for p in spc.points[-7:])
    words = spc_words(spc, monthly({}, target=20), len(spc.points))
    assert words == "special cause improvement since 2020-09: 7 points above the mean"


def test_a_run_below_the_mean_is_said_as_points_below_the_mean() -> None:
    spc = chart([13.0, 14.0] * 4 + [10.0, 9.0, 10.0, 9.0, 10.0, 9.0, 10.0])
    words = spc_words(spc, monthly({}, target=20), len(spc.points))
    assert words == "special cause concern since 2020-09: 7 points below the mean"


def test_a_point_beyond_the_lower_limit_is_said() -> None:
    spc = chart([10.0, 12.0] * 6 + [1.0])
    assert spc.points[-1].value < spc.lower_limit
    words = spc_words(spc, monthly({}, target=20), len(spc.points))
    assert words == "special cause concern since 2020-13: a point beyond the lower process limit"


def test_a_rising_trend_is_said_as_rising() -> None:
    spc = chart([10.0, 11.0] * 4 + [10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7])
    words = spc_words(spc, monthly({}, target=20), len(spc.points))
    assert words.endswith("points rising")


def test_a_run_short_of_target_is_not_counted_across_a_missing_month() -> None:
    # No figure for May: March and June are not "2 months in a row".
    text = drafted(monthly({"2014-03": 90, "2014-04": 120, "2014-06": 90, "2014-07": 80},
                           target=100))  # fmt: skip
    assert "below target for 2 months in a row" in text
    text = drafted(monthly({"2014-04": 90, "2014-06": 90}, target=100))
    assert "in a row" not in text


def test_too_few_points_for_spc_says_how_many_it_needs_and_has() -> None:
    ind = monthly({f"2014-{m:02d}": 10 for m in range(1, 6)}, target=20)
    why = SpcUnavailable("5 points; statistical process control needs at least 12")
    assert spc_words(why, ind, 5) == "SPC needs 12 points; 5 so far"
    assert spc_words(why, ind, 1) == "SPC needs 12 points; 1 so far"


def test_a_gap_has_thousands_separators_and_the_unit() -> None:
    # Central Bedfordshire Council performance site, "Time taken to process Housing Benefit,
    # new claims & change events - Days"
    # (http://centralbedfordshireperformance.inphase.com/Detail/697_3884): "The benefits speed
    # of processing for January to March 2019 was 11.2 days against a target of 8.6 days."
    text = drafted(monthly({"2014-05": 11.2}, target=8.6, unit="days", direction="lower"))
    assert "11.2 days for May 2014 against a target of 8.6 days: 2.6 days above" in text
    text = drafted(monthly({"2014-05": "37,340"}, target=45000, unit="currency"))
    assert "£7,660 below the target" in text
