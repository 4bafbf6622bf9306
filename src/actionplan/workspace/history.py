"""The plan files as they were committed on a day, read from git: what a committee saw when it
last met, for the figures restated and the targets changed since. Git is run as a command (one
`git cat-file --batch` for every file: benchmarks/bench_history.py measures it against a
library), so no dependency is added; where git, the repository or the day's commit is missing,
a one-line note says so and the caller goes on without history."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from actionplan.errors import FileProblem
from actionplan.workspace.limits import (
    PLAN_BYTES,
    PLAN_FILES,
    PLAN_FILES_BYTES,
    PLAN_FILES_FIGURES,
    Limit,
)
from actionplan.workspace.walk import PLAN_SUFFIXES, SETTINGS_FILE

if TYPE_CHECKING:
    from actionplan.domain.models import Indicator

GIT_SECONDS = 120  # a history read that takes longer is given up, with a note


@dataclass
class Committed:
    """The indicators as committed on or before a day, by id."""

    commit: str  # the commit's short hash
    day: date  # the day it was committed
    indicators: dict[str, Indicator] = field(default_factory=dict)


class NoHistory(Exception):
    """Why the files as they were cannot be read: said once as a note."""


def committed_on(roots: list[Path], day: date, fy_start: int) -> Committed:
    """The plan files under `roots` in the last commit made on or before `day` (by the
    machine's clock); raises NoHistory saying why where there is none."""
    git = shutil.which("git")
    if git is None:
        raise NoHistory("git is not installed")
    first = roots[0] if roots[0].is_dir() else roots[0].parent
    top = _git(git, first, "rev-parse", "--show-toplevel").strip()
    if not top:
        raise NoHistory(f"{first} is not kept in git")
    end = (day + timedelta(days=1)).isoformat()
    line = _git(git, Path(top), "log", "-1", f"--before={end} 00:00:00", "--format=%h %cs")
    if not line.strip():
        raise NoHistory(f"the plans' history in git begins after {day.isoformat()}")
    commit, committed = line.split()
    found = Committed(commit, date.fromisoformat(committed))
    names = _plan_names(git, Path(top), commit, roots)
    if len(names) > PLAN_FILES.value:
        raise NoHistory(_over(PLAN_FILES, f"{len(names):,} plan files"))
    figures = 0
    for name, raw in _contents(git, Path(top), commit, names):
        indicator = _indicator(raw, Path(top, name), fy_start)
        if indicator is not None:
            found.indicators.setdefault(indicator.id, indicator)
            figures += len(indicator.measurements)
            if figures > PLAN_FILES_FIGURES.value:
                raise NoHistory(_over(PLAN_FILES_FIGURES, "more figures"))
    return found


def _over(limit: Limit, found: str) -> str:
    # The plans as they were are read with the limits of the plans as they are: a report
    # reading both holds at most twice what one tree may hold.
    return (
        f"the plans then held {found}, over the limit of {limit.value:,} {limit.what} "
        f"(ACTIONPLAN_{limit.name})"
    )


def _plan_names(git: str, top: Path, commit: str, roots: list[Path]) -> list[str]:
    """The plan files under the roots in the commit, as the tree walk finds them now: hidden
    names and the settings file passed by. Refused, by their sizes as git records them,
    before any is read, where they are more bytes than one command reads."""
    within = [os.path.relpath(root.resolve(), top.resolve()) for root in roots]
    listing = _git(git, top, "ls-tree", "-r", "-z", "-l", commit, "--", *within)
    names = []
    total = 0
    for entry in listing.split("\0"):
        about, _, name = entry.partition("\t")
        parts = PurePosixPath(name).parts
        if not parts or any(part.startswith(".") for part in parts):
            continue
        if parts[-1].endswith(PLAN_SUFFIXES) and parts[-1] != SETTINGS_FILE:
            names.append(name)
            size = about.split()[-1] if about else "0"
            total += int(size) if size.isdigit() else 0
    if total > PLAN_FILES_BYTES.value:
        raise NoHistory(_over(PLAN_FILES_BYTES, f"{total:,} bytes of plan files"))
    return names


def _contents(git: str, top: Path, commit: str, names: list[str]) -> list[tuple[str, bytes]]:
    """Each file's bytes in the commit, through one `git cat-file --batch`; a file over the
    plan size limit is passed by, as it would be refused if read now."""
    if not names:
        return []
    request = "".join(f"{commit}:{name}\n" for name in names).encode()
    done = _run(git, top, "cat-file", "--batch", stdin=request)
    found: list[tuple[str, bytes]] = []
    at = 0
    for name in names:
        header_end = done.index(b"\n", at)
        header = done[at:header_end].split()
        if len(header) < 3 or header[1] != b"blob":  # "missing"
            at = header_end + 1
            continue
        size = int(header[2])
        start = header_end + 1
        if size <= PLAN_BYTES.value:
            found.append((name, done[start : start + size]))
        at = start + size + 1
    return found


def _indicator(raw: bytes, path: Path, fy_start: int) -> Indicator | None:
    """The file as it was, or None where it did not read then (nothing to compare with)."""
    from actionplan.domain.models import Indicator
    from actionplan.workspace.reading import parse_bytes
    from actionplan.workspace.validation import indicator_context, validate

    try:
        parsed = parse_bytes(raw, path)
        return validate(Indicator, parsed.data, path, indicator_context(fy_start, path))
    except FileProblem:
        return None


def _git(git: str, folder: Path, *args: str) -> str:
    try:
        return _run(git, folder, *args).decode("utf-8", "replace")
    except NoHistory:
        return ""


def _run(git: str, folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [git, "-C", str(folder), *args],
            input=stdin,
            capture_output=True,
            timeout=GIT_SECONDS,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NoHistory(f"git could not be run ({error})") from None
    if done.returncode != 0:
        raise NoHistory(
            done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0]
            if done.stderr
            else "git failed"
        )
    return done.stdout
