"""The quarterly report as a Word document, read back with python-docx: every word of each
bundled plan in order, the report's headings as Word heading styles, the scorecard's counts,
the status in words and colour, one chart picture per indicator with alternative text and its
figures as a table, the exceptions and the changes since the last committee; a council's own
report.docx gives its font and header; LibreOffice opens and converts the file."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable
from typer.testing import CliRunner

from actionplan.cli import app
from support.external import need
from support.golden import PLANS, contains_run, seed_fields, words
from support.paths import ROOT, SEEDS
from support.report_files import Written, bundled, tree57
from support.word import LOGO_ALT, body_text, in_order, png

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

STATUSES = ["RED", "AMBER", "GREEN", "NO DATA", "NO TARGET"]


@pytest.fixture(scope="module")
def plans_docx(tmp_path_factory: pytest.TempPathFactory) -> DocxDocument:
    written = bundled("docx", tmp_path_factory.mktemp("bundled"))
    assert written.exit_code == 0, written.stderr
    return docx.Document(str(written.path))


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Written:
    written = tree57("docx", tmp_path_factory.mktemp("tree57"))
    assert written.exit_code == 1, written.stderr  # three RED measures lack a plan
    return written


@pytest.fixture(scope="module")
def tree_docx(tree: Written) -> DocxDocument:
    return docx.Document(str(tree.path))


def caption(table: DocxTable) -> str:
    element = table._tbl.tblPr.find(qn("w:tblCaption"))
    return "" if element is None else str(element.get(qn("w:val")))


def tables(document: DocxDocument, prefix: str) -> list[DocxTable]:
    return [t for t in document.tables if caption(t).startswith(prefix)]


def headings(document: DocxDocument) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


@pytest.mark.parametrize("plan", PLANS)
def test_every_word_of_each_plan_is_in_the_report_in_order(
    plan: str, plans_docx: DocxDocument
) -> None:
    text = words(body_text(plans_docx))
    fields = seed_fields(SEEDS / f"{plan}.txt")
    for label, value in fields.items():
        assert contains_run(text, words(label) + words(value)), f"{plan}: {label} lost"
    assert in_order(text, [words(label) + words(value) for label, value in fields.items()])


def test_headings_are_word_heading_styles(plans_docx: DocxDocument) -> None:
    opiates = (
        "Proportion of opiate users that left drug treatment successfully who do not "
        "represent to treatment within 6 months"
    )
    plan_sections = [("Heading 4", s) for s in ("INDICATOR OVERVIEW", "CURRENT SITUATION",
                                                 "ACTIONS")]  # fmt: skip
    assert headings(plans_docx) == [
        ("Heading 1", "Performance report"),
        ("Heading 2", "Summary"),
        ("Heading 3", "Action plans"),
        ("Heading 3", "Are the plans working?"),
        ("Heading 2", "Scorecard"),
        ("Heading 3", "Public Health"),
        ("Heading 2", "Charts"),
        ("Heading 3", "Public Health"),
        ("Heading 4", f"{opiates}: 2013-01..2013-12"),
        ("Heading 4", "Smoking quitters (4 weeks): 2014-04"),
        ("Heading 2", "Exceptions: RED measures"),
        ("Heading 3", opiates),
        *plan_sections,
        ("Heading 3", "Smoking quitters (4 weeks)"),
        *plan_sections,
    ]


def test_summary_counts_of_the_57_indicator_tree(tree_docx: DocxDocument) -> None:
    (summary,) = tables(tree_docx, "Indicators by status")
    cells = [[c.text for c in row.cells] for row in summary.rows]
    assert cells[0] == ["Area", *STATUSES, "Total"]
    assert cells[-1] == ["All", "11", "12", "32", "1", "1", "57"]
    folders = cells[1:-1]
    assert [f[0] for f in folders] == ["Adult Care", "Children", "Environment", "Public Health"]
    for column in range(1, 7):
        assert sum(int(f[column]) for f in folders) == int(cells[-1][column])


def test_scorecard_has_a_row_per_indicator_with_status_in_words_and_colour(
    tree_docx: DocxDocument,
) -> None:
    found: dict[str, int] = {}
    fills = {"RED": "A4262C", "AMBER": "F5A623", "GREEN": "00703C"}
    scorecards = tables(tree_docx, "Scorecard: ")
    assert len(scorecards) == 4
    for table in scorecards:
        assert [c.text for c in table.rows[0].cells][:5] == [
            "Indicator", "Period", "Value", "Target", "Status",
        ]  # fmt: skip
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            if len(row._tr.tc_lst) == 2:
                continue  # the evidence under the row above
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            status = row.cells[4].paragraphs[0].runs[0]
            found[status.text] = found.get(status.text, 0) + 1
            shading = status._r.find(f"{qn('w:rPr')}/{qn('w:shd')}")
            assert shading is not None, status.text  # a coloured label ...
            if status.text in fills:
                assert shading.get(qn("w:fill")) == fills[status.text]
    assert found == {"RED": 11, "AMBER": 12, "GREEN": 32, "NO DATA": 1, "NO TARGET": 1}


def test_every_scorecard_row_has_its_drafted_evidence_under_it(tree_docx: DocxDocument) -> None:
    notes = []
    for table in tables(tree_docx, "Scorecard: "):
        rows = table.rows[1:]
        for row, under in zip(rows[::2], rows[1::2], strict=True):
            assert row._tr.tc_lst[0].vMerge == "restart"
            assert under._tr.tc_lst[0].vMerge == "continue"
            notes.append(under._tr.tc_lst[1])
    assert len(notes) == 57
    texts = ["".join(t.text for t in note.iter(qn("w:t"))) for note in notes]
    red = "88 for March 2015 against a target of 100: 12 below the target"
    # Each RED row's evidence opens with its triage phrase.
    assert sum(red in t and t.startswith(("Below target", "Within normal")) for t in texts) == 11


def test_one_chart_picture_per_indicator_with_alternative_text(
    tree_docx: DocxDocument,
) -> None:
    charts = [p for p in tree_docx.element.body.iter(qn("wp:docPr"))]
    assert len(charts) == 57
    titles = [text for style, text in headings(tree_docx) if style == "Heading 4"]
    titles = [t for t in titles if t.startswith("Indicator ")]
    assert len(titles) == 57
    for docpr, title in zip(charts, titles, strict=True):
        assert docpr.get("descr").startswith(f"Chart: {title}. Mean ")
    blips = [b.get(qn("r:embed")) for b in tree_docx.element.body.iter(qn("a:blip"))]
    pictures = [tree_docx.part.related_parts[rid].blob for rid in blips]
    assert all(p.startswith(b"\x89PNG\r\n\x1a\n") and len(p) > 5000 for p in pictures)


def test_each_chart_has_its_figures_as_a_table(tree_docx: DocxDocument) -> None:
    figures = tables(tree_docx, "Figures for ")
    assert len(figures) == 57
    for table in figures:
        header = [c.text for c in table.rows[0].cells]
        assert header[:5] == ["Period", "Value", "Forecast", "Target", "SPC"]
        periods = [row.cells[0].text for row in table.rows[1:]]
        assert 24 <= len(periods) <= 36  # the generator's 24 to 36 monthly points
        assert periods == sorted(periods)
        assert periods[-1] in ("2015-03", "2015-02")  # the NO DATA measure's last is February


def test_exceptions_and_the_measures_without_a_plan(tree_docx: DocxDocument) -> None:
    found = headings(tree_docx)
    start = found.index(("Heading 2", "Exceptions: RED measures"))
    exceptions = [text for style, text in found[start:] if style == "Heading 3"]
    assert len(exceptions) == 11 and all(t.endswith("<red>") for t in exceptions)
    notices = [p.text for p in tree_docx.paragraphs if p.text.startswith("No action plan.")]
    assert sorted(notices) == [
        f"No action plan. This RED measure has no action plan yet: Lead Officer {n} to "
        "complete one."
        for n in (52, 53, 54)
    ]


def test_changes_since_the_last_committee(tree_docx: DocxDocument) -> None:
    assert ("Heading 2", "Changes since 31 December 2014") in headings(tree_docx)
    (changes,) = tables(tree_docx, "Measures whose status changed")
    rows = [[c.text for c in row.cells] for row in changes.rows[1:]]
    assert [r[0] for r in rows] == ["new RED"] * 3 + ["RED resolved"] * 2 + ["status changed"]
    assert rows[-1][2:] == ["GREEN", "NO DATA"]
    plans = [p.text for p in tree_docx.paragraphs if p.text.startswith("Plan ")]
    assert sorted(p.split(":")[0] for p in plans) == ["Plan added"] * 3 + ["Plan revised"]


def test_title_language_page_set_up_and_header(tree_docx: DocxDocument) -> None:
    properties = tree_docx.core_properties
    assert properties.title == "Performance report, 31 March 2015"
    assert properties.language == "en-GB"
    section = tree_docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "Performance report"
    assert "NUMPAGES" in section.footer._element.xml
    assert tree_docx.styles["Normal"].font.name == "Arial"


def council_report_template(folder: Path) -> Path:
    """A council's report.docx: Georgia throughout, its name and logo in the header."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    header = document.sections[0].header.paragraphs[0]
    header.add_run("Wirral Council: Cabinet").add_picture(io.BytesIO(png()), width=Pt(40))
    for properties in header._p.iter(qn("wp:docPr")):
        properties.set("descr", LOGO_ALT)
    document.add_paragraph("Example body text the council left in its template.")
    folder.mkdir()
    document.save(str(folder / "report.docx"))
    return folder


