"""Whether each plan is working, as the report's summary table, its exceptions and check's JSON
give it, on the ONS weekly deaths of 2010 (Office for National Statistics, weekly deaths
registered in England and Wales, all ages, as kept in nhs-r-community/NHSRdatasets): a plan
after a flat late summer whose results were due, and one after the spring's fall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.published_series import ONS_DEATHS_2010, ONS_WEEKS

runner = CliRunner()


def write(folder: Path, name: str, weeks: tuple[int, int], plan_week: int, when: str) -> None:
    lines = [f"title: Weekly deaths, {name}", "unit: count", "direction: lower", "target: 9000",
             "departmental_lead: Public Health", "measurements:"]  # fmt: skip
    first, last = weeks
    lines += [
        f"  - {{period: {p}, value: {v}}}"
        for p, v in zip(ONS_WEEKS[first - 1 : last], ONS_DEATHS_2010[first - 1 : last], strict=True)
    ]
    week = ONS_WEEKS[plan_week - 1]
    lines += ["action_plan:", f"  period: {week}", f"  updated: {week}", f"  when: {when}",
              "  non_compliance_reason: Winter.", "  what: Vaccination.", "  how: Clinics.",
              "  who: Public health"]  # fmt: skip
    (folder / f"{name}.yaml").write_text("\n".join(lines) + "\n")


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    folder.mkdir()
    write(folder, "summer", (22, 40), 33, "2010-09-30")
    write(folder, "winter", (1, 20), 12, "2010-09-30")
    return folder


def test_the_summary_table_flags_a_due_plan_with_no_change(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["report", str(plans), "--as-of", "2011-01-01", "--format", "md", "--out", str(out)]
    runner.invoke(app, args)
    text = (out / "report.md").read_text(encoding="utf-8")

    assert "### Are the plans working?" in text
    assert (
        "| Weekly deaths, summer | 20 August 2010 | 7 periods since: 1 RED, 6 GREEN | **No change "
        "yet**: common cause variation since the plan, against limits from the 12 periods before "
        "it. **For the committee: results were due and the figures show no improvement** | "
        "results were due by 30 September 2010 |"
    ) in text
    assert (
        "| Weekly deaths, winter | 26 March 2010 | 8 periods since: 6 RED, 2 GREEN | **Improving**"
        in text
    )
    assert "Is the plan working? Improving: special cause improvement from 2010-04-02" in text
    assert "since the action plan of 20 August 2010: no change yet (7 periods since" in text


def test_check_json_gives_plan_impact_and_triage(plans: Path) -> None:
    result = runner.invoke(app, ["check", str(plans), "--as-of", "2011-01-01", "--format", "json"])
    rows = {row["id"]: row for row in json.loads(result.stdout)["indicators"]}

    impact = rows["summer"]["plan"]["impact"]
    assert impact["reading"] == "no change yet"
    assert (impact["points_before"], impact["points_after"], impact["points_needed"]) == (12, 7, 7)
    assert impact["statuses_since"] == {"RED": 1, "GREEN": 6}
    assert (impact["due"], impact["due_passed"], impact["flagged"]) == ("2010-09-30", True, True)
    assert rows["winter"]["plan"]["impact"]["reading"] == "improving"
    assert rows["summer"]["triage"]["rule"] == "normal_variation"
