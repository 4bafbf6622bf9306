"""Timing and memory of whole `actionplan` processes, for bench_check.py.

Each figure is the median of several runs; the spread (lowest to highest) is kept beside it,
because the machines these run on are shared and a single run says little.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    """The median of several runs, and the lowest and highest; for timed commands also the
    median processor time of the command and its worker processes, which other work on a
    shared machine disturbs far less than the time on the clock."""

    median: float
    low: float
    high: float
    cpu: float | None = None

    @classmethod
    def of(cls, values: Sequence[float], cpu: Sequence[float] = ()) -> Figure:
        median_cpu = statistics.median(cpu) if cpu else None
        return cls(statistics.median(values), min(values), max(values), median_cpu)


_cpu: list[float] = []  # processor seconds of each command run since the last `repeat`


def run(args: Sequence[str], env: dict[str, str], ok: tuple[int, ...] = (0, 1)) -> float:
    """Seconds for one run of a command, its output discarded; a failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode not in ok:
        raise SystemExit(
            f"{' '.join(args[:3])}... failed ({done.returncode}): {done.stderr[-800:]!r}"
        )
    return elapsed


def repeat(
    times: int, once: Callable[[], float], prepare: Callable[[], None] | None = None
) -> Figure:
    """`once` run `times` times (each after `prepare`, which is not timed)."""
    values = []
    cpu = []
    for _ in range(times):
        if prepare:
            prepare()
        _cpu.clear()
        values.append(once())
        cpu.append(sum(_cpu))
    return Figure.of(values, cpu if any(cpu) else ())


def repeat_each(
    times: int, onces: Sequence[Callable[[], float]], prepare: Callable[[], None] | None = None
) -> list[Figure]:
    """Each of `onces` run `times` times, in turn (after each `prepare`, not timed), so that
    a busy moment of a shared machine falls on each of them alike."""
    values: list[list[float]] = [[] for _ in onces]
    cpu: list[list[float]] = [[] for _ in onces]
    for _ in range(times):
        if prepare:
            prepare()
        for index, once in enumerate(onces):
            _cpu.clear()
            values[index].append(once())
            cpu[index].append(sum(_cpu))
    return [Figure.of(v, c if any(c) else ()) for v, c in zip(values, cpu, strict=True)]


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (from /proc: the check's worker processes)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
                todo.extend(int(child) for child in children)
        except OSError:
            continue
    return found


def _rss(pid: int) -> int:
    return _proc_kib(f"/proc/{pid}/status", "VmRSS:") * 1024


def _pss(pid: int) -> int:
    """Proportional set size: each page shared by n processes counted 1/n in each (forked
    workers share most of their parent's pages, which resident sizes count once in each)."""
    return _proc_kib(f"/proc/{pid}/smaps_rollup", "Pss:") * 1024


def _proc_kib(path: str, field: str) -> int:
    """The kB figure of `field` in a /proc file; 0 once the process has gone."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_memory(args: Sequence[str], env: dict[str, str], *, shared_once: bool = False) -> float:
    """The highest total resident memory (MiB) of a command and its worker processes, sampled
    every few milliseconds while it runs; `shared_once` counts pages the processes share once
    (their proportional set sizes), not once in each."""
    size = _pss if shared_once else _rss
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(size(pid) for pid in _tree(process.pid)))
            time.sleep(0.003)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    return peak / 2**20


def bare_libyaml(files: list[Path], times: int) -> float:
    """Processor time (median) of `yaml.load(text, Loader=yaml.CSafeLoader)` over the files'
    texts in this process: the floor of any reader built on libyaml."""
    import yaml

    texts = [path.read_text(encoding="utf-8") for path in files]
    seconds = []
    for _ in range(times):
        start = time.process_time()
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)
        seconds.append(time.process_time() - start)
    return statistics.median(seconds)
