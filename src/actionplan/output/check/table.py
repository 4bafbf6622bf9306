"""A check as an aligned table for people: the non-green rows, a summary, and the RED measures
lacking a plan with the file and line to edit. Colour only on a terminal, never with NO_COLOR
set (rich reads both); piped output is plain text written without importing rich."""

from __future__ import annotations

from typing import TextIO

from actionplan.domain.statuses import Status
from actionplan.errors import Problem
from actionplan.output.check.rows import CheckReport, Judged, summary_line
from actionplan.output.terminal import printable

STATUS_STYLE = {
    Status.RED: "bold red",
    Status.AMBER: "bold yellow",
    Status.GREEN: "green",
    Status.NO_DATA: "dim",
    Status.NO_TARGET: "blue",
    Status.BLUE: "blue",
}


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


def report_table(result: CheckReport, out: TextIO, missing_only: bool, show_all: bool) -> None:
    lines: list[Line] = []
    if not missing_only:
        rows = [row for row in result.rows if show_all or row.shown]
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


def table_lines(rows: list[Judged]) -> list[Line]:
    """Aligned columns, the status coloured. (rich's Table costs ~0.5 ms a row: too slow for
    the thousands of rows of a national collection.)"""
    cells = [row.cells for row in rows]
    widths = [max(len(c[i]) for c in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    status_column = COLUMNS.index("status")
    lines: list[Line] = [
        [("  ".join(h.ljust(w) for h, w in zip(COLUMNS, widths, strict=True)).rstrip(), "bold")]
    ]
    for row, line in zip(rows, cells, strict=True):
        pieces: Line = []
        for i, (cell, width) in enumerate(zip(line, widths, strict=True)):
            last = i == len(line) - 1
            style = STATUS_STYLE[Status(row.status)] if i == status_column else ""
            pieces.append((cell if last else cell.ljust(width), style))
            if not last:
                pieces.append(("  ", ""))
        lines.append(pieces)
    return lines


def needs_plan_lines(result: CheckReport) -> list[Line]:
    needing = [row for row in result.rows if row.needs_plan]
    lacking = [row for row in needing if row.status == Status.RED.value]
    # A plan on a measure with no status yet that does not say which period it answers.
    unfinished = [row for row in needing if row.status != Status.RED.value]
    lines = _red_plan_lines(result, lacking)
    if unfinished:
        lines.append([(f"Plans to complete ({len(unfinished)}):", "bold")])
        lines.extend(_needing_line(row) for row in unfinished)
    return lines


def _red_plan_lines(result: CheckReport, lacking: list[Judged]) -> list[Line]:
    reds = sum(1 for row in result.rows if row.status == Status.RED.value)
    lines: list[Line] = []
    if not lacking:
        if reds:
            lines.append([(f"Every RED measure ({reds}) has a current, complete plan.", "green")])
        for row in result.rows:
            if row.overdue_unknown:
                words = "cannot check overdue (`when` is words, not a date or period)"
                lines.append([(f"  {row.id}: {words}", "")])
        return lines
    lines.append(
        [(f"RED measures lacking a current, complete plan ({len(lacking)} of {reds}):", "bold red")]
    )
    lines.extend(_needing_line(row) for row in lacking)
    return lines


def _needing_line(row: Judged) -> Line:
    return [
        (f"  {row.path}:{row.line}: {row.id} ", ""),
        (row.coverage, "bold"),
        (f": {row.detail}", ""),
    ]


def report_problems(problems: list[Problem], err: TextIO) -> None:
    err.write("".join(printable(str(problem)) + "\n" for problem in problems))


def report_notes(notes: list[str], err: TextIO) -> None:
    err.write("".join(printable(f"note: {note}") + "\n" for note in notes))
