"""Every performance figure of `actionplan`, in one run, on generated corpora.

Each figure is the median of several runs of the installed command, as a user runs it (a whole
process), with the lowest and highest beside it. Machines are shared and noisy: compare figures
from one run of this script, and read the ratio to `cat` (reading the same bytes) as the most
stable one. A profile of judging files, as the workers of a cold check do, closes the output,
so the next change starts from figures.

    python benchmarks/bench_check.py                      # 1k, 5k, 10k, 20k files
    python benchmarks/bench_check.py --sizes 1000 10000 50000 --repeat 5 --work /tmp/bench
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import write_corpus
from measure import Figure, peak_memory, repeat, run

AS_OF = "2015-06-30"


def actionplan() -> str:
    """The command installed beside this Python (so a baseline venv can be compared), or
    the one on PATH."""
    beside = Path(sys.executable).parent / "actionplan"
    return str(beside) if beside.exists() else shutil.which("actionplan") or "actionplan"


# The table is what a person, a pre-commit hook or an editor runs; JSON holds every row with
# its SPC points, so it is the heaviest output.
OUTPUTS = {"table": [], "json": ["--format", "json"]}


def check_args(corpus: Path, *extra: str, output: str = "table") -> list[str]:
    return [actionplan(), "check", "--as-of", AS_OF, *OUTPUTS[output], *extra, str(corpus)]


def corpus_of(size: int, work: Path) -> Path:
    folder = work / f"corpus-{size}"
    if not folder.exists():
        write_corpus(size, folder)
    return folder


def plan_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def row(label: str, figure: Figure, unit: str = "s", note: str = "") -> None:
    spread = f"({figure.low:.2f}-{figure.high:.2f})"
    cpu = f"{figure.cpu:.2f} s" if figure.cpu is not None else ""
    print(f"| {label} | {figure.median:.2f} {unit} {spread}{note} | {cpu} |")


def cold_rows(sizes: list[int], times: int, work: Path, env: dict[str, str]) -> None:
    for size in sizes:
        corpus = corpus_of(size, work)
        for output in OUTPUTS if size == 10_000 else ["table"]:
            args = check_args(corpus, "--no-cache", output=output)
            figure = repeat(times, lambda a=args: run(a, env))  # type: ignore[misc]
            note = ""
            if size == 10_000 and output == "table":
                files = [str(p) for p in plan_files(corpus)]
                cat = repeat(times, lambda f=files: run(["cat", *f], env))  # type: ignore[misc]
                note = f"; {figure.median / cat.median:.0f} x cat ({cat.median:.2f} s)"
            row(f"cold check, {size:,} files (`--no-cache`), {output}", figure, note=note)
            per_cpu = f"{figure.cpu / size * 1000:.3f} ms" if figure.cpu is not None else ""
            print(f"|   per file | {figure.median / size * 1000:.3f} ms | {per_cpu} |")


def warm_rows(times: int, work: Path, env: dict[str, str]) -> None:
    corpus = corpus_of(10_000, work)
    cached = {**env, "ACTIONPLAN_CACHE_DIR": str(work / "cache-warm")}
    edits = iter(range(1_000_000))
    files = plan_files(corpus)

    def edit_one_percent() -> None:
        round_ = next(edits)
        for path in files[round_ % 7 :: 100]:  # 100 files, different ones each round
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"# edited {round_}\n")

    for output in OUTPUTS:
        args = check_args(corpus, output=output)
        run(args, cached)  # fill the cache
        once = partial(run, args, cached)
        row(f"warm check, 10,000 unchanged files, {output}", repeat(times, once))
        row(
            f"warm check after editing 100 of 10,000, {output}",
            repeat(times, once, prepare=edit_one_percent),
        )
    for output in OUTPUTS:
        mib = [peak_memory(check_args(corpus, "--no-cache", output=output), env) for _ in range(3)]
        row(f"peak memory, cold 10k (all processes), {output}", Figure.of(mib), unit="MiB")
        args = check_args(corpus, output=output)
        run(args, cached)
        mib = [peak_memory(args, cached) for _ in range(3)]
        row(f"peak memory, warm 10k, {output}", Figure.of(mib), unit="MiB")


def memory_rows(sizes: list[int], work: Path, env: dict[str, str]) -> None:
    for size in sizes:
        if size == 10_000:
            continue
        mib = [peak_memory(check_args(corpus_of(size, work), "--no-cache"), env) for _ in range(3)]
        row(f"peak memory, cold {size:,}, table", Figure.of(mib), unit="MiB")


def peer_rows(work: Path, env: dict[str, str], folder: Path) -> None:
    """Other tools a pre-commit hook runs on the same 10,000 files, once each (they take a
    minute): check-jsonschema against the plan files' schema, and yamllint. They are looked
    for in `folder` (a virtual environment's bin folder), else on PATH."""
    corpus = corpus_of(10_000, work)
    schema = work / "actionplan.schema.json"
    schema.write_text(subprocess.run([actionplan(), "schema"], capture_output=True).stdout.decode())
    files = [str(p) for p in plan_files(corpus)]
    check = repeat(3, lambda: run(check_args(corpus, "--no-cache"), env))
    peers = {
        "check-jsonschema": ["--schemafile", str(schema), *files],
        "yamllint": ["-d", "relaxed", str(corpus)],
    }
    for name, args in peers.items():
        command = str(folder / name) if (folder / name).exists() else shutil.which(name)
        if command is None:
            print(f"| {name} | not installed | |")
            continue
        seconds = run([command, *args], env, (0, 1, 2))
        ratio = seconds / check.median
        print(f"| {name}, 10,000 files | {seconds:.1f} s ({ratio:.0f} x a cold check) | |")


def startup_rows(times: int, env: dict[str, str]) -> None:
    for args in (["--version"], ["--help"], ["check", "--help"]):
        label = "`actionplan " + " ".join(args) + "`"
        row(label, repeat(times, lambda a=args: run([actionplan(), *a], env)))  # type: ignore[misc]


def record_row(times: int, work: Path, env: dict[str, str]) -> None:
    """`record --csv` of 300 rows into 300 files, each run on a fresh copy of the files."""
    source = corpus_of(1_000, work)
    files = plan_files(source)[:300]
    folder = work / "record"
    csv = work / "record.csv"
    csv.write_text(
        "id,period,value\n" + "".join(f"{p.stem},2016-05,{n}\n" for n, p in enumerate(files))
    )

    def fresh_copy() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        for path in files:
            target = folder / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)

    args = [actionplan(), "record", "--csv", str(csv), "--plans", str(folder)]
    row(
        "`record --csv`, 300 rows into 300 files",
        repeat(times, lambda: run(args, env, (0,)), fresh_copy),
    )


