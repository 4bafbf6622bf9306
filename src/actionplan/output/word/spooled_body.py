"""A long Word document's body written out as it is made, so its memory does not grow with it.

python-docx holds a document as one lxml tree, some 15 times the size of its XML: a report of
a thousand indicators (36 MB of XML, mostly chart figures in table cells) held 600 MB that way.
Each finished part of the body is instead serialised, compressed into a temporary file and let
go; what stays in the tree is a mark where that text goes and the section properties at the
end. The archive is written straight into the file it is for, each picture as it comes. When
the file is saved, the body's text is put back in place of the mark, streamed into the
archive, so the XML written is the same, byte for byte, as the tree's would have been.
"""

from __future__ import annotations

import gc
import io
import tempfile
import zipfile
import zlib
from typing import IO, Any, BinaryIO

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

DOCUMENT_XML = "word/document.xml"
_MARK = "actionplan-body"
_STABLE_DATE = (1980, 1, 1, 0, 0, 0)  # every entry dated alike: the same content, same bytes
_BLOCK = 1 << 18  # the compressed body read back a quarter of a megabyte at a time


class SpooledBody:
    def __init__(self, document: DocxDocument, handle: BinaryIO) -> None:
        """The body of `document`, spooled; the .docx is written into `handle`, a seekable
        file (an entry's sizes are written back into its header once it is done)."""
        self.document = document
        self.body = document.element.body
        self._mark = etree.ProcessingInstruction(_MARK)
        self._mark_bytes = etree.tostring(self._mark)
        self.body.insert(0, self._mark)
        # A part serialised alone declares every namespace in scope on its first tag; the
        # document's root declares them already, so there they are taken out again.
        self._declared = [
            f' xmlns:{prefix}="{uri}"'.encode()
            for prefix, uri in document.element.nsmap.items()
            if prefix
        ]
        self._compressor = zlib.compressobj(1)
        # Closed (and so removed) when the body is left: `with SpooledBody(...)`.
        self._chunks = tempfile.TemporaryFile()  # noqa: SIM115
        self._keep = qn("w:sectPr")
        self._archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED)
        self._stored: set[str] = set()
        self._open: Any = None  # a part written a piece at a time (`flush_within`)
        self._open_end = b""

    def __enter__(self) -> SpooledBody:
        return self

    def __exit__(self, *exception: object) -> None:
        self._chunks.close()

    def store(self, name: str, data: bytes) -> None:
        """A part (a picture) written into the file now, its place in the package left empty."""
        self._archive.writestr(_entry(name), data)
        self._stored.add(name)

    def flush(self) -> None:
        """Everything added to the body since the last call, written out and let go."""
        for child in list(self.body):
            if child is self._mark or child.tag == self._keep:
                continue
            if child is self._open:
                self._write_children(child)
                self._write(self._open_end)
                self._open = None
            else:
                self._write(self._serialised(child))
            self.body.remove(child)
        # A removed part is freed only when no Python object still points into it, and
        # python-docx's tables and rows point at each other (each caches its rows and columns):
        # the command line runs with the collector off, so the young objects are swept here.
        gc.collect(0)

    def flush_within(self, element: Any) -> None:
        """What `element`, the body's last part and still being filled, holds so far, written
        out and let go, the element left in place, empty, for what comes next: a table of
        thousands of rows is never held whole. `flush` writes the rest and its end."""
        if element is self._open:
            self._write_children(element)
            return
        for child in list(self.body):
            if child is element:
                break
            if child is not self._mark:
                self._write(self._serialised(child))
                self.body.remove(child)
        xml = self._serialised(element)
        end = xml.rindex(b"</")
        self._write(xml[:end])
        self._open, self._open_end = element, xml[end:]
        for child in list(element):
            element.remove(child)

    def _write_children(self, element: Any) -> None:
        for child in list(element):
            self._write(self._serialised(child))
            element.remove(child)

    def _write(self, xml: bytes) -> None:
        self._chunks.write(self._compressor.compress(xml))

    def _serialised(self, element: Any) -> bytes:
        xml: bytes = etree.tostring(element, encoding="utf-8")
        end = xml.index(b">") + 1  # an attribute's ">" is written as "&gt;"
        head = xml[:end]
        for declaration in self._declared:
            head = head.replace(declaration, b"", 1)
        return head + xml[end:]

    def save(self) -> None:
        """The rest of the document written, its body put back: the parts stored as they
        came first, then the rest of the package."""
        self.flush()
        self._chunks.write(self._compressor.flush())
        saved = io.BytesIO()  # the package without its pictures or body: a few kilobytes
        self.document.save(saved)
        with zipfile.ZipFile(saved) as source, self._archive as target:
            for entry in source.infolist():
                if entry.filename in self._stored:
                    continue  # written already; the package had only its place
                if entry.filename == DOCUMENT_XML:
                    with target.open(_entry(entry.filename), "w") as out:
                        self._write_document(source.read(entry), out)
                else:
                    target.writestr(_entry(entry.filename), source.read(entry))

    def _write_document(self, xml: bytes, out: IO[bytes]) -> None:
        head, tail = xml.split(self._mark_bytes, 1)
        out.write(head)
        decompressor = zlib.decompressobj()
        self._chunks.seek(0)
        while block := self._chunks.read(_BLOCK):
            out.write(decompressor.decompress(block))
        out.write(decompressor.flush())
        out.write(tail)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_STABLE_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
