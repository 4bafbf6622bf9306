"""`actionplan new` as calls that return what they did: an empty action plan added to a RED
measure's file under its folder's lock, or a new indicator file (never over one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from actionplan.app.loading import indicator_file, open_plans, said_notes
from actionplan.app.schema_file import write_schema
from actionplan.domain.figures import whole_or_float, written
from actionplan.edit.changes import SCHEMA_FILE, new_file_text, plan_skeleton_text
from actionplan.errors import ActionplanError
from actionplan.judge.targets import ADDITIVE_UNITS
from actionplan.outcome import Outcome
from actionplan.workspace.atomic import write_atomic
from actionplan.workspace.locks import folder_of, locked


def new_plan(plans: Path | None, indicator_id: str, as_of: date) -> Outcome:
    """An empty action plan for a RED measure, in its own file."""
    workspace = open_plans(plans)
    file = indicator_file(workspace, indicator_id)
    with locked([folder_of(file.path)]):
        text = plan_skeleton_text(file.path, file.indicator, workspace.settings, as_of)
        write_atomic(file.path, text)
    said = [f"{file.path}: added an action_plan: fill in its sections"]
    return Outcome(said=said, err=said_notes(workspace))


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
    outcome.err += said_notes(workspace)
    existing = workspace.find(new.id)
    if existing is not None:
        raise ActionplanError(f"the id {new.id!r} is already used by {existing.path}")
    root = workspace.settings_path.parent if workspace.settings_path else folder
    path = folder / f"{new.id}.yaml"
    fields = {"title": new.title, **new.fields}
    text = new_file_text(path, fields, workspace.settings, root)
    write_atomic(path, text, create=True)
    outcome.said.append(f"{path}: created")
    if write_schema(root, workspace.settings):
        outcome.said.append(f"{root / SCHEMA_FILE}: created, for editors to check plan files")
    if new.fields.get("cumulative"):
        unit = str(new.fields.get("unit") or "number")
        outcome.err.append(f"note: {new.id} is year to date: {cumulative_target(unit)}")
    return outcome


def cumulative_target(unit: str) -> str:
    """What `cumulative: true` does to the target of an indicator of `unit`, as the status
    rules apply it: only amounts that add up over a year are measured against a pro-rated
    annual target."""
    if unit in ADDITIVE_UNITS:
        return (
            "the annual target is pro-rated by the share of the year gone (a quarter of it at "
            "the end of Q1), unless `target:` gives in-year points"
        )
    kind = "percentage" if unit == "percent" else unit
    return (
        f"judged against the annual target as it stands, never pro-rated (a {kind} to date "
        "already speaks for the year so far)"
    )


def number_or_text(text: str | None) -> int | float | str | None:
    """A plain number as a YAML number, with its digits as typed (`1e23`, `12.50`); anything
    else (`5%`, `1,900`) as written."""
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    try:
        return whole_or_float(written(text) or number)
    except ValueError:  # Python's own forms, such as `1_000`
        return whole_or_float(number)


def _make_plans_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise ActionplanError(f"--plans {folder}: cannot create it: {error.strerror}") from None
