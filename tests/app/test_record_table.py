"""`record --table`: four quarters of a published KPI table into the plans, then `check`.

The tables are laid out as councils publish their quarterly performance tables with committee
papers (Bracknell Forest's Quarterly Service Reports, Havering's Corporate Performance
Reports): a title above the header, one row per indicator with its reference, description,
directorate, last quarter's and this quarter's figures, the target, a RAG status and a trend,
and a heading row per directorate. The indicators are of the kinds those reports carry (NI 181
benefit processing days, NI 192 household waste recycled, NI 155 affordable homes, NI 117 NEET,
library visits); the figures and statuses are made up for the test, chosen so that each case
occurs: targets that change every quarter, a status column renamed from `Status` to `RAG
status` (and `This quarter` to `This period`) in later quarters, a revised earlier figure, two
new indicators, and two published statuses that the figures do not give.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()

HEADER = ["Ref", "Indicator", "Directorate", "Last quarter", "This quarter", "Target", "Status"]
RESOURCES = "Resources"
ENVIRONMENT = "Environment, Culture & Communities"
CHILDREN = "Children, Young People & Learning"
HOUSING = "Adult Social Care, Health & Housing"

NI181 = "Time taken to process Housing Benefit new claims and change events (days)"
NI192 = "Household waste sent for reuse, recycling and composting"
NI155 = "Number of affordable homes delivered (gross)"
L178 = "Households in bed and breakfast accommodation at quarter end"
NI117 = "16 to 18 year olds not in education, employment or training (NEET)"
L030 = "Visits to libraries"
ENV12 = "Missed bin collections per 100,000 collections"


class Pct(float):
    """A workbook cell formatted as a percentage: 0.396 shows as 39.6%."""


# Quarter by quarter: ref, title, directorate, last quarter, this quarter, target, status.
Q1 = [
    ("NI181", NI181, RESOURCES, "14.2", "12.8", "14", "Green"),
    ("NI192", NI192, ENVIRONMENT, "41.5%", "38.2%", "40%", "Green"),  # the figures give AMBER
    ("NI155", NI155, HOUSING, "52", "31", "40", "Red"),
    ("L178", L178, HOUSING, "9", "14", "10", "Red"),
    ("NI117", NI117, CHILDREN, "5.9%", "6.8%", "5.5%", "Red"),  # new: --create
    ("L030", L030, ENVIRONMENT, "121,960", "117,204", "120,000", "Amber"),
]
Q2 = [
    ("NI181", NI181, RESOURCES, "12.8", "15.9", "14", "Red"),
    ("NI192", NI192, ENVIRONMENT, "38.2%", "43.0%", "42%", "Green"),
    ("NI155", NI155, HOUSING, "31", "44", "40", "Green"),
    ("L178", L178, HOUSING, "14", "10", "10", "Green"),
    ("NI117", NI117, CHILDREN, "6.8%", "n/a", "5.5%", ""),  # the figure is not out yet
    ("L030", L030, ENVIRONMENT, "117,204", "118,364", "120,000", "Amber"),
]
Q3 = [
    ("NI181", NI181, RESOURCES, 15.7, 13.1, 13.5, "Green"),  # Q2 revised from 15.9
    ("NI192", NI192, ENVIRONMENT, Pct(0.43), Pct(0.396), Pct(0.41), "Amber"),
    ("NI155", NI155, HOUSING, 44, 52, 60, "Red"),
    ("L178", L178, HOUSING, 10, 11, 10, "Red"),
    ("NI117", NI117, CHILDREN, "n/a", Pct(0.061), Pct(0.055), "Red"),
    ("L030", L030, ENVIRONMENT, 118364, 123410, 120000, "Green"),
    ("ENV12", ENV12, ENVIRONMENT, None, 52, 50, "Amber"),  # new this quarter: --create
]
Q4 = [
    ("NI181", NI181, RESOURCES, 13.1, 12.2, 13, "Green"),
    ("NI192", NI192, ENVIRONMENT, Pct(0.396), Pct(0.441), Pct(0.43), "Green"),
    ("NI155", NI155, HOUSING, 52, 71, 80, "Red"),
    ("L178", L178, HOUSING, 11, 8, 10, "Green"),
    ("NI117", NI117, CHILDREN, Pct(0.061), Pct(0.056), Pct(0.055), "Green"),  # figures: AMBER
    ("L030", L030, ENVIRONMENT, 123410, 119020, 120000, "Amber"),
    ("ENV12", ENV12, ENVIRONMENT, 52, 49, 50, "Green"),
]

# The files the council already keeps, written by hand, with comments and their own layout.
NI181_FILE = """\
# Benefits: figures from the monthly processing extract, validated by the team leader.
title: Time taken to process Housing Benefit new claims and change events
departmental_lead: Head of Revenue Services
unit: days
frequency: quarterly
direction: lower
target:
  2013/14: 15     # last year's annual target
