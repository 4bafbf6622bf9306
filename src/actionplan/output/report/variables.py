"""The variables the report's templates see (`report.html.j2`, `report.md.j2`; listed in
docs/report.md), and from which `layout` lays the report out for Word and PDF: the counts, the
scorecard's rows in words, each chart with its table of figures, and the sections.

Every chart text is escaped where the SVG is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

from markupsafe import Markup

from actionplan.domain.values import Status
from actionplan.judge.reachable import unreachable_of
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.output.check.cells import describe_target, describe_value
from actionplan.output.documents.context import day, period_words
from actionplan.output.documents.files import output_name
from actionplan.output.plan_impact import impact_row
from actionplan.output.reachable import unreachable_words
from actionplan.output.report.actions import folder_action_counts
from actionplan.output.report.changes import changes_variables
from actionplan.output.report.chart_events import event_cells, events_words
from actionplan.output.report.charts import chart_series, svg
from actionplan.output.report.entries import Entry, coverage_words, plan_words
from actionplan.output.report.evidence import (
    ASSURANCE_WORDS,
    RUN_UNITS,
    SPC_WORDS,
    TRAVEL_WORDS,
)
from actionplan.output.report.exceptions import exception_variables
from actionplan.output.report.model import Report
from actionplan.output.wording import figure, status_badge, status_words

ASSURANCE_SHORT = {
    "consistent_pass": "pass",
    "consistent_fail": "fail",
    "inconsistent": "hit and miss",
}


class FigureRow(NamedTuple):
    """One row of a chart's table of figures (attributes, not a dict: a template looks up
    30,000 of them in a large report, and Jinja reaches attributes first)."""

    period: str
    value: str
    forecast: str
    target: str
    signal: str
    comparators: list[str]


@dataclass(frozen=True)
class Chart:
    anchor: str
    file: str  # the SVG's file name, for Markdown
    title: str
    description: str
    svg: Markup
    columns: list[str]  # comparator names, then "Events" where the chart marks any
    rows: list[FigureRow]
    events: str = ""  # the events marked, in a sentence, for the text alternative


def chart_file(indicator_id: str) -> str:
    # `output_name` keeps a long id within the file system's limit; only the suffix differs.
    return "chart-" + output_name(indicator_id, "html").removesuffix(".html") + ".svg"


def chart(entry: Entry, number: int, as_of: Any) -> Chart:
    """The figures the scorecard reports, charted; with SPC drawn on them where they are the
    SPC series, else the SPC series given in the table and said in the caption."""
    spc = entry.spc if isinstance(entry.spc, SpcResult) else None
    indicator = entry.indicator
    own = indicator.cumulative  # SPC is on each period's own figure, not the running total
    drawn = None if own else spc
    data = chart_series(indicator, entry.reported, drawn, as_of)
    title = f"{indicator.title}: {_span(data.periods)}"
    anchor = _anchor(number)
    marked = events_words(data.events, data.periods)
    said_in_svg = f"{entry.sentence} {marked}".strip()
    picture = svg(anchor, title, said_in_svg, data, drawn, entry.status, indicator.unit)
    extra = list(data.comparators.values())
    events = event_cells(data.events, data.periods) if data.events else None
    unit = indicator.unit
    signals = _own_signals(entry, spc) if own else dict(zip(data.periods, data.types, strict=True))
    rows = [
        FigureRow(
            period,
            figure(value, unit) if value is not None else "",
            figure(forecast, unit) if value is None and forecast is not None else "",
            figure(target, unit, missing=""),
            signals.get(period, "") if own else SPC_WORDS.get(kind, "") if spc else "",
            [figure(values[i], unit, missing="") for values in extra]
            + ([events[i]] if events else []),
        )
        for i, (period, value, target, kind, forecast) in enumerate(
            zip(data.periods, data.values, data.targets, data.types, data.forecasts, strict=True)
        )
    ]
    said = own_series_words(entry) + _limits(spc, unit) if own else _limits(spc, unit)
    for found in unreachable_of(indicator, spc):
        words = unreachable_words(found, unit)
        said += f" {words[0].upper()}{words[1:]}."
    columns = list(data.comparators) + (["Events"] if events else [])
    return Chart(anchor, chart_file(indicator.id), title, f"{said.strip()} {marked}".strip(),
                 Markup(picture), columns, rows, marked)  # fmt: skip


def _anchor(number: int) -> str:
    return f"c{number}"


def _own_signals(entry: Entry, spc: SpcResult | None) -> dict[str, str]:
    """A year-to-date chart's SPC column: each period's own figure, and its SPC signal."""
    unit = entry.indicator.unit
    if spc is None:  # no SPC: the table's own figures would answer nothing it asks
        return {}
    kinds = [p.type for p in spc.points]
    return {
        str(p.period): f"own figure {figure(p.value, unit)}"
        + (f": {SPC_WORDS.get(kind, '')}" if kind else "")
        for p, kind in zip(entry.points, kinds, strict=True)
    }


def own_series_words(entry: Entry) -> str:
    """What a year-to-date chart's SPC series is, since it is not the figures charted."""
    points = entry.reported
    noun = RUN_UNITS.get(points[-1].period.whole_months or 0, ("period", ""))[0] if points else ""
    noun = noun or "period"
    said = (
        "The chart shows the year-to-date figures as reported; SPC is worked on each "
        f"{noun}'s own figure, not the running total, and is given in the table. "
    )
    # Too few points is said in the drafted evidence that follows; any other reason here.
    if isinstance(entry.spc, SpcUnavailable) and "needs at least" not in entry.spc.reason:
        said += f"No SPC chart: {entry.spc.reason}. "
    return said


