"""The quarterly report laid out in parts (`parts`) for the Word and PDF writers, filled from
the report's template variables (`variables.context`).

The report's wording lives here once for both writers, as `report.html.j2` and `report.md.j2`
hold it for HTML and Markdown; the writers only lay the parts out. Every string is plain text
with the characters no document can carry taken out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from actionplan.output.documents.markdown_blocks import Run, clean
from actionplan.output.report.changes import changes_parts
from actionplan.output.report.exceptions import exception_parts
from actionplan.output.report.parts import (
    Bullets,
    Cell,
    Chart,
    Heading,
    Part,
    ReportLayout,
    Row,
    Table,
    Text,
    counted,
    status_cell,
    text_cell,
)
from actionplan.output.report.variables import Chart as ChartVariables

HEADING = "Performance report"
SCORECARD_KEY = (
    "Variation and assurance follow NHS England's Making Data Count; the status is written in "
    "words as well as shown in colour. Under each row, the evidence drafted from the figures."
)
CHARTS_KEY = (
    "Points: round for common cause variation, square for special cause improvement, diamond "
    "for special cause concern, triangle for special cause without a direction. Solid grey "
    "line: the mean; dashed grey: the process limits; thick purple steps: the target; dashed "
    "line with open points: forecasts; dotted lines: comparators, named at their end. The "
    "latest figure carries its status. Upright dashed lines with a flag: events, labelled at "
    "the top. Each chart's figures follow it as a table."
)
SCORECARD_COLUMNS = ("Indicator", "Period", "Value", "Target", "Status",
                     "Travel (short / long)", "Variation", "Assurance", "Plan")  # fmt: skip
NONE = "\N{EN DASH}"  # an empty scorecard cell, as the HTML report shows it
SCORECARD_WIDTHS = (0.2, 0.09, 0.1, 0.08, 0.1, 0.11, 0.11, 0.11, 0.1)
# A chart's table of figures on paper: three years of monthly figures, nine of quarterly. Typst
# holds about 80 KB a row while it typesets, so 12,000 figures of one indicator took 1 GB.
PAPER_FIGURES = 36


def report_layout(variables: Mapping[str, Any], as_of: date | None = None) -> ReportLayout:
    """The report in parts, from the variables the report templates see, every part listed
    (each chart with its SVG: Typst typesets the PDF from all of them at once)."""
    layout = lazy_report_layout(variables, as_of)
    return replace(layout, parts=list(layout.parts))


def lazy_report_layout(variables: Mapping[str, Any], as_of: date | None = None) -> ReportLayout:
    """The report in parts, each made as it is asked for: a writer that lets each part go once
    it is written holds one chart at a time, whatever the number of indicators. The parts can
    be gone through once."""
    organisation = clean(variables["organisation"])
    by = f": {organisation}" if organisation else ""
    title = f"{HEADING}{by}, {variables['as_of']}"
    charts = sum(len(folder["charts"]) for folder in variables["folders"])
    return ReportLayout(title, as_of, _parts(variables, organisation), charts)


def _parts(variables: Mapping[str, Any], organisation: str) -> Iterator[Part]:
    if organisation:
        yield Text((Run(organisation, bold=True),))
    yield Heading(HEADING, 1)
    total = counted(variables["total"], "indicator")
    yield Text((Run(f"Figures as known on {variables['as_of']}: {total}."),))
    yield from _summary(variables)
    if variables["changes"]:
        yield from changes_parts(variables["changes"])
    yield from _scorecard(variables["folders"])
    yield from _charts(variables["folders"])
    yield from exception_parts(variables["exceptions"], variables["folders"], variables["not_yet"])


def _summary(variables: Mapping[str, Any]) -> list[Part]:
    counts = variables["counts"]
    header = (
        text_cell("Area"),
        *(status_cell(c["status"], c["key"]) for c in counts),
        text_cell("Total"),
    )
    rows = [
        Row((text_cell(f["name"]), *(text_cell(str(c["count"])) for c in f["counts"]),
             text_cell(str(f["total"]))))
        for f in variables["folders"]
    ]  # fmt: skip
    everything = (*(text_cell(str(c["count"]), bold=True) for c in counts),
                  text_cell(str(variables["total"]), bold=True))  # fmt: skip
    rows.append(Row((text_cell("All", bold=True), *everything)))
    share = 0.7 / (len(counts) + 1)
    parts: list[Part] = [
        Heading("Summary", 2),
        Table("Indicators by status", header, tuple(rows), (0.3,) + (share,) * (len(counts) + 1)),
        Heading("Action plans", 3),
        Text(text_cell(_plans_sentence(variables["red"], len(variables["lacking"])))),
    ]
    if variables["lacking"]:
        lacking = tuple(
            Row((text_cell(x["title"]), text_cell(x["plan"]))) for x in variables["lacking"]
        )
        header = tuple(map(text_cell, ("Indicator", "Action plan")))
        caption = "RED measures lacking a current, complete plan"
        parts.append(Table(caption, header, lacking, (0.5, 0.5)))
    parts += _impacts(variables["impacts"])
    if variables["problems"]:
        parts.append(Heading("Files that could not be read", 3))
        parts.append(Bullets(tuple(text_cell(p) for p in variables["problems"])))
    return parts


IMPACT_COLUMNS = ("Indicator", "Plan of", "Since the plan", "Is it working?", "Results")


def _impacts(impacts: Sequence[Mapping[str, Any]]) -> list[Part]:
    """The "Are the plans working?" table: each plan's reading, flagged ones marked."""
    if not impacts:
        return []
    rows = tuple(
        Row((
            text_cell(x["title"]),
            text_cell(x["written"]),
            text_cell(x["since"]),
            (Run(x["reading"], bold=True), *text_cell(f": {x['why']}" + (
                f". {x['flag'][:1].upper()}{x['flag'][1:]}" if x["flag"] else ""))),
            text_cell(x["due"]),
        ))
        for x in impacts
    )  # fmt: skip
    header = tuple(map(text_cell, IMPACT_COLUMNS))
    caption = "Each plan: the figures since it was written, against the process before it"
    widths = (0.24, 0.12, 0.2, 0.28, 0.16)
    return [Heading("Are the plans working?", 3), Table(caption, header, rows, widths)]


