"""Document files: the name of each plan's file in an output folder, and writing it atomically
(an unchanged file left alone)."""

from __future__ import annotations

import hashlib
import os
import stat
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


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write `text` to `path` atomically; an unchanged file is left alone, so its timestamp,
    and tools that watch it, stay quiet. True when the file was written. A symlink at `path`
    is replaced by the document, never written through: the output folder may hold links
    someone else put there."""
    from actionplan.workspace.atomic import write_atomic

    try:
        status = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    if status is not None and stat.S_ISREG(status.st_mode):
        try:
            with open(path, "rb") as handle:
                content = text if isinstance(text, bytes) else text.encode("utf-8")
                if handle.read(len(content) + 1) == content:
                    return False
        except OSError as error:
            raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    elif status is not None and not stat.S_ISLNK(status.st_mode):
        raise ActionplanError(f"{path}: not a regular file: not overwritten")
    write_atomic(path, text, follow_links=False)
    return True
