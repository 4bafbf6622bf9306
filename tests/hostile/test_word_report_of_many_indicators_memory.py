"""A Word report's memory grows with its indicators no faster than the report's own figures do,
run as a user runs it (a fresh process: the report draws its charts with Typst, which a forked
test process must not). python-docx held the whole document as one tree, about 0.8 MB an
indicator; then each chart's picture and the finished file were held until it was written,
about 0.1 MB an indicator, three times what the HTML report of the same tree adds. Now each
part is written into the file as it is made, its chart drawn then and let go, and a long
table a hundred rows at a time: what is left to grow is the indicators read and assessed,
which every format holds.

Two sizes in one run, and the growth between them set against the HTML report's between the
same two: a ratio, the same on a slow or a busy machine."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from support import spawned
from support.paths import BENCHMARKS

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, write_tree

pytestmark = pytest.mark.slow

SMALL, LARGE = 300, 1200
# The HTML report of the generated tree adds about 32 KiB an indicator, the Word report about
# 38 KiB; before, the Word report added about 103 KiB. Twice the HTML report's growth leaves
# room for another machine's allocator and still fails the report that held its pictures.
MOST_TIMES_HTML = 2.0
BOUND_MB = 320  # the whole run at the larger size, far under the 512 MiB every command keeps


def report(tmp_path: Path, count: int, fmt: str) -> spawned.Spawned:
    plans = tmp_path / f"plans-{count}"
    if not plans.exists():
        write_tree(plans, count=count)
    out = f"out-{count}-{fmt}"
    args = ["report", plans.name, "--as-of", AS_OF, "--format", fmt, "--out", out, "--no-cache"]
    run = spawned.run(args, tmp_path, timeout=900)
    assert run.code is not None and run.code <= 1, run.stderr  # 1: RED measures, as `check`
    assert "Traceback" not in run.stderr
    return run


def test_a_word_report_grows_with_its_indicators_no_faster_than_twice_the_html_report(
    tmp_path: Path,
) -> None:
    word = {count: report(tmp_path, count, "docx").peak_mb for count in (SMALL, LARGE)}
    html = {count: report(tmp_path, count, "html").peak_mb for count in (SMALL, LARGE)}
    word_growth = (word[LARGE] - word[SMALL]) / (LARGE - SMALL)
    html_growth = (html[LARGE] - html[SMALL]) / (LARGE - SMALL)
    assert word_growth < MOST_TIMES_HTML * html_growth, (word, html)
    assert word[LARGE] < BOUND_MB, word

    with zipfile.ZipFile(tmp_path / f"out-{LARGE}-docx" / "report.docx") as docx:
        pictures = [n for n in docx.namelist() if n.startswith("word/media/chart")]
        assert len(pictures) == LARGE
        assert docx.testzip() is None
        document = docx.read("word/document.xml")
    assert document.count(b"<wp:docPr ") == LARGE  # each picture placed, described
    assert document.count(b"<w:tbl>") > LARGE  # each chart's figures, and the scorecards
    # The scorecards, written a hundred rows at a time: each indicator's row, its evidence
    # under it (the row's first cell spanning both).
    assert document.count(b'<w:tblCaption w:val="Scorecard: ') == 4
    assert document.count(b'<w:vMerge w:val="restart"/>') == LARGE
