"""A cell of a published table, as a CSV or a workbook holds it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

CellValue = str | int | float | bool | date | time | timedelta | None


@dataclass(frozen=True)
class Cell:
    """One cell as the table holds it: text, or a number as stored."""

    value: CellValue
    percent: bool = False  # a number shown as a percentage: 53.6% is stored as 0.536
    error: bool = False  # an error the spreadsheet shows (#DIV/0!, #N/A)
    formula: str | None = None  # a formula saved with no calculated value (`=B3*2`)
    merged: str | None = None  # the merged range (`B5:B10`) whose first cell this one shows

    @property
    def blank(self) -> bool:
        if self.formula is not None:
            return False
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Cell(None)
