"""`report --format md --out` (and `render --out`) killed at any step: the next command that
writes into the folder finds the old set of files or the new one, never some of each, and no
temporary file is left in the folder."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from support import forked
from support.output_sets import AS_OF, KillAt, change_every_plan, make_tree, state

# Hundreds of forked processes, each killed: outside the quick set.
pytestmark = pytest.mark.slow

COMMANDS = {
    "report": ["report", "--format", "md", "--out", "out", *AS_OF],
    "render": ["render", "--out", "out", *AS_OF],
}
# Another set written into the same folder: the next command of the user.
NEXT = ["report", "--format", "html", "--out", "out", *AS_OF]
RANDOM_KILLS = 20


def _sets(root: Path, args: list[str], env: dict[str, str]) -> tuple[Path, dict[str, bytes | None]]:
    """The folder holding the old set (kept aside), and the new set the command writes."""
    plans = make_tree(root)
    assert forked.run(args, root, 30, env).code == 0
    old = shutil.copytree(root / "out", root.parent / "old-out")
    change_every_plan(plans)
    assert forked.run(args, root, 30, env).code == 0
    new = state(root / "out")
    assert new.keys() == state(old).keys() and new != state(old)
    return old, new


def _next_command_finds_old_or_new(
    root: Path, old: dict[str, bytes | None], new: dict[str, bytes | None], env: dict[str, str]
) -> str:
    after = forked.run(NEXT, root, 30, env)
    assert after.code == 0 and "Traceback" not in after.stderr, after.stderr
    found = state(root / "out")
    assert found.pop("report.html")
    assert found in (old, new), (
        f"a mixed set or a leftover: {sorted(set(found) ^ set(new))}, changed from the old: "
        f"{sorted(n for n in found if found[n] != old.get(n))}"
    )
    return "old" if found == old else "new"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_killed_write_of_a_set_leaves_the_old_set_or_the_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    root = tmp_path / "work"
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache")}
    args = COMMANDS[command]
    kept_old, new = _sets(root, args, env)
    old = state(kept_old)
    kill = KillAt(monkeypatch)
    seen = {"old": 0, "new": 0}
    step = 1
    while True:  # killed before each step in turn, until a run gets through
        shutil.rmtree(root / "out")
        shutil.copytree(kept_old, root / "out")
        kill.at, kill.count = step, 0
        child = forked.start(args, root, env)
        kill.at = 0
        run = forked.finish(child, 30)
        if run.code is not None:
            assert run.code == 0, run.stderr
            break
        seen[_next_command_finds_old_or_new(root, old, new, env)] += 1
        step += 1
    print(f"{command}: killed before each of {step - 1} steps: {seen}")
    assert step > 2 * len(new) and seen["old"] and seen["new"], seen


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_set_killed_from_outside_at_random_moments_is_old_or_new(
    tmp_path: Path, command: str
) -> None:
    root = tmp_path / "work"
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache")}
    args = COMMANDS[command]
    kept_old, new = _sets(root, args, env)
    old = state(kept_old)
    shutil.rmtree(root / "out")
    shutil.copytree(kept_old, root / "out")
    full_run = forked.run(args, root, 30, env).seconds
    rng = random.Random(9)
    seen = {"old": 0, "new": 0}
    for _ in range(RANDOM_KILLS):
        shutil.rmtree(root / "out")
        shutil.copytree(kept_old, root / "out")
        child = forked.start(args, root, env)
        time.sleep(rng.uniform(0.5, 1.0) * full_run)
        forked.kill(child)
        seen[_next_command_finds_old_or_new(root, old, new, env)] += 1
    print(f"{command}: {RANDOM_KILLS} kills: {seen}")
