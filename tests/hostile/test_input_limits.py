"""Spreadsheets, templates and documents that are broken or built to hurt: each is refused with
the file (and line, where there is one) and what to do, never a traceback or a hang."""

from __future__ import annotations

import gc
import io
import os
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from actionplan.app.check_file import judge_file
from actionplan.domain.models import Settings
from actionplan.workspace import limits
from support import forked
from support.one_plan import invoke, plans_tree
from support.paths import LEGACY, ROOT

SEED = LEGACY / "smoking-quitters.txt"
PLAN = "title: A\ndirection: higher\ntarget: 10\nmeasurements:\n  - period: 2014-04\n    value: 5\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return plans_tree(tmp_path, monkeypatch, PLAN)


# --- CSV -------------------------------------------------------------------------------------


def test_a_csv_with_a_quote_left_open_at_the_end_is_refused(tree: Path) -> None:
    Path("in.csv").write_text('id,period,value,note\na,2014-05,6,"fine"\na,2014-06,7,"open\n')
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 2
    assert "in.csv:3: a quote opened in this row is never closed" in err
    assert "2014-05" not in (tree / "plans" / "a.yaml").read_text()


def test_undecodable_bytes_in_a_csv_are_reported_with_the_line(tree: Path) -> None:
    Path("in.csv").write_bytes(b"id,period,value\na,2014-05,6\na,2014-06,\xff\n")
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 2 and "in.csv:3: not UTF-8 text" in err


