"""`actionplan record` of one measurement or a CSV's rows, as calls that return what they did:
each reads the plans folder, makes its edit under the folder's lock (a concurrent edit waits,
then starts from this one's result), or through the journal for many files, writes atomically,
and says what changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from actionplan.app.loading import indicator_file, open_plans, said_notes
from actionplan.app.progress import progress
from actionplan.domain.figures import keep_written
from actionplan.domain.messages import describe
from actionplan.domain.models import FIGURES, Measurement
from actionplan.domain.recordable import not_ended
from actionplan.domain.words import plural
from actionplan.edit.action_edit import ActionUpdate as ActionUpdate  # the CLI builds one
from actionplan.edit.action_edit import action_text, checked_changes
from actionplan.edit.changes import measurement_text
from actionplan.edit.csv_records import BadRow, Record, read_rows
from actionplan.edit.garbage import collecting
from actionplan.edit.records import gather, prepare
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace.atomic import write_atomic
from actionplan.workspace.journal import commit, transaction
from actionplan.workspace.locks import folder_of, locked


@dataclass(frozen=True)
class NewMeasurement:
    id: str
    period: str | None
    value: str
    note: str | None = None
    reported: str | None = None
    forecast: bool = False


# A figure for a period that has not ended is not an outturn: refused, saying how to keep it.
NOT_ENDED = "a figure for a period that has not ended is refused (check leaves it out until then)"


def record_one(
    plans: Path | None,
    new: NewMeasurement,
    *,
    replace: bool,
    today: date,
    allow_future: bool = False,
) -> Outcome:
    """One measurement recorded in period order; a period already recorded is refused (exit 1)
    unless `replace`, and one that ends after `today` unless a forecast or `allow_future`."""
    workspace = open_plans(plans)
    file = indicator_file(workspace, new.id)
    data = {"period": new.period, "value": new.value, "note": new.note, "reported": new.reported}
    try:
        given = {k: v for k, v in data.items() if v is not None}
        measurement = Measurement.model_validate(
            {**keep_written(given, FIGURES), "forecast": new.forecast},
            context={"fy_start": workspace.settings.financial_year_start},
        )
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise ActionplanError(describe(first, Measurement)) from None
    late = not_ended(measurement.period, today)
    if late and not (measurement.forecast or allow_future):
        hint = "add --forecast if it is a projection, or --allow-future to record it as it is"
        raise ActionplanError(f"{late}: {NOT_ENDED}: {hint}")
    with locked([folder_of(file.path)]):
        text = measurement_text(file.path, measurement, workspace.settings, replace=replace)
        write_atomic(file.path, text)
    return Outcome(said=[f"{file.path}: recorded {measurement.period}"], err=said_notes(workspace))


def record_action(plans: Path | None, indicator_id: str, update: ActionUpdate) -> Outcome:
    """One action of a plan updated in place (its progress, stage or status), keeping the
    file's comments and layout."""
    workspace = open_plans(plans)
    file = indicator_file(workspace, indicator_id)
    with locked([folder_of(file.path)]):
        text = action_text(file.path, update, workspace.settings)
        write_atomic(file.path, text)
    changed = ", ".join(f"{key} {value}" for key, value in checked_changes(update).items())
    said = f"{file.path}: action {update.number} updated ({changed})"
    return Outcome(said=[said], err=said_notes(workspace))


def record_csv(
    plans: Path | None,
    csv_file: Path,
    *,
    replace: bool,
    today: date,
    allow_future: bool = False,
) -> Outcome:
    """Every row of a spreadsheet, all or nothing: any bad row is reported at its line and no
    file changes (exit 2); a run that is killed is finished or undone by the next command. A
    row for a period that ends after `today` is bad unless a forecast or `allow_future`."""
    workspace = open_plans(plans)
    # Read a row at a time, each kept as a short text for its file: at the row limit, a
    # measurement and a message for every row took most of a gigabyte.
    reading = read_rows(csv_file)
    refuse = None if allow_future else partial(_not_ended, today=today)
    fy_start = workspace.settings.financial_year_start
    gathered = gather(reading, workspace.files, fy_start, refuse=refuse)
    # The journal that makes the batch all or nothing lives at the root of the plans tree.
    root = workspace.settings_path.parent if workspace.settings_path else plans or Path("plans")
    outcome = Outcome(err=said_notes(workspace))
    with transaction(list(gathered.files), root) as pending, collecting():
        with progress("Recording measurements") as tick:
            made, bad = prepare(
                gathered.files,
                workspace.settings,
                pending.add,
                replace=replace,
                progress=tick,
                bad=gathered.bad,
            )
        for row in bad.listed():
            outcome.fail(BAD_INPUT, f"{csv_file}:{row.line}: {row.message}")
        if bad.count:
            if bad.unlisted:
                outcome.err.append(f"... and {plural(bad.unlisted, 'more bad row')}")
            outcome.err.append(f"{plural(bad.count, 'bad row')}: nothing was recorded")
            return outcome
        commit(pending)
    rows = sum(len(kept) for kept in gathered.files.values())
    summary = f"recorded {plural(rows, 'measurement')} in {plural(made, 'file')}"
    if reading.fingertips:
        summary += (
            f"; {plural(gathered.skipped, 'row')} skipped (other series, breakdowns or no value)"
        )
    outcome.said.append(summary)
    return outcome


def _not_ended(record: Record, today: date) -> BadRow | None:
    """The row's refusal when its period ends after `today` and it is not a forecast."""
    late = not_ended(record.measurement.period, today)
    if late is None or record.measurement.forecast:
        return None
    hint = "write yes in its forecast column if it is a projection, or add --allow-future"
    return BadRow(record.line, f"{late}: {NOT_ENDED}: {hint}")
