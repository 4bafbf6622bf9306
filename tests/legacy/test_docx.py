"""Reading the template from Word documents built, with python-docx, from the seed exports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from actionplan.legacy.fields import LegacyError
from actionplan.legacy.html import BULLETS, to_markdown, to_text
from actionplan.legacy.reader import read_document
from support.import_documents import add_rows, build_docx, write_html_as_text, write_html_as_word
from support.paths import LEGACY

SEEDS = [LEGACY / "smoking-quitters.txt", LEGACY / "opiate-users.txt"]
TEXT_FIELDS = ["non_compliance_reason", "what", "how", "who", "when"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_a_docx_holding_the_html_reads_as_the_text_export_does(seed: Path, tmp_path: Path) -> None:
    from_text = read_document(seed)
    docx = build_docx(seed, tmp_path / f"{seed.stem}.docx", write_html_as_text)

    from_docx = read_document(docx)

    assert from_docx.notes == []
    assert from_docx.fields.keys() == from_text.fields.keys()
    for name in from_text.fields:
        convert = to_markdown if name in TEXT_FIELDS else to_text
        assert convert(from_docx.value(name)) == convert(from_text.value(name)), name


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_word_paragraphs_lists_and_italics_are_kept(seed: Path, tmp_path: Path) -> None:
    from_text = read_document(seed)
    docx = build_docx(seed, tmp_path / f"{seed.stem}.docx", write_html_as_word)

    from_docx = read_document(docx)

    assert from_docx.notes == []
    for name in TEXT_FIELDS:
        assert to_markdown(from_docx.value(name)) == to_markdown(from_text.value(name)), name


def test_a_row_with_an_empty_label_continues_the_field(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=0, cols=2)
    add_rows(
        table,
        [
            ("Indicator Title", "Smoking quitters (4 weeks)"),
            ("How (will it be achieved)", "<p>Proposals for a cut down</p>"),
            ("", "<p>to quit pilot.</p> <p>Reported monthly.</p>"),
            ("Who (will be responsible)", "Rebecca Mellor"),
        ],
        write_html_as_text,
    )
    document.save(str(tmp_path / "plan.docx"))

    read = read_document(tmp_path / "plan.docx")

    assert (
        to_markdown(read.value("how"))
        == "Proposals for a cut down to quit pilot.\n\nReported monthly."
    )
    assert to_markdown(read.value("who")) == "Rebecca Mellor"


def test_numbered_lists_and_line_breaks_in_cells(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Indicator Title"
    table.cell(0, 1).text = "Delayed transfers"
    row = table.add_row()
    row.cells[0].text = "What (is required)"
    cell = row.cells[1]
    cell.paragraphs[0].add_run("Two steps:")
    cell.add_paragraph("Daily huddles", style="List Number")
    cell.add_paragraph("Step-down beds", style="List Number")
    closing = cell.add_paragraph()
    closing.add_run("Reviewed by ")
    closing.add_run("the board").bold = True
    document.save(str(tmp_path / "plan.docx"))

    what = to_markdown(read_document(tmp_path / "plan.docx").value("what"))

    assert what == "Two steps:\n\n1. Daily huddles\n2. Step-down beds\n\nReviewed by **the board**"


def test_text_outside_the_table_is_reported(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("PERFORMANCE ACTION PLAN TEMPLATE")
    document.add_paragraph("Agreed at the July committee")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Indicator Title"
    table.cell(0, 1).text = "Smoking quitters"
    document.save(str(tmp_path / "plan.docx"))

    notes = read_document(tmp_path / "plan.docx").notes

    assert len(notes) == 1 and "'Agreed at the July committee'" in notes[0].text


def test_a_word_document_without_the_template_is_refused(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Minutes of the meeting")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "Apologies"
    document.save(str(tmp_path / "minutes.docx"))

    with pytest.raises(LegacyError, match=r"minutes\.docx: no template labels found"):
        read_document(tmp_path / "minutes.docx")


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("readme.txt", "not a document")

    with pytest.raises(LegacyError, match=r"plan\.docx: not a Word document"):
        read_document(source)


def test_the_docx_builder_keeps_no_bullet_characters(tmp_path: Path) -> None:
    # Guards the fixture itself: the Word form must hold real list paragraphs, not "•" text.
    docx = build_docx(SEEDS[1], tmp_path / "opiate.docx", write_html_as_word)

    texts = [
        p.text for t in Document(str(docx)).tables for c in t.columns[1].cells for p in c.paragraphs
    ]
    assert texts and not any(bullet in text for text in texts for bullet in BULLETS)


def test_a_table_nested_in_a_value_cell_is_reported(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Indicator Title"
    table.cell(0, 1).text = "Smoking quitters"
    row = table.add_row()
    row.cells[0].text = "How (will it be achieved)"
    row.cells[1].text = "Milestones:"
    row.cells[1].add_table(rows=1, cols=1).cell(0, 0).text = "Q1: pilot"
    document.save(str(tmp_path / "plan.docx"))

    read = read_document(tmp_path / "plan.docx")

    assert to_markdown(read.value("how")) == "Milestones:"
    assert [note.text for note in read.notes] == [
        "table 1 row 2: a table inside the value cell was not imported"
    ]
