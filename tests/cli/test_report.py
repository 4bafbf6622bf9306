"""`actionplan report` options and exit codes, as a user meets them at the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()

RED_WITHOUT_PLAN = """\
title: EHCPs issued within 20 weeks
unit: percent
frequency: quarterly
direction: higher
cumulative: true
departmental_lead: Head of SEND
target: {2025/26: 65%}
measurements:
  - {period: 2025/26 Q1, value: 28.1%}
  - {period: 2025/26 Q2, value: 55%}
"""


def plans(tmp_path: Path) -> Path:
    (tmp_path / "ehcps-within-20-weeks.yaml").write_text(RED_WITHOUT_PLAN, encoding="utf-8")
    return tmp_path


def test_since_later_than_as_of_is_refused(tmp_path: Path) -> None:
    args = ["report", str(plans(tmp_path)), "--as-of", "2025-11-30", "--since", "2026-02-28"]
    result = runner.invoke(app, [*args, "--no-cache"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and result.stdout == ""
    assert "--since 2026-02-28 is after --as-of 2025-11-30" in result.stderr


def test_since_on_the_day_of_as_of_is_accepted(tmp_path: Path) -> None:
    args = ["report", str(plans(tmp_path)), "--as-of", "2025-11-30", "--since", "2025-11-30"]
    result = runner.invoke(app, [*args, "--no-cache"])
    assert result.exit_code == 1 and "Changes since" in result.stdout


def test_a_report_that_exits_1_says_which_red_measures_lack_a_plan(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(plans(tmp_path)), "--as-of", "2025-11-30"])
    assert result.exit_code == 1
    assert "<html" in result.stdout  # the report is still written
    assert "RED measures lacking a current, complete plan (1 of 1):" in result.stderr
    assert "ehcps-within-20-weeks.yaml: ehcps-within-20-weeks MISSING" in result.stderr
