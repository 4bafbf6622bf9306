"""The report laid out by its templates (`report.html.j2`, `report.md.j2`) and written out.

HTML is one self-contained page with the charts inline; Markdown links each chart as an SVG
file written beside it. Plan text goes through the same filters as `render` (safe Markdown in
HTML), and every chart text is escaped where the SVG is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup

from actionplan.domain.values import Status
from actionplan.errors import ActionplanError
from actionplan.judge.spc import SpcResult
from actionplan.output.describe import describe_target, describe_value
from actionplan.output.documents import day, period_words
from actionplan.output.render import Format, Renderer, output_name, write_if_changed
from actionplan.output.report import Entry, Report, coverage_words
from actionplan.output.report_charts import chart_series, svg
from actionplan.output.report_text import ASSURANCE_WORDS, SPC_WORDS, TRAVEL_WORDS
from actionplan.output.wording import figure, status_words

REPORT_TEMPLATES = {"html": "report.html.j2", "md": "report.md.j2"}
REPORT_NAMES = {
    "html": "report.html",
    "md": "report.md",
    "docx": "report.docx",
    "pdf": "report.pdf",
}
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
    columns: list[str]  # comparator names
    rows: list[FigureRow]


def chart_file(indicator_id: str) -> str:
    # `output_name` keeps a long id within the file system's limit; only the suffix differs.
    return "chart-" + output_name(indicator_id, "html").removesuffix(".html") + ".svg"


def chart(entry: Entry, number: int, as_of: Any) -> Chart:
    spc = entry.spc if isinstance(entry.spc, SpcResult) else None
    indicator = entry.indicator
    data = chart_series(indicator, entry.points, spc, as_of)
    title = f"{indicator.title}: {_span(data.periods)}"
    anchor = f"c{number}"
    picture = svg(anchor, title, entry.sentence, data, spc, entry.status, indicator.unit)
    unit = indicator.unit
    rows = [
        FigureRow(
            period,
            figure(value, unit) if value is not None else "",
            figure(forecast, unit) if value is None and forecast is not None else "",
            figure(target, unit, missing=""),
            SPC_WORDS.get(kind, "") if spc else "",
            [figure(values[i], unit, missing="") for values in data.comparators.values()],
        )
        for i, (period, value, target, kind, forecast) in enumerate(
            zip(data.periods, data.values, data.targets, data.types, data.forecasts, strict=True)
        )
    ]
    return Chart(anchor, chart_file(indicator.id), title, _limits(spc, unit), Markup(picture),
                 list(data.comparators), rows)  # fmt: skip


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
        "status_key": _key(a.status),
        "short_term": TRAVEL_WORDS[a.short_term] if a.short_term else "",
        "long_term": TRAVEL_WORDS[a.long_term] if a.long_term else "",
        "variation": spc.variation if spc else "",
        "variation_words": SPC_WORDS[spc.variation] if spc else "no SPC chart",
        "assurance": spc.assurance if spc and spc.assurance else "",
        "assurance_words": ASSURANCE_SHORT[spc.assurance] if spc and spc.assurance else "",
        "assurance_sentence": ASSURANCE_WORDS[spc.assurance] if spc and spc.assurance else "",
        "coverage": coverage_words(entry),
        "sentence": entry.sentence,
        "stale": a.stale,
    }


def _key(status: Status) -> str:
    return status.value.lower().replace(" ", "-")


def context(report: Report) -> dict[str, Any]:
    """The variables the report templates see (listed in the README)."""
    charts = {e.indicator.id: chart(e, n, report.as_of) for n, e in enumerate(report.entries)}
    folders = report.folders()
    return {
        "organisation": report.organisation,
        "as_of": day(report.as_of),
        "counts": _bar(report.counts()),
        "total": len(report.entries),
        "folders": [
            {
                "name": name,
                "counts": _bar(report.counts(entries)),
                "total": len(entries),
                "rows": [row(e, charts[e.indicator.id].anchor) for e in entries],
                "charts": [charts[e.indicator.id] for e in entries],
            }
            for name, entries in folders.items()
        ],
        "red": len(report.red()),
        "lacking": [_lacking(e) for e in report.lacking_plans()],
        "exceptions": [
            {
                "id": x.entry.indicator.id,
                "title": x.entry.indicator.title,
                "lead": x.entry.indicator.departmental_lead or "",
                "coverage": coverage_words(x.entry),
                "sentence": x.entry.sentence,
                "plan": x.document,
            }
            for x in report.exceptions
        ],
        "changes": _changes(report),
        "problems": [f"{p.path}:{p.line}:{p.column}: {p.message}" for p in report.problems],
    }


def _bar(counts: dict[str, int]) -> list[dict[str, Any]]:
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
        "path": str(entry.path),
    }


def _changes(report: Report) -> dict[str, Any] | None:
    changes = report.changes
    if changes is None:
        return None
    return {
        "since": day(changes.since),
        "statuses": [
            {
                "kind": c.kind,
                "title": c.entry.indicator.title,
                "id": c.entry.indicator.id,
                "before": c.before.value,
                "after": c.after.value,
            }
            for c in changes.statuses
        ],
        "plans": [
            {"kind": kind, "title": e.indicator.title, "id": e.indicator.id}
            for e, kind in changes.plans
        ],
    }


def render_report(
    report: Report, fmt: Format, templates: Path | None = None
) -> tuple[str, dict[str, str]]:
    """The report's text, and for Markdown its chart files (name -> SVG)."""
    renderer = Renderer(fmt, templates)
    variables = context(report)
    text = renderer.render(variables, REPORT_TEMPLATES[fmt])
    files: dict[str, str] = {}
    if fmt == "md":
        for folder in variables["folders"]:
            files.update({c.file: str(c.svg) + "\n" for c in folder["charts"]})
    return text, files


def write_report(
    folder: Path, fmt: str, text: str | bytes, files: dict[str, str], say: Callable[[str], None]
) -> bool:
    """The report and its charts into `folder`, each atomically; one that cannot be written is
    reported and the others still are. True when all were written."""
    ok = True
    documents: list[tuple[str, str | bytes]] = [(REPORT_NAMES[fmt], text)]
    for name, content in [*documents, *sorted(files.items())]:
        target = folder / name
        try:
            done = "wrote" if write_if_changed(target, content) else "unchanged"
        except ActionplanError as error:
            say(f"error: {error}")
            ok = False
            continue
        if name == REPORT_NAMES[fmt]:
            say(f"{done} {target}")
    if files:
        say(f"charts: {len(files)} SVG files beside it")
    return ok
