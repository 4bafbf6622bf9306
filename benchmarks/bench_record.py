"""What `actionplan record --csv` costs: one new figure for each of 300 files, for files laid
out as ruamel.yaml writes them (the quick edit, `edit/insert.py`) and for the same files with
some values aligned by extra spaces (which ruamel would not write: the full round trip); then
where two worker processes start to pay for each kind, and the top of an in-process profile.

Each whole-process figure is the median of several runs on a fresh copy of the files, with the
lowest and highest and the processor time of the command and its workers; batch sizes are
timed in process, best of 5, as `bench_check.py --thresholds` times them.

    python benchmarks/bench_record.py --work /tmp/bench --repeat 5
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import write_corpus
from measure import repeat, run

FILES = 300
PERIOD = "2016-05"  # after every generated measurement: each file gets one more at its end


def actionplan() -> str:
    beside = Path(sys.executable).parent / "actionplan"
    return str(beside) if beside.exists() else shutil.which("actionplan") or "actionplan"


def sources(work: Path) -> list[Path]:
    corpus = work / "corpus-1000"
    if not corpus.exists():
        write_corpus(1_000, corpus)
    return sorted(corpus.rglob("*.yaml"))


def fresh_tree(work: Path, files: list[Path], aligned: bool) -> tuple[Path, Path]:
    """A copy of the files (with `aligned`, values aligned as some people write them, a layout
    the quick edit leaves to ruamel) and a CSV with one new figure for each."""
    folder = work / ("record-aligned" if aligned else "record-plain")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in files:
        text = path.read_text(encoding="utf-8")
        if aligned:
            text = re.sub(r"^(unit|frequency|direction): ", r"\1:     ", text, flags=re.M)
        (folder / path.name).write_text(text, encoding="utf-8")
    csv = work / f"{folder.name}.csv"
    rows = "".join(f"{path.stem},{PERIOD},{n}\n" for n, path in enumerate(files))
    csv.write_text("id,period,value\n" + rows, encoding="utf-8")
    return folder, csv


def whole_process(times: int, work: Path, files: list[Path], env: dict[str, str]) -> None:
    print(f"| `record --csv`, {FILES} rows into {FILES} files | clock | processor time |")
    print("|---|---:|---:|")
    for aligned, label in (
        (False, "laid out as ruamel writes"),
        (True, "values aligned by spaces"),
    ):
        folder, csv = fresh_tree(work, files, aligned)
        args = [actionplan(), "record", "--csv", str(csv), "--plans", str(folder)]

        def prepare(aligned: bool = aligned) -> None:
            fresh_tree(work, files, aligned)

        figure = repeat(times, lambda a=args: run(a, env, (0,)), prepare)  # type: ignore[misc]
        cpu = f"{figure.cpu:.2f} s" if figure.cpu is not None else ""
        print(f"| {label} | {figure.median:.2f} s ({figure.low:.2f}-{figure.high:.2f}) | {cpu} |")


def quick_share(work: Path, files: list[Path]) -> None:
    from actionplan.domain.models import Measurement
    from actionplan.edit.insert import inserted_text

    for aligned in (False, True):
        folder, _ = fresh_tree(work, files, aligned)
        new = Measurement.model_validate({"period": PERIOD, "value": 1}, context={"fy_start": 4})
        quick = sum(inserted_text(path, new, 4) is not None for path in folder.iterdir())
        kind = "with aligned values" if aligned else "as generated"
        print(f"files {kind} edited without ruamel's round trip: {quick} of {FILES}")


def _best(once: Callable[[], object], prepare: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(5):
        prepare()
        start = time.perf_counter()
        once()
        best = min(best, time.perf_counter() - start)
    return best


def thresholds(work: Path, files: list[Path]) -> None:
    """Each batch size in this process and in two workers, for both kinds of file."""
    from actionplan.cli import app
    from actionplan.edit import records

    print("\n| files | kind | one process | two workers |\n|---:|---|---:|---:|")
    for aligned in (False, True):
        for size in (8, 16, 32, 64, 128):
            figures = []
            for limit in (10**9, 1):
                records.EDITED_IN_PARALLEL_FROM = limit
                folder, csv = fresh_tree(work, files[:size], aligned)
                argv = ["record", "--csv", str(csv), "--plans", str(folder)]

                def once(argv: list[str] = argv) -> None:
                    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
                        app(argv)

                prepare = lambda n=size, c=aligned: fresh_tree(work, files[:n], c)  # noqa: E731
                figures.append(_best(once, prepare))
            kind = "aligned" if aligned else "plain"
            print(f"| {size} | {kind} | {figures[0] * 1000:.0f} ms | {figures[1] * 1000:.0f} ms |")


def profile(work: Path, files: list[Path]) -> None:
    from actionplan.cli import app
    from actionplan.edit import records

    records.EDITED_IN_PARALLEL_FROM = 10**9  # in this process, where the profiler sees it
    folder, csv = fresh_tree(work, files, False)
    profiler = cProfile.Profile()
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        profiler.runcall(app, ["record", "--csv", str(csv), "--plans", str(folder)])
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
    lines = text.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    print(f"\nProfile, `record --csv` of {FILES} files in process (top 12 by own time):")
    print("\n".join(lines[start : start + 13]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep the corpus here (default: a temp folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="actionplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    files = sources(work)[:FILES]
    env = {**os.environ, "ACTIONPLAN_CACHE_DIR": str(work / "cache-cold")}
    print(f"cores: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()[0]:.2f}\n")
    whole_process(args.repeat, work, files, env)
    quick_share(work, files)
    thresholds(work, files)
    profile(work, files)
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
