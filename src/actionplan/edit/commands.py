"""`new` and `record` as calls that return what they did: each reads the plans folder, makes
its edit under the folder's lock (a concurrent edit waits, then starts from this one's result),
writes atomically, and says what changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from actionplan.domain.figures import whole_or_float
from actionplan.domain.messages import describe
from actionplan.domain.models import Measurement
from actionplan.domain.words import plural
from actionplan.edit.changes import measurement_text, new_file_text, plan_skeleton_text
from actionplan.edit.records import assign, prepare, read_csv
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.output.progress import load_plans, progress
from actionplan.workspace.atomic import write_atomic
from actionplan.workspace.journal import commit, transaction
from actionplan.workspace.locks import folder_of, locked
from actionplan.workspace.store import IndicatorFile, Workspace, plan_paths


def open_plans(plans: Path | None) -> Workspace:
    """The workspace of the plans folder; an edit needs every file readable to find ids."""
    return load_plans(plan_paths([plans] if plans else None))


def indicator_file(workspace: Workspace, indicator_id: str) -> IndicatorFile:
    found = workspace.find(indicator_id)
    if found is None:
        hint = " (some files could not be read: see `actionplan check`)"
        hint = hint if workspace.problems else ""
        raise ActionplanError(f"no indicator has the id {indicator_id!r} in the plans{hint}")
    return found


def new_plan(plans: Path | None, indicator_id: str, as_of: date) -> Outcome:
    """An empty action plan for a RED measure, in its own file."""
    workspace = open_plans(plans)
    file = indicator_file(workspace, indicator_id)
    with locked([folder_of(file.path)]):
        text = plan_skeleton_text(file.path, file.indicator, workspace.settings, as_of)
        write_atomic(file.path, text)
    return Outcome(said=[f"{file.path}: added an action_plan: fill in its sections"])


@dataclass(frozen=True)
class NewIndicator:
    id: str
    title: str
    fields: dict[str, Any]  # the overview keys given, in the order they are written


def new_indicator(plans: Path | None, new: NewIndicator) -> Outcome:
    """A new indicator file in the plans folder (created when missing), never over a file."""
    outcome = Outcome()
    folder = plans or Path("plans")
    if not folder.exists():
        _make_plans_folder(folder)
        outcome.said.append(f"{folder}: created the plans folder")
    workspace = open_plans(plans)
    existing = workspace.find(new.id)
    if existing is not None:
        raise ActionplanError(f"the id {new.id!r} is already used by {existing.path}")
    root = workspace.settings_path.parent if workspace.settings_path else folder
    path = folder / f"{new.id}.yaml"
    fields = {"title": new.title, **new.fields}
    text = new_file_text(path, fields, workspace.settings, root)
    write_atomic(path, text, create=True)
    outcome.said.append(f"{path}: created")
    return outcome


def number_or_text(text: str | None) -> int | float | str | None:
    """A plain number as a YAML number; anything else (`5%`, `1,900`) as written."""
    try:
        return None if text is None else whole_or_float(float(text))
    except ValueError:
        return text


def _make_plans_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise ActionplanError(f"--plans {folder}: cannot create it: {error.strerror}") from None


@dataclass(frozen=True)
class NewMeasurement:
    id: str
    period: str | None
    value: str
    note: str | None = None
    reported: str | None = None
    forecast: bool = False


def record_one(plans: Path | None, new: NewMeasurement, *, replace: bool) -> Outcome:
    """One measurement recorded in period order; a period already recorded is refused (exit 1)
    unless `replace`."""
    workspace = open_plans(plans)
    file = indicator_file(workspace, new.id)
    data = {"period": new.period, "value": new.value, "note": new.note, "reported": new.reported}
    try:
        measurement = Measurement.model_validate(
            {**{k: v for k, v in data.items() if v is not None}, "forecast": new.forecast},
            context={"fy_start": workspace.settings.financial_year_start},
        )
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise ActionplanError(describe(first, Measurement)) from None
    with locked([folder_of(file.path)]):
        text = measurement_text(file.path, measurement, workspace.settings, replace=replace)
        write_atomic(file.path, text)
    return Outcome(said=[f"{file.path}: recorded {measurement.period}"])


def record_csv(plans: Path | None, csv_file: Path, *, replace: bool) -> Outcome:
    """Every row of a spreadsheet, all or nothing: any bad row is reported at its line and no
    file changes (exit 2); a run that is killed is finished or undone by the next command."""
    workspace = open_plans(plans)
    batch = read_csv(csv_file, workspace.settings.financial_year_start)
    assigned = assign(batch, workspace.files)
    # The journal that makes the batch all or nothing lives at the root of the plans tree.
    root = workspace.settings_path.parent if workspace.settings_path else plans or Path("plans")
    outcome = Outcome()
    with transaction(list(assigned), root):
        with progress("Recording measurements") as tick:
            texts, bad = prepare(assigned, workspace.settings, replace=replace, progress=tick)
        bad = sorted(batch.bad + bad, key=lambda row: row.line)
        for row in bad:
            outcome.fail(BAD_INPUT, f"{csv_file}:{row.line}: {row.message}")
        if bad:
            outcome.err.append(f"{plural(len(bad), 'bad row')}: nothing was recorded")
            return outcome
        commit(texts, root)
    rows = sum(len(records) for records in assigned.values())
    summary = f"recorded {plural(rows, 'measurement')} in {plural(len(texts), 'file')}"
    if batch.fingertips:
        summary += (
            f"; {plural(batch.skipped, 'row')} skipped (other series, breakdowns or no value)"
        )
    outcome.said.append(summary)
    return outcome
