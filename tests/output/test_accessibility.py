"""The report and a rendered plan as HTML, checked by axe-core in Debian's Chromium against
WCAG 2.2 at level AA (the standard UK public bodies' websites and documents are held to by the
Public Sector Bodies Accessibility Regulations 2018): no violation. Skipped when Chromium or
axe-core is missing, except in CI (support/browser.py, support/axe.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.axe import axe_source, violations
from support.browser import DevTools, Page
from support.paths import BUNDLED_PLANS
from support.report_files import BUNDLED_AS_OF, tree57

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    report = tree57("html", out)
    assert report.exit_code == 1, report.stderr  # three RED measures lack a plan
    result = CliRunner().invoke(
        app,
        ["render", str(BUNDLED_PLANS), "--format", "html", "--out", str(out / "plans"),
         "--as-of", BUNDLED_AS_OF, "--no-cache"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return {"report": report.path, "plan": out / "plans" / "smoking-quitters.html"}


@pytest.mark.parametrize("paper", ["report", "plan"])
def test_axe_finds_no_wcag_22_aa_violation(
    paper: str, pages: dict[str, Path], browser: DevTools
) -> None:
    source = axe_source()
    page = Page(browser, pages[paper])
    try:
        found = violations(page, source)
    finally:
        page.close()
    assert found == [], json.dumps(found, indent=1)


def test_axe_sees_a_violation(browser: DevTools, tmp_path: Path) -> None:
    """The check can fail: an image with no text alternative and a page with no language."""
    source = axe_source()
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><title>t</title><img src='x.png'>", encoding="utf-8")
    page = Page(browser, bad)
    try:
        found = {v["id"] for v in violations(page, source)}
    finally:
        page.close()
    assert {"image-alt", "html-has-lang"} <= found
