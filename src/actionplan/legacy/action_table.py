"""Action tables in legacy documents: the header row that starts one, and its rows collected
as written, for `action_values` to read into an action plan's `actions`.

Councils head the columns of their action updates in many ways ("Owner", "Lead officer",
"Responsible"; "% complete", "Progress"); a header cell is compared after dropping case, spacing
and punctuation, as the template's labels are. A table is read as actions only when one of its
columns is the action itself: the other columns alone say nothing of what is to be done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Each action key and the header words that name its column, compared as `header_key` gives.
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("No", "Number", "Ref", "Reference", "Action no", "Action number", "ID", "#"),
    "action": (
        "Action",
        "Actions",
        "Action description",
        "Description",
        "Task",
        "Activity",
        "Objective",
        "Milestone",
    ),
    "owner": (
        "Owner",
        "Action owner",
        "Lead",
        "Lead officer",
        "Responsible",
        "Responsible officer",
        "Who is responsible",
    ),
    "due": (
        "Due",
        "Due date",
        "Date due",
        "Deadline",
        "Target date",
        "By when",
        "Completion date",
        "Target completion date",
        "Timescale",
    ),
    "progress": ("% complete", "Percentage complete", "Percent complete", "Progress", "% done"),
    "stage": ("Stage",),
    "status": ("Status", "RAG", "RAG status", "RAG rating"),
    "note": (
        "Comments",
        "Comment",
        "Update",
        "Updates",
        "Latest update",
        "Progress update",
        "Note",
        "Notes",
        "Commentary",
    ),
}


def header_key(text: str) -> str:
    """A header cell as compared: "% Complete", "% complete:" and "%COMPLETE" are one."""
    flat = " ".join(text.split()).lower()
    return re.sub(r"[^a-z0-9%#]", "", flat)


_KEYS = {header_key(word): name for name, words in COLUMNS.items() for word in words}


def column_of(header: str) -> str | None:
    """The action key a header cell names, with or without a bracketed part."""
    without_brackets = re.sub(r"\([^)]*\)?", " ", header)
    for candidate in (header, without_brackets):
        name = _KEYS.get(header_key(candidate))
        if name:
            return name
    return None


@dataclass(frozen=True)
class Header:
    """A header row: each column's key (None for one it cannot place) and the words it has."""

    names: list[str | None]
    words: list[str]

    @property
    def has_action(self) -> bool:
        return "action" in self.names

    @property
    def action_column(self) -> int:
        return self.names.index("action")

    def placed(self, column: int) -> str | None:
        """The key a column fills: the first column of each key; a second one of the same key
        is kept in the note with its header, as a column it cannot place."""
        name = self.names[column]
        return name if name is not None and self.names.index(name) == column else None


def read_header(cells: list[str]) -> Header | None:
    """The header of an action table, or None when the row is not one: at least two of its
    cells name action columns, and at least half of those with words in them."""
    words = [" ".join(cell.split()) for cell in cells]
    names = [column_of(word) if word and len(word) <= 60 else None for word in words]
    filled = sum(1 for word in words if word)
    found = sum(1 for name in names if name is not None)
    if len(cells) < 2 or found < 2 or 2 * found < filled:
        return None
    return Header(names, words)


@dataclass
class ActionRow:
    """One action as written: each column's cells (more than one when the row below carried it
    on), and where it starts."""

    where: str
    cells: dict[int, list[str]] = field(default_factory=dict)

    def add(self, column: int, text: str) -> None:
        if text.strip():
            self.cells.setdefault(column, []).append(text)


@dataclass
class ActionTable:
    """The rows under an action table's header, in the document's order."""

    name: str  # where its header is: "table 2 row 1", "line 14"
    header: Header
    rows: list[ActionRow] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # rows of one cell inside the table

    def row(self, cells: list[str], where: str) -> None:
        """A row of cells, placed by position. A row whose action cell is empty carries on the
        action above it (a page break, or cells merged down); a blank row is passed over."""
        if not any(cell.strip() for cell in cells):
            return
        action = cells[self.header.action_column] if self.header.action_column < len(cells) else ""
        if action.strip() or not self.rows:
            self.rows.append(ActionRow(where))
        current = self.rows[-1]
        for column, text in enumerate(cells[: len(self.header.names)]):
            current.add(column, text)
        for text in cells[len(self.header.names) :]:
            current.add(len(self.header.names), text)  # beyond the header: an unnamed column
