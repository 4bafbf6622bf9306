"""A cache of checked files between runs: what the check printed for each file, so an
unchanged file is neither read nor judged again.

One file holds every entry, read in one go. An entry serves a run only when all of these
match what it was made from: the file's path, size, modification time and inode; the tool
(version, Python, and the size and time of each of its own source files); the workspace
settings file's bytes and the limits in force (together, the cache's `context`); and the check's
date, which must fall in the span of days over which the file's result stays the same.

Entries are plain data (text, numbers, tuples) stored with `marshal`, which cannot run code,
each with a CRC-32 of its bytes: a damaged entry is a miss, never a wrong status. A cache that
cannot be read, or was made for another context, is ignored and rebuilt; one that cannot be
written is skipped, as it only saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import actionplan
from actionplan import __version__

_FORMAT = "actionplan check results 1"
Key = tuple[int, int, int]  # size, modification time (ns), inode


def stat_key(stat: os.stat_result) -> Key:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def cache_folder() -> Path:
    if explicit := os.environ.get("ACTIONPLAN_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "actionplan"


def results_file(paths: Sequence[Path]) -> Path:
    key = "\0".join(sorted(str(p.absolute()) for p in paths))
    return cache_folder() / f"checked-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def tool_fingerprint() -> str:
    """The tool as installed: its version and Python's, and the size and modification time of
    every source file (an upgrade or an edit that keeps the version still changes it)."""
    package = Path(actionplan.__file__).parent
    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    for root, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class ResultCache:
    """Entries by absolute path: `get` what a file's check gave, `put` a new one, `save`."""

    def __init__(self, file: Path, context: str) -> None:
        self.file = file
        self.context = context
        self._entries: dict[str, tuple[int, bytes]] = {}
        self._seen: set[str] = set()
        self._changed = False
        # What the run found besides the files (the settings' problems...), kept with them.
        self.info: Any = None
        try:
            stored = marshal.loads(file.read_bytes())
            header, entries = stored
            if header[:2] == (_FORMAT, context) and isinstance(entries, dict):
                self._entries, self.info = entries, header[2]
        except Exception:  # unreadable, damaged or foreign: start afresh
            self._entries, self.info = {}, None

    def get(self, name: str, key: Key, day: int) -> tuple[Any, ...] | None:
        """The payload kept for the file of absolute path `name` in this state, if it holds on
        day ordinal `day`."""
        self._seen.add(name)
        try:
            crc, blob = self._entries[name]
            if zlib.crc32(blob) != crc:
                return None
            stored_name, stored_key, first, after, payload = marshal.loads(blob)
        except Exception:  # absent, or not an entry of this shape
            return None
        if stored_name != name or tuple(stored_key) != key or not first <= day < after:
            return None
        return payload  # type: ignore[no-any-return]

    def put(self, name: str, key: Key, span: tuple[int, int], payload: tuple[Any, ...]) -> None:
        self._seen.add(name)
        blob = marshal.dumps((name, key, span[0], span[1], payload))
        self._entries[name] = (zlib.crc32(blob), blob)
        self._changed = True

    def keep_info(self, info: Any) -> None:
        if info != self.info:
            self.info, self._changed = info, True

    def save(self) -> None:
        """Write the entries seen this run (others are for files since deleted or renamed)."""
        kept = {k: v for k, v in self._entries.items() if k in self._seen}
        if not self._changed and len(kept) == len(self._entries):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".marshal")
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(((_FORMAT, self.context, self.info), kept)))
            os.replace(tmp, self.file)
        except (OSError, ValueError):
            return
