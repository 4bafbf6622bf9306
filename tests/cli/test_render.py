"""`actionplan render` on the command line: selection, output files, blank forms for missing
plans, problems reported as `check` reports them, and custom templates."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.paths import ROOT

AS_OF = ["--as-of", "2014-07-31", "--no-cache"]

UNPLANNED_RED = """\
title: Fly-tipping incidents cleared within 5 working days
strategic_director_lead: Director of Environment
departmental_lead: Head of Waste and Environment
unit: percent
direction: higher
target: 95%
measurements:
  - period: 2014-06
    value: 81.4%
    reported: 2014-07-15
"""

GREEN_WITHOUT_PLAN = """\
title: Library visits
unit: count
direction: higher
target: 1000
measurements:
  - period: 2014-06
    value: 1200
"""


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of plans/ plus a RED measure with no plan and a GREEN one, as the working folder."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "environment").mkdir()
    (tmp_path / "plans" / "environment" / "fly-tipping.yaml").write_text(UNPLANNED_RED)
    (tmp_path / "plans" / "library-visits.yaml").write_text(GREEN_WITHOUT_PLAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["render", *args, *AS_OF])
    return result.exit_code, result.stdout, result.stderr


def test_out_writes_one_file_per_plan_named_from_its_id(tree: Path) -> None:
    code, stdout, stderr = run("--out", "papers")

    assert code == 0, stderr
    assert stdout == ""
    assert sorted(p.name for p in (tree / "papers").iterdir()) == [
        "opiate-users-not-re-presenting.md",
        "smoking-quitters.md",
    ]
    text = (tree / "papers" / "smoking-quitters.md").read_text(encoding="utf-8")
    assert "| Indicator Title | Smoking quitters (4 weeks) |" in text
    assert "wrote papers/smoking-quitters.md" in stderr


def test_out_leaves_unchanged_files_alone_and_replaces_changed_ones(tree: Path) -> None:
    run("--out", "papers", "--format", "html")
    unchanged = tree / "papers" / "smoking-quitters.html"
    changed = tree / "papers" / "opiate-users-not-re-presenting.html"
    os.utime(unchanged, ns=(1_000_000_000, 1_000_000_000))
    changed.write_text("an old version", encoding="utf-8")
    old_inode = changed.stat().st_ino
    reader = changed.open(encoding="utf-8")  # a reader part-way through sees the old file whole

    code, _, stderr = run("--out", "papers", "--format", "html")

    assert code == 0, stderr
    assert unchanged.stat().st_mtime_ns == 1_000_000_000
    assert f"unchanged {Path('papers', unchanged.name)}" in stderr
    assert changed.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert changed.stat().st_ino != old_inode  # replaced by a rename, not rewritten in place
    assert reader.read() == "an old version"
    reader.close()
    assert sorted(p.name for p in (tree / "papers").iterdir()) == [changed.name, unchanged.name]


def test_one_plan_goes_to_stdout_with_or_without_dash(tree: Path) -> None:
    for extra in ([], ["--out", "-"]):
        code, stdout, _ = run("smoking-quitters", *extra)
        assert code == 0
        assert stdout.startswith(
            "**Wirral Council**\n\n# Performance Action Plan: Smoking quitters"
        )
        assert "Opiate" not in stdout
    assert not (tree / "-").exists()


def test_several_plans_without_out_is_refused_with_a_hint(tree: Path) -> None:
    code, stdout, stderr = run()

    assert code == 2
    assert stdout == ""
    assert "2 plans to render" in stderr
    assert "--out DIR" in stderr


def test_select_by_id_and_by_path(tree: Path) -> None:
    code, stdout, _ = run("opiate-users-not-re-presenting", "--format", "html")
    assert code == 0
    page = " ".join(stdout.split())
    assert "<td><p>Fiona Johnstone, (Director of Public Health)</p></td>" in page

    code, stdout, _ = run("plans/public-health/smoking-quitters.yaml")
    assert code == 0
    assert "Smoking quitters (4 weeks)" in stdout

    code, _, stderr = run("plans/public-health", "--out", "ph")
    assert code == 0, stderr
    assert len(list((tree / "ph").iterdir())) == 2


def test_an_unknown_id_is_an_error_but_the_others_still_render(tree: Path) -> None:
    code, stdout, stderr = run("smoking-quiters", "opiate-users-not-re-presenting")

    assert code == 2
    assert "error: no indicator has id 'smoking-quiters': did you mean 'smoking-quitters'?" in (
        stderr
    )
    assert "Proportion of opiate users" in stdout


def test_missing_adds_a_prefilled_blank_form_for_red_measures_without_a_plan(tree: Path) -> None:
    code, _, stderr = run("--out", "papers", "--missing")

    assert code == 0, stderr
    assert sorted(p.name for p in (tree / "papers").iterdir()) == [
        "fly-tipping.md",
        "opiate-users-not-re-presenting.md",
        "smoking-quitters.md",
    ]  # the GREEN measure needs no plan, so gets no form
    form = (tree / "papers" / "fly-tipping.md").read_text(encoding="utf-8")
    assert "| Departmental Lead | Head of Waste and Environment |" in form
    assert "| Target | 95% |" in form
    assert "81.4% for June 2014, against a target of 95%. Reported 15 July 2014." in form
    assert "Status: **RED**" in form
    assert form.count("*To be completed.*") == 5  # reason, what, how, who, when


def test_without_missing_a_red_measure_lacking_a_plan_is_pointed_out(tree: Path) -> None:
    code, stdout, stderr = run("fly-tipping")

    assert code == 1
    assert stdout == ""
    assert "fly-tipping is RED and has no action_plan yet: --missing renders a blank form" in (
        stderr
    )


def test_nothing_to_render_exits_1(tree: Path) -> None:
    code, _, stderr = run("plans/library-visits.yaml")

    assert code == 1
    assert "library-visits has no action_plan and is GREEN: no plan is needed" in stderr


def test_load_problems_are_reported_as_check_reports_them_and_the_rest_render(
    tree: Path,
) -> None:
    (tree / "plans" / "broken.yaml").write_text("title: Broken\nunit: parsecs\n")
    (tree / "plans" / "bad-syntax.yaml").write_text("title: [unclosed\n")
    checked = CliRunner().invoke(app, ["check", "plans", *AS_OF])
    check_problems = [line for line in checked.stderr.splitlines() if line.startswith("plans")]
    assert len(check_problems) == 2

    code, _, stderr = run("--out", "papers")

    assert code == 2
    assert stderr.splitlines()[: len(check_problems)] == check_problems
    assert len(list((tree / "papers").iterdir())) == 2


def test_init_templates_copies_the_defaults_and_never_overwrites(tree: Path) -> None:
    first = CliRunner().invoke(app, ["render", "--init-templates", "mine"])
    assert first.exit_code == 0, first.output
    assert {"plan.md.j2", "plan.html.j2", "plan.css"} <= {p.name for p in (tree / "mine").iterdir()}

    (tree / "mine" / "plan.md.j2").write_text("custom\n")
    again = CliRunner().invoke(app, ["render", "--init-templates", "mine"])
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert (tree / "mine" / "plan.md.j2").read_text() == "custom\n"


def test_init_templates_on_a_full_disk_copies_none_of_them(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The templates are copied as one set: a disk that fills after the first leaves no
    partial set to start editing from."""
    from support.output_sets import fail_writes_after

    fail_writes_after(monkeypatch, 1)
    result = CliRunner().invoke(app, ["render", "--init-templates", "mine"])
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and "nothing in it was changed" in (
        result.stderr
    )
    assert list((tree / "mine").iterdir()) == []


