"""A Word report of many indicators stays well under the 512 MiB bound, run as a user runs it (a
fresh process: the report draws its charts with Typst, which a forked test process must not).
python-docx held the whole document as one tree, about 0.8 MB an indicator, so 800 indicators
took some 700 MB; the body is now written out as it is made and each chart's picture stored as
it is drawn, and the report grows by about 0.11 MB an indicator (docs/limits-and-safety.md)."""

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

INDICATORS = 800
# About 105 MiB to start and 0.11 MiB an indicator, measured; the rest is room for another
# machine's allocator, still far under what the whole tree in memory took.
BOUND_MB = 320


def test_a_word_report_of_800_indicators_stays_under_its_stated_growth(tmp_path: Path) -> None:
    write_tree(tmp_path / "plans", count=INDICATORS)
    args = ["report", "plans", "--as-of", AS_OF, "--format", "docx", "--out", "out"]
    run = spawned.run([*args, "--no-cache"], tmp_path, timeout=600)
    assert run.code is not None and run.code <= 1, run.stderr  # 1: RED measures, as `check`
    assert "Traceback" not in run.stderr
    with zipfile.ZipFile(tmp_path / "out" / "report.docx") as word:
        pictures = [n for n in word.namelist() if n.startswith("word/media/chart")]
        assert len(pictures) == INDICATORS
        assert word.testzip() is None
        document = word.read("word/document.xml")
    assert document.count(b"<wp:docPr ") == INDICATORS  # each picture placed, described
    assert document.count(b"<w:tbl>") > INDICATORS  # each chart's figures, and the scorecards
    assert run.peak_mb < BOUND_MB, run.peak_mb
