"""The papers a committee reads, turned into PNG pages for a person to look at, and checked as a
reader would first see them: no blank page, and nothing running into the page's side edges.

The report of the bundled plans and of a generated 57-indicator tree (Wirral's year-end report
in shape), in PDF and in Word (converted by LibreOffice as a reader's word processor lays it
out), and a rendered plan. The PNG pages are kept in $ACTIONPLAN_PAPERS when set, else in
out/papers of the project (ignored by git), one folder a paper.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.external import need
from support.paths import BUNDLED_PLANS, ROOT
from support.pdf import poppler
from support.report_files import bundled, tree57

pytestmark = pytest.mark.slow

# A page is blank with fewer dark pixels than this in its body: its header and footer bands (a
# page number) left out.
BLANK_PIXELS = 10
HEADER, FOOTER = 0.05, 0.08
# The side bands where nothing may be printed: the outer 2 % of the page's width, far inside
# every template's margins, so ink there is text or a table cut off at the paper's edge.
EDGE = 0.02


def _kept(name: str) -> Path:
    folder = Path(os.environ.get("ACTIONPLAN_PAPERS") or ROOT / "out" / "papers") / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    return folder


def _pages(pdf: Path, scratch: Path) -> list[tuple[int, int, bytes]]:
    """Each page as grey pixels (width, height, one byte a pixel), from poppler's PGM output."""
    poppler("pdftoppm", "-r", "30", "-gray", pdf, scratch / "grey")
    pages = []
    for path in sorted(scratch.glob("grey-*.pgm")):
        raw = path.read_bytes()
        magic, width, height, depth, pixels = raw.split(maxsplit=4)
        assert magic == b"P5" and depth == b"255"
        pages.append((int(width), int(height), pixels))
    return pages


def _look_at(pdf: Path, name: str, scratch: Path, *, keep: bool = True) -> None:
    """Keep the PNG pages, then check each as a reader sees it."""
    if keep:
        poppler("pdftoppm", "-r", "60", "-png", pdf, _kept(name) / "page")
    pages = _pages(pdf, scratch)
    assert pages, f"{name}: no page"
    for number, (width, height, pixels) in enumerate(pages, 1):
        body = pixels[int(HEADER * height) * width : int((1 - FOOTER) * height) * width]
        ink = sum(1 for p in body if p < 200)
        assert ink >= BLANK_PIXELS, f"{name}: page {number} is blank"
        band = max(1, int(EDGE * width))
        edges = [
            x
            for y in range(height)
            for x in (*range(band), *range(width - band, width))
            if pixels[y * width + x] < 128
        ]
        assert not edges, f"{name}: page {number} has print at its side edge (cut off)"


def _word_as_pdf(docx: Path, scratch: Path) -> Path:
    soffice = need("soffice", "libreoffice-writer-nogui")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{scratch / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(scratch), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return scratch / f"{docx.stem}.pdf"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_bundled_report_has_no_blank_page_and_nothing_cut_off(fmt: str, tmp_path: Path) -> None:
    written = bundled(fmt, tmp_path / "out")
    assert written.exit_code in (0, 1), written.stderr
    pdf = written.path if fmt == "pdf" else _word_as_pdf(written.path, tmp_path)
    _look_at(pdf, f"report-bundled-{fmt}", tmp_path)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_57_indicator_report_has_no_blank_page_and_nothing_cut_off(
    fmt: str, tmp_path: Path
) -> None:
    written = tree57(fmt, tmp_path)
    assert written.exit_code in (0, 1), written.stderr
    pdf = written.path if fmt == "pdf" else _word_as_pdf(written.path, tmp_path)
    _look_at(pdf, f"report-57-{fmt}", tmp_path)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_rendered_plan_has_no_blank_page_and_nothing_cut_off(fmt: str, tmp_path: Path) -> None:
    plan = BUNDLED_PLANS / "public-health" / "smoking-quitters.yaml"
    done = CliRunner().invoke(
        app,
        ["render", str(plan), "--format", fmt, "--out", str(tmp_path / "out"),
         "--as-of", "2014-07-31", "--no-cache"],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    (written,) = (tmp_path / "out").glob(f"*.{fmt}")
    pdf = written if fmt == "pdf" else _word_as_pdf(written, tmp_path)
    _look_at(pdf, f"plan-{fmt}", tmp_path)


def test_print_at_the_edge_and_a_blank_page_are_found(tmp_path: Path) -> None:
    import typst

    cut = tmp_path / "cut.typ"
    cut.write_text('#set page(margin: 0pt)\n#text(size: 20pt)[#range(600).map(str).join(" ")]\n')
    typst.compile(str(cut), output=str(tmp_path / "cut.pdf"))
    with pytest.raises(AssertionError, match="side edge"):
        _look_at(tmp_path / "cut.pdf", "check-cut", tmp_path, keep=False)
    (tmp_path / "blank").mkdir()
    blank = tmp_path / "blank.typ"
    blank.write_text("Page one.\n#pagebreak()\n")
    typst.compile(str(blank), output=str(tmp_path / "blank.pdf"))
    with pytest.raises(AssertionError, match="page 2 is blank"):
        _look_at(tmp_path / "blank.pdf", "check-blank", tmp_path / "blank", keep=False)
