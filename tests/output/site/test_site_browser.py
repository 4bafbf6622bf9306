"""The website opened in headless Chromium from its folder (file://): its index, a theme page
and an indicator page, of the bundled plans and of a generated 300-indicator tree, each with no
console error, nothing fetched beyond the site's own files, 0 axe-core violations at WCAG 2.2
AA, a skip link reached first by the keyboard, and headings in order; the scorecard's filter
works. Skipped when Chromium or axe-core is missing, except in CI."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.browser import LOWEST_CONTRAST, DevTools, Page
from support.paths import BENCHMARKS, ROOT
from support.site_axe import axe_script, axe_violations

pytestmark = pytest.mark.slow  # Chromium: seconds a page

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, write_tree  # noqa: E402

HEADING_LEVELS = "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
VISIBLE_ROWS = "[...document.querySelectorAll('tbody.indicator')].filter(b => !b.hidden).length"


def build(tree: Path, out: Path) -> Path:
    result = CliRunner().invoke(app, ["site", str(tree), "--out", str(out), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOT / "plans", tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    write_tree(tree, 300)
    return build(tree, tmp_path_factory.mktemp("generated"))


PAGES = [
    ("bundled", "index.html"),
    ("bundled", "theme-public-health.html"),
    ("bundled", "indicator-smoking-quitters.html"),
    ("generated", "index.html"),
    ("generated", "theme-adult-care.html"),
    ("generated", "indicator-indicator-0045.html"),  # RED, with a plan and comparators
]


@pytest.mark.parametrize(("site", "name"), PAGES)
def test_page_opens_offline_and_passes_axe_at_wcag_22_aa(
    browser: DevTools, request: pytest.FixtureRequest, shots: Path, site: str, name: str
) -> None:
    folder: Path = request.getfixturevalue(site)
    script = axe_script()
    page = Page(browser, folder / name)
    try:
        page.screenshot(shots / f"site-{site}-{name}.png")
        assert page.errors() == []
        own = folder.as_uri() + "/"
        assert [url for url in page.requests() if not url.startswith(own)] == []
        assert axe_violations(page, script) == []
        contrast = page.evaluate(LOWEST_CONTRAST)
        assert contrast["ratio"] >= 4.5, contrast
    finally:
        page.close()


@pytest.mark.parametrize("name", [name for site, name in PAGES if site == "generated"])
def test_headings_are_in_order_under_one_h1(browser: DevTools, generated: Path, name: str) -> None:
    page = Page(browser, generated / name)
    try:
        levels = page.evaluate(HEADING_LEVELS)
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    finally:
        page.close()


def press(page: Page, key: str, code: int) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        page.call("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                  windowsVirtualKeyCode=code)  # fmt: skip


def test_the_first_tab_reaches_the_skip_link_which_moves_to_the_content(
    browser: DevTools, generated: Path
) -> None:
    page = Page(browser, generated / "theme-adult-care.html")
    try:
        press(page, "Tab", 9)
        focused = page.evaluate("document.activeElement.outerHTML")
        assert 'class="skip-link"' in focused and "Skip to content" in focused
        box = page.evaluate("document.activeElement.getBoundingClientRect().top")
        assert box >= 0  # shown on the screen when focused, not left off it
        page.call("Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter",
                  windowsVirtualKeyCode=13, text="\r")  # fmt: skip
        page.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter",
                  windowsVirtualKeyCode=13)  # fmt: skip
        assert page.evaluate("document.activeElement.id") == "content"
    finally:
        page.close()


def test_the_scorecard_filter_keeps_the_rows_that_mention_what_is_typed(
    browser: DevTools, generated: Path
) -> None:
    page = Page(browser, generated / "theme-adult-care.html")
    try:
        every = page.evaluate(VISIBLE_ROWS)
        red = page.evaluate("[...document.querySelectorAll('tbody.indicator .rag-red')].length")
        assert every == 75 and 0 < red < every
        page.evaluate(
            "(() => { const box = document.querySelector('.filter input'); box.value = 'red';"
            " box.dispatchEvent(new Event('input')); })()"
        )
        assert page.evaluate(VISIBLE_ROWS) == red
        assert page.evaluate("document.querySelector('.filter output').textContent") == (
            f"{red} of {every} shown"
        )
    finally:
        page.close()


def test_axe_finds_what_a_page_breaks(browser: DevTools, generated: Path) -> None:
    """The check above can fail: a link with no text is found."""
    script = axe_script()
    page = Page(browser, generated / "index.html")
    try:
        page.evaluate(
            "(() => { const a = document.createElement('a'); a.href = 'index.html';"
            " document.querySelector('main').append(a); })()"
        )
        assert "link-name" in [v["rule"] for v in axe_violations(page, script)]
    finally:
        page.close()
