"""Reading Word documents back: the body's text in reading order, runs of words found in order,
and a council's logo made without an image library."""

from __future__ import annotations

import struct
import zlib

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

LOGO_ALT = "Metropolitan Borough of Wirral logo"


def body_text(document: DocxDocument) -> str:
    """Every paragraph of the body in reading order, table cells and links included."""
    lines = []
    for paragraph in document.element.body.iter(qn("w:p")):
        lines.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return "\n".join(lines)


def png(width: int = 4, height: int = 2) -> bytes:
    """A small solid PNG, made here so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1d\x3b\x5c" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def find_run(haystack: list[str], needle: list[str], start: int = 0) -> int:
    """Where `needle` first occurs in `haystack` at or after `start`; -1 when it does not."""
    n = len(needle)
    found = (i for i in range(start, len(haystack) - n + 1) if haystack[i : i + n] == needle)
    return next(found, -1)


def in_order(text: list[str], runs: list[list[str]]) -> bool:
    """Each run of words occurs in `text`, each after the one before."""
    position = 0
    for run in runs:
        found = find_run(text, run, position)
        if found < 0:
            return False
        position = found + len(run)
    return True