def _plans_sentence(red: int, lacking: int) -> str:
    if not red:
        return "No measure is RED, so no action plan is needed."
    verb = "has" if red - lacking == 1 else "have"
    have = f"{red - lacking} of {counted(red, 'RED measure')} {verb}"
    return f"{have} a current, complete action plan."


def _scorecard(folders: Sequence[Mapping[str, Any]]) -> list[Part]:
    parts: list[Part] = [Heading("Scorecard", 2), Text(text_cell(SCORECARD_KEY), "small")]
    header = tuple(map(text_cell, SCORECARD_COLUMNS))
    for folder in folders:
        rows = tuple(Row(_scorecard_cells(r), _evidence(r)) for r in folder["rows"])
        parts.append(Heading(clean(folder["name"]), 3))
        parts.append(Table(f"Scorecard: {clean(folder['name'])}", header, rows,
                           SCORECARD_WIDTHS, small=True))  # fmt: skip
    return parts


def _scorecard_cells(r: Mapping[str, Any]) -> tuple[Cell, ...]:
    lead = f"\n{r['lead']}" if r["lead"] else ""
    indicator = (Run(clean(r["title"]), bold=True), *text_cell(lead))
    period = r["period"] + (" (stale)" if r["stale"] else "")
    travel = f"{r['short_term'] or NONE} / {r['long_term'] or NONE}"
    return (
        indicator,
        text_cell(period),
        text_cell(r["value"]),
        text_cell(r["target"]),
        status_cell(r["badge"], r["status_key"]),
        text_cell(travel),
        text_cell(r["variation_words"] or NONE),
        text_cell(r["assurance_words"] or NONE),
        text_cell(r["coverage"]),
    )


def _evidence(r: Mapping[str, Any]) -> str:
    """The row's drafted evidence, after what the star of a starred badge stands for."""
    starred = f"*{r['status']}. " if r["badge"].endswith("*") else ""
    triage = f"{r['triage']}. " if r["triage"] else ""
    return clean(starred + triage + r["sentence"])


def _charts(folders: Sequence[Mapping[str, Any]]) -> Iterator[Part]:
    yield Heading("Charts", 2)
    yield Text(text_cell(CHARTS_KEY), "small")
    for folder in folders:
        yield Heading(clean(folder["name"]), 3)
        # The folder's charts are drawn one at a time as they are iterated (`Charts`).
        for chart, row in zip(folder["charts"], folder["rows"], strict=True):
            yield from _chart(chart, row["sentence"])


def _chart(chart: ChartVariables, sentence: str) -> list[Part]:
    title = clean(chart.title)
    said = " ".join(s for s in (clean(chart.description), clean(sentence)) if s)
    columns = ("Period", "Value", "Forecast", "Target", "SPC", *map(clean, chart.columns))
    shown = chart.rows[-PAPER_FIGURES:]
    rows = tuple(
        Row(
            tuple(
                map(text_cell, (r.period, r.value, r.forecast, r.target, r.signal, *r.comparators))
            )
        )
        for r in shown
    )
    share = 0.6 / (len(columns) - 2)  # the period and the SPC words take the rest
    widths = (0.16, share, share, share, 0.24, *(share,) * len(chart.columns))
    latest = f" (the latest {len(shown)})" if len(shown) < len(chart.rows) else ""
    figures = Table(
        f"Figures for {title}{latest}", tuple(map(text_cell, columns)), rows, widths, small=True
    )
    parts: list[Part] = [
        Heading(title, 4),
        Chart(title, f"Chart: {title}. {said}", clean(str(chart.svg))),
        Text(text_cell(said), "small"),
    ]
    if latest:
        parts.append(Text(text_cell(_latest_words(len(shown), len(chart.rows))), "small"))
    return [*parts, figures]


def _latest_words(shown: int, every: int) -> str:
    return (
        f"The table gives the latest {shown} of the {every:,} periods charted; the plan file, "
        "and the HTML and Markdown reports, give every figure."
    )
