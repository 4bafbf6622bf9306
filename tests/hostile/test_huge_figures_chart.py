"""Figures at the edges of what a number can hold, on a chart: a figure on its target at 10^17
or 10^300, subnormal figures (5e-324 against 1e-323), figures a hair apart. Each charts, or
the chart says in words why it is left out; never a traceback, never `nan` in the drawing."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.domain.values import Status
from actionplan.judge.spc import SpcResult, analyse
from actionplan.output.report.chart_scale import TIMES, width
from actionplan.output.report.charts import Series, svg

EDGES = {
    "1e17 on its target": (1e17, 1e17),
    "1e300 on its target": (1e300, 1e300),
    "-1e300 on its target": (-1e300, -1e300),
    "subnormals": (5e-324, 1e-323),
    "smallest subnormal and zero": (0.0, 5e-324),
    "1e-12 against 2e-12": (1e-12, 2e-12),
    "a hair apart at 50": (50.0, 50.00000000001),
    "16 apart at 1e17": (1e17, 1e17 + 16),
    "-1e300 against 1e300": (-1e300, 1e300),
}
NUMBER = re.compile(r' (?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"')
REASON = "No chart: "


def drawn(value: float, target: float, spc: bool = False, unit: str = "number") -> str:
    """The chart of a series whose figures are `value`, against `target` each period."""
    values = [value, target] * 6 if spc else [value, value]
    periods = [f"2014-{m:02}" for m in range(1, len(values) + 1)]
    result = analyse(list(zip(periods, values, strict=True)), "higher", target) if spc else None
    series = Series(
        periods=periods,
        values=list[float | None](values),
        targets=[target] * len(values),
        types=[p.type for p in result.points] if isinstance(result, SpcResult) else [""] * 2,
        forecasts=[None] * len(values),
        comparators={},
    )
    spc_result = result if isinstance(result, SpcResult) else None
    return svg("c0", "T", "D", series, spc_result, Status.GREEN, unit)


def assert_a_chart_or_a_reason(picture: str) -> bool:
    """True for a drawn chart (finite coordinates, distinct axis labels), False for a
    chart left out with its reason in words."""
    assert "nan" not in picture.lower() and "inf" not in picture.lower(), picture
    if REASON in picture:
        assert re.search(r">No chart: the figures are [a-z ]+</text>", picture), picture
        return False
    for number in NUMBER.findall(picture):
        assert math.isfinite(float(number)), picture
    axis = re.findall(r'text-anchor="end" fill="[^"]+"(?: font-size="([^"]+)")?>([^<]*)<', picture)
    labels = [label for _, label in axis]
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    for size, label in axis:  # inside the 54 pixels left of the axis
        assert width(label) * float(size or 11) <= 54.5, axis
    return True


@pytest.mark.parametrize("pair", EDGES.values(), ids=EDGES)
@pytest.mark.parametrize("spc", [False, True], ids=["two points", "with SPC limits"])
def test_a_figure_check_accepts_is_charted(pair: tuple[float, float], spc: bool) -> None:
    value, target = pair
    assert assert_a_chart_or_a_reason(drawn(value, target, spc))
    assert assert_a_chart_or_a_reason(drawn(target, value, spc, unit="currency"))


def test_figures_equal_at_1e17_chart_around_their_level() -> None:
    picture = drawn(1e17, 1e17)
    labels = re.findall(r'text-anchor="end" fill="[^"]+"[^>]*>([^<]*)</text>', picture)
    powers = ["9", "9.5", "1", "1.05", "1.1"]
    assert labels == [f"{p}{TIMES}10{'¹⁶' if p[0] == '9' else '¹⁷'}" for p in powers], labels


def test_figures_beyond_any_scale_leave_the_chart_out_with_a_reason() -> None:
    # Beyond what `check` accepts (1e300), but the drawing must not be what breaks.
    picture = drawn(-1.7e308, 1.7e308)
    assert ">No chart: the figures are too large to draw</text>" in picture


FIGURES = st.floats(allow_nan=False, allow_infinity=False)
# Pairs apart by anything, by a few units in the last place, and by a small share.
PAIRS = st.one_of(
    st.tuples(FIGURES, FIGURES),
    st.builds(lambda x, k: (x, x + k * math.ulp(x)), FIGURES, st.integers(0, 10**6)),
    st.builds(lambda x, r: (x, x * (1 + r)), FIGURES, st.floats(-1e-3, 1e-3)),
).filter(lambda pair: math.isfinite(pair[1]))


@pytest.mark.slow  # 400 cases: a second or more
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=PAIRS, spc=st.booleans())
def test_any_pair_of_finite_figures_gives_a_chart_or_a_stated_reason(
    pair: tuple[float, float], spc: bool
) -> None:
    value, target = pair
    accepted = max(abs(value), abs(target)) <= 1e300  # every figure `check` accepts
    # SPC is worked out only for figures `check` accepts; the drawing takes any figure.
    charted = assert_a_chart_or_a_reason(drawn(value, target, spc and accepted))
    if accepted:
        assert charted


PLAN = """title: Edge
direction: higher
target: {target}
measurements:
  - period: 2014-04
    value: {value}
  - period: 2014-05
    value: {value}
"""


@pytest.mark.slow  # Word and PDF: seconds each
@pytest.mark.parametrize("fmt", ["html", "md", "docx", "pdf"])
@pytest.mark.parametrize(
    "pair", [(1e17, 1e17), (1e300, 1e300), (5e-324, 1e-323)], ids=["1e17", "1e300", "subnormal"]
)
def test_report_in_every_format_charts_figures_at_the_edges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, pair: tuple[float, float]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "plans").mkdir()
    value, target = pair
    (tmp_path / "plans" / "edge.yaml").write_text(PLAN.format(value=value, target=target))
    args = ["--as-of", "2014-07-31", "--no-cache"]
    # Exit 1 for a red figure without an action plan (5e-324 misses 1e-323): a status.
    assert CliRunner().invoke(app, ["check", *args]).exit_code in (0, 1)

    result = CliRunner().invoke(app, ["report", *args, "--format", fmt, "--out", "out"])

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    [written] = (tmp_path / "out").glob(f"report.{fmt}")
    assert written.stat().st_size > 0
    if fmt == "md":
        [chart] = (tmp_path / "out").glob("chart-*.svg")
        assert assert_a_chart_or_a_reason(chart.read_text(encoding="utf-8"))
