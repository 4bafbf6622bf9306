"""axe-core (Deque's accessibility rules) run in a page open in Chromium (support/browser.py),
for the website's tests. axe-core is an npm package: .ci/run installs it into .venv/node, or
ACTIONPLAN_AXE_CORE names its axe.min.js. Without it the tests that need it are skipped, except
in CI (CI=true), where they fail."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from support.browser import Page
from support.paths import ROOT

HOW_TO_INSTALL = "npm install --prefix .venv/node axe-core@4"
# WCAG 2.2 AA, and the levels and versions it includes.
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_script() -> str:
    configured = os.environ.get("ACTIONPLAN_AXE_CORE")
    path = Path(configured) if configured else ROOT / ".venv/node/node_modules/axe-core/axe.min.js"
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is missing: .ci/run installs it ({HOW_TO_INSTALL})")
        pytest.skip(f"axe-core is missing ({HOW_TO_INSTALL})")
    return path.read_text(encoding="utf-8")


def axe_violations(page: Page, script: str) -> list[dict[str, Any]]:
    """Each rule the page breaks at WCAG 2.2 AA, with up to three of the elements breaking it."""
    page.call("Runtime.evaluate", expression=script)
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}})
    expression = (
        f"axe.run(document, {options}).then(found => found.violations.map(v => ({{"
        "rule: v.id, impact: v.impact, help: v.help, "
        "where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)})))"
    )
    reply = page.call(
        "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
    )
    if "exceptionDetails" in reply:
        raise RuntimeError(f"axe-core did not run: {reply['exceptionDetails']}")
    violations: list[dict[str, Any]] = reply["result"]["value"]
    return violations
