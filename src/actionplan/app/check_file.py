"""One plan file judged as `check` prints it: read, validated, assessed at a date, placed at
the line to edit, SPC worked out where the output shows it, and turned into the plain row that
the check's printers print and the results cache keeps. Runs in worker processes for large trees."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from actionplan.domain.models import Indicator, Settings
from actionplan.errors import FileProblem, Problem
from actionplan.judge.assessment import Row, assess, lacks_tolerance
from actionplan.judge.horizon import steady_span
from actionplan.judge.impact import plan_impact
from actionplan.judge.reachable import has_future_targets, unreachable_of
from actionplan.judge.targets import trajectory_gaps
from actionplan.judge.travel import known_on
from actionplan.judge.trend import indicator_spc, series
from actionplan.output.check.cells import shown
from actionplan.output.check.printed_row import judged
from actionplan.output.check.rows import Judged
from actionplan.output.reachable import unreachable_words
from actionplan.workspace import reading
from actionplan.workspace.locate import located, placed
from actionplan.workspace.validation import indicator_context, validate

# What judging one file gives: its row and the span of days it holds for, or its problems.
FileResult = tuple[Judged, tuple[int, int]] | list[Problem]


def judge_file(
    path: Path, *, settings: Settings, as_of: date, spc: str, json: bool = True
) -> FileResult:
    """One file read, validated and judged, as its row will be printed (its JSON left empty
    unless `json` asks for it: a fifth of the work for a row with SPC)."""
    parsed = reading.parse_outcome(path, keep_tree=True)
    if isinstance(parsed, Problem):
        return [parsed]
    try:
        context = indicator_context(settings.financial_year_start, path, settings.statuses)
        indicator = validate(Indicator, parsed.data, path, context, parsed.tree)
    except FileProblem as error:
        return list(error.problems)
    row = placed(Row(path, assess(indicator, settings, as_of)), parsed.tree)
    if spc_wanted(row, spc):
        row = replace(row, spc=indicator_spc(indicator, settings, as_of))
    if json and indicator.action_plan is not None:
        points = series(indicator, settings, as_of, every_target=False)
        row = replace(row, impact=plan_impact(indicator, settings, as_of, points))
    chart = row.spc
    if chart is None and has_future_targets(indicator):
        chart = indicator_spc(indicator, settings, as_of)
    unit = indicator.unit
    notes = tuple(unreachable_words(u, unit) for u in unreachable_of(indicator, chart))
    gaps = located(trajectory_gaps(path, indicator), parsed.tree)
    findings = tuple((p.line, p.column, p.message) for p in gaps)
    printed = judged(
        row,
        bare=lacks_tolerance(indicator, settings),
        id_position=parsed.id_position,
        findings=findings,
        left_out=left_out(indicator, as_of),
        notes=notes,
        json=json,
    )
    due = row.impact.due if row.impact else None
    return printed, steady_span(row.assessment, as_of, () if due is None else (due.end,))


def left_out(indicator: Indicator, as_of: date) -> tuple[str, ...]:
    """Each recorded figure that the check at `as_of` leaves out, and until when: a figure
    counts from the end of its period (or its `reported` date; a forecast from its start)."""
    notes = []
    for m in indicator.measurements:
        day = known_on(m)
        if day <= as_of:
            continue
        what = "forecast" if m.forecast else "figure"
        if m.reported is not None:
            until = "it is reported"
        else:
            until = "its period starts" if m.forecast else "its period ends"
        notes.append(f"the {what} for {m.period} is left out until {until} ({day.isoformat()})")
    return tuple(notes)


def spc_wanted(row: Row, mode: str) -> bool:
    """Whether a row's output shows SPC: `mode` is "all" (JSON, or the table with --all),
    "shown" (the table: RED, AMBER and mismatched rows) or "none"."""
    return mode == "all" or (mode == "shown" and shown(row, False))
