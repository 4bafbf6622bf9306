"""Every command, on the worst input of each kind still under every limit, adds at most 512 MiB
to the process it runs in. The one stated exception is PDF typesetting, whose memory grows with
the pages typeset (docs/report.md); CSV and workbook inputs are held to their bound beside their
readers' tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support import forked
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
KINDS = ["many measurements", "long text", "unknown keys"]
# Known to be over the bound, each for a stated reason: kept here so that a fix shows.
OVER = {
    ("long text", "render pdf"): "a plan of 1 MB of text is 400 PDF pages, about 3 MB a page",
    ("long text", "report pdf"): "a plan of 1 MB of text is 400 PDF pages, about 3 MB a page",
    ("many measurements", "report pdf"): "28,000 figures of one indicator typeset: over 1 GB",
}


def _case(kind: str, command: str) -> object:
    marks = []
    if (kind, command) in OVER:
        marks.append(pytest.mark.xfail(reason=OVER[kind, command], strict=True))
    return pytest.param(kind, command, marks=marks, id=f"{command}, {kind}")


@pytest.mark.parametrize(("kind", "command"), [_case(k, c) for k in KINDS for c in COMMANDS])
def test_each_command_on_the_worst_plan_of_each_kind_stays_under_the_bound(
    tmp_path: Path, kind: str, command: str
) -> None:
    write_plan(tmp_path, kind)
    run = forked.run(COMMANDS[command], tmp_path, timeout=180)
    assert run.code is not None and run.code <= 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert run.added_mb < BOUND_MB, run.added_mb


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_import_of_the_worst_document_of_each_kind_stays_under_the_bound(
    tmp_path: Path, kind: str
) -> None:
    name, make = DOCUMENTS[kind]
    make(tmp_path / name)
    run = forked.run(["import", "--year", "2014/15", name], tmp_path, timeout=180)
    assert run.code is not None and run.code <= 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "over the limit" not in run.stderr
    assert run.added_mb < BOUND_MB, run.added_mb
