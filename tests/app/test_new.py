"""`actionplan new` and `actionplan record ID PERIOD VALUE` from the command line."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()
RED = (
    "# Source: a committee paper.\n"
    "title: 'Smoking quitters'   # four weeks\n"
    "direction: higher\n"
    "target: 993\n"
    "\n"
    "measurements:\n"
    "  - period: 2014-04\n"
    "    value: 617\n"
)


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    (folder / "health").mkdir(parents=True)
    (folder / "actionplan.yaml").write_text("financial_year_start: 4\n")
    (folder / "health" / "smoking.yaml").write_text(RED)
    return folder


def test_new_adds_an_empty_plan_for_the_red_period_and_check_sees_it_incomplete(
    plans: Path,
) -> None:
    result = runner.invoke(app, ["new", "smoking", "--as-of", "2014-06-01"])
    assert result.exit_code == 0, result.output
    text = (plans / "health" / "smoking.yaml").read_text()
    diff = difflib.ndiff(RED.splitlines(keepends=True), text.splitlines(keepends=True))
    assert not [line for line in diff if line.startswith("- ")]
    assert "action_plan:\n" in text and "  period: 2014-04\n" in text
    assert "  # CURRENT SITUATION: Detail what the performance is for this measure" in text
    for section in ("non_compliance_reason", "what", "how", "who", "when"):
        assert f"\n  {section}:\n" in text
    check = runner.invoke(app, ["check", "--as-of", "2014-06-01", "--format", "json"])
    assert check.exit_code == 1
    assert '"coverage": "INCOMPLETE"' in check.stdout


def test_new_refuses_a_measure_that_is_not_red_or_has_a_plan(plans: Path) -> None:
    result = runner.invoke(app, ["new", "smoking", "--as-of", "2014-04-15"])
    assert result.exit_code == 1
    assert "NO DATA as of 2014-04-15: only a RED measure needs an action plan" in result.stderr
    assert runner.invoke(app, ["new", "smoking", "--as-of", "2014-06-01"]).exit_code == 0
    again = runner.invoke(app, ["new", "smoking", "--as-of", "2014-06-01"])
    assert again.exit_code == 1
    assert "already has an action_plan (for 2014-04)" in again.stderr


def test_new_indicator_creates_a_file_with_the_schema_line(plans: Path) -> None:
    result = runner.invoke(
        app,
        [
            "new",
            "--indicator",
            "litter",
            "--title",
            "Litter: streets",
            "--direction",
            "lower",
            "--target",
            "5",
            "--unit",
            "percent",
            "--plans",
            "plans/health",
        ],
    )
    assert result.exit_code == 0, result.output
    text = (plans / "health" / "litter.yaml").read_text()
    assert text == (
        "# yaml-language-server: $schema=../actionplan.schema.json\n"
        "title: 'Litter: streets'\nunit: percent\ndirection: lower\ntarget: 5\n"
    )
    again = runner.invoke(app, ["new", "--indicator", "litter", "--title", "Other"])
    assert again.exit_code == 2
    assert "already used by plans/health/litter.yaml" in again.stderr
    assert (plans / "health" / "litter.yaml").read_text() == text


def test_new_indicator_refuses_to_overwrite_a_file(plans: Path) -> None:
    (plans / "notes.yaml").write_text("not: a plan\n")  # unreadable as a plan: not in the ids
    result = runner.invoke(app, ["new", "--indicator", "notes", "--title", "Notes"])
    assert result.exit_code == 2
    assert "plans/notes.yaml already exists: not overwritten" in result.stderr
    assert (plans / "notes.yaml").read_text() == "not: a plan\n"


def test_new_needs_exactly_one_of_id_and_indicator(plans: Path) -> None:
    assert runner.invoke(app, ["new"]).exit_code == 2
    assert runner.invoke(app, ["new", "smoking", "--indicator", "x", "--title", "X"]).exit_code == 2
    assert runner.invoke(app, ["new", "--indicator", "x"]).exit_code == 2


def test_record_inserts_in_period_order_and_refuses_a_recorded_period(plans: Path) -> None:
    path = plans / "health" / "smoking.yaml"
    assert runner.invoke(app, ["record", "smoking", "2014-06", "700"]).exit_code == 0
    result = runner.invoke(
        app, ["record", "smoking", "2014-05", "19,625", "--note", "May", "--reported", "2014-07"]
    )
    assert result.exit_code == 0, result.output
    assert path.read_text() == RED + (
        "  - period: 2014-05\n    value: 19625\n    note: May\n    reported: '2014-07-31'\n"
        "  - period: 2014-06\n    value: 700\n"
    )
    refused = runner.invoke(app, ["record", "smoking", "2014-06", "1"])
    assert refused.exit_code == 1
    assert "2014-06 already has a value (700): use --replace" in refused.stderr
    assert runner.invoke(app, ["record", "smoking", "2014-06", "1", "--replace"]).exit_code == 0
    assert "  - period: 2014-06\n    value: 1\n" in path.read_text()


def test_record_reports_bad_input_without_changing_the_file(plans: Path) -> None:
    path = plans / "health" / "smoking.yaml"
    bad_period = runner.invoke(app, ["record", "smoking", "May 2014", "1"])
    assert bad_period.exit_code == 2
    assert "'May 2014' is not a period" in bad_period.stderr
    unknown = runner.invoke(app, ["record", "smokers", "2014-05", "1"])
    assert unknown.exit_code == 2
    assert "no indicator has the id 'smokers'" in unknown.stderr
    assert path.read_text() == RED


@pytest.mark.parametrize(
    ("unit", "says"),
    [
        # Bracknell Forest's EHCPs issued within 20 weeks, a year-to-date percentage: 43% at
        # Q3 against 50% is RED, never GREEN against a pro-rated 37.5%.
        ("percent", "judged against the annual target as it stands, never pro-rated"),
        ("rate", "judged against the annual target as it stands, never pro-rated"),
        ("count", "the annual target is pro-rated"),
        (None, "the annual target is pro-rated"),  # unit: number, the default
    ],
)
def test_new_cumulative_says_whether_its_target_will_be_pro_rated(
    plans: Path, unit: str | None, says: str
) -> None:
    args = [
        "new",
        "--indicator",
        "ehcp",
        "--title",
        "EHCPs",
        "--cumulative",
        "--direction",
        "higher",
    ]
    result = runner.invoke(app, [*args, *(["--unit", unit] if unit else []), "--target", "50"])
    assert result.exit_code == 0, result.output
    assert f"note: ehcp is year to date: {says}" in result.stderr


def test_new_help_says_cumulative_percentages_are_not_pro_rated() -> None:
    help_text = " ".join(runner.invoke(app, ["new", "--help"], terminal_width=200).stdout.split())
    assert "(pro-rated target)" not in help_text
    assert "percent and rate figures against the annual target as it stands" in help_text


def test_the_schema_line_of_a_new_file_points_to_a_schema_that_exists(plans: Path) -> None:
    """`new` writes the schema beside the plans' settings when it is missing, so an editor
    that follows the new file's first line finds it; one already there is left alone."""
    args = ["new", "--indicator", "litter", "--title", "Litter", "--plans", "plans/health"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    first = (plans / "health" / "litter.yaml").read_text().splitlines()[0]
    schema = (plans / "health" / first.partition("$schema=")[2]).resolve()
    assert schema == (plans / "actionplan.schema.json").resolve()
    assert json.loads(schema.read_text())["$schema"].startswith("https://json-schema.org/")
    assert "actionplan.schema.json: created" in result.output
    schema.write_text("{}\n")
    again = runner.invoke(app, [*args[:2], "fly-tipping", *args[3:]])
    assert again.exit_code == 0, again.output
    assert schema.read_text() == "{}\n"
