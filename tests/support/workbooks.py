"""Workbooks written as their XML parts, straight into a zip: a sheet of a million rows takes
seconds this way, where openpyxl would take minutes, and the parts can say what a real
spreadsheet program would never write (a forged size, formulas with no value, merged cells).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_BOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)

Cell = str | int | float | None


def cell_xml(reference: str, value: Cell) -> str:
    """A cell: a number, inline text, or `=FORMULA` as a formula with no stored value (as a
    program that does not calculate saves it)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith("="):
        return f'<c r="{reference}"><f>{escape(value[1:])}</f></c>'
    if isinstance(value, str):
        return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{reference}"><v>{value!r}</v></c>'


def row_xml(number: int, cells: Sequence[Cell]) -> str:
    body = "".join(cell_xml(f"{chr(65 + i)}{number}", v) for i, v in enumerate(cells))
    return f'<row r="{number}">{body}</row>'


def write_workbook(
    path: Path,
    rows: Iterable[Sequence[Cell]],
    *,
    dimension: str | None = None,
    merged: Sequence[str] = (),
    sheet: str = "KPIs",
) -> None:
    """A one-sheet workbook of `rows` from row 1, with `dimension` as the size it declares
    (none when None) and `merged` as its merged ranges (`A3:B3`)."""
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("xl/workbook.xml", book)
        package.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            if dimension is not None:
                head += f'<dimension ref="{dimension}"/>'
            part.write((head + "<sheetData>").encode())
            chunk: list[str] = []
            for number, cells in enumerate(rows, start=1):
                chunk.append(row_xml(number, cells))
                if len(chunk) == 10_000:
                    part.write("".join(chunk).encode())
                    chunk = []
            part.write("".join(chunk).encode())
            tail = "</sheetData>"
            if merged:
                ranges = "".join(f'<mergeCell ref="{r}"/>' for r in merged)
                tail += f'<mergeCells count="{len(merged)}">{ranges}</mergeCells>'
            part.write((tail + "</worksheet>").encode())


def numbered_rows(count: int) -> Iterable[Sequence[Cell]]:
    """A header and `count` rows of an indicator that no plan has, each with a figure."""
    yield ("Indicator", "This quarter", "Comment")
    for n in range(count):
        yield (f"k{n}", n, "x")


STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
Writer = Callable[[IO[bytes]], None]


def replace_part(path: Path, name: str, write: Writer, content_type: str | None = None) -> None:
    """`path` rewritten with the part `name` made by `write(part)` (streamed, so it may be
    large), and a content type declared for it when given."""
    source = path.with_suffix(".tmp")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename == name:
                continue
            data = old.read(item)
            if content_type and item.filename == "[Content_Types].xml":
                extra = f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
                data = data.replace(b"</Types>", extra.encode())
            new.writestr(item.filename, data)
        with new.open(name, "w", force_zip64=True) as part:
            write(part)
    source.unlink()


def wide_row(cells: int) -> Writer:
    """A sheet of a header (Indicator, This quarter) and a row 2 of `cells` cells of `1`
    (16 bytes each), written without their references, as the format allows."""

    def write(part: IO[bytes]) -> None:
        head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        head += '<row r="1"><c r="A1" t="inlineStr"><is><t>Indicator</t></is></c>'
        head += '<c r="B1" t="inlineStr"><is><t>This quarter</t></is></c></row><row r="2">'
        part.write(head.encode())
        for _ in range(cells // 10_000):
            part.write(b"<c><v>1</v></c>" * 10_000)
        part.write(b"</row></sheetData></worksheet>")

    return write


def shared_strings(count: int) -> Writer:
    """A shared strings part of `count` short distinct texts (about 20 bytes each)."""

    def write(part: IO[bytes]) -> None:
        part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode())
        for block in range(count // 10_000):
            texts = (b"<si><t>%d</t></si>" % (block * 10_000 + n) for n in range(10_000))
            part.write(b"".join(texts))
        part.write(b"</sst>")

    return write
