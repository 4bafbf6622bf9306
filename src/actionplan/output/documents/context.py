"""What goes into a Performance Action Plan document: which plans to render, and the figures and
words each one shows. Pure functions of loaded indicators and a date; templates do the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.models import PLAN_SECTIONS, Indicator, Measurement, Settings
from actionplan.domain.periods import Period, month_end
from actionplan.domain.values import Status
from actionplan.judge.assessment import Assessment, assess
from actionplan.judge.coverage import Coverage
from actionplan.output.wording import figure, status_words

PLAN_HEADING = "Performance Action Plan"


@dataclass(frozen=True)
class PlanDocument:
    """One plan to render; `blank` when the RED measure has no plan yet and the departmental
    lead is given the form, pre-filled with the overview and current figures, to complete."""

    path: Path
    assessment: Assessment
    blank: bool = False

    @property
    def indicator(self) -> Indicator:
        return self.assessment.indicator


@dataclass
class Selection:
    documents: list[PlanDocument] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)
    nothing_to_render: list[str] = field(default_factory=list)  # named, but no plan to show


def select(
    files: Sequence[tuple[Path, Indicator]],
    settings: Settings,
    as_of: date,
    *,
    ids: Sequence[str] = (),
    paths: Sequence[Path] = (),
    missing: bool = False,
) -> Selection:
    """The plans to render: those named by id or file, or every plan when none is named; with
    `missing`, also a blank form for each selected RED measure that has no plan."""
    named = bool(ids or paths)
    wanted_ids = set(ids)
    wanted_paths = {p.resolve() for p in paths}
    found_ids: set[str] = set()
    selection = Selection()
    for path, indicator in files:
        by_id = indicator.id in wanted_ids
        if named and not (by_id or path.resolve() in wanted_paths):
            continue
        if by_id:
            found_ids.add(indicator.id)
        assessment = assess(indicator, settings, as_of)
        if indicator.action_plan is not None:
            selection.documents.append(PlanDocument(path, assessment))
        elif missing and assessment.plan and assessment.plan.coverage is Coverage.MISSING:
            selection.documents.append(PlanDocument(path, assessment, blank=True))
        elif named:
            selection.nothing_to_render.append(_why_nothing(indicator.id, assessment, missing))
    selection.unknown_ids = [i for i in dict.fromkeys(ids) if i not in found_ids]
    return selection


def _why_nothing(indicator_id: str, assessment: Assessment, missing: bool) -> str:
    if assessment.status is not Status.RED:
        return f"{indicator_id} has no action_plan and is {assessment.status}: no plan is needed"
    hint = "" if missing else ": --missing renders a blank form for its lead to complete"
    return f"{indicator_id} is RED and has no action_plan yet{hint}"


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def period_words(period: Period) -> str:
    """A month as "April 2014" and a run of months as "January to December 2013"; other
    periods (2014/15, 2014/15 Q3) as written, which is how councils name them."""
    start, end = period.start, period.end
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if not whole_months or "/" in period.text or "Q" in period.text:
        return period.text
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B %Y}"
    if start.year == end.year:
        return f"{start:%B} to {end:%B %Y}"
    return f"{start:%B %Y} to {end:%B %Y}"


def headline_target(indicator: Indicator, period: Period | None) -> str:
    """The target the overview shows: of the targets that hold the current period, the one for
    the widest (the annual figure, as the template gives it; in-year profile points show in the
    performance line). With no current period, the latest-ending target."""
    targets = [(p, v) for p, v in indicator.targets() if v is not None]
    if period is not None:
        targets = [(p, v) for p, v in targets if p is None or p.contains(period)]
    if not targets:
        return ""
    if period is None:
        _, value = max(targets, key=lambda t: (t[0] is None, _end(t[0]), _days(t[0])))
    else:
        _, value = max(targets, key=lambda t: (t[0] is None, _days(t[0])))
    return figure(value, indicator.unit)


def _end(period: Period | None) -> date:
    return period.end if period else date.min


def _days(period: Period | None) -> int:
    return period.days if period else 0


def measured_words(m: Measurement, unit: str) -> str:
    """ "617 for April 2014", "90 (forecast) for 2014/15", or "No figure for April 2014"."""
    when = period_words(m.period)
    if m.value is None:
        return f"No figure for {when}"
    forecast = " (forecast)" if m.forecast else ""
    return f"{figure(m.value, unit)}{forecast} for {when}"


def performance_summary(assessment: Assessment) -> str:
    """Performance this Period, written from the data: value, period, target and reporting
    date (the status is shown beside it)."""
    reading = assessment.reading
    unit = assessment.indicator.unit
    if reading is None:
        return "No figures have been recorded yet."
    m = reading.measurement
    if m.value is None:
        text = measured_words(m, unit) + "."
    else:
        text = measured_words(m, unit)
        if reading.target is not None:
            target = figure(float(reading.target), unit)
            spread = f", pro-rated from {reading.target_period or 'the annual target'}"
            text += f", against a target of {target}{spread if reading.prorated else ''}"
        text += "."
    if m.note:
        text += f" {m.note}."
    if m.reported:
        text += f" Reported {day(m.reported)}."
    return text


def context(document: PlanDocument, settings: Settings, as_of: date) -> dict[str, Any]:
    """The variables a document template sees (docs/render.md lists them for custom templates)."""
    assessment = document.assessment
    indicator = document.indicator
    plan = None if document.blank else indicator.action_plan
    reading = assessment.reading
    current = reading.measurement.period if reading else (plan.period if plan else None)
    written = (plan.performance or "").strip() if plan else ""
    m = reading.measurement if reading else None
    return {
        "organisation": settings.organisation or "",
        "id": indicator.id,
        "source": str(document.path),
        "as_of": day(as_of),
        "as_of_date": as_of,
        "blank": document.blank,
        "heading": f"{PLAN_HEADING}: {indicator.title}",
        # The template's guidance lines under each section, where the house style keeps them.
        "guidance": settings.plan_guidance,
        "indicator": indicator,
        "plan": plan,
        "title": indicator.title,
        "strategic_director_lead": indicator.strategic_director_lead or "",
        "departmental_lead": indicator.departmental_lead or "",
        "target": headline_target(indicator, current),
        "performance": written or performance_summary(assessment),
        "performance_from_data": not written,
        "status": status_words(assessment),
        "status_key": assessment.status.value.lower().replace(" ", "-"),
        "figures": {
            "period": period_words(m.period) if m else "",
            "value": figure(m.value, indicator.unit) if m else "",
            "target": figure(float(reading.target), indicator.unit)
            if reading and reading.target is not None
            else "",
            "reported": day(m.reported) if m and m.reported else "",
            "comparators": {
                name: figure(value, indicator.unit, missing="no figure")
                for name, value in ((m.comparators or {}) if m else {}).items()
            },
        },
        "sections": {
            name: ((getattr(plan, name) or "").strip() if plan else "") for name in PLAN_SECTIONS
        },
    }
