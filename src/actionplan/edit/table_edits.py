"""What one row of a published table changes in its indicator's file: the period's measurement
(with the published status and note), the period before it, and the period's target, each put
where a person would write it. A figure the file already holds unchanged is left as it is, so a
table read twice changes nothing; a different one is refused unless `replace`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from actionplan.domain.figures import parse_number, whole_or_float
from actionplan.domain.models import Measurement, Settings
from actionplan.domain.periods import Period, parse_period
from actionplan.domain.status_words import StatusWords
from actionplan.domain.steps import frequency_of
from actionplan.domain.values import Direction, parse_status
from actionplan.edit.changes import (
    Measurements,
    measurement_data,
    new_indicator_text,
    schema_reference,
)
from actionplan.edit.document import EditedFile, EditError, parse_document
from actionplan.edit.table_direction import direction_of
from actionplan.edit.table_rows import Entry
from actionplan.errors import ActionplanError


class Clash(EditError):
    """The file holds a different figure than the table: `field` names the table's cell."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def apply_entry(
    doc: EditedFile,
    entry: Entry,
    *,
    replace: bool,
    words: StatusWords | None = None,
    revised: list[str] | None = None,
) -> bool:
    """Record the row's figures and target in the file held for editing; False when the file
    holds them all already. Each figure `replace` changes is added to `revised` as
    `2014/15 Q2 value 15.9 → 15.7`."""
    changes = _Changes(replace, words, revised if revised is not None else [])
    changed = record_figure(doc, entry.measurement, replace=changes)
    if entry.previous is not None:
        changed |= record_figure(
            doc, entry.previous, replace=changes, keys=("value",), field="previous"
        )
    if entry.target is not None:
        changed |= set_target(doc, entry.measurement.period, entry.target, replace=changes)
    return changed


@dataclass(frozen=True)
class _Changes:
    """Whether a figure the file holds may be replaced, and the list of those replaced."""

    replace: bool
    words: StatusWords | None
    revised: list[str]

    def __bool__(self) -> bool:
        return self.replace


def record_figure(
    doc: EditedFile,
    measurement: Measurement,
    *,
    replace: bool | _Changes,
    keys: tuple[str, ...] = (),
    field: str = "",
) -> bool:
    """The measurement in period order; where the period is recorded already, the keys the
    table gives (value, status, note; or `keys`) are compared, and changed only on `replace`
    (the others, such as `reported` or `comparators`, are kept)."""
    measurements = Measurements(doc)
    existing = measurements.recorded.get((measurement.period, False))  # the actual
    if existing is None:
        measurements.add(measurement)
        return True
    new = measurement_data(measurement)
    new.pop("period")
    given = [key for key in (keys or tuple(new)) if key in new]
    words = replace.words if isinstance(replace, _Changes) else None
    changed = [key for key in given if not _same(key, existing.get(key), new[key], words)]
    if not changed:
        return False
    if not replace:
        key = changed[0]
        raise Clash(
            field or key,
            f"{doc.path}: {measurement.period} already has {key} {existing.get(key)}, the "
            f"table gives {new[key]}: use --replace to overwrite it",
        )
    for key in changed:
        _revised(replace, f"{measurement.period} {key} {existing.get(key)} → {new[key]}")
        existing[key] = new[key]
    return True


def _revised(replace: bool | _Changes, change: str) -> None:
    if isinstance(replace, _Changes):
        replace.revised.append(change)


def _same(key: str, old: Any, new: Any, words: StatusWords | None = None) -> bool:
    try:
        if key == "value":
            return parse_number(old) == parse_number(new)
        if key == "status":
            return old is not None and parse_status(old, words) == parse_status(new, words)
    except ValueError:
        return False
    return bool(old == new)


def set_target(doc: EditedFile, period: Period, value: float, *, replace: bool | _Changes) -> bool:
    """`value` as the target for `period` in the file's map of targets (made when there is
    none). A single target for every period that differs is refused: it stands for the other
    periods too, and turning it into a map would change them."""
    number = whole_or_float(value)
    current = doc.data.get("target")
    if current is None:
        targets = CommentedMap()
        targets[period.text] = number
        keys = list(doc.data)
        later = [k for k in ("measurements", "action_plan") if k in keys]
        at = keys.index(later[0]) if later else len(keys)
        if "target" in doc.data:
            doc.data["target"] = targets
        else:
            doc.data.insert(at, "target", targets)
        return True
    if not isinstance(current, CommentedMap):
        if _number(current) == value:
            return False
        raise Clash(
            "target",
            f"{doc.path}: `target: {current}` is one target for every period, and the table "
            f"gives {number} for {period}: write `target:` as a map of periods to keep both "
            f"(`target: {{{_year_before(period, doc.fy_start)}: {current}, {period}: {number}}}`)",
        )
    return _set_in_map(doc, current, period, number, replace)


def _set_in_map(
    doc: EditedFile,
    targets: CommentedMap,
    period: Period,
    number: int | float,
    replace: bool | _Changes,
) -> bool:
    position = len(targets)
    for index, key in enumerate(list(targets)):
        try:
            other = parse_period(key, doc.fy_start)
        except ActionplanError:
            continue  # validation names it
        if other == period:
            if _number(targets[key]) == number:
                return False
            if not replace:
                raise Clash(
                    "target",
                    f"{doc.path}: the target for {period} is {targets[key]}, the table gives "
                    f"{number}: use --replace to overwrite it",
                )
            _revised(replace, f"{period} target {targets[key]} → {number}")
            targets[key] = number
            return True
        if period < other and position == len(targets):
            position = index
    targets.insert(position, period.text, number)
    return True


def _number(value: object) -> float | None:
    try:
        return parse_number(value)
    except ValueError:
        return None


def new_document(
    path: Path,
    entry: Entry,
    period: Period,
    settings: Settings,
    plans_root: Path,
    source: str,
    direction: Direction | None = None,
) -> tuple[EditedFile, str]:
    """A new indicator file for the row, held for editing like an existing one: title,
    unit, frequency and direction from the row and the period (`direction` for a row the
    table does not decide); the schema line and where it came from as comments. Also how the
    direction was found, when the table has no direction column."""
    if entry.title is None:
        raise ActionplanError("no title: --create writes each new file's title from the row")
    chosen, why = direction_of(entry, direction)
    fields = {
        "title": entry.title,
        "unit": entry.unit,
        "frequency": frequency_of(period),
        "direction": chosen,
    }
    text = new_indicator_text(fields, schema_reference(path, plans_root))
    schema, _, rest = text.partition("\n")
    notes = [f"Written by `actionplan record --table` from {source}."]
    if why:
        notes.append(why)
    comments = "".join(f"# {line}\n" for note in notes for line in textwrap.wrap(note, 96))
    document = parse_document(
        path, f"{schema}\n{comments}{rest}".encode(), settings.financial_year_start
    )
    return document, why


def _year_before(period: Period, fy_start: int) -> str:
    """The financial year before the one `period` starts in (`2024/25` for 2025/26 Q2): where
    an example keeps the old target, in the user's own years."""
    start = period.start
    year = start.year if start.month >= fy_start else start.year - 1
    return f"{year - 1}/{year % 100:02d}"
