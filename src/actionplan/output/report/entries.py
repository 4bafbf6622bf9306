"""The report's entries: one indicator each, assessed at the report's date with the figures its
chart shows, its SPC series and Making Data Count result, drafted evidence, and the directorate
(folder) it is listed under.
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
from actionplan.judge.impact import PlanImpact, plan_impact
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.status import period_target
from actionplan.judge.trend import Point, indicator_spc, known_actuals, series
from actionplan.judge.triage import Triage, triage
from actionplan.output.documents.context import day, period_words
from actionplan.output.report.evidence import evidence

TOP_LEVEL = "."  # the folder of plans at the top of the tree, as `folder_names` keys it
ALL_INDICATORS = "All indicators"  # the top's name when the settings give none


@dataclass(frozen=True)
class Entry:
    """One indicator on the scorecard, with everything its row and chart show."""

    path: Path
    folder: str
    assessment: Assessment
    spc: SpcResult | SpcUnavailable
    points: list[Point]  # the SPC series: each period's own figure
    sentence: str
    # The figures as reported, which the chart shows: for a year-to-date indicator the running
    # totals the scorecard shows, not the SPC series' own figures.
    reported: list[Point]
    impact: PlanImpact | None = None  # whether its action plan is working
    triage: Triage | None = None  # the reading of a RED or AMBER measure

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
    impact = plan_impact(indicator, settings, as_of, points)
    sentence = evidence(assessment, points, spc, settings, as_of, impact)
    reported = year_to_date(indicator, settings, as_of) if indicator.cumulative else points
    folder = folder_of(path, roots)
    read = triage(assessment, spc)
    return Entry(path, folder, assessment, spc, points, sentence, reported, impact, read)


def year_to_date(indicator: Indicator, settings: Settings, as_of: date) -> list[Point]:
    """A year-to-date indicator's actuals as reported, oldest first, each with the target it is
    judged against (pro-rated where a count is): the periods as long as the latest one's."""
    actuals = known_actuals(indicator, as_of)
    if not actuals:
        return []
    length = actuals[-1].period.whole_months, actuals[-1].period.days
    points = []
    for m in actuals:
        months = m.period.whole_months
        if months != length[0] or (months is None and m.period.days != length[1]):
            continue
        target = period_target(indicator, m, settings)[1]
        points.append(Point(m.period, m.value or 0.0, None if target is None else float(target)))
    return points


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


def folder_name(folder: str, settings: Settings) -> str:
    """The name a committee reads for a folder: the settings' `folder_names`, else the folder's
    name in title case (`adult-social-care`: Adult Social Care); the top of the tree is the
    organisation's name."""
    named = settings.folder_names.get(folder)
    if named:
        return named
    if folder == TOP_LEVEL:
        return settings.organisation or ALL_INDICATORS
    words = folder.replace("-", " ").replace("_", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or folder


# Plan coverage as a committee reads it; `check` keeps the officer's words (MISSING, OVERDUE).
COVERAGE_WORDS = {
    Coverage.MISSING: "none yet",
    Coverage.STALE: "out of date",
    Coverage.INCOMPLETE: "incomplete",
    Coverage.OVERDUE: "overdue",
    Coverage.OK: "in place",
}
SECTION_WORDS = {
    "non_compliance_reason": "the reason",
    "what": "what is required",
    "how": "how it will be achieved",
    "who": "who is responsible",
    "when": "when results will be realised",
}


def coverage_words(entry: Entry) -> str:
    """Plan coverage for the scorecard: only RED measures need a plan."""
    check = entry.assessment.plan
    if check is None:
        return "not needed"
    return COVERAGE_WORDS[check.coverage]


def plan_words(entry: Entry) -> str:
    """What a RED measure's plan lacks, in a committee's words: no file, key or command."""
    check = entry.assessment.plan
    plan = entry.indicator.action_plan
    lead = entry.indicator.departmental_lead or "no departmental lead named"
    if check is None or check.coverage is Coverage.OK:
        return "In place"
    if check.coverage is Coverage.MISSING or plan is None:
        return f"No action plan yet (lead: {lead})"
    if check.coverage is Coverage.OVERDUE and check.due is not None:
        when = f" ({plan.when})" if plan.when and plan.when != str(check.due) else ""
        return (
            f"Overdue: results were due by {day(check.due.end)}{when} and the measure is "
            f"still RED (lead: {lead})"
        )
    if check.coverage is Coverage.STALE and plan.period is not None:
        return (
            f"Out of date: it answers {period_words(plan.period)}, before this RED run began "
            f"(lead: {lead})"
        )
    empty = [SECTION_WORDS.get(name, name) for name in plan.empty_sections()]
    missing = ", ".join(empty) if plan.period is not None else "which period it answers"
    return f"Incomplete: it does not yet say {missing} (lead: {lead})"
