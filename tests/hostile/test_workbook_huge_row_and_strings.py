"""A workbook whose row holds millions of cells, or whose shared strings unpack to more than
their limit, is refused in bounded memory: a row is read a cell at a time (each cell leaves the
parsed tree once read) and refused at its first cell over the limit, and the shared strings,
which are read whole, are refused from the size the zip declares before any is inflated."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from support import forked
from support.workbooks import MAIN, write_workbook

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
ARGS = ["record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=This quarter"]
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(PLAN)
    return tmp_path


def _with_part(path: Path, name: str, write: object, content_type: str | None = None) -> None:
    """`path` rewritten with the part `name` replaced by what `write(part)` writes, and a
    content type for it when given."""
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
            write(part)  # type: ignore[operator]
    source.unlink()


@pytest.mark.slow
def test_a_row_of_millions_of_cells_is_refused_at_the_first_cell_over_the_limit(
    tree: Path,
) -> None:
    # 3,000,000 cells of `<c><v>1</v></c>` in row 2: 48 MB unpacked, under the 200 MB limit.
    # Each row held whole until its end, the row's cells would all stand in memory at once.
    book = tree / "wide.xlsx"
    write_workbook(book, [("Indicator", "This quarter"), ("a", 6)])
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Indicator</t></is></c>'
    header += '<c r="B1" t="inlineStr"><is><t>This quarter</t></is></c></row>'

    def wide(part: zipfile.ZipExtFile) -> None:
        part.write((head + header + '<row r="2">').encode())
        for _ in range(300):
            part.write(b"<c><v>1</v></c>" * 10_000)
        part.write(b"</row></sheetData></worksheet>")

    _with_part(book, "xl/worksheets/sheet1.xml", wide)
    run = forked.run([*ARGS, "--table", book.name], tree, timeout=120)
    assert run.code == 2, run.stderr[-2000:]
    assert "wide.xlsx:KPIs!2: more than 16,384 cells in the row" in run.stderr
    assert "ACTIONPLAN_MAX_XLSX_ROW_CELLS" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.added_mb < 200, run.added_mb
    assert (tree / "plans" / "a.yaml").read_text() == PLAN


def test_shared_strings_over_their_limit_are_refused_before_they_are_read(tree: Path) -> None:
    # 100 MB of short distinct texts, under the 200 MB of markup a workbook may unpack to:
    # read whole, they took over a minute and hundreds of megabytes.
    book = tree / "strings.xlsx"
    write_workbook(book, [("Indicator", "This quarter"), ("a", 6)])

    def strings(part: zipfile.ZipExtFile) -> None:
        part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode())
        for block in range(500):
            part.write(
                b"".join(b"<si><t>%d</t></si>" % (block * 10_000 + n) for n in range(10_000))
            )
        part.write(b"</sst>")

    _with_part(book, "xl/sharedStrings.xml", strings, STRINGS_TYPE)
    run = forked.run([*ARGS, "--table", book.name], tree, timeout=60)
    assert run.code == 2, run.stderr[-2000:]
    assert "strings.xlsx:xl/sharedStrings.xml: its shared strings unpack to" in run.stderr
    assert "over the limit of 52,428,800 bytes of shared strings unpacked" in run.stderr
    assert "ACTIONPLAN_MAX_XLSX_STRINGS_BYTES" in run.stderr
    assert run.seconds < 30, run.seconds
    assert run.added_mb < 200, run.added_mb
    assert (tree / "plans" / "a.yaml").read_text() == PLAN
