"""The quarterly report as parts for the Word and PDF writers: headings, paragraphs, tables,
charts and plans, filled from the report's template variables (`report_write.context`).

The report's wording lives here once for both writers, as `report.html.j2` and `report.md.j2`
hold it for HTML and Markdown; the writers only lay the parts out. Every string is plain text
with the characters no document can carry taken out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeAlias

from actionplan.output.markdown_blocks import Run, clean
from actionplan.output.plan_layout import Section, plan_layout
from actionplan.output.report_write import Chart as ChartVariables

Cell: TypeAlias = tuple[Run, ...]

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
    "latest figure carries its status. Each chart's figures follow it as a table."
)
SCORECARD_COLUMNS = ("Indicator", "Period", "Value", "Target", "Status",
                     "Travel (short / long)", "Variation", "Assurance", "Plan")  # fmt: skip
NONE = "\N{EN DASH}"  # an empty scorecard cell, as the HTML report shows it
SCORECARD_WIDTHS = (0.2, 0.09, 0.1, 0.08, 0.1, 0.11, 0.11, 0.11, 0.1)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 is the report's title
    new_page: bool = False


@dataclass(frozen=True)
class Text:
    runs: Cell
    kind: str = "text"  # "text", "notice" (set apart: a RED measure with no plan), "small"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Cell, ...]


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    note: str = ""  # a sentence under the row, beside the row's first cell


@dataclass(frozen=True)
class Table:
    caption: str  # read out by assistive technology as the table's name
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    widths: tuple[float, ...]  # shares of the text width, one per column
    small: bool = False  # set in a smaller size, to fit many columns


@dataclass(frozen=True)
class Chart:
    """A chart's picture; its description and its figures, as a table, follow it."""

    title: str
    alt: str  # what a screen reader says for the picture
    svg: str


@dataclass(frozen=True)
class Plan:
    """A RED measure's action plan, in the sections and field tables `render` uses."""

    sections: tuple[Section, ...]


Part: TypeAlias = Heading | Text | Bullets | Table | Chart | Plan


@dataclass
class ReportLayout:
    title: str  # the document's title, as its properties and a reader's window show it
    as_of: date | None
    parts: list[Part] = field(default_factory=list)


def report_layout(variables: Mapping[str, Any], as_of: date | None = None) -> ReportLayout:
    """The report in parts, from the variables the report templates see."""
    organisation = clean(variables["organisation"])
    by = f": {organisation}" if organisation else ""
    layout = ReportLayout(f"{HEADING}{by}, {variables['as_of']}", as_of)
    parts = layout.parts
    if organisation:
        parts.append(Text((Run(organisation, bold=True),)))
    total = variables["total"]
    parts += [
        Heading(HEADING, 1),
        Text((Run(f"Figures as known on {variables['as_of']}: {_count(total, 'indicator')}."),)),
    ]
    parts += _summary(variables)
    if variables["changes"]:
        parts += _changes(variables["changes"])
    parts += _scorecard(variables["folders"])
    parts += _charts(variables["folders"])
    parts += _exceptions(variables["exceptions"])
    return layout


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _text(value: str, **style: Any) -> Cell:
    return (Run(clean(value), **style),) if value else ()


def _status(words: str, key: str) -> Cell:
    return (Run(clean(words), bold=True, status=key),)


def _summary(variables: Mapping[str, Any]) -> list[Part]:
    counts = variables["counts"]
    header = (_text("Area"), *(_status(c["status"], c["key"]) for c in counts), _text("Total"))
    rows = [
        Row((_text(f["name"]), *(_text(str(c["count"])) for c in f["counts"]),
             _text(str(f["total"]))))
        for f in variables["folders"]
    ]  # fmt: skip
    everything = (*(_text(str(c["count"]), bold=True) for c in counts),
                  _text(str(variables["total"]), bold=True))  # fmt: skip
    rows.append(Row((_text("All", bold=True), *everything)))
    share = 0.7 / (len(counts) + 1)
    parts: list[Part] = [
        Heading("Summary", 2),
        Table("Indicators by status", header, tuple(rows), (0.3,) + (share,) * (len(counts) + 1)),
        Heading("Action plans", 3),
        Text(_text(_plans_sentence(variables["red"], len(variables["lacking"])))),
    ]
    if variables["lacking"]:
        lacking = tuple(
            Row((_text(x["title"]), _text(f"{x['coverage']}: {x['detail']}"), _text(x["lead"]),
                 _text(x["path"])))
            for x in variables["lacking"]
        )  # fmt: skip
        header = tuple(map(_text, ("Indicator", "Plan", "Departmental lead", "File")))
        caption = "RED measures lacking a current, complete plan"
        parts.append(Table(caption, header, lacking, (0.3, 0.3, 0.2, 0.2)))
    if variables["problems"]:
        parts.append(Heading("Files that could not be read", 3))
        parts.append(Bullets(tuple(_text(p) for p in variables["problems"])))
    return parts