def test_a_council_report_template_gives_its_font_header_and_logo(tmp_path: Path) -> None:
    templates = council_report_template(tmp_path / "house-style")
    written = bundled("docx", tmp_path / "out")
    plain = docx.Document(str(written.path))
    result = CliRunner().invoke(app, [
        "report", str(ROOT / "plans"), "--format", "docx", "--as-of", "2014-07-31",
        "--templates", str(templates), "--out", str(tmp_path / "styled"), "--no-cache",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    styled = docx.Document(str(tmp_path / "styled" / "report.docx"))

    assert plain.styles["Normal"].font.name == "Arial"
    assert styled.styles["Normal"].font.name == "Georgia"
    assert styled.styles["Normal"].font.size == Pt(12)
    header = styled.sections[0].header
    assert header.paragraphs[0].text == "Wirral Council: Cabinet"
    assert [p.get("descr") for p in header._element.iter(qn("wp:docPr"))] == [LOGO_ALT]
    text = body_text(styled)
    assert "Example body text" not in text
    assert headings(styled) == headings(plain)  # heading styles the file lacked are supplied
    assert len(list(styled.element.body.iter(qn("wp:docPr")))) == 2  # the charts


def test_libreoffice_opens_and_converts_the_reports(tree: Written, tmp_path: Path) -> None:
    soffice = need("soffice", "libreoffice-writer-nogui")
    plans = bundled("docx", tmp_path / "plans").path
    documents = {"plans": plans, "tree": tree.path}
    pdfs = {}
    for name, document in documents.items():
        done = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp_path / name), str(document)],
            capture_output=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr.decode()
        pdfs[name] = tmp_path / name / "report.pdf"
        assert pdfs[name].is_file(), done.stdout.decode()
    for pdf in pdfs.values():
        text = subprocess.run(
            [need("pdftotext", "poppler-utils"), str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode()
        assert "Performance report" in text
        assert "Page 1 of" in text  # Word's page fields, filled in
        assert "Exceptions: RED measures" in text
