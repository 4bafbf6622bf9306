"""What `record --csv` keeps of a spreadsheet's rows while it reads them, so that memory stays
bounded at the row limit: each file's rows as short texts rather than measurements (a million
measurements built at once took most of a gigabyte), and only the first bad rows.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator, Sequence
from typing import overload

from actionplan.edit.csv_records import BadRow, Given, Record, Series, measured

LISTED = 1000  # bad rows listed one by one; the rest are counted
# A row's cells by field, in this order; `id` is the row's target.
_FIELDS = ("period", "value", "note", "reported", "forecast", "status", "numerator", "denominator")


class BadRows:
    """The first `LISTED` bad rows by line (in the order found, within a line), and how many
    there are in all."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, BadRow]] = []  # the largest line and order on top
        self.count = 0

    def add(self, row: BadRow) -> None:
        self.count += 1
        item = (-row.line, -self.count, row)
        if len(self._heap) < LISTED:
            heapq.heappush(self._heap, item)
        elif item > self._heap[0]:
            heapq.heapreplace(self._heap, item)

    def listed(self) -> list[BadRow]:
        return [row for _, _, row in sorted(self._heap, reverse=True)]

    @property
    def unlisted(self) -> int:
        return self.count - len(self._heap)


class KeptRows(Sequence[Record]):
    """One file's rows, each checked when read (`measured`) and kept as a line of JSON; each is
    made a measurement again, one at a time, when the file is edited. A worker process is sent
    the texts, which pickle small."""

    def __init__(self, fy_start: int) -> None:
        self.fy_start = fy_start
        self.rows: list[str] = []

    def add(self, row: Given) -> None:
        target = row.target
        if isinstance(target, str):
            who: str | list[int | str] = target
        else:
            who = [target.indicator, target.area, target.sex, target.age]
        cells = [row.data.get(name, "") for name in _FIELDS]
        while cells and not cells[-1]:
            cells.pop()
        kept = [row.line, who, *cells]
        self.rows.append(json.dumps(kept, separators=(",", ":")))

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Record]: ...
    def __getitem__(self, index: int | slice) -> Record | Sequence[Record]:
        if isinstance(index, slice):
            return [self._record(text) for text in self.rows[index]]
        return self._record(self.rows[index])

    def __iter__(self) -> Iterator[Record]:
        return (self._record(text) for text in self.rows)

    def _record(self, text: str) -> Record:
        line, target, *cells = json.loads(text)
        data = {name: cell for name, cell in zip(_FIELDS, cells, strict=False) if cell}
        who = target if isinstance(target, str) else Series(*target)
        record = measured(Given(line, who, data), self.fy_start)
        if isinstance(record, BadRow):  # it was measured once already, with the same settings
            raise AssertionError(f"row {line} kept though it is bad: {record.message}")
        return record
