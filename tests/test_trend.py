"""SPC in `check`: the series each indicator is charted on, and the figures JSON gives for it.

Reference numbers are NHSRplotthedots' (see tests/test_spc.py for how they were produced).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.domain.models import Indicator, Settings
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.trend import indicator_spc, series
from test_spc import ONS_DEATHS_2010, ONS_LIMITS, ONS_WEEKS

SETTINGS = Settings()
LATER = date(2030, 1, 1)
runner = CliRunner()


def indicator(**fields: Any) -> Indicator:
    data: dict[str, Any] = {"title": "Test indicator", "direction": "higher", **fields}
    return Indicator.model_validate(data, context={"default_id": "test", "fy_start": 4})


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
