"""A command holds every indicator it reads, with its figures and text: a tree of more plan
files, bytes or figures than one command reads is refused, naming the limit, the variable
that raises it and that a folder of the tree at a time is read within it, and nothing is
written. Each limit is lowered here to a few files, so the test is quick; the defaults are
measured in `benchmarks/bench_hostile.py` (a tree at them peaks well under 512 MiB)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.output_sets import AS_OF, make_tree, state

runner = CliRunner()

# Every command that reads the tree, as a user would run it on the default folder.
COMMANDS = {
    "check": ["check", *AS_OF],
    "report": ["report", "--format", "md", "--out", "out", *AS_OF],
    "render": ["render", "--out", "out", *AS_OF],
    "site": ["site", "--out", "out", *AS_OF],
    "export": ["export", "--out", "out", *AS_OF],
    "due": ["due", *AS_OF],
    "record": ["record", "ind-00", "2014-07", "46"],
    "new": ["new", "--indicator", "fresh", "--title", "Fresh"],
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_tree(tmp_path, count=6)  # each plan of 2 figures, 11 lines


def _refused(args: list[str], tmp_path: Path, variable: str) -> str:
    before = state(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (args, result.output)
    assert "Traceback" not in result.output
    assert variable in result.stderr and "one folder of the tree at a time" in result.stderr
    assert "nothing was read" in result.stderr
    assert state(tmp_path) == before  # no document, page, table or edit
    return result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_more_plan_files_than_one_command_reads_are_refused_before_any_is_read(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_FILES", "5")
    said = _refused(COMMANDS[command], tmp_path, "ACTIONPLAN_MAX_PLAN_FILES")
    assert "6 plan files, over the limit of 5 plan files read by one command" in said


def test_more_bytes_of_plan_files_than_one_command_reads_are_refused(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = sum(p.stat().st_size for p in tree.glob("ind-*.yaml"))
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_FILES_BYTES", str(size - 1))
    for args in COMMANDS.values():
        said = _refused(args, tmp_path, "ACTIONPLAN_MAX_PLAN_FILES_BYTES")
        assert f"over the limit of {size - 1:,} bytes of plan files read by one command" in said


def test_more_figures_than_one_command_reads_are_refused_naming_the_file_that_went_over(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_FILES_FIGURES", "11")  # 6 files of 2 figures
    for command in ("report", "render", "site", "export", "due", "record", "new"):
        said = _refused(COMMANDS[command], tmp_path, "ACTIONPLAN_MAX_PLAN_FILES_FIGURES")
        assert "more than 11 figures by plans/ind-05.yaml" in said, said


def test_a_folder_of_the_tree_at_a_time_is_read_within_the_limit(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice works: the same plans, as two directorates read one at a time."""
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_FILES", "3")
    for n, path in enumerate(sorted(tree.glob("ind-*.yaml"))):
        folder = tree / ("adults" if n < 3 else "children")
        folder.mkdir(exist_ok=True)
        path.rename(folder / path.name)
    for folder in ("adults", "children"):
        args = ["report", f"plans/{folder}", "-f", "html", "--out", folder, *AS_OF]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert (tmp_path / folder / "report.html").is_file()


def test_a_table_that_would_take_the_tree_over_the_limit_is_refused_with_nothing_recorded(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_FILES", "7")
    (tmp_path / "kpis.csv").write_text("Indicator,Title,Value\nK1,New one,1\nK2,New two,2\n")
    before = state(tmp_path)
    result = runner.invoke(
        app,
        ["record", "--period", "2014/15", "--create", "--direction", "higher", "--map",
         "id=Indicator", "--map", "title=Title", "--map", "value=Value", "--table", "kpis.csv"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "the table takes the plans to more than 7 files" in result.stderr
    assert "ACTIONPLAN_MAX_PLAN_FILES" in result.stderr and "nothing was recorded" in result.stderr
    assert state(tmp_path) == before
