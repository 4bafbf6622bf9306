"""`record --table`: a published KPI table into the plans, all or nothing. Every row is read,
matched to its indicator's file (or, with `create`, to a new one), and every file's new text is
made and validated in memory; only when no row is bad is anything written, through the journal
that makes a change to many files happen to all of them or to none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from actionplan.app.loading import open_plans, said_notes
from actionplan.domain.periods import Period, parse_period
from actionplan.domain.recordable import not_ended, other_length
from actionplan.domain.steps import previous_period
from actionplan.domain.words import plural
from actionplan.edit.document import open_document, render, validated
from actionplan.edit.table_edits import Clash, apply_entry, new_document
from actionplan.edit.table_rows import Entries, Entry, Mapping, Problem, read_entries
from actionplan.edit.tables import read_table
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace.journal import commit, transaction
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


LISTED = 1000  # bad rows listed one by one; the rest are counted


@dataclass
class _Plan:
    """Where each row goes: an existing file, or a new one. Only the rows that change a file
    are kept, and the first bad rows, so that memory does not grow with the table's length."""

    files: dict[Path, Entry] = field(default_factory=dict)
    created: set[Path] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # figures kept that a person should know of
    bad: int = 0  # bad rows, listed or not

    def refuse(self, problem: Problem) -> None:
        self.bad += 1
        if len(self.problems) < LISTED:
            self.problems.append(problem)


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
    previous = previous_period(period, fy_start) if "previous" in mapping.columns else None
    if request.create and workspace.problems:
        raise ActionplanError(
            "some plan files cannot be read (see `actionplan check`): fix them before --create, "
            "so that no indicator is created twice"
        )
    table = read_table(request.path, request.sheet, list(mapping.columns.values()))
    entries = Entries()
    rows = read_entries(table, mapping, period, previous, entries)
    root = workspace.settings_path.parent if workspace.settings_path else folder
    plan = _place(rows, workspace, folder, request.create)
    source = str(request.path) + (f" ({table.sheet})" if table.sheet else "")
    outcome = Outcome(err=[*said_notes(workspace), *entries.notes.values()])
    with transaction(_lock_paths(plan), _nearest_folder(root)):
        texts = _prepare(plan, workspace, period, root, source, request.replace)
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
        commit(texts, root, created=plan.created)
    if fresh:
        outcome.said.append(f"{folder}: created the plans folder")
    outcome.said.append(_summary(entries, plan, texts, source, period))
    return outcome


def _place(
    rows: Iterable[Entry | Problem], workspace: Workspace, folder: Path, create: bool
) -> _Plan:
    by_id = {f.indicator.id: f.path for f in workspace.files}
    plan = _Plan()
    first: dict[str, str] = {}
    for entry in rows:
        if isinstance(entry, Problem):
            plan.refuse(entry)
            continue
        if entry.id in first:
            message = f"{entry.id!r} is also in {first[entry.id]}: keep one row per indicator"
            plan.refuse(Problem(entry.row, entry.where, message))
            continue
        if entry.id in by_id:
            first[entry.id] = entry.where
            plan.files[by_id[entry.id]] = entry
            continue
        if not create:
            message = f"no indicator has the id {entry.id!r}: add --create to write a file for it"
            plan.refuse(Problem(entry.row, entry.where, message))
            continue
        first[entry.id] = entry.where
        try:
            path = new_path(folder, entry)
        except ActionplanError as error:
            plan.refuse(Problem(entry.row, entry.where, str(error)))
            continue
        plan.files[path] = entry
        plan.created.add(path)
    return plan


_USABLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def new_path(folder: Path, entry: Entry) -> Path:
    """`plans/DIRECTORATE/ID.yaml`: the directorate as a folder name, never a way out of the
    plans folder; the id as plan files require it, so that it is also a safe file name."""
    if not _USABLE_ID.fullmatch(entry.id):
        raise ActionplanError(
            f"{entry.id!r} is not a usable id for a new file: use letters, digits, '-', '_' or "
            "'.', starting with a letter or digit (change it in the table)"
        )
    sub = re.sub(r"[\W_]+", "-", (entry.directorate or "").lower()).strip("-")[:80]
    path = (folder / sub if sub else folder) / f"{entry.id}.yaml"
    if path.exists() or path.is_symlink():
        raise ActionplanError(
            f"{path} exists but holds no readable indicator {entry.id!r}: fix or move it first"
        )
    return path


def _lock_paths(plan: _Plan) -> list[Path]:
    """The files to lock the folders of; a new file's folder may not exist yet, so the
    nearest folder that does is locked in its place."""
    return [_nearest_folder(path.parent) / path.name for path in plan.files]


def _nearest_folder(folder: Path) -> Path:
    """`folder`, or the nearest folder above it that exists."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _prepare(
    plan: _Plan, workspace: Workspace, period: Period, root: Path, source: str, replace: bool
) -> dict[Path, str]:
    """Each changed file's new text, validated; a row that cannot be recorded is a problem."""
    settings = workspace.settings
    frequencies = {f.path: f.indicator.frequency for f in workspace.files}
    texts: dict[Path, str] = {}
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
                doc = new_document(path, entry, period, settings, root, source)
            else:
                doc = open_document(path, settings.financial_year_start)
            if apply_entry(doc, entry, replace=replace) or path in plan.created:
                text = render(doc)
                validated(path, text, settings)
                texts[path] = text
        except Clash as error:  # at the cell that differs from the file
            where = entry.cells.get(error.field, entry.where)
            plan.refuse(Problem(entry.row, where, str(error)))
        except ActionplanError as error:
            plan.refuse(Problem(entry.row, entry.where, str(error)))
    return texts


def _summary(
    entries: Entries, plan: _Plan, texts: dict[Path, str], source: str, period: Period
) -> str:
    rows = entries.read
    created = len(plan.created)
    counts = [
        (len(texts) - created, "updated"),
        (created, "created"),
        (rows - len(texts), "already up to date"),
    ]
    parts = [f"{plural(n, 'file')} {what}" for n, what in counts if n]
    text = f"{source}: {plural(rows, 'row')} for {period}: {', '.join(parts) or 'nothing to do'}"
    if entries.skipped:
        text += f"; {plural(entries.skipped, 'row')} skipped (headings and notes)"
    return text
