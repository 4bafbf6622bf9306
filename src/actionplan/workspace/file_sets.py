"""A set of files written into one folder all or none: a report and its charts, or the
documents of many plans.

Each new file is first written, in full and flushed to disk, into a hidden staging folder
inside the target folder (`.actionplan-staging.RANDOM`); a disk that fills up, or any other
failure, then costs only the staging folder, and the folder's files stay as they were. Once
every file is staged, a `ready` mark is made durable in the staging folder: from then on the set
is decided, and the files are renamed into place, the folder flushed, and the staging folder
removed. A run killed before the mark leaves a staging folder that the next write into the
folder removes; one killed after it leaves one that the next write finishes (`finish_sets`).
Callers hold the folder's lock (`locks.locked`) throughout, so no staging folder is finished or
removed while its own run is writing it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import sync_folder, write_staged

STAGING_PREFIX = ".actionplan-staging."
_READY = ".ready"  # never an output's name: output names cannot begin with a dot


def replace_set(folder: Path, files: Mapping[str, str | bytes]) -> None:
    """Put every file of `files` (name in `folder` -> content) in place, or none of them;
    raises ActionplanError, with the folder as it was, when one cannot be written."""
    finish_sets(folder)
    if not files:
        return
    if any(name.startswith(".") or "/" in name for name in files):
        raise ValueError("file set names are plain, visible file names")
    staging = _new_staging(folder)
    try:
        for name, content in files.items():
            write_staged(staging / name, content, replacing=folder / name)
        sync_folder(staging)
        _mark_ready(staging)
    except ActionplanError as error:
        _discard(staging)
        raise ActionplanError(f"{error}: nothing in {folder} was changed") from None
    except OSError as error:
        _discard(staging)
        raise ActionplanError(
            f"{folder}: cannot write {error.filename or 'the files'} ({error.strerror}): "
            "nothing in it was changed"
        ) from None
    except BaseException:
        _discard(staging)
        raise
    _move_in(staging, folder)


def finish_sets(folder: Path) -> None:
    """Finish the set a killed run had decided (its staging folder marked ready), and remove
    the staging folder of one killed before it had."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(STAGING_PREFIX)]
    except OSError:
        return
    for name in sorted(names):
        staging = folder / name
        try:
            is_folder = stat.S_ISDIR(os.lstat(staging).st_mode)
        except OSError:
            continue
        if not is_folder:
            continue
        if (staging / _READY).exists():
            _move_in(staging, folder)
        else:
            _discard(staging)


def _new_staging(folder: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    except OSError as error:
        raise ActionplanError(
            f"{folder}: cannot write ({error.strerror}): nothing in it was changed"
        ) from None


def _mark_ready(staging: Path) -> None:
    fd = os.open(staging / _READY, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    sync_folder(staging)


def _move_in(staging: Path, folder: Path) -> None:
    """Rename every staged file over its target, make the renames durable, then drop the
    staging folder (the mark last but one, so a kill in between is finished again)."""
    try:
        for name in sorted(os.listdir(staging)):
            if name != _READY:
                os.replace(staging / name, folder / name)
        sync_folder(folder)
        os.unlink(staging / _READY)
        sync_folder(staging)
        os.rmdir(staging)
    except OSError as error:
        raise ActionplanError(
            f"{folder}: cannot put {error.filename or 'the new files'} in place "
            f"({error.strerror}): the next command that writes here finishes it"
        ) from None


def _discard(staging: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(staging)