def _span(periods: list[str]) -> str:
    if not periods:
        return "no figures"
    return periods[0] if len(periods) == 1 else f"{periods[0]} to {periods[-1]}"


def _limits(spc: SpcResult | None, unit: str) -> str:
    if spc is None:
        return ""
    if not spc.segments[-1].has_limits:
        return f"Mean {figure(spc.mean, unit)}; no process limits (the figures do not vary)."
    return (
        f"Mean {figure(spc.mean, unit)}; process limits {figure(spc.lower_limit, unit)} to "
        f"{figure(spc.upper_limit, unit)}."
    )


def row(entry: Entry, anchor: str) -> dict[str, Any]:
    """One scorecard row, in words."""
    a = entry.assessment
    reading = a.reading
    spc = entry.spc if isinstance(entry.spc, SpcResult) else None
    return {
        "id": entry.indicator.id,
        "anchor": anchor,
        "title": entry.indicator.title,
        "lead": entry.indicator.departmental_lead or "",
        "period": period_words(reading.measurement.period) if reading else "",
        "value": describe_value(a) if reading else "",
        "target": "" if (target := describe_target(a)) == "-" else target,
        "status": status_words(a),
        "badge": status_badge(a),
        "status_key": _key(a.status),
        "short_term": TRAVEL_WORDS[a.short_term] if a.short_term else "",
        "long_term": TRAVEL_WORDS[a.long_term] if a.long_term else "",
        "variation": spc.variation if spc else "",
        # No chart is said once, with its reason, in the row's evidence.
        "variation_words": SPC_WORDS[spc.variation] if spc else "",
        "assurance": spc.assurance if spc and spc.assurance else "",
        "assurance_words": ASSURANCE_SHORT[spc.assurance] if spc and spc.assurance else "",
        "assurance_sentence": ASSURANCE_WORDS[spc.assurance] if spc and spc.assurance else "",
        "coverage": coverage_words(entry),
        "sentence": entry.sentence,
        "stale": a.stale,
        # The triage of a RED or AMBER measure, said before its evidence.
        "triage": _first_up(entry.triage.words) if entry.triage else "",
    }


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _key(status: Status) -> str:
    return status.value.lower().replace(" ", "-")


class Charts(Sequence[Chart]):
    """A folder's charts, each drawn when a template comes to it and let go once it has moved
    on, so a report of thousands of indicators never holds them all. `drawn` is told of each
    chart as it is drawn (a Markdown report writes its SVG file then)."""

    def __init__(
        self,
        entries: list[tuple[int, Entry]],
        as_of: Any,
        drawn: Callable[[Chart], None] | None = None,
    ) -> None:
        self._entries = entries  # each with its number in the report, for the chart's anchor
        self._as_of = as_of
        self._drawn = drawn

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> Chart: ...
    @overload
    def __getitem__(self, index: slice) -> list[Chart]: ...
    def __getitem__(self, index: int | slice) -> Chart | list[Chart]:
        if isinstance(index, slice):
            return [self._draw(*numbered) for numbered in self._entries[index]]
        return self._draw(*self._entries[index])

    def __iter__(self) -> Iterator[Chart]:
        return (self._draw(number, entry) for number, entry in self._entries)

    def _draw(self, number: int, entry: Entry) -> Chart:
        drawn = chart(entry, number, self._as_of)
        if self._drawn is not None:
            self._drawn(drawn)
        return drawn


def context(report: Report, drawn: Callable[[Chart], None] | None = None) -> dict[str, Any]:
    """The variables the report templates see (listed in docs/report.md); `drawn` is told of
    each chart as a template draws it."""
    numbers = {id(e): n for n, e in enumerate(report.entries)}
    folders = report.folders()
    return {
        "organisation": report.organisation,
        "as_of": day(report.as_of),
        "counts": status_bar(report.counts()),
        "total": len(report.entries),
        "folders": [
            {
                "name": report.folder_names.get(name, name),
                "counts": status_bar(report.counts(entries)),
                "total": len(entries),
                "rows": [row(e, _anchor(numbers[id(e)])) for e in entries],
                "charts": Charts([(numbers[id(e)], e) for e in entries], report.as_of, drawn),
                "actions": folder_action_counts(entries),
            }
            for name, entries in folders.items()
        ],
        "red": len(report.red()),
        "lacking": [_lacking(e) for e in report.lacking_plans()],
        "impacts": [
            impact_row(e.indicator.title, e.impact, plan.when)
            for e in report.entries
            if e.impact is not None and (plan := e.indicator.action_plan) is not None
        ],
        "exceptions": [exception_variables(x) for x in report.exceptions],
        "not_yet": report.not_yet,
        "changes": changes_variables(report.changes) if report.changes else None,
        "problems": [f"{p.path}:{p.line}:{p.column}: {p.message}" for p in report.problems],
    }


def status_bar(counts: dict[str, int]) -> list[dict[str, Any]]:
    """Each status with its count and share of the whole (for a status bar's widths)."""
    total = sum(counts.values()) or 1
    return [
        {
            "status": s,
            "key": s.lower().replace(" ", "-"),
            "count": n,
            "share": round(100 * n / total, 2),
        }
        for s, n in counts.items()
    ]


def _lacking(entry: Entry) -> dict[str, Any]:
    check = entry.assessment.plan
    return {
        "id": entry.indicator.id,
        "title": entry.indicator.title,
        "lead": entry.indicator.departmental_lead or "no departmental lead named",
        "coverage": check.coverage.value if check else "",
        "detail": check.detail if check else "",
        "plan": plan_words(entry),
        "path": str(entry.path),  # for an officer's own template; the papers leave it out
    }