def test_custom_templates_replace_the_built_in_ones(tree: Path) -> None:
    CliRunner().invoke(app, ["render", "--init-templates", "mine"])
    (tree / "mine" / "plan.md.j2").write_text("{{ title }} for {{ organisation }}: {{ status }}\n")

    code, stdout, _ = run("smoking-quitters", "--templates", "mine")

    assert code == 0
    assert stdout == "Smoking quitters (4 weeks) for Wirral Council: RED\n"


def test_a_missing_field_in_a_custom_template_names_the_template_and_line(tree: Path) -> None:
    (tree / "mine").mkdir()
    (tree / "mine" / "plan.md.j2").write_text("# {{ title }}\n\n{{ indicator.sponsor }}\n")

    code, stdout, stderr = run("smoking-quitters", "--templates", "mine")

    assert code == 2
    assert stdout == ""
    assert f"error: {Path('mine', 'plan.md.j2')}:3:" in stderr
    assert "sponsor" in stderr
    assert "Traceback" not in stderr


def test_a_template_syntax_error_names_the_template_and_line(tree: Path) -> None:
    (tree / "mine").mkdir()
    (tree / "mine" / "plan.html.j2").write_text("<p>\n{% if title %}\n")

    code, _, stderr = run("smoking-quitters", "--templates", "mine", "--format", "html")

    assert code == 2
    assert "plan.html.j2:2" in stderr or "plan.html.j2:3" in stderr
    assert "template syntax" in stderr


def test_a_templates_folder_that_does_not_exist_is_a_clear_error(tree: Path) -> None:
    code, _, stderr = run("smoking-quitters", "--templates", "nowhere")

    assert code == 2
    assert "--templates nowhere: no such folder" in stderr
    assert "--init-templates" in stderr


def test_out_naming_a_file_is_a_clear_error(tree: Path) -> None:
    (tree / "taken").write_text("")

    code, _, stderr = run("--out", "taken")

    assert code == 2
    assert "--out taken: is a file" in stderr


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["render", "--help"], env={"COLUMNS": "100"})
    text = " ".join(result.stdout.split())
    for option in ("--format", "--out", "--templates", "--init-templates", "--missing", "--as-of"):
        assert option in text
