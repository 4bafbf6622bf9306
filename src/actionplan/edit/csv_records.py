"""Measurements read from a spreadsheet: a plain CSV (`id,period,value`...) or a Fingertips
export, each row a record for an indicator (or a Fingertips series) or a bad row reported with
its line in the CSV. `records` matches and applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from actionplan.domain.figures import keep_written
from actionplan.domain.messages import describe
from actionplan.domain.models import FIGURES, Fingertips, Measurement
from actionplan.domain.periods import following_year
from actionplan.edit.csv_stream import Row, file_rows
from actionplan.edit.csv_stream import csv_rows as csv_rows  # the text of a manifest's rows
from actionplan.edit.csv_stream import read_csv_text as read_csv_text
from actionplan.edit.workbook import column_letter
from actionplan.errors import ActionplanError

PLAIN_REQUIRED = ("id", "period", "value")
PLAIN_OPTIONAL = ("note", "reported", "forecast", "status", "numerator", "denominator")
FINGERTIPS_REQUIRED = ("Indicator ID", "Area Code", "Time period", "Value")
FINGERTIPS_READ = (*FINGERTIPS_REQUIRED, "Sex", "Age", "Category Type", "Count", "Denominator")


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str


@dataclass(frozen=True)
class Series:
    """A Fingertips row's series: which indicator, area, sex and age it reports."""

    indicator: int
    area: str
    sex: str
    age: str

    def followed_by(self, wanted: Fingertips) -> bool:
        return (
            wanted.indicator == self.indicator
            and _same(wanted.area, self.area)
            and (wanted.sex is None or _same(wanted.sex, self.sex))
            and (wanted.age is None or _same(wanted.age, self.age))
        )


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@dataclass(frozen=True)
class Record:
    """One measurement to record, the CSV line it came from, and whom it is for."""

    line: int
    target: str | Series  # an indicator id, or the Fingertips series of the row
    measurement: Measurement


@dataclass(frozen=True)
class Given:
    """A row as read, not yet validated: its line, whom it is for, and its cells by field."""

    line: int
    target: str | Series
    data: dict[str, str]


@dataclass
class Reading:
    """A CSV's rows, read one at a time: each one given, a bad row, or None for a Fingertips
    row skipped (a breakdown, or no figure)."""

    fingertips: bool
    rows: Iterator[Given | BadRow | None]


@dataclass
class Batch:
    records: list[Record] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    skipped: int = 0  # Fingertips rows that are breakdowns or have no value
    fingertips: bool = False


# --- reading ---------------------------------------------------------------------------------


def read_csv(path: Path, fy_start: int) -> Batch:
    """Every row of the file as a measurement to record, or as a bad row, all at once: for a
    small file (a large one is read with `read_rows`, a row at a time)."""
    reading = read_rows(path)
    batch = Batch(fingertips=reading.fingertips)
    for row in reading.rows:
        if row is None:
            batch.skipped += 1
            continue
        done = row if isinstance(row, BadRow) else measured(row, fy_start)
        if isinstance(done, BadRow):
            batch.bad.append(done)
        else:
            batch.records.append(done)
    return batch


def read_rows(path: Path) -> Reading:
    """The file's header, checked now, and its rows, to be read one at a time."""
    rows = file_rows(path)
    header = next(rows, None)
    if header is None:
        raise ActionplanError(f"{path}: the file is empty: it needs a header row")
    line, names = header[0], [name.strip() for name in header[1]]
    if all(name in names for name in FINGERTIPS_REQUIRED):
        _refuse_repeated(path, line, names, [n if n in FINGERTIPS_READ else "" for n in names])
        return Reading(True, _read_fingertips(names, rows))
    return Reading(False, _read_plain(path, line, names, rows))


def measured(row: Given, fy_start: int) -> Record | BadRow:
    """The row as a measurement to record, or as a bad row saying why it cannot be one."""
    data: dict[str, Any] = dict(row.data)  # `keep_written` replaces figures in place
    try:
        measurement = Measurement.model_validate(
            keep_written(data, FIGURES), context={"fy_start": fy_start}
        )
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        return BadRow(row.line, describe(first, Measurement))
    return Record(row.line, row.target, measurement)


