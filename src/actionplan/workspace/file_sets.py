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
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import open_staged, sync_folder

STAGING_PREFIX = ".actionplan-staging."
_READY = ".ready"  # never an output's name: output names cannot begin with a dot


def replace_set(folder: Path, files: Mapping[str, str | bytes]) -> None:
    """Put every file of `files` (name in `folder` -> content) in place, or none of them;
    raises ActionplanError, with the folder as it was, when one cannot be written."""
    with StagedSet(folder) as staged:
        for name, content in files.items():
            staged.add(name, content)
        staged.commit()


class StagedSet:
    """Files staged one at a time, each on disk as soon as it is made (so a set of any size is
    written in the memory of its largest file), then put in place all or none by `commit`.
    Leaving the block without committing, or by an exception, discards what was staged; a
    file that cannot be written raises ActionplanError saying that nothing in the folder was
    changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names: list[str] = []  # staged, in the order they were added
        self.unchanged: list[str] = []  # left out with `keep_same`: the folder has them
        self._staging: Path | None = None
        self._seen: set[str] = set()

    def __enter__(self) -> StagedSet:
        finish_sets(self.folder)
        return self

    def __exit__(self, *exception: object) -> None:
        self.discard()

    def add(self, name: str, content: str | bytes) -> None:
        with self.open(name) as handle:
            handle.write(content if isinstance(content, bytes) else content.encode("utf-8"))

    @contextlib.contextmanager
    def open(self, name: str, *, keep_same: bool = False) -> Iterator[BinaryIO]:
        """A staged file for `name`, open for writing; on disk when the block ends. With
        `keep_same`, a file whose place in the folder already holds the same bytes is taken
        out of the set (so the old file keeps its timestamp) and listed in `unchanged`."""
        if name.startswith(".") or "/" in name or name in self._seen:
            raise ValueError(f"file set names are plain, visible, distinct file names: {name}")
        self._seen.add(name)
        staged = self._folder() / name
        try:
            handle = open_staged(staged, replacing=self.folder / name)
        except ActionplanError as error:
            self.discard()
            raise ActionplanError(f"{error}: nothing in {self.folder} was changed") from None
        except OSError as error:
            raise self._cannot(error, name) from None
        try:
            with handle:
                yield handle
                handle.flush()
                same = keep_same and _same_bytes(staged, self.folder / name)
                if not same:
                    os.fsync(handle.fileno())
            if same:
                os.unlink(staged)
                self.unchanged.append(name)
                return
        except OSError as error:
            raise self._cannot(error, name) from None
        self.names.append(name)

    def commit(self) -> None:
        """Every staged file into its place; nothing staged, nothing changed."""
        if self._staging is None or not self.names:
            self.discard()
            return
        try:
            sync_folder(self._staging)
            _mark_ready(self._staging)
        except OSError as error:
            raise self._cannot(error) from None
        staging, self._staging = self._staging, None
        _move_in(staging, self.folder)

    def discard(self) -> None:
        if self._staging is not None:
            _discard(self._staging)
            self._staging = None

    def _folder(self) -> Path:
        if self._staging is None:
            self._staging = _new_staging(self.folder)
        return self._staging

    def _cannot(self, error: OSError, name: str = "") -> ActionplanError:
        self.discard()
        # The file is named as it would be in the folder, not in the hidden staging folder.
        what = name or error.filename or "the files"
        return ActionplanError(
            f"{self.folder}: cannot write {what} ({error.strerror}): nothing in it was changed"
        )


def _same_bytes(staged: Path, target: Path) -> bool:
    """True when `target` is a regular file (not a link) holding exactly `staged`'s bytes."""
    try:
        status = os.lstat(target)
        if not stat.S_ISREG(status.st_mode) or status.st_size != os.stat(staged).st_size:
            return False
        with open(staged, "rb") as new, open(target, "rb") as old:
            while block := new.read(1 << 20):
                if old.read(len(block)) != block:
                    return False
    except OSError:
        return False
    return True


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
