"""Lines in plan files for what judging them found: the RED measurement that needs a plan, the
plan itself, a period without its trajectory target.

Valid files are parsed without keeping positions (that is the fast path); the few files a
check points a person at are composed again here, so the table and the GitHub annotations name
the line to edit rather than line 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from actionplan.errors import ActionplanError, Problem
from actionplan.judge.assessment import Assessment, Row
from actionplan.judge.targets import Finding
from actionplan.workspace.fastread import declined
from actionplan.workspace.limits import PLAN_BYTES, read_limited

Loc = tuple[str | int, ...]


def positions(path: Path, locs: Sequence[Loc]) -> list[tuple[int, int]]:
    """1-based (line, column) of each key path; (1, 1) where the file cannot be read again."""
    # Imported here: the located reader (PyYAML) is needed only for the few files it reads.
    from actionplan.workspace.yamlfile import compose, decode, node_at

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


_PLAN_KEY = re.compile(r"^action_plan:(?=[ \t\r\n]|$)", re.MULTILINE)
_MEASUREMENTS_KEY = re.compile(r"^measurements:[ \t]*(?:#[^\n]*)?$", re.MULTILINE)


def line_of(path: Path, loc: Loc, items: int, plain: str | None = None) -> int:
    """The line a person edits for `focus`'s key path (`items`: how many measurements the file
    holds). Read from the text where it is plain (a top-level key, a block list of items
    each starting on its dash line), else from the composed file as `positions` does. `plain`
    is the file's text where the fast reader read it (so it is plain): else the file is read
    again."""
    text = plain
    if text is None:
        from actionplan.workspace.yamlfile import decode

        try:
            text = decode(read_limited(path, PLAN_BYTES), path)
        except (OSError, ActionplanError):
            return 1
        if declined(text):
            return positions(path, [loc])[0][0]
    line = _plain_line(text, loc, items)
    return line if line is not None else positions(path, [loc])[0][0]


def _plain_line(text: str, loc: Loc, items: int) -> int | None:
    if loc == ("action_plan",):
        keys = [match.start() for match in _PLAN_KEY.finditer(text)]
        return text.count("\n", 0, keys[0]) + 1 if len(keys) == 1 else None
    keys = [match.end() for match in _MEASUREMENTS_KEY.finditer(text)]
    if len(loc) != 2 or loc[0] != "measurements" or len(keys) != 1:
        return None
    first = text.count("\n", 0, keys[0]) + 1  # the line of `measurements:`
    starts: list[int] = []
    dash: int | None = None
    for number, line in enumerate(text[keys[0] :].split("\n")[1:], start=first + 1):
        body = line.lstrip(" ")
        if not body.strip() or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        dash = indent if dash is None else dash
        if indent < dash or (indent == dash and not body.startswith("- ")):
            break
        if indent == dash:
            rest = body[2:].strip()
            if not rest or rest.startswith("#"):
                return None  # the item starts on a later line
            starts.append(number)
    index = loc[1]
    if len(starts) != items or not isinstance(index, int) or not 0 <= index < items:
        return None
    return starts[index]


def placed(row: Row, plain: str | None = None) -> Row:
    """The row with the line a person edits, where it needs attention (a RED measure lacking
    a plan, or a status not as published). `plain`: the file's text, if the fast reader read
    it."""
    reading = row.assessment.reading
    if not (row.assessment.needs_plan or (reading and reading.mismatch)):
        return row
    loc = focus(row.assessment)
    if loc is None:
        return row
    items = len(row.assessment.indicator.measurements)
    return replace(row, line=line_of(row.path, loc, items, plain))


def located(findings: Sequence[Finding]) -> list[Problem]:
    """Each finding as a problem at its line (the file is read again once for all of them)."""
    if not findings:
        return []
    places = positions(findings[0].path, [finding.loc for finding in findings])
    return [
        Problem(finding.path, line, column, finding.message)
        for finding, (line, column) in zip(findings, places, strict=True)
    ]
