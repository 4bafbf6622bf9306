"""Document files: the name of each plan's file in an output folder, and writing them, all or
none (an unchanged file left alone)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

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
    """Every document (name, content) into `folder`, as one set: all the changed ones are
    replaced, or, when one cannot be written (a full disk), none is, and ActionplanError says
    why. A file already holding its content is left alone, so its timestamp, and tools that
    watch it, stay quiet. A document whose place holds something else than a file or a link
    (a folder), or a read-only file, is named in `problems` and the others are written. A
    symlink is replaced by the document, never written through: the folder may hold links
    someone else put there. Call with the folder locked."""
    from actionplan.workspace.file_sets import replace_set

    written = Written()
    changed: dict[str, str | bytes] = {}
    for name, content in documents:
        try:
            if _holds(folder / name, content):
                written.unchanged.append(folder / name)
                continue
        except ActionplanError as error:
            written.problems.append(str(error))
            continue
        changed[name] = content
    replace_set(folder, changed)
    written.wrote = [folder / name for name in changed]
    return written


def _holds(path: Path, text: str | bytes) -> bool:
    """True when `path` is a file with this content; raises when it cannot be replaced."""
    from actionplan.workspace.atomic import refuse_read_only

    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    if stat.S_ISLNK(status.st_mode):
        return False
    if not stat.S_ISREG(status.st_mode):
        raise ActionplanError(f"{path}: not a regular file: not overwritten")
    refuse_read_only(path)
    content = text if isinstance(text, bytes) else text.encode("utf-8")
    if status.st_size != len(content):
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(len(content) + 1) == content
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
