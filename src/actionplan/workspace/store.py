"""Find and load plan files: every problem located, a bad file never stopping the others.

Parsing is the expensive part of loading, so it is spread over the machine's cores for large
trees and its results are cached between runs, keyed by path, size and modification time.
Validation stays in this process: it is cheap, and it depends on the workspace settings.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from actionplan.errors import ActionplanError, FileProblem, Problem
from actionplan.workspace.cache import ParseCache, Parsed
from actionplan.workspace.limits import PLAN_BYTES, PLAN_FILES_FIGURES, regular
from actionplan.workspace.parallel import ordered_map
from actionplan.workspace.reading import parse_file, parse_outcome, too_big
from actionplan.workspace.validation import indicator_context, validate
from actionplan.workspace.walk import SETTINGS_FILE, cannot, find_plan_names, over_tree_limit

if TYPE_CHECKING:  # imported where files are validated: finding them needs neither
    from actionplan.domain.models import Indicator, Settings


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IndicatorFile:
    """A valid indicator and the file it came from."""

    path: Path
    indicator: Indicator


@dataclass
class Workspace:
    """Everything loaded from the plans tree: settings, valid indicators, and problems."""

    settings: Settings = field(default_factory=lambda: _default_settings())
    settings_path: Path | None = None
    files: list[IndicatorFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said once on stderr: `note: ...`

    def find(self, indicator_id: str) -> IndicatorFile | None:
        return next((f for f in self.files if f.indicator.id == indicator_id), None)


def plan_paths(paths: Sequence[Path] | None) -> list[Path]:
    """The paths a command reads: those named, else `./plans`."""
    if paths:
        return list(paths)
    default = Path("plans")
    if not default.is_dir():
        raise ActionplanError(
            "there is no ./plans folder here: run in the folder that holds plans/, or name the "
            "plan files and folders to read"
        )
    return [default]


def find_plan_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Every plan file under the given files and folders, in a stable order; a folder that
    cannot be read, or something that is not a file, is a problem rather than nothing."""
    names, problems = find_plan_names(paths)
    return [Path(name) for name in names], problems


def find_settings(paths: Sequence[Path]) -> Path | None:
    """The settings file at the root of the plans tree: in the folder given, or above it up
    to the repository's root."""
    for path in paths:
        folder = (path if path.is_dir() else path.parent).absolute()
        for candidate in [folder, *folder.parents]:
            if (candidate / SETTINGS_FILE).is_file():
                return display_path(candidate / SETTINGS_FILE)
            if (candidate / ".git").exists():
                break
    return None


def display_path(path: Path) -> Path:
    """A path relative to the working folder when it is inside it, as a user would type it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def load_settings(path: Path | None) -> tuple[Settings, list[Problem]]:
    from actionplan.domain.models import Settings

    if path is None:
        return Settings(), []
    try:
        parsed = parse_file(path, keep_tree=True)
        return validate(Settings, parsed.data, path, {}, parsed.tree), []
    except FileProblem as error:
        return Settings(), error.problems


def load_workspace(
    paths: Sequence[Path], *, cache: ParseCache | None = None, progress: Progress | None = None
) -> Workspace:
    """Load every plan file under `paths`; problems are collected, never raised."""
    from actionplan.domain.models import Indicator

    settings_path = find_settings(paths)
    settings, problems = load_settings(settings_path)
    files, missing = find_plan_files(paths)
    workspace = Workspace(settings, settings_path, problems=problems + missing)
    ids: dict[str, Path] = {}
    figures, most = 0, PLAN_FILES_FIGURES.value
    for path, outcome in _parse_all(files, cache, progress):
        if isinstance(outcome, Problem):
            workspace.problems.append(outcome)
            continue
        try:
            context = indicator_context(settings.financial_year_start, path, settings.statuses)
            indicator = validate(Indicator, outcome.data, path, context)
        except FileProblem as error:
            workspace.problems.extend(error.problems)
            continue
        if indicator.id in ids:
            line, column = outcome.id_position
            workspace.problems.append(Problem(path, line, column, _duplicate_id(indicator.id, ids)))
            continue
        ids[indicator.id] = path
        workspace.files.append(IndicatorFile(path, indicator))
        figures += len(indicator.measurements)
        if figures > most:
            found = f"more than {most:,} figures by {path}"
            raise over_tree_limit(paths, PLAN_FILES_FIGURES, found)
    return workspace


def _duplicate_id(indicator_id: str, ids: Mapping[str, Path | str]) -> str:
    return (
        f"id '{indicator_id}' is already used by {ids[indicator_id]}: give one of them another "
        "`id:` (ids default to the file name)"
    )


def _parse_all(
    files: list[Path], cache: ParseCache | None, progress: Progress | None
) -> Iterator[tuple[Path, Parsed | Problem]]:
    """(path, parsed data or problem) for every file, in the order given, as they are parsed:
    the caller validates one file while worker processes parse the next."""
    stats: dict[Path, os.stat_result] = {}
    early: dict[Path, Parsed | Problem] = {}  # cache hits, and files that cannot be read
    todo: list[Path] = []
    for path in files:
        try:
            stats[path] = regular(path.stat())
        except OSError as error:
            early[path] = Problem(path, 1, 1, cannot(error))
            continue
        if stats[path].st_size > PLAN_BYTES.value:
            early[path] = Problem(path, 1, 1, too_big(stats[path].st_size))
            continue
        hit = cache.get(path, stats[path]) if cache else None
        if hit is None:
            todo.append(path)
        else:
            early[path] = hit
    parsed = ordered_map(parse_outcome, todo)
    for done, path in enumerate(files, start=1):
        outcome = early.get(path) or next(parsed)
        if cache and path not in early and isinstance(outcome, Parsed):
            cache.put(path, stats[path], outcome)
        if progress:
            progress(done, len(files))
        yield path, outcome
    if cache:
        cache.save()


def _default_settings() -> Settings:
    # Imported on first use, as above: a run that only finds files, or prints results kept
    # from an earlier run, does without pydantic.
    from actionplan.domain.models import Settings

    return Settings()
