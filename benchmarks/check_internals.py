"""What `bench_check.py` measures inside one process: where a cold check's time goes (a
profile of judging files, as its workers do) and from how many files worker processes pay
(`--thresholds`).
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import shutil
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from make_corpus import corpus_of, plan_files


def profile(work: Path, as_of: str) -> None:
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
        as_of=date.fromisoformat(as_of),
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
