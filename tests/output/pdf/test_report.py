"""The quarterly report as PDF, read back with poppler: every word of each bundled plan in
order, A4 pages that are numbered and not blank, the expected page count, scorecard rows kept
whole with their evidence, the title and language set, headings tagged, each chart a tagged
figure with alternative text, the scorecard's counts, the exceptions and the changes.

pdftotext, pdfinfo and pdftoppm come from Debian's poppler-utils: skipped when missing, except
in CI (see external.py)."""

from __future__ import annotations

import re
import zlib
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.output.report.model import build_report
from actionplan.workspace.store import load_workspace
from support.golden import PLANS, contains_run, seed_fields, words
from support.paths import ROOT, SEEDS
from support.pdf import arial_metrics, info, ink_share, page_texts, poppler
from support.report_files import AS_OF, Written, bundled, tree57
from support.word import in_order

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

# In Arial or its metric twin Liberation Sans (report.typ's first fonts).
PAGES = {"plans": 5, "tree": 74}


@pytest.fixture(scope="module")
def plans_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    written = bundled("pdf", tmp_path_factory.mktemp("bundled"))
    assert written.exit_code == 0, written.stderr
    return written.path


@pytest.fixture(scope="module")
def tree_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    written: Written = tree57("pdf", tmp_path_factory.mktemp("tree57"))
    assert written.exit_code == 1, written.stderr  # three RED measures lack a plan
    return written.path


def figure_alts(pdf: Path) -> list[str]:
    """The alternative text of each Figure in the PDF's structure tree, in order; "" for a
    figure that has none."""
    data = pdf.read_bytes()
    chunks = [data]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            chunks.append(zlib.decompress(stream[1]))
        except zlib.error:
            continue
    found = []
    for chunk in chunks:
        for element in re.finditer(rb"/Type/StructElem/S/Figure\b", chunk):
            end = chunk.find(b"endobj", element.end())
            alt = chunk.find(b"/Alt(", element.end(), end)
            found.append(literal(chunk, alt + 4) if alt >= 0 else "")
    return found


def literal(data: bytes, start: int) -> str:
    """The PDF literal string that opens at `start`: its parentheses may nest, and a
    backslash escapes the character after it."""
    depth, text, index = 0, bytearray(), start
    while True:
        byte = data[index : index + 1]
        if byte == b"\\":
            text += data[index + 1 : index + 2]
            index += 2
            continue
        depth += {b"(": 1, b")": -1}.get(byte, 0)
        if depth == 0:
            return text.decode("latin-1")
        if index > start:
            text += byte
        index += 1


def struct_headings(pdf: Path) -> list[tuple[str, str]]:
    tree = poppler("pdfinfo", "-struct", pdf)
    return re.findall(r'^\s*(H\d) "([^"]*)"', tree, re.MULTILINE)


@pytest.mark.parametrize("plan", PLANS)
def test_every_word_of_each_plan_is_in_the_pdf_in_order(plan: str, plans_pdf: Path) -> None:
    text = words(poppler("pdftotext", plans_pdf, "-"))
    fields = seed_fields(SEEDS / f"{plan}.txt")
    for label, value in fields.items():
        assert contains_run(text, words(value)), f"{plan}: {label} lost in the PDF"
    assert in_order(text, [words(label) + words(value) for label, value in fields.items()])


@pytest.mark.parametrize("which", ["plans", "tree"])
def test_pages_are_a4_numbered_not_blank_and_as_many_as_expected(
    which: str, plans_pdf: Path, tree_pdf: Path, tmp_path: Path
) -> None:
    pdf = plans_pdf if which == "plans" else tree_pdf
    details = info(pdf)
    assert details["Page size"].endswith("(A4)")
    pages = page_texts(pdf)
    assert len(pages) == int(details["Pages"])
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text

    poppler("pdftoppm", "-r", "20", "-gray", pdf, tmp_path / "page")
    images = sorted(tmp_path.glob("page-*.pgm"))
    assert len(images) == len(pages)
    for image in images:
        assert ink_share(image.read_bytes()) > 0.01, f"{image.name} is blank"
    if arial_metrics():
        assert len(pages) == PAGES[which]


