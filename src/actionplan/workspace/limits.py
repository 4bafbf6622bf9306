"""Limits on what the tool reads, so a hostile or broken file fails fast with a clear message
instead of exhausting memory or time. Each is far above what a real plan, spreadsheet or
document needs, and each can be raised with an environment variable of its name
(`ACTIONPLAN_MAX_CSV_ROWS=500000`); docs/limits-and-safety.md lists them.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from actionplan.domain.keys import MAX_UNKNOWN_KEYS
from actionplan.errors import ActionplanError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    name: str  # ACTIONPLAN_<name> raises it
    default: int
    what: str  # "rows", "bytes"...

    @property
    def value(self) -> int:
        text = os.environ.get(f"ACTIONPLAN_{self.name}", "")
        return int(text) if text.isdigit() else self.default

    def advice(self, found: str) -> str:
        """What was found, the limit, and how to raise it."""
        return (
            f"{found}, over the limit of {self.value:,} {self.what}: if the file is genuine, "
            f"raise the limit with ACTIONPLAN_{self.name}"
        )

    def refuse(self, path: Path | str, found: str) -> OverLimit:
        return OverLimit(path, self.advice(found))


class OverLimit(ActionplanError):
    """A file over a limit; `advice` says which and how to raise it."""

    def __init__(self, path: Path | str, advice: str) -> None:
        super().__init__(f"{path}: {advice}")
        self.advice = advice


PLAN_BYTES = Limit("MAX_PLAN_BYTES", MB, "bytes")
PLAN_DEPTH = Limit("MAX_PLAN_DEPTH", 64, "levels")
PLAN_VALUES = Limit("MAX_PLAN_VALUES", 100_000, "values")
CSV_BYTES = Limit("MAX_CSV_BYTES", 100 * MB, "bytes")
CSV_ROWS = Limit("MAX_CSV_ROWS", 1_000_000, "rows")
CSV_CELL = Limit("MAX_CSV_CELL", 100_000, "characters in a cell")
DOCUMENT_BYTES = Limit("MAX_DOCUMENT_BYTES", 50 * MB, "bytes")
DOCX_XML_BYTES = Limit("MAX_DOCX_XML_BYTES", 100 * MB, "bytes of text and markup unpacked")
# Paragraphs, rows and markup each become objects once read, however little room they take;
# and the text of a document is copied as HTML, Markdown and YAML.
DOCUMENT_ELEMENTS = Limit("MAX_DOCUMENT_ELEMENTS", 250_000, "elements")
DOCUMENT_TEXT = Limit("MAX_DOCUMENT_TEXT", 5_000_000, "characters")
XLSX_XML_BYTES = Limit("MAX_XLSX_XML_BYTES", 200 * MB, "bytes of sheets and markup unpacked")
XLSX_MERGED = Limit("MAX_XLSX_MERGED", 100_000, "merged ranges in a sheet")
# A workbook's shared strings are read whole, each one an object (about 0.75 s and 2.5 bytes
# of memory for each byte of the part): 50 MB is a million distinct texts of 30 characters.
XLSX_STRINGS_BYTES = Limit("MAX_XLSX_STRINGS_BYTES", 50 * MB, "bytes of shared strings unpacked")
# Excel's own most columns; a row is read a cell at a time, and refused at the first over.
XLSX_ROW_CELLS = Limit("MAX_XLSX_ROW_CELLS", 16_384, "cells in a row")
# Each file a batch changes keeps a little bookkeeping until the batch commits (its new text
# goes to the journal as it is made): 20,000 files keep well under 200 MiB.
FILES_CHANGED = Limit("MAX_FILES_CHANGED", 20_000, "files changed by one batch")
TEMPLATE_BYTES = Limit("MAX_TEMPLATE_BYTES", 5 * MB, "bytes")
# A report, the site, an export or an edit holds every indicator it reads, with its figures and
# text, at once: these bound what one command holds (a tree at all three peaks well under
# 512 MiB in every command; docs/limits-and-safety.md).
PLAN_FILES = Limit("MAX_PLAN_FILES", 5_000, "plan files read by one command")
PLAN_FILES_BYTES = Limit("MAX_PLAN_FILES_BYTES", 25 * MB, "bytes of plan files read by one command")
PLAN_FILES_FIGURES = Limit(
    "MAX_PLAN_FILES_FIGURES", 150_000, "figures in the plan files read by one command"
)
UNKNOWN_KEYS = Limit("MAX_UNKNOWN_KEYS", MAX_UNKNOWN_KEYS, "unknown keys reported one by one")

ALL = (
    PLAN_BYTES,
    PLAN_DEPTH,
    PLAN_VALUES,
    CSV_BYTES,
    CSV_ROWS,
    CSV_CELL,
    XLSX_XML_BYTES,
    XLSX_MERGED,
    XLSX_STRINGS_BYTES,
    XLSX_ROW_CELLS,
    DOCUMENT_BYTES,
    DOCX_XML_BYTES,
    DOCUMENT_ELEMENTS,
    DOCUMENT_TEXT,
    TEMPLATE_BYTES,
    UNKNOWN_KEYS,
    FILES_CHANGED,
    PLAN_FILES,
    PLAN_FILES_BYTES,
    PLAN_FILES_FIGURES,
)


_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def not_regular(status: os.stat_result) -> str:
    """What a FIFO, device, socket or folder is said to be where a file was expected."""
    return f"not a regular file ({_KINDS.get(stat.S_IFMT(status.st_mode), 'a special file')})"


class NotRegularFile(OSError):
    """Something not a regular file where one was expected: never opened for reading (a FIFO
    would block, a device never end)."""

    def __init__(self, status: os.stat_result) -> None:
        super().__init__(errno.EINVAL, not_regular(status))


def regular(status: os.stat_result) -> os.stat_result:
    """`status` when it is a regular file's; raises NotRegularFile otherwise."""
    if not stat.S_ISREG(status.st_mode):
        raise NotRegularFile(status)
    return status


