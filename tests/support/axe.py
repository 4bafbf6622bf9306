"""axe-core, Deque's accessibility rules engine, run inside a page opened in Chromium
(support/browser.py). It is an npm package: .ci/run installs it into .venv/node; elsewhere the
tests that need it are skipped, naming the command that installs it. In CI (CI=true) a missing
axe-core fails the run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from support.browser import Page
from support.paths import ROOT

INSTALL = "npm install --prefix .venv/node axe-core@4"
# WCAG 2.2 at level AA, with the levels and versions below it.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_RUN = """
axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary),
  })))
"""


def axe_source() -> str:
    """axe.min.js, or skip (fail in CI) naming how to install it."""
    where = os.environ.get("ACTIONPLAN_AXE_CORE")
    found = Path(where) if where else ROOT / ".venv/node/node_modules/axe-core/axe.min.js"
    if found.is_file():
        return found.read_text(encoding="utf-8")
    if os.environ.get("CI") == "true":
        pytest.fail(f"axe-core is not installed: .ci/run runs `{INSTALL}`")
    pytest.skip(f"axe-core is not installed ({INSTALL})")


def violations(page: Page, source: str, tags: list[str] = WCAG_22_AA) -> list[dict[str, Any]]:
    """What axe-core finds against `tags` in the page as it is now."""
    page.call("Runtime.evaluate", expression=source)
    reply = page.call(
        "Runtime.evaluate", expression=_RUN % tags, awaitPromise=True, returnByValue=True
    )
    if "exceptionDetails" in reply:
        raise RuntimeError(f"axe-core failed: {reply['exceptionDetails']}")
    found: list[dict[str, Any]] = reply["result"]["value"]
    return found
