"""The report and a rendered plan as PDF files that readers open without complaint and that
assistive technology can read: pdfinfo and `qpdf --check` find nothing wrong, and the
document's own objects, read back with pikepdf, give a title, a language, a structure tree
(tagged) and alternative text on every figure.

pdfinfo comes from Debian's poppler-utils and qpdf from Debian's qpdf: skipped when missing,
except in CI (see external.py)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.external import need
from support.paths import BUNDLED_PLANS
from support.report_files import BUNDLED_AS_OF, bundled

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("papers")
    report = bundled("pdf", out)
    assert report.exit_code == 0, report.stderr
    result = CliRunner().invoke(
        app,
        ["render", str(BUNDLED_PLANS), "--format", "pdf", "--out", str(out / "plans"),
         "--as-of", BUNDLED_AS_OF, "--no-cache"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return {"report": report.path, "plan": out / "plans" / "smoking-quitters.pdf"}


def _run(program: str, package: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [need(program, package), *map(str, args)], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("paper", ["report", "plan"])
def test_pdfinfo_reads_the_pdf_without_a_complaint(paper: str, papers: dict[str, Path]) -> None:
    """poppler before 23.03 takes the catalogue's `/Suspects false` for an error and says so on
    every file; the pages must open clean in the readers councils have."""
    done = _run("pdfinfo", "poppler-utils", papers[paper])
    assert done.returncode == 0
    assert done.stderr == ""


@pytest.mark.parametrize("paper", ["report", "plan"])
def test_qpdf_check_finds_no_error(paper: str, papers: dict[str, Path]) -> None:
    done = _run("qpdf", "qpdf", "--check", papers[paper])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout
    assert done.stderr == ""


def _structure(node: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under `node`, depth first."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _structure(kid)


@pytest.mark.parametrize("paper", ["report", "plan"])
def test_title_language_structure_tree_and_figure_alternative_text(
    paper: str, papers: dict[str, Path]
) -> None:
    with pikepdf.open(papers[paper]) as pdf:
        root = pdf.Root
        assert str(pdf.open_metadata().get("dc:title", "")).strip()
        assert "/DisplayDocTitle" in root.ViewerPreferences  # the title, not the file name
        assert str(root.Lang) == "en-GB"
        assert bool(root.MarkInfo.Marked)
        elements = list(_structure(root.StructTreeRoot))
        kinds = {str(e.S) for e in elements}
        assert {"/H1", "/Table"} <= kinds or {"/H1", "/P"} <= kinds
        figures = [e for e in elements if str(e.S) == "/Figure"]
        if paper == "report":
            assert len(figures) == 2  # one chart for each of the two bundled indicators
        for figure in figures:
            assert str(figure.get("/Alt", "")).strip(), "a figure without alternative text"
