"""Progress on a terminal for long work, and loading a plans tree with it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace.cache import ParseCache, default_cache_file
from actionplan.workspace.journal import recover_around
from actionplan.workspace.store import Workspace, load_workspace


@contextmanager
def progress(label: str, stream: TextIO | None = None) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on a terminal (stderr) for long work; silent when piped."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=stream), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            if total >= 200:
                bar.update(task, completed=done, total=total)

        yield tick


def load_plans(paths: list[Path], *, cache: bool = True) -> Workspace:
    """The workspace under `paths`, read with a progress bar on a terminal; a bulk edit that
    was interrupted is first finished or undone (its notes are the workspace's first notes)."""
    notes = list(recover_around(paths))
    parse_cache = ParseCache(default_cache_file(paths)) if cache else None
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
