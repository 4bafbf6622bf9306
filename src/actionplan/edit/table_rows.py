"""The rows of a published table as entries to record: the `--map FIELD=COLUMN` mapping, and each
cell read as the table writes it. Figures follow the one strict rule of `domain.figures`
(`19,625`, `53.6%`, `n/a`; `4,6` is an error, never 46); a workbook cell formatted as a
percentage (Excel stores 53.6% as 0.536) is read as the 53.6 it shows, as its CSV export would
write it. A row that cannot be read is a problem at its cell; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from pydantic import ValidationError

from actionplan.domain.figures import whole_or_float, written
from actionplan.domain.messages import describe
from actionplan.domain.models import Measurement
from actionplan.domain.periods import Period
from actionplan.domain.values import Direction, Status, Unit, parse_status
from actionplan.edit.cells import EMPTY, Cell
from actionplan.edit.table_mapping import FIELDS, Mapping
from actionplan.edit.table_words import TableWords, split_unit, unit_word
from actionplan.edit.tables import Table
from actionplan.edit.title_ids import title_slug

__all__ = ["FIELDS", "Entries", "Entry", "Mapping", "Problem", "read_entries"]

_HIGHER = ("higher", "high", "bigger", "larger", "up")
_LOWER = ("lower", "low", "smaller", "down")
_MISSING_ADVICE = (
    "write the figure, or a word for no figure (n/a, TBC), or add this word to "
    "`missing_words:` in actionplan.yaml"
)


@dataclass(frozen=True)
class Problem:
    """A row that cannot be recorded, at the cell a person should look at."""

    row: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Entry:
    """One row of the table as what to record for one indicator."""

    row: int
    where: str  # the row's id cell
    id: str
    measurement: Measurement
    previous: Measurement | None = None
    target: float | None = None
    title: str | None = None
    directorate: str | None = None
    direction: Direction | None = None
    percent: bool = False  # the figures are written as percentages
    cells: dict[str, str] = field(default_factory=dict)  # where each field's cell is
    unit: Unit | None = None  # from a unit column, or written after the figures
    trend: str | None = None  # the table's trend words (`Getting better`)
    id_from_title: bool = False  # the id is the title's slug
    columns: dict[str, str] = field(default_factory=dict)  # each field's column, as headed
    status_word: str | None = None  # the status cell as written (`Target met`)


@dataclass
class Entries:
    """What reading a table's rows found besides each entry and problem, which are handed on
    one at a time (a table's rows are never all held at once)."""

    read: int = 0  # rows read as entries
    skipped: int = 0  # headings and notes between the rows
    notes: dict[str, str] = field(default_factory=dict)  # by merged range: how it was read


class BadCell(ValueError):
    def __init__(self, column: int, message: str) -> None:
        super().__init__(message)
        self.column = column


def read_entries(
    table: Table,
    mapping: Mapping,
    period: Period,
    previous: Period | None,
    tally: Entries,
    words: TableWords | None = None,
) -> Iterator[Entry | Problem]:
    """Every row of the table as an entry or a problem; a heading is skipped and counted."""
    index = {name: table.index(column) for name, column in mapping.columns.items()}
    if mapping.ids_from_titles:
        index["id"] = index["title"]
    said = words or TableWords()
    for number, cells in table.rows:
        if sum(not cell.blank for cell in cells) < 2:
            tally.skipped += 1  # a heading ("Adult Social Care") or a note under the table
            continue
        row = _Row(table, number, cells, index, said, mapping.ids_from_titles)
        _note_merged(table, row, tally)
        try:
            entry = row.entry(period, previous)
        except BadCell as error:
            yield Problem(number, table.where(number, error.column), str(error))
            continue
        tally.read += 1
        yield entry


def _note_merged(table: Table, row: _Row, tally: Entries) -> None:
    for name in row.index:
        cell = row.cell(name)
        if cell.merged and not cell.blank and cell.merged not in tally.notes:
            first = cell.merged.split(":")[0]
            tally.notes[cell.merged] = (
                f"{table.area(cell.merged)}: merged cells: each row is read as {first}, the "
                "value the range shows"
            )


@dataclass(frozen=True)
class _Row:
    table: Table
    number: int
    cells: list[Cell]
    index: dict[str, int]
    words: TableWords
    slugs: bool  # ids are made from the titles

    def cell(self, name: str) -> Cell:
        at = self.index.get(name)
        return self.cells[at] if at is not None and at < len(self.cells) else EMPTY

    def fail(self, name: str, message: str) -> BadCell:
        column = self.table.columns[self.index[name]]
        return BadCell(self.index[name], f"{column}: {message}")

    def entry(self, period: Period, previous: Period | None) -> Entry:
        indicator = self.text("id")
        if indicator is None:
            raise self.fail("id", "no id: each row needs the indicator's id")
        if self.slugs:
            indicator = title_slug(indicator)
            if not indicator:
                raise self.fail("title", "the title has no letter or digit to make an id of")
        value, unit = self.figure("value")
        measurement = self.measurement(period, value, self.status(), self.text("note"))
        earlier = None
        if previous is not None and not self.cell("previous").blank:
            earlier = self.measurement(previous, self.figure("previous")[0], None, None)
        target, target_unit = self.figure("target")
        if target == 0 and self.words.zero_target_is_none:
            target = None  # the council writes 0 where there is no target
        unit = self.unit() or unit or target_unit
        return Entry(
            self.number,
            self.table.where(self.number, self.index["id"]),
            indicator,
            measurement,
            earlier,
            target,
            self.text("title"),
            self.text("directorate"),
            self.direction(),
            unit == "percent",
            {name: self.table.where(self.number, at) for name, at in self.index.items()},
            unit,
            self.text("trend"),
            self.slugs,
            {name: self.table.columns[at] for name, at in self.index.items()},
            self.text("status"),
        )

    def text(self, name: str) -> str | None:
        cell = self.cell(name)
        self.calculated(name, cell)
        if cell.blank:
            return None
        value = cell.value
        if isinstance(value, float):
            return str(whole_or_float(value))  # an id typed as a number: 101, not 101.0
        return " ".join(str(value).split()) if name in ("id", "directorate") else str(value).strip()

    def figure(self, name: str) -> tuple[float | None, Unit | None]:
        """The figure in the field's cell (None: missing, as `n/a` or `TBC` say), and the unit
        the cell shows (a percentage format, `%`, `£`, `days`)."""
        cell = self.cell(name)
        self.calculated(name, cell)
        value = cell.value
        unit: Unit | None = "percent" if cell.percent else None
        if isinstance(value, str):
            if self.words.is_missing(value):
                return None, None
            value, unit = split_unit(value)
        if cell.error:
            raise self.fail(
                name,
                f"the cell shows {value}, an error in the spreadsheet: correct it, or "
                "write NA for a missing figure",
            )
        if isinstance(value, bool | date | time | timedelta):
            raise self.fail(name, f"{value} is not a figure: the cell holds a date or true/false")
        if cell.percent and isinstance(value, int | float):
            value = float(Decimal(repr(value)) * 100)  # exact: 0.536 is 53.6, not 53.6000001
        try:
            number = written(value)  # kept as the table writes it: 1e23, 12.50
        except ValueError as error:
            advice = "" if any(c.isdigit() for c in str(value)) else f"; {_MISSING_ADVICE}"
            raise self.fail(name, f"{error}{advice}") from None
        return number, unit

    def unit(self) -> Unit | None:
        text = self.text("unit")
        if text is None or self.words.is_missing(text):
            return None
        unit = unit_word(text)
        if unit is None:
            raise self.fail("unit", f"{text!r} is not a unit: write %, days, £ or number")
        return unit

    def calculated(self, name: str, cell: Cell) -> None:
        """Refuses a formula saved without its value: what it shows is not known."""
        if cell.formula is not None:
            formula = cell.formula if len(cell.formula) <= 40 else cell.formula[:39] + "…"
            raise self.fail(
                name,
                f"the cell holds a formula ({formula}) with no calculated value, as a program "
                "that does not calculate formulas saves it: open the workbook in Excel or "
                "LibreOffice and save it, so that each formula's value is stored with it",
            )

    def status(self) -> Status | None:
        text = self.text("status")
        if text is None:
            return None
        try:
            return parse_status(text, self.words.statuses)
        except ValueError as error:
            if self.words.is_missing(text):
                return None
            raise self.fail("status", str(error)) from None

    def direction(self) -> Direction | None:
        text = self.text("direction")
        if text is None:
            return None
        first = text.lower().split()[0]
        if first in _HIGHER:
            return "higher"
        if first in _LOWER:
            return "lower"
        raise self.fail("direction", f"{text!r} is not a direction: write Higher or Lower")

    def measurement(
        self, period: Period, value: float | None, status: Status | None, note: str | None
    ) -> Measurement:
        data = {"period": period, "value": value, "status": status, "note": note}
        try:
            return Measurement.model_validate({k: v for k, v in data.items() if v is not None})
        except ValidationError as error:  # a note too long or the like: say which
            first = error.errors(include_url=False)[0]
            raise BadCell(self.index["id"], describe(first, Measurement)) from None
