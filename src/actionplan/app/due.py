"""`actionplan due` as one call: what each lead owes before a committee (figures not yet
recorded, plans a RED measure needs, results a plan promised), grouped by lead, printed or
written as one Markdown note a lead (all or none)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.app.loading import load_reported
from actionplan.app.render import make_folder
from actionplan.domain.words import plural
from actionplan.errors import ActionplanError
from actionplan.judge.assessment import assess
from actionplan.judge.due import owed
from actionplan.judge.impact import plan_impact
from actionplan.judge.trend import series
from actionplan.outcome import NEEDS_ATTENTION, Outcome
from actionplan.output import chase
from actionplan.output.chase import NO_LEAD, ChaseList, Item
from actionplan.workspace.file_sets import replace_set
from actionplan.workspace.locks import locked
from actionplan.workspace.store import plan_paths


@dataclass(frozen=True)
class DueRequest:
    paths: list[Path]
    by: date | None = None  # the committee's day; None: the --as-of day
    lead: str | None = None  # only leads whose name holds this (any case)
    format: str = "table"  # table, json or md
    out: Path | None = None  # one Markdown note a lead, into this folder
    cache: bool = True


def chase_list(request: DueRequest, as_of: date) -> Outcome:
    by = request.by or as_of
    if by < as_of:
        raise ActionplanError(
            f"--by {by.isoformat()} is before --as-of {as_of.isoformat()}: give the day of the "
            "coming committee"
        )
    workspace, outcome = load_reported(plan_paths(request.paths or None), cache=request.cache)
    found = ChaseList(as_of, by)
    for file in workspace.files:
        indicator = file.indicator
        lead = indicator.departmental_lead or indicator.strategic_director_lead or NO_LEAD
        settings = workspace.settings
        assessment = assess(indicator, settings, as_of)
        impact = None
        if indicator.action_plan is not None:
            points = series(indicator, settings, as_of, every_target=False)
            impact = plan_impact(indicator, settings, as_of, points)
        for item in owed(indicator, assessment, settings, as_of, by, impact):
            # An action falls to its owner, everything else to the indicator's lead.
            who = (item.owner or lead).strip()
            if request.lead and request.lead.casefold() not in who.casefold():
                continue
            entry = Item(indicator.id, indicator.title, str(file.path), item)
            found.leads.setdefault(who, []).append(entry)
    found.leads = dict(sorted(found.leads.items(), key=lambda kv: kv[0].casefold()))
    if found.items:
        outcome.fail(NEEDS_ATTENTION)
    if request.out is not None:
        notes: dict[str, str | bytes] = {}
        for lead, items in found.leads.items():
            notes[_note_name(lead, notes)] = chase.markdown_note(lead, items, found)
        make_folder(request.out, "--out")
        with locked([request.out]):
            replace_set(request.out, notes)
        outcome.said.append(f"wrote {plural(len(notes), 'note')} into {request.out}")
        return outcome
    printers = {"table": chase.text, "json": chase.as_json, "md": chase.markdown}
    outcome.out.append(printers[request.format](found))
    return outcome


def _note_name(lead: str, taken: dict[str, str | bytes]) -> str:
    """A lead's note file: their name made safe as a file name (`julie-webster.md`), numbered
    where two names give the same one."""
    slug = re.sub(r"[^a-z0-9]+", "-", lead.casefold()).strip("-")[:60].strip("-") or "lead"
    name, number = f"{slug}.md", 1
    while name in taken:
        number += 1
        name = f"{slug}-{number}.md"
    return name
