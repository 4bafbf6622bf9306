"""Rows of a published table read as entries: headings skipped, figures and percentages as the
table shows them, statuses and directions as councils write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.domain.periods import parse_period
from actionplan.domain.values import Status
from actionplan.edit.table_rows import Entries, Mapping, read_entries
from actionplan.edit.tables import Table
from actionplan.edit.workbook import Cell, CellValue

COLUMNS = ["Indicator", "Value", "Previous", "Target", "Status", "Direction"]
MAPPING = Mapping.parse(
    [
        "id=Indicator",
        "value=Value",
        "previous=Previous",
        "target=Target",
        "status=Status",
        "direction=Direction",
    ],
    create=False,
)
MAY, APRIL = parse_period("2014-05"), parse_period("2014-04")


def entries(*rows: list[Cell]) -> Entries:
    table = Table(Path("kpis.xlsx"), "KPIs", COLUMNS, 1, [(n, r) for n, r in enumerate(rows, 2)])
    return read_entries(table, MAPPING, MAY, APRIL)


def row(*values: CellValue, percent: bool = False) -> list[Cell]:
    cells = [Cell(v, percent=percent and isinstance(v, float)) for v in values]
    return cells + [Cell(None)] * (len(COLUMNS) - len(cells))


def test_a_row_with_an_id_and_a_figure_is_an_entry_and_a_heading_is_skipped() -> None:
    result = entries(row("Adult Social Care"), row("ASC1", 5))
    assert [e.id for e in result.entries] == ["ASC1"]
    assert result.skipped == 1


def test_a_percentage_cell_reads_as_the_figure_it_shows() -> None:
    # Excel stores 7% as 0.07, and 0.07 * 100 in binary floating point is 7.000000000000001.
    [entry] = entries(row("ASC1", 0.07, None, 0.5, percent=True)).entries
    assert entry.measurement.value == 7
    assert entry.target == 50
    assert entry.percent


def test_a_figure_written_with_a_percent_sign_is_a_percentage() -> None:
    [entry] = entries(row("ASC1", "53.6%")).entries
    assert (entry.measurement.value, entry.percent) == (53.6, True)


def test_a_target_written_as_a_percentage_makes_the_row_a_percentage() -> None:
    [entry] = entries(row("ASC1", 53.6, None, "50%")).entries
    assert entry.percent


@pytest.mark.parametrize("status", ["n/a", "NA", "-"])
def test_a_status_cell_saying_missing_is_no_status(status: str) -> None:
    [entry] = entries(row("ASC1", 5, None, None, status)).entries
    assert entry.measurement.status is None


def test_a_status_with_an_underscore_is_read() -> None:
    [entry] = entries(row("ASC1", None, None, None, "NO_DATA")).entries
    assert entry.measurement.status is Status.NO_DATA


@pytest.mark.parametrize(
    ("text", "direction"), [("Higher", "higher"), ("Lower is better", "lower")]
)
def test_directions_as_tables_write_them(text: str, direction: str) -> None:
    [entry] = entries(row("ASC1", 5, None, None, None, text)).entries
    assert entry.direction == direction


def test_an_id_typed_as_a_number_is_its_digits() -> None:
    [entry] = entries(row(101.0, 5)).entries
    assert entry.id == "101"


def test_a_blank_previous_cell_gives_no_previous_figure() -> None:
    [entry] = entries(row("ASC1", 5, None)).entries
    assert entry.previous is None
    [entry] = entries(row("ASC1", 5, 4)).entries
    assert entry.previous is not None and entry.previous.value == 4
