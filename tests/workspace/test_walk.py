"""Finding plan files under the paths a command is given."""

from __future__ import annotations

from pathlib import Path

from actionplan.workspace.walk import find_plan_names


def test_a_missing_file_is_named_without_a_line_and_column(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-plan.yaml"
    names, problems = find_plan_names([missing])
    assert names == []
    assert [str(problem) for problem in problems] == [f"{missing}: no such file or folder"]


def test_a_missing_file_has_no_line_in_the_json_or_the_annotations(tmp_path: Path) -> None:
    import io
    import json
    from datetime import date

    from actionplan.output.check.github import report_github
    from actionplan.output.check.json_output import report_json
    from actionplan.output.check.rows import CheckReport

    _, problems = find_plan_names([tmp_path / "gone.yaml"])
    report = CheckReport(as_of=date(2014, 7, 31), rows=[], problems=problems)
    out = io.StringIO()
    report_json(report, out, missing_only=False, show_all=False)
    (problem,) = json.loads(out.getvalue())["problems"]
    assert (problem["line"], problem["column"]) == (None, None)
    out = io.StringIO()
    report_github(report, out, missing_only=False, show_all=False)
    assert "line=" not in out.getvalue() and "gone.yaml" in out.getvalue()
