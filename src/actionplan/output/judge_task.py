"""What a worker process does for `check`: judge one plan file with the workspace settings,
which it loads once.

Light to import: the models, the readers and judging are imported where a task first runs. So a
check that hands its files to worker processes forks them before it has imported any of that
(a tenth of a second) and never imports it itself: the workers import it side by side, each on
its core, while the command waits for their rows.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actionplan.domain.models import Settings
    from actionplan.output.judging import Outcome

# The settings as a check needs them besides each file's row: whether they set a tolerance,
# and their problems as (path, line, column, message).
SettingsInfo = tuple[bool, tuple[tuple[str, int, int, str], ...]]


def judge_task(
    name: str,
    *,
    settings_path: Path | None,
    settings_bytes: bytes,
    as_of: date,
    spc: str,
    json: bool,
) -> tuple[Outcome, SettingsInfo]:
    """The file `name` judged as `check` prints it, and what the settings it was judged with
    say. (Named as text: 50,000 `Path` objects waiting for the workers would take 10 MB.)"""
    from actionplan.output.judging import judge_file

    settings, info = workspace_settings(settings_path, settings_bytes)
    return judge_file(Path(name), settings=settings, as_of=as_of, spc=spc, json=json), info


@lru_cache(maxsize=4)
def workspace_settings(path: Path | None, content: bytes) -> tuple[Settings, SettingsInfo]:
    """The settings file at `path` loaded, once in each process for each `content` it has (the
    content is part of the key only so that a file since changed is loaded again)."""
    from actionplan.workspace.store import load_settings

    settings, problems = load_settings(path)
    return settings, (
        settings.tolerance is not None,
        tuple((str(p.path), p.line, p.column, p.message) for p in problems),
    )
