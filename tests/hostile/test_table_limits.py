"""Published tables that are broken or built to hurt, given to `record --table`: each is refused
with the file (and sheet and cell, where there is one) and what to do, never a traceback, a
hang or memory exhausted; and a run stopped half way still changes every file or none, the
files it creates included."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from actionplan.app.record_table import TableRequest, record_table
from actionplan.cli import app
from actionplan.workspace import journal
from support import forked

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
MAPS = ("--map", "id=Indicator", "--map", "value=This quarter", "--map", "note=Comment")
ARGS = ("record", "--period", "2014-05", *MAPS, "--table")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "actionplan.yaml").write_text("financial_year_start: 4\n")
    (work / "plans" / "a.yaml").write_text(PLAN)
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return work


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def xlsx(rows: int = 1, comment: str = "fine") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KPIs"
    sheet.append(["Indicator", "This quarter", "Comment"])
    for n in range(rows):
        sheet.append(["a", 6 + n, comment])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def repacked(raw: bytes, members: dict[str, int], edit: dict[str, bytes] | None = None) -> bytes:
    """The workbook with `members` added as that many zero bytes (tiny packed, huge inflated)
    and the parts in `edit` replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for item in original.infolist():
            data = (edit or {}).get(item.filename, original.read(item))
            package.writestr(item.filename, data)
        for name, size in members.items():
            with package.open(name, "w", force_zip64=True) as member:
                for _ in range(size // 2**20):
                    member.write(bytes(2**20))
    return out.getvalue()


def test_a_workbook_whose_sheets_unpack_past_the_limit_is_refused_before_inflating(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("bomb.xlsx").write_bytes(repacked(xlsx(), {"xl/worksheets/sheet9.xml": 8 * 2**20}))
    monkeypatch.setenv("ACTIONPLAN_MAX_XLSX_XML_BYTES", str(4 * 2**20))
    code, err = invoke(*ARGS, "bomb.xlsx")
    assert code == 2
    assert "bomb.xlsx: its sheets unpack to 8,4" in err
    assert "raise the limit with ACTIONPLAN_MAX_XLSX_XML_BYTES" in err


def test_a_huge_picture_in_a_workbook_is_never_unpacked(tree: Path) -> None:
    Path("photo.xlsx").write_bytes(repacked(xlsx(), {"xl/media/image1.png": 300 * 2**20}))
    run = forked.run([*ARGS, "photo.xlsx"], tree, timeout=60)
    assert run.code == 0, run.stderr
    assert run.added_mb < 300, run.added_mb
    assert "value: 6\n    note: fine" in (tree / "plans" / "a.yaml").read_text()


def test_a_sheet_with_cells_in_its_last_column_is_read_only_as_wide_as_the_mapping(
    tree: Path,
) -> None:
    # A stray cell in column XFD of every row and a size to match (A1:XFD20002): read naively,
    # each row would be padded to 16,384 cells.
    raw = xlsx()
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        part = package.read(name)
    stray = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>note</t></is></c>'
        b'<c r="XFD%d" t="inlineStr"><is><t>stray</t></is></c></row>' % (n, n, n)
        for n in range(3, 20_003)
    )
    forged = part.replace(b"</sheetData>", stray + b"</sheetData>", 1)
    forged = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD20002"/>', forged)
    assert b"A1:XFD20002" in forged
    Path("grid.xlsx").write_bytes(repacked(raw, {}, {name: forged}))
    run = forked.run([*ARGS, "grid.xlsx"], tree, timeout=60)
    assert run.code == 0, run.stderr
    assert run.added_mb < 300, run.added_mb
    assert "value: 6\n    note: fine" in (tree / "plans" / "a.yaml").read_text()


def test_workbook_rows_cells_and_size_are_limited(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("rows.xlsx").write_bytes(xlsx(rows=20))
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_ROWS", "10")
    code, err = invoke(*ARGS, "rows.xlsx")
    assert code == 2 and "rows.xlsx:KPIs: its size is recorded as A1:C21, 21 rows" in err
    assert "ACTIONPLAN_MAX_CSV_ROWS" in err

    Path("cell.xlsx").write_bytes(xlsx(comment="n" * 2000))
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_CELL", "1000")
    code, err = invoke(*ARGS, "cell.xlsx")
    assert code == 2 and "cell.xlsx:KPIs!C2: a cell is too long" in err

    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_BYTES", "100")
    code, err = invoke(*ARGS, "cell.xlsx")
    assert code == 2 and "cell.xlsx: more than 100 bytes" in err
    Path("rows.csv").write_text("Indicator,This quarter,Comment\n" + "a,6,\n" * 20)
    code, err = invoke(*ARGS, "rows.csv")
    assert code == 2 and "rows.csv: more than 100 bytes" in err
    assert (tree / "plans" / "a.yaml").read_text() == PLAN


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Indicator,This quarter\na,6\n", "not a readable Excel workbook"),
        (b"", "not a readable Excel workbook"),
        (b"PK\x03\x04" + bytes(200), "not a readable Excel workbook"),
        ("truncated", "not a readable Excel workbook"),
        ("no sheets", "cannot be read"),
    ],
)
def test_a_broken_workbook_is_refused_with_its_name(
    tree: Path, content: bytes | str, message: str
) -> None:
    if content == "truncated":
        content = xlsx()[:-200]
    elif content == "no sheets":
        raw = xlsx()
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            names = [n for n in package.namelist() if n != "xl/workbook.xml"]
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as lean:
                for name in names:
                    lean.writestr(name, package.read(name))
        content = out.getvalue()
    assert isinstance(content, bytes)
    Path("broken.xlsx").write_bytes(content)
    code, err = invoke(*ARGS, "broken.xlsx")
    assert code == 2
    assert err.startswith("error: broken.xlsx") and message in err, err
    assert (tree / "plans" / "a.yaml").read_text() == PLAN


def test_a_run_stopped_after_its_journal_is_finished_by_the_next_command_new_files_too(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("t.csv").write_text("Indicator,Title,This quarter\na,A,6\nnew,New measure,7\n")
    real = journal.write_atomic
    writes: list[Path] = []

    def stop_after_the_first_file(path: Path, text: str | bytes, **kw: bool) -> None:
        if writes and path.name != journal.JOURNAL:
            raise KeyboardInterrupt  # as if killed between two renames
        real(path, text, **kw)
        writes.append(path)

    monkeypatch.setattr(journal, "write_atomic", stop_after_the_first_file)
    request = TableRequest(
        Path("t.csv"), "2014-05", ("id=Indicator", "title=Title", "value=This quarter"),
        create=True,
    )  # fmt: skip
    with pytest.raises(KeyboardInterrupt):
        record_table(None, request)
    assert (tree / "plans" / journal.JOURNAL).exists()
    assert not (tree / "plans" / "new.yaml").exists()
    monkeypatch.setattr(journal, "write_atomic", real)

    result = CliRunner().invoke(app, ["check", "--no-cache", "--all"])
    assert "plans/new.yaml: finished the interrupted `record --csv` or `--table`" in result.stderr
    assert not (tree / "plans" / journal.JOURNAL).exists()
    assert "  - period: 2014-05\n    value: 7\n" in (tree / "plans" / "new.yaml").read_text()
    assert "  - period: 2014-05\n    value: 6\n" in (tree / "plans" / "a.yaml").read_text()