def _plans_sentence(red: int, lacking: int) -> str:
    if not red:
        return "No measure is RED, so no action plan is needed."
    verb = "has" if red - lacking == 1 else "have"
    have = f"{red - lacking} of {_count(red, 'RED measure')} {verb}"
    return f"{have} a current, complete action plan."


def _changes(changes: Mapping[str, Any]) -> list[Part]:
    parts: list[Part] = [Heading(f"Changes since {changes['since']}", 2)]
    if changes["statuses"]:
        header = tuple(map(_text, ("Change", "Indicator", "Was", "Now")))
        rows = tuple(
            Row((_text(c["kind"]), _text(c["title"]), _status(c["before"], _key(c["before"])),
                 _status(c["after"], _key(c["after"]))))
            for c in changes["statuses"]
        )  # fmt: skip
        widths = (0.2, 0.44, 0.18, 0.18)
        parts.append(Table("Measures whose status changed", header, rows, widths))
    else:
        parts.append(Text(_text("No measure changed status.")))
    if changes["plans"]:
        plans = tuple(_text(f"Plan {p['kind']}: {p['title']}") for p in changes["plans"])
        parts.append(Bullets(plans))
    else:
        parts.append(Text(_text("No action plan was added or revised.")))
    return parts


def _key(status: str) -> str:
    return status.lower().replace(" ", "-")


def _scorecard(folders: Sequence[Mapping[str, Any]]) -> list[Part]:
    parts: list[Part] = [Heading("Scorecard", 2), Text(_text(SCORECARD_KEY), "small")]
    header = tuple(map(_text, SCORECARD_COLUMNS))
    for folder in folders:
        rows = tuple(Row(_scorecard_cells(r), clean(r["sentence"])) for r in folder["rows"])
        parts.append(Heading(clean(folder["name"]), 3))
        parts.append(Table(f"Scorecard: {clean(folder['name'])}", header, rows,
                           SCORECARD_WIDTHS, small=True))  # fmt: skip
    return parts


def _scorecard_cells(r: Mapping[str, Any]) -> tuple[Cell, ...]:
    lead = f"\n{r['lead']}" if r["lead"] else ""
    indicator = (Run(clean(r["title"]), bold=True), *_text(lead))
    period = r["period"] + (" (stale)" if r["stale"] else "")
    travel = f"{r['short_term'] or NONE} / {r['long_term'] or NONE}"
    return (
        indicator,
        _text(period),
        _text(r["value"]),
        _text(r["target"]),
        _status(r["status"], r["status_key"]),
        _text(travel),
        _text(r["variation_words"]),
        _text(r["assurance_words"] or NONE),
        _text(r["coverage"]),
    )


def _charts(folders: Sequence[Mapping[str, Any]]) -> list[Part]:
    parts: list[Part] = [Heading("Charts", 2), Text(_text(CHARTS_KEY), "small")]
    for folder in folders:
        parts.append(Heading(clean(folder["name"]), 3))
        for chart, row in zip(folder["charts"], folder["rows"], strict=True):
            parts += _chart(chart, row["sentence"])
    return parts


def _chart(chart: ChartVariables, sentence: str) -> list[Part]:
    title = clean(chart.title)
    said = " ".join(s for s in (clean(chart.description), clean(sentence)) if s)
    columns = ("Period", "Value", "Forecast", "Target", "SPC", *map(clean, chart.columns))
    rows = tuple(
        Row(tuple(map(_text, (r.period, r.value, r.forecast, r.target, r.signal, *r.comparators))))
        for r in chart.rows
    )
    share = 0.6 / (len(columns) - 2)  # the period and the SPC words take the rest
    widths = (0.16, share, share, share, 0.24, *(share,) * len(chart.columns))
    figures = Table(f"Figures for {title}", tuple(map(_text, columns)), rows, widths, small=True)
    return [
        Heading(title, 4),
        Chart(title, f"Chart: {title}. {said}", clean(str(chart.svg))),
        Text(_text(said), "small"),
        figures,
    ]


def _exceptions(exceptions: Sequence[Mapping[str, Any]]) -> list[Part]:
    # Each plan starts a page, as a committee paper prints them; the first one below the
    # section's heading.
    parts: list[Part] = [Heading("Exceptions: RED measures", 2, new_page=bool(exceptions))]
    if not exceptions:
        parts.append(Text(_text("No measure is RED.")))
    for number, x in enumerate(exceptions):
        parts.append(Heading(clean(x["title"]), 3, new_page=number > 0))
        if x["plan"]:
            parts.append(Text(_text(f"Plan: {x['coverage']}")))
            parts.append(Plan(plan_layout(x["plan"]).sections))
            continue
        lead = clean(x["lead"]) or "no departmental lead is named"
        notice = (
            Run("No action plan.", bold=True),
            Run(f" This RED measure has no action plan yet: {lead} to complete one."),
        )
        parts += [Text(notice, "notice"), Text(_text(x["sentence"]))]
    return parts
