"""Rendered HTML pages opened from disk in headless Chromium: they load with no console errors
and no network requests, the section headings are visible, and the print layout fits A4.
The harness (support/browser.py) skips these tests where Chromium is missing, except in CI.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.browser import A4_CONTENT_WIDTH_PX, LOWEST_CONTRAST, DevTools, Page
from support.paths import BUNDLED_PLANS

# Headless Chromium: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

SECTION_HEADINGS = ["INDICATOR OVERVIEW", "CURRENT SITUATION", "ACTIONS"]

VISIBLE_HEADINGS = """
[...document.querySelectorAll('h2')].filter(h => {
  const box = h.getBoundingClientRect(), style = getComputedStyle(h);
  return box.width > 0 && box.height > 0 && style.visibility === 'visible'
    && style.display !== 'none' && parseFloat(style.opacity) > 0;
}).map(h => h.innerText.trim())
"""

PRINT_LAYOUT = """
({
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  rowsBreakable: [...document.querySelectorAll('tr')]
    .filter(tr => getComputedStyle(tr).breakInside !== 'avoid').length,
})
"""

UNPLANNED_RED = """\
title: Fly-tipping incidents cleared within 5 working days
strategic_director_lead: Director of Environment
departmental_lead: Head of Waste and Environment
unit: percent
direction: higher
target: 95%
measurements:
  - period: 2014-06
    value: 81.4%
    reported: 2014-07-15
"""


def _render_pages(folder: Path, out: Path) -> list[Path]:
    result = CliRunner().invoke(
        app,
        [
            "render",
            str(folder),
            "--format",
            "html",
            "--out",
            str(out),
            "--missing",
            "--as-of",
            "2014-07-31",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    return sorted(out.glob("*.html"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    tree = tmp_path_factory.mktemp("plans")
    shutil.copytree(BUNDLED_PLANS, tree, dirs_exist_ok=True)
    (tree / "environment").mkdir()
    (tree / "environment" / "fly-tipping.yaml").write_text(UNPLANNED_RED, encoding="utf-8")
    rendered = _render_pages(tree, tmp_path_factory.mktemp("html"))
    assert [p.stem for p in rendered] == [
        "fly-tipping",
        "opiate-users-not-re-presenting",
        "smoking-quitters",
    ]
    return rendered


@pytest.mark.parametrize("index", [0, 1, 2], ids=["blank-form", "opiate-users", "smoking"])
def test_page_loads_offline_cleanly_with_visible_headings(
    browser: DevTools, pages: list[Path], shots: Path, index: int
) -> None:
    path = pages[index]
    page = Page(browser, path)
    try:
        page.screenshot(shots / f"{path.stem}.png")
        assert page.errors() == []
        assert page.requests() == []
        assert page.evaluate(VISIBLE_HEADINGS) == SECTION_HEADINGS
        assert page.evaluate("document.documentElement.lang") == "en-GB"
        contrast = page.evaluate(LOWEST_CONTRAST)
        assert contrast["ratio"] >= 4.5, contrast  # WCAG AA for body text
    finally:
        page.close()


@pytest.mark.parametrize("index", [0, 1, 2], ids=["blank-form", "opiate-users", "smoking"])
def test_print_layout_fits_a4_without_splitting_rows(
    browser: DevTools, pages: list[Path], shots: Path, index: int
) -> None:
    path = pages[index]
    page = Page(browser, path)
    try:
        page.call("Emulation.setEmulatedMedia", media="print")
        page.call("Emulation.setDeviceMetricsOverride", width=A4_CONTENT_WIDTH_PX, height=1000,
                  deviceScaleFactor=1, mobile=False)  # fmt: skip
        page.screenshot(shots / f"{path.stem}-print.png")
        layout = page.evaluate(PRINT_LAYOUT)
        assert layout == {"overflow": 0, "rowsBreakable": 0}
    finally:
        page.close()


def test_the_harness_sees_console_errors_and_requests(browser: DevTools, tmp_path: Path) -> None:
    """The checks above pass only because the pages are clean, not because nothing is seen."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title>'
        '<script>console.error("boom")</script><img src="http://127.0.0.1:9/pixel.png"></html>',
        encoding="utf-8",
    )
    page = Page(browser, bad)
    try:
        assert any("boom" in error for error in page.errors())
        assert page.requests() == ["http://127.0.0.1:9/pixel.png"]
    finally:
        page.close()
