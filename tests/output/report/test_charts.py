"""Each report chart shows the figure its scorecard row shows, whatever the SPC series leaves
out; where the SPC series differs from the figures charted, the caption says what it is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.domain.models import Indicator, Settings
from actionplan.output.report.model import build_report
from actionplan.output.report.variables import context

SETTINGS = Settings.model_validate({"tolerance": {"green": "5%", "amber": "10%"}})
AS_OF = date(2025, 11, 30)


def charted(**fields: object) -> tuple[dict[str, object], object]:
    """The scorecard row and the chart of one indicator reported at AS_OF."""
    indicator = Indicator.model_validate(
        {"id": "ehcps", "title": "EHCPs issued within 20 weeks", "frequency": "quarterly", **fields}
    )
    report = build_report([(Path("ehcps.yaml"), indicator)], SETTINGS, AS_OF)
    folder = context(report)["folders"][0]
    return folder["rows"][0], folder["charts"][0]


def test_a_year_to_date_chart_shows_the_scorecards_figure() -> None:
    # An officer's quarter of figures for a year-to-date share (Bracknell reports its EHCPs
    # issued within 20 weeks this way, 1.1.4.KR): 28.1% at Q1, 55% at Q2, with no numerator
    # or denominator, so Q2's own share cannot be worked out for SPC.
    row, chart = charted(
        unit="percent",
        direction="higher",
        cumulative=True,
        target={"2025/26": "65%"},
        measurements=[
            {"period": "2025/26 Q1", "value": "28.1%"},
            {"period": "2025/26 Q2", "value": "55%"},
        ],
    )
    assert row["period"] == "2025/26 Q2" and row["value"] == "55%" and row["status"] == "RED"
    assert chart.title.endswith("2025/26 Q1 to 2025/26 Q2")
    assert [(r.period, r.value, r.target) for r in chart.rows] == [
        ("2025/26 Q1", "28.1%", "65%"),
        ("2025/26 Q2", "55%", "65%"),
    ]
    svg = str(chart.svg)
    # The RED badge sits on the last point charted, which is Q2's 55%.
    assert svg.count(">RED</text>") == 1
    assert ">2025/26 Q2</text>" in svg
    assert "year-to-date share cannot be split" in chart.description


def test_a_year_to_date_count_charts_its_reported_running_totals() -> None:
    # A count reported year to date: the scorecard shows the running total, so the chart does;
    # SPC is worked on each quarter's own amount, and the caption says so.
    row, chart = charted(
        unit="count",
        direction="higher",
        cumulative=True,
        target={"2025/26": 400},
        measurements=[
            {"period": "2025/26 Q1", "value": 90},
            {"period": "2025/26 Q2", "value": 170},
        ],
    )
    assert row["value"] == "170"
    assert [(r.period, r.value, r.target) for r in chart.rows] == [
        ("2025/26 Q1", "90", "100"),
        ("2025/26 Q2", "170", "200"),
    ]
    assert "SPC is worked on each quarter's own figure" in chart.description
    # Two quarters are too few for SPC: no column of own figures that would answer nothing.
    assert [r.signal for r in chart.rows] == ["", ""]


def test_a_chart_of_each_periods_own_figure_says_nothing_of_a_second_series() -> None:
    row, chart = charted(
        unit="count",
        direction="higher",
        target=258,
        measurements=[
            {"period": "2025/26 Q1", "value": 200},
            {"period": "2025/26 Q2", "value": 222},
        ],
    )
    assert [r.value for r in chart.rows] == ["200", "222"] and row["value"] == "222"
    assert "own figure" not in chart.description
