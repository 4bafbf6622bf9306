"""A cache of checked files between runs: what the check printed for each file, so an
unchanged file is neither read nor judged again.

One file holds every entry, read in one go. The bulky detail of an entry that only some runs
print (the JSON of a row, with every SPC point) is kept in a second file beside it, read only
by the runs that print it: the common run reads a tenth of the bytes.

An entry serves a run only when all of these match what it was made from: the file's path,
size, modification time and inode; the tool (version, Python, and the size and time of each of
its own source files); the workspace settings file's bytes and the limits in force (together,
the cache's `context`); and the check's date, which must fall in the span of days over which
the file's result stays the same. A detail is checked the same way, on its own.

Entries and details are plain data (text, numbers, tuples) stored with `marshal`, which cannot
run code, each with a CRC-32 of its bytes: a damaged one is a miss, never a wrong status. A
cache that cannot be read, or was made for another context, is ignored and rebuilt; one that
cannot be written is skipped, as it only saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import actionplan
from actionplan import __version__

_FORMAT = "actionplan check results 2"
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


class _Store:
    """One file of entries by absolute path, each a CRC-32 and a marshalled blob.

    The file is a header and then the entries in chunks, each chunk marshalled on its own and
    preceded by its length: written a chunk at a time, it never needs a second copy of every
    entry in memory. New entries are marshalled only then, from the very strings of the rows
    the run holds anyway."""

    CHUNK = 1000  # entries in a chunk: about 3 MB with their JSON

    def __init__(self, file: Path, context: str) -> None:
        self.file = file
        self.entries: dict[str, tuple[int, bytes]] = {}
        self.fresh: dict[str, tuple[str, Key, int, int, Any]] = {}
        self.info: Any = None
        self.changed = False
        try:
            self._read(context)
        except Exception:  # unreadable, damaged or foreign: start afresh
            self.entries, self.info = {}, None

    def _read(self, context: str) -> None:
        view = memoryview(self.file.read_bytes())
        chunks = []
        at = 0
        while at < len(view):
            size = int.from_bytes(view[at : at + 4], "big")
            chunks.append(marshal.loads(view[at + 4 : at + 4 + size]))
            at += 4 + size
        header, *parts = chunks
        if tuple(header[:2]) != (_FORMAT, context):
            return
        for part in parts:
            self.entries.update(part)
        self.info = header[2]

    def get(self, name: str, key: Key, day: int) -> Any:
        """What is kept for the file `name` in this state, if it holds on day ordinal `day`."""
        try:
            crc, blob = self.entries[name]
            if zlib.crc32(blob) != crc:
                return None
            stored_name, stored_key, first, after, payload = marshal.loads(blob)
        except Exception:  # absent, or not an entry of this shape
            return None
        if stored_name != name or tuple(stored_key) != key or not first <= day < after:
            return None
        return payload

    def put(self, name: str, key: Key, span: tuple[int, int], payload: Any) -> None:
        self.fresh[name] = (name, key, span[0], span[1], payload)
        self.changed = True

    def save(self, context: str, seen: set[str]) -> None:
        """Write the entries seen this run (others are for files since deleted or renamed)."""
        names = [name for name in seen if name in self.fresh or name in self.entries]
        if not self.changed and len(names) == len(self.entries):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".marshal")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                _frame(handle, marshal.dumps((_FORMAT, context, self.info)))
                for start in range(0, len(names), self.CHUNK):
                    chunk = {name: self._entry(name) for name in names[start : start + self.CHUNK]}
                    _frame(handle, marshal.dumps(chunk))
            os.replace(tmp, self.file)
        except (OSError, ValueError):  # a full disk: no cache this time, and no half of one
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _entry(self, name: str) -> tuple[int, bytes]:
        if name in self.fresh:
            blob = marshal.dumps(self.fresh[name])
            return zlib.crc32(blob), blob
        return self.entries[name]


def _frame(handle: BinaryIO, data: bytes) -> None:
    handle.write(len(data).to_bytes(4, "big"))
    handle.write(data)


class ResultCache:
    """Entries by absolute path (a file named relative to the working folder is kept under its
    absolute path): `get` what a file's check gave, `put` a new one, `save`.

    Each entry is a payload and a detail; the details are read (and written) only when the
    cache is opened `with_details`, else `get` gives None for them and `put` drops them."""

    def __init__(self, file: Path, context: str, *, with_details: bool = False) -> None:
        self.context = context
        self._folder = os.getcwd()
        self._rows = _Store(file, context)
        self._details = _Store(file.with_suffix(".detail"), context) if with_details else None
        self._seen: set[str] = set()
        # What the run found besides the files (the settings' problems...), kept with them.
        self.info: Any = self._rows.info

    def get(self, name: str, key: Key, day: int) -> tuple[tuple[Any, ...], Any] | None:
        """The payload and detail kept for the file `name` in this state, if they hold on day
        ordinal `day` (the detail None when not asked for)."""
        # As `Path.absolute()` names it, without making a Path of each of 10,000 names.
        name = os.path.join(self._folder, name)
        self._seen.add(name)
        payload = self._rows.get(name, key, day)
        if payload is None:
            return None
        if self._details is None:
            return payload, None
        detail = self._details.get(name, key, day)
        return None if detail is None else (payload, detail)

    def put(
        self, name: str, key: Key, span: tuple[int, int], payload: tuple[Any, ...], detail: Any
    ) -> None:
        name = os.path.join(self._folder, name)
        self._seen.add(name)
        self._rows.put(name, key, span, payload)
        if self._details is not None:
            self._details.put(name, key, span, detail)

    def keep_info(self, info: Any) -> None:
        if info != self.info:
            self.info = self._rows.info = info
            self._rows.changed = True

    def save(self) -> None:
        self._rows.save(self.context, self._seen)
        if self._details is not None:
            self._details.save(self.context, self._seen)
