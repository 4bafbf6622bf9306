"""A workbook whose row holds millions of cells, or whose shared strings unpack to more than
their limit, is refused in bounded memory: a row is read a cell at a time (each cell leaves the
parsed tree once read) and refused at its first cell over the limit, and the shared strings,
which are read whole, are refused from the size the zip declares before any is inflated."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import forked
from support.workbooks import STRINGS_TYPE, replace_part, shared_strings, wide_row, write_workbook

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
ARGS = ["record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=This quarter"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(PLAN)
    return tmp_path


@pytest.mark.slow
def test_a_row_of_millions_of_cells_is_refused_at_the_first_cell_over_the_limit(
    tree: Path,
) -> None:
    # 3,000,000 cells of `<c><v>1</v></c>` in row 2: 48 MB unpacked, under the 200 MB limit.
    # Each row held whole until its end, this one took over a gigabyte.
    book = tree / "wide.xlsx"
    write_workbook(book, [("Indicator", "This quarter"), ("a", 6)])
    replace_part(book, "xl/worksheets/sheet1.xml", wide_row(3_000_000))
    run = forked.run([*ARGS, "--table", book.name], tree, timeout=120)
    assert run.code == 2, run.stderr[-2000:]
    assert "wide.xlsx:KPIs!2: more than 16,384 cells in the row" in run.stderr
    assert "ACTIONPLAN_MAX_XLSX_ROW_CELLS" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.added_mb < 200, run.added_mb
    assert (tree / "plans" / "a.yaml").read_text() == PLAN


def test_shared_strings_over_their_limit_are_refused_before_they_are_read(tree: Path) -> None:
    # 100 MB of short distinct texts, under the 200 MB of markup a workbook may unpack to:
    # read whole, they took 40 s and 770 MiB.
    book = tree / "strings.xlsx"
    write_workbook(book, [("Indicator", "This quarter"), ("a", 6)])

    replace_part(book, "xl/sharedStrings.xml", shared_strings(5_000_000), STRINGS_TYPE)
    run = forked.run([*ARGS, "--table", book.name], tree, timeout=60)
    assert run.code == 2, run.stderr[-2000:]
    assert "strings.xlsx:xl/sharedStrings.xml: its shared strings unpack to" in run.stderr
    assert "over the limit of 52,428,800 bytes of shared strings unpacked" in run.stderr
    assert "ACTIONPLAN_MAX_XLSX_STRINGS_BYTES" in run.stderr
    assert run.seconds < 30, run.seconds
    assert run.added_mb < 200, run.added_mb
    assert (tree / "plans" / "a.yaml").read_text() == PLAN
