"""The report's "Exceptions: RED measures" section: each RED measure with its action plan laid
out as `render` lays it out (its performance in the drafted evidence's words when the plan has
none of its own), or a notice naming the lead who is to write one. Its data, its template
variables and its parts for Word and PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from actionplan.domain.models import Settings
from actionplan.output.documents.context import PlanDocument, context
from actionplan.output.documents.layout import plan_layout
from actionplan.output.documents.markdown_blocks import Run, clean
from actionplan.output.plan_impact import impact_words
from actionplan.output.report.actions import action_count_parts, action_rows, action_table_parts
from actionplan.output.report.entries import Entry, coverage_words, plan_words
from actionplan.output.report.parts import Heading, Part, Plan, Text, text_cell


@dataclass(frozen=True)
class PlanException:
    """A RED measure: its plan laid out as `render` does, or none, naming its lead."""

    entry: Entry
    document: dict[str, Any] | None  # the `render` template context; None: no plan


def plan_exception(entry: Entry, settings: Settings, as_of: date) -> PlanException:
    if entry.indicator.action_plan is None:
        return PlanException(entry, None)
    document = context(PlanDocument(entry.path, entry.assessment), settings, as_of)
    if document["performance_from_data"]:
        # The drafted evidence says more than the bare figures: gap, travel and SPC signal.
        document["performance"] = entry.sentence
    return PlanException(entry, document)


def not_yet_line(waiting: Sequence[Entry], settings: Settings) -> str:
    """How many RED measures are not exceptions yet under `plan_after`, in a line; empty
    when there are none."""
    if not waiting:
        return ""
    afters = {
        e.indicator.plan_after if e.indicator.plan_after is not None else settings.plan_after
        for e in waiting
    }
    after = afters.pop() if len(afters) == 1 else None
    rule = (
        f"after {after} RED periods in a row"
        if after
        else "after the RED periods in a row its settings ask for (plan_after)"
    )
    if len(waiting) == 1:
        return (
            f"1 more measure is RED but not yet an exception: a measure goes on this list {rule}."
        )
    return (
        f"{len(waiting)} more measures are RED but not yet exceptions: a measure goes on this "
        f"list {rule}."
    )


def exception_variables(exception: PlanException) -> dict[str, Any]:
    """The section's entry for one RED measure, as the report templates see it."""
    entry = exception.entry
    return {
        "id": entry.indicator.id,
        "title": entry.indicator.title,
        "lead": entry.indicator.departmental_lead or "",
        "coverage": coverage_words(entry),
        # Said above the plan only when it needs attention; a plan in place speaks for itself.
        "attention": "" if (said := plan_words(entry)) == "In place" else said,
        "sentence": entry.sentence,
        "plan": exception.document,
        # Whether the plan is working, said above it.
        "impact": _impact(entry),
        "actions": action_rows(entry.assessment.actions),
    }


def _impact(entry: Entry) -> str:
    plan = entry.indicator.action_plan
    if entry.impact is None or plan is None:
        return ""
    return f"Is the plan working? {impact_words(entry.impact, plan.when)}."


def exception_parts(
    exceptions: Sequence[Mapping[str, Any]],
    folders: Sequence[Mapping[str, Any]] = (),
    not_yet: str = "",
) -> list[Part]:
    # Each plan starts a page, as a committee paper prints them; the first one below the
    # section's heading.
    parts: list[Part] = [Heading("Exceptions: RED measures", 2, new_page=bool(exceptions))]
    parts += action_count_parts(folders)
    if not_yet:
        parts.append(Text(text_cell(not_yet)))
    elif not exceptions:
        parts.append(Text(text_cell("No measure is RED.")))
    for number, x in enumerate(exceptions):
        parts.append(Heading(clean(x["title"]), 3, new_page=number > 0))
        if x["plan"]:
            if x["attention"]:
                parts.append(Text(text_cell(x["attention"])))
            if x["impact"]:
                parts.append(Text(text_cell(x["impact"])))
            parts.append(Plan(plan_layout(x["plan"]).sections, str(x["plan"]["source"])))
            parts += action_table_parts(clean(x["title"]), x.get("actions", ()))
            continue
        lead = clean(x["lead"]) or "no departmental lead is named"
        notice = (
            Run("No action plan.", bold=True),
            Run(f" This RED measure has no action plan yet: {lead} to complete one."),
        )
        parts += [Text(notice, "notice"), Text(text_cell(x["sentence"]))]
    return parts
