"""A `.docx` small once packed and under the unpacked byte limit can still hold millions of
tiny paragraphs, each a tree of objects once read. Its elements are counted as it is unpacked,
and it is refused at the first element over the limit: in seconds and a bounded memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from actionplan.cli import app
from support import forked
from support.import_documents import add_rows, build_docx, write_html_as_text
from support.paths import LEGACY

PARAGRAPH = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"


def _paragraphs(path: Path, count: int) -> Path:
    """A Word document whose body is `count` one-letter paragraphs, written as it is zipped so
    that the test never holds its text."""
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as blank, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in blank.infolist():
            data = blank.read(item)
            if item.filename != "word/document.xml":
                out.writestr(item.filename, data)
                continue
            head, tail = data.split(b"<w:body>")
            with out.open(item.filename, "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                for _ in range(count // 10_000):
                    member.write(PARAGRAPH * 10_000)
                member.write(PARAGRAPH * (count % 10_000) + tail)
    return path


@pytest.mark.slow
def test_two_and_a_half_million_paragraphs_are_refused_quickly_in_bounded_memory(
    tmp_path: Path,
) -> None:
    document = _paragraphs(tmp_path / "many.docx", 2_500_000)
    assert document.stat().st_size < 400_000  # small packed, 85 MB of markup unpacked

    run = forked.run(["import", "--year", "2014/15", "many.docx"], tmp_path, timeout=60)

    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "many.docx: more than 250,000 elements in its text and markup" in run.stderr
    assert "ACTIONPLAN_MAX_DOCUMENT_ELEMENTS" in run.stderr
    assert run.added_mb < 200, run.added_mb
    assert not list(tmp_path.glob("*.yaml")) and not (tmp_path / "plans").exists()


def test_the_element_limit_can_be_lowered_and_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _paragraphs(tmp_path / "some.docx", 10_000)  # 30,000 elements, and the styles' 18,000
    monkeypatch.setenv("ACTIONPLAN_MAX_DOCUMENT_ELEMENTS", "30000")
    result = CliRunner().invoke(app, ["import", "--year", "2014/15", "some.docx"])
    assert result.exit_code == 2
    assert "some.docx: more than 30,000 elements in its text and markup" in result.stderr
    assert "raise the limit with ACTIONPLAN_MAX_DOCUMENT_ELEMENTS" in result.stderr

    monkeypatch.setenv("ACTIONPLAN_MAX_DOCUMENT_ELEMENTS", "100000")
    result = CliRunner().invoke(app, ["import", "--year", "2014/15", "some.docx"])
    assert "elements" not in result.stderr  # read, and refused for what it holds instead
    assert "no template labels found" in result.stderr


def test_a_real_plan_document_is_far_under_the_element_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    build_docx(LEGACY / "smoking-quitters.txt", tmp_path / "plan.docx", write_html_as_text)
    monkeypatch.setenv("ACTIONPLAN_MAX_DOCUMENT_ELEMENTS", "100000")  # under half the default
    result = CliRunner().invoke(app, ["import", "--year", "2014/15", "plan.docx"])
    assert result.exit_code == 0, result.stderr


def test_markup_that_is_not_xml_is_a_damaged_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    document = Document()
    add_rows(document.add_table(rows=0, cols=2), [("Indicator Title", "T")], write_html_as_text)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as good, zipfile.ZipFile("bad.docx", "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            cut = item.filename == "word/document.xml"
            bad.writestr(item.filename, data[:-40] if cut else data)
    result = CliRunner().invoke(app, ["import", "--year", "2014/15", "bad.docx"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "bad.docx: the Word document is damaged" in result.stderr


def test_a_text_export_of_millions_of_lines_or_tags_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    head = "Indicator Title\tT\nWhat\t<p>start</p>"
    Path("lines.txt").write_text(head + "\n\tx" * 300_000)
    Path("tags.txt").write_text(head + "<i>a</i>" * 150_000)
    for name, count in (("lines.txt", "300,003 lines"), ("tags.txt", "300,003 lines")):
        result = CliRunner().invoke(app, ["import", "--year", "2014/15", name])
        assert result.exit_code == 2
        assert f"{name}: {count} and markup tags, over the limit of 250,000" in result.stderr


def test_huge_text_is_refused_by_its_characters_in_a_docx_and_in_a_text_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_MAX_DOCUMENT_TEXT", "100000")
    document = Document()
    rows = [("Indicator Title", "T"), ("What", "lorem ipsum " * 10_000)]
    add_rows(document.add_table(rows=0, cols=2), rows, write_html_as_text)
    document.save("long.docx")
    Path("long.txt").write_text("".join(f"{label}\t{value}\n" for label, value in rows))
    for name in ("long.docx", "long.txt"):
        result = CliRunner().invoke(app, ["import", "--year", "2014/15", name])
        assert result.exit_code == 2
        assert (
            f"{name}: " in result.stderr and "over the limit of 100,000 characters" in result.stderr
        )
        assert "ACTIONPLAN_MAX_DOCUMENT_TEXT" in result.stderr
