"""A committee paper speaks a committee's words: no file path, YAML key or tool wording; folders
by the names the settings give (else in title case), the top of the tree by the organisation's
name; a plan in place is not labelled; no SPC chart is said once, with its reason."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from actionplan.cli.app import app
from actionplan.domain.models import Settings
from actionplan.output.report.entries import TOP_LEVEL, folder_name

runner = CliRunner()

# Central Bedfordshire Council performance site, "Time taken to process Housing Benefit, new
# claims & change events - Days" (http://centralbedfordshireperformance.inphase.com/Detail/
# 697_3884): "The benefits speed of processing for January to March 2019 was 11.2 days against
# a target of 8.6 days."
BENEFITS = """\
title: Time taken to process Housing Benefit new claims and change events
departmental_lead: Head of Revenues and Benefits
unit: days
frequency: quarterly
direction: lower
target: 8.6
measurements:
  - {period: 2018/19 Q4, value: 11.2}
"""


def tree(tmp_path: Path, settings: str = "") -> Path:
    plans = tmp_path / "plans"
    (plans / "revenues-and-benefits").mkdir(parents=True)
    (plans / "actionplan.yaml").write_text(
        "organisation: Central Bedfordshire Council\n" + settings, encoding="utf-8"
    )
    (plans / "revenues-and-benefits" / "benefits-speed.yaml").write_text(BENEFITS, "utf-8")
    (plans / "complaints.yaml").write_text(
        "title: Stage 1 complaints answered in time\nunit: percent\ndirection: higher\n"
        "target: 90%\nmeasurements:\n  - {period: 2018/19 Q4, value: 95%}\n",
        encoding="utf-8",
    )
    return plans


def report(plans: Path, fmt: str = "html") -> str:
    out = plans.parent / "out"
    result = runner.invoke(
        app,
        ["report", str(plans), "--as-of", "2019-06-30", "--no-cache", "-o", str(out),
         "--format", fmt],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    return next(out.glob(f"*.{fmt}")).read_text(encoding="utf-8")


def test_a_red_measure_without_a_plan_reads_no_action_plan_yet_with_its_lead(
    tmp_path: Path,
) -> None:
    for fmt in ("html", "md"):
        paper = report(tree(tmp_path / fmt), fmt)
        assert "No action plan yet (lead: Head of Revenues and Benefits)" in paper
        assert "action_plan" not in paper
        assert ".yaml" not in paper
        assert "MISSING" not in paper


def test_folders_are_named_in_title_case_and_the_top_for_the_organisation(
    tmp_path: Path,
) -> None:
    paper = report(tree(tmp_path))
    assert "Revenues And Benefits" in paper
    assert "(top level)" not in paper
    assert "<caption>Central Bedfordshire Council</caption>" in paper


def test_the_settings_name_each_folder_and_the_top() -> None:
    settings = Settings(
        organisation="Central Bedfordshire Council",
        folder_names={"revenues-and-benefits": "Revenues & Benefits", ".": "Corporate"},
    )
    assert folder_name("revenues-and-benefits", settings) == "Revenues & Benefits"
    assert folder_name(TOP_LEVEL, settings) == "Corporate"
    assert folder_name("adult-social-care", settings) == "Adult Social Care"
    assert folder_name(TOP_LEVEL, Settings()) == "All indicators"


def test_no_spc_chart_is_said_once_with_its_reason(tmp_path: Path) -> None:
    paper = report(tree(tmp_path))
    assert "no SPC chart" not in paper
    # Said in the drafted evidence only, wherever the paper repeats it; not in the rows' cells.
    evidence = paper.count("11.2 days for 2018/19 Q4") + paper.count("95% for 2018/19 Q4")
    assert paper.count("SPC needs 12 points; 1 so far") == evidence > 0
    assert "too few for an SPC chart" not in paper


def test_a_plan_in_place_is_not_labelled_above_its_exception(tmp_path: Path) -> None:
    plans = tree(tmp_path)
    path = plans / "revenues-and-benefits" / "benefits-speed.yaml"
    path.write_text(
        BENEFITS + "action_plan:\n  period: 2018/19 Q4\n  non_compliance_reason: Staff loss\n"
        "  what: Recruit\n  how: Agency cover\n  who: Benefits manager\n  when: 2019/20 Q2\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["report", str(plans), "--as-of", "2019-06-30", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "Plan: OK" not in result.stdout
    assert "Plan: " not in result.stdout
