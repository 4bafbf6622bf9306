"""The report's exceptions follow `plan_after`, and a two-sided range is shown as a range.

Figures: Bracknell Forest, "Council plan overview report - Quarterly updates on key
performance indicators", quarters 3 and 4 of 2024/25 (tests/fixtures/tables/README.md):
care leavers NEET 53.6 % then 53.1 % against 35 % (Red both quarters), visits to the Look Out
Discovery Centre 10,966 against 19,625 in quarter 3 (Red).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.output.report.exceptions import exception_parts
from actionplan.output.report.parts import Text

runner = CliRunner()

SETTINGS = "financial_year_start: 4\ntolerance: {green: 5%, amber: 10%}\nplan_after: 2\n"
NEET = (
    "title: Care leavers (19-21yrs) NEET\nunit: percent\ndirection: lower\n"
    "target: {2024/25: 35}\nmeasurements:\n"
    "  - {period: 2024/25 Q3, value: 53.6}\n  - {period: 2024/25 Q4, value: 53.1}\n"
)
LOOK_OUT = (
    "title: Visits to the Look Out Discovery Centre\nunit: count\ndirection: higher\n"
    "target: {2024/25 Q3: 19625}\nmeasurements:\n  - {period: 2024/25 Q3, value: 10966}\n"
)
NOT_YET = (
    "1 more measure is RED but not yet an exception: a measure goes on this list after 2 RED "
    "periods in a row."
)


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "actionplan.yaml").write_text(SETTINGS)
    (folder / "neet.yaml").write_text(NEET)
    (folder / "look-out.yaml").write_text(LOOK_OUT)
    return folder


def test_exceptions_follow_plan_after_and_say_how_many_are_not_yet(plans: Path) -> None:
    """Under `plan_after: 2` NEET, RED two quarters running, is an exception; the Look Out
    Centre, RED for one quarter, is not yet, and the paper says so in a line."""
    result = runner.invoke(app, ["report", "plans", "--as-of", "2025-04-30", "--no-cache"])
    html = result.stdout
    assert html.count('<article class="exception"') == 1, result.output
    assert "Care leavers (19-21yrs) NEET</h3>" in html
    assert "Visits to the Look Out Discovery Centre</h3>" not in html
    assert f'<p class="not-yet">{NOT_YET}</p>' in html
    assert "No measure is RED." not in html

    args = ["report", "plans", "--as-of", "2025-04-30", "--no-cache", "--format", "md"]
    markdown = runner.invoke(app, [*args, "--out", "md"])
    assert markdown.exit_code in (0, 1), markdown.output
    text = Path("md/report.md").read_text(encoding="utf-8")
    exceptions = text.split("## Exceptions: RED measures")[1].split("\n## ")[0]
    assert NOT_YET in exceptions
    assert "### Care leavers" in exceptions and "### Visits" not in exceptions


def test_word_and_pdf_exceptions_say_the_line_too() -> None:
    """The parts Word and PDF are laid out from carry the same line, and no "No measure is
    RED." when a measure is RED but not yet an exception."""
    parts = exception_parts([], [], NOT_YET)
    texts = [p for p in parts if isinstance(p, Text)]
    assert len(texts) == 1 and NOT_YET in str(texts[0])
    assert "No measure is RED." in str(exception_parts([], [])[-1])


def test_a_range_target_is_shown_as_its_two_edges(plans: Path) -> None:
    """Kent's activity thresholds, a range of 900 to 1,100 (the status rules' example): the
    check table and the report show the range, each edge as a figure is written."""
    (plans / "activity.yaml").write_text(
        "title: Activity\nunit: count\ndirection: range\n"
        "target: {low: 900, high: 1100}\nmeasurements:\n  - {period: 2024/25 Q4, value: 1210}\n"
    )
    checked = runner.invoke(app, ["check", "--as-of", "2025-04-30", "--no-cache", "--all"])
    row = next(line for line in checked.stdout.splitlines() if line.startswith("activity "))
    assert " 1,210 " in row and " 900 to 1,100 " in row
    as_json = runner.invoke(
        app, ["check", "--as-of", "2025-04-30", "--no-cache", "--format", "json"]
    )
    found = {r["id"]: r for r in json.loads(as_json.stdout)["indicators"]}
    assert found["activity"]["target"] == 1100  # JSON keeps the edge the status was judged by
    html = runner.invoke(app, ["report", "plans", "--as-of", "2025-04-30", "--no-cache"]).stdout
    assert "900 to 1,100" in html
