"""Lines in plan files for what judging them found: the RED measurement that needs a plan, the
plan itself, a period without its trajectory target.

Found in the node tree the file was read into (which keeps every position), so the table and
the GitHub annotations name the line to edit rather than line 1, without reading the file again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from actionplan.errors import Problem
from actionplan.judge.assessment import Assessment, Row
from actionplan.judge.targets import Finding

if TYPE_CHECKING:
    from yaml.nodes import Node

Loc = tuple[str | int, ...]


def positions(tree: Node | None, locs: Sequence[Loc]) -> list[tuple[int, int]]:
    """1-based (line, column) of each key path in a file's node tree: a top-level key's own
    position, else its value's; (1, 1) for each where there is no tree."""
    if tree is None:
        return [(1, 1)] * len(locs)
    from actionplan.workspace.yamlfile import node_at

    places = []
    for loc in locs:
        node, key_node = node_at(tree, loc)
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


def placed(row: Row, tree: Node | None) -> Row:
    """The row with the line a person edits, where it needs attention (a RED measure lacking
    a plan, or a status not as published); `tree`: the file's node tree."""
    reading = row.assessment.reading
    if not (row.assessment.needs_plan or (reading and reading.mismatch)):
        return row
    loc = focus(row.assessment)
    if loc is None:
        return row
    return replace(row, line=positions(tree, [loc])[0][0])


def located(findings: Sequence[Finding], tree: Node | None) -> list[Problem]:
    """Each finding as a problem at its line in the file's node tree `tree`."""
    places = positions(tree, [finding.loc for finding in findings])
    return [
        Problem(finding.path, line, column, finding.message)
        for finding, (line, column) in zip(findings, places, strict=True)
    ]
