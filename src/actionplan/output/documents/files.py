"""Document files: the name of each plan's file in an output folder, and writing them, all or
none (an unchanged file left alone)."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from actionplan.errors import ActionplanError

SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}
# Most file systems allow 255 bytes in a name; a little is kept back for tools that add to it.
MAX_NAME_BYTES = 240


def output_name(indicator_id: str, fmt: str) -> str:
    """The file name for a plan's document; ids are validated, but a path separator must never
    let a document land outside the output folder. A name too long for the file system is
    shortened, and a hash of the whole id keeps it apart from others that begin alike."""
    if not indicator_id or "/" in indicator_id or "\\" in indicator_id or indicator_id[0] == ".":
        raise ActionplanError(f"id {indicator_id!r} cannot name a file: give the plan another id")
    suffix = SUFFIXES[fmt]
    if len((indicator_id + suffix).encode("utf-8")) <= MAX_NAME_BYTES:
        return indicator_id + suffix
    digest = "-" + hashlib.sha256(indicator_id.encode("utf-8")).hexdigest()[:12]
    room = MAX_NAME_BYTES - len(digest) - len(suffix)
    head = indicator_id.encode("utf-8")[:room].decode("utf-8", "ignore")
    return head + digest + suffix


@dataclass
class Written:
    """What `write_documents` did: the files written and left unchanged, and one message for
    each document that could not be."""

    wrote: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def write_documents(folder: Path, documents: list[tuple[str, str | bytes]]) -> Written:
    """Every document (name, content) into `folder`, as one set (see `DocumentSet`). Call
    with the folder locked."""
    with DocumentSet(folder) as staged:
        for name, content in documents:
            staged.add(name, content)
        return staged.finish()


class DocumentSet:
    """Documents written into `folder` as one set, each put on disk as it is made (so the set
    is written in the memory of its largest document): all the changed ones are replaced, or,
    when one cannot be written (a full disk), none is, and ActionplanError says why. A file
    already holding its content is left alone, so its timestamp, and tools that watch it, stay
    quiet. A document whose place holds something else than a file or a link (a folder), or a
    read-only file, is named in `problems` and the others are written. A symlink is replaced
    by the document, never written through: the folder may hold links someone else put there.
    Use with the folder locked from before the first document until `finish`."""

    def __init__(self, folder: Path) -> None:
        from actionplan.workspace.file_sets import StagedSet

        self.folder = folder
        self.problems: list[str] = []
        self._staged = StagedSet(folder)

    def __enter__(self) -> DocumentSet:
        self._staged.__enter__()
        return self

    def __exit__(self, *exception: object) -> None:
        self._staged.discard()

    def add(self, name: str, content: str | bytes | Iterable[str]) -> None:
        """A document from its content, or from the pieces of its text as a template makes
        them (each written as it comes)."""

        def write(handle: BinaryIO) -> None:
            if isinstance(content, bytes):
                handle.write(content)
            elif isinstance(content, str):
                handle.write(content.encode("utf-8"))
            else:
                for piece in content:
                    handle.write(piece.encode("utf-8"))

        self.add_written(name, write)

    def add_written(self, name: str, write: Callable[[BinaryIO], None]) -> None:
        """A document that `write` writes into the open (seekable) file it is given."""
        try:
            _replaceable(self.folder / name)
        except ActionplanError as error:
            self.problems.append(str(error))
            return
        with self._staged.open(name, keep_same=True) as handle:
            write(handle)

    def finish(self) -> Written:
        """Put the changed documents in place; what was written, unchanged and refused."""
        wrote, unchanged = list(self._staged.names), self._staged.unchanged
        self._staged.commit()
        return Written(
            wrote=[self.folder / name for name in wrote],
            unchanged=[self.folder / name for name in unchanged],
            problems=self.problems,
        )


def _replaceable(path: Path) -> None:
    """Raises when `path` holds something a document may not replace."""
    from actionplan.workspace.atomic import refuse_read_only

    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    if stat.S_ISLNK(status.st_mode):
        return
    if not stat.S_ISREG(status.st_mode):
        raise ActionplanError(f"{path}: not a regular file: not overwritten")
    refuse_read_only(path)
