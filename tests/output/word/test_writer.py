"""A council's own Word template: its fonts, header and logo are kept, the styles it lacks are
supplied, and the built-in starter is what --init-templates hands out. Numbered lists each
count from their own start."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.errors import ActionplanError
from actionplan.output.word.writer import add_picture, base_document, docx_bytes
from support.documents import indicator, render
from support.paths import ROOT
from support.word import LOGO_ALT, png

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow


def council_template(path: Path) -> Path:
    """A council's plan.docx: Georgia throughout, its name and logo in the header."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    header = document.sections[0].header.paragraphs[0]
    header.add_run("Metropolitan Borough of Wirral").add_picture(io.BytesIO(png()), width=Pt(40))
    for properties in header._p.iter(qn("wp:docPr")):
        properties.set("descr", LOGO_ALT)
    document.add_paragraph("Example body text the council left in its template.")
    document.save(str(path / "plan.docx"))
    return path


def open_docx(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def test_a_council_template_gives_its_font_header_and_logo(tmp_path: Path) -> None:
    output = open_docx(render(indicator(), "docx", council_template(tmp_path)))

    assert output.styles["Normal"].font.name == "Georgia"
    assert output.styles["Normal"].font.size == Pt(12)
    header = output.sections[0].header
    assert header.paragraphs[0].text == "Metropolitan Borough of Wirral"
    alt = [p.get("descr") for p in header._element.iter(qn("wp:docPr"))]
    assert alt == [LOGO_ALT]
    body = "\n".join(p.text for p in output.paragraphs)
    assert "Example body text" not in body  # the template's body is replaced
    assert "Performance Action Plan: " in body


def test_the_built_in_template_is_arial_with_page_numbers() -> None:
    output = open_docx(render(indicator(), "docx"))

    assert output.styles["Normal"].font.name == "Arial"
    assert output.sections[0].header.paragraphs[0].text == "Performance Action Plan"
    assert "NUMPAGES" in output.sections[0].footer._element.xml


def test_styles_a_template_lacks_are_supplied_and_lists_still_show(tmp_path: Path) -> None:
    bare = docx.Document()
    styles = bare.styles.element
    for style in list(styles.iter(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name.startswith(("heading", "List")) or name in ("Title", "Quote"):
            styles.remove(style)
    bare.save(str(tmp_path / "plan.docx"))

    plan = indicator(what="- first\n- second\n\n1. one\n2. two\n")
    output = open_docx(render(plan, "docx", tmp_path))

    headings = [p.text for p in output.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["INDICATOR OVERVIEW", "CURRENT SITUATION", "ACTIONS"]
    cell_text = [p.text for t in output.tables for r in t.rows for p in r.cells[1].paragraphs]
    assert [t for t in cell_text if t.endswith(("first", "second", "one", "two"))] == [
        "•\tfirst",
        "•\tsecond",
        "1.\tone",
        "2.\ttwo",
    ]


def test_each_numbered_list_counts_from_its_own_start() -> None:
    plan = indicator(what="1. a\n2. b\n", how="1. c\n2. d\n\nText.\n\n5. e\n")
    output = open_docx(render(plan, "docx"))

    numbering = output.part.numbering_part.element
    items = [
        p
        for t in output.tables
        for r in t.rows
        for p in r.cells[1].paragraphs
        if p.style.name == "List Number"
    ]
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    assert [p.text for p in items] == ["a", "b", "c", "d", "e"]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3] != num_ids[4]
    starts = []
    for num_id in dict.fromkeys(num_ids):
        override = numbering.num_having_numId(num_id).find(f".//{qn('w:startOverride')}")
        starts.append(int(override.get(qn("w:val"))))
    assert starts == [1, 1, 5]


def test_a_file_that_is_not_word_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "plan.docx").write_text("not a zip")

    with pytest.raises(ActionplanError, match="not a Word document"):
        render(indicator(), "docx", tmp_path)


def test_pictures_carry_alternative_text(tmp_path: Path) -> None:
    document = base_document(ROOT / "templates" / "plan.docx")
    add_picture(document.add_paragraph(), png(), "Chart: quitters by month\x07", Pt(200))
    with pytest.raises(ValueError, match="alternative text"):
        add_picture(document.add_paragraph(), png(), " ", Pt(200))

    output = open_docx(docx_bytes(document))

    alt = [p.get("descr") for p in output.element.body.iter(qn("wp:docPr"))]
    assert alt == ["Chart: quitters by month"]


def test_init_templates_copies_the_word_and_pdf_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["render", "--init-templates", "mine"])

    assert result.exit_code == 0, result.output
    assert (tmp_path / "mine" / "plan.docx").read_bytes() == (
        ROOT / "templates" / "plan.docx"
    ).read_bytes()
    assert (tmp_path / "mine" / "plan.typ").is_file()
