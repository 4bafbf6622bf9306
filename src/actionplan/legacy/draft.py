"""A template document as an indicator's data: every field kept, the figures, periods and
direction read where the document states or implies them, the rest listed for a person.

Nothing that cannot be read stops the import: a figure without its period stays in the
`performance` text, a plan without its period is written without one (`check` then asks for it),
and a target without a direction is kept as a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from actionplan.domain.periods import Period
from actionplan.domain.values import Direction
from actionplan.legacy.action_values import read_actions
from actionplan.legacy.fields import LegacyDocument, LegacyError
from actionplan.legacy.figures import (
    Context,
    Figure,
    Performance,
    annual_key,
    read_figure,
    read_performance,
)
from actionplan.legacy.html import to_markdown, to_text
from actionplan.legacy.inference import Year, document_year, infer_direction
from actionplan.legacy.notes import Note

_TEXT_FIELDS = {
    "non_compliance_reason": "Non-compliance reason",
    "what": "What (is required)",
    "how": "How (will it be achieved)",
    "who": "Who (will be responsible)",
    "when": "When (will results be realised)",
}
GIVE_YEAR = "rerun with --year or --period, or give them in the manifest"


@dataclass(frozen=True)
class Facts:
    """What the user says about a document, on the command line or in the manifest: it stands
    in for what the document leaves out, and `direction` overrides what it implies."""

    context: Context = field(default_factory=Context)
    direction: Direction | None = None
    id: str | None = None


@dataclass
class Draft:
    """An indicator read from a document, before it is written."""

    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)  # what needs a person
    inferred: list[str] = field(default_factory=list)  # what was read between the lines
    commented_target: Any = None  # the target, kept as a comment while direction is unknown

    def note(self, topic: str, text: str) -> None:
        self.notes.append(Note(topic, text))


def build_draft(document: LegacyDocument, facts: Facts) -> Draft:
    title = _one_line(document, "title")
    if not title:
        raise LegacyError(
            f"{document.source}: no indicator title ('Indicator Title' row): it names the plan "
            "file, so add it to the document"
        )
    draft = Draft({"title": title}, list(document.notes))
    for name in ("strategic_director_lead", "departmental_lead"):
        if value := _one_line(document, name):
            draft.data[name] = value
    context = facts.context
    performance = read_performance(to_text(document.value("performance")), context)
    draft.notes.extend(performance.notes)
    target_text = to_text(document.value("target"))
    target_figure = read_figure(target_text) if target_text else None
    figures = (target_figure, performance.figure, performance.forecast, performance.profile_target)
    _set_unit(draft, [f for f in figures if f is not None])
    direction, unknown = _direction(draft, performance, target_figure, facts.direction)
    if direction is not None:
        draft.data["direction"] = direction
    target = _target(draft, target_text, target_figure, performance, context)
    if target is not None:
        if direction is None:
            draft.commented_target = target
            draft.note(
                "direction",
                f"whether higher or lower is better is not stated, nor implied ({unknown}): set "
                "`direction: higher` or `direction: lower`, then uncomment `target`",
            )
        else:
            draft.data["target"] = target
    draft.note("frequency", "frequency not stated: set `frequency` (monthly, quarterly or annual)")
    year = document_year(performance, context, to_text(document.value("when")))
    measurements = _measurements(draft, performance, year)
    if measurements:
        draft.data["measurements"] = measurements
    projected = year.period if year is not None and performance.forecast is not None else None
    period = _plan_period(draft, performance, projected)
    draft.data["action_plan"] = _action_plan(draft, document, period)
    if document.action_tables:
        actions, notes = read_actions(document.action_tables, context.fy_start, document.source)
        draft.notes.extend(notes)
        if actions:
            draft.data["action_plan"]["actions"] = actions
    return draft


def _one_line(document: LegacyDocument, name: str) -> str:
    return " ".join(to_text(document.value(name)).split())


def _set_unit(draft: Draft, figures: list[Figure]) -> None:
    """The unit the figures are written in ("10%", "9.5 days"), when they agree on one."""
    units = list(dict.fromkeys(figure.unit for figure in figures if figure.unit))
    if len(units) > 1:
        draft.note(
            "unit",
            f"the figures are written in different units ({', '.join(units)}): set `unit`",
        )
    elif units:
        draft.data["unit"] = units[0]
        if units[0] == "percent" and not all(figure.percent for figure in figures):
            draft.note("unit", "some figures are percentages and some are not: check `unit`")
    elif figures:
        draft.note(
            "unit", "unit not stated: set `unit` (count, rate, days, currency) for these figures"
        )


def _direction(
    draft: Draft, performance: Performance, target: Figure | None, given: Direction | None
) -> tuple[Direction | None, str]:
    """The direction given, else the one the document's RED figures imply (said in the
    header), with why none is implied; a given direction the figures contradict is noted."""
    inference = infer_direction(performance, target)
    if given is None:
        if inference.direction is not None:
            draft.inferred.append(inference.reason)
        return inference.direction, inference.evidence
    if inference.direction not in (None, given):
        draft.note(
            "direction",
            f"`direction: {given}` was given, but {inference.evidence}, which in a plan for a "
            f"RED measure means {inference.direction} is better: check it",
        )
    return given, inference.evidence


def _target(
    draft: Draft,
    text: str,
    figure: Figure | None,
    performance: Performance,
    context: Context,
) -> Any:
    if text and figure is None:
        draft.note("target", f"target {text!r} is not a single figure: set `target` by hand")
    if not text:
        draft.note(
            "target", "no target in the document: set `target` and `direction`, if it has one"
        )
    profile, period = performance.profile_target, performance.period
    if profile is None or period is None:
        if profile is not None:
            annual = f", and the target {figure} is written for every period" if figure else ""
            draft.note(
                "target",
                f"the {performance.profile_month} target {profile} was not kept{annual}: their "
                f"year is not stated ({GIVE_YEAR})",
            )
        return figure.as_yaml() if figure else None
    targets = CommentedMap()
    if figure is not None:
        year = annual_key(period, context)
        targets[str(year)] = figure.as_yaml()
        if context.year is None:
            draft.note(
                "target", f"the target {figure.as_yaml()} is taken as the {year} target: check it"
            )
    targets[str(period)] = profile.as_yaml()
    return targets


def _measurements(draft: Draft, performance: Performance, year: Year | None) -> list[Any]:
    """The actual figure, when its period is known; the projected year-end figure, as a
    forecast for the year the document is about, when that is known."""
    found: list[Any] = []
    if performance.figure is not None and performance.period is not None:
        actual: dict[str, Any] = {
            "period": str(performance.period),
            "value": performance.figure.as_yaml(),
        }
        if performance.note:
            actual["note"] = performance.note
        if performance.reported is not None:
            actual["reported"] = str(performance.reported)
        found.append(actual)
    forecast = performance.forecast
    if forecast is None:
        return found
    if year is None:
        draft.note(
            "forecast",
            f"the projected year-end figure {forecast} is kept in the `performance` text only: "
            f"the year it projects is not stated ({GIVE_YEAR})",
        )
        return found
    if not year.source.startswith("the performance"):
        draft.inferred.append(
            f"the projected year-end figure {forecast} is recorded as the forecast for "
            f"{year.period}, the year read from {year.source}"
        )
    found.append({"period": str(year.period), "value": forecast.as_yaml(), "forecast": True})
    return found


def _plan_period(draft: Draft, performance: Performance, projected: Period | None) -> Period | None:
    """The period the plan answers: that of its performance figure, else the year of its
    recorded forecast; else none, and `check` asks for it."""
    if performance.period is not None:
        return performance.period
    if projected is not None:
        draft.inferred.append(
            f"the plan is taken to answer {projected}, the year of its projected year-end figure"
        )
        return projected
    draft.note(
        "period",
        "the period this plan answers is not stated: set `action_plan.period` to the RED period "
        f"it answers ({GIVE_YEAR})",
    )
    return None


def _action_plan(draft: Draft, document: LegacyDocument, period: Period | None) -> dict[str, Any]:
    plan: dict[str, Any] = {}
    if period is not None:
        plan["period"] = str(period)
    if text := to_text(document.value("performance")):
        plan["performance"] = text
    for name, label in _TEXT_FIELDS.items():
        text = to_markdown(document.value(name))
        if text:
            plan[name] = f"{text}\n" if "\n" in text else text
        elif name in document.fields:
            draft.note(name, f"'{label}' is empty in the document: fill in `{name}`")
        else:
            draft.note(name, f"no '{label}' in the document: fill in `{name}`")
    return plan
