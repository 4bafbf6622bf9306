"""An action table's rows as an action plan's `actions`, each value as written.

A value a plan file cannot hold as its key (a due date written "Ongoing", a progress of "on
track", a status of "Blue") is not dropped: it is kept in the action's note, headed by its
column, and listed for a person. So are the columns that name no action key ("Directorate").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.actions import parse_action_status, parse_progress
from actionplan.domain.periods import Period, parse_period, parse_when
from actionplan.errors import PeriodError
from actionplan.legacy.action_table import ActionRow, ActionTable
from actionplan.legacy.html import to_markdown, to_text
from actionplan.legacy.notes import Note
from actionplan.workspace.limits import PLAN_VALUES

TOPIC = "actions"
# Control characters (a terminal's escapes among them) are noise from damaged exports: no
# plan's words need them, and a terminal printing them could be driven by them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
# An action in a plan file: its list item and its seven keys.
_VALUES_PER_ACTION = 8


def read_actions(
    tables: list[ActionTable], fy_start: int, source: Path
) -> tuple[list[dict[str, Any]], list[Note]]:
    """Every table's actions in the document's order, and what needs a person. Tables of more
    actions than a plan file can hold are refused before any is read."""
    rows = sum(len(table.rows) for table in tables)
    if rows * _VALUES_PER_ACTION > PLAN_VALUES.value:
        raise PLAN_VALUES.refuse(
            source,
            f"its action tables have {rows:,} rows, up to {rows * _VALUES_PER_ACTION:,} values "
            "in a plan file",
        )
    actions: list[dict[str, Any]] = []
    notes: list[Note] = []
    for table in tables:
        notes.extend(_table_notes(table))
        for row in table.rows:
            action, row_notes = _action(table, row, len(actions) + 1, fy_start)
            notes.extend(row_notes)
            if action is not None:
                actions.append(action)
    return actions, notes


def _table_notes(table: ActionTable) -> list[Note]:
    names = table.header.names
    unplaced = [
        table.header.words[column] or f"column {column + 1}"
        for column in range(len(names))
        if table.header.placed(column) is None and table.header.words[column]
    ]
    notes = []
    if unplaced:
        columns = ", ".join(f"'{word}'" for word in unplaced)
        what = f"columns {columns} are" if len(unplaced) > 1 else f"column {columns} is"
        notes.append(
            Note(
                TOPIC,
                f"{table.name}: the action table's {what} not an action's key (action, owner, "
                "due, progress, stage, status, note): its text is kept in each action's `note`",
            )
        )
    for heading in table.headings:
        notes.append(Note(TOPIC, f"{table.name}: a heading inside the action table: {heading}"))
    return notes


def _action(
    table: ActionTable, row: ActionRow, number: int, fy_start: int
) -> tuple[dict[str, Any] | None, list[Note]]:
    values: dict[str, str] = {}
    extra: list[str] = []
    for column, pieces in row.cells.items():
        key = table.header.placed(column) if column < len(table.header.names) else None
        if key is None:
            header = table.header.words[column] if column < len(table.header.words) else ""
            extra.append(f"{header or 'Unheaded column'}: {_line(pieces)}")
        elif key == "note":
            values[key] = _markdown(pieces)
        else:
            values[key] = _line(pieces)
    written = values.get("action", "")
    if not written:
        cells = "; ".join(_line(pieces) for pieces in row.cells.values())
        return None, [Note(TOPIC, f"{row.where}: a row with no action was not imported: {cells}")]
    name = f"action {number} ({_short(written)})"
    number_text = values.get("number", "")
    action: dict[str, Any] = {"action": _numbered(number_text, number, written)}
    notes: list[Note] = []
    if values.get("owner"):
        action["owner"] = values["owner"]
    readers: dict[str, Callable[[str], str]] = {
        "due": lambda text: _due(text, fy_start),
        "progress": _progress,
        "stage": str,
        "status": _status,
    }
    for key, reader in readers.items():
        text = values.get(key)
        if not text:
            continue
        try:
            action[key] = reader(text)
        except ValueError as error:
            extra.append(f"{table.header.words[table.header.names.index(key)]}: {text}")
            notes.append(Note(TOPIC, f"{name}: {error}: kept in its `note`; set `{key}`"))
    note = "\n\n".join(part for part in (values.get("note", ""), "\n".join(extra)) if part)
    if note:
        action["note"] = note
    return action, notes


def _numbered(number_text: str, position: int, action: str) -> str:
    """The action, after its reference ("4.01.01") when it has one other than its place in the
    table: the order is kept, so a plain 1, 2, 3 says nothing more."""
    plain = number_text.rstrip(".")
    if not number_text or plain == str(position) or action.startswith(number_text):
        return action
    return f"{number_text} {action}"


def _due(text: str, fy_start: int) -> str:
    """A date or a period with its year: "31 March 2025", "31/03/2025", "2024/25 Q4". A month
    or quarter without a year ("March", "Q3") is not guessed."""
    period = _due_period(text, fy_start)
    if period is None:
        raise ValueError(f"its due date {text!r} does not read as a date or a period with its year")
    return str(period)


def _due_period(text: str, fy_start: int) -> Period | None:
    if match := _DAY_MONTH_YEAR.fullmatch(text.strip()):
        day, month, year = (int(part) for part in match.groups())
        try:
            when = date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            return None
        return Period(when, when, when.isoformat())
    try:
        return parse_period(text, fy_start)
    except PeriodError:
        pass
    if not re.search(r"\d{4}", text):
        return None
    # The year is written, so the day the plan was written, which places a month or quarter
    # named without one, plays no part.
    return parse_when(text, date(2000, 1, 1), fy_start)


def _progress(text: str) -> str:
    try:
        return str(parse_progress(text))
    except ValueError:
        raise ValueError(f"its progress {text!r} is not a percentage") from None


def _status(text: str) -> str:
    try:
        parse_action_status(text)
    except ValueError:
        raise ValueError(f"its status {text!r} is not Green, Amber, Red or Completed") from None
    return text


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _line(pieces: list[str]) -> str:
    # A text export's cells are mostly plain words: no markup to parse.
    texts = (to_text(piece) if "<" in piece or "&" in piece else piece for piece in pieces)
    return " ".join(_clean(" ".join(texts)).split())


def _markdown(pieces: list[str]) -> str:
    return _clean("\n\n".join(to_markdown(piece) for piece in pieces)).strip()


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")
