"""Locks that keep two commands from editing the same plan files at once.

An edit reads a file, changes it in memory and renames a new version over it; two at once would
each start from the old text, and the second rename would drop the first one's change. So every
edit holds an exclusive lock on the folder of each file it changes, from before it reads until
after it writes. The folder itself is locked (flock on its descriptor), rather than the file,
which the rename replaces, or a lock file, which would be left beside the plans; a command
that finds a folder locked waits for it, and gives up with a message after `WAIT_SECONDS`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from actionplan.errors import ActionplanError

WAIT_SECONDS = 30.0
_POLL_SECONDS = 0.01
# The temporary files `atomic.write_atomic` makes: `.NAME.RANDOM.actionplan.tmp`.
TEMP_SUFFIX = ".actionplan.tmp"
_TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")


class BusyError(ActionplanError):
    """Another command held the lock for too long: nothing was changed."""

    exit_code = 1


def folder_of(path: Path) -> Path:
    """The folder whose lock guards `path`: that of the file a symlink leads to."""
    return Path(os.path.realpath(path)).parent


@contextlib.contextmanager
def locked(folders: Iterable[Path], wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold every folder's lock; they are taken in one order, so two commands never wait on
    each other. Temporary files left in them by a command that was killed are removed."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({Path(os.path.realpath(f)) for f in folders}):
            stack.enter_context(_folder_lock(folder, wait))
            remove_stale_temporaries(folder)
        yield


@contextlib.contextmanager
def _folder_lock(folder: Path, wait: float) -> Iterator[None]:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise ActionplanError(f"{folder}: cannot open the folder: {error.strerror}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BusyError(
                        f"{folder}: another actionplan command has been editing files here for "
                        f"{wait:.0f} s: nothing was changed; try again when it has finished"
                    ) from None
                time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files of an edit that was killed before its rename. Only called with the
    folder locked, when no edit there can be under way."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if _TEMP.match(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
