"""The report opened in headless Chromium: no console errors, no network requests, every chart
visible with its title, WCAG AA text contrast, and an A4 print layout without overflow.
Skipped when Chromium is missing, except in CI (the harness is support/browser.py)."""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.browser import A4_CONTENT_WIDTH_PX, LOWEST_CONTRAST, DevTools, Page
from support.paths import BENCHMARKS
from support.pdf import poppler

# Headless Chromium: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, SINCE, write_tree  # noqa: E402

CHARTS = """
[...document.querySelectorAll('figure.chart-figure')].map(f => {
  const svg = f.querySelector('svg'), box = svg.getBoundingClientRect(),
        style = getComputedStyle(svg), caption = f.querySelector('figcaption');
  return {
    visible: box.width > 200 && box.height > 50 && style.visibility === 'visible'
      && style.display !== 'none' && caption.getBoundingClientRect().height > 0,
    title: svg.querySelector('title').textContent,
    caption: caption.innerText.trim(),
    labelled: svg.getAttribute('aria-labelledby').split(' ')
      .every(id => document.getElementById(id) !== null),
    table: f.querySelector('table.figures caption').textContent,
  };
})
"""


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    write_tree(tree, 57)
    out = tmp_path_factory.mktemp("report")
    args = ["report", str(tree), "--as-of", AS_OF, "--since", SINCE, "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--no-cache"])
    assert result.exit_code == 1, result.output  # three RED measures lack a plan
    return out / "report.html"


def test_report_opens_offline_with_every_chart_visible(
    browser: DevTools, report_page: Path, shots: Path
) -> None:
    page = Page(browser, report_page)
    try:
        page.screenshot(shots / "report.png")
        assert page.errors() == []
        assert page.requests() == []
        charts = page.evaluate(CHARTS)
        assert len(charts) == 57
        for chart in charts:
            assert chart["visible"], chart
            assert chart["labelled"], chart
            assert chart["title"] == chart["caption"] == chart["table"] != ""
        headings = page.evaluate("[...document.querySelectorAll('h2')].map(h => h.innerText)")
        assert headings[0] == "Summary" and "Scorecard" in headings and "Charts" in headings
        contrast = page.evaluate(LOWEST_CONTRAST)
        assert contrast["ratio"] >= 4.5, contrast
    finally:
        page.close()


def test_report_prints_on_a4(browser: DevTools, report_page: Path, shots: Path) -> None:
    page = Page(browser, report_page)
    try:
        page.call("Emulation.setEmulatedMedia", media="print")
        page.call("Emulation.setDeviceMetricsOverride", width=A4_CONTENT_WIDTH_PX, height=1000,
                  deviceScaleFactor=1, mobile=False)  # fmt: skip
        page.screenshot(shots / "report-print.png")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow == 0
    finally:
        page.close()


def _printed_pages(page: Page, folder: Path) -> list[list[str]]:
    """The page as Chromium prints it on A4, each sheet's lines of text."""
    printed = page.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69,
                        printBackground=True, preferCSSPageSize=True)  # fmt: skip
    pdf = folder / "printed.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    sheets = poppler("pdftotext", "-layout", pdf, "-").split("\f")[:-1]
    return [[line.strip() for line in sheet.splitlines() if line.strip()] for sheet in sheets]


def test_printed_report_keeps_headings_with_their_text_and_starts_each_exception_a_page(
    browser: DevTools, report_page: Path, tmp_path: Path
) -> None:
    page = Page(browser, report_page)
    try:
        headings = page.evaluate(
            "[...document.querySelectorAll('h1, h2, h3, h4')].map(h => h.innerText.trim())"
        )
        exceptions = page.evaluate(
            "[...document.querySelectorAll('.exception h3')].map(h => h.innerText.trim())"
        )
        sheets = _printed_pages(page, tmp_path)
    finally:
        page.close()
    assert len(exceptions) == 11
    for number, lines in enumerate(sheets, 1):
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"
    starts = [" ".join(lines[:3]) for lines in sheets]
    for title in exceptions:
        assert any(start.startswith(title) or start.startswith(f"Exceptions: RED measures {title}")
                   for start in starts), f"{title!r} does not start a page"  # fmt: skip
    first = next(n for n, lines in enumerate(sheets) if "Scorecard" in lines)
    last = next(n for n, lines in enumerate(sheets) if "Charts" in lines)
    assert last > first + 1  # the 57 rows run over pages
    for number in range(first, last + 1):
        header = [line for line in sheets[number] if line.startswith("Indicator")
                  and "Period" in line and "Status" in line]  # fmt: skip
        assert header, f"page {number + 1} of the scorecard has no header row"
