"""Finding the plan files under the folders a command is given.

Names are kept as text (as `str(Path(...))` would write them) rather than as `Path` objects:
a check of 10,000 files served from the results cache needs nothing else of a path, and making
10,000 `Path` objects would take a sixth of its time.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.errors import ActionplanError, Problem
from actionplan.workspace.limits import PLAN_FILES, PLAN_FILES_BYTES, Limit, not_regular

SETTINGS_FILE = "actionplan.yaml"
FOLLOW_LINKS = "ACTIONPLAN_FOLLOW_LINKS"  # set by `actionplan --follow-links`
PLAN_SUFFIXES = (".yaml", ".yml")


def find_plan_names(paths: Sequence[Path]) -> tuple[list[str], list[Problem]]:
    """The name of every plan file under the given files and folders, in a stable order (as
    paths sort); a folder that cannot be read, or something that is not a file, is a problem
    rather than nothing."""
    found: list[str] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            status = path.stat()
        except OSError as error:
            if error.errno == errno.ENOENT and not path.is_symlink():
                problems.append(Problem.nowhere(path, "no such file or folder"))
            else:
                problems.append(Problem(path, 1, 1, cannot(error)))
            continue
        if stat.S_ISDIR(status.st_mode):
            # Every name under one folder starts alike: splitting at separators sorts them as
            # their paths' parts would.
            found.extend(sorted(_walk(path, problems), key=lambda n: n.split(os.sep)))
        elif stat.S_ISREG(status.st_mode):
            found.append(str(path))
        else:
            problems.append(Problem(path, 1, 1, not_regular(status)))
    names = list(dict.fromkeys(found))
    _within_limits(paths, names)
    return names, problems


def _within_limits(paths: Sequence[Path], names: list[str]) -> None:
    """Refuses, before any is read, a tree of more plan files, or more bytes of them, than
    one command reads (`limits.PLAN_FILES`, `limits.PLAN_FILES_BYTES`)."""
    if len(names) > PLAN_FILES.value:
        raise over_tree_limit(paths, PLAN_FILES, f"{len(names):,} plan files")
    total, most = 0, PLAN_FILES_BYTES.value
    for name in names:
        try:
            total += os.stat(name).st_size
        except OSError:
            continue  # reported when it is read
        if total > most:
            found = f"more than {most:,} bytes in {len(names):,} plan files"
            raise over_tree_limit(paths, PLAN_FILES_BYTES, found)


def over_tree_limit(paths: Sequence[Path | str], limit: Limit, found: str) -> ActionplanError:
    """A tree over one of the limits of what one command reads: which, how to raise it, and
    that a folder of it at a time is read within them."""
    where = ", ".join(map(str, paths)) or "plans"
    return ActionplanError(
        f"{where}: {found}, over the limit of {limit.value:,} {limit.what}: read one folder of "
        f"the tree at a time (a directorate's), or, if the files are genuine, raise the limit "
        f"with ACTIONPLAN_{limit.name}; nothing was read"
    )


def cannot(error: OSError) -> str:
    return f"cannot read: {error.strerror}"


def follow_links() -> bool:
    """Whether links leading out of the plans folder are followed (`--follow-links`)."""
    return os.environ.get(FOLLOW_LINKS, "") not in ("", "0")


def joined(folder: str, name: str) -> str:
    """`str(Path(folder, name))` for a folder written as a Path writes it, and a plain name."""
    if folder == ".":
        return name
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


def _walk(top: Path, problems: list[Problem]) -> Iterator[str]:
    """The plan files below `top`, hidden names skipped. A folder that cannot be listed is a
    problem. A symbolic link is followed when it leads inside `top` (a link to a folder
    there is not: its files are read where they are), or when the user says so."""
    links = _Links(os.path.realpath(top), problems)
    # Each folder with its real path when it was reached through a link that was followed.
    folders: list[tuple[str, str | None]] = [(str(top), None)]
    while folders:
        folder, real = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            problems.append(Problem(Path(folder), 1, 1, f"{cannot(error)}: its plans are not read"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = joined(folder, name)
            if entry.is_symlink():
                kind, real_path = links.kind(path, name)
            elif entry.is_dir(follow_symlinks=False):
                real_path = None if real is None else os.path.join(real, name)
                kind = "folder" if real_path is None else links.folder(path, real_path)
            else:
                kind = "file"
            if kind == "folder":
                folders.append((path, real_path))
            elif kind == "file" and name.endswith(PLAN_SUFFIXES) and name != SETTINGS_FILE:
                yield path


@dataclass
class _Links:
    """What the links met in one walk lead to, and the real folders walked through them."""

    inside: str  # the real path of the folder walked
    problems: list[Problem]
    walked: set[str] = field(default_factory=set)

    def within(self, real: str) -> bool:
        return real == self.inside or real.startswith(self.inside.rstrip(os.sep) + os.sep)

    def kind(self, path: str, name: str) -> tuple[str, str | None]:
        """What to read the link at `path` as ("file", "folder", or "" to pass it by), and
        the real path it leads to. A link that leads nowhere is taken for a file: reading it
        reports why. One that vanishes as it is followed, or leads into a special file system,
        is a problem."""
        try:
            target = os.path.realpath(path)
            is_dir = os.path.isdir(target)
            exists = os.path.exists(target)
        except OSError as error:  # removed, or unreadable, between listing and following
            message = f"cannot follow the link ({error.strerror}): it is not read"
            self.problems.append(Problem(Path(path), 1, 1, message))
            return "", None
        if self.within(target) or not exists:
            return ("" if is_dir else "file"), None
        mount = special_mount(target)
        # A device or FIFO there is left to the reader, which names it and never opens it.
        if mount is not None and (is_dir or os.path.isfile(target)):
            if is_dir or name.endswith(PLAN_SUFFIXES):
                self.problems.append(Problem(Path(path), 1, 1, _special(target, mount)))
            return "", None
        if not follow_links():
            if is_dir or name.endswith(PLAN_SUFFIXES):
                self.problems.append(Problem(Path(path), 1, 1, _outside(target)))
            return "", None
        return (self.folder(path, target) if is_dir else "file"), target

    def folder(self, path: str, real: str) -> str:
        """Whether to walk ("folder") or pass by ("") a folder reached through a followed
        link: the plans folder itself is passed by (its files are read where they are), and
        a folder already walked."""
        if self.within(real):
            return ""
        mount = special_mount(real)
        if mount is not None:
            self.problems.append(Problem(Path(path), 1, 1, _special(real, mount)))
            return ""
        if real in self.walked:
            message = f"a loop of symbolic links, or a second link to {real}: it is read once"
            self.problems.append(Problem(Path(path), 1, 1, message))
            return ""
        self.walked.add(real)
        return "folder"


def _outside(target: str) -> str:
    return (
        f"a symbolic link to {target}, outside the plans folder: not read (to read what links "
        f"lead to outside it, run `actionplan --follow-links ...` or set {FOLLOW_LINKS}=1)"
    )


def _special(target: str, mount: str) -> str:
    return (
        f"a symbolic link to {target}, in a special file system ({mount}): never read, even "
        "with --follow-links (its files describe the running system, not plans)"
    )


# File systems whose files are made up by the kernel as they are read: a walk of them never
# ends well (`/proc/self/root` leads to the whole disk, `/proc/<pid>/exe` cannot be followed).
_SPECIAL_TYPES = frozenset({
    "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "securityfs", "debugfs",
    "tracefs", "pstore", "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "nsfs",
    "binfmt_misc", "efivarfs", "autofs", "rpc_pipefs",
})  # fmt: skip
_SPECIAL_ROOTS = ("/proc", "/sys", "/dev")  # whatever is mounted there (a container's /dev)


def special_mount(real: str) -> str | None:
    """The mount point of the special file system `real` lies in, if it lies in one."""
    for mount in _special_mounts():
        if real == mount or real.startswith(mount.rstrip(os.sep) + os.sep):
            return mount
    return None


@functools.cache
def _special_mounts() -> tuple[str, ...]:
    mounts = set(_SPECIAL_ROOTS)
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as table:
            for line in table:
                fields = line.split()
                if len(fields) > 2 and fields[2] in _SPECIAL_TYPES:
                    # The table writes a space in a mount point as \040.
                    mounts.add(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), fields[1]))
    except OSError:  # not Linux, or no /proc: the fixed roots still hold
        pass
    return tuple(sorted(mounts))
