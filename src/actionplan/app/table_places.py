"""Where each row of a published table goes: the file of its id (or, with `--match title`, of
its title), or a new file with `--create`. Two rows for one indicator, two titles that make
one id, and a title two files share are refused by name, since either row could be meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from actionplan.edit.table_rows import Entry, Problem
from actionplan.edit.title_ids import files_by_title, title_key
from actionplan.errors import ActionplanError
from actionplan.workspace.limits import FILES_CHANGED, PLAN_FILES
from actionplan.workspace.store import Workspace

LISTED = 1000  # bad rows listed one by one; the rest are counted


@dataclass
class Placed:
    """Where each row goes: an existing file, or a new one. Only the rows that change a file
    are kept, and the first bad rows, so that memory does not grow with the table's length."""

    files: dict[Path, Entry] = field(default_factory=dict)
    created: set[Path] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # figures kept that a person should know of
    revised: list[str] = field(default_factory=list)  # figures --replace changed, old → new
    directions: list[str] = field(default_factory=list)  # new files' directions, and why
    bad: int = 0  # bad rows, listed or not

    def refuse(self, problem: Problem) -> None:
        self.bad += 1
        if len(self.problems) < LISTED:
            self.problems.append(problem)

    def refuse_row(self, entry: Entry, message: str) -> None:
        self.refuse(Problem(entry.row, entry.where, message))


def place_rows(
    rows: Iterable[Entry | Problem],
    workspace: Workspace,
    folder: Path,
    create: bool,
    match: Literal["id", "title"] = "id",
) -> Placed:
    by_id = {f.indicator.id: f.path for f in workspace.files}
    by_title = files_by_title((f.indicator.title, f.path) for f in workspace.files)
    plan = Placed()
    # Where each key was first seen (and its title, where the id was made from it): a row's
    # few strings, not the row, so that memory stays small for a table of a million rows.
    first: dict[str, tuple[str, str | None]] = {}  # by id, or by title with --match title
    for entry in rows:
        if isinstance(entry, Problem):
            plan.refuse(entry)
            continue
        key = title_key(entry.title or "") if match == "title" else entry.id
        if key in first:
            plan.refuse_row(entry, _twice(entry, first[key]))
            continue
        first[key] = (entry.where, entry.title if entry.id_from_title else None)
        found = _found(entry, by_id, by_title, match)
        if isinstance(found, str):
            plan.refuse_row(entry, found)
            continue
        if found is not None:
            plan.files[found] = entry
            _within_limit(plan)
            continue
        if not create:
            plan.refuse_row(entry, _unknown(entry, match))
            continue
        try:
            if entry.id in by_id:  # a new title whose slug another file already has
                raise ActionplanError(
                    f"no indicator has the title {entry.title!r}, and its id {entry.id!r} is "
                    f"{by_id[entry.id]}'s: change the title in that file or in the table"
                )
            path = new_path(folder, entry)
        except ActionplanError as error:
            plan.refuse_row(entry, str(error))
            continue
        plan.files[path] = entry
        plan.created.add(path)
        _within_limit(plan)
        if len(workspace.files) + len(plan.created) > PLAN_FILES.value:
            # Refused now, rather than leave a tree no command would then read.
            raise ActionplanError(
                f"the table takes the plans to more than {PLAN_FILES.value:,} files, the most "
                "one command reads: keep each directorate's plans in a tree of its own, or "
                "raise the limit with ACTIONPLAN_MAX_PLAN_FILES; nothing was recorded"
            )
    return plan


def _within_limit(plan: Placed) -> None:
    """Refused at the first file over the limit, before the rest of the table is read: what
    each changed file keeps until the batch commits would otherwise grow with the table."""
    if len(plan.files) > FILES_CHANGED.value:
        raise ActionplanError(
            FILES_CHANGED.advice(f"the table changes more than {FILES_CHANGED.value:,} files")
            + ", or record the table in parts; nothing was recorded"
        )


def _found(
    entry: Entry,
    by_id: dict[str, Path],
    by_title: dict[str, list[Path]],
    match: Literal["id", "title"],
) -> Path | str | None:
    """The row's file, None when it has none, or why it cannot be told."""
    if match == "id":
        return by_id.get(entry.id)
    paths = by_title.get(title_key(entry.title or ""), [])
    if len(paths) > 1:
        return (
            f"{' and '.join(map(str, paths))} both have the title {entry.title!r}: give them "
            "different titles, or map an id column instead of --match title"
        )
    return paths[0] if paths else None


def _twice(entry: Entry, earlier: tuple[str, str | None]) -> str:
    where, title = earlier
    if entry.id_from_title and entry.title != title:
        return (
            f"the titles {title!r} ({where}) and {entry.title!r} make the same "
            f"id {entry.id!r}: change one title in the table, or map a column of ids"
        )
    return f"{entry.id!r} is also in {where}: keep one row per indicator"


def _unknown(entry: Entry, match: Literal["id", "title"]) -> str:
    if match == "title":
        return (
            f"no indicator has the title {entry.title!r}: add --create to write a file for "
            "it, or correct the title in the table or the file"
        )
    return f"no indicator has the id {entry.id!r}: add --create to write a file for it"


_USABLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def new_path(folder: Path, entry: Entry) -> Path:
    """`plans/DIRECTORATE/ID.yaml`: the directorate as a folder name, never a way out of the
    plans folder; the id as plan files require it, so that it is also a safe file name."""
    if not _USABLE_ID.fullmatch(entry.id):
        raise ActionplanError(
            f"{entry.id!r} is not a usable id for a new file: use letters, digits, '-', '_' or "
            "'.', starting with a letter or digit (change it in the table, or map only the "
            "title column, --map title=COLUMN, to make ids from the titles)"
        )
    sub = re.sub(r"[\W_]+", "-", (entry.directorate or "").lower()).strip("-")[:80]
    path = (folder / sub if sub else folder) / f"{entry.id}.yaml"
    if path.exists() or path.is_symlink():
        raise ActionplanError(
            f"{path} exists but holds no readable indicator {entry.id!r}: fix or move it first"
        )
    return path
