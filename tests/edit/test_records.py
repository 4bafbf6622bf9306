"""Records from CSV and Fingertips exports: the periods Fingertips writes, the series a row
belongs to (area, sex and age band), and a period given twice for one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.domain.models import Fingertips, Settings
from actionplan.edit.csv_records import Series, fingertips_period, read_csv
from actionplan.edit.records import assign, edit_file
from actionplan.workspace.store import IndicatorFile
from support.indicators import indicator

HEADER = (
    "Indicator ID,Indicator Name,Parent Code,Area Code,Area Name,Area Type,Sex,Age,"
    "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Count,Denominator,Value note\n"
)
PLAN = "title: A\ndirection: higher\ntarget: 10\nmeasurements:\n  - period: 2014-04\n    value: 5\n"


@pytest.mark.parametrize(
    "text",
    [
        "2013 - 13",
        "2013 - 12",
        "2013 - 25",
        "2013/14 - 13/14",
        "2013/14 - 14/16",
        "2013/15 - 14/15",
    ],
)
def test_fingertips_periods_that_are_not_a_forward_span_are_not_read(text: str) -> None:
    assert fingertips_period(text) is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2011 - 13", "2011..2013"),
        ("2013 - 23", "2013..2023"),
        ("2013/14 - 14/15", "2013/14..2014/15"),
        ("2013/14  Q1", "2013/14 Q1"),
    ],
)
def test_fingertips_spans_of_years(text: str, period: str) -> None:
    assert fingertips_period(text) == period


def smoking(area: str = "E08000015", sex: str = "Persons", age: str = "18+ yrs") -> Series:
    return Series(92443, area, sex, age)


def test_a_row_of_another_age_band_is_not_the_series_followed() -> None:
    wanted = Fingertips(indicator=92443, area="E08000015", age="18+ yrs")
    assert smoking().followed_by(wanted)
    assert not smoking(age="18-64 yrs").followed_by(wanted)


def test_a_row_of_another_sex_is_not_the_series_followed() -> None:
    wanted = Fingertips(indicator=92443, area="E08000015", sex="Persons")
    assert not smoking(sex="Female").followed_by(wanted)
    assert smoking(age="16+ yrs").followed_by(wanted)  # no age named: any band


def test_area_codes_and_bands_match_whatever_their_case() -> None:
    wanted = Fingertips(indicator=92443, area="e08000015 ", sex="persons", age="18+ YRS")
    assert smoking().followed_by(wanted)


def test_fingertips_breakdown_rows_are_skipped(tmp_path: Path) -> None:
    export = tmp_path / "ft.csv"
    export.write_text(
        HEADER
        + "92443,Smoking,E12000002,E08000015,Wirral,District,Persons,18+ yrs,,,2013/14,17.5,,,,\n"
        + "92443,Smoking,E12000002,E08000015,Wirral,District,Persons,18+ yrs,Deprivation,Most,"
        "2013/14,25,,,,\n"
    )
    batch = read_csv(export, 4)
    assert [r.measurement.value for r in batch.records] == [17.5]
    assert batch.skipped == 1


def test_plain_csv_column_names_may_be_written_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("ID,Period,Value,Reported\na,2014-05,6,2014-07-01\n")
    [record] = read_csv(path, 4).records
    assert str(record.measurement.reported) == "2014-07-01"


def test_a_duplicate_period_for_a_file_being_edited_names_the_first_row(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "a.yaml"
    plan.write_text(PLAN)
    rows = tmp_path / "in.csv"
    rows.write_text("id,period,value\na,2014-05,6\na,2014-06,7\na,2014-05,8\n")
    batch = read_csv(rows, 4)
    files = [IndicatorFile(plan, indicator(id="a"))]
    [(path, records)] = assign(batch, files).items()
    _, text, bad = edit_file((path, records, Settings(), False))
    assert text is None
    assert [(row.line, row.message) for row in bad] == [
        (4, f"{plan}: line 2 already gives 2014-05")
    ]
