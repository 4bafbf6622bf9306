"""A workbook of a million rows given to `record --table`: the sheet's rows are limited as a
CSV's are, refused from the size the sheet records before a row is read, or at the first row
over the limit when the recorded size is missing or wrong; and the rows are read one at a time,
so memory does not grow with the sheet's length."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support import forked
from support.workbooks import numbered_rows, write_workbook

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
ARGS = ["record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=This quarter"]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "actionplan.yaml").write_text("financial_year_start: 4\n")
    (work / "plans" / "a.yaml").write_text(PLAN)
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return work


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def test_a_sheet_recording_a_size_over_the_row_limit_is_refused_before_its_rows_are_read(
    tree: Path,
) -> None:
    # Two rows, but the sheet says it holds two million: refused from what it says, at once.
    rows = [("Indicator", "This quarter"), ("a", 6)]
    write_workbook(Path("big.xlsx"), rows, dimension="A1:B2000000")
    started = time.monotonic()
    code, err = invoke(*ARGS, "--table", "big.xlsx")
    assert time.monotonic() - started < 5
    assert code == 2
    assert "big.xlsx:KPIs: its size is recorded as A1:B2000000, 2,000,000 rows" in err
    assert "over the limit of 1,000,000 rows" in err and "ACTIONPLAN_MAX_CSV_ROWS" in err
    assert (tree / "plans" / "a.yaml").read_text() == PLAN


@pytest.mark.parametrize("dimension", [None, "A1:C3", "A1"])
def test_a_sheet_without_its_true_size_is_refused_at_the_first_row_over_the_limit(
    tree: Path, monkeypatch: pytest.MonkeyPatch, dimension: str | None
) -> None:
    write_workbook(Path("rows.xlsx"), numbered_rows(5000), dimension=dimension)
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_ROWS", "1000")
    code, err = invoke(*ARGS, "--table", "rows.xlsx")
    assert code == 2
    assert "rows.xlsx: more than 1,000 rows, over the limit of 1,000 rows" in err
    assert (tree / "plans" / "a.yaml").read_text() == PLAN


@pytest.mark.slow
def test_a_sheet_within_the_row_limit_is_read_in_bounded_memory(tree: Path) -> None:
    # A quarter of a million rows, each an indicator no plan has, and no recorded size: each
    # is a bad row, the first of them listed and the rest counted.
    write_workbook(Path("long.xlsx"), numbered_rows(250_000))
    run = forked.run([*ARGS, "--table", "long.xlsx"], tree, timeout=300)
    assert run.code == 2, run.stderr
    assert "long.xlsx:KPIs!A2: no indicator has the id 'k0'" in run.stderr
    assert "and 249000 more bad rows" in run.stderr
    assert run.stderr.rstrip().endswith("250000 bad rows: nothing was recorded")
    assert run.added_mb < 200, run.added_mb
    assert (tree / "plans" / "a.yaml").read_text() == PLAN
