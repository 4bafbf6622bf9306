"""A check for programs: one JSON document of a stable, documented shape (docs/check.md,
"JSON output"), written a slice of rows at a time."""

from __future__ import annotations

import json
from typing import Any, TextIO

from actionplan.domain.statuses import Status
from actionplan.output.check.rows import CheckReport
from actionplan.output.terminal import json_safe

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
            "actions": result.action_counts(),
        },
        "indicators": [Encoded(r.json_line()) for r in rows],
        "notes": result.notes,
        "problems": [
            {
                "path": str(p.path),
                "line": p.line or None,  # null: a path with no place in it (not there)
                "column": p.column or None,
                "message": p.message,
            }
            for p in result.problems
        ],
    }
    if result.since is not None:
        document["changes_since"] = result.since
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
