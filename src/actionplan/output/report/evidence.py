"""Drafted evidence: one sentence per indicator, written only from its file's figures.

Every number in a sentence is a figure from the file (value, target, period), the gap between
two of them, or a count of points; nothing is estimated, so an officer can sign it as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.periods import Period
from actionplan.judge.assessment import Assessment
from actionplan.judge.impact import PlanImpact
from actionplan.judge.spc import SpcPoint, SpcResult, SpcUnavailable
from actionplan.judge.spc_limits import MIN_POINTS
from actionplan.judge.status import read
from actionplan.judge.travel import Travel, known_on
from actionplan.judge.trend import Point
from actionplan.output.documents.context import measured_words
from actionplan.output.plan_impact import evidence_words
from actionplan.output.wording import decimals_of, exact, figure

SPC_WORDS = {
    "common_cause": "common cause variation",
    "special_cause_improvement": "special cause improvement",
    "special_cause_concern": "special cause concern",
    "special_cause_neutral_high": "special cause (high)",
    "special_cause_neutral_low": "special cause (low)",
}
ASSURANCE_WORDS = {
    "consistent_pass": "will consistently pass the target",
    "consistent_fail": "will consistently fail the target",
    "inconsistent": "will hit and miss the target",
}
TRAVEL_WORDS = {
    Travel.IMPROVING: "improving",
    Travel.WORSENING: "worsening",
    Travel.NO_CHANGE: "unchanged",
}
# The words a run of periods is counted in, by their length in whole months.
RUN_UNITS = {1: ("month", "months"), 3: ("quarter", "quarters"), 12: ("year", "years")}


def evidence(
    assessment: Assessment,
    points: Sequence[Point],
    spc: SpcResult | SpcUnavailable,
    settings: Settings,
    as_of: date,
    impact: PlanImpact | None = None,
) -> str:
    """The figure, the target and the gap, the run short of target, the direction of travel,
    the SPC signal and, for a plan judged, whether it is working, as one sentence."""
    parts = [_figure(assessment)]
    run = _short_run(assessment, settings, as_of)
    if run:
        parts.append(run)
    travel = _travel(assessment)
    if travel:
        parts.append(travel)
    parts.append(spc_words(spc, assessment.indicator, len(points)))
    plan = assessment.indicator.action_plan
    if impact is not None and plan is not None and impact.before + impact.after:
        parts.append(evidence_words(impact, plan))  # without figures there is nothing to say
    return "; ".join(p for p in parts if p) + "."


def _figure(assessment: Assessment) -> str:
    reading = assessment.reading
    unit = assessment.indicator.unit
    if reading is None:
        return "No figures are known yet"
    m = reading.measurement
    text = measured_words(m, unit)
    if m.value is None:
        return text
    if reading.target is None:
        return text + ", with no target"
    target = figure(float(reading.target), unit)
    if reading.prorated:
        target += f" (pro-rated from the {reading.target_period or 'annual'} target)"
    return f"{text} against a target of {target}: {_gap(m.value, reading.target, unit)}"


def _gap(value: float, target: Decimal, unit: str) -> str:
    gap = exact(value) - target
    if gap == 0:
        return "on target"
    side = "above" if gap > 0 else "below"
    amount = abs(gap)
    places = decimals_of(value, target)
    # A difference of two percentages is in percentage points, not a percentage of either.
    size = (
        f"{figure(amount, 'number', decimals=places)} percentage points"
        if unit == "percent"
        else figure(amount, unit, decimals=places)
    )
    return f"{size} {side} the target"


def _short_run(assessment: Assessment, settings: Settings, as_of: date) -> str:
    """How many periods in a row, up to the latest, the figure has fallen short of its target
    (said only for two or more)."""
    reading = assessment.reading
    if reading is None or reading.measurement.forecast or reading.measurement.value is None:
        return ""
    indicator = assessment.indicator
    latest = reading.measurement
    count = 0
    later: Measurement | None = None
    for m in reversed(_alike_actuals(indicator, latest.period, as_of)):
        # A period with no figure ends the run: nothing says it fell short too.
        if not _short(indicator, m, settings) or (later and not _adjoins(m.period, later.period)):
            break
        count += 1
        later = m
    if count < 2:
        return ""
    side = "below" if indicator.direction != "lower" else "above"
    one, many = RUN_UNITS.get(latest.period.whole_months or 0, ("period", "periods"))
    return f"{side} target for {count} {many if count != 1 else one} in a row"


def _alike_actuals(indicator: Indicator, period: Period, as_of: date) -> list[Measurement]:
    months, days = period.whole_months, period.days
    return sorted(
        (
            m
            for m in indicator.measurements
            if not m.forecast
            and m.value is not None
            and known_on(m) <= as_of
            and (m.period.whole_months == months if months else m.period.days == days)
        ),
        key=lambda m: m.period.sort_key,
    )


def _adjoins(earlier: Period, later: Period) -> bool:
    return earlier.end + timedelta(days=1) == later.start


def _short(indicator: Indicator, m: Measurement, settings: Settings) -> bool:
    target = read(indicator, m, settings).target
    if target is None or m.value is None:
        return False
    value = Decimal(repr(m.value))
    return value < target if indicator.direction != "lower" else value > target


def _travel(assessment: Assessment) -> str:
    short, long = assessment.short_term, assessment.long_term
    parts = []
    if short is not None:
        parts.append(f"{TRAVEL_WORDS[short]} on the previous period")
    if long is not None:
        parts.append(f"{TRAVEL_WORDS[long]} on the same period a year earlier")
    return " and ".join(parts)


def spc_words(spc: SpcResult | SpcUnavailable, indicator: Indicator, count: int) -> str:
    """The SPC signal of the latest point, and the assurance, in words."""
    if isinstance(spc, SpcUnavailable):
        if count < MIN_POINTS:
            return f"SPC needs {MIN_POINTS} points; {count} so far"
        return "no SPC chart"
    text = SPC_WORDS[spc.variation]
    if spc.variation != "common_cause":
        run = _special_run(spc.points)
        text += f" since {run[0].period}: {_run_words(run, spc)}"
    if spc.assurance:
        text += f"; {ASSURANCE_WORDS[spc.assurance]}"
    return text


def _special_run(points: Sequence[SpcPoint]) -> list[SpcPoint]:
    """The special-cause points of the latest point's type, in a row up to it."""
    run: list[SpcPoint] = []
    for point in reversed(points):
        if point.type != points[-1].type:
            break
        run.insert(0, point)
    return run


def _run_words(run: list[SpcPoint], spc: SpcResult) -> str:
    mean = spc.segments[-1].mean
    if len(run) == 1:
        point = run[0]
        beyond = point.value > spc.upper_limit or point.value < spc.lower_limit
        where = "above" if point.value > mean else "below"
        limit = "upper" if where == "above" else "lower"
        return (
            f"a point beyond the {limit} process limit" if beyond else f"1 point {where} the mean"
        )
    if all(p.value > mean for p in run):
        return f"{len(run)} points above the mean"
    if all(p.value < mean for p in run):
        return f"{len(run)} points below the mean"
    rising = run[-1].value > run[0].value
    return f"{len(run)} points {'rising' if rising else 'falling'}"
