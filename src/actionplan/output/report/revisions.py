"""The report's "Figures, targets and plans revised" list, under "Changes since": what changed
in the files since the committee last met, read from the plans' history in git, in words a
committee reads ("2014/15 Q2: 43% reported on 12 November 2014, now 41%")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from actionplan.domain.models import Indicator
from actionplan.domain.periods import Period
from actionplan.judge.restated import Changed, Restated, Revision, revision
from actionplan.output.documents.context import day
from actionplan.output.report.entries import Entry
from actionplan.output.report.parts import Bullets, Heading, Part, Text, text_cell
from actionplan.output.wording import figure

TARGETS_NAMED = 4  # a profile of more targets is given by its first ones and a count

SECTION_NAMES = {
    "period": "the period it answers",
    "performance": "performance",
    "non_compliance_reason": "the reason for non-compliance",
    "what": "what is required",
    "how": "how it will be achieved",
    "who": "who is responsible",
    "when": "when results are expected",
}


def find_revisions(
    entries: Sequence[Entry], then: Mapping[str, Indicator], since: date
) -> list[tuple[Entry, list[str]]]:
    """Each indicator whose file changed since `since` in a way a committee should hear of,
    with one sentence a change."""
    found = []
    for entry in entries:
        before = then.get(entry.indicator.id)
        if before is None:
            continue
        changes = revision(before, entry.indicator, since)
        if changes:
            found.append((entry, revision_lines(changes, entry.indicator.unit)))
    return found


def revision_lines(changes: Revision, unit: str) -> list[str]:
    lines = [_restated(r, unit) for r in changes.restated]
    lines += [_changed(c, unit) for c in changes.changed]
    if changes.plan_sections:
        sections = ", ".join(SECTION_NAMES[name] for name in changes.plan_sections)
        lines.append(f"Action plan rewritten: {sections}")
    return lines


def _restated(r: Restated, unit: str) -> str:
    was = figure(r.before.value, unit)
    if r.before.reported is not None:
        was += f" reported on {day(r.before.reported)}"
    if r.after is None:
        return f"{r.period}: {was}, since taken out"
    return f"{r.period}: {was}, now {figure(r.after.value, unit, 'no figure')} (restated)"


def _changed(c: Changed, unit: str) -> str:
    if c.key == "target":
        return f"Target was {_targets(c.before, unit)}, now {_targets(c.after, unit)}"
    if c.key == "tolerance":
        return f"Tolerance was {c.before or 'none'}, now {c.after or 'none'}"
    return f"Better is now {c.after or 'not stated'} (was {c.before or 'not stated'})"


def _targets(targets: object, unit: str) -> str:
    pairs: list[tuple[Period | None, float | Decimal | None]] = list(targets)  # type: ignore[call-overload]
    if not pairs:
        return "none"
    if len(pairs) == 1 and pairs[0][0] is None:
        return figure(pairs[0][1], unit, "none")
    shown = [f"{p}: {figure(v, unit, 'none')}" for p, v in pairs[:TARGETS_NAMED]]
    more = len(pairs) - TARGETS_NAMED
    return "; ".join(shown) + (f" and {more} more" if more > 0 else "")


def revisions_variables(
    revisions: list[tuple[Entry, list[str]]], history: str, read: bool
) -> dict[str, Any]:
    return {
        "history": history,
        "history_read": read,
        "revisions": [
            {"title": e.indicator.title, "id": e.indicator.id, "lines": lines}
            for e, lines in revisions
        ],
    }


def revisions_parts(changes: Mapping[str, Any]) -> list[Part]:
    """The list laid out for Word and PDF, from its template variables."""
    parts: list[Part] = [Heading("Figures, targets and plans revised", 3)]
    if changes["history"]:
        parts.append(Text(text_cell(changes["history"]), "small"))
    for item in changes["revisions"]:
        parts.append(Text(text_cell(item["title"])))
        parts.append(Bullets(tuple(text_cell(line) for line in item["lines"])))
    if not changes["revisions"] and changes["history_read"]:
        parts.append(Text(text_cell("No figure was restated and no target was changed.")))
    return parts
