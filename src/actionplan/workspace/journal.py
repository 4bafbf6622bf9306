"""Changes to many files at once that happen to all of them or to none, even if the process
is killed half way.

Before the first file is replaced, a journal holding every file's new text (and a hash of its
old and new bytes) is written and flushed to disk, beside the plans: from then on the change is
decided. Each text goes into it as it is made (`journal_file`), so memory does not grow with
the number of files changed. The files are then replaced one by one, and the journal removed.
A run killed before the journal is complete changed nothing; one killed after it leaves the
journal, and the next command that reads or edits those plans finishes the change first
(`recover`). Every folder involved is locked throughout (see `locks`), so a journal is never
finished while its own run is still writing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import sync_folder, write_atomic
from actionplan.workspace.journal_file import JOURNAL, Pending, digest, entries
from actionplan.workspace.locks import folder_of, locked

__all__ = ["JOURNAL", "Pending", "commit", "recover", "recover_around", "recover_in"]


@contextlib.contextmanager
def transaction(paths: list[Path], journal_folder: Path) -> Iterator[Pending]:
    """Lock the folders of `paths` and of the journal for a `commit`, and give the `Pending`
    change to add each new text to as it is made; an unfinished change left by a killed run is
    finished first. A change not committed is dropped."""
    recover(journal_folder)
    with locked([*(folder_of(p) for p in paths), journal_folder]):
        pending = Pending(journal_folder)
        try:
            yield pending
        finally:
            pending.discard()


def commit(pending: Pending) -> None:
    """Replace every file's content with its new text, all or nothing; a new file is never
    written over a file. Call inside the `transaction` that gave `pending`."""
    if pending.count == 0 or pending.first is None:
        return
    if pending.count == 1:
        path, text, created = pending.first
        pending.discard()
        write_atomic(path, text, create=created)  # one rename is all or nothing already
        return
    journal = pending.decide()
    folders = set()
    for entry in entries(journal):
        # Each new text is on disk before its rename, as always; the renames are made durable
        # together, by flushing each folder once after the last of them (one flush a file cost
        # as much as the edits). A crash before that loses none: the journal, on disk since
        # before the first rename and removed only after the flushes, finishes any rename lost.
        path = Path(entry["path"])
        write_atomic(path, entry["text"], create=entry["old"] is None, sync=False)
        folders.add(folder_of(path))
    for folder in sorted(folders):
        sync_folder(folder)
    _remove(journal)


def recover(folder: Path) -> list[str]:
    """Finish the change a killed run left in `folder`'s journal, if any; returns what was
    done, one line per file. Files changed since by someone else are left alone and named."""
    journal = folder / JOURNAL
    if not journal.exists():
        if _journal_begun(folder):
            with locked([folder]):  # removes it, once no run is writing it
                pass
        return []
    # Read twice, an entry at a time: first for the folders to lock (and to find a damaged
    # journal before any file is touched), then to finish each file.
    folders = {Path(entry["path"]).parent for entry in entries(journal)}
    with locked([*folders, folder]):
        if not journal.exists():  # finished by another command while we waited
            return []
        done = [_roll_forward(entry) for entry in entries(journal)]
        _remove(journal)
    return [line for line in done if line]


def _journal_begun(folder: Path) -> bool:
    """A journal's temporary file: a run killed before its journal was complete (so before
    any file changed), or one writing it now."""
    try:
        return any(name.startswith(f".{JOURNAL}.") for name in os.listdir(folder))
    except OSError:
        return False


def _roll_forward(entry: dict[str, Any]) -> str:
    path = Path(entry["path"])
    try:
        current = digest(path.read_bytes())
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
