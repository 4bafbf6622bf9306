"""A check for programs: one JSON document of a stable, documented shape (README, "JSON
output"), or GitHub Actions workflow commands that become annotations on the files."""

from __future__ import annotations

import json
from typing import Any, TextIO

from actionplan.domain.statuses import Status
from actionplan.output.check_rows import CheckReport, summary_line
from actionplan.output.terminal import json_safe, printable

# JSON: bump JSON_VERSION on any change that removes or renames a key.
JSON_VERSION = 1


def report_json(result: CheckReport, out: TextIO, missing_only: bool, show_all: bool) -> None:
    rows = [r for r in result.rows if r.needs_plan or not missing_only]
    counts = result.counts()
    document = {
        "version": JSON_VERSION,
        "as_of": result.as_of.isoformat(),
        "exit_code": result.exit_code,
        "summary": {
            "indicators": len(result.rows),
            **{s.value: counts[s.value] for s in Status},
            "needs_plan": sum(1 for r in result.rows if r.needs_plan),
            "stale": sum(1 for r in result.rows if r.stale),
            "problems": len(result.problems),
        },
        "indicators": [Encoded(r.json_line()) for r in rows],
        "notes": result.notes,
        "problems": [
            {"path": str(p.path), "line": p.line, "column": p.column, "message": p.message}
            for p in result.problems
        ],
    }
    write_json(document, out)


class Encoded(str):
    """An item already encoded as JSON (and made safe), written as it is."""


def _item(item: object) -> str:
    if isinstance(item, Encoded):
        return str(item)
    return json_safe(json.dumps(item, ensure_ascii=False))


def write_json(document: dict[str, Any], out: TextIO) -> None:
    """Indented JSON with one indicator or problem per line: readable, and fast for 10,000
    rows (json's C encoder only runs without `indent`)."""
    out.write("{\n")
    for number, (key, value) in enumerate(document.items()):
        comma = "," if number < len(document) - 1 else ""
        if isinstance(value, list) and value:
            out.write(f"  {json.dumps(key)}: [\n")
            # In slices, so 10,000 rows are never one string of tens of megabytes.
            for start in range(0, len(value), 500):
                items = ",\n".join("    " + _item(item) for item in value[start : start + 500])
                out.write(items + (",\n" if start + 500 < len(value) else "\n"))
            out.write(f"  ]{comma}\n")
        else:
            encoded = json_safe(json.dumps(value, ensure_ascii=False))
            out.write(f"  {json.dumps(key)}: {encoded}{comma}\n")
    out.write("}\n")


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)  # line breaks are GitHub's to show; other controls are not
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(result: CheckReport, out: TextIO, missing_only: bool, show_all: bool) -> None:
    """GitHub Actions workflow commands: each becomes an annotation on the file."""
    for p in result.problems:
        out.write(
            f"::error file={_escape(str(p.path), property_value=True)},line={p.line},"
            f"col={p.column},title=invalid plan file::{_escape(p.message)}\n"
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
