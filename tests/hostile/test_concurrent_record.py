"""Two `record` runs on one file at the same moment never lose an update: the second waits for
the first and starts from its result (or, if it waited too long, says so and changes nothing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import forked

# Processes killed, raced or fed thousands of generated files: outside the quick set.
pytestmark = pytest.mark.slow

PAIRS = 50
PLAN = (
    "title: Shared\ntarget: 10\ndirection: higher\n"
    "measurements:\n  - period: 1949-12\n    value: 1\n"
)


def test_fifty_pairs_of_simultaneous_records_lose_nothing(tmp_path: Path) -> None:
    plans = tmp_path / "work" / "plans"
    plans.mkdir(parents=True)
    plan = plans / "shared.yaml"
    plan.write_text(PLAN)
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache")}
    outcomes: dict[str, forked.Run] = {}
    for pair in range(PAIRS):
        periods = [f"{1950 + pair}-01", f"{1950 + pair}-02"]
        # Both children wait on a pipe, then start together.
        gate, release = os.pipe()
        children = [
            forked.start(["record", "shared", period, str(pair)], plans.parent, env, gate=gate)
            for period in periods
        ]
        os.write(release, b"go")
        os.close(gate)
        os.close(release)
        for period, child in zip(periods, children, strict=True):
            outcomes[period] = forked.finish(child, timeout=60)

    text = plan.read_text()
    lost = []
    for period, run in outcomes.items():
        assert "Traceback" not in run.stderr, run.stderr
        if run.code == 0:
            assert f"recorded {period}" in run.stdout
            if f"period: {period}\n" not in text:
                lost.append(period)
        else:
            assert run.code in (1, 2) and run.stderr.strip(), (period, run)
    assert not lost, f"{len(lost)} updates reported as recorded are missing: {lost}"
    assert sum(run.code == 0 for run in outcomes.values()) >= PAIRS  # most went through
    assert sorted(p.name for p in plans.iterdir()) == ["shared.yaml"]  # no temporary file left
