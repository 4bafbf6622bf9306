"""A checked file as the check's printers print it: text, numbers and flags only.

Worked out where the file is judged (`app.check_file`, in a worker process for large trees) and kept
in the results cache, so a later run prints an unchanged file without reading, validating or
judging it, and without loading the models at all: this module and the printers import
nothing heavy. The file's path is not part of what is kept (the same file may be named
differently from another folder): it is joined in when the row is printed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from actionplan.domain.statuses import ACTION_STATUS_ORDER, STATUS_ORDER, Status
from actionplan.domain.words import plural
from actionplan.errors import Problem
from actionplan.output.terminal import json_safe

_RANK = {status.value: rank for rank, status in enumerate(STATUS_ORDER)}


class Judged(NamedTuple):
    """One indicator as checked at a date. `path` is filled in when it is printed."""

    path: str
    id: str
    status: str
    needs_plan: bool
    stale: bool
    mismatch: bool
    overdue_unknown: bool
    line: int  # where to edit: the RED measurement or its plan (1 when not needed)
    coverage: str  # the plan's coverage for a RED measure, else ""
    detail: str
    words: str  # the status with what qualifies it (as published, forecast...)
    cells: tuple[str, ...]  # the table's cells
    json_head: str  # the JSON object up to its path, and from after it
    json_tail: str
    spc: bool  # SPC was worked out (the cells and JSON hold it)
    bare: bool  # a target but no tolerance of its own
    id_line: int  # where its `id:` is, for a duplicate
    id_column: int
    findings: tuple[tuple[int, int, str], ...]  # problems judging shows: (line, column, message)
    left_out: tuple[str, ...] = ()  # figures not known at the date, each as a note says it
    notes: tuple[str, ...] = ()  # other notes on the file: targets not reachable as it stands
    actions: tuple[int, ...] = ()  # its plan's actions: GREEN, AMBER, RED, COMPLETED counts

    @property
    def shown(self) -> bool:
        """Listed by the table without --all: RED, AMBER, or not as published."""
        return self.status in ("RED", "AMBER") or self.mismatch

    @property
    def order(self) -> tuple[int, str]:
        return _RANK[self.status], self.id

    def kept(self) -> tuple[tuple[object, ...], tuple[str, str]]:
        """What the results cache keeps of a row: all but its path, and apart, its JSON (read
        back only by a run that prints JSON)."""
        bare = self._replace(json_head="", json_tail="")
        return tuple(bare)[1:], (self.json_head, self.json_tail)

    @classmethod
    def from_kept(cls, path: str, kept: tuple[object, ...], json: tuple[str, str] | None) -> Judged:
        """A row from what the cache kept (its JSON empty where it was not read)."""
        if json is None:
            return cls(path, *kept)  # type: ignore[arg-type]
        return cls(path, *kept[:_JSON_AT], *json, *kept[_JSON_AT + 2 :])  # type: ignore[arg-type, call-arg]

    def json_line(self) -> str:
        path = json_safe(json.dumps(self.path, ensure_ascii=False))
        return f'{self.json_head}, "path": {path}, {self.json_tail}'


# Where the JSON's two parts are among what the cache keeps of a row (all but its path).
_JSON_AT = Judged._fields.index("json_head") - 1
assert Judged._fields[_JSON_AT + 2] == "json_tail"


def has_wanted_spc(row: Judged, mode: str) -> bool:
    """A kept row serves this run: it holds SPC wherever this output shows it."""
    return row.spc or mode == "none" or (mode == "shown" and not row.shown)


@dataclass
class CheckReport:
    """What the check's printers print: every row, problems and notes."""

    as_of: date
    rows: list[Judged] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    since: dict[str, object] | None = None  # what changed since a committee (--since), for JSON

    @property
    def exit_code(self) -> int:
        if self.problems:
            return 2
        return 1 if any(row.needs_plan for row in self.rows) else 0

    def action_counts(self) -> dict[str, int]:
        """Every plan's actions by status, in the order councils publish them."""
        counts = {status.value: 0 for status in ACTION_STATUS_ORDER}
        for row in self.rows:
            for status, count in zip(counts, row.actions, strict=False):
                counts[status] += count
        return counts

    def counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for row in self.rows:
            counts[row.status] += 1
        return counts


def summary_line(result: CheckReport) -> str:
    counts = result.counts()
    parts = ", ".join(
        f"{counts[s.value]} {s.value}" for s in Status if s is not Status.BLUE or counts[s.value]
    )
    stale = sum(1 for r in result.rows if r.stale)
    mismatches = sum(1 for r in result.rows if r.mismatch)
    text = f"{plural(len(result.rows), 'indicator')} as of {result.as_of}: {parts}; {stale} stale"
    if mismatches:
        statuses = plural(mismatches, "published status", "published statuses")
        text += f"; {statuses} {'differs' if mismatches == 1 else 'differ'} from computed"
    actions = result.action_counts()
    if any(actions.values()):
        counted = ", ".join(f"{n} {status}" for status, n in actions.items())
        text += f"; {plural(sum(actions.values()), 'action')}: {counted}"
    if result.problems:
        text += f"; {plural(len(result.problems), 'problem')} in files"
    return text
