"""Changes to many files at once that happen to all of them or to none, even if the process
is killed half way.

Before the first file is replaced, a journal holding every file's new text (and a hash of its
old and new bytes) is written and flushed to disk, beside the plans: from then on the change is
decided. The files are then replaced one by one, and the journal removed. A run killed before
the journal is complete changed nothing; one killed after it leaves the journal, and the next
command that reads or edits those plans finishes the change first (`recover`). Every folder
involved is locked throughout (see `locks`), so a journal is never finished while its own run
is still writing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import sync_folder, write_atomic
from actionplan.workspace.locks import folder_of, locked

JOURNAL = ".actionplan-journal.json"
_VERSION = 1


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextlib.contextmanager
def transaction(paths: list[Path], journal_folder: Path) -> Iterator[None]:
    """Lock the folders of `paths` and of the journal for a `commit`; an unfinished change
    left by a killed run is finished first."""
    recover(journal_folder)
    with locked([*(folder_of(p) for p in paths), journal_folder]):
        yield


def commit(texts: Mapping[Path, str], journal_folder: Path, created: Collection[Path] = ()) -> None:
    """Replace every file's content with its new text, all or nothing; the files in `created`
    are new, and are never written over a file. Call inside `transaction` for the same files."""
    if len(texts) == 1:
        [(path, text)] = texts.items()
        write_atomic(path, text, create=path in created)  # one rename is all or nothing already
        return
    entries = []
    for path, text in texts.items():
        old = None if path in created else _old_digest(path)
        new = text.encode("utf-8")
        entries.append(
            {"path": os.path.realpath(path), "old": old, "new": _digest(new), "text": text}
        )
    journal = journal_folder / JOURNAL
    write_atomic(journal, json.dumps({"version": _VERSION, "files": entries}), create=True)
    for path, text in texts.items():
        # Each new text is on disk before its rename, as always; the renames are made durable
        # together, by flushing each folder once after the last of them (one flush a file cost
        # as much as the edits). A crash before that loses none: the journal, on disk since
        # before the first rename and removed only after the flushes, finishes any rename lost.
        write_atomic(path, text, create=path in created, sync=False)
    for folder in sorted({folder_of(path) for path in texts}):
        sync_folder(folder)
    _remove(journal)


def _old_digest(path: Path) -> str:
    try:
        return _digest(Path(os.path.realpath(path)).read_bytes())
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None


def recover(folder: Path) -> list[str]:
    """Finish the change a killed run left in `folder`'s journal, if any; returns what was
    done, one line per file. Files changed since by someone else are left alone and named."""
    journal = folder / JOURNAL
    if not journal.exists():
        if _journal_begun(folder):
            with locked([folder]):  # removes it, once no run is writing it
                pass
        return []
    entries = _entries(journal)
    with locked([*(Path(e["path"]).parent for e in entries), folder]):
        if not journal.exists():  # finished by another command while we waited
            return []
        done = [_roll_forward(entry) for entry in _entries(journal)]
        _remove(journal)
    return [line for line in done if line]


def _journal_begun(folder: Path) -> bool:
    """A journal's temporary file: a run killed before its journal was complete (so before
    any file changed), or one writing it now."""
    try:
        return any(name.startswith(f".{JOURNAL}.") for name in os.listdir(folder))
    except OSError:
        return False


def _entries(journal: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        entries = data["files"]
        if data.get("version") != _VERSION or not all(
            {"path", "old", "new", "text"} <= set(e) for e in entries
        ):
            raise ValueError("unknown journal format")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ActionplanError(
            f"{journal}: an interrupted `record --csv` or `--table` left this journal, and it "
            f"cannot be read ({error}): check the files it names, then delete it"
        ) from None
    return list(entries)


def _roll_forward(entry: dict[str, Any]) -> str:
    path = Path(entry["path"])
    try:
        current = _digest(path.read_bytes())
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    if current == entry["new"]:
        return ""
    if current != entry["old"]:  # a new file's `old` is None: it must still be missing
        return f"{path}: changed since the interrupted `record --csv` or `--table`: left as it is"
    write_atomic(path, entry["text"], create=entry["old"] is None)
    return f"{path}: finished the interrupted `record --csv` or `--table`"


def _remove(journal: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        journal.unlink()
    sync_folder(journal.parent)


def recover_around(paths: list[Path]) -> list[str]:
    """`recover` for the plans folders named (or holding the files named), the folders above
    them and the root of their tree: wherever `record --csv` or `--table` may have kept the
    journal of a change to the files under `paths`."""
    from actionplan.workspace.store import find_settings

    folders = {p if p.is_dir() else p.parent for p in paths}
    settings = find_settings(paths)
    if settings is not None:
        folders.add(settings.parent)
    done = [line for folder in sorted(folders) for line in recover(folder)]
    return done + recover_in([p if p.is_dir() else p.parent for p in paths])


def recover_in(folders: Iterable[str | Path]) -> list[str]:
    """`recover` for every journal in `folders` or in a folder above one of them: a command
    that has found its plan files (under the folder a journal names, or under its parent)
    calls it before it reads them. A folder is looked at once, so a large tree costs a few
    `stat` calls."""
    seen: set[str] = set()
    found: list[Path] = []
    for folder in {os.path.abspath(f) for f in folders}:
        while folder not in seen:
            seen.add(folder)
            if os.path.exists(os.path.join(folder, JOURNAL)):
                found.append(Path(folder))
            folder = os.path.dirname(folder)
    return [line for folder in sorted(found) for line in recover(folder)]
