"""Time `actionplan site` on a generated tree (1,000 indicators by default, 24-36 monthly points
each, four directorates), as a user runs it: a whole process with the parse cache cold. Prints
the seconds of a full build into an empty folder, of a rebuild after one plan file changes,
and of a rebuild with nothing changed, with the files each rebuild rewrote (from the command's
own "wrote N of M files" line).

    python benchmarks/bench_site.py
    python benchmarks/bench_site.py --size 300 --work /tmp/bench
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_report_tree import AS_OF, write_tree


def actionplan() -> str:
    beside = Path(sys.executable).parent / "actionplan"
    return str(beside) if beside.exists() else shutil.which("actionplan") or "actionplan"


def build(tree: Path, out: Path) -> tuple[float, str]:
    """Seconds of one whole run, and its "wrote N of M files ..." line."""
    args = [actionplan(), "site", str(tree), "--out", str(out), "--as-of", AS_OF, "--no-cache"]
    env = {**os.environ, "ACTIONPLAN_CACHE_DIR": str(out.parent / "cache")}
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"site exited {done.returncode}: {done.stderr}")
    line = next(s for s in done.stdout.splitlines() if s.startswith("wrote "))
    return seconds, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-site-"))
    tree, out = work / f"tree-{args.size}", work / f"site-{args.size}"
    shutil.rmtree(tree, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    files = write_tree(tree, args.size)
    full, said = build(tree, out)
    print(f"{args.size:,} indicators, full build: {full:.2f} s ({said})")
    changed = files[0]  # GREEN: its latest figure now misses the target, so its counts move
    changed.write_text(changed.read_text().replace("value: 104.0", "value: 50.0"))
    again, said = build(tree, out)
    rewritten = int(re.match(r"wrote ([\d,]+) of", said)[1].replace(",", ""))  # type: ignore[index]
    print(f"rebuild after one file changed: {again:.2f} s, {rewritten} files rewritten ({said})")
    same, said = build(tree, out)
    print(f"rebuild with nothing changed: {same:.2f} s ({said})")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
