"""The journal of a change to many files, on disk from the first new text on: each file's new
text is written to it as soon as it is made, so a change to a hundred thousand files never
holds their texts in memory at once, and it is read back one entry at a time.

The file is JSON lines: a first line naming its version, then one line a file (its path, a hash
of its old bytes, or null for a new file, a hash of its new bytes, and its new text). Until the
change is decided it is a temporary file beside where the journal goes, which the next command
to lock that folder removes if the run was killed (see `locks`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import sync_folder
from actionplan.workspace.locks import TEMP_SUFFIX

JOURNAL = ".actionplan-journal.json"
VERSION = 2  # JSON lines; 1 was one JSON document, still read
_KEYS = {"path", "old", "new", "text"}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Pending:
    """The new texts of a change as they are made, kept in the journal's temporary file (the
    first in memory too, as a change to one file needs no journal)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        self.first: tuple[Path, str, bool] | None = None
        self._temp: str | None = None
        self._out: IO[str] | None = None

    def add(self, path: Path, text: str, *, created: bool = False) -> None:
        """Keep `path`'s new text; `created` for a file that does not exist yet. Call under the
        lock of `path`'s folder, as its old bytes are hashed now."""
        old = None if created else _old_digest(path)
        entry = {"path": os.path.realpath(path), "old": old, "new": "", "text": text}
        entry["new"] = digest(text.encode("utf-8"))
        if self.first is None:
            self.first = (path, text, created)
        out = self._out if self._out is not None else self._open()
        try:
            out.write(json.dumps(entry) + "\n")
        except OSError as error:
            self.discard()
            raise ActionplanError(
                f"{self.folder}: cannot write the journal ({error.strerror}): nothing was changed"
            ) from None
        self.count += 1

    def _open(self) -> IO[str]:
        try:
            fd, self._temp = tempfile.mkstemp(
                dir=self.folder, prefix=f".{JOURNAL}.", suffix=TEMP_SUFFIX
            )
        except OSError as error:
            raise ActionplanError(
                f"{self.folder}: cannot write the journal ({error.strerror}): nothing was changed"
            ) from None
        self._out = open(fd, "w", encoding="utf-8")  # noqa: SIM115 - closed in `decide`
        self._out.write(json.dumps({"version": VERSION}) + "\n")
        return self._out

    def decide(self) -> Path:
        """Put the journal in place, flushed to disk: from now on the change is made."""
        journal = self.folder / JOURNAL
        if self._out is None or self._temp is None:
            raise ValueError("no texts to journal")
        try:
            self._out.flush()
            os.fsync(self._out.fileno())
            self._out.close()
            os.link(self._temp, journal)  # never over another run's journal
            os.unlink(self._temp)
        except OSError as error:
            self.discard()
            raise ActionplanError(
                f"{journal}: cannot write ({error.strerror}): nothing was changed"
            ) from None
        self._out = self._temp = None
        sync_folder(self.folder)
        return journal

    def discard(self) -> None:
        """Drop the texts: nothing is changed."""
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
        self._out = self._temp = None


def _old_digest(path: Path) -> str:
    try:
        return digest(Path(os.path.realpath(path)).read_bytes())
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None


def entries(journal: Path) -> Iterator[dict[str, Any]]:
    """The journal's entries, one at a time; an unreadable journal stops the command."""
    try:
        with journal.open(encoding="utf-8") as source:
            head = json.loads(source.readline())
            if head.get("version") == 1:
                found = iter(head["files"])
            elif head.get("version") == VERSION:
                found = (json.loads(line) for line in source if line.strip())
            else:
                raise ValueError("unknown journal format")
            for entry in found:
                if not isinstance(entry, dict) or not set(entry) >= _KEYS:
                    raise ValueError("unknown journal format")
                yield entry
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ActionplanError(
            f"{journal}: an interrupted `record --csv` or `--table` left this journal, and it "
            f"cannot be read ({error}): check the files it names, then delete it"
        ) from None