def test_csv_rows_and_cells_are_limited(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("rows.csv").write_text("id,period,value\n" + "a,2014-05,6\n" * 20)
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_ROWS", "10")
    code, err = invoke("record", "--csv", "rows.csv")
    assert code == 2 and "rows.csv: more than 10 rows" in err
    assert "raise the limit with ACTIONPLAN_MAX_CSV_ROWS" in err

    Path("cell.csv").write_text("id,period,value,note\na,2014-05,6," + "n" * 2000 + "\n")
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_CELL", "1000")
    code, err = invoke("record", "--csv", "cell.csv")
    assert code == 2 and "cell.csv:2: a cell is too long" in err


def test_a_csv_larger_than_the_limit_is_not_read_to_the_end(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONPLAN_MAX_CSV_BYTES", "100")
    Path("big.csv").write_text("id,period,value\n" + "a,2014-05,6\n" * 20)
    code, err = invoke("record", "--csv", "big.csv")
    assert code == 2 and "big.csv: more than 100 bytes" in err


# --- templates -------------------------------------------------------------------------------


def _copy_plans(tree: Path) -> None:
    shutil.rmtree(tree / "plans")
    shutil.copytree(ROOT / "plans", tree / "plans")


def test_a_template_that_is_not_utf8_names_the_file_and_line(tree: Path) -> None:
    _copy_plans(tree)
    (tree / "mine").mkdir()
    (tree / "mine" / "plan.md.j2").write_bytes(b"# {{ title }}\n\ncaf\xe9\n")
    code, err = invoke("render", "smoking-quitters", "--templates", "mine", "--no-cache")
    assert code == 2 and "mine/plan.md.j2:3: not UTF-8 text" in err


def test_a_template_that_includes_itself_is_a_clear_error(tree: Path) -> None:
    _copy_plans(tree)
    (tree / "mine").mkdir()
    (tree / "mine" / "plan.md.j2").write_text("{{ title }}\n{% include 'plan.md.j2' %}\n")
    code, err = invoke("render", "smoking-quitters", "--templates", "mine", "--no-cache")
    assert code == 2 and "includes or extends itself" in err and "plan.md.j2" in err


def test_init_templates_onto_a_file_is_a_clear_error(tree: Path) -> None:
    Path("taken").write_text("mine\n")
    code, err = invoke("render", "--init-templates", "taken")
    assert code == 2 and "taken is a file" in err
    assert Path("taken").read_text() == "mine\n"


# --- imports ---------------------------------------------------------------------------------


def _png() -> bytes:
    """A 1x1 PNG, for python-docx to place in a document."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _docx(path: Path, members: dict[str, int]) -> Path:
    """A seed document as .docx with a picture, its members in `members` replaced by (or
    added as) that many zero bytes: tiny once packed, huge once inflated."""
    from docx import Document

    document = Document()
    document.add_picture(io.BytesIO(_png()))
    table = document.add_table(rows=0, cols=2)
    for line in SEED.read_text().splitlines():
        if "\t" in line:
            label, value = line.split("\t", 1)
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    with (
        zipfile.ZipFile(buffer) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for item in original.infolist():
            if item.filename not in members:
                package.writestr(item, original.read(item))
        for name, size in members.items():
            with package.open(name, "w", force_zip64=True) as member:
                for _ in range(size // 2**20):
                    member.write(bytes(2**20))
    return path


def test_a_docx_whose_text_unpacks_past_the_limit_is_refused_before_inflating(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _docx(tree / "bomb.docx", {"customXml/item9.xml": 8 * 2**20})
    monkeypatch.setenv("ACTIONPLAN_MAX_DOCX_XML_BYTES", str(4 * 2**20))
    code, err = invoke("import", "--year", "2014/15", "bomb.docx")
    assert code == 2 and "bomb.docx: its text and markup unpack to" in err
    assert "ACTIONPLAN_MAX_DOCX_XML_BYTES" in err


def test_a_huge_image_in_a_docx_is_never_loaded(tree: Path) -> None:
    _docx(tree / "photo.docx", {"word/media/image1.png": 400 * 2**20})
    run = forked.run(["import", "--year", "2014/15", "photo.docx"], tree, timeout=30)
    assert run.code == 0, run.stderr
    assert run.added_mb < 300, run.added_mb


def test_a_document_over_the_size_limit_is_refused(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SEED, tree / "seed.txt")
    monkeypatch.setenv("ACTIONPLAN_MAX_DOCUMENT_BYTES", "100")
    code, err = invoke("import", "--year", "2014/15", "seed.txt")
    assert code == 2 and "seed.txt: more than 100 bytes" in err


# --- many unknown keys -----------------------------------------------------------------------


def test_thousands_of_unknown_keys_are_one_error(tree: Path) -> None:
    keys = "".join(f"key{n}: 1\n" for n in range(5000))
    (tree / "plans" / "keys.yaml").write_text("title: K\n" + keys)
    code, err = invoke("check", "--no-cache")
    assert code == 2
    problems = [line for line in err.splitlines() if "keys.yaml" in line]
    assert (
        problems == [problems[0]]
        and "keys.yaml:1:1: 5,000 unknown keys ('key0', 'key1', 'key2'...)" in problems[0]
    )


def test_a_few_unknown_keys_are_each_located_with_a_suggestion(tree: Path) -> None:
    (tree / "plans" / "typo.yaml").write_text("title: T\ntargt: 5\ndirecton: higher\n")
    code, err = invoke("check", "--no-cache")
    assert code == 2
    assert "typo.yaml:2:1: unknown key 'targt': did you mean 'target'?" in err
    assert "typo.yaml:3:1: unknown key 'directon': did you mean 'direction'?" in err


# --- the documentation ----------------------------------------------------------------------------


def test_every_limit_is_in_the_documented_table_with_its_default() -> None:
    from actionplan.workspace.limits import ALL, MB

    rows = {
        row.split("|")[-2].strip(" `"): row.split("|")[-3].strip()
        for row in (ROOT / "docs" / "limits-and-safety.md").read_text().splitlines()
        if row.startswith("| ") and "`ACTIONPLAN_MAX_" in row
    }
    for limit in ALL:
        shown = rows[f"ACTIONPLAN_{limit.name}"]
        number = shown.split()[0].replace(",", "")
        default = limit.default // MB if shown.endswith(" MB") else limit.default
        assert number == str(default), (limit.name, shown)


def _sized(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """The size a file had when it was opened, as if it changed before it was read."""
    real = os.fstat

    def fstat(fd: int) -> os.stat_result:
        fields = list(real(fd))
        fields[6] = size  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(limits.os, "fstat", fstat)


def test_a_plan_that_grows_as_it_is_read_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"title: T\n" + b"# more\n" * 1000)
    _sized(monkeypatch, 9)
    assert limits.read_limited(path, limits.PLAN_BYTES) == path.read_bytes()


def test_a_plan_that_grows_past_the_limit_as_it_is_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"title: T\n" + b"#" * 2000)
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_BYTES", "1000")
    _sized(monkeypatch, 9)
    with pytest.raises(limits.OverLimit, match="more than 1,000 bytes"):
        limits.read_limited(path, limits.PLAN_BYTES)


def test_judging_a_plan_leaves_nothing_for_the_garbage_collector(tmp_path: Path) -> None:
    """`check` runs without the garbage collector: anything judging a file left in a reference
    cycle (its node tree, say) would stay in memory to the end, for each of 10,000 files."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "title: T\ndirection: higher\ntarget: 10\nmeasurements:\n"
        + "".join(f"  - period: 2014-{m:02}\n    value: {m}\n" for m in range(1, 13))
    )
    settings = Settings()
    judge_file(path, settings=settings, as_of=date(2015, 6, 30), spc="all")  # imports, caches
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            judge_file(path, settings=settings, as_of=date(2015, 6, 30), spc="all")
        assert gc.collect() == 0
    finally:
        gc.enable()
