"""The line a check points a person at, read from the text, is the line the composed file
gives: for the plan, and for every measurement, in every shape a list of them can take."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.errors import FileProblem
from actionplan.workspace.locate import line_of, positions
from actionplan.workspace.store import parse_file
from support.paths import ROOT

PROJECT = sorted(p for d in ("plans", "tests") for p in (ROOT / d).rglob("*.y*ml") if p.is_file())
SHAPES = {
    "at column 0": "title: T\nmeasurements:\n- period: 2014-04\n  value: 5\n- period: 2014-05\n"
    "  value: 6\naction_plan:\n  period: 2014-05\n",
    "comments and blanks": "title: T\nmeasurements:   # monthly\n\n  # April\n  - period: 2014-04\n"
    "    value: 5\n\n  - period: 2014-05   # May\n    value: 6\n",
    "dash alone": "title: T\nmeasurements:\n  -\n    period: 2014-04\n    value: 5\n",
    "dash and a comment": "title: T\nmeasurements:\n  - # April\n    period: 2014-04\n"
    "    value: 5\n",
    "text with dashes": "title: T\nmeasurements:\n  - period: 2014-04\n    note: |\n"
    "      - a list in the note\n  - line two\n    value: 5\n",
    "flow items": "title: T\nmeasurements:\n  - {period: 2014-04, value: 5}\n"
    "  - {period: 2014-05, value: 6}\n",
    "flow list": "title: T\nmeasurements: [{period: 2014-04, value: 5}]\n",
    "plan quoted": 'title: T\n"action_plan":\n  period: 2014-04\nmeasurements:\n'
    "  - period: 2014-04\n    value: 5\n",
    "crlf": "title: T\r\nmeasurements:\r\n  - period: 2014-04\r\n    value: 5\r\n"
    "action_plan:\r\n  period: 2014-04\r\n",
}


def assert_lines_agree(path: Path) -> None:
    """Each line found from the text, read again or as the fast reader kept it, is the line
    the composed file gives."""
    try:
        parsed = parse_file(path, keep_text=True)
    except FileProblem:
        return
    data = parsed.data
    items = data.get("measurements")
    count = len(items) if isinstance(items, list) else 0
    locs: list[tuple[str | int, ...]] = [("measurements", i) for i in range(count)]
    if "action_plan" in data:
        locs.append(("action_plan",))
    for loc in locs:
        composed = positions(path, [loc])[0][0]
        assert line_of(path, loc, count) == composed, loc
        if parsed.text is not None:
            assert line_of(path, loc, count, parsed.text) == composed, loc


@pytest.mark.parametrize("path", PROJECT, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_of_the_project(path: Path) -> None:
    assert_lines_agree(path)


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES)
def test_every_shape_of_a_list(text: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode())
    assert_lines_agree(path)
