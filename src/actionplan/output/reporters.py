"""Output of a check as a table, JSON or GitHub annotations; the only module that uses rich.

Reporters take a finished CheckResult and a stream, so they are tested on results built in
memory. Colour appears only on a terminal and never with NO_COLOR set (rich reads both).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from actionplan.domain.models import Status
from actionplan.domain.words import plural
from actionplan.errors import Problem
from actionplan.judge.check import Assessment, CheckResult, Row
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.travel import Travel
from actionplan.output.terminal import json_safe, printable
from actionplan.output.wording import figure, status_words

JSON_VERSION = 1
STATUS_STYLE = {
    Status.RED: "bold red",
    Status.AMBER: "bold yellow",
    Status.GREEN: "green",
    Status.NO_DATA: "dim",
    Status.NO_TARGET: "blue",
    Status.BLUE: "blue",
}
TRAVEL_MARK = {
    Travel.IMPROVING: "improving",
    Travel.WORSENING: "worsening",
    Travel.NO_CHANGE: "no change",
}

Reporter = Callable[[CheckResult, TextIO, bool, bool], None]


Line = list[tuple[str, str]]  # (text, rich style) pieces of one output line


def emit(lines: list[Line], out: TextIO) -> None:
    """Write styled lines: with rich's colours on a terminal, as plain text otherwise (piped
    output neither needs rich nor pays for importing it). Text from files is shown with its
    control characters escaped, so it cannot drive the terminal or forge a line."""
    if not out.isatty():
        out.write("".join(printable("".join(text for text, _ in line)) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for piece, style in line:
            text.append(printable(piece), style)
    Console(file=out, highlight=False, soft_wrap=True).print(text)


def describe_target(assessment: Assessment) -> str:
    reading = assessment.reading
    if reading is not None and reading.missing_trajectory:
        return "- (no trajectory point)"
    if reading is None or reading.target is None:
        return "-"
    text = figure(float(reading.target), assessment.indicator.unit)
    if reading.prorated:
        return f"{text} (pro-rated from {reading.target_period or 'annual'})"
    return text


def describe_value(assessment: Assessment) -> str:
    """The figure, with its comparators and, beside a forecast, the latest actual."""
    reading = assessment.reading
    if reading is None:
        return "-"
    unit = assessment.indicator.unit
    m = reading.measurement
    text = figure(m.value, unit, missing="NA")
    if m.comparators:
        text += (
            " ("
            + "; ".join(f"{k} {figure(v, unit, missing='NA')}" for k, v in m.comparators.items())
            + ")"
        )
    actual = assessment.actual
    if actual is not None:
        shown = figure(actual.measurement.value, unit, missing="NA")
        text += f"; actual {shown} at {actual.measurement.period}"
    return text


def describe_travel(assessment: Assessment) -> str:
    short = TRAVEL_MARK.get(assessment.short_term, "-") if assessment.short_term else "-"
    long = TRAVEL_MARK.get(assessment.long_term, "-") if assessment.long_term else "-"
    return f"{short} / {long}"


def describe_plan(assessment: Assessment) -> str:
    plan = assessment.plan
    if plan is None:
        return "-" if assessment.indicator.action_plan is None else "plan (not needed)"
    if plan.overdue_unknown:
        return f"{plan.coverage} (cannot check overdue)"
    return plan.coverage.value


SPC_WORDS = {
    "common_cause": "common cause",
    "special_cause_improvement": "improvement",
    "special_cause_concern": "concern",
    "special_cause_neutral_high": "neutral high",
    "special_cause_neutral_low": "neutral low",
    "consistent_pass": "pass",
    "consistent_fail": "fail",
    "inconsistent": "hit and miss",
}


def describe_spc(row: Row) -> str:
    """Variation / assurance in a few words; "-" where there is no chart."""
    if not isinstance(row.spc, SpcResult):
        return "-"
    assurance = SPC_WORDS[row.spc.assurance] if row.spc.assurance else "-"
    return f"{SPC_WORDS[row.spc.variation]} / {assurance}"


def shown(row: Row, show_all: bool) -> bool:
    a = row.assessment
    return (
        show_all or a.status in (Status.RED, Status.AMBER) or bool(a.reading and a.reading.mismatch)
    )


def report_table(result: CheckResult, out: TextIO, missing_only: bool, show_all: bool) -> None:
    lines: list[Line] = []
    if not missing_only:
        rows = [row for row in result.rows if shown(row, show_all)]
        if rows:
            lines += table_lines(rows)
        hidden = len(result.rows) - len(rows)
        more = f" ({hidden} not shown: --all lists every one)" if hidden else ""
        lines.append([(summary_line(result) + more, "")])
    lines += needs_plan_lines(result)
    emit(lines, out)


COLUMNS = (
    "id",
    "title",
    "period",
    "value",
    "target",
    "status",
    "travel (short / long)",
    "spc (variation / assurance)",
    "plan",
)
TITLE_WIDTH = 40


def table_cells(row: Row) -> list[str]:
    a = row.assessment
    m = a.reading.measurement if a.reading else None
    title = a.indicator.title
    if len(title) > TITLE_WIDTH:
        title = title[: TITLE_WIDTH - 1].rstrip() + "…"
    return [
        a.indicator.id,
        title,
        "-" if m is None else str(m.period) + (" (stale)" if a.stale else ""),
        describe_value(a),
        describe_target(a),
        status_words(a),
        describe_travel(a),
        describe_spc(row),
        describe_plan(a),
    ]


def table_lines(rows: list[Row]) -> list[Line]:
    """Aligned columns, the status coloured. (rich's Table costs ~0.5 ms a row: too slow for
    the thousands of rows of a national collection.)"""
    cells = [table_cells(row) for row in rows]
    widths = [max(len(c[i]) for c in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    status_column = COLUMNS.index("status")
    lines: list[Line] = [
        [("  ".join(h.ljust(w) for h, w in zip(COLUMNS, widths, strict=True)).rstrip(), "bold")]
    ]
    for row, line in zip(rows, cells, strict=True):
        pieces: Line = []
        for i, (cell, width) in enumerate(zip(line, widths, strict=True)):
            last = i == len(line) - 1
            style = STATUS_STYLE[row.assessment.status] if i == status_column else ""
            pieces.append((cell if last else cell.ljust(width), style))
            if not last:
                pieces.append(("  ", ""))
        lines.append(pieces)
    return lines


def summary_line(result: CheckResult) -> str:
    counts = result.counts()
    parts = ", ".join(
        f"{counts[s.value]} {s.value}" for s in Status if s is not Status.BLUE or counts[s.value]
    )
    stale = sum(1 for r in result.rows if r.assessment.stale)
    mismatches = sum(
        1 for r in result.rows if r.assessment.reading and r.assessment.reading.mismatch
    )
    text = f"{plural(len(result.rows), 'indicator')} as of {result.as_of}: {parts}; {stale} stale"
    if mismatches:
        statuses = plural(mismatches, "published status", "published statuses")
        text += f"; {statuses} {'differs' if mismatches == 1 else 'differ'} from computed"
    if result.problems:
        text += f"; {plural(len(result.problems), 'problem')} in files"
    return text


def needs_plan_lines(result: CheckResult) -> list[Line]:
    lacking = [row for row in result.rows if row.assessment.needs_plan]
    reds = sum(1 for row in result.rows if row.assessment.status is Status.RED)
    lines: list[Line] = []
    if not lacking:
        if reds:
            lines.append([(f"Every RED measure ({reds}) has a current, complete plan.", "green")])
        for row in result.rows:
            plan = row.assessment.plan
            if plan and plan.overdue_unknown:
                lines.append(
                    [
                        (
                            f"  {row.assessment.indicator.id}: cannot check overdue "
                            "(`when` is words, not a date or period)",
                            "",
                        )
                    ]
                )
        return lines
    lines.append(
        [(f"RED measures lacking a current, complete plan ({len(lacking)} of {reds}):", "bold red")]
    )
    for row in lacking:
        plan = row.assessment.plan
        assert plan is not None
        lines.append(
            [
                (f"  {row.path}:{row.line}: {row.assessment.indicator.id} ", ""),
                (plan.coverage.value, "bold"),
                (f": {plan.detail}", ""),
            ]
        )
    return lines


def report_problems(problems: list[Problem], err: TextIO) -> None:
    err.write("".join(printable(str(problem)) + "\n" for problem in problems))


def report_notes(notes: list[str], err: TextIO) -> None:
    err.write("".join(printable(f"note: {note}") + "\n" for note in notes))


# JSON: a documented, stable shape (README, "JSON output"); bump JSON_VERSION on any change
# that removes or renames a key.
def report_json(result: CheckResult, out: TextIO, missing_only: bool, show_all: bool) -> None:
    rows = [r for r in result.rows if r.assessment.needs_plan or not missing_only]
    counts = result.counts()
    document = {
        "version": JSON_VERSION,
        "as_of": result.as_of.isoformat(),
        "exit_code": result.exit_code,
        "summary": {
            "indicators": len(result.rows),
            **{s.value: counts[s.value] for s in Status},
            "needs_plan": sum(1 for r in result.rows if r.assessment.needs_plan),
            "stale": sum(1 for r in result.rows if r.assessment.stale),
            "problems": len(result.problems),
        },
        "indicators": [row_json(r) for r in rows],
        "notes": result.notes,
        "problems": [
            {"path": str(p.path), "line": p.line, "column": p.column, "message": p.message}
            for p in result.problems
        ],
    }
    write_json(document, out)


def write_json(document: dict[str, Any], out: TextIO) -> None:
    """Indented JSON with one indicator or problem per line: readable, and fast for 10,000
    rows (json's C encoder only runs without `indent`)."""
    out.write("{\n")
    for number, (key, value) in enumerate(document.items()):
        comma = "," if number < len(document) - 1 else ""
        if isinstance(value, list) and value:
            items = ",\n".join(
                "    " + json_safe(json.dumps(item, ensure_ascii=False)) for item in value
            )
            out.write(f"  {json.dumps(key)}: [\n{items}\n  ]{comma}\n")
        else:
            encoded = json_safe(json.dumps(value, ensure_ascii=False))
            out.write(f"  {json.dumps(key)}: {encoded}{comma}\n")
    out.write("}\n")


def row_json(row: Row) -> dict[str, Any]:
    a = row.assessment
    reading = a.reading
    m = reading.measurement if reading else None
    plan = a.plan
    return {
        "id": a.indicator.id,
        "title": a.indicator.title,
        "path": str(row.path),
        "unit": a.indicator.unit,
        "status": a.status.value,
        "computed_status": reading.computed.value if reading else Status.NO_DATA.value,
        "published_status": m.status.value if m and m.status else None,
        "status_mismatch": bool(reading and reading.mismatch),
        "period": str(m.period) if m else None,
        "value": m.value if m else None,
        "comparators": m.comparators if m and m.comparators else {},
        "forecast": bool(m and m.forecast),
        "reported": m.reported.isoformat() if m and m.reported else None,
        "target": float(reading.target) if reading and reading.target is not None else None,
        "target_period": str(reading.target_period) if reading and reading.target_period else None,
        "target_prorated": bool(reading and reading.prorated),
        "missing_trajectory": bool(reading and reading.missing_trajectory),
        "improved_on_last_year": bool(reading and reading.softened),
        "actual": None
        if a.actual is None
        else {"period": str(a.actual.measurement.period), "value": a.actual.measurement.value},
        "stale": a.stale,
        "stale_since": a.stale_since.isoformat() if a.stale_since else None,
        "direction_of_travel": {
            "short_term": a.short_term.value if a.short_term else None,
            "long_term": a.long_term.value if a.long_term else None,
        },
        "plan": None
        if plan is None
        else {
            "coverage": plan.coverage.value,
            "detail": plan.detail,
            "due": plan.due.end.isoformat() if plan.due else None,
            "overdue_checkable": not plan.overdue_unknown,
        },
        "needs_plan": a.needs_plan,
        "spc": row.spc.to_json() if isinstance(row.spc, SpcResult) else None,
        "spc_reason": row.spc.reason if isinstance(row.spc, SpcUnavailable) else None,
    }


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)  # line breaks are GitHub's to show; other controls are not
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(result: CheckResult, out: TextIO, missing_only: bool, show_all: bool) -> None:
    """GitHub Actions workflow commands: each becomes an annotation on the file."""
    for p in result.problems:
        out.write(
            f"::error file={_escape(str(p.path), property_value=True)},line={p.line},"
            f"col={p.column},title=invalid plan file::{_escape(p.message)}\n"
        )
    for row in result.rows:
        a = row.assessment
        file = _escape(str(row.path), property_value=True)
        if a.needs_plan and a.plan:
            title = _escape(f"{a.indicator.id} is RED: plan {a.plan.coverage}", property_value=True)
            out.write(
                f"::error file={file},line={row.line},title={title}::{_escape(a.plan.detail)}\n"
            )
        elif not missing_only and a.reading and a.reading.mismatch:
            out.write(
                f"::warning file={file},line={row.line},title=status mismatch::"
                f"{_escape(status_words(a))}\n"
            )
    for note in result.notes:
        out.write(f"::notice title=actionplan::{_escape(note)}\n")
    out.write(summary_line(result) + "\n")


REPORTERS: dict[str, Reporter] = {
    "table": report_table,
    "json": report_json,
    "github": report_github,
}


@contextmanager
def progress(label: str, stream: TextIO | None = None) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on a terminal (stderr) for long work; silent when piped."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=stream), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            if total >= 200:
                bar.update(task, completed=done, total=total)

        yield tick
