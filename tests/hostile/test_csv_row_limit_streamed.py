"""A CSV over the row limit is refused at its first row over it, read as a stream: what lies
past that row is never read, nothing is kept of the rows before it, and memory stays bounded
however long the file is."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.workspace.limits import CSV_ROWS
from support import forked
from support.one_plan import invoke, plans_tree

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
TABLE = ("record", "--period", "2014-05", "--map", "id=id", "--map", "value=value", "--table")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return plans_tree(tmp_path, monkeypatch, PLAN)


@pytest.mark.parametrize("tail", [b"a,2014-06,\xff\n", b'a,2014-06,"open\n'])
@pytest.mark.parametrize("table", [False, True])
def test_rows_past_the_limit_are_never_read(
    tree: Path, monkeypatch: pytest.MonkeyPatch, tail: bytes, table: bool
) -> None:
    # Bytes that are not UTF-8, or a quote never closed, after the row over the limit: read
    # whole before the rows were counted, the file was refused for them instead.
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_ROWS", "100")
    Path("in.csv").write_bytes(b"id,period,value\n" + b"a,2014-05,6\n" * 100 + tail)
    code, err = invoke(*(TABLE if table else ("record", "--csv")), "in.csv")
    assert code == 2
    assert "in.csv: more than 100 rows, over the limit of 100 rows" in err
    assert "UTF-8" not in err and "quote" not in err


def test_a_csv_at_the_limit_is_read_and_one_row_more_is_not(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every row counts, as in the spreadsheet: the header and a blank row too.
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_ROWS", "4")
    Path("in.csv").write_text("id,period,value\na,2014-05,6\n\na,2014-06,7\n")
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 0, err
    Path("in.csv").write_text("id,period,value\na,2014-07,6\n\na,2014-08,7\n\n")
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 2 and "in.csv: more than 4 rows" in err


def short_rows(path: Path, rows: int) -> None:
    """`rows` rows of 9 bytes: ten times the default limit is still under the size limit."""
    with path.open("w") as out:
        out.write("id,period,value\n")
        block = "a,2014,6\n" * 10_000
        for _ in range(rows // 10_000):
            out.write(block)
        out.write("a,2014,6\n" * (rows % 10_000))


@pytest.mark.slow
@pytest.mark.parametrize("over", [1, 10])
@pytest.mark.parametrize("table", [False, True])
def test_a_csv_over_the_default_row_limit_is_refused_in_bounded_memory(
    tree: Path, over: int, table: bool
) -> None:
    rows = CSV_ROWS.default * over + 1
    short_rows(tree / "in.csv", rows)
    args = [*(TABLE if table else ("record", "--csv")), "in.csv"]
    run = forked.run(args, tree, timeout=120)
    assert run.code == 2, run.stderr
    assert "more than 1,000,000 rows" in run.stderr
    assert run.added_mb < 200, run.added_mb
