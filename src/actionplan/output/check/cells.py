"""A check's rows in words: the value with its comparators, the target, travel, SPC and plan
coverage, and the summary line. Shared by the table, the GitHub annotations and the report."""

from __future__ import annotations

from actionplan.domain.values import Status
from actionplan.judge.assessment import Assessment, Row
from actionplan.judge.spc import SpcResult
from actionplan.judge.travel import Travel
from actionplan.output.wording import figure, status_words

TITLE_WIDTH = 40

TRAVEL_MARK = {
    Travel.IMPROVING: "improving",
    Travel.WORSENING: "worsening",
    Travel.NO_CHANGE: "no change",
}


def describe_target(assessment: Assessment) -> str:
    reading = assessment.reading
    if reading is not None and reading.missing_trajectory:
        return "- (no trajectory point)"
    unit = assessment.indicator.unit
    if reading is not None and reading.range is not None:  # the range, not the edge judged by
        low, high = reading.range.low, reading.range.high
        return f"{figure(low, unit, '?')} to {figure(high, unit, '?')}"
    if reading is None or reading.target is None:
        return "-"
    text = figure(float(reading.target), unit)
    if reading.prorated:
        return f"{text} (pro-rated from {reading.target_period or 'annual'})"
    return text


def describe_value(assessment: Assessment) -> str:
    """The figure, with its comparators and, beside a forecast, the latest actual."""
    reading = assessment.reading
    if reading is None:
        return "-"
    unit = assessment.indicator.unit
    m = reading.measurement
    text = figure(m.value, unit, missing="NA")
    if m.comparators:
        text += (
            " ("
            + "; ".join(f"{k} {figure(v, unit, missing='NA')}" for k, v in m.comparators.items())
            + ")"
        )
    actual = assessment.actual
    if actual is not None:
        shown = figure(actual.measurement.value, unit, missing="NA")
        text += f"; actual {shown} at {actual.measurement.period}"
    return text


def describe_travel(assessment: Assessment) -> str:
    short = TRAVEL_MARK.get(assessment.short_term, "-") if assessment.short_term else "-"
    long = TRAVEL_MARK.get(assessment.long_term, "-") if assessment.long_term else "-"
    return f"{short} / {long}"


def describe_plan(assessment: Assessment) -> str:
    plan = assessment.plan
    if plan is None:
        return "-" if assessment.indicator.action_plan is None else "plan (not needed)"
    if plan.overdue_unknown:
        return f"{plan.coverage} (cannot check overdue)"
    return plan.coverage.value


SPC_WORDS = {
    "common_cause": "common cause",
    "special_cause_improvement": "improvement",
    "special_cause_concern": "concern",
    "special_cause_neutral_high": "neutral high",
    "special_cause_neutral_low": "neutral low",
    "consistent_pass": "pass",
    "consistent_fail": "fail",
    "inconsistent": "hit and miss",
}


def describe_spc(row: Row) -> str:
    """Variation / assurance in a few words; "-" where there is no chart."""
    if not isinstance(row.spc, SpcResult):
        return "-"
    assurance = SPC_WORDS[row.spc.assurance] if row.spc.assurance else "-"
    return f"{SPC_WORDS[row.spc.variation]} / {assurance}"


def shown(row: Row, show_all: bool) -> bool:
    a = row.assessment
    return (
        show_all or a.status in (Status.RED, Status.AMBER) or bool(a.reading and a.reading.mismatch)
    )


def table_cells(row: Row) -> list[str]:
    a = row.assessment
    m = a.reading.measurement if a.reading else None
    title = a.indicator.title
    if len(title) > TITLE_WIDTH:
        title = title[: TITLE_WIDTH - 1].rstrip() + "…"
    return [
        a.indicator.id,
        title,
        "-" if m is None else str(m.period) + (" (stale)" if a.stale else ""),
        describe_value(a),
        describe_target(a),
        status_words(a),
        describe_travel(a),
        describe_spc(row),
        describe_plan(a),
    ]
