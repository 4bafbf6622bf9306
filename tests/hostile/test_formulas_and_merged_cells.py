"""Cells a workbook holds but does not show as plain values, given to `record --table`: a formula
saved without its calculated value (by a program that does not calculate) and merged cells over
the rows. Neither is skipped in silence: a formula with no value is a bad row, with the advice to
save the sheet where it is calculated; a merged range is read as the value it shows, its first
cell's, and a note names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.workbooks import write_workbook

PLAN = "title: {}\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
ARGS = [
    "record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=This quarter",
    "--map", "note=Comment", "--table", "t.xlsx",
]  # fmt: skip
HEADER = ("Indicator", "This quarter", "Comment")
SAVE = "open the workbook in Excel or LibreOffice and save it"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "actionplan.yaml").write_text("financial_year_start: 4\n")
    for name in ("a", "b"):
        (work / "plans" / f"{name}.yaml").write_text(PLAN.format(name.upper()))
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return work


def invoke() -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ARGS)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def unchanged(tree: Path) -> bool:
    return all(
        (tree / "plans" / f"{n}.yaml").read_text() == PLAN.format(n.upper()) for n in ("a", "b")
    )


def test_a_figure_that_is_a_formula_without_a_value_is_a_bad_row(tree: Path) -> None:
    write_workbook(Path("t.xlsx"), [HEADER, ("a", "=B3*2", None), ("b", "=SUM(B9:B12)", None)])
    code, _, err = invoke()
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith("t.xlsx:KPIs!B2: This quarter: the cell holds a formula (=B3*2)")
    assert "with no calculated value" in lines[0] and SAVE in lines[0]
    assert lines[1].startswith("t.xlsx:KPIs!B3: This quarter: the cell holds a formula")
    assert lines[-1] == "2 bad rows: nothing was recorded"
    assert unchanged(tree)


def test_an_id_that_is_a_formula_without_a_value_is_a_bad_row(tree: Path) -> None:
    write_workbook(Path("t.xlsx"), [HEADER, ("=C9", 6, None), ("b", 7, None)])
    code, _, err = invoke()
    assert code == 2
    assert err.startswith("t.xlsx:KPIs!A2: Indicator: the cell holds a formula (=C9)")
    assert unchanged(tree)


def test_a_formula_with_its_calculated_value_is_read_as_that_value(tree: Path) -> None:
    raw = [HEADER, ("a", 6, None), ("b", 7, None)]
    write_workbook(Path("t.xlsx"), raw)
    # Written as Excel saves a formula: the formula and its last calculated value.
    import zipfile

    with zipfile.ZipFile("t.xlsx") as package:
        parts = {n: package.read(n) for n in package.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b'<c r="B2"><v>6</v>', b'<c r="B2"><f>3*2</f><v>6</v>')
    with zipfile.ZipFile("t.xlsx", "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    code, _, err = invoke()
    assert code == 0, err
    assert "  - period: 2014-05\n    value: 6\n" in (tree / "plans" / "a.yaml").read_text()


def test_a_figure_merged_over_two_rows_is_read_in_each_with_a_note(tree: Path) -> None:
    rows = [HEADER, ("a", 6, "shared"), ("b", None, None)]
    write_workbook(Path("t.xlsx"), rows, merged=["B2:B3", "C2:C3"])
    code, out, err = invoke()
    assert code == 0, err
    assert "t.xlsx:KPIs!B2:B3: merged cells: each row is read as B2, the value the range shows" in (
        err
    )
    assert "t.xlsx:KPIs!C2:C3: merged cells" in err
    for name in ("a", "b"):
        text = (tree / "plans" / f"{name}.yaml").read_text()
        assert "  - period: 2014-05\n    value: 6\n    note: shared\n" in text
    assert "2 rows for 2014-05: 2 files updated" in out


def test_a_merged_range_over_a_row_the_sheet_leaves_out_still_reaches_it(tree: Path) -> None:
    # Row 3 has no element of its own: only the merged ranges cover it, with a figure and a
    # comment but no id, which is a bad row rather than a row passed over.
    write_workbook(Path("t.xlsx"), [HEADER, ("a", 6, "x")], merged=["B2:B3", "C2:C3"])
    code, _, err = invoke()
    assert code == 2
    assert "t.xlsx:KPIs!A3: Indicator: no id: each row needs the indicator's id" in err
    assert unchanged(tree)


def test_an_id_merged_across_two_indicators_rows_is_a_bad_row_not_a_skipped_one(
    tree: Path,
) -> None:
    # One id over two rows of figures: read as the same id twice, which is a bad row.
    write_workbook(Path("t.xlsx"), [HEADER, ("a", 6, None), (None, 7, None)], merged=["A2:A3"])
    code, _, err = invoke()
    assert code == 2
    assert "t.xlsx:KPIs!A3: 'a' is also in t.xlsx:KPIs!A2: keep one row per indicator" in err
    assert "t.xlsx:KPIs!A2:A3: merged cells" in err
    assert unchanged(tree)
