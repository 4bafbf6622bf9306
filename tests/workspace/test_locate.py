"""The line a check points a person at: the plan's key when there is a plan, else the RED
measurement's first line, in every shape a list of measurements can take, found in the tree the
file was read into."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.app.check_file import judge_file
from actionplan.domain.models import Settings
from actionplan.workspace.locate import positions
from actionplan.workspace.reading import parse_file

# Each shape, and the lines of its measurements and (last, where there is one) of its plan.
SHAPES = {
    "at column 0": (
        "title: T\nmeasurements:\n- period: 2014-04\n  value: 5\n- period: 2014-05\n"
        "  value: 6\naction_plan:\n  period: 2014-05\n",
        [3, 5, 7],
    ),
    "comments and blanks": (
        "title: T\nmeasurements:   # monthly\n\n  # April\n  - period: 2014-04\n"
        "    value: 5\n\n  - period: 2014-05   # May\n    value: 6\n",
        [5, 8],
    ),
    "dash alone": ("title: T\nmeasurements:\n  -\n    period: 2014-04\n    value: 5\n", [4]),
    "dash and a comment": (
        "title: T\nmeasurements:\n  - # April\n    period: 2014-04\n    value: 5\n",
        [4],
    ),
    "text with dashes": (
        "title: T\nmeasurements:\n  - period: 2014-04\n    note: |\n"
        "      - a list in the note\n      - line two\n    value: 5\n  - period: 2014-05\n",
        [3, 8],
    ),
    "flow items": (
        "title: T\nmeasurements:\n  - {period: 2014-04, value: 5}\n"
        "  - {period: 2014-05, value: 6}\n",
        [3, 4],
    ),
    "flow list": ("title: T\nmeasurements: [{period: 2014-04, value: 5}]\n", [2]),
    "plan quoted": (
        'title: T\n"action_plan":\n  period: 2014-04\nmeasurements:\n'
        "  - period: 2014-04\n    value: 5\n",
        [5, 2],
    ),
    "crlf": (
        "title: T\r\nmeasurements:\r\n  - period: 2014-04\r\n    value: 5\r\n"
        "action_plan:\r\n  period: 2014-04\r\n",
        [3, 5],
    ),
}


@pytest.mark.parametrize(("text", "lines"), SHAPES.values(), ids=SHAPES)
def test_every_shape_of_a_list(text: str, lines: list[int], tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode())
    parsed = parse_file(path, keep_tree=True)
    items = len(parsed.data["measurements"])
    locs: list[tuple[str | int, ...]] = [("measurements", i) for i in range(items)]
    if "action_plan" in parsed.data:
        locs.append(("action_plan",))
    assert [line for line, _ in positions(parsed.tree, locs)] == lines


RED = "title: T\nid: t\ndirection: higher\ntarget: 10\nmeasurements:\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (RED + "  - period: 2014-04\n    value: 12\n  -\n    period: 2014-05\n    value: 5\n", 9),
        (RED + "  - {period: 2014-04, value: 12}\n  - {period: 2014-05, value: 5}\n", 7),
        (RED + "  - period: 2014-05\n    value: 5\naction_plan:\n  period: 2014-05\n", 8),
    ],
    ids=["block", "flow", "plan"],
)
def test_a_checked_row_points_at_the_red_measurement_or_its_plan(
    text: str, line: int, tmp_path: Path
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text)
    outcome = judge_file(path, settings=Settings(), as_of=date(2014, 6, 30), spc="none")
    assert not isinstance(outcome, list), outcome
    row, _ = outcome
    assert (row.status, row.line) == ("RED", line)


def test_without_a_tree_every_position_is_the_first_line() -> None:
    assert positions(None, [("action_plan",), ("measurements", 2)]) == [(1, 1), (1, 1)]