def profile(work: Path) -> None:
    """Where a cold check's time goes: judging each file, as the worker processes do it, for
    the first 2,000 files of the 10,000 in this process (the command itself mostly waits for
    its workers), by own time and by time including what each calls."""
    from datetime import date

    from actionplan.app.check_worker import judge_task

    names = [str(p) for p in plan_files(corpus_of(10_000, work))[:2_000]]
    task = partial(
        judge_task,
        settings_path=None,
        settings_bytes=b"",
        as_of=date.fromisoformat(AS_OF),
        spc="shown",
        json=False,
    )
    task(names[0])  # imports and settings, as each worker does once
    profiler = cProfile.Profile()
    profiler.enable()
    for name in names:
        task(name)
    profiler.disable()
    for order, title in (("tottime", "own time"), ("cumulative", "time with what it calls")):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(15)
        lines = text.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if "ncalls" in line)
        print(f"\nProfile, judging 2,000 files as a table check does (top 15 by {title}):")
        print("\n".join(lines[start : start + 16]))


def _best(times: int, once: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        once()
        best = min(best, time.perf_counter() - start)
    return best


def thresholds(work: Path) -> None:
    """Where worker processes start to pay: each batch size timed in one process and in two
    workers (best of 5), for judging plan files (`check`) and editing them (`record --csv`)."""
    from datetime import date

    from actionplan.app import check as checking
    from actionplan.cli import app
    from actionplan.edit import records
    from actionplan.workspace import store

    files, _ = store.find_plan_files([corpus_of(1_000, work)])
    print("\n| files | check: one process | two workers |\n|---:|---:|---:|")
    for size in (50, 100, 150, 200, 300):
        figures = []
        for limit in (10**9, 1):
            checking.JUDGED_IN_PARALLEL_FROM = limit
            figures.append(
                _best(
                    5,
                    lambda n=size: checking.check_tree(  # type: ignore[misc]
                        files[:n], date(2015, 6, 30), spc="all", cache=False
                    ),
                )
            )
        print(f"| {size} | {figures[0] * 1000:.0f} ms | {figures[1] * 1000:.0f} ms |")
    print("\n| files | record: one process | two workers |\n|---:|---:|---:|")
    for size in (2, 4, 8, 16, 32):
        folder, csv = _record_tree(work, size)
        figures = []
        for limit in (10**9, 1):
            records.EDITED_IN_PARALLEL_FROM = limit

            def once(n: int = size, csv: Path = csv, folder: Path = folder) -> None:
                _record_tree(work, n)
                with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
                    app(["record", "--csv", str(csv), "--plans", str(folder)])

            figures.append(_best(5, once))
        print(f"| {size} | {figures[0] * 1000:.0f} ms | {figures[1] * 1000:.0f} ms |")


def _record_tree(work: Path, size: int) -> tuple[Path, Path]:
    """A fresh copy of `size` plan files and a CSV with one new figure for each."""
    source = corpus_of(1_000, work)
    files = plan_files(source)[:size]
    folder = work / f"record-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    for path in files:
        target = folder / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    csv = work / f"record-{size}.csv"
    csv.write_text(
        "id,period,value\n" + "".join(f"{p.stem},2016-05,{n}\n" for n, p in enumerate(files))
    )
    return folder, csv


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep corpora here (default: a temp folder)")
    parser.add_argument("--no-profile", action="store_true", help="skip the closing profile")
    parser.add_argument(
        "--peers",
        type=Path,
        metavar="BIN",
        help="also time check-jsonschema and yamllint from this bin folder (else from PATH)",
    )
    parser.add_argument(
        "--thresholds",
        action="store_true",
        help="only time batches in one process and in two workers (where workers pay)",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="actionplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "ACTIONPLAN_CACHE_DIR": str(work / "cache-cold")}
    env.pop("ACTIONPLAN_DEBUG", None)
    if args.thresholds:
        thresholds(work)
        return
    version = subprocess.run([actionplan(), "--version"], capture_output=True, text=True).stdout
    print(
        f"{version.strip()}; cores: {len(os.sched_getaffinity(0))}; "
        f"load average: {os.getloadavg()[0]:.2f}; median of {args.repeat} (lowest-highest)\n"
    )
    print("| measure | figure | processor time, all processes |\n|---|---:|---:|")
    cold_rows(sorted(args.sizes), args.repeat, work, env)
    warm_rows(args.repeat, work, env)
    memory_rows(sorted(args.sizes), work, env)
    startup_rows(args.repeat, env)
    record_row(args.repeat, work, env)
    if args.peers:
        peer_rows(work, env, args.peers)
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    if not args.no_profile:
        profile(work)


if __name__ == "__main__":
    main()
