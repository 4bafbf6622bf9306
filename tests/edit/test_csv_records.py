"""`record --csv`: plain and Fingertips exports, all or nothing, bad rows by CSV line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.edit.csv_records import fingertips_period, read_csv

runner = CliRunner()

PLAN = (
    "# by hand\ntitle: {title}\ndirection: higher\ntarget: 10\n{extra}measurements:\n"
    "  - period: 2014-04\n    value: 5   # April\n"
)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_text(PLAN.format(title="A", extra=""))
    (plans / "b.yaml").write_text(
        PLAN.format(title="B", extra="fingertips: {indicator: 92443, area: E08000015}\n")
    )
    return plans


def test_plain_csv_records_every_row_in_period_order(tree: Path) -> None:
    Path("in.csv").write_text(
        "id,period,value,note,forecast\n"
        "a,2014-06,7,,\n"
        'a,2014-05,6,"May, late",no\n'
        "b,2014/15,9,,yes\n"
    )
    result = runner.invoke(app, ["record", "--csv", "in.csv"])
    assert result.exit_code == 0, result.output
    assert "recorded 3 measurements in 2 files" in result.output
    text = (tree / "a.yaml").read_text()
    assert text == PLAN.format(title="A", extra="") + (
        "  - period: 2014-05\n    value: 6\n    note: May, late\n"
        "  - period: 2014-06\n    value: 7\n"
    )
    assert (
        "  - period: 2014/15\n    value: 9\n    forecast: true\n" in (tree / "b.yaml").read_text()
    )


def test_bad_rows_are_reported_by_line_and_nothing_is_written(tree: Path) -> None:
    before = {p.name: p.read_text() for p in tree.iterdir()}
    Path("in.csv").write_text(
        "id,period,value\n"
        "a,2014-05,6\n"
        "\n"
        "a,April 2014,6\n"
        "nobody,2014-05,1\n"
        "b,2014-04,3\n"
        "b,2014-07,lots\n"
        "a,2014-05,7\n"
    )
    result = runner.invoke(app, ["record", "--csv", "in.csv"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("in.csv:4: period: 'April 2014' is not a period")
    assert lines[1] == "in.csv:5: no indicator has the id 'nobody'"
    assert lines[2].startswith("in.csv:6: ") and "2014-04 already has a value" in lines[2]
    assert lines[3].startswith("in.csv:7: value: 'lots' is not a number")
    assert lines[4].startswith("in.csv:8: ") and "line 2 already gives 2014-05" in lines[4]
    assert lines[5] == "5 bad rows: nothing was recorded"
    assert {p.name: p.read_text() for p in tree.iterdir()} == before


def test_replace_overwrites_a_recorded_period(tree: Path) -> None:
    Path("in.csv").write_text("id,period,value\na,2014-04,8\n")
    result = runner.invoke(app, ["record", "--csv", "in.csv", "--replace"])
    assert result.exit_code == 0, result.output
    assert "  - period: 2014-04\n    value: 8   # April\n" in (tree / "a.yaml").read_text()


def test_unknown_column_is_refused(tree: Path) -> None:
    Path("in.csv").write_text("id,period,value,colour\na,2014-05,1,red\n")
    result = runner.invoke(app, ["record", "--csv", "in.csv"])
    assert result.exit_code == 2
    assert "in.csv:1: unknown column 'colour'" in result.stderr


FINGERTIPS = (
    "Indicator ID,Indicator Name,Parent Code,Area Code,Area Name,Area Type,Sex,Age,"
    "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Count,Denominator,Value note\n"
    "92443,Smoking,E12000002,E08000015,Wirral,District,Persons,18+ yrs,,,2013/14,17.5,16,"
    "500,2857,\n"
    "92443,Smoking,E12000002,E08000015,Wirral,District,Persons,18+ yrs,Deprivation,Most,2013/14,"
    "25,20,,,\n"
    "92443,Smoking,E12000002,E08000012,Liverpool,District,Persons,18+ yrs,,,2013/14,20,18,,,\n"
    "92443,Smoking,E12000002,E08000015,Wirral,District,Persons,18+ yrs,,,2011 - 13,18.2,,,,\n"
    "92443,Smoking,E12000002,E08000015,Wirral,District,Persons,18+ yrs,,,2015/16,,,,,suppressed\n"
)


def test_fingertips_export_is_matched_to_the_series_an_indicator_follows(tree: Path) -> None:
    Path("ft.csv").write_text(FINGERTIPS)
    result = runner.invoke(app, ["record", "--csv", "ft.csv"])
    assert result.exit_code == 0, result.output
    assert "recorded 2 measurements in 1 file; 3 rows skipped" in result.output
    text = (tree / "b.yaml").read_text()
    assert "  - period: 2011..2013\n    value: 18.2\n" in text
    assert (
        "  - period: 2013/14\n    value: 17.5\n    numerator: 500\n    denominator: 2857\n" in text
    )
    assert (tree / "a.yaml").read_text() == PLAN.format(title="A", extra="")


def test_fingertips_period_that_is_not_plain_is_a_bad_row(tree: Path, tmp_path: Path) -> None:
    export = tmp_path / "ft.csv"
    export.write_text(FINGERTIPS.replace("2011 - 13", "Oct 2013 - Sep 2014"))
    batch = read_csv(export, 4)
    assert [(row.line, "cannot be read as one period" in row.message) for row in batch.bad] == [
        (5, True)
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2013/14", "2013/14"),
        ("2013", "2013"),
        ("2013 - 15", "2013..2015"),
        ("1999 - 01", "1999..2001"),
        ("2012/13 - 14/15", "2012/13..2014/15"),
        ("2019/20 Q2", "2019/20 Q2"),
        ("2013 - 12", None),
        ("2012/14 - 14/15", None),
        ("Apr 2014", None),
    ],
)
def test_fingertips_periods(text: str, period: str | None) -> None:
    assert fingertips_period(text) == period


def test_csv_line_numbers_count_quoted_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,period,value,note\na,2014-05,1,"two\nlines"\na,2014-13,2,\n')
    batch = read_csv(path, 4)
    assert [record.line for record in batch.records] == [2]
    assert [row.line for row in batch.bad] == [4]
