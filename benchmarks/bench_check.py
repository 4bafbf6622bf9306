"""Every performance figure of `actionplan`, in one run, on generated corpora.

Each figure is the median of several runs of the installed command, as a user runs it (a whole
process), with the lowest and highest beside it. Machines are shared and noisy: compare figures
from one run of this script. With `--baseline BIN` (the bin folder of another install, such as
a virtual environment of the last release) each row is also run by that install, in turn with
this one, and the ratio of the two is printed: before and after a change, on the same corpus at
the same moments. The processor time of a cold check (all its processes) is set against that of
a bare libyaml parse of the same files, the floor of any reader built on it. A profile of
judging files, as the workers of a cold check do, closes the output, so the next change starts
from figures.

    python benchmarks/bench_check.py                      # 1k, 5k, 10k, 20k files
    python benchmarks/bench_check.py --sizes 1000 10000 --repeat 5 --baseline /venv/bin
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_internals import profile, thresholds
from make_corpus import corpus_of, plan_files
from measure import Figure, bare_libyaml, peak_memory, repeat, repeat_each, run

AS_OF = "2015-06-30"


@dataclass(frozen=True)
class Install:
    """An installed `actionplan` to time, with a results cache of its own."""

    name: str
    command: str
    cache: Path


def actionplan() -> str:
    """The command installed beside this Python (so a baseline venv can be compared), or
    the one on PATH."""
    beside = Path(sys.executable).parent / "actionplan"
    return str(beside) if beside.exists() else shutil.which("actionplan") or "actionplan"


# The table is what a person, a pre-commit hook or an editor runs; JSON holds every row with
# its SPC points, so it is the heaviest output.
OUTPUTS = {"table": [], "json": ["--format", "json"]}


def check_args(
    install: Install, corpus: Path, extra: list[str] | None = None, output: str = "table"
) -> list[str]:
    options = [*OUTPUTS[output], *(extra or [])]
    return [install.command, "check", "--as-of", AS_OF, *options, str(corpus)]


Env = Callable[[Install], dict[str, str]]


def row(label: str, figures: list[Figure], unit: str = "s") -> None:
    """One line of the table: each install's figure, then (with a baseline) this one's as a
    multiple of the baseline's; and the processor time of each, with its ratio."""
    cells = [f"{f.median:.2f} {unit} ({f.low:.2f}-{f.high:.2f})" for f in figures]
    cpu = [f"{f.cpu:.2f} s" for f in figures if f.cpu is not None]
    if len(figures) == 2:
        now, then = figures
        cells.append(f"{now.median / then.median:.2f} x")
        if now.cpu and then.cpu:
            cpu.append(f"{now.cpu / then.cpu:.2f} x")
    line(label, cells, " / ".join(cpu))


def line(label: str, cells: list[str], cpu: str = "") -> None:
    print(f"| {label} | {' | '.join(cells)} | {cpu} |")


def timed(
    times: int,
    installs: list[Install],
    args: Callable[[Install], list[str]],
    env: Env,
    prepare: Callable[[], None] | None = None,
) -> list[Figure]:
    """A command of each install, run in turn after each `prepare`: a noisy moment of a
    shared machine falls on all of them alike."""
    return repeat_each(
        times,
        [partial(lambda i: run(args(i), env(i)), install) for install in installs],
        prepare,
    )


def cold_rows(sizes: list[int], times: int, work: Path, installs: list[Install], env: Env) -> None:
    for size in sizes:
        corpus = corpus_of(size, work)
        for output in OUTPUTS if size == 10_000 else ["table"]:
            args = partial(check_args, corpus=corpus, extra=["--no-cache"], output=output)
            figures = timed(times, installs, args, env)
            row(f"cold check, {size:,} files (`--no-cache`), {output}", figures)
            per = [f"{f.median / size * 1000:.3f} ms" for f in figures]
            cpu = [f"{f.cpu / size * 1000:.3f} ms" for f in figures if f.cpu is not None]
            line("&nbsp;&nbsp;per file", per + [""] * (len(figures) == 2), " / ".join(cpu))
            if size == 10_000 and output == "table":
                floor_rows(corpus, times, figures, env(installs[0]))


def floor_rows(corpus: Path, times: int, cold: list[Figure], env: dict[str, str]) -> None:
    """The cold table check against reading the same bytes (`cat`, on the clock) and against
    a bare libyaml parse of them in one process (in processor time, all the check's
    processes)."""
    files = plan_files(corpus)
    cat = repeat(times, lambda: run(["cat", *map(str, files)], env))
    blank = [""] * (len(cold) == 2)
    line(
        f"&nbsp;&nbsp;x `cat` of the same files ({cat.median:.2f} s)",
        [f"{f.median / cat.median:.1f} x" for f in cold] + blank,
    )
    bare = bare_libyaml(files, times)
    line(
        f"&nbsp;&nbsp;processor time x bare libyaml (`yaml.load`, CSafeLoader, one process: "
        f"{bare:.2f} s)",
        [f"{f.cpu / bare:.2f} x" if f.cpu else "" for f in cold] + blank,
    )


