"""Every command, on the worst input of each kind still under every limit, peaks at most at
512 MiB, run as a user runs it (a fresh process). A PDF's memory grows with the pages it
typesets, so a PDF takes a plan's text up to a stated size and a chart's latest figures in its
table (docs/report.md): a plan of 1 MB of text is refused for PDF in bounded memory, one at
those limits is typeset, and a report of one indicator with 28,000 figures is made. CSV and
workbook inputs are held to their bound beside their readers' tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support import spawned
from support.paths import BENCHMARKS

sys.path.insert(0, str(BENCHMARKS))
from worst_inputs import DOCUMENTS, write_plan

pytestmark = pytest.mark.slow

BOUND_MB = 512
AS_OF = ["--as-of", "2014-06-30"]
FORMATS = ["md", "html", "docx", "pdf"]
COMMANDS = {
    "check": ["check", "--no-cache", *AS_OF],
    "record": ["record", "worst", "2014-07", "6"],
    "new": ["new", "worst", *AS_OF],
    **{f"render {f}": ["render", "--no-cache", "-f", f, "--out", "out", *AS_OF] for f in FORMATS},
    **{f"report {f}": ["report", "--no-cache", "-f", f, "--out", "out", *AS_OF] for f in FORMATS},
}
KINDS = ["many measurements", "long text", "text at the PDF limits", "unknown keys"]


CASES = [pytest.param(k, c, id=f"{c}, {k}") for k in KINDS for c in COMMANDS]


@pytest.mark.parametrize(("kind", "command"), CASES)
def test_each_command_on_the_worst_plan_of_each_kind_stays_under_the_bound(
    tmp_path: Path, kind: str, command: str
) -> None:
    write_plan(tmp_path, kind)
    run = spawned.run(COMMANDS[command], tmp_path, timeout=600)
    assert run.code is not None and run.code <= 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert run.peak_mb < BOUND_MB, run.peak_mb


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_import_of_the_worst_document_of_each_kind_stays_under_the_bound(
    tmp_path: Path, kind: str
) -> None:
    name, make = DOCUMENTS[kind]
    make(tmp_path / name)
    run = spawned.run(["import", "--year", "2014/15", name], tmp_path, timeout=600)
    assert run.code is not None and run.code <= 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "over the limit" not in run.stderr
    assert run.peak_mb < BOUND_MB, run.peak_mb
