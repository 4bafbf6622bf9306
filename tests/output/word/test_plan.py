"""The seed plans as Word documents, read back with python-docx: every word of the plan in order,
the template's headings as Word heading styles, its two-column tables with rows kept whole,
lists as Word lists, emphasis as runs, the status in words and colour, and the file's title and
language set."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from typer.testing import CliRunner

from actionplan.cli import app
from support.documents import indicator, render
from support.golden import (
    FIELD_LABELS,
    PLANS,
    TITLES,
    contains_run,
    kept_template_lines,
    seed_fields,
    words,
)
from support.paths import ROOT, SEEDS
from support.word import body_text

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

AS_OF = ["--as-of", "2014-07-31", "--no-cache"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Both seeds rendered once for the module, as the command writes them."""
    out = tmp_path_factory.mktemp("docx")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(
            app, ["render", *PLANS, "--format", "docx", "--out", str(out), *AS_OF]
        )
    assert result.exit_code == 0, result.output
    return {plan: (out / f"{plan}.docx").read_bytes() for plan in PLANS}


def open_docx(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("plan", PLANS)
def test_every_word_of_the_seed_plan_is_in_the_word_document(
    plan: str, rendered: dict[str, bytes]
) -> None:
    text = words(body_text(open_docx(rendered[plan])))
    fields = seed_fields(SEEDS / f"{plan}.txt")
    assert sorted(fields) == sorted(FIELD_LABELS)
    for label, value in fields.items():
        assert contains_run(text, words(value)), f"{label}: words lost in the Word document"
        assert contains_run(text, words(label)), f"label {label!r} missing"
    for line in kept_template_lines(SEEDS / f"{plan}.txt"):
        assert contains_run(text, words(line)), line


@pytest.mark.parametrize("plan", PLANS)
def test_headings_are_word_heading_styles(plan: str, rendered: dict[str, bytes]) -> None:
    document = open_docx(rendered[plan])
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", f"Performance Action Plan: {TITLES[plan]}"),
        ("Heading 2", "INDICATOR OVERVIEW"),
        ("Heading 2", "CURRENT SITUATION"),
        ("Heading 2", "ACTIONS"),
    ]


@pytest.mark.parametrize("plan", PLANS)
def test_the_template_tables_have_two_columns_and_rows_kept_whole(
    plan: str, rendered: dict[str, bytes]
) -> None:
    document = open_docx(rendered[plan])
    labels = []
    for table in document.tables:
        assert len(table.columns) == 2
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            labels.append(row.cells[0].text)
    assert labels == FIELD_LABELS
    captions = [t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) for t in document.tables]
    assert captions == ["INDICATOR OVERVIEW", "CURRENT SITUATION", "ACTIONS"]


def test_bullets_are_word_list_paragraphs_and_emphasis_is_runs(rendered: dict[str, bytes]) -> None:
    document = open_docx(rendered["opiate-users-not-re-presenting"])
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    paragraphs = [p for cell in cells for p in cell.paragraphs]
    bullets = [p.text for p in paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert len(bullets) == 3 + 4 + 5  # reason, what, how
    assert bullets[0].startswith("46% of those in treatment")
    italic = " ".join(r.text for p in paragraphs for r in p.runs if r.italic)
    assert italic.startswith("The treatment population is ageing")


@pytest.mark.parametrize("plan", PLANS)
def test_status_is_shown_in_words_and_colour(plan: str, rendered: dict[str, bytes]) -> None:
    document = open_docx(rendered[plan])
    runs = [r for p in document.element.body.iter(qn("w:p")) for r in p.iter(qn("w:r"))]
    status = [r for r in runs if "".join(t.text or "" for t in r.iter(qn("w:t"))) == "RED"]
    shaded = [r for r in status if r.find(f"{qn('w:rPr')}/{qn('w:shd')}") is not None]
    assert len(shaded) == 1
    assert shaded[0].find(f"{qn('w:rPr')}/{qn('w:shd')}").get(qn("w:fill")) == "A4262C"


@pytest.mark.parametrize("plan", PLANS)
def test_title_language_and_page_set_up(plan: str, rendered: dict[str, bytes]) -> None:
    document = open_docx(rendered[plan])
    properties = document.core_properties
    assert properties.title.startswith("Performance Action Plan: ")
    assert properties.title.endswith(" \N{EN DASH} Wirral Council")
    assert properties.language == "en-GB"
    assert properties.author == ""  # not the library's name
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


@pytest.mark.parametrize("plan", PLANS)
def test_images_carry_alternative_text(plan: str, rendered: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered[plan])) as archive:
        parts = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
        xml = "".join(archive.read(n).decode("utf-8") for n in parts)
    for drawing in xml.split("<wp:docPr")[1:]:
        assert 'descr="' in drawing.split(">")[0]


def test_the_same_plan_gives_the_same_bytes(
    rendered: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["render", PLANS[0], "--format", "docx", "-o", "-", *AS_OF])
    assert result.exit_code == 0
    assert result.stdout_bytes == rendered[PLANS[0]]


def test_links_tables_quotes_and_code_in_plan_text() -> None:
    what = (
        "See [the report](https://example.org/report).\n\n"
        "| Month | Quitters |\n|---|---|\n| April | 617 |\n\n"
        "> As the minutes say.\n\n    code line\n"
    )
    output = open_docx(render(indicator(what=what), "docx"))

    cell = output.tables[2].rows[0].cells[1]
    links = cell._tc.findall(f".//{qn('w:hyperlink')}")
    assert len(links) == 1
    target = output.part.rels[links[0].get(qn("r:id"))].target_ref
    assert target == "https://example.org/report"
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == "the report"
    nested = cell.tables[0]
    assert [[c.text for c in row.cells] for row in nested.rows] == [
        ["Month", "Quitters"],
        ["April", "617"],
    ]
    assert all(r.bold for r in nested.rows[0].cells[0].paragraphs[0].runs)
    assert nested.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    styles = {p.text: p.style.name for p in cell.paragraphs}
    assert styles["As the minutes say."] == "Quote"
    code = next(p for p in cell.paragraphs if p.text == "code line")
    assert code.runs[0].font.name == "Courier New"