def warm_rows(times: int, work: Path, installs: list[Install], env: Env) -> None:
    corpus = corpus_of(10_000, work)
    edits = iter(range(1_000_000))
    files = plan_files(corpus)

    def cached(install: Install) -> dict[str, str]:
        return {**env(install), "ACTIONPLAN_CACHE_DIR": str(install.cache)}

    def edit_one_percent() -> None:
        round_ = next(edits)
        for path in files[round_ % 7 :: 100]:  # 100 files, different ones each round
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"# edited {round_}\n")

    for output in OUTPUTS:
        args = partial(check_args, corpus=corpus, output=output)
        for install in installs:
            run(args(install), cached(install))  # fill the cache
        row(f"warm check, 10,000 unchanged files, {output}", timed(times, installs, args, cached))
        row(
            f"warm check after editing 100 of 10,000, {output}",
            timed(times, installs, args, cached, prepare=edit_one_percent),
        )
    for output in OUTPUTS:
        cold = partial(check_args, corpus=corpus, extra=["--no-cache"], output=output)
        mib = [Figure.of([peak_memory(cold(i), env(i)) for _ in range(3)]) for i in installs]
        row(f"peak memory, cold 10k (all processes), {output}", mib, unit="MiB")
        warm = partial(check_args, corpus=corpus, output=output)
        for install in installs:
            run(warm(install), cached(install))
        mib = [Figure.of([peak_memory(warm(i), cached(i)) for _ in range(3)]) for i in installs]
        row(f"peak memory, warm 10k, {output}", mib, unit="MiB")


def memory_rows(sizes: list[int], work: Path, installs: list[Install], env: Env) -> None:
    for size in sizes:
        if size == 10_000:
            continue
        cold = partial(check_args, corpus=corpus_of(size, work), extra=["--no-cache"])
        mib = [Figure.of([peak_memory(cold(i), env(i)) for _ in range(3)]) for i in installs]
        row(f"peak memory, cold {size:,}, table", mib, unit="MiB")


def peer_rows(work: Path, install: Install, env: dict[str, str], folder: Path) -> None:
    """Other tools a pre-commit hook runs on the same 10,000 files, once each (they take a
    minute): check-jsonschema against the plan files' schema, and yamllint. They are looked
    for in `folder` (a virtual environment's bin folder), else on PATH."""
    corpus = corpus_of(10_000, work)
    schema = work / "actionplan.schema.json"
    made = subprocess.run([install.command, "schema"], capture_output=True)
    schema.write_text(made.stdout.decode())
    files = [str(p) for p in plan_files(corpus)]
    check = repeat(3, lambda: run(check_args(install, corpus, ["--no-cache"]), env))
    peers = {
        "check-jsonschema": ["--schemafile", str(schema), *files],
        "yamllint": ["-d", "relaxed", str(corpus)],
    }
    for name, args in peers.items():
        command = str(folder / name) if (folder / name).exists() else shutil.which(name)
        if command is None:
            line(name, ["not installed"])
            continue
        seconds = run([command, *args], env, (0, 1, 2))
        line(f"{name}, 10,000 files", [f"{seconds:.1f} s ({seconds / check.median:.0f} x)"])


def startup_rows(times: int, installs: list[Install], env: Env) -> None:
    for args in (["--version"], ["--help"], ["check", "--help"]):
        label = "`actionplan " + " ".join(args) + "`"
        row(label, timed(times, installs, lambda i, a=args: [i.command, *a], env))  # type: ignore[misc]


def record_row(times: int, work: Path, installs: list[Install], env: Env) -> None:
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

    runs = [
        partial(run, [i.command, "record", "--csv", str(csv), "--plans", str(folder)], env(i), (0,))
        for i in installs
    ]
    # Each install records into a fresh copy: `prepare` runs before each of them.
    figures = [repeat(times, once, fresh_copy) for once in runs]
    row("`record --csv`, 300 rows into 300 files", figures)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep corpora here (default: a temp folder)")
    parser.add_argument("--no-profile", action="store_true", help="skip the closing profile")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="BIN",
        help="also run every row with the actionplan in this bin folder, and print the ratio",
    )
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
    # The corpora run past the plan files one command reads by default (5,000): raised, as a
    # user would, to time the check itself at every size.
    os.environ.setdefault("ACTIONPLAN_MAX_PLAN_FILES", str(max(args.sizes)))
    os.environ.setdefault("ACTIONPLAN_MAX_PLAN_FILES_BYTES", str(2**40))
    os.environ.setdefault("ACTIONPLAN_MAX_PLAN_FILES_FIGURES", str(2**40))
    work = args.work or Path(tempfile.mkdtemp(prefix="actionplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    base = {**os.environ, "ACTIONPLAN_CACHE_DIR": str(work / "cache-cold")}
    base.pop("ACTIONPLAN_DEBUG", None)
    if args.thresholds:
        thresholds(work)
        return
    installs = [Install("this install", actionplan(), work / "cache-warm")]
    if args.baseline:
        command = args.baseline / "actionplan"
        installs.append(Install(f"baseline ({command})", str(command), work / "cache-baseline"))

    def env(install: Install) -> dict[str, str]:
        return base

    for install in installs:
        version = subprocess.run([install.command, "--version"], capture_output=True, text=True)
        print(f"{install.name}: {version.stdout.strip()}")
    print(
        f"cores: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()[0]:.2f}; "
        f"median of {args.repeat} (lowest-highest)\n"
    )
    names = [i.name.split(" (")[0] for i in installs]
    ratio = ["this / baseline"] * (len(installs) == 2)
    print(f"| measure | {' | '.join(names + ratio)} | processor time, all processes |")
    print("|---|" + "---:|" * (len(names + ratio) + 1))
    cold_rows(sorted(args.sizes), args.repeat, work, installs, env)
    warm_rows(args.repeat, work, installs, env)
    memory_rows(sorted(args.sizes), work, installs, env)
    startup_rows(args.repeat, installs, env)
    record_row(args.repeat, work, installs, env)
    if args.peers:
        peer_rows(work, installs[0], base, args.peers)
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    if not args.no_profile:
        profile(work, AS_OF)


if __name__ == "__main__":
    main()
