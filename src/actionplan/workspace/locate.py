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

from actionplan.errors import ActionplanError, Problem
from actionplan.judge.check import Assessment, CheckResult, Row
from actionplan.judge.targets import Finding
from actionplan.workspace.limits import PLAN_BYTES, read_limited
from actionplan.workspace.yamlfile import compose, decode, node_at

Loc = tuple[str | int, ...]


def positions(path: Path, locs: Sequence[Loc]) -> list[tuple[int, int]]:
    """1-based (line, column) of each key path; (1, 1) where the file cannot be read again."""
    try:
        root = compose(decode(read_limited(path, PLAN_BYTES), path), path)
    except (OSError, ActionplanError):
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


def locate(result: CheckResult) -> CheckResult:
    """The result with rows needing attention and findings placed at their lines."""
    rows = [_placed(row) if _points_at(row) else row for row in result.rows]
    problems = list(result.problems) + [_problem(finding) for finding in result.findings]
    problems.sort(key=lambda p: (str(p.path), p.line, p.column))
    return replace(result, rows=rows, problems=problems, findings=[])


def _points_at(row: Row) -> bool:
    reading = row.assessment.reading
    return row.assessment.needs_plan or bool(reading and reading.mismatch)


def _placed(row: Row) -> Row:
    loc = focus(row.assessment)
    if loc is None:
        return row
    [(line, _)] = positions(row.path, [loc])
    return replace(row, line=line)


def _problem(finding: Finding) -> Problem:
    [(line, column)] = positions(finding.path, [finding.loc])
    return Problem(finding.path, line, column, finding.message)
