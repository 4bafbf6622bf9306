"""`report --since` and `check --since` in a plans folder kept in git: the files as committed on
the day of the last committee, and what changed since (figures restated, targets changed, plan
sections rewritten), from a real repository built with dated commits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

# Wirral's smoking quitters (4 weeks), as the committee saw them in summer 2014: April 617
# against a target of 993 (plans/public-health/smoking-quitters.yaml, from Wirral Council's
# 2014/15 action plan). The later restatement and the new target are made up for the test.
FIRST = """\
id: quitters
title: Smoking quitters (4 weeks)
unit: count
direction: higher
target: 993   # the monthly trajectory
tolerance: 5%
measurements:
  - {period: 2014-04, value: 617, reported: 2014-06-12}
  - {period: 2014-05, value: 540, reported: 2014-07-10}
action_plan:
  period: 2014-04
  non_compliance_reason: Fewer referrals from GP practices.
  what: More referrals.
  how: Targeted work with practices.
  who: Public Health
  when: 2014/15 Q3
"""


def _commit(repo: Path, day: str, message: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
        "GIT_AUTHOR_NAME": "Performance Team",
        "GIT_AUTHOR_EMAIL": "performance@example.org",
        "GIT_COMMITTER_NAME": "Performance Team",
        "GIT_COMMITTER_EMAIL": "performance@example.org",
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)


def _report(plans: Path, out: Path, since: str) -> Result:
    return runner.invoke(
        app,
        ["report", str(plans), "--as-of", "2014-10-15", "--since", since, "--format", "md",
         "--out", str(out)],
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Committed on 20 July 2014 as the committee saw it; on 1 October a figure restated, the
    target changed and the plan's 'how' rewritten; the file edited since, not yet committed."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    plans = tmp_path / "plans"
    plans.mkdir()
    path = plans / "quitters.yaml"
    path.write_text(FIRST)
    _commit(tmp_path, "2014-07-20", "Figures for the July committee")
    text = FIRST.replace("value: 617, reported: 2014-06-12", "value: 652, reported: 2014-09-30")
    text = text.replace("target: 993", "target: 950").replace(
        "how: Targeted work with practices.", "how: Evening clinics in three practices."
    )
    path.write_text(text + "  # reviewed\n")
    _commit(tmp_path, "2014-10-01", "Restated April; new target")
    return plans


def test_a_figure_restated_between_two_commits_is_listed_with_both_values_and_dates(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = _report(repo, out, "2014-07-31")
    assert done.exit_code in (0, 1), done.output
    text = (out / "report.md").read_text()
    section = text.split("### Figures, targets and plans revised", 1)[1].split("\n## ", 1)[0]
    assert "compared with those recorded on 20 July 2014" in section
    assert "- 2014-04: 617 reported on 12 June 2014, now 652 (restated)" in section
    assert "- Target was 993, now 950" in section
    assert "- Action plan rewritten: how it will be achieved" in section
    assert "2014-05" not in section  # May was not restated


def test_check_since_lists_restated_figures_and_changed_targets_in_json(repo: Path) -> None:
    done = runner.invoke(
        app,
        ["check", str(repo), "--as-of", "2014-10-15", "--since", "2014-07-31", "--format", "json"],
    )
    changes = json.loads(done.stdout)["changes_since"]
    assert changes["read"] is True
    assert changes["committed"] == "2014-07-20" and len(changes["commit"]) >= 7
    (quitters,) = changes["indicators"]
    assert quitters["restated"] == [
        {"period": "2014-04", "before": 617.0, "before_reported": "2014-06-12",
         "after": 652.0, "after_reported": "2014-09-30"}
    ]  # fmt: skip
    assert quitters["changed"] == [
        {"key": "target", "before": [{"period": None, "value": 993.0}],
         "after": [{"period": None, "value": 950.0}]}
    ]  # fmt: skip
    assert quitters["plan_sections"] == ["how"]


def test_a_day_before_the_history_begins_is_said_in_one_line(repo: Path, tmp_path: Path) -> None:
    done = runner.invoke(
        app,
        ["check", str(repo), "--as-of", "2014-10-15", "--since", "2014-07-01", "--format", "json"],
    )
    changes = json.loads(done.stdout)["changes_since"]
    assert changes["read"] is False
    assert "begins after 2014-07-01" in changes["note"]
    out = tmp_path / "out"
    done = _report(repo, out, "2014-07-01")
    assert done.exit_code in (0, 1)
    notes = [line for line in done.stderr.splitlines() if "restated" in line]
    assert len(notes) == 1 and "begins after 2014-07-01" in notes[0]
    assert "## Changes since 1 July 2014" in (out / "report.md").read_text()


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("ACTIONPLAN_MAX_PLAN_FILES_BYTES", lambda size: size - 1, "bytes of plan files"),
        ("ACTIONPLAN_MAX_PLAN_FILES_FIGURES", lambda _: 1, "figures in the plan files"),
    ],
)
def test_the_plans_then_over_a_limit_of_what_one_command_reads_are_said_and_not_read(
    repo: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: Any, said: str
) -> None:
    """The plans as committed are held beside the plans as they are: they are read within the
    same limits, so a report reading both holds at most twice what one tree may hold."""
    size = len(FIRST)  # the file as committed on 20 July, with 2 figures
    # Now (not yet committed): a comment and May's figure taken out, within either limit.
    now = FIRST.replace("   # the monthly trajectory", "")
    (repo / "quitters.yaml").write_text(now.replace("  - {period: 2014-05, value: 540, ", "#"))
    monkeypatch.setenv(variable, str(value(size)))
    done = runner.invoke(
        app,
        ["check", str(repo), "--as-of", "2014-10-15", "--since", "2014-07-31", "--format", "json"],
    )
    changes = json.loads(done.stdout)["changes_since"]
    assert changes["read"] is False
    assert said in changes["note"] and variable in changes["note"]


def test_outside_git_the_report_says_so_and_carries_on(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "quitters.yaml").write_text(FIRST)
    (tmp_path / ".git").write_text("")  # not a repository: stops git looking above
    out = tmp_path / "out"
    done = _report(plans, out, "2014-07-31")
    assert done.exit_code in (0, 1), done.output
    assert "figures restated since 2014-07-31 are not listed" in done.stderr
    assert "not kept in git" in done.stderr
    assert "Traceback" not in done.output
    paper = (out / "report.md").read_text()
    assert "## Changes since 31 July 2014" in paper
    assert "git" not in paper and "Figures, targets and plans revised" not in paper


def test_check_since_needs_json(repo: Path) -> None:
    done = runner.invoke(app, ["check", str(repo), "--since", "2014-07-31"])
    assert done.exit_code == 2
    assert "add --format json" in done.stderr
