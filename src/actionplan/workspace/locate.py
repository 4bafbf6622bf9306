"""Lines in plan files for what judging them found: the RED measurement that needs a plan, the
plan itself, a period without its trajectory target.

Valid files are parsed without keeping positions (that is the fast path); the few files a
check points a person at are composed again here, so the table and the GitHub annotations name
the line to edit rather than line 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from actionplan.errors import FileProblem, Problem
from actionplan.judge.check import Assessment, Row
from actionplan.judge.targets import Finding
from actionplan.workspace.yamlfile import compose, decode, node_at

Loc = tuple[str | int, ...]


def positions(path: Path, locs: Sequence[Loc]) -> list[tuple[int, int]]:
    """1-based (line, column) of each key path; (1, 1) where the file cannot be read again."""
    try:
        root = compose(decode(path.read_bytes(), path), path)
    except (OSError, FileProblem):
        root = None
    if root is None:
        return [(1, 1)] * len(locs)
    places = []
    for loc in locs:
        node, key_node = node_at(root, loc)
        mark = (key_node or node).start_mark if len(loc) == 1 else node.start_mark
        places.append((mark.line + 1, mark.column + 1))
    return places


def focus(assessment: Assessment) -> Loc | None:
    """Where a person acts on a row: the plan when there is one, else the RED measurement."""
    if assessment.indicator.action_plan is not None:
        return ("action_plan",)
    reading = assessment.reading
    if reading is None:
        return None
    measurements = assessment.indicator.measurements
    index = next(i for i, m in enumerate(measurements) if m is reading.measurement)
    return ("measurements", index)


def placed(row: Row) -> Row:
    """The row with the line a person edits, where it needs attention (a RED measure lacking
    a plan, or a status not as published)."""
    reading = row.assessment.reading
    if not (row.assessment.needs_plan or (reading and reading.mismatch)):
        return row
    loc = focus(row.assessment)
    if loc is None:
        return row
    [(line, _)] = positions(row.path, [loc])
    return replace(row, line=line)


def located(findings: Sequence[Finding]) -> list[Problem]:
    """Each finding as a problem at its line (the file is read again once for all of them)."""
    if not findings:
        return []
    places = positions(findings[0].path, [finding.loc for finding in findings])
    return [
        Problem(finding.path, line, column, finding.message)
        for finding, (line, column) in zip(findings, places, strict=True)
    ]
