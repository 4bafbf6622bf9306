"""A working folder holding one plan, and the command line run in this process."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app


def plans_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: str) -> Path:
    """`tmp_path/work` with `plans/a.yaml` holding `plan`, made the working folder, with a cache
    of its own."""
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "a.yaml").write_text(plan)
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return work


def invoke(*args: str) -> tuple[int, str]:
    """The exit code and stderr of `actionplan ARGS`; any exception but an exit fails the test."""
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr
