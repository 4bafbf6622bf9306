"""`actionplan due`: each lead's chase list on a tree with a missing quarter, a missing plan and
an overdue plan lists exactly those, under the right leads; notes a lead; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()

PLAN = """\
  period: 2014/15 Q2
  non_compliance_reason: Fewer referrals than planned.
  what: More clinics.
  how: Evening sessions.
  who: Public Health
  when: {when}
"""

FILES = {
    # A quarter missing: Q3 was due in mid-February, with the delay its reported dates show.
    "health/referrals.yaml": """\
title: Referrals to the stop smoking service
departmental_lead: Julie Webster
direction: higher
frequency: quarterly
target: 50
measurements:
  - {period: 2014/15 Q1, value: 55, reported: 2014-08-14}
  - {period: 2014/15 Q2, value: 56, reported: 2014-11-13}
""",
    # RED with no plan.
    "housing/relets.yaml": """\
title: Average days to re-let council homes
departmental_lead: Mark Smith
direction: lower
frequency: quarterly
target: 25
measurements:
  - {period: 2014/15 Q2, value: 31, reported: 2014-11-13}
  - {period: 2014/15 Q3, value: 33, reported: 2015-02-12}
""",
    # RED with a plan whose results were due by Quarter 3.
    "health/quitters.yaml": """\
title: Smoking quitters (4 weeks)
departmental_lead: Julie Webster
direction: higher
frequency: quarterly
target: 993
measurements:
  - {period: 2014/15 Q2, value: 617, reported: 2014-11-13}
  - {period: 2014/15 Q3, value: 640, reported: 2015-02-12}
action_plan:
"""
    + PLAN.format(when="2014/15 Q3"),
    # GREEN and up to date: nothing owed, its lead not listed.
    "adults/reviews.yaml": """\
title: Care package reviews on time
departmental_lead: Ann Jones
direction: higher
frequency: quarterly
target: 90
measurements:
  - {period: 2014/15 Q3, value: 93, reported: 2015-02-12}
""",
}
AS_OF = ["--as-of", "2015-02-20", "--by", "2015-03-10"]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    root = tmp_path / "plans"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"id: {Path(name).stem}\n{text}")
    return root


def test_due_lists_exactly_what_each_lead_owes(plans: Path) -> None:
    done = runner.invoke(app, ["due", str(plans), *AS_OF, "--format", "json"])
    assert done.exit_code == 1
    leads = {lead["lead"]: lead["items"] for lead in json.loads(done.stdout)["leads"]}
    assert set(leads) == {"Julie Webster", "Mark Smith"}
    julie = {(item["id"], item["kind"]) for item in leads["Julie Webster"]}
    assert julie == {("referrals", "figures"), ("quitters", "plan")}
    (mark,) = leads["Mark Smith"]
    assert (mark["id"], mark["kind"]) == ("relets", "plan")
    assert "MISSING" in mark["text"]
    assert mark["path"].endswith("housing/relets.yaml")
    figures = next(item for item in leads["Julie Webster"] if item["kind"] == "figures")
    assert "2014/15 Q3" in figures["text"] and figures["due"] == "2015-02-13"
    overdue = next(item for item in leads["Julie Webster"] if item["kind"] == "plan")
    assert "OVERDUE" in overdue["text"]


def test_due_prints_each_lead_with_the_files_to_edit(plans: Path) -> None:
    done = runner.invoke(app, ["due", str(plans), *AS_OF])
    assert done.exit_code == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "Owed by 2015-03-10 (as of 2015-02-20): 3 items for 2 leads"
    assert "Julie Webster (2 items)" in lines and "Mark Smith (1 item)" in lines
    assert any(line.strip().startswith(str(plans / "housing" / "relets.yaml")) for line in lines)
    assert "Ann Jones" not in done.stdout


def test_due_for_one_lead(plans: Path) -> None:
    done = runner.invoke(app, ["due", str(plans), *AS_OF, "--lead", "mark", "--format", "json"])
    assert [lead["lead"] for lead in json.loads(done.stdout)["leads"]] == ["Mark Smith"]


def test_nothing_owed_exits_0(plans: Path) -> None:
    done = runner.invoke(app, ["due", str(plans), *AS_OF, "--lead", "Ann Jones"])
    assert done.exit_code == 0
    assert done.stdout.startswith("Nothing is owed by 2015-03-10")


def test_due_writes_one_note_a_lead_ready_to_paste(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes"
    done = runner.invoke(app, ["due", str(plans), *AS_OF, "--out", str(out)])
    assert done.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["julie-webster.md", "mark-smith.md"]
    note = (out / "mark-smith.md").read_text()
    assert note.startswith("# Owed by 2015-03-10: Mark Smith")
    assert "## Average days to re-let council homes" in note
    assert "housing/relets.yaml" in note


def test_a_committee_before_the_date_judged_is_refused(plans: Path) -> None:
    done = runner.invoke(app, ["due", str(plans), "--as-of", "2015-02-20", "--by", "2015-01-01"])
    assert done.exit_code == 2
    assert "--by 2015-01-01 is before --as-of 2015-02-20" in done.stderr


def test_markup_in_a_title_is_shown_not_acted_on_in_a_note(plans: Path, tmp_path: Path) -> None:
    path = plans / "housing" / "relets.yaml"
    path.write_text(path.read_text().replace("Average days", "<img src=x> [Average](x) days"))
    out = tmp_path / "notes"
    runner.invoke(app, ["due", str(plans), *AS_OF, "--out", str(out)])
    note = (out / "mark-smith.md").read_text()
    assert "\\<img src=x\\> \\[Average\\](x) days" in note


def test_a_note_of_one_item_speaks_of_it_in_the_singular(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes"
    runner.invoke(app, ["due", str(plans), *AS_OF, "--out", str(out)])
    one = (out / "mark-smith.md").read_text()  # Mark Smith owes one plan
    assert "this is still needed" in one and "these are" not in one
    two = (out / "julie-webster.md").read_text()  # Julie Webster owes two things
    assert "these are still needed" in two