def test_title_language_and_tagged_headings(plans_pdf: Path) -> None:
    details = info(plans_pdf)
    assert details["Title"] == "Performance report: Wirral Council, 31 July 2014"
    assert details["Tagged"] == "yes"
    assert "<pdfuaid:part>1</pdfuaid:part>" in poppler("pdfinfo", "-meta", plans_pdf)
    assert b"/Lang(en-GB)" in plans_pdf.read_bytes().replace(b" (", b"(")
    found = struct_headings(plans_pdf)
    assert [level for level, _ in found] == [
        "H1", "H2", "H3", "H3", "H2", "H3", "H2", "H3", "H4", "H4", "H2",
        "H3", "H4", "H4", "H4", "H3", "H4", "H4", "H4",
    ]  # fmt: skip
    assert found[0] == ("H1", "Performance report")
    assert found[3] == ("H3", "Are the plans working?")
    assert found[10] == ("H2", "Exceptions: RED measures")
    assert found[15] == ("H3", "Smoking quitters (4 weeks)")


def test_each_chart_is_a_figure_with_alternative_text(plans_pdf: Path, tree_pdf: Path) -> None:
    for pdf, count in ((plans_pdf, 2), (tree_pdf, 57)):
        titles = [text for level, text in struct_headings(pdf) if level == "H4"]
        titles = [t for t in titles if t not in ("INDICATOR OVERVIEW", "CURRENT SITUATION",
                                                 "ACTIONS")]  # fmt: skip
        alts = figure_alts(pdf)
        assert len(alts) == len(titles) == count
        for alt, title in zip(alts, titles, strict=True):
            assert alt.startswith(f"Chart: {title}. "), alt


def test_summary_counts_of_the_57_indicator_tree(tree_pdf: Path) -> None:
    first = poppler("pdftotext", "-layout", "-l", "1", tree_pdf, "-")
    assert re.search(r"^\s*All\s+11\s+12\s+32\s+1\s+1\s+57\s*$", first, re.MULTILINE)
    assert "8 of 11 RED measures have a current, complete action plan." in first


def test_a_scorecard_row_and_its_evidence_share_a_page(tree_pdf: Path) -> None:
    """The row's first cell spans the row and the evidence under it and is not broken, so the
    indicator and every word of its drafted sentence are on one page."""
    tree = tree_pdf.parents[1] / "plans"
    workspace = load_workspace([tree])
    report = build_report([(f.path, f.indicator) for f in workspace.files], workspace.settings,
                          date.fromisoformat(AS_OF), roots=[tree])  # fmt: skip
    pages = [words(text) for text in page_texts(tree_pdf)]
    charts = next(n for n, page in enumerate(pages) if contains_run(page, ["Charts", "Points"]))
    # From the scorecard's key on: the summary's tables name the indicators and leads too.
    # The row's cells are read by line, so its lead is matched alone (it may come after the
    # other cells' first lines, its title wrapped among them).
    key = ["Scorecard", "Variation", "and", "assurance"]
    scorecard = next(n for n, page in enumerate(pages) if contains_run(page, key))
    first = pages[scorecard]
    starts = [i for i in range(len(first)) if first[i : i + len(key)] == key]
    pages[scorecard] = first[starts[0] :]
    assert len(report.entries) == 57
    for entry in report.entries:
        lead = ["Lead", "Officer", entry.indicator.id.split("-")[1].lstrip("0") or "0"]
        (on,) = [n for n in range(scorecard, charts + 1) if contains_run(pages[n], lead)]
        assert contains_run(pages[on], words(entry.sentence)), entry.indicator.title


def test_exceptions_and_changes(tree_pdf: Path) -> None:
    found = struct_headings(tree_pdf)
    start = found.index(("H2", "Exceptions: RED measures"))
    exceptions = [text for level, text in found[start:] if level == "H3"]
    assert len(exceptions) == 11
    text = " ".join(poppler("pdftotext", tree_pdf, "-").split())
    for lead in (52, 53, 54):
        assert (
            f"No action plan. This RED measure has no action plan yet: Lead Officer {lead} to "
            "complete one." in text
        )
    assert ("H2", "Changes since 31 December 2014") in found
    changes = text.split("Measures whose status changed", 1)[1].split("Scorecard", 1)[0]
    assert changes.count("new RED") == 3 and changes.count("RED resolved") == 2


def test_a_custom_report_typst_template_is_used(tmp_path: Path) -> None:
    (tmp_path / "report.typ").write_text(
        "#let data = json(bytes(sys.inputs.data))\n"
        "#set document(title: data.title)\n"
        '#set text(lang: "en", region: "GB")\n'
        '= #data.parts.filter(p => p.type == "chart").len() charts\n'
    )
    result = CliRunner().invoke(app, [
        "report", str(ROOT / "plans"), "--format", "pdf", "--as-of", "2014-07-31",
        "--templates", str(tmp_path), "--out", "-", "--no-cache",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(result.stdout_bytes)
    assert poppler("pdftotext", pdf, "-").split() == ["2", "charts"]
