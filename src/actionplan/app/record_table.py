"""`record --table`: a published KPI table into the plans, all or nothing. Every row is read,
matched to its indicator's file (or, with `create`, to a new one), and every file's new text is
made and validated in memory; only when no row is bad is anything written, through the journal
that makes a change to many files happen to all of them or to none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from actionplan.app.loading import open_plans, said_notes
from actionplan.app.table_places import Placed, place_rows
from actionplan.domain.periods import Period, parse_period
from actionplan.domain.recordable import not_ended, other_length
from actionplan.domain.steps import previous_period
from actionplan.domain.values import Direction
from actionplan.domain.words import plural
from actionplan.edit.document import open_document, render, validated
from actionplan.edit.garbage import collecting
from actionplan.edit.table_direction import DirectionClash
from actionplan.edit.table_edits import Clash, apply_entry, new_document
from actionplan.edit.table_rows import Entries, Mapping, Problem, read_entries
from actionplan.edit.table_words import TableWords
from actionplan.edit.tables import read_table
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace.journal import Pending, commit, transaction
from actionplan.workspace.store import Workspace


@dataclass(frozen=True)
class TableRequest:
    path: Path
    period: str
    maps: tuple[str, ...]
    sheet: str | None = None
    create: bool = False
    replace: bool = False
    today: date = field(default_factory=date.today)
    allow_future: bool = False  # a figure for a period that has not ended is meant
    direction: Direction | None = None  # for new files whose rows the table does not decide
    match: Literal["id", "title"] = "id"  # how rows find their files


def record_table(plans: Path | None, request: TableRequest) -> Outcome:
    folder = plans or Path("plans")
    # With --create, a council's first table may come before any plans: the folder is made
    # when the files are written, as `new --indicator` makes it.
    fresh = request.create and not folder.exists()
    workspace = Workspace() if fresh else open_plans(plans)
    fy_start = workspace.settings.financial_year_start
    try:
        period = parse_period(request.period, fy_start)
    except ActionplanError as error:
        raise ActionplanError(f"--period: {error}") from None
    late = not_ended(period, request.today)
    if late and not request.allow_future:
        raise ActionplanError(
            f"--period {late}: the table's figures are not outturns until it ends: add "
            "--allow-future to record them as they are (check leaves them out until then)"
        )
    mapping = Mapping.parse(request.maps, create=request.create)
    if request.match == "title" and "title" not in mapping.columns:
        raise ActionplanError("--match title: map the column of titles, --map title=COLUMN")
    previous = previous_period(period, fy_start) if "previous" in mapping.columns else None
    if request.create and workspace.problems:
        raise ActionplanError(
            "some plan files cannot be read (see `actionplan check`): fix them before --create, "
            "so that no indicator is created twice"
        )
    table = read_table(request.path, request.sheet, list(mapping.columns.values()))
    entries = Entries()
    words = TableWords.of(workspace.settings)
    rows = read_entries(table, mapping, period, previous, entries, words)
    root = workspace.settings_path.parent if workspace.settings_path else folder
    plan = place_rows(rows, workspace, folder, request.create, request.match)
    source = str(request.path) + (f" ({table.sheet})" if table.sheet else "")
    outcome = Outcome(err=[*said_notes(workspace), *entries.notes.values()])
    with transaction(_lock_paths(plan), _nearest_folder(root)) as pending, collecting():
        changed = _prepare(plan, workspace, period, root, source, request, pending)
        for problem in sorted(plan.problems, key=lambda p: p.row):
            outcome.fail(BAD_INPUT, str(problem))
        outcome.err += [f"note: {note}" for note in plan.notes]
        if plan.bad:
            if plan.bad > len(plan.problems):
                outcome.err.append(
                    f"... and {plural(plan.bad - len(plan.problems), 'more bad row')}"
                )
            outcome.err.append(f"{plural(plan.bad, 'bad row')}: nothing was recorded")
            return outcome
        for path in plan.created:
            path.parent.mkdir(parents=True, exist_ok=True)
        commit(pending)
    if fresh:
        outcome.said.append(f"{folder}: created the plans folder")
    outcome.said.append(_summary(entries, plan, changed, source, period))
    outcome.said += [f"revised, as --replace allows: {change}" for change in plan.revised]
    outcome.err += [f"note: {direction}" for direction in plan.directions]
    return outcome


def _lock_paths(plan: Placed) -> list[Path]:
    """The files to lock the folders of; a new file's folder may not exist yet, so the
    nearest folder that does is locked in its place."""
    return [_nearest_folder(path.parent) / path.name for path in plan.files]


def _nearest_folder(folder: Path) -> Path:
    """`folder`, or the nearest folder above it that exists."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _prepare(
    plan: Placed,
    workspace: Workspace,
    period: Period,
    root: Path,
    source: str,
    request: TableRequest,
    pending: Pending,
) -> int:
    """Each changed file's new text, validated and added to `pending` as it is made (not held:
    a hundred thousand new files' texts held until the end took their size many times over);
    a row that cannot be recorded is a problem. Returns how many files change."""
    settings = workspace.settings
    frequencies = {f.path: f.indicator.frequency for f in workspace.files}
    changed_files = 0
    for path, entry in plan.files.items():
        mixed = other_length(entry.id, frequencies.get(path), period)
        if mixed and not settings.mixed_periods:
            hint = (
                f"record its {frequencies[path]} figures, or write `mixed_periods: true` in "
                "actionplan.yaml to keep figures of other lengths beside them"
            )
            plan.refuse(Problem(entry.row, entry.where, f"{mixed}: {hint}"))
            continue
        if mixed:
            plan.notes.append(f"{entry.where}: {mixed}: kept, as `mixed_periods: true` allows")
        try:
            if path in plan.created:
                doc, why = new_document(
                    path, entry, period, settings, root, source, request.direction
                )
                if why:
                    plan.directions.append(f"{entry.where}: {entry.id}: {why}")
            else:
                doc = open_document(path, settings.financial_year_start)
            revised: list[str] = []
            changed = apply_entry(
                doc, entry, replace=request.replace, words=settings.statuses, revised=revised
            )
            if changed or path in plan.created:
                text = render(doc)
                validated(path, text, settings)
                if not plan.bad:  # once a row is bad nothing is written: only count
                    pending.add(path, text, created=path in plan.created)
                changed_files += 1
                plan.revised += [f"{path}: {change}" for change in revised]
        except (Clash, DirectionClash) as error:  # at the cell that differs, or disagrees
            where = entry.cells.get(error.field, entry.where)
            plan.refuse(Problem(entry.row, where, str(error)))
        except ActionplanError as error:
            plan.refuse(Problem(entry.row, entry.where, str(error)))
    return changed_files


def _summary(entries: Entries, plan: Placed, changed: int, source: str, period: Period) -> str:
    rows = entries.read
    created = len(plan.created)
    counts = [
        (changed - created, "updated"),
        (created, "created"),
        (rows - changed, "already up to date"),
    ]
    parts = [f"{plural(n, 'file')} {what}" for n, what in counts if n]
    text = f"{source}: {plural(rows, 'row')} for {period}: {', '.join(parts) or 'nothing to do'}"
    if entries.skipped:
        text += f"; {plural(entries.skipped, 'row')} skipped (headings and notes)"
    return text
