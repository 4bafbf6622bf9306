"""A CSV at the row limit that is read to its end is recorded, or refused, in bounded memory:
its rows are kept by file as short texts while they are read, never as a million measurements
at once, and only the first 1,000 bad rows are listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support import forked

pytestmark = pytest.mark.slow

ROWS = 999_999  # with the header, the default row limit of 1,000,000 exactly
TABLE = ["record", "--period", "2014-05", "--map", "id=id", "--map", "value=value", "--table"]
PLAN = "title: {id}\ndirection: higher\nmeasurements:\n  - period: 1000-01\n    value: 5\n"


def plans(root: Path, count: int) -> None:
    (root / "plans").mkdir(parents=True)
    for n in range(count):
        (root / "plans" / f"i{n}.yaml").write_text(PLAN.format(id=f"i{n}"))


def monthly_rows(path: Path, indicators: int) -> None:
    """`ROWS` monthly figures shared out among `indicators`, each month once an indicator."""
    with path.open("w") as out:
        out.write("id,period,value\n")
        for n in range(ROWS):
            month = n // indicators + 1
            out.write(f"i{n % indicators},{1001 + month // 12}-{month % 12 + 1:02d},{n}\n")


@pytest.mark.parametrize("table", [False, True])
def test_a_million_rows_for_no_known_indicator_list_the_first_thousand(
    tmp_path: Path, table: bool
) -> None:
    # Each a measurement, then a bad row and a message printed: `--csv` took 1.2 GB. Every
    # row's cells held at once, `--table` took 735 MiB over the test process.
    plans(tmp_path, 1)
    with (tmp_path / "in.csv").open("w") as out:
        out.write("id,period,value\n" + "".join(f"x{n},2014-05,{n}\n" for n in range(ROWS)))
    run = forked.run([*(TABLE if table else ["record", "--csv"]), "in.csv"], tmp_path, timeout=300)
    assert run.code == 2, run.stderr[-2000:]
    assert run.stderr.count("no indicator has the id") == 1000
    assert "in.csv:1001: no indicator has the id 'x999'" in run.stderr
    assert "... and 998999 more bad rows\n999999 bad rows: nothing was recorded" in run.stderr
    assert run.added_mb < 512, run.added_mb


def test_a_million_rows_for_ten_indicators_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    # A hundred thousand figures each would put every file over the limit of values a plan
    # file may hold: each file is refused, at its first row, before a measurement is made.
    plans(tmp_path, 10)
    monthly_rows(tmp_path / "in.csv", 10)
    # So many months run centuries ahead: allowed, as the test is of memory, not of dates.
    run = forked.run(["record", "--csv", "in.csv", "--allow-future"], tmp_path, timeout=300)
    assert run.code == 2, run.stderr[-2000:]
    assert "in.csv:2: plans/i0.yaml: 100,000 new measurements would add 300,000 values" in (
        run.stderr
    )
    assert "10 bad rows: nothing was recorded" in run.stderr
    assert run.added_mb < 512, run.added_mb
    assert (tmp_path / "plans" / "i0.yaml").read_text() == PLAN.format(id="i0")


def test_the_largest_valid_csv_is_recorded_in_bounded_memory(tmp_path: Path) -> None:
    # The most a CSV may give that every plan file takes: 25,000 monthly figures for each of
    # 40 indicators make files of about 0.9 MB, under the 1 MB a plan file may hold (fewer
    # indicators would take them over it). Takes minutes: every file is rewritten whole.
    plans(tmp_path, 40)
    monthly_rows(tmp_path / "in.csv", 40)
    # So many months run centuries ahead: allowed, as the test is of memory, not of dates.
    run = forked.run(["record", "--csv", "in.csv", "--allow-future"], tmp_path, timeout=900)
    assert run.code == 0, run.stderr[-2000:]
    assert "recorded 999999 measurements in 40 files" in run.stdout
    assert run.added_mb < 512, run.added_mb
    # No file is over a plan file's limits. The tree (36 MB, a million figures) is more than
    # one command reads by default: read whole, as a user would, with those limits raised.
    raised = {"ACTIONPLAN_MAX_PLAN_FILES_BYTES": "100000000"}
    raised["ACTIONPLAN_MAX_PLAN_FILES_FIGURES"] = "2000000"
    result = CliRunner().invoke(app, ["check", "--no-cache", str(tmp_path / "plans")], env=raised)
    assert "over the limit" not in result.output
