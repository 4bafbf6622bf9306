"""Time `actionplan check` on generated corpora of 1,000 and 10,000 indicator files.

Each figure is the median of several runs of the installed command, as a user would run it:
cold (`--no-cache`: every file parsed) and warm (the parse cache filled by a previous run).
Machines are shared and noisy, so compare figures from one run of this script.

    python benchmarks/bench_check.py            # 1,000 and 10,000 files
    python benchmarks/bench_check.py --sizes 1000 --repeat 7
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import write_corpus


def command() -> list[str]:
    script = shutil.which("actionplan") or str(Path(sys.executable).parent / "actionplan")
    return [script, "check", "--as-of", "2015-06-30", "--format", "json"]


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def bench(size: int, repeat: int, work: Path) -> dict[str, float]:
    corpus = work / f"corpus-{size}"
    if not corpus.exists():
        write_corpus(size, corpus)
    env = {**os.environ, "ACTIONPLAN_CACHE_DIR": str(work / f"cache-{size}")}
    cold = [timed([*command(), "--no-cache", str(corpus)], env) for _ in range(repeat)]
    timed([*command(), str(corpus)], env)  # fill the cache
    warm = [timed([*command(), str(corpus)], env) for _ in range(repeat)]
    return {"cold": statistics.median(cold), "warm": statistics.median(warm)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep corpora here (default: a temp folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="actionplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    startup = statistics.median(
        timed([command()[0], "--version"], dict(os.environ)) for _ in range(args.repeat)
    )
    print(f"cores: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()[0]:.2f}")
    print(f"start-up (actionplan --version): {startup:.2f} s")
    print(f"{'files':>7}  {'cold (no cache)':>16}  {'warm (cached)':>14}  {'per file cold':>14}")
    for size in args.sizes:
        figures = bench(size, args.repeat, work)
        per_file = figures["cold"] / size * 1000
        cold, warm = figures["cold"], figures["warm"]
        print(f"{size:>7}  {cold:>14.2f} s  {warm:>12.2f} s  {per_file:>11.2f} ms")


if __name__ == "__main__":
    main()
