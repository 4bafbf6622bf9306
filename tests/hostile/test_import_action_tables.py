"""Action tables built to hurt `import`: a huge table, control characters (a terminal's escapes
among them) and more actions than a plan file holds. Each stays within import's limits: it is
imported whole, or refused with the file and the limit to raise, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.workspace import store
from support.import_documents import build_plan_with_actions

HEADER = "No.\tAction\tOwner\tDue\t% complete\tStatus\tComments"
runner = CliRunner()


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def text_export(path: Path, rows: int, escape: str = "") -> Path:
    lines = ["Indicator Title\tHuge action table", HEADER]
    for number in range(1, rows + 1):
        bad = escape if number % 500 == 0 else ""
        lines.append(
            f"{number}\tAction{bad} {number}\tOwner {number}\t31/03/2025\t{number % 101}%\t"
            f"Green\tComment{bad} {number}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_huge_action_table_with_control_characters_imports_whole(workspace: Path) -> None:
    text_export(workspace / "huge.txt", 3000, "\x1b[31m\x07\x00")

    result = runner.invoke(app, ["import", "huge.txt"])

    assert result.exit_code == 0, result.output
    loaded = store.load_workspace([workspace / "plans"])
    assert loaded.problems == []
    plan = loaded.files[0].indicator.action_plan
    assert plan is not None and len(plan.actions) == 3000
    assert [a.action for a in plan.actions[498:500]] == ["Action 499", "Action[31m 500"]
    text = (workspace / "plans" / "huge-action-table.yaml").read_text()
    assert not any(ord(c) < 32 and c != "\n" for c in text)


def test_more_actions_than_a_plan_file_holds_are_refused_with_the_limit(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_VALUES", "800")
    text_export(workspace / "big.txt", 101)

    result = runner.invoke(app, ["import", "big.txt"])

    assert result.exit_code == 2
    assert (
        "big.txt: its action tables have 101 rows, up to 808 values in a plan file, over the "
        "limit of 800 values: if the file is genuine, raise the limit with "
        "ACTIONPLAN_MAX_PLAN_VALUES"
    ) in result.output
    assert not (workspace / "plans").exists()


def test_a_long_word_action_table_imports_in_order(workspace: Path) -> None:
    rows = [
        [str(n), f"Action {n}", "Lead", "2024/25 Q4", "10%", "Red", "x" * 2000]
        for n in range(1, 301)
    ]
    build_plan_with_actions(
        workspace / "long.docx",
        "Long action table",
        ["No.", "Action", "Owner", "Due", "% complete", "RAG", "Update"],
        rows,
    )

    result = runner.invoke(app, ["import", "long.docx"])

    assert result.exit_code == 0, result.output
    plan = store.load_workspace([workspace / "plans"]).files[0].indicator.action_plan
    assert plan is not None
    assert [a.action for a in plan.actions] == [f"Action {n}" for n in range(1, 301)]
