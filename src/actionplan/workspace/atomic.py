"""Writes that never leave half a file: a temporary file beside the target, then a rename.

A replaced file keeps what a person set on it: its permissions, its owner and group (where the
system lets us set them: always as root) and its extended attributes. A file without a write
bit is refused, as an editor refuses it, since a rename would otherwise replace it all the
same. Hard links cannot be kept: the new version is a new file, and the other names of the old
one keep the old text (docs/limits-and-safety.md says so).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from actionplan.errors import ActionplanError
from actionplan.workspace.locks import TEMP_SUFFIX

# A file name may have 255 bytes; the temporary name adds a dot, 8 random characters and the
# suffix, so a long name is shortened to a hash of itself.
_LONG_NAME = 255 - 1 - 9 - len(TEMP_SUFFIX)


def write_atomic(
    path: Path,
    text: str | bytes,
    *,
    create: bool = False,
    follow_links: bool = True,
    sync: bool = True,
) -> None:
    """Replace (or, with `create`, make without overwriting) `path` in one step: the file is
    either as it was or fully new, whenever the process stops. Through a symlink the target is
    written and the link kept; with `follow_links=False` a symlink at `path` is replaced by the
    new file, and never written through. The new content is on disk before the rename; the
    rename itself is made durable by flushing the folder, which `sync=False` leaves to a caller
    replacing many files (see `journal.commit`)."""
    target = Path(os.path.realpath(path)) if follow_links else path
    existing = None if create else _existing(path, target)
    try:
        fd, temp = tempfile.mkstemp(
            dir=target.parent, prefix=f".{_short(target.name)}.", suffix=TEMP_SUFFIX
        )
    except OSError as error:
        raise ActionplanError(f"{path}: cannot write: {error.strerror}") from None
    try:
        _fill(fd, text if isinstance(text, bytes) else text.encode("utf-8"))
        _copy_metadata(existing, target, temp)
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
        raise ActionplanError(
            f"{path}: cannot write ({error.strerror}): the file was left as it was"
        ) from None
    except BaseException:
        _discard(temp)
        raise
    if sync:
        sync_folder(target.parent)


def open_staged(staged: Path, *, replacing: Path) -> BinaryIO:
    """A new file at `staged` (which must not exist), open for writing, to be renamed over
    `replacing` with the permissions, owner and attributes `replacing` has, which it is given
    now: the first half of `write_atomic`, for a caller that renames many files together (see
    `file_sets`), its content written a piece at a time. The caller flushes it to disk before
    the set is put in place. A symlink at `replacing` is replaced by the file, never written
    through."""
    existing = _existing(replacing, replacing)
    fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        _copy_metadata(existing, replacing, str(staged))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "wb")


def refuse_read_only(path: Path) -> None:
    """Raises, as `write_atomic` would, when `path` is a file without a write bit."""
    _existing(path, path)


def _existing(path: Path, target: Path) -> os.stat_result | None:
    """The file being replaced, if it is a regular file; refuses one without a write bit."""
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ActionplanError(f"{path}: cannot write: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        return None
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ActionplanError(
            f"{path}: the file is read-only: nothing was written (make it writable, e.g. "
            "`chmod u+w`, to edit it)"
        )
    return status


def _short(name: str) -> str:
    if len(name.encode("utf-8")) <= _LONG_NAME:
        return name
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:32]


def _fill(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _copy_metadata(existing: os.stat_result | None, target: Path, temp: str) -> None:
    if existing is None:
        os.chmod(temp, _new_file_mode())
        return
    if (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        # Only root can give a file away; anyone can keep a group they belong to.
        with contextlib.suppress(PermissionError):
            os.chown(temp, existing.st_uid, existing.st_gid)
    os.chmod(temp, stat.S_IMODE(existing.st_mode))  # after chown, which clears setuid bits
    _copy_xattrs(target, temp)


def _copy_xattrs(source: Path, temp: str) -> None:
    try:
        names = os.listxattr(source)
    except OSError:
        return  # a file system without extended attributes
    for name in names:
        try:
            os.setxattr(temp, name, os.getxattr(source, name))
        except OSError as error:
            # security.* and system.* need privileges; ACLs are carried by the mode on most
            # systems. Any other failure stops the write rather than dropping the attribute.
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EACCES):
                raise


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _discard(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def sync_folder(folder: Path) -> None:
    """Makes a rename in `folder` durable; not every system can open a folder, and that is
    fine."""
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
