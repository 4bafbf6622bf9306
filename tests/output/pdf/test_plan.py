"""The seed plans as PDF, read back with poppler: every word of the plan in order, A4 pages that
are not blank and number themselves, rows not split across pages, the title and language set,
and headings, lists and tables tagged for assistive technology.

Each seed is typeset once for the module. pdftotext, pdfinfo and pdftoppm come from Debian's
poppler-utils: skipped when missing, except in CI (see external.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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
from support.pdf import arial_metrics, info, ink_share, page_texts, poppler

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

AS_OF = ["--as-of", "2014-07-31", "--no-cache"]
# In Arial or its metric twin Liberation Sans (plan.typ's first fonts); a wider fallback font
# takes more pages.
# A filled plan has no blank-form instruction or guidance lines: the quitters plan fits a page.
PAGES = {"smoking-quitters": 1, "opiate-users-not-re-presenting": 2}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(
            app, ["render", *PLANS, "--format", "pdf", "--out", str(out), *AS_OF]
        )
    assert result.exit_code == 0, result.output
    return {plan: out / f"{plan}.pdf" for plan in PLANS}


@pytest.mark.parametrize("plan", PLANS)
def test_every_word_of_the_seed_plan_is_in_the_pdf(plan: str, pdfs: dict[str, Path]) -> None:
    text = words(poppler("pdftotext", pdfs[plan], "-"))
    fields = seed_fields(SEEDS / f"{plan}.txt")
    assert sorted(fields) == sorted(FIELD_LABELS)
    for label, value in fields.items():
        assert contains_run(text, words(value)), f"{label}: words lost in the PDF"
        assert contains_run(text, words(label)), f"label {label!r} missing"
    for line in kept_template_lines(SEEDS / f"{plan}.txt"):
        assert contains_run(text, words(line)), line


@pytest.mark.parametrize("plan", PLANS)
def test_pages_are_a4_numbered_and_not_blank(
    plan: str, pdfs: dict[str, Path], tmp_path: Path
) -> None:
    details = info(pdfs[plan])
    assert details["Page size"].endswith("(A4)")
    pages = page_texts(pdfs[plan])
    assert len(pages) == int(details["Pages"])
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text

    poppler("pdftoppm", "-r", "30", "-gray", pdfs[plan], tmp_path / "page")
    images = sorted(tmp_path.glob("page-*.pgm"))
    assert len(images) == len(pages)
    for image in images:
        assert ink_share(image.read_bytes()) > 0.01, f"{image.name} is blank"
    if arial_metrics():
        assert len(pages) == PAGES[plan]


@pytest.mark.parametrize("plan", PLANS)
def test_a_row_of_the_template_is_not_split_across_pages(plan: str, pdfs: dict[str, Path]) -> None:
    pages = [words(text) for text in page_texts(pdfs[plan])]
    for label, value in seed_fields(SEEDS / f"{plan}.txt").items():
        value_words = words(value)
        on = [n for n, page in enumerate(pages) if contains_run(page, words(label))]
        assert len(on) == 1, label
        page = pages[on[0]]
        assert contains_run(page, value_words[:4]) and contains_run(page, value_words[-4:]), label


@pytest.mark.parametrize("plan", PLANS)
def test_title_language_and_tags(plan: str, pdfs: dict[str, Path]) -> None:
    details = info(pdfs[plan])
    assert details["Title"].startswith("Performance Action Plan: ")
    assert details["Tagged"] == "yes"
    assert "<pdfuaid:part>1</pdfuaid:part>" in poppler("pdfinfo", "-meta", pdfs[plan])
    assert b"/Lang(en-GB)" in pdfs[plan].read_bytes().replace(b" (", b"(")
    tree = poppler("pdfinfo", "-struct", pdfs[plan])
    headings = re.findall(r'^\s*(H\d) "([^"]*)"', tree, re.MULTILINE)
    assert headings == [
        ("H1", f"Performance Action Plan: {TITLES[plan]}"),
        ("H2", "INDICATOR OVERVIEW"),
        ("H2", "CURRENT SITUATION"),
        ("H2", "ACTIONS"),
    ]
    assert len(re.findall(r"^\s*Table\b", tree, re.MULTILINE)) == 3


def test_bullets_are_tagged_as_a_list(pdfs: dict[str, Path]) -> None:
    tree = poppler("pdfinfo", "-struct", pdfs["opiate-users-not-re-presenting"])
    assert len(re.findall(r"^\s*LI\b", tree, re.MULTILINE)) == 3 + 4 + 5


def test_a_character_no_font_has_still_makes_a_tagged_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(render(indicator(who="Dr Chen \U0001faa9 \ua9c0 Ngozi"), "pdf"))

    assert info(pdf)["Tagged"] == "yes"
    assert "Dr Chen" in poppler("pdftotext", pdf, "-")
    assert "pdfuaid" not in poppler("pdfinfo", "-meta", pdf)  # a box is not PDF/UA


def test_a_field_taller_than_a_page_breaks_rather_than_losing_words(tmp_path: Path) -> None:
    long = " ".join(f"word{n}" for n in range(2500))
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render(indicator(how=long), "pdf"))

    text = poppler("pdftotext", pdf, "-")
    assert re.findall(r"word\d+", text) == long.split()
