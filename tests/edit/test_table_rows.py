"""`record --table` cell by cell: the mapping, figures as tables write them, workbook cells as
Excel stores them, the period before, new files, and every bad row at the cell to look at."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.domain.periods import parse_period
from actionplan.domain.steps import previous_period
from actionplan.domain.values import Status
from actionplan.edit.cells import Cell, CellValue
from actionplan.edit.table_rows import Entries, Entry, Mapping, Problem, read_entries
from actionplan.edit.tables import Table
from actionplan.errors import PeriodError

runner = CliRunner()
PLAN = "title: {title}\ndirection: {direction}\n"
MAPS = ("--map", "id=Indicator", "--map", "value=This quarter")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\n")
    for name, direction in (("a", "higher"), ("b", "lower"), ("c", "higher")):
        (plans / f"{name}.yaml").write_text(PLAN.format(title=name.upper(), direction=direction))
    return plans


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def measurements(plans: Path, name: str) -> str:
    text = (plans / f"{name}.yaml").read_text()
    return text.partition("measurements:\n")[2]


# --- the mapping -----------------------------------------------------------------------------


def test_an_unknown_field_lists_the_fields(tree: Path) -> None:
    Path("t.csv").write_text("Indicator,This quarter\na,5\n")
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS,
                          "--map", "owner=Lead")  # fmt: skip
    assert code == 2
    assert "--map 'owner=Lead': unknown field 'owner': the fields are id, title, value" in err


def test_a_column_missing_from_the_header_lists_the_header(tree: Path) -> None:
    Path("t.csv").write_text("KPI report, Q2\nIndicator,This period,Target\na,5,6\n")
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS)
    assert code == 2
    assert err.strip() == (
        "error: t.csv:2: no column named 'This quarter' in the header: its columns are "
        "'Indicator', 'This period', 'Target'; map each field to one of them with "
        "--map FIELD=COLUMN"
    )


def test_columns_match_whatever_their_case_and_spacing(tree: Path) -> None:
    Path("t.csv").write_text('INDICATOR,"This\n  Quarter"\na,5\n')
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS)
    assert code == 0, err
    assert measurements(tree, "a") == "  - period: 2014-05\n    value: 5\n"


def test_id_and_value_are_needed_and_create_needs_a_title(tree: Path) -> None:
    Path("t.csv").write_text("Indicator,This quarter\na,5\n")
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05",
                          "--map", "id=Indicator")  # fmt: skip
    assert code == 2 and "--map: no column for value: add --map value=COLUMN" in err
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS, "--create")
    assert code == 2 and "no column for title" in err


def test_table_needs_a_period_that_is_a_period(tree: Path) -> None:
    Path("t.csv").write_text("Indicator,This quarter\na,5\n")
    code, _, err = invoke("record", "--table", "t.csv", *MAPS)
    assert code == 2 and "--table needs --period" in err
    code, _, err = invoke("record", "--table", "t.csv", "--period", "Q2", *MAPS)
    assert code == 2 and "--period: 'Q2' is not a period" in err
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05-31", *MAPS,
                          "--map", "previous=Indicator")  # fmt: skip
    assert code == 2 and "2014-05-31 has no period of the same kind before it" in err
    assert "(2014-06, 2014/15 Q1, 2014-Q2, 2014/15, 2014)" in err
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2025-05-31", *MAPS,
                          "--map", "previous=Indicator")  # fmt: skip
    assert "(2025-06, 2025/26 Q1, 2025-Q2, 2025/26, 2025)" in err  # the user's year, not 2014


# --- figures ---------------------------------------------------------------------------------


def test_figures_are_read_as_tables_write_them(tree: Path) -> None:
    Path("t.csv").write_text(
        'Indicator,This quarter,Last quarter\na,"19,625",n/a\nb,53.6%,NA\nc,,"£1,200.50"\n'
    )
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014/15 Q2", *MAPS,
                          "--map", "previous=Last quarter")  # fmt: skip
    assert code == 0, err
    assert measurements(tree, "a") == (
        "  - period: 2014/15 Q1\n    value: NA\n  - period: 2014/15 Q2\n    value: 19625\n"
    )
    assert measurements(tree, "b") == (
        "  - period: 2014/15 Q1\n    value: NA\n  - period: 2014/15 Q2\n    value: 53.6\n"
    )
    assert measurements(tree, "c") == (
        "  - period: 2014/15 Q1\n    value: 1200.50\n  - period: 2014/15 Q2\n    value: NA\n"
    )


def test_a_decimal_comma_is_a_bad_row_never_a_thousand(tree: Path) -> None:
    before = (tree / "a.yaml").read_text()
    Path("t.csv").write_text(
        'Indicator,This quarter,Status\na,5,Green\nb,"4,6",Red\nc,7,On track\n'
    )
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS,
                          "--map", "status=Status")  # fmt: skip
    assert code == 2
    assert err.splitlines() == [
        "t.csv:3: This quarter: '4,6' has a comma that does not separate thousands: write 4.6 "
        "for a decimal, or 46 for a whole number",
        "t.csv:4: Status: 'On track' is not a status: write RED, AMBER, GREEN, BLUE, NO TARGET "
        "or NO DATA",
        "2 bad rows: nothing was recorded",
    ]
    assert (tree / "a.yaml").read_text() == before


# --- workbooks -------------------------------------------------------------------------------


def workbook(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Performance Q2"
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


def test_workbook_numbers_are_kept_exactly_and_percent_cells_read_as_they_show(
    tree: Path,
) -> None:
    # Excel stores a cell showing 53.6% as 0.536; one showing 0.1 holds 0.1.
    rows = [["Indicator", "This quarter"], ["a", 0.536], ["b", 0.1], ["c", 19625]]
    workbook(Path("t.xlsx"), rows, {"B2": "0.0%"})
    code, _, err = invoke("record", "--table", "t.xlsx", "--period", "2014-05", *MAPS)
    assert code == 0, err
    assert measurements(tree, "a") == "  - period: 2014-05\n    value: 53.6\n"
    assert measurements(tree, "b") == "  - period: 2014-05\n    value: 0.1\n"
    assert measurements(tree, "c") == "  - period: 2014-05\n    value: 19625\n"


def test_workbook_bad_cells_are_named_by_sheet_and_cell(tree: Path) -> None:
    rows = [
        ["Council performance"],
        ["Indicator", "Notes", "This quarter"],
        ["a", "", "#DIV/0!"],
        ["b", "", datetime.date(2014, 6, 30)],
        ["c", "", "4,6"],
    ]
    workbook(Path("t.xlsx"), rows)
    code, _, err = invoke("record", "--table", "t.xlsx", "--period", "2014-05", *MAPS)
    assert code == 2
    assert err.splitlines() == [
        "t.xlsx:'Performance Q2'!C3: This quarter: the cell shows #DIV/0!, an error in the "
        "spreadsheet: correct it, or write NA for a missing figure",
        "t.xlsx:'Performance Q2'!C4: This quarter: 2014-06-30 00:00:00 is not a figure: the "
        "cell holds a date or true/false",
        "t.xlsx:'Performance Q2'!C5: This quarter: '4,6' has a comma that does not separate "
        "thousands: write 4.6 for a decimal, or 46 for a whole number",
        "3 bad rows: nothing was recorded",
    ]


def test_a_workbook_of_several_sheets_needs_one_named(tree: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Cover"
    book.create_sheet("KPIs").append(["Indicator", "This quarter"])
    book["KPIs"].append(["a", 5])
    book.save("t.xlsx")
    code, _, err = invoke("record", "--table", "t.xlsx", "--period", "2014-05", *MAPS)
    assert code == 2 and "t.xlsx has 2 sheets ('Cover', 'KPIs'): choose one with --sheet" in err
    code, _, err = invoke("record", "--table", "t.xlsx", "--sheet", "Q2", "--period", "2014-05",
                          *MAPS)  # fmt: skip
    assert code == 2 and "t.xlsx: no sheet named 'Q2': its sheets are 'Cover', 'KPIs'" in err
    code, _, err = invoke("record", "--table", "t.xlsx", "--sheet", "KPIs", "--period", "2014-05",
                          *MAPS)  # fmt: skip
    assert code == 0, err
    assert measurements(tree, "a") == "  - period: 2014-05\n    value: 5\n"


def test_other_spreadsheet_formats_are_refused_with_what_to_do(tree: Path) -> None:
    Path("t.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = invoke("record", "--table", "t.xls", "--period", "2014-05", *MAPS)
    assert code == 2 and "t.xls: .xls spreadsheets are not read: save it as .xlsx" in err
    Path("t.csv").write_text("Indicator,This quarter\na,5\n")
    code, _, err = invoke("record", "--table", "t.csv", "--sheet", "A", "--period", "2014-05",
                          *MAPS)  # fmt: skip
    assert code == 2 and "--sheet is for Excel workbooks" in err


# --- the period before -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "before"),
    [
        ("2014/15 Q1", "2013/14 Q4"),
        ("2014/15 Q3", "2014/15 Q2"),
        ("Q1 1999/00", "1998/99 Q4"),
        ("2014-Q1", "2013-Q4"),
        ("2014-Q3", "2014-Q2"),
        ("2014-01", "2013-12"),
        ("2014-05", "2014-04"),
        ("2014/15", "2013/14"),
        ("2000/01", "1999/00"),
        ("2014", "2013"),
    ],
)
def test_the_period_before_is_of_the_same_kind(period: str, before: str) -> None:
    found = previous_period(parse_period(period))
    assert found.text == before
    assert found == parse_period(before)
    assert found.end < parse_period(period).start


@pytest.mark.parametrize("period", ["2014-05-31", "2014-04..2014-06"])
def test_a_day_or_a_range_has_no_period_before(period: str) -> None:
    with pytest.raises(PeriodError):
        previous_period(parse_period(period))


# --- existing figures and targets ------------------------------------------------------------


def test_a_single_target_is_kept_and_a_different_one_is_refused_at_its_cell(tree: Path) -> None:
    (tree / "a.yaml").write_text("title: A\ndirection: higher\ntarget: 66\n")
    Path("t.csv").write_text("Indicator,This quarter,Target\na,60,66\n")
    args = ("record", "--table", "t.csv", "--period", "2014-05", *MAPS, "--map", "target=Target")
    assert invoke(*args)[0] == 0
    assert "target: 66\n" in (tree / "a.yaml").read_text()
    Path("t.csv").write_text("Indicator,This quarter,Target\na,61,70\n")
    code, _, err = invoke(*[a if a != "2014-05" else "2014-06" for a in args])
    assert code == 2
    assert err.startswith(
        "t.csv:2: plans/a.yaml: `target: 66` is one target for every period, and the table "
        "gives 70 for 2014-06: write `target:` as a map of periods to keep both "
        "(`target: {2013/14: 66, 2014-06: 70}`)"  # the example in the user's own years
    )


def test_a_repeated_id_is_a_bad_row(tree: Path) -> None:
    Path("t.csv").write_text("Indicator,This quarter\na,5\nb,6\na,7\n")
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS)
    assert code == 2
    assert "t.csv:4: 'a' is also in t.csv:2: keep one row per indicator" in err


# --- new files -------------------------------------------------------------------------------

CREATE = ("--map", "title=Title", "--map", "directorate=Service", "--map", "target=Target",
          "--map", "status=RAG", "--create")  # fmt: skip


def test_create_refuses_what_it_cannot_write_safely(tree: Path) -> None:
    Path("t.csv").write_text(
        "Indicator,Title,Service,This quarter,Target,RAG\n"
        "NI 156,Temporary accommodation,Housing,50,40,Red\n"
        "L1,Library visits,Culture,100,120,Green\n"
        "=cmd,Formula,Housing,1,2,Red\n"
    )
    code, _, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS, *CREATE)
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith("t.csv:2: 'NI 156' is not a usable id for a new file")
    assert lines[1].startswith(
        "t.csv:3: the table gives 'L1' a target but not whether higher or lower is better"
    )
    assert "--map direction=COLUMN" in lines[1]
    assert lines[2].startswith("t.csv:4: '=cmd' is not a usable id")
    assert sorted(p.name for p in tree.iterdir()) == [
        "a.yaml",
        "actionplan.yaml",
        "b.yaml",
        "c.yaml",
    ]


def test_create_takes_the_direction_column_and_keeps_the_directorate_inside_plans(
    tree: Path,
) -> None:
    Path("t.csv").write_text(
        "Indicator,Title,Service,Polarity,This quarter,Target,RAG\n"
        'L1,"=HYPERLINK(""http://x"",""Library visits"")",../../Culture,Higher is better,100,'
        "120,Green\n"
    )
    code, out, err = invoke("record", "--table", "t.csv", "--period", "2014-05", *MAPS, *CREATE,
                            "--map", "direction=Polarity")  # fmt: skip
    assert code == 0, err
    assert "1 file created" in out
    text = (tree / "culture" / "L1.yaml").read_text()
    assert "frequency: monthly\ndirection: higher\ntarget:\n  2014-05: 120\n" in text
    # Text that a spreadsheet would run as a formula is plain text in the plan.
    assert 'title: =HYPERLINK("http://x","Library visits")\n' in text
    result = runner.invoke(app, ["check", "--no-cache", "--format", "json", "--as-of", "2014-05"])
    [row] = [r for r in json.loads(result.stdout)["indicators"] if r["id"] == "L1"]
    assert row["title"] == '=HYPERLINK("http://x","Library visits")'
    assert (row["published_status"], row["computed_status"]) == ("GREEN", "RED")


def test_create_makes_the_plans_folder_only_when_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    args = ("record", "--table", "t.csv", "--period", "2014-05", *MAPS, "--map", "title=Title",
            "--create")  # fmt: skip
    Path("t.csv").write_text("Indicator,Title,This quarter\nL1,Library visits,lots\n")
    assert invoke(*args)[0] == 2
    assert not Path("plans").exists()
    Path("t.csv").write_text("Indicator,Title,This quarter\nL1,Library visits,100\n")
    code, out, err = invoke(*args)
    assert code == 0, err
    assert out.splitlines() == [
        "plans: created the plans folder",
        "t.csv: 1 row for 2014-05: 1 file created",
    ]
    assert (
        Path("plans/L1.yaml")
        .read_text()
        .endswith(
            "title: Library visits\nfrequency: monthly\nmeasurements:\n"
            "  - period: 2014-05\n    value: 100\n"
        )
    )


# Rows of a published table read as entries: headings skipped, figures and percentages as the
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


@dataclass
class Read:
    entries: list[Entry]
    problems: list[Problem]
    skipped: int


def entries(*rows: list[Cell]) -> Read:
    table = Table(Path("kpis.xlsx"), "KPIs", COLUMNS, 1, [(n, r) for n, r in enumerate(rows, 2)])
    tally = Entries()
    found = list(read_entries(table, MAPPING, MAY, APRIL, tally))
    return Read(
        [e for e in found if isinstance(e, Entry)],
        [p for p in found if isinstance(p, Problem)],
        tally.skipped,
    )


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
