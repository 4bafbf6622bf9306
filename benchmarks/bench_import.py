"""Time `actionplan import` on a generated folder of old action plans, as a council runs it: one
command for the whole folder, with a manifest, in a process of its own. The folder holds 200
template documents (Word and text, four financial years, some broken; see make_import_corpus.py).
Goal: under 10 s on 2 cores.

    python benchmarks/bench_import.py
    python benchmarks/bench_import.py --count 500 --repeat 5 --work /tmp/bench-import
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_import_corpus import write_corpus
from measure import Figure


def actionplan() -> str:
    beside = Path(sys.executable).parent / "actionplan"
    return str(beside) if beside.exists() else shutil.which("actionplan") or "actionplan"


def import_once(folder: Path, manifest: Path, out: Path) -> tuple[float, int]:
    """Seconds for one import into an empty `out`, and the plan files it wrote."""
    shutil.rmtree(out, ignore_errors=True)
    command = [actionplan(), "import", str(folder), "--manifest", str(manifest), "--out", str(out)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 2):
        raise SystemExit(f"import failed ({done.returncode}): {done.stderr[-800:]}")
    return elapsed, len(list(out.glob("*.yaml")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--broken", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-import-"))
    corpus = write_corpus(work / "documents", args.count, args.broken)
    times, written = [], 0
    for _ in range(args.repeat):
        seconds, written = import_once(corpus.folder, corpus.manifest, work / "plans")
        times.append(seconds)
    figure = Figure.of(times)
    print(f"cores: {len(os.sched_getaffinity(0))}")
    print(
        f"import of {args.count} documents ({len(corpus.broken)} broken), {written} plans "
        f"written: {figure.median:.2f} s ({figure.low:.2f}-{figure.high:.2f}), goal < 10 s"
    )
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
