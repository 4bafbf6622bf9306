"""SPC in `check`: the series each indicator is charted on, and the figures JSON gives for it.

Reference numbers are NHSRplotthedots' (see tests/judge/test_spc.py for how they were produced).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.domain.models import Settings
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.trend import indicator_spc, series
from support.indicators import LATER, SETTINGS, indicator, monthly
from support.published_series import ONS_DEATHS_2010, ONS_LIMITS, ONS_WEEKS

runner = CliRunner()


def ons_file(folder: Path, **extra: str) -> Path:
    lines = [
        "title: Deaths registered in England and Wales (weekly)",
        "unit: count",
        "direction: lower",
        "target: 9000",
        *(f"{key}: {value}" for key, value in extra.items()),
        "measurements:",
    ]
    lines += [
        f"  - {{period: {week}, value: {deaths}}}"
        for week, deaths in zip(ONS_WEEKS, ONS_DEATHS_2010, strict=True)
    ]
    path = folder / "ons-deaths.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))


def test_check_json_gives_the_reference_numbers(tmp_path: Path) -> None:
    path = ons_file(tmp_path)

    result = runner.invoke(app, ["check", str(path), "--format", "json", "--as-of", "2011-01-01"])

    [row] = json.loads(result.stdout)["indicators"]
    spc = row["spc"]
    assert (spc["mean"], spc["lower_limit"], spc["upper_limit"]) == pytest.approx(
        ONS_LIMITS, rel=1e-12
    )
    assert set(spc) == {"mean", "lower_limit", "upper_limit", "variation", "assurance", "points"}
    letters = "".join(
        {"common_cause": ".", "special_cause_improvement": "I", "special_cause_concern": "C"}[
            p["type"]
        ]
        for p in spc["points"]
    )
    assert letters == "CCCCCIICCCCCI....IIIIIIIIIIIIIIIIIIIIIIIIII.....CCC."
    assert spc["points"][0] == {
        "period": "2010-01-08",
        "value": 12968.0,
        "special_cause": True,
        "type": "special_cause_concern",
    }
    assert (spc["variation"], spc["assurance"]) == ("common_cause", "inconsistent")
    assert row["spc_reason"] is None


def test_the_table_says_variation_and_assurance(tmp_path: Path) -> None:
    path = ons_file(tmp_path)

    result = runner.invoke(app, ["check", str(path), "--all", "--as-of", "2011-01-01"])

    header, row = result.stdout.splitlines()[:2]
    assert "spc (variation / assurance)" in header
    assert "common cause / hit and miss" in row


def test_fewer_than_twelve_points_give_no_spc_and_say_why(tmp_path: Path) -> None:
    path = ons_file(tmp_path)

    result = runner.invoke(app, ["check", str(path), "--format", "json", "--as-of", "2010-03-20"])

    [row] = json.loads(result.stdout)["indicators"]
    assert row["spc"] is None
    assert "11 points" in row["spc_reason"] and "at least 12" in row["spc_reason"]


def test_a_recalculation_point_starts_new_limits(tmp_path: Path) -> None:
    path = ons_file(tmp_path, spc="{recalculate_from: [2010-07-02]}")
    [row] = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)[
        "indicators"
    ]
    second_half = [float(v) for v in ONS_DEATHS_2010[25:]]
    assert row["spc"]["mean"] == pytest.approx(sum(second_half) / len(second_half), rel=1e-12)


def test_forecasts_and_longer_periods_are_left_out_of_the_chart() -> None:
    months = [{"period": f"2014-{m:02d}", "value": 50 + m} for m in range(1, 13)]
    ind = indicator(
        target=60,
        measurements=[
            {"period": "2013", "value": 600},  # an annual outturn beside the months
            *months,
            {"period": "2015-01", "value": 99, "forecast": True},
        ],
    )
    points = series(ind, SETTINGS, LATER)
    assert [str(p.period) for p in points] == [f"2014-{m:02d}" for m in range(1, 13)]
    assert all(p.target == 60 for p in points)


def test_a_year_to_date_count_is_charted_on_each_month_s_own_amount() -> None:
    # Running totals of quitters, April to June in two years; May 2015 is missing, so June
    # 2015's own amount cannot be told and is left out.
    ind = indicator(
        unit="count",
        cumulative=True,
        target={"2014/15": 1200, "2015/16": 1200},
        measurements=[
            {"period": "2014-04", "value": 90},
            {"period": "2014-05", "value": 200},
            {"period": "2014-06", "value": 280},
            {"period": "2015-04", "value": 120},
            {"period": "2015-06", "value": 300},
        ],
    )
    points = series(ind, SETTINGS, LATER)
    assert [(str(p.period), p.value) for p in points] == [
        ("2014-04", 90),
        ("2014-05", 110),
        ("2014-06", 80),
        ("2015-04", 120),
    ]
    assert [p.target for p in points] == pytest.approx([100, 100, 100, 100])


def test_a_year_to_date_share_is_split_by_its_numerator_and_denominator() -> None:
    ind = indicator(
        unit="percent",
        cumulative=True,
        target="50%",
        measurements=[
            {"period": "2024-04", "value": "40%", "numerator": 40, "denominator": 100},
            {"period": "2024-05", "value": "45%", "numerator": 90, "denominator": 200},
        ],
    )
    assert [p.value for p in series(ind, SETTINGS, LATER)] == pytest.approx([40, 50])
    without = indicator(
        unit="percent",
        cumulative=True,
        measurements=[{"period": "2024-04", "value": "40%"}],
    )
    result = indicator_spc(without, SETTINGS, LATER)
    assert isinstance(result, SpcUnavailable) and "numerator and denominator" in result.reason


def test_no_direction_gives_neutral_points_and_no_assurance() -> None:
    measurements = [
        {"period": w, "value": v} for w, v in zip(ONS_WEEKS, ONS_DEATHS_2010, strict=True)
    ]
    result = indicator_spc(indicator(direction=None, measurements=measurements), SETTINGS, LATER)
    assert isinstance(result, SpcResult)
    assert result.assurance is None
    assert result.points[0].type == "special_cause_neutral_high"


SHARE_PARTS = [(40, 100), (90, 200), (150, 300)]  # year-to-date numerators and denominators


def _share_measurements(**last: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for month, (num, den) in zip(range(4, 7), SHARE_PARTS, strict=True):
        rows.append(
            {"period": f"2024-{month:02d}", "value": f"{100 * num / den}%", "numerator": num,
             "denominator": den}
        )  # fmt: skip
    rows[-1].update(last)
    return rows


@pytest.mark.parametrize("dropped", ["numerator", "denominator"])
def test_a_year_to_date_share_missing_either_part_of_an_actual_has_no_spc(dropped: str) -> None:
    ind = indicator(unit="percent", cumulative=True, measurements=_share_measurements())
    del ind.measurements[-1].__dict__[dropped]
    ind.measurements[-1].__dict__[dropped] = None
    result = indicator_spc(ind, SETTINGS, LATER)
    assert isinstance(result, SpcUnavailable)
    assert result.reason == (
        "a year-to-date share cannot be split into each period's own figure without its "
        "numerator and denominator"
    )


def test_forecasts_and_missing_figures_of_a_share_need_no_parts() -> None:
    rows = [
        *_share_measurements(),
        {"period": "2024-07", "value": "NA"},
        {"period": "2025-03", "value": "55%", "forecast": True},
    ]
    ind = indicator(unit="percent", cumulative=True, measurements=rows)
    result = indicator_spc(ind, SETTINGS, LATER)
    assert isinstance(result, SpcUnavailable) and "12" in result.reason  # only 3 points
    assert [p.value for p in series(ind, SETTINGS, LATER)] == pytest.approx([40, 50, 60])


def test_a_share_with_a_part_missing_the_period_before_is_left_out() -> None:
    rows = _share_measurements()
    rows[1]["denominator"] = None
    rows[1]["value"] = "45%"
    ind = indicator(unit="percent", cumulative=True, measurements=rows)
    # May has no denominator: May is not charted, and June cannot be split from May.
    assert [str(p.period) for p in series(ind, SETTINGS, LATER)] == ["2024-04"]


def test_a_year_to_date_count_starting_at_zero_and_the_workspace_year() -> None:
    # November's running total is 0, so December's own figure is all of its 5 (November, the
    # first point, has no month before it in the file and is left out). With a financial year
    # starting in January, January starts a new year and is charted as its own total.
    ind = indicator(
        unit="count",
        cumulative=True,
        measurements=[
            {"period": "2014-11", "value": 0},
            {"period": "2014-12", "value": 5},
            {"period": "2015-01", "value": 7},
        ],
    )
    january = Settings(financial_year_start=1)
    assert [p.value for p in series(ind, january, LATER)] == [5, 7]
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [5, 2]


def test_recalculation_points_outside_the_series_change_nothing() -> None:
    measurements = [
        {"period": w, "value": v} for w, v in zip(ONS_WEEKS, ONS_DEATHS_2010, strict=True)
    ]
    plain = indicator_spc(indicator(measurements=measurements), SETTINGS, LATER)
    for marks in (["2009-01-01"], [ONS_WEEKS[0]], ["2011-06-01"]):
        ind = indicator(measurements=measurements, spc={"recalculate_from": marks})
        assert indicator_spc(ind, SETTINGS, LATER) == plain, marks


# The series SPC and charts are drawn on: only what was known at the date, periods of one
def test_a_figure_reported_after_as_of_is_not_in_the_series() -> None:
    ind = indicator(
        target=10,
        measurements=[
            {"period": "2014-04", "value": 5},
            {"period": "2014-05", "value": 6, "reported": "2014-07-15"},
        ],
    )
    before = series(ind, SETTINGS, date(2014, 7, 14))
    assert [str(p.period) for p in before] == ["2014-04"]
    assert [str(p.period) for p in series(ind, SETTINGS, date(2014, 7, 15))] == [
        "2014-04",
        "2014-05",
    ]


def test_months_of_different_lengths_are_one_series() -> None:
    ind = monthly({"2014-01": 1, "2014-02": 2, "2014-03": 3}, target=10)
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [1, 2, 3]


def test_quarters_are_charted_without_the_months_beside_them() -> None:
    ind = monthly({"2014-04": 1, "2014/15 Q1": 9, "2014/15 Q2": 8}, target=10)
    assert [str(p.period) for p in series(ind, SETTINGS, LATER)] == ["2014/15 Q1", "2014/15 Q2"]


def test_a_year_to_date_series_follows_the_workspace_financial_year() -> None:
    # With a year starting in July, July's running total is July's own figure; with April's,
    # July's own figure is the difference from June.
    ind = monthly({"2014-06": 40, "2014-07": 10}, cumulative=True, unit="count", target=100)
    july = Settings(financial_year_start=7)
    assert [p.value for p in series(ind, july, LATER)] == [10]
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [-30]


def test_a_year_to_date_month_after_a_gap_is_left_out() -> None:
    ind = monthly(
        {"2014-04": 10, "2014-05": 25, "2014-07": 60}, cumulative=True, unit="count", target=100
    )
    assert [p.value for p in series(ind, SETTINGS, LATER)] == [10, 15]


def test_a_year_to_date_share_with_no_new_denominator_is_left_out() -> None:
    ind = indicator(
        unit="percent",
        cumulative=True,
        target="50%",
        measurements=[
            {"period": "2024-04", "value": "40%", "numerator": 40, "denominator": 100},
            {"period": "2024-05", "value": "45%", "numerator": 45, "denominator": 100},
        ],
    )
    assert [str(p.period) for p in series(ind, SETTINGS, LATER)] == ["2024-04"]


def test_a_recalculation_from_a_period_starts_at_that_period() -> None:
    values = {f"2014-{m:02d}": 10 + m % 2 for m in range(1, 13)}
    values.update({f"2015-{m:02d}": 30 + m % 2 for m in range(1, 13)})
    ind = monthly(values, target=20, spc={"recalculate_from": ["2015-01"]})
    result = indicator_spc(ind, SETTINGS, LATER)
    assert isinstance(result, SpcResult)
    assert [s.start for s in result.segments] == ["2014-01", "2015-01"]
