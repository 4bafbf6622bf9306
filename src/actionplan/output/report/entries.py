"""The report's entries: one indicator each, assessed at the report's date with its chart series,
Making Data Count result and drafted evidence, and the directorate (folder) it is listed under.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.values import Status
from actionplan.judge.assessment import Assessment, assess
from actionplan.judge.coverage import Coverage
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.trend import Point, indicator_spc, series
from actionplan.output.report.evidence import evidence

TOP_LEVEL = "(top level)"


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


def report_entry(
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


def coverage_words(entry: Entry) -> str:
    """Plan coverage for the scorecard: only RED measures need a plan."""
    check = entry.assessment.plan
    if check is None:
        return "not needed" if entry.indicator.action_plan is None else "plan (not needed)"
    if check.coverage is Coverage.OK:
        return "OK (cannot check overdue)" if check.overdue_unknown else "OK"
    return check.coverage.value