def read_limited(path: Path, limit: Limit) -> bytes:
    """A regular file's bytes, refusing one over `limit` without reading past it. Anything
    else is refused before it is opened, and opened without blocking in case it was swapped
    for a FIFO in between. Raises OSError as reading does (NotRegularFile for the rest)."""
    most = limit.value
    regular(os.stat(path))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        # One read, of the size the file has and a byte more: a regular file gives less than
        # asked only at its end, so a file read whole is not asked again for its end. A file
        # that grew or shrank since is read on to its end, or to past the limit.
        size = regular(os.fstat(fd)).st_size
        raw = os.read(fd, min(size, most) + 1)
        if len(raw) != size:
            parts = [raw]
            total = len(raw)
            while raw and total <= most:
                raw = os.read(fd, most + 1 - total)
                parts.append(raw)
                total += len(raw)
            raw = b"".join(parts)
    finally:
        os.close(fd)
    if len(raw) > most:
        raise limit.refuse(path, f"more than {most:,} bytes")
    return raw


def open_limited(path: Path, limit: Limit) -> io.BufferedReader:
    """A regular file opened to be read as a stream, no further than `limit`: one larger is
    refused before anything is read, one that grows past it as it is read is refused there.
    Anything else is refused before it is opened, as by `read_limited`. Raises OSError as
    opening does."""
    regular(os.stat(path))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        size = regular(os.fstat(fd)).st_size
        if size > limit.value:
            raise limit.refuse(path, f"more than {limit.value:,} bytes")
    except BaseException:
        os.close(fd)
        raise
    return io.BufferedReader(_Bounded(fd, path, limit), buffer_size=STREAM_BLOCK)


STREAM_BLOCK = 1024 * 1024  # bytes read at a time from a file read as a stream


class _Bounded(io.RawIOBase):
    """A file's bytes that stop at the limit: the read that passes it raises OverLimit."""

    def __init__(self, fd: int, path: Path, limit: Limit) -> None:
        super().__init__()
        self._file = io.FileIO(fd, "rb", closefd=True)
        self._left = limit.value
        self._path = path
        self._limit = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int | None:
        count = self._file.readinto(buffer)
        self._left -= count or 0
        if self._left < 0:
            raise self._limit.refuse(self._path, f"more than {self._limit.value:,} bytes")
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


def xml_parts_only(
    path: Path,
    raw: bytes,
    limit: Limit,
    parts: str,
    counted: tuple[Limit, Limit] | None = None,
) -> io.BytesIO:
    """An Office package (.docx, .xlsx) with only its XML parts inflated: pictures, fonts and
    embedded files become empty parts, as nothing here looks at them. The sizes the zip
    declares are checked first, so a zip bomb is refused before anything is inflated (zipfile
    never inflates a part past its declared size). With `counted` (limits on elements and on
    characters of text), the XML parts are counted as they are inflated, and the package is
    refused at the first element or character over: millions of tiny paragraphs, or a few
    huge ones, take little room packed, but become far more once parsed. `parts` names them in
    the refusal. Raises zipfile's errors for a damaged package: each caller words them for its
    kind of file."""
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        members = package.infolist()
        unpacked = sum(m.file_size for m in members if _is_xml(m.filename))
        if unpacked > limit.value:
            raise limit.refuse(path, f"its {parts} unpack to {unpacked:,} bytes")
        count = None if counted is None else _Count(path, parts, *counted)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as lean:
            for member in members:
                if not _is_xml(member.filename):
                    data = b""
                elif count is None:
                    data = package.read(member)
                else:
                    data = count.read(package, member)
                lean.writestr(member.filename, data)
    out.seek(0)
    return out


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


class _Count:
    """Elements and characters of text counted across a package's XML parts by expat as each
    part is inflated, with no tree built: refused at the first over either limit."""

    def __init__(self, path: Path, parts: str, elements: Limit, text: Limit) -> None:
        self.path, self.parts = path, parts
        self.elements, self.text = elements, text
        self.most_elements, self.most_text = elements.value, text.value
        self.seen_elements = self.seen_text = 0

    def read(self, package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
        parser = expat.ParserCreate()
        parser.buffer_text = True  # text in pieces as large as the buffer, not line by line
        parser.StartElementHandler = self._start
        parser.CharacterDataHandler = self._text
        chunks: list[bytes] = []
        counting = True
        with package.open(member) as stream:
            while chunk := stream.read(MB):
                chunks.append(chunk)
                if counting:
                    try:
                        parser.Parse(chunk, False)
                    except expat.ExpatError:
                        # Not XML: the reader of the package says so, if it reads this part.
                        counting = False
        return b"".join(chunks)

    def _start(self, name: str, attributes: object) -> None:
        self.seen_elements += 1
        if self.seen_elements > self.most_elements:
            found = f"more than {self.most_elements:,} elements in its {self.parts}"
            raise self.elements.refuse(self.path, found)

    def _text(self, data: str) -> None:
        self.seen_text += len(data)
        if self.seen_text > self.most_text:
            found = f"more than {self.most_text:,} characters of text"
            raise self.text.refuse(self.path, found)