measurements:
  - period: 2013/14 Q3
    value: 14.9   # validated
"""
FILES = {
    "resources/NI181.yaml": NI181_FILE,
    "environment/NI192.yaml": (
        f"title: {NI192}\nunit: percent\nfrequency: quarterly\ndirection: higher\n"
    ),
    "housing/NI155.yaml": f"title: {NI155}\nunit: count\ndirection: higher\nmeasurements: []\n",
    "housing/L178.yaml": (
        f"title: {L178}\nunit: count\ndirection: lower\n"
        "measurements:\n  - {period: 2013/14 Q3, value: 8}\n"
    ),
    "environment/L030.yaml": f"title: {L030}\nunit: count\ndirection: higher\n",
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\ntolerance: 5%\n")
    for name, text in FILES.items():
        (plans / name).parent.mkdir(exist_ok=True)
        (plans / name).write_text(text)
    return plans


def write_csv(path: Path, quarter: str, header: list[str], rows: list[tuple[object, ...]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow([f"Corporate Performance Overview, {quarter}"])
        writer.writerow([])
        writer.writerow([*header, "Trend"])
        for directorate in (RESOURCES, ENVIRONMENT, CHILDREN, HOUSING):
            writer.writerow([directorate])  # a heading row, as published
            for row in rows:
                if row[2] == directorate:
                    writer.writerow([*row, "Improving"])
    return path


def write_xlsx(path: Path, quarter: str, header: list[str], rows: list[tuple[object, ...]]) -> Path:
    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Cover"
    cover["A1"] = f"Quarterly Service Report, {quarter}"
    sheet = book.create_sheet("KPIs")
    sheet.append([f"Corporate Performance Overview, {quarter}"])
    sheet.append([])
    sheet.append([*header, "Trend"])
    for directorate in (RESOURCES, ENVIRONMENT, CHILDREN, HOUSING):
        sheet.append([directorate])
        for row in rows:
            if row[2] != directorate:
                continue
            sheet.append([float(v) if isinstance(v, Pct) else v for v in row] + ["Improving"])
            for column, value in enumerate(row, start=1):
                if isinstance(value, Pct):
                    sheet.cell(sheet.max_row, column).number_format = "0.0%"
    book.save(path)
    return path


def record(table: Path, period: str, *extra: str, **columns: str) -> tuple[int, str, str]:
    maps = {
        "id": "Ref",
        "title": "Indicator",
        "directorate": "Directorate",
        "previous": "Last quarter",
        "value": "This quarter",
        "target": "Target",
        "status": "Status",
        **columns,
    }
    args = ["record", "--table", str(table), "--period", period, "--create", *extra]
    for name, column in maps.items():
        args += ["--map", f"{name}={column}"]
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def check(as_of: str) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["check", "--as-of", as_of, "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return {row["id"]: row for row in json.loads(result.stdout)["indicators"]}


def red(rows: dict[str, dict[str, object]]) -> set[str]:
    return {i for i, row in rows.items() if row["status"] == "RED"}


def mismatched(rows: dict[str, dict[str, object]]) -> dict[str, tuple[object, object]]:
    return {
        i: (row["published_status"], row["computed_status"])
        for i, row in rows.items()
        if row["status_mismatch"]
    }


def test_four_quarters_of_a_published_table_then_check_shows_each_quarters_red_rows(
    tree: Path,
) -> None:
    q1 = write_csv(Path("kpis-2014-15-q1.csv"), "Quarter 1 2014/15", HEADER, Q1)
    code, out, err = record(q1, "2014/15 Q1")
    assert code == 0, err
    assert out.strip() == (
        "kpis-2014-15-q1.csv: 6 rows for 2014/15 Q1: 5 files updated, 1 file created; "
        "4 rows skipped (headings and notes)"
    )
    q2 = write_csv(Path("kpis-2014-15-q2.csv"), "Quarter 2 2014/15", HEADER, Q2)
    code, _, err = record(q2, "2014/15 Q2")
    assert code == 0, err

    # Quarter 3 comes as a workbook, its status column renamed; NI181's Q2 figure was revised.
    renamed = [*HEADER[:-1], "RAG status"]
    q3 = write_xlsx(Path("kpis-2014-15-q3.xlsx"), "Quarter 3 2014/15", renamed, Q3)
    code, _, err = record(q3, "2014/15 Q3", "--sheet", "KPIs", status="RAG status")
    assert code == 2
    assert err.splitlines() == [
        "kpis-2014-15-q3.xlsx:KPIs!D5: plans/resources/NI181.yaml: 2014/15 Q2 already has "
        "value 15.9, the table gives 15.7: use --replace to overwrite it",
        "1 bad row: nothing was recorded",
    ]
    assert not Path("plans/environment-culture-communities").exists()
    code, out, err = record(q3, "2014/15 Q3", "--sheet", "KPIs", "--replace", status="RAG status")
    assert code == 0, err
    assert "6 files updated, 1 file created" in out

    q4_header = ["Ref", "Indicator", "Directorate", "Last period", "This period", "Target"]
    q4 = write_xlsx(
        Path("kpis-2014-15-q4.xlsx"), "Quarter 4 2014/15", [*q4_header, "RAG status"], Q4
    )
    code, _, err = record(
        q4,
        "2014/15 Q4",
        "--sheet",
        "KPIs",
        previous="Last period",
        value="This period",
        status="RAG status",
    )
    assert code == 0, err

    # Each quarter's published RED rows, as check shows them at the quarter's end.
    for as_of, rows in (("2014-06-30", Q1), ("2014-09-30", Q2), ("2014-12-31", Q3)):
        assert red(check(as_of)) == {row[0] for row in rows if row[6] == "Red"}, as_of
    assert red(check("2015-03-31")) == {"NI155"}
    # A published status the figures do not give is flagged, with both.
    assert mismatched(check("2014-06-30")) == {"NI192": ("GREEN", "AMBER")}
    assert mismatched(check("2014-09-30")) == {}
    assert mismatched(check("2014-12-31")) == {}
    assert mismatched(check("2015-03-31")) == {"NI117": ("GREEN", "AMBER")}
    table = runner.invoke(app, ["check", "--as-of", "2015-03-31", "--no-cache"]).stdout
    assert "GREEN (as published; the figures give AMBER)" in table

    # The hand-written file keeps every line as it was; the four quarters are added around them.
    assert (tree / "resources" / "NI181.yaml").read_text() == NI181_FILE.replace(
        "  2013/14: 15     # last year's annual target\n",
        "  2013/14: 15     # last year's annual target\n"
        "  2014/15 Q1: 14\n  2014/15 Q2: 14\n  2014/15 Q3: 13.5\n  2014/15 Q4: 13\n",
    ) + (
        "  - period: 2013/14 Q4\n    value: 14.2\n"
        "  - period: 2014/15 Q1\n    value: 12.8\n    status: GREEN\n"
        "  - period: 2014/15 Q2\n    value: 15.7\n    status: RED\n"
        "  - period: 2014/15 Q3\n    value: 13.1\n    status: GREEN\n"
        "  - period: 2014/15 Q4\n    value: 12.2\n    status: GREEN\n"
    )
    # Flow-style measurements stay flow style; percentages from the workbook are the figures
    # the table shows (0.396 formatted as % is 39.6).
    assert (
        "  - {period: 2014/15 Q4, value: 8, status: GREEN}\n"
        in (tree / "housing" / "L178.yaml").read_text()
    )
    ni192 = (tree / "environment" / "NI192.yaml").read_text()
    assert (
        "target:\n  2014/15 Q1: 40\n  2014/15 Q2: 42\n  2014/15 Q3: 41\n  2014/15 Q4: 43\n" in ni192
    )
    assert "  - period: 2014/15 Q3\n    value: 39.6\n    status: AMBER\n" in ni192


def test_new_indicators_are_written_in_their_directorate_with_the_direction_the_status_shows(
    tree: Path,
) -> None:
    q1 = write_csv(Path("q1.csv"), "Quarter 1 2014/15", HEADER, Q1)
    assert record(q1, "2014/15 Q1")[0] == 0
    assert (tree / "children-young-people-learning" / "NI117.yaml").read_text() == (
        "# yaml-language-server: $schema=../actionplan.schema.json\n"
        "# Written by `actionplan record --table` from q1.csv.\n"
        "# direction: lower, inferred from the table: RED for 2014/15 Q1 with 6.8% against a "
        "target of 5.5%\n# means lower is better.\n"
        f"title: {NI117}\nunit: percent\nfrequency: quarterly\ndirection: lower\n"
        "target:\n  2014/15 Q1: 5.5\n"
        "measurements:\n"
        "  - period: 2013/14 Q4\n    value: 5.9\n"
        "  - period: 2014/15 Q1\n    value: 6.8\n    status: RED\n"
    )


def test_a_table_read_twice_changes_nothing(tree: Path) -> None:
    q1 = write_csv(Path("q1.csv"), "Quarter 1 2014/15", HEADER, Q1)
    assert record(q1, "2014/15 Q1")[0] == 0
    before = {p: p.read_bytes() for p in tree.rglob("*.yaml")}
    code, out, _ = record(q1, "2014/15 Q1")
    assert code == 0
    assert "6 files already up to date" in out
    assert {p: p.read_bytes() for p in tree.rglob("*.yaml")} == before
