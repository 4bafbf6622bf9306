"""Numbers no figure can be, the first and last periods a date can hold, and keys that YAML
reads as something other than text: each a located problem (or a sound result), never a
traceback, never `Infinity` in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app

PLAN = "title: T\ndirection: higher\ntarget: 10\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
# Every place a figure is written, with the text before it, so {x} lands on one known line.
FIELDS = {
    "value": PLAN.replace("value: 5", "value: {x}"),
    "numerator": PLAN + "    numerator: {x}\n    denominator: 10\n",
    "denominator": PLAN + "    numerator: 1\n    denominator: {x}\n",
    "comparators": PLAN + "    comparators: {{England: {x}}}\n",
    "target": PLAN.replace("target: 10", "target: {x}"),
    "target by year": PLAN.replace("target: 10", "target: {{2014/15: {x}}}"),
    "tolerance": PLAN + "tolerance: {x}\n",
    "tolerance bands": PLAN + "tolerance: {{green: {x}, amber: 10%}}\n",
    "fingertips": PLAN + "fingertips: {{indicator: {x}, area: E08000015}}\n",
}
NOT_FIGURES = {
    "309+ digits": "1" + "0" * 400,
    "quoted 1e400": '"1e400"',
    "1e400": "1e400",
    "nan": ".nan",
    "infinity": ".inf",
    "minus infinity": "-.inf",
    "NaN as text": '"NaN"',
    "Infinity as text": '"Infinity"',
    "1e308": "1e308",
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("written", NOT_FIGURES.values(), ids=NOT_FIGURES)
def test_a_number_no_figure_can_be_is_a_located_problem(
    tree: Path, field: str, written: str
) -> None:
    text = FIELDS[field].format(x=written)
    (tree / "plans" / "x.yaml").write_text(text)
    line = text[: text.index(written)].count("\n") + 1

    code, out, err = run("check", "--no-cache", "--as-of", "2014-07-31", "--format", "json")

    # 10**400 is a whole number: as a Fingertips id it is only an id that matches nothing.
    if field == "fingertips" and written.isdigit():
        assert code == 1, err
        return
    assert code == 2
    [problem] = json.loads(out)["problems"]  # strict JSON: no NaN or Infinity anywhere
    assert (problem["path"], problem["line"]) == ("plans/x.yaml", line), problem


def test_no_figure_reaches_json_as_infinity_or_nan(tree: Path) -> None:
    largest = "9" * 300  # within what a figure may be: printed as a number, not as inf
    (tree / "plans" / "x.yaml").write_text(PLAN.replace("value: 5", f"value: {largest}"))
    code, out, _ = run("check", "--no-cache", "--as-of", "2014-07-31", "--format", "json")
    assert code == 0
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON output"))


EDGE_PERIODS = ["0001-04", "0001-01", "9999-12", "9998/99", "9999-Q4", "9999-01..9999-12"]


@pytest.mark.parametrize("period", EDGE_PERIODS)
@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01"])
def test_the_first_and_last_periods_a_date_can_hold(tree: Path, period: str, as_of: str) -> None:
    plan = PLAN.replace("2014-04", period) + (
        f"action_plan:\n  period: {period}\n  what: w\n  how: h\n  who: x\n  when: {period}\n"
    )
    (tree / "plans" / "x.yaml").write_text(plan)
    for command in (["check"], ["check", "--format", "json"], ["render"], ["report"]):
        code, out, err = run(*command, "--as-of", as_of, "--no-cache")
        assert code in (0, 1), (command, err)
    code, out, _ = run("render", "--as-of", "9999-12-31", "--no-cache")
    if period == "9999-12":
        assert "December 9999" in out


@pytest.mark.parametrize(
    ("key", "shown"),
    [("true", "true"), ("~", "null"), ("1.5", "1.5"), (".inf", ".inf"), ("false", "false")],
)
def test_a_key_yaml_reads_as_no_text_is_reported_at_the_key(
    tree: Path, key: str, shown: str
) -> None:
    (tree / "plans" / "x.yaml").write_text(
        f"title: T\nmeasurements:\n  - period: 2014-04\n    value: 5\n    {key}: yes\n{key}: 1\n"
    )
    code, _, err = run("check", "--no-cache")
    assert code == 2
    problems = [line for line in err.splitlines() if line.startswith("plans/x.yaml")]
    assert len(problems) == 2
    assert problems[0].startswith(f"plans/x.yaml:5:5: unknown key '{shown}' in the 1st measurement")
    assert problems[1].startswith(f"plans/x.yaml:6:1: unknown key '{shown}'")


def test_a_year_to_date_figure_in_the_calendars_last_financial_year(tree: Path) -> None:
    # Year-to-date figures are split into each period's own by financial year: December 9999
    # is in 9999/00, which the calendar ends before its March.
    (tree / "plans" / "x.yaml").write_text(
        "title: T\ndirection: higher\ntarget: 10\ncumulative: true\nfrequency: monthly\n"
        "measurements:\n  - period: 9999-11\n    value: 3\n  - period: 9999-12\n    value: 5\n"
    )
    code, out, err = run("check", "--as-of", "9999-12-31", "--no-cache", "--format", "json")
    assert code == 1, err
    [row] = json.loads(out)["indicators"]
    assert (row["period"], row["status"]) == ("9999-12", "RED")


@pytest.mark.parametrize("when", ["Q4", "March", "Quarter 1", "March 0000"])
def test_a_due_date_past_the_calendars_end_cannot_be_checked_and_says_so(
    tree: Path, when: str
) -> None:
    (tree / "plans" / "x.yaml").write_text(
        PLAN.replace("2014-04", "9999-12")
        + "action_plan:\n  period: 9999-12\n  updated: 9999-12-31\n  non_compliance_reason: r\n"
        + f"  what: w\n  how: h\n  who: x\n  when: {when}\n"
    )
    code, out, err = run("check", "--as-of", "9999-12-31", "--no-cache")
    assert code == 0, err
    assert "cannot check overdue" in out


# Markdown nested as deep as it can be written: quotes, lists and emphasis.
DEEP_TEXT = {
    "quotes": "> " * 3000 + "x",
    "lists": "".join("  " * i + "- a\n" for i in range(300)),
    "emphasis": "*" * 5000 + "x" + "*" * 5000,
    "links": "[" * 3000 + "x" + "](https://example.org)" * 3000,
}


@pytest.mark.parametrize("text", DEEP_TEXT.values(), ids=DEEP_TEXT)
def test_markdown_nested_deep_in_a_plan_renders_in_every_format(
    tree: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Of depth, not length: the deepest links run past the text a PDF takes by default, a
    # limit with tests of its own (test_pdf_plan_text_bound.py).
    monkeypatch.setenv("ACTIONPLAN_MAX_PDF_PLAN_CHARACTERS", "1000000")
    body = json.dumps(text)  # a YAML string that holds the text as it is
    (tree / "plans" / "deep.yaml").write_text(
        PLAN + f"action_plan:\n  period: 2014-04\n  non_compliance_reason: {body}\n"
        f"  what: {body}\n  how: {body}\n  who: w\n  when: Q3\n"
    )
    for fmt in ("md", "html", "docx", "pdf"):
        code, _, err = run("render", "deep", "--format", fmt, "--as-of", "2014-07-31")
        assert code == 0, (fmt, err)
    code, _, err = run("report", "--as-of", "2014-07-31")
    assert code == 0, err


def test_a_plan_holding_text_like_an_impossible_date_can_be_recorded_into(tree: Path) -> None:
    # `check` reads 2014-02-30 and 0000-01-01 as the text they are; so must the editor.
    plan = tree / "plans" / "x.yaml"
    plan.write_text(
        "title: T\ndescription: 2014-02-30\n" + PLAN.split("\n", 1)[1] + "    note: 0000-01-01\n"
    )
    code, _, err = run("record", "x", "2014-05", "6")
    assert code == 0, err
    assert plan.read_text().endswith(
        "    value: 5\n    note: 0000-01-01\n  - period: 2014-05\n    value: 6\n"
    )
    assert "description: 2014-02-30\n" in plan.read_text()
