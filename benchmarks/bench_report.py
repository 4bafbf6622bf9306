"""Time `actionplan report` on generated trees of 300 and 1,000 indicators (24-36 monthly points
each, sub-folders as directorates), as a user runs it: a whole process, the parse cache cold.
Each figure is the median of several runs, with the lowest and highest beside it. Then the
report as Word and as PDF for 300 indicators, with the peak memory of one more run, and the
peak memory of the Word report alone at larger sizes: how it grows with each indicator.

    python benchmarks/bench_report.py
    python benchmarks/bench_report.py --sizes 300 1000 3000 --repeat 5 --work /tmp/bench
    python benchmarks/bench_report.py --sizes --document-sizes 300 1000
    python benchmarks/bench_report.py --sizes --document-sizes --word-sizes 1000 3000 10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_report_tree import AS_OF, SINCE, write_tree
from measure import Figure, peak_memory, repeat, run


def actionplan() -> str:
    beside = Path(sys.executable).parent / "actionplan"
    return str(beside) if beside.exists() else shutil.which("actionplan") or "actionplan"


def report_args(tree: Path, out: Path, fmt: str) -> list[str]:
    return [actionplan(), "report", str(tree), "--as-of", AS_OF, "--since", SINCE,
            "--format", fmt, "--out", str(out), "--no-cache"]  # fmt: skip


def tree_of(work: Path, size: int) -> Path:
    tree = work / f"tree-{size}"
    if not tree.exists():
        write_tree(tree, size)
    return tree


def documents(work: Path, sizes: list[int], times: int, env: dict[str, str]) -> None:
    """The report as Word (charts drawn as PNG) and as PDF (typeset by Typst)."""
    print()
    print("| indicators | format | time | size | peak memory |")
    print("|---:|---|---:|---:|---:|")
    for size in sizes:
        tree = tree_of(work, size)
        for fmt, name in (("docx", "Word (.docx)"), ("pdf", "PDF")):
            out = work / f"out-{size}-{fmt}"
            command = report_args(tree, out, fmt)
            figure = repeat(times, lambda command=command: run(command, env))
            memory = peak_memory(command, env)
            mb = (out / f"report.{fmt}").stat().st_size / 2**20
            print(f"| {size:,} | {name} | {figure.median:.2f} s ({figure.low:.2f}-"
                  f"{figure.high:.2f}) | {mb:.1f} MB | {memory:,.0f} MiB |")  # fmt: skip


def word_memory(work: Path, sizes: list[int], env: dict[str, str]) -> None:
    """The Word report's peak memory, one run at each size, and what each indicator adds over
    the smallest size, beside the HTML report's: Word writes each part into its file as it is
    made, so what grows is the indicators read and assessed, as for HTML (docs/report.md)."""
    print()
    print("| indicators | Word peak memory | added per indicator | HTML peak memory | added |")
    print("|---:|---:|---:|---:|---:|")
    first: tuple[int, float, float] | None = None
    for size in sizes:
        tree = tree_of(work, size)
        word = peak_memory(report_args(tree, work / f"out-{size}-docx-memory", "docx"), env)
        html = peak_memory(report_args(tree, work / f"out-{size}-html-memory", "html"), env)
        cells = ["-", "-"]
        if first:
            cells = [
                f"{(word - first[1]) / (size - first[0]) * 1024:,.0f} KiB",
                f"{(html - first[2]) / (size - first[0]) * 1024:,.0f} KiB",
            ]
        print(f"| {size:,} | {word:,.0f} MiB | {cells[0]} | {html:,.0f} MiB | {cells[1]} |")
        first = first or (size, word, html)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 1000])
    parser.add_argument("--document-sizes", type=int, nargs="*", default=[300],
                        help="sizes to time as Word and PDF")  # fmt: skip
    parser.add_argument("--word-sizes", type=int, nargs="*", default=[300, 1000, 3000],
                        help="sizes to measure the Word report's peak memory at")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-report-"))
    env = {**os.environ, "NO_COLOR": "1"}
    print(f"cores: {len(os.sched_getaffinity(0))}")
    print("| indicators | html | md (with one SVG per chart) | html size |")
    print("|---:|---:|---:|---:|")
    for size in args.sizes:
        tree = tree_of(work, size)
        figures: dict[str, Figure] = {}
        for fmt in ("html", "md"):
            out = work / f"out-{size}-{fmt}"
            command = report_args(tree, out, fmt)
            figures[fmt] = repeat(args.repeat, lambda command=command: run(command, env))
        kb = (work / f"out-{size}-html" / "report.html").stat().st_size / 1024
        cells = [f"{f.median:.2f} s ({f.low:.2f}-{f.high:.2f})" for f in figures.values()]
        print(f"| {size:,} | {cells[0]} | {cells[1]} | {kb:,.0f} KB |")
    if args.document_sizes:
        documents(work, args.document_sizes, args.repeat, env)
    if args.word_sizes:
        word_memory(work, args.word_sizes, env)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
