"""Whether a plan is working, in a committee's words: the reading, the periods and statuses since
the plan, and whether its results were due. Shared by the report's summary table, its
exceptions and the drafted evidence; every number is a count of the file's figures or a date it
gives."""

from __future__ import annotations

from typing import Any

from actionplan.domain.models import ActionPlan
from actionplan.domain.words import plural
from actionplan.judge.impact import PlanImpact
from actionplan.output.documents.context import day, period_words

READING = {
    "improving": "Improving",
    "worsening": "Worsening",
    "no change yet": "No change yet",
    "too early": "Too early to tell",
    "too few before": "Cannot be judged yet",
}
FLAG = "for the committee: results were due and the figures show no improvement"


def reading_words(impact: PlanImpact) -> str:
    """The reading with what it rests on: the signal, or why there is none yet."""
    head = READING[impact.verdict]
    if impact.verdict in ("improving", "worsening"):
        kind = "improvement" if impact.verdict == "improving" else "concern"
        return (
            f"{head}: special cause {kind} from {impact.since}, against limits from the "
            f"{plural(impact.before, 'period')} before the plan"
        )
    if impact.verdict == "no change yet":
        return (
            f"{head}: common cause variation since the plan, against limits from the "
            f"{plural(impact.before, 'period')} before it"
        )
    if impact.verdict == "too early":
        # A committee reads how many periods a sustained change needs; the rule set that
        # sets the number is in the JSON (`rules`) and in the report's SPC key.
        return (
            f"{head}: {plural(impact.after, 'period')} since the plan; {impact.needed} are "
            "needed to show a sustained change"
        )
    return f"{head}: {plural(impact.before, 'period')} before the plan; its limits need 12"


def since_words(impact: PlanImpact) -> str:
    """ "6 periods since: 2 GREEN, 4 RED"."""
    counts = ", ".join(f"{count} {status}" for status, count in impact.statuses)
    since = f"{plural(impact.after, 'period')} since"
    return f"{since}: {counts}" if counts else since


def due_words(impact: PlanImpact, when: str | None) -> str:
    """Whether the results the plan promised were due at the date."""
    if impact.due is None:
        return f"results due: {when}" if when else "no date for results given"
    verb = "were" if impact.due_passed else "are"
    return f"results {verb} due by {day(impact.due.end)}"


def impact_words(impact: PlanImpact, when: str | None) -> str:
    """The whole reading, as one sentence's parts joined."""
    parts = [reading_words(impact), since_words(impact), due_words(impact, when)]
    if impact.flagged:
        parts.append(FLAG)
    return "; ".join(parts)


def evidence_words(impact: PlanImpact, plan: ActionPlan) -> str:
    """The clause the drafted evidence ends with; the plan is named by the date the file gives
    it (`updated`), else by the period it answers."""
    reading = READING[impact.verdict].lower()
    if plan.updated is not None or plan.period is None:
        which = f"of {day(impact.written)}"
    else:
        which = f"for {period_words(plan.period)}"
    return f"since the action plan {which}: {reading} ({since_words(impact)})"


def impact_row(title: str, impact: PlanImpact, when: str | None) -> dict[str, Any]:
    """One row of the report's "Are the plans working?" table."""
    return {
        "title": title,
        "written": day(impact.written),
        "reading": READING[impact.verdict],
        "why": reading_words(impact).split(": ", 1)[1],
        "since": since_words(impact),
        "due": due_words(impact, when),
        "flagged": impact.flagged,
        "flag": FLAG if impact.flagged else "",
        "words": impact_words(impact, when),
    }
