"""Loading the plans tree as every command starts: an interrupted bulk edit finished or undone
first (a command never goes on with a half-changed tree), the files read with a progress bar,
and for an edit the indicator it names."""

from __future__ import annotations

import os
from pathlib import Path

from actionplan.app.progress import progress
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace.cache import ParseCache, default_cache_file
from actionplan.workspace.journal import recover_around, recover_in
from actionplan.workspace.store import IndicatorFile, Workspace, load_workspace, plan_paths


def load_plans(paths: list[Path], *, cache: bool = True) -> Workspace:
    """The workspace under `paths`, read with a progress bar on a terminal; a bulk edit that
    was interrupted is first finished or undone (its notes are the workspace's first notes)."""
    notes = list(recover_around(paths))
    parse_cache = ParseCache(default_cache_file(paths)) if cache else None
    with progress("Reading plan files") as tick:
        workspace = load_workspace(paths, cache=parse_cache, progress=tick)
    read = [str(f.path) for f in workspace.files] + [str(p.path) for p in workspace.problems]
    if finished := recover_in({name.rpartition(os.sep)[0] or "." for name in read}):
        # A journal below the folders named, seen only once their files were found: what was
        # read may be half changed, so it is read again, whole.
        notes += finished
        with progress("Reading plan files") as tick:
            workspace = load_workspace(paths, cache=parse_cache, progress=tick)
    workspace.notes[:0] = notes
    return workspace


def load_reported(paths: list[Path], *, cache: bool = True) -> tuple[Workspace, Outcome]:
    """The workspace, and an outcome that already says its notes and the files that could not
    be read (exit 2 for those): how every document command starts."""
    workspace = load_plans(paths, cache=cache)
    outcome = Outcome(err=[f"note: {line}" for line in workspace.notes])
    for problem in workspace.problems:
        outcome.fail(BAD_INPUT, str(problem))
    return workspace, outcome


def said_notes(workspace: Workspace) -> list[str]:
    """The workspace's notes (an interrupted bulk edit finished) as an edit prints them."""
    return [f"note: {line}" for line in workspace.notes]


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
