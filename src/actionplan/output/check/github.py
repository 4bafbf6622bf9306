"""A check as GitHub Actions workflow commands: each problem, RED measure lacking a plan and
status mismatch becomes an annotation on its file, and the summary line follows."""

from __future__ import annotations

from typing import TextIO

from actionplan.output.check.rows import CheckReport, summary_line
from actionplan.output.terminal import printable


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)  # line breaks are GitHub's to show; other controls are not
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(result: CheckReport, out: TextIO, missing_only: bool, show_all: bool) -> None:
    """GitHub Actions workflow commands: each becomes an annotation on the file."""
    for p in result.problems:
        place = f",line={p.line},col={p.column}" if p.line else ""
        out.write(
            f"::error file={_escape(str(p.path), property_value=True)}{place},"
            f"title=invalid plan file::{_escape(p.message)}\n"
        )
    for row in result.rows:
        file = _escape(row.path, property_value=True)
        if row.needs_plan:
            title = _escape(f"{row.id} is {row.status}: plan {row.coverage}", property_value=True)
            out.write(f"::error file={file},line={row.line},title={title}::{_escape(row.detail)}\n")
        elif not missing_only and row.mismatch:
            out.write(
                f"::warning file={file},line={row.line},title=status mismatch::"
                f"{_escape(row.words)}\n"
            )
    for note in result.notes:
        out.write(f"::notice title=actionplan::{_escape(note)}\n")
    out.write(summary_line(result) + "\n")
