"""The peak memory of every command on a tree at the limits of what one command reads: as many
plan files, bytes and figures as the defaults allow (5,000 indicators of the shape of
`make_report_tree.py`, about 150,000 figures, each file's description padded until the tree
holds 25 MB). Every command must peak under 512 MiB; a PDF report is the stated exception
(its typesetting grows with the indicators it holds) and is left out.

    python benchmarks/bench_tree_limits.py [--only report-html site ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_report_tree import AS_OF, write_tree
from measure import peak_memory

FILES = 5_000
BYTES = 25 * 1024 * 1024
FIGURES = 150_000
COMMANDS = {
    "check": ["check", "--no-cache", "--format", "json"],
    "report-html": ["report", "--no-cache", "-f", "html", "--out", "out"],
    "report-md": ["report", "--no-cache", "-f", "md", "--out", "out"],
    "report-docx": ["report", "--no-cache", "-f", "docx", "--out", "out"],
    # The plans as committed read beside them: the tree is committed in git first.
    "report-html-since": [
        "report",
        "--no-cache",
        "-f",
        "html",
        "--out",
        "out",
        "--since",
        "2015-01-31",
    ],
    "render-html": ["render", "--no-cache", "-f", "html", "--out", "out"],
    "render-docx": ["render", "--no-cache", "-f", "docx", "--out", "out"],
    "site": ["site", "--no-cache", "--out", "out"],
    "export": ["export", "--no-cache", "--out", "out"],
    "due": ["due", "--no-cache"],
    "record": ["record", "indicator-0001", "2015-04", "100", "--allow-future"],
    "new": ["new", "--indicator", "fresh", "--title", "Fresh"],
}
_DATED = {"check", "report-html", "report-md", "report-docx", "render-html", "render-docx"}
_DATED |= {"report-html-since"}
_DATED |= {"site", "export", "due"}


def tree_at_the_limits(root: Path) -> Path:
    """`root/plans` with FILES files, at most FIGURES figures and just under BYTES bytes."""
    plans = root / "plans"
    files = write_tree(plans, FILES)
    figures = sum(p.read_text().count("  - period:") for p in files)
    assert figures <= FIGURES, figures
    size = sum(p.stat().st_size for p in plans.rglob("*.yaml"))
    pad = (BYTES - size) // len(files) - 64
    words = ("Why the measure matters to residents. " * (pad // 38 + 1))[:pad].strip()
    for path in files:
        with path.open("a") as out:
            out.write(f"description: >-\n  {words}\n")
    size = sum(p.stat().st_size for p in plans.rglob("*.yaml"))
    assert size <= BYTES, size
    print(f"tree: {len(files):,} plan files, {figures:,} figures, {size / 2**20:.1f} MiB")
    return plans


def commit(root: Path) -> None:
    """The tree committed in git on 1 January 2015, for `--since`."""
    day = {"GIT_AUTHOR_DATE": "2015-01-01T12:00:00", "GIT_COMMITTER_DATE": "2015-01-01T12:00:00"}
    env = {**os.environ, **day, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Tree"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", choices=list(COMMANDS), default=list(COMMANDS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plans = tree_at_the_limits(Path(folder))
        if "report-html-since" in args.only:
            commit(plans.parent)
        for name in args.only:
            command = [sys.executable, "-m", "actionplan", *COMMANDS[name]]
            command += ["--as-of", AS_OF] if name in _DATED else []
            here = Path.cwd()
            os.chdir(plans.parent)
            try:
                peak = peak_memory(command, dict(os.environ))
            finally:
                os.chdir(here)
            print(f"{name}: peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
