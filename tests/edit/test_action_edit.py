"""`record ID --action N`: an action's progress, stage and status updated in place, every other
line of the file kept as it was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.app.record import record_action
from actionplan.edit.action_edit import ActionUpdate
from actionplan.errors import ActionplanError

PLAN = """\
title: Day opportunities
direction: higher
target: 50
measurements:
  - {period: 2024/25 Q2, value: 40}
action_plan:
  period: 2024/25 Q2
  actions:
    # reviewed each quarter
    - action: Review day opportunities
      owner: People   # the directorate
      due: 2025-03-31
      progress: 30%
      stage: In progress
      note: Initial data analysis is complete.

    - {action: Traded services income, due: 2025-03-31, note: Income down on last year}
"""


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "day-opportunities.yaml").write_text(PLAN)
    return folder


def test_record_action_progress_keeps_comments_and_layout(plans: Path) -> None:
    record_action(plans, "day-opportunities", ActionUpdate(1, progress="60%"))
    after = (plans / "day-opportunities.yaml").read_text()
    assert after == PLAN.replace("progress: 30%", "progress: 60%")


def test_record_action_adds_keys_in_their_place_in_a_flow_mapping(plans: Path) -> None:
    outcome = record_action(
        plans, "day-opportunities", ActionUpdate(2, progress="75", status="Amber")
    )
    after = (plans / "day-opportunities.yaml").read_text()
    assert after == PLAN.replace(
        "due: 2025-03-31, note:", "due: 2025-03-31, progress: 75%, status: Amber, note:"
    )
    assert outcome.said == [
        f"{plans / 'day-opportunities.yaml'}: action 2 updated (progress 75%, status Amber)"
    ]


def test_record_action_counts_from_one_and_refuses_a_missing_action(plans: Path) -> None:
    with pytest.raises(ActionplanError, match="there is no action 3: its plan has 2 actions"):
        record_action(plans, "day-opportunities", ActionUpdate(3, progress="10%"))
    assert (plans / "day-opportunities.yaml").read_text() == PLAN


def test_record_action_refuses_progress_beyond_100_percent(plans: Path) -> None:
    with pytest.raises(ActionplanError, match="0% to 100%"):
        record_action(plans, "day-opportunities", ActionUpdate(1, progress="130%"))
    assert (plans / "day-opportunities.yaml").read_text() == PLAN


def test_record_action_needs_something_to_change(plans: Path) -> None:
    with pytest.raises(ActionplanError, match="needs --progress, --stage or --status"):
        record_action(plans, "day-opportunities", ActionUpdate(1))
