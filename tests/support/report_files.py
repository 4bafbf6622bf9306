"""The quarterly report written by the command as Word and PDF files, for the tests that read
them back: the bundled plans, and a generated tree shaped like Wirral's year-end report (57
measures: 32 green, 12 amber, 11 red, 2 unrated; benchmarks/make_report_tree.py)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from actionplan.cli import app
from support.paths import BENCHMARKS, BUNDLED_PLANS

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, SINCE, write_tree

BUNDLED_AS_OF = "2014-07-31"


@dataclass(frozen=True)
class Written:
    path: Path  # report.docx or report.pdf
    exit_code: int
    stderr: str


def write_report(plans: Path, fmt: str, out: Path, *args: str) -> Written:
    result = CliRunner().invoke(
        app, ["report", str(plans), "--format", fmt, "--out", str(out), "--no-cache", *args]
    )
    return Written(out / f"report.{fmt}", result.exit_code, result.stderr)


def bundled(fmt: str, out: Path) -> Written:
    return write_report(BUNDLED_PLANS, fmt, out, "--as-of", BUNDLED_AS_OF)


def tree57(fmt: str, folder: Path) -> Written:
    """The 57-indicator tree written under `folder`, reported as at the year end, with the
    changes since the last committee."""
    tree = folder / "plans"
    if not tree.exists():
        write_tree(tree, 57)
    return write_report(tree, fmt, folder / fmt, "--as-of", AS_OF, "--since", SINCE)
