"""Mutation run over the judging rules and periods: how many planted bugs the tests catch.

mutmut plants one small change at a time (an operator, a constant, a dropped argument) in the
judging modules and the period parser, runs the tests that reach the changed function, and
counts the changes that no test notices ("survivors"). It is slow (10 to 30 minutes on two
cores), so it is a script to run by hand rather than a CI gate:

    python benchmarks/mutation.py                  # whole run, then the share killed
    python benchmarks/mutation.py --report-only    # print the last run's figures again

It copies the project into a work folder (default `.mutation/`, ignored by git), makes a
virtual environment there with the project's dependencies but *not* the project itself (so the
tests import the mutated copy), and prints the share killed and every survivor as a diff.

The tests run with every cache of the package emptied before each test (a conftest written
into the copy): the period parser is memoised, and a mutant process forked after a first run of
the tests would otherwise answer from that run's cache and hide the mutant.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATE = ["src/actionplan/judge/*", "src/actionplan/domain/periods.py"]
TESTS = [
    "tests/judge",
    "tests/domain",
    "tests/test_examples.py",
    "tests/cli/test_rules.py",
    "tests/cli/test_check.py",
]
CONFIG = f"""
[tool.mutmut]
source_paths = ["src"]
only_mutate = {json.dumps(MUTATE)}
also_copy = ["templates", "plans"]
# mutmut runs the tests in its own forked processes: one process each, not xdist's workers.
pytest_add_cli_args = [
    "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-k", "not installed_script"
]
pytest_add_cli_args_test_selection = {json.dumps(TESTS)}
"""

# Mutants run in processes forked after the tests have run once, so a memoised function (the
# period parser is one) would answer from that run's cache and hide its mutant: every cache of
# the package is emptied before each test.
CONFTEST = """
import sys

import pytest


@pytest.fixture(autouse=True)
def _empty_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("actionplan"):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
"""


def copy_project(work: Path) -> Path:
    """A fresh copy of the tracked files, with the mutmut settings added to its pyproject."""
    copy = work / "project"
    if copy.exists():
        shutil.rmtree(copy)
    files = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    with (copy / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(CONFIG)
    # Added to the tests' own conftest, whose shared fixtures the tests still need.
    conftest = copy / "tests" / "conftest.py"
    shared = conftest.read_text(encoding="utf-8") if conftest.exists() else ""
    conftest.write_text(shared + CONFTEST, encoding="utf-8")
    return copy


def make_venv(work: Path) -> Path:
    """A virtual environment with the dependencies and mutmut, without actionplan itself."""
    venv = work / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        wanted = [*project["dependencies"], *project["optional-dependencies"]["test"], "mutmut"]
        subprocess.run([str(python), "-m", "pip", "install", "-q", *wanted], check=True)
    return venv


def run(venv: Path, copy: Path, children: int) -> None:
    subprocess.run(
        [str(venv / "bin" / "mutmut"), "run", "--max-children", str(children)],
        cwd=copy,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def survivors(venv: Path, copy: Path) -> list[str]:
    listing = subprocess.run(
        [str(venv / "bin" / "mutmut"), "results"],
        cwd=copy,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line.split(":")[0].strip() for line in listing.splitlines() if "survived" in line]


def report(venv: Path, copy: Path) -> None:
    subprocess.run(
        [str(venv / "bin" / "mutmut"), "export-cicd-stats"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    stats = json.loads((copy / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    killed, total = stats["killed"], stats["total"]
    print(
        f"mutants: {total}; killed {killed} ({killed / total:.1%}); survived "
        f"{stats['survived']}; timeouts {stats.get('timeout', 0)}; "
        f"not covered {stats.get('no_tests', 0)}"
    )
    by_function: dict[str, list[str]] = defaultdict(list)
    for name in survivors(venv, copy):
        by_function[name.rsplit("__mutmut_", 1)[0]].append(name)
    for function, names in sorted(by_function.items(), key=lambda item: -len(item[1])):
        print(f"\n## {function}: {len(names)} survived")
        for name in names:
            diff = subprocess.run(
                [str(venv / "bin" / "mutmut"), "show", name],
                cwd=copy,
                capture_output=True,
                text=True,
            ).stdout
            changed = [line for line in diff.splitlines() if line[:2] in ("- ", "+ ")]
            print("\n".join(changed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=ROOT / ".mutation")
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(exist_ok=True)
    venv = make_venv(args.work)
    copy = args.work / "project"
    if not args.report_only:
        copy = copy_project(args.work)
        run(venv, copy, args.children)
    report(venv, copy)


if __name__ == "__main__":
    main()
