"""How long reading the plans as committed on a day takes, for `report --since` and `check
--since`: the git command (one `git cat-file --batch`, as actionplan reads them) against dulwich,
a pure-Python git library, where it is installed (`pip install dulwich` to compare).

    python benchmarks/bench_history.py [--count 1000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from make_report_tree import write_tree

from actionplan.workspace.history import committed_on


def _commit(repo: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2015-01-02T12:00:00+00:00",
        "GIT_COMMITTER_DATE": "2015-01-02T12:00:00+00:00",
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "plans"], cwd=repo, check=True, env=env)


def _dulwich_read(repo: Path) -> int:
    """The same files' bytes at HEAD through dulwich (reading only: no parsing)."""
    from dulwich.repo import Repo

    found = 0
    with Repo(str(repo)) as r:
        commit = r[r.head()]
        for entry in r.object_store.iter_tree_contents(commit.tree):
            if entry.path.endswith((b".yaml", b".yml")):
                found += len(r[entry.sha].data)
    return found


def _git_read(repo: Path) -> int:
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", "-z", "--name-only", "HEAD"],
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    request = b"".join(b"HEAD:" + n + b"\n" for n in names if n.endswith((b".yaml", b".yml")))
    done = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"], input=request, capture_output=True
    )
    return len(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as scratch:
        repo = Path(scratch)
        write_tree(repo / "plans", count=count)
        _commit(repo)
        timings = {}
        start = time.perf_counter()
        _git_read(repo)
        timings["git cat-file --batch, bytes only"] = time.perf_counter() - start
        try:
            start = time.perf_counter()
            _dulwich_read(repo)
            timings["dulwich, bytes only"] = time.perf_counter() - start
        except ImportError:
            print("dulwich is not installed: pip install dulwich to compare")
        start = time.perf_counter()
        found = committed_on([repo / "plans"], date(2015, 1, 2), 4)
        timings["actionplan: read, parsed and validated"] = time.perf_counter() - start
        assert len(found.indicators) == count
    for label, seconds in timings.items():
        print(f"{count:,} files, {label}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
