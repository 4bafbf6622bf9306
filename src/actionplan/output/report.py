"""The quarterly performance report: every indicator assessed at one date, with its chart series,
Making Data Count result, drafted evidence, its action plan when RED, and what changed since an
earlier date. A pure function of loaded indicators; `report_write` lays it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.values import Status
from actionplan.errors import Problem
from actionplan.judge.check import STATUS_ORDER, Assessment, assess
from actionplan.judge.coverage import Coverage, plan_written
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.travel import known_on
from actionplan.judge.trend import Point, indicator_spc, series
from actionplan.output.documents import PlanDocument, context
from actionplan.output.report_text import evidence

TOP_LEVEL = "(top level)"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Entry:
    """One indicator on the scorecard, with everything its row and chart show."""

    path: Path
    folder: str
    assessment: Assessment
    spc: SpcResult | SpcUnavailable
    points: list[Point]
    sentence: str

    @property
    def indicator(self) -> Indicator:
        return self.assessment.indicator

    @property
    def status(self) -> Status:
        return self.assessment.status


@dataclass(frozen=True)
class PlanException:
    """A RED measure: its plan laid out as `render` does, or none, naming its lead."""

    entry: Entry
    document: dict[str, Any] | None  # the `render` template context; None: no plan


@dataclass(frozen=True)
class Change:
    entry: Entry
    before: Status
    after: Status
    kind: str  # "new RED", "RED resolved", "status changed"


@dataclass
class Changes:
    since: date
    statuses: list[Change] = field(default_factory=list)
    plans: list[tuple[Entry, str]] = field(default_factory=list)  # (entry, "added"/"revised")


@dataclass
class Report:
    as_of: date
    organisation: str
    entries: list[Entry]
    exceptions: list[PlanException]
    changes: Changes | None
    problems: list[Problem] = field(default_factory=list)

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

    @property
    def exit_code(self) -> int:
        if self.problems:
            return 2
        return 1 if self.lacking_plans() else 0


def build_report(
    files: Sequence[tuple[Path, Indicator]],
    settings: Settings,
    as_of: date,
    *,
    roots: Sequence[Path] = (),
    since: date | None = None,
    problems: Sequence[Problem] = (),
    progress: Progress | None = None,
) -> Report:
    """Assess every indicator at `as_of` (and at `since`, for the changes), ordered by folder,
    then RED first, then title."""
    entries = []
    for number, (path, indicator) in enumerate(files, 1):
        entries.append(_entry(path, indicator, settings, as_of, roots))
        if progress:
            progress(number, len(files))
    entries.sort(key=lambda e: (e.folder, STATUS_ORDER.index(e.status), e.indicator.title))
    exceptions = [_exception(e, settings, as_of) for e in entries if e.status is Status.RED]
    changes = _changes(entries, settings, since, as_of) if since else None
    return Report(as_of, settings.organisation or "", entries, exceptions, changes, list(problems))


def _entry(
    path: Path, indicator: Indicator, settings: Settings, as_of: date, roots: Sequence[Path]
) -> Entry:
    assessment = assess(indicator, settings, as_of)
    points = series(indicator, settings, as_of)
    spc = indicator_spc(indicator, settings, as_of, points)
    sentence = evidence(assessment, points, spc, settings, as_of)
    return Entry(path, folder_of(path, roots), assessment, spc, points, sentence)


def folder_of(path: Path, roots: Sequence[Path]) -> str:
    """The directorate: the first sub-folder below the plans folder named on the command line
    that holds the file."""
    for root in roots:
        try:
            parts = path.resolve().relative_to(root.resolve()).parts
        except ValueError:
            continue
        return parts[0] if len(parts) > 1 else TOP_LEVEL
    return TOP_LEVEL


def _exception(entry: Entry, settings: Settings, as_of: date) -> PlanException:
    if entry.indicator.action_plan is None:
        return PlanException(entry, None)
    document = context(PlanDocument(entry.path, entry.assessment), settings, as_of)
    if document["performance_from_data"]:
        # The drafted evidence says more than the bare figures: gap, travel and SPC signal.
        document["performance"] = entry.sentence
    return PlanException(entry, document)


def _changes(entries: list[Entry], settings: Settings, since: date, as_of: date) -> Changes:
    """What a committee that last met on `since` has not yet seen: the indicators judged at
    both dates, and plans written or revised in between (all from the files alone)."""
    changes = Changes(since)
    for entry in entries:
        before = assess(entry.indicator, settings, since).status
        after = entry.status
        if before is not after:
            changes.statuses.append(Change(entry, before, after, _kind(before, after)))
        plan = entry.indicator.action_plan
        if plan is not None and since < plan_written(plan, entry.indicator) <= as_of:
            changes.plans.append((entry, _plan_change(entry, since)))
    changes.statuses.sort(key=lambda c: (_KINDS.index(c.kind), c.entry.indicator.title))
    return changes


_KINDS = ["new RED", "RED resolved", "status changed"]


def _kind(before: Status, after: Status) -> str:
    if after is Status.RED:
        return "new RED"
    return "RED resolved" if before is Status.RED else "status changed"


def _plan_change(entry: Entry, since: date) -> str:
    """A plan answering a figure that was already known at `since`, with a later `updated`
    date, may have existed then: revised. One answering a later figure is new."""
    plan = entry.indicator.action_plan
    assert plan is not None
    answered = [m for m in entry.indicator.measurements if m.period == plan.period]
    known_before = any(known_on(m) <= since for m in answered)
    return "revised" if plan.updated is not None and known_before else "added"


def coverage_words(entry: Entry) -> str:
    """Plan coverage for the scorecard: only RED measures need a plan."""
    check = entry.assessment.plan
    if check is None:
        return "not needed" if entry.indicator.action_plan is None else "plan (not needed)"
    if check.coverage is Coverage.OK:
        return "OK (cannot check overdue)" if check.overdue_unknown else "OK"
    return check.coverage.value
