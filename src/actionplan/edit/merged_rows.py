"""Merged ranges laid over a sheet's rows as they stream past: every cell of a range shows its
first cell's value, as the spreadsheet shows it, and says which range it is in, so that reading
it can be noted. A row the sheet leaves out because only merged ranges cover it is made up from
them, so that it is read rather than passed over in silence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from actionplan.edit.cells import EMPTY, Cell
from actionplan.edit.sheet_xml import Merged

Row = tuple[int, list[Cell]]


class Spread:
    def __init__(self, merged: list[Merged], columns: int) -> None:
        self._pending = sorted(
            (m for m in merged if m.first_column <= columns), key=lambda m: m.first_row
        )
        self._next = 0
        self._active: list[Merged] = []
        self._tops: dict[str, Cell] = {}  # the first cell of each range begun
        self._columns = columns
        self._last = 0  # the last row laid

    def rows(self, number: int, cells: list[Cell]) -> Iterator[Row]:
        """The rows left out before row `number` that ranges cover, then that row, each with
        the ranges laid over it."""
        yield from self._between(number)
        self._advance(number)
        self._lay(number, cells)
        self._last = max(self._last, number)
        yield number, cells

    def rest(self) -> Iterator[Row]:
        """The rows ranges cover below the sheet's last row."""
        yield from self._between(None)

    def _between(self, stop: int | None) -> Iterator[Row]:
        number = self._last + 1
        while stop is None or number < stop:
            self._advance(number)
            if not self._active:
                if self._next >= len(self._pending):
                    return
                number = max(number + 1, self._pending[self._next].first_row)
                continue
            cells = [EMPTY] * self._columns
            self._lay(number, cells)
            self._last = number
            yield number, cells
            number += 1

    def _advance(self, number: int) -> None:
        while self._next < len(self._pending) and self._pending[self._next].first_row <= number:
            self._active.append(self._pending[self._next])
            self._next += 1
        if any(m.last_row < number for m in self._active):
            for ended in (m for m in self._active if m.last_row < number):
                self._tops.pop(ended.ref, None)
            self._active = [m for m in self._active if m.last_row >= number]

    def _lay(self, number: int, cells: list[Cell]) -> None:
        for merged in self._active:
            if number == merged.first_row:
                self._tops[merged.ref] = cells[merged.first_column - 1]
            top = self._tops.get(merged.ref, EMPTY)
            for column in range(merged.first_column, min(merged.last_column, self._columns) + 1):
                if (number, column) != (merged.first_row, merged.first_column):
                    cells[column - 1] = replace(top, merged=merged.ref)
