"""The measurement behind the report's chart choice: one XmR-style chart (30 points, stepped
target, mean and limits) drawn by hand and by each library that is installed, timed, drawn
twice to see whether the SVG is byte-for-byte the same, and searched for <title>, <desc> and
<script>. The libraries are not dependencies: install them in a scratch venv to compare.

    pip install pygal matplotlib vl-convert-python && python benchmarks/compare_chart_libraries.py
"""

from __future__ import annotations

import importlib.util
import io
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

N = 30
RNG = random.Random(1)
PERIODS = [f"{2013 + i // 12}-{i % 12 + 1:02d}" for i in range(N)]
VALUES = [round(100 + RNG.gauss(0, 8), 1) for _ in range(N)]
TARGETS = [95.0 if i < 15 else 100.0 for i in range(N)]
MEAN = sum(VALUES) / N


def by_hand() -> str:
    from actionplan.domain.models import Indicator
    from actionplan.domain.values import Status
    from actionplan.judge.spc import SpcResult, analyse
    from actionplan.judge.trend import Point
    from actionplan.output.report.charts import chart_series, svg

    indicator = Indicator.model_validate(
        {"id": "c", "title": "t", "direction": "higher", "target": 100,
         "measurements": [{"period": p, "value": v} for p, v in zip(PERIODS, VALUES, strict=True)]}
    )  # fmt: skip
    points = [
        Point(m.period, v, t)
        for m, v, t in zip(indicator.measurements, VALUES, TARGETS, strict=True)
    ]
    spc = analyse([(p, v) for p, v in zip(PERIODS, VALUES, strict=True)], "higher", 100)
    assert isinstance(spc, SpcResult)
    data = chart_series(indicator, points, spc, date(2020, 1, 1))
    return svg("c0", "Title", "Description", data, spc, Status.RED, "number")


def pygal_chart() -> str:
    import pygal

    chart = pygal.Line(width=640, height=230, title="Title", disable_xml_declaration=True)
    chart.x_labels = PERIODS
    chart.add("value", VALUES)
    chart.add("target", TARGETS)
    chart.add("mean", [MEAN] * N)
    return str(chart.render(is_unicode=True))


def matplotlib_chart() -> str:
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams["svg.hashsalt"] = "fixed"
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 2.3))
    axes.plot(range(N), VALUES, marker="o")
    axes.step(range(N), TARGETS, where="mid")
    axes.axhline(MEAN)
    axes.set_title("Title")
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def vega_chart() -> str:
    import vl_convert

    rows = [{"p": p, "v": v, "t": t} for p, v, t in zip(PERIODS, VALUES, TARGETS, strict=True)]
    x = {"field": "p", "type": "ordinal"}
    spec = {
        "title": "Title",
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "line", "point": True}, "encoding": {"x": x, "y": {"field": "v"}}},
            {"mark": {"type": "line", "interpolate": "step"},
             "encoding": {"x": x, "y": {"field": "t"}}},
            {"mark": "rule", "encoding": {"y": {"datum": MEAN}}},
        ],
    }  # fmt: skip
    return str(vl_convert.vegalite_to_svg(spec))


def measure(name: str, draw: Callable[[], str], times: int = 20) -> None:
    start = time.perf_counter()
    first = draw()
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(times):
        again = draw()
    each = (time.perf_counter() - start) / times
    print(
        f"| {name} | {cold * 1000:.0f} ms | {each * 1000:.2f} ms | {len(again) / 1024:.1f} KB | "
        f"{'yes' if first == again else 'no'} | {'<title' in again}/{'<desc' in again} | "
        f"{'<script' in again} |"
    )


def main() -> None:
    print("| chart | first (with import) | each | size | same bytes twice | title/desc | script |")
    print("|---|---:|---:|---:|---|---|---|")
    measure("by hand (report_charts)", by_hand)
    for name, module, draw in [
        ("pygal", "pygal", pygal_chart),
        ("matplotlib (svg backend)", "matplotlib", matplotlib_chart),
        ("Vega-Lite via vl-convert", "vl_convert", vega_chart),
    ]:
        if importlib.util.find_spec(module) is None:
            print(f"| {name} | not installed | | | | | |")
        else:
            measure(name, draw)


if __name__ == "__main__":
    main()
