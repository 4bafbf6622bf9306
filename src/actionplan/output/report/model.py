"""The quarterly performance report: every indicator assessed at one date, with its chart series,
Making Data Count result, drafted evidence, its action plan when RED, and what changed since an
earlier date. A pure function of loaded indicators; `variables` gives it to the templates and
`layout` lays it out for Word and PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.values import Status
from actionplan.errors import Problem
from actionplan.judge.assessment import STATUS_ORDER
from actionplan.output.report.changes import Changes, History, find_changes
from actionplan.output.report.entries import Entry, folder_name, report_entry
from actionplan.output.report.exceptions import PlanException, not_yet_line, plan_exception

Progress = Callable[[int, int], None]


@dataclass
class Report:
    as_of: date
    organisation: str
    entries: list[Entry]
    exceptions: list[PlanException]
    changes: Changes | None
    problems: list[Problem] = field(default_factory=list)
    folder_names: dict[str, str] = field(default_factory=dict)  # folder -> the name shown
    not_yet: str = ""  # the RED measures `plan_after` keeps off the exceptions, in a line

    def counts(self, entries: Sequence[Entry] | None = None) -> dict[str, int]:
        """Indicators by status, in the order statuses are reported (BLUE only when used)."""
        found = Counter(e.status for e in (self.entries if entries is None else entries))
        order = [s for s in STATUS_ORDER if s is not Status.BLUE or found[Status.BLUE]]
        return {s.value: found[s] for s in order}

    def folders(self) -> dict[str, list[Entry]]:
        grouped: dict[str, list[Entry]] = {}
        for entry in sorted(self.entries, key=lambda e: e.folder):
            grouped.setdefault(entry.folder, []).append(entry)
        return grouped

    def red(self) -> list[Entry]:
        return [e for e in self.entries if e.status is Status.RED]

    def lacking_plans(self) -> list[Entry]:
        return [e for e in self.entries if e.assessment.needs_plan]

    def lacking_lines(self) -> list[str]:
        """Why the report exits 1, for stderr, as `check` says it: the RED measures lacking a
        current, complete plan, then plans to complete on measures with no status yet."""
        lacking = self.lacking_plans()
        red = [e for e in lacking if e.status is Status.RED]
        others = [e for e in lacking if e.status is not Status.RED]
        lines = []
        if red:
            count = f"{len(red)} of {len(self.red())}"
            lines.append(f"RED measures lacking a current, complete plan ({count}):")
            lines += map(_lacking_line, red)
        if others:
            lines.append(f"Plans to complete ({len(others)}):")
            lines += map(_lacking_line, others)
        return lines

    @property
    def exit_code(self) -> int:
        if self.problems:
            return 2
        return 1 if self.lacking_plans() else 0


def _lacking_line(entry: Entry) -> str:
    check = entry.assessment.plan
    said = f"{check.coverage.value}: {check.detail}" if check else ""
    return f"  {entry.path}: {entry.indicator.id} {said}"


def build_report(
    files: Sequence[tuple[Path, Indicator]],
    settings: Settings,
    as_of: date,
    *,
    roots: Sequence[Path] = (),
    since: date | None = None,
    history: History | None = None,
    problems: Sequence[Problem] = (),
    progress: Progress | None = None,
) -> Report:
    """Assess every indicator at `as_of` (and at `since`, for the changes), ordered by folder,
    then RED first, then title."""
    entries = []
    for number, (path, indicator) in enumerate(files, 1):
        entries.append(report_entry(path, indicator, settings, as_of, roots))
        if progress:
            progress(number, len(files))
    entries.sort(key=lambda e: (e.folder, STATUS_ORDER.index(e.status), e.indicator.title))
    # With `plan_after: N`, a RED measure is an exception (and needs a plan) only once it has
    # been RED N periods in a row: the judge then gives it a plan check.
    red = [e for e in entries if e.status is Status.RED]
    exceptions = [plan_exception(e, settings, as_of) for e in red if e.assessment.plan]
    waiting = [e for e in red if e.assessment.plan is None]
    changes = find_changes(entries, settings, since, as_of, history) if since else None
    names = {e.folder: folder_name(e.folder, settings) for e in entries}
    return Report(
        as_of,
        settings.organisation or "",
        entries,
        exceptions,
        changes,
        list(problems),
        names,
        not_yet_line(waiting, settings),
    )
