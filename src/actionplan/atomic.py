"""Writes that never leave half a file: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from actionplan.errors import ActionplanError


def write_atomic(path: Path, text: str, *, create: bool = False) -> None:
    """Replace (or, with `create`, make without overwriting) `path` in one step: the file is
    either as it was or fully new, whenever the process stops."""
    target = Path(os.path.realpath(path))  # through a symlink, not over it
    try:
        # A replaced file keeps its permissions; a new one gets the user's default.
        mode = (
            target.stat().st_mode & 0o7777 if target.exists() and not create else _new_file_mode()
        )
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise ActionplanError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        if create:
            os.link(temp, target)  # fails, rather than overwrites, if the file appeared
            os.unlink(temp)
        else:
            os.replace(temp, target)
    except FileExistsError:
        _discard(temp)
        raise ActionplanError(f"{path} already exists: not overwritten") from None
    except OSError as error:
        _discard(temp)
        raise ActionplanError(f"{path}: cannot write: {error.strerror}") from None
    except BaseException:
        _discard(temp)
        raise
    _sync_folder(target.parent)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _discard(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every system can open a folder, and that is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
