"""Where the project's files are, so a test names them the same way from any folder and can
move without a path breaking."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
PACKAGE = ROOT / "src" / "actionplan"
BUNDLED_PLANS = ROOT / "plans"  # the seed plans shipped with the project
BENCHMARKS = ROOT / "benchmarks"
README = ROOT / "README.md"
EXAMPLES = TESTS / "examples"
FIXTURES = TESTS / "fixtures"
LEGACY = FIXTURES / "legacy"  # template documents as councils exported them
GOLDEN = TESTS / "golden"
SEEDS = GOLDEN / "seeds"  # the template documents the bundled plans were written from
