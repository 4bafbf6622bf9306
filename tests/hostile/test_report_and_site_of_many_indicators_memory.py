"""A report in HTML or Markdown, and the site, written as they are made: each chart is drawn
when its template comes to it and let go, each page and chart file goes to disk as it is
made, so what a run holds grows only by each indicator's figures and words (about 33 KB),
not by its chart and its share of the text too. With every chart and the whole text held
until written, 10,000 indicators took 1 GB in an HTML report and 780 MB in the site. Run as a
user runs it, in a fresh process; two sizes in one run, so the growth is measured, not a
machine's baseline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support import spawned
from support.paths import BENCHMARKS

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, write_tree

pytestmark = pytest.mark.slow

SMALL, LARGE = 300, 2_500
# What each indicator may add to the peak: its figures, assessment and scorecard row (32 to
# 34 KB measured), with a little room for another machine's allocator. Every chart held until
# the end adds some 16 KB (48 KB measured), and the document's text held whole more again.
GROWTH_KB = 40

COMMANDS = {
    "report html": ["report", "plans", "--format", "html", "--out", "out"],
    "report md": ["report", "plans", "--format", "md", "--out", "out"],
    "site": ["site", "plans", "--out", "out"],
}


def _peak(root: Path, count: int, args: list[str]) -> float:
    write_tree(root / "plans", count=count)
    run = spawned.run([*args, "--as-of", AS_OF, "--no-cache"], root, timeout=600)
    assert run.code is not None and run.code <= 1, run.stderr[-2000:]  # 1: RED lacking plans
    assert "Traceback" not in run.stderr
    return run.peak_mb


@pytest.mark.parametrize("command", COMMANDS)
def test_what_a_run_holds_grows_by_the_figures_not_the_charts(tmp_path: Path, command: str) -> None:
    small = _peak(tmp_path / "small", SMALL, COMMANDS[command])
    large = _peak(tmp_path / "large", LARGE, COMMANDS[command])
    out = tmp_path / "large" / "out"
    if command == "report md":
        assert len(list(out.glob("chart-*.svg"))) == LARGE  # every chart, drawn as it came
    if command == "site":
        assert len(list(out.glob("indicator-*.html"))) == LARGE
    else:
        name = "report.html" if command == "report html" else "report.md"
        assert (out / name).read_text("utf-8").count("Indicator 2499 ") >= 1
    growth_kb = (large - small) * 1024 / (LARGE - SMALL)
    assert growth_kb < GROWTH_KB, (small, large, growth_kb)
