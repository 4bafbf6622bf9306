"""A cache of parsed plan files between runs, keyed by path, size and modification time.

Entries hold only plain YAML data (dicts, lists, text and numbers), stored with `marshal`: fast,
and unable to run code. A checksum of the whole file is checked before anything in it is
decoded, as a damaged byte could otherwise change a figure, or a length that marshal would
trust. A cache that cannot be read, fails its checksum, or was written by another version is
ignored and rebuilt; a cache that cannot be written is skipped silently, as it only saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actionplan import __version__

if TYPE_CHECKING:
    from yaml.nodes import Node

_FORMAT = f"actionplan {__version__} python {sys.version_info[:2]} cache 2"


@dataclass(frozen=True)
class Parsed:
    """One file's YAML data, and where its `id:` is (1-based line and column)."""

    data: dict[str, Any]
    id_position: tuple[int, int]
    # The node tree the data was built from, where the reader asked to keep it: the lines a
    # check points at are found in it without reading the file again. Never cached.
    tree: Node | None = field(default=None, compare=False, repr=False)


def default_cache_file(paths: Sequence[Path]) -> Path:
    if explicit := os.environ.get("ACTIONPLAN_CACHE_DIR"):
        folder = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "actionplan"
    key = "\0".join(sorted(str(p.absolute()) for p in paths))
    return folder / f"parsed-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def _key(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


class ParseCache:
    def __init__(self, file: Path) -> None:
        self.file = file
        self._entries: dict[str, tuple[tuple[int, int, int], Parsed]] = {}
        self._seen: set[str] = set()
        self._changed = False
        self._read()

    def _read(self) -> None:
        try:
            raw = memoryview(self.file.read_bytes())
            # CRC-32 finds every damaged byte, at twice the speed of a cryptographic hash.
            if len(raw) < 4 or int.from_bytes(raw[:4], "big") != zlib.crc32(raw[4:]):
                return
            stored = marshal.loads(raw[4:])
            if stored[0] != _FORMAT:
                return
            self._entries = {
                path: (tuple(key), Parsed(data, tuple(position)))
                for path, (key, data, position) in stored[1].items()
            }
        except Exception:
            self._entries = {}

    def get(self, path: Path, stat: os.stat_result) -> Parsed | None:
        name = str(path.absolute())
        self._seen.add(name)
        entry = self._entries.get(name)
        return entry[1] if entry and entry[0] == _key(stat) else None

    def put(self, path: Path, stat: os.stat_result, parsed: Parsed) -> None:
        name = str(path.absolute())
        self._seen.add(name)
        self._entries[name] = (_key(stat), parsed)
        self._changed = True

    def save(self) -> None:
        """Write the entries seen this run (others are for files since deleted)."""
        kept = {k: v for k, v in self._entries.items() if k in self._seen}
        if not self._changed and len(kept) == len(self._entries):
            return
        payload = (_FORMAT, {k: (key, p.data, p.id_position) for k, (key, p) in kept.items()})
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".marshal")
            data = marshal.dumps(payload)
            with os.fdopen(fd, "wb") as handle:
                handle.write(zlib.crc32(data).to_bytes(4, "big"))
                handle.write(data)
            os.replace(tmp, self.file)
        except (OSError, ValueError):
            return
