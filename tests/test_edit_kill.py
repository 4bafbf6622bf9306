"""A bulk `record --csv` killed at any moment leaves each file either as it was or fully new."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

FILES = 120
TRIES = 30
BUDGET_SECONDS = 40.0


def _make_tree(root: Path) -> Path:
    plans = root / "plans"
    plans.mkdir(parents=True)
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\n")
    rows = ["id,period,value,note"]
    for n in range(FILES):
        (plans / f"ind-{n:03d}.yaml").write_text(
            f"# indicator {n}\ntitle: Indicator {n}\ndirection: higher\ntarget: 50\n\n"
            "measurements:\n  - period: 2014-04\n    value: 40   # April\n"
        )
        rows += [f"ind-{n:03d},2014-05,{n},May", f"ind-{n:03d},2014-06,{n + 1},June"]
    csv = root / "figures.csv"
    csv.write_text("\n".join(rows) + "\n")
    return plans


def _run(root: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ACTIONPLAN_CACHE_DIR": str(root / "cache")}
    return subprocess.Popen(
        [sys.executable, "-m", "actionplan", "record", "--csv", "figures.csv"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _contents(plans: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in plans.glob("*.yaml")}


def test_killed_bulk_record_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    plans = _make_tree(tmp_path)
    old = _contents(plans)
    pristine = shutil.copytree(plans, tmp_path / "pristine")
    started = time.monotonic()
    assert _run(tmp_path).wait(timeout=120) == 0
    full_run = time.monotonic() - started
    new = _contents(plans)
    assert all(new[name] != old[name] for name in old if name != "actionplan.yaml")

    rng = random.Random(5)
    outcomes = {"old": 0, "new": 0, "mixed": 0}
    deadline = time.monotonic() + BUDGET_SECONDS
    for _ in range(TRIES):
        if time.monotonic() > deadline:
            break
        shutil.rmtree(plans)
        shutil.copytree(pristine, plans)
        process = _run(tmp_path)
        time.sleep(rng.uniform(0.3, 1.0) * full_run)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = _contents(plans)
        assert now.keys() == old.keys()
        for name, content in now.items():
            assert content in (old[name], new[name]), f"{name} is half written"
        states = {"old" if now[n] == old[n] else "new" for n in now if old[n] != new[n]}
        outcomes["mixed" if len(states) == 2 else states.pop()] += 1
    print(f"kills: {outcomes} (a full run takes {full_run:.2f} s)")
    assert sum(outcomes.values()) >= 5, outcomes
