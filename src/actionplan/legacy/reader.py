"""Reading a legacy Performance Action Plan document: Word (.docx, read by `docx`) or a text
export, told apart by their bytes; a text export read as label<TAB>value rows.
"""

from __future__ import annotations

from pathlib import Path

from actionplan.legacy.fields import Collector, LegacyDocument, LegacyError
from actionplan.workspace.limits import (
    DOCUMENT_BYTES,
    DOCUMENT_ELEMENTS,
    DOCUMENT_TEXT,
    read_limited,
)

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def read_document(path: Path) -> LegacyDocument:
    """Read a template document: Word (.docx) or a text export."""
    try:
        raw = read_limited(path, DOCUMENT_BYTES)
    except OSError as error:
        raise LegacyError(f"{path}: cannot read: {error.strerror}") from None
    if not raw.strip():
        raise LegacyError(f"{path}: the file is empty")
    if raw.startswith(_OLE_MAGIC):
        raise LegacyError(
            f"{path}: this is an old binary Word (.doc) file: open it in Word and save it as "
            ".docx, or export it as text"
        )
    if raw.startswith(_ZIP_MAGIC) or path.suffix.lower() == ".docx":
        from actionplan.legacy.docx import read_docx

        return read_docx(path, raw)
    collector = Collector(path)
    text = decode_text(raw, collector)
    if len(text) > DOCUMENT_TEXT.value:
        raise DOCUMENT_TEXT.refuse(path, f"{len(text):,} characters of text")
    # Each line is a row and each tag an element of a value's HTML: counted before either is
    # parsed, as millions of tiny ones fit in a few megabytes.
    elements = text.count("\n") + text.count("<")
    if elements > DOCUMENT_ELEMENTS.value:
        raise DOCUMENT_ELEMENTS.refuse(path, f"{elements:,} lines and markup tags")
    return parse_text(text, collector)


def decode_text(raw: bytes, collector: Collector) -> str:
    """Text as Word and Notepad save it: UTF-8, UTF-16 with its byte-order mark, or (older
    exports) Windows-1252; anything else is not a text export."""
    path = collector.document.source
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif sum(byte in _CONTROL for byte in raw) <= len(raw) // 100:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            collector.note(
                "the file is not UTF-8: it was read as Windows-1252, check accents", "accents"
            )
            return raw.decode("cp1252", errors="replace")
    raise LegacyError(
        f"{path}: not a text export or a Word document (binary content): export the plan from "
        "Word as .docx or as text"
    )


def parse_text(text: str, collector: Collector) -> LegacyDocument:
    """Label<TAB>value rows; a line that starts with a tab continues the previous field. Lines
    of tab-separated cells under a header row of action columns are an action table."""
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"line {number}"
        if not line.strip():
            continue
        label, tab, value = line.partition("\t")
        if tab and collector.table_row(line.split("\t"), where):
            continue
        if not tab:
            collector.end_table()
            collector.loose_line(line, where)
        elif not label.strip():
            collector.continuation(value, where)
        else:
            collector.row(label, value, where)
    return collector.finish()
