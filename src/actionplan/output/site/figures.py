"""An indicator's figures as CSV, the download beside its chart: the same periods, values,
targets and forecasts the chart draws, with each figure's SPC point type and the comparators,
as plain numbers a spreadsheet or R reads without cleaning."""

from __future__ import annotations

import csv
import io
from datetime import date

from actionplan.judge.spc import SpcResult
from actionplan.output.export.files import FORMULA_STARTS
from actionplan.output.report.charts import chart_series
from actionplan.output.report.entries import Entry


def figures_csv(entry: Entry, as_of: date) -> str:
    indicator = entry.indicator
    spc = entry.spc if isinstance(entry.spc, SpcResult) else None
    # SPC of a year-to-date indicator is worked on each period's own figure, not on the
    # running totals charted: its point types are matched to the charted periods by name.
    drawn = None if indicator.cumulative else spc
    data = chart_series(indicator, entry.reported, drawn, as_of)
    kinds = (
        {str(p.period): point.type for p, point in zip(entry.points, spc.points, strict=True)}
        if spc
        else {}
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = list(data.comparators)
    writer.writerow(["period", "value", "target", "forecast", "spc", *map(_text, names)])
    for i, period in enumerate(data.periods):
        actual = data.values[i] is not None
        writer.writerow(
            [
                _text(period),
                _number(data.values[i]),
                _number(data.targets[i]),
                "" if actual else _number(data.forecasts[i]),
                kinds.get(period, "") if actual else "",
                *(_number(data.comparators[name][i]) for name in names),
            ]
        )
    return out.getvalue()


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)  # the shortest text that reads back as the same number


def _text(text: str) -> str:
    # A spreadsheet would run a cell starting so as a formula.
    return "'" + text if text.startswith(FORMULA_STARTS) else text
