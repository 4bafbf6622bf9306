"""`record --table` on councils' own published KPI tables, as CSV and as a workbook, with only
a hand-written settings file: the council's statuses and RED list come out as published.

Sources (publisher, title, address, table) are quoted in tests/fixtures/tables/README.md:
Bracknell Forest's "Quarterly updates on key performance indicators" for quarter 4 2024/25,
Maidstone's "First Quarter Performance Monitoring" 2023/24, Housing & Health, and
Northumberland's "NCC Current Performance Report" of 19 October 2024, Public Protection.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.support.workbooks import write_workbook
from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()
TABLES = Path(__file__).parents[1] / "fixtures" / "tables"

BRACKNELL = TABLES / "bracknell-2024-25-q4.csv"
BRACKNELL_SETTINGS = "financial_year_start: 4\ntolerance: {green: 5%, amber: 10%}\n"
BRACKNELL_MAPS = (
    "id=Indicator",
    "title=Description",
    "directorate=Directorate",
    "previous=Last period",
    "value=This period",
    "target=Target",
    "status=Status",
    "trend=Trend",
)

MAIDSTONE = TABLES / "maidstone-2023-24-q1-housing.csv"
MAIDSTONE_SETTINGS = (
    "financial_year_start: 4\n"
    "tolerance: 10%\n"
    "statuses:\n"
    "  Target met: GREEN\n"
    "  Target slightly missed (within 10%): AMBER\n"
    "  Target not achieved: RED\n"
    "  Data Only: BLUE\n"
)
MAIDSTONE_MAPS = ("title=Performance Indicator", "value=Value", "target=Target", "status=Status")
NORTHUMBERLAND = TABLES / "northumberland-2024-10-public-protection.csv"
NORTHUMBERLAND_SETTINGS = "financial_year_start: 4\n"  # Red whenever the target is missed
NORTHUMBERLAND_MAPS = (
    "title=Measure",
    "unit=Unit",
    "value=Current Performance",
    "target=Current Target",
    "status=Performance Status",
)
CONSULTATIONS = "number-of-responses-to-planning-consultations-made-within-21"
FOOD_VISITS = "percentage-of-food-plan-visits-achieved-against-expected-in"

PREVENTION = "percentage-of-successful-prevention-duty-outcomes"
PREVENTED = "number-of-households-prevented-or-relieved-from-becoming"  # cut at 60
RELIEF = "percentage-of-successful-relief-duty-outcomes"
PSH = "number-of-private-sector-homes-improved-through-psh"
ANNUAL = "number-of-completed-housing-assistances"


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    folder.mkdir()
    return folder


def as_given(source: Path, kind: str) -> Path:
    """The table as downloaded (CSV), or its rows in a workbook, every cell as text."""
    if kind == "csv":
        return source
    book = Path(source.stem + ".xlsx")
    with source.open(encoding="utf-8") as rows:
        write_workbook(book, [[cell or None for cell in row] for row in csv.reader(rows)])
    return book


def record(table: Path, period: str, maps: tuple[str, ...], *extra: str) -> tuple[int, str, str]:
    args = ["record", "--table", str(table), "--period", period, "--create", *extra]
    for item in maps:
        args += ["--map", item]
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def check(as_of: str) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["check", "--as-of", as_of, "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return {row["id"]: row for row in json.loads(result.stdout)["indicators"]}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bracknell_table_with_trend_words_and_no_direction_column(plans: Path, kind: str) -> None:
    """Bracknell Forest, quarter 4 2024/25: nine rows, one Red (care leavers NEET, 53.1 %
    against 35 %). Each new file's direction comes from the trend words: school admission
    appeals upheld fell from 20 % to 0 % "Getting better", so lower is better."""
    (plans / "actionplan.yaml").write_text(BRACKNELL_SETTINGS)
    code, out, err = record(as_given(BRACKNELL, kind), "2024/25 Q4", BRACKNELL_MAPS)
    assert code == 0, err
    assert "9 rows for 2024/25 Q4: 9 files created" in out
    assert (
        "1.1.2.PI: direction: lower, inferred from the table: 'Getting better' from 20% in "
        "2024/25 Q3 to 0% in 2024/25 Q4 means lower is better." in err
    )
    assert "1.1.4.PI: direction: higher, inferred from the table: 'Getting worse'" in err
    rows = check("2025-03-31")
    published = {i: row["published_status"] for i, row in rows.items()}
    assert published == {i: "GREEN" for i in published} | {"1.2.1.KR": "RED"}
    assert {i for i, row in rows.items() if row["status"] == "RED"} == {"1.2.1.KR"}
    assert not [i for i, row in rows.items() if row["status_mismatch"]]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_maidstone_table_of_titles_words_and_annual_indicators(plans: Path, kind: str) -> None:
    """Maidstone, Q1 2023/24 Housing & Health: no id column (ids are the titles' slugs), its
    own status words, blank targets and "Annual Indicator" for a figure not due (NO DATA,
    never 0). Two Green rows say nothing about direction: refused by name without
    --direction, listed with it. RED: private sector homes improved, 39 against 45."""
    (plans / "actionplan.yaml").write_text(MAIDSTONE_SETTINGS)
    table = as_given(MAIDSTONE, kind)
    code, _, err = record(table, "2023/24 Q1", MAIDSTONE_MAPS)
    assert code == 2
    refused = [line for line in err.splitlines() if "not whether higher or lower" in line]
    assert len(refused) == 2
    assert PREVENTION in refused[0] and "--direction higher|lower" in refused[0]
    assert PREVENTED in refused[1]
    assert not list(plans.rglob("*.yaml"))[1:]  # only the settings: nothing was written

    code, out, err = record(table, "2023/24 Q1", MAIDSTONE_MAPS, "--direction", "higher")
    assert code == 0, err
    assert "10 rows for 2023/24 Q1: 10 files created" in out
    given = [line for line in err.splitlines() if "from --direction" in line]
    assert [PREVENTION in given[0], PREVENTED in given[1], len(given)] == [True, True, 2]
    assert f"{RELIEF}: direction: higher, inferred from the table: AMBER" in err
    assert (
        "measurements:\n  - period: 2023/24 Q1\n    value: NA\n"
        in (plans / f"{ANNUAL}.yaml").read_text()
    )
    rows = check("2023-06-30")
    assert {i: row["published_status"] for i, row in rows.items() if row["target"]} == {
        PREVENTION: "GREEN",
        PREVENTED: "GREEN",
        RELIEF: "AMBER",
        PSH: "RED",
    }
    assert {i for i, row in rows.items() if row["status"] == "RED"} == {PSH}
    assert not [i for i, row in rows.items() if row["status_mismatch"]]
    assert rows[ANNUAL]["status"] == "NO DATA"


def test_match_title_finds_the_files_a_table_of_titles_created(plans: Path) -> None:
    """Maidstone's next quarter names its rows by title again: `--match title` finds last
    quarter's files, whatever the ids they were given."""
    (plans / "actionplan.yaml").write_text(MAIDSTONE_SETTINGS)
    (plans / "homes.yaml").write_text(
        "title: Number of private sector homes improved (through PSH interventions)\n"
        "direction: higher\n"
    )
    Path("q.csv").write_text(
        "Performance Indicator,Value,Target,Status\n"
        "number of private sector homes improved (through PSH interventions),39,45,"
        "Target not achieved\n"
    )
    maps = [a for m in MAIDSTONE_MAPS for a in ("--map", m)]
    args = ["record", "--table", "q.csv", "--period", "2023/24 Q1", "--match", "title", *maps]
    code = runner.invoke(app, args).exit_code
    assert code == 0
    assert "value: 39\n    status: RED\n" in (plans / "homes.yaml").read_text()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_northumberland_table_of_colour_words_with_a_unit_column(plans: Path, kind: str) -> None:
    """Northumberland, 19 October 2024, Public Protection, the rows for August 2024: status
    words in a "Performance Status" column, a unit column ("Percentage"), no id or direction
    column. Food plan visits, 11 % against 16 %, is Red, which shows higher is better; the
    planning consultations' Green (92.2 % against 75 %) shows nothing, so --direction says."""
    (plans / "actionplan.yaml").write_text(NORTHUMBERLAND_SETTINGS)
    table = as_given(NORTHUMBERLAND, kind)
    code, out, err = record(table, "2024-08", NORTHUMBERLAND_MAPS, "--direction", "higher")
    assert code == 0, err
    assert "2 rows for 2024-08: 2 files created" in out
    assert f"{FOOD_VISITS}: direction: higher, inferred from the table: RED" in err
    assert f"{CONSULTATIONS}: direction: higher, from --direction" in err
    assert "unit: percent\n" in (plans / f"{FOOD_VISITS}.yaml").read_text()
    rows = check("2024-10-19")
    assert {i: row["published_status"] for i, row in rows.items()} == {
        CONSULTATIONS: "GREEN",
        FOOD_VISITS: "RED",
    }
    assert {i for i, row in rows.items() if row["status"] == "RED"} == {FOOD_VISITS}
    assert not [i for i, row in rows.items() if row["status_mismatch"]]


BRACKNELL_NEET = (
    "Indicator,Description,Directorate,Last period,This period,Target,Status,Trend\n"
    "1.2.1.KR,Care leavers (19-21yrs) NEET,People,53.6%,53.1%,35%,Red,{trend}\n"
)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_trend_and_status_that_disagree_on_direction_refuse_the_row(plans: Path, kind: str) -> None:
    """Bracknell Forest's care leavers NEET row (53.6 % to 53.1 % against 35 %, Red) with its
    trend cell mistyped "Getting worse": the fall would mean higher is better, the Red short
    of 35 % that lower is. The row is refused naming the row, both columns and their cells,
    and nothing is written."""
    (plans / "actionplan.yaml").write_text(BRACKNELL_SETTINGS)
    source = Path("neet.csv")
    source.write_text(BRACKNELL_NEET.format(trend="Getting worse"))
    code, _, err = record(as_given(source, kind), "2024/25 Q4", BRACKNELL_MAPS)
    assert code == 2
    cells = {
        "csv": ("neet.csv:2", "neet.csv:2"),
        "xlsx": ("neet.xlsx:KPIs!H2", "neet.xlsx:KPIs!G2"),
    }
    trend_cell, status_cell = cells[kind]
    assert f"{trend_cell}: 1.2.1.KR: the trend and the status disagree" in err
    assert "column 'Trend' says 'Getting worse' from 53.6% in 2024/25 Q3" in err
    assert f"column 'Status' ({status_cell}) says 'Red', RED for 2024/25 Q4" in err
    assert not (plans / "1.2.1.KR.yaml").exists()

    source.write_text(BRACKNELL_NEET.format(trend="Getting better"))  # as published
    code, _, err = record(as_given(source, kind), "2024/25 Q4", BRACKNELL_MAPS)
    assert code == 0, err
    assert "direction: lower\n" in (plans / "people" / "1.2.1.KR.yaml").read_text()


def test_the_tables_direction_column_wins_over_the_direction_option(plans: Path) -> None:
    """Bracknell Forest's school admission appeals upheld (20 % to 0 % against 20 %, Green),
    with a direction column saying Lower: --direction higher decides only rows the table
    does not, so the file says lower and the row is not listed as given by --direction."""
    (plans / "actionplan.yaml").write_text(BRACKNELL_SETTINGS)
    Path("appeals.csv").write_text(
        "Indicator,Description,Directorate,Last period,This period,Target,Status,Trend,Aim\n"
        "1.1.2.PI,School admission appeals upheld,Communities,20%,0%,20%,Green,,Lower\n"
    )
    maps = (*BRACKNELL_MAPS, "direction=Aim")
    code, _, err = record(Path("appeals.csv"), "2024/25 Q4", maps, "--direction", "higher")
    assert code == 0, err
    assert "direction: lower\n" in (plans / "communities" / "1.1.2.PI.yaml").read_text()
    assert "from --direction" not in err