def _refuse_repeated(path: Path, line: int, names: list[str], keys: list[str]) -> None:
    """A column named twice is refused: each row would be read with the last one's cell."""
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key and first.setdefault(key, index) != index:
            raise ActionplanError(
                f"{path}:{line}: two columns are named {names[first[key]]!r} (columns "
                f"{column_letter(first[key])} and {column_letter(index)}): rename or remove "
                "one, so that each figure is read from one column"
            )


def _read_plain(
    path: Path, header: int, names: list[str], rows: Iterator[Row]
) -> Iterator[Given | BadRow | None]:
    keys = [name.lower().replace(" ", "_") for name in names]
    _refuse_repeated(path, header, names, keys)
    unknown = [
        n for n, k in zip(names, keys, strict=True) if k not in PLAIN_REQUIRED + PLAIN_OPTIONAL
    ]
    missing = [k for k in PLAIN_REQUIRED if k not in keys]
    if unknown or missing:
        problem = f"unknown column {unknown[0]!r}" if unknown else f"no {missing[0]!r} column"
        raise ActionplanError(
            f"{path}:{header}: {problem}: the header must name id, period and value, and may add "
            f"{', '.join(PLAIN_OPTIONAL)} (or be a Fingertips export)"
        )
    return _plain_rows(keys, rows)


def _plain_rows(keys: list[str], rows: Iterator[Row]) -> Iterator[Given | BadRow | None]:
    for line, cells in rows:
        row = dict(zip(keys, (cell.strip() for cell in cells), strict=False))
        data = {k: v for k, v in row.items() if v and k != "id"}
        if not row.get("id"):
            yield BadRow(line, "no id: each row needs the indicator's id")
        elif not row.get("value"):
            yield BadRow(line, "no value: write NA for missing data")
        else:
            yield Given(line, row["id"], data)


def _read_fingertips(names: list[str], rows: Iterator[Row]) -> Iterator[Given | BadRow | None]:
    for line, cells in rows:
        row = dict(zip(names, (cell.strip() for cell in cells), strict=False))
        if row.get("Category Type") or not row.get("Value"):
            yield None  # a breakdown (by deprivation and so on), or no figure
            continue
        try:
            series = Series(
                int(row["Indicator ID"]), row["Area Code"], row.get("Sex", ""), row.get("Age", "")
            )
        except ValueError:
            yield BadRow(line, f"Indicator ID {row['Indicator ID']!r} is not a number")
            continue
        period = fingertips_period(row["Time period"])
        if period is None:
            yield BadRow(
                line,
                f"time period {row['Time period']!r} cannot be read as one period: "
                "record it by hand with `actionplan record`",
            )
            continue
        data = {"period": period, "value": row["Value"]}
        data.update(_figures(row))
        yield Given(line, series, data)


def _figures(row: dict[str, str]) -> dict[str, str]:
    pairs = {"numerator": row.get("Count", ""), "denominator": row.get("Denominator", "")}
    return {name: text for name, text in pairs.items() if text}


MAX_SPAN = 10  # years: "2013 - 12" is a typo, not 2013..2112
_YEARS = re.compile(r"(\d{4})\s*-\s*(\d{2})")
_FINANCIAL_YEARS = re.compile(r"(\d{4})/(\d{2})\s*-\s*(\d{2})/(\d{2})")
_SINGLE = re.compile(r"\d{4}(/\d{2})?(\s*Q[1-4])?")


def fingertips_period(text: str) -> str | None:
    """A Fingertips time period as a period of the plan format; None when it is not plain:
    `2013/14` (financial year), `2013`, `2013 - 15` (2013..2015), `2013/14 - 15/16`."""
    text = " ".join(text.split())
    if _SINGLE.fullmatch(text):
        return text
    if m := _YEARS.fullmatch(text):
        first = int(m[1])
        last = following_year(first, m[2])
        return f"{first}..{last}" if 0 < last - first <= MAX_SPAN else None
    if m := _FINANCIAL_YEARS.fullmatch(text):
        first = int(m[1])
        last = following_year(first, m[3])
        if following_year(first, m[2]) != first + 1 or following_year(last, m[4]) != last + 1:
            return None
        return f"{m[1]}/{m[2]}..{last}/{m[4]}" if 0 < last - first <= MAX_SPAN else None
    return None


# --- matching and editing --------------------------------------------------------------------
