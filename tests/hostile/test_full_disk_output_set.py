"""A disk that fills up while `report --out` or `render --out` writes its files leaves the
folder as it was: the report and its charts (or the plans' documents) are written all or
none, never some new files beside old ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import forked
from support.output_sets import (
    AS_OF,
    INDICATORS,
    change_every_plan,
    fail_writes_after,
    make_tree,
    state,
)

# Three forked runs a case, about a second each: outside the quick set.
pytestmark = pytest.mark.slow

COMMANDS = {
    "report": ["report", "--format", "md", "--out", "out", *AS_OF],
    "render": ["render", "--out", "out", *AS_OF],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("files", [0, 1, 4, INDICATORS - 1])
def test_a_full_disk_leaves_the_old_set_of_files_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, files: int
) -> None:
    root = tmp_path / "work"
    plans = make_tree(root)
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache")}
    args = COMMANDS[command]
    first = forked.run(args, root, 30, env)
    assert first.code == 0, first.stderr
    old = state(root / "out")
    assert len(old) == INDICATORS + (1 if command == "report" else 0)
    change_every_plan(plans)

    with monkeypatch.context() as patch:
        fail_writes_after(patch, files)
        full = forked.run(args, root, 30, env)

    assert full.code == 2, full.stderr
    assert "Traceback" not in full.stderr
    assert "No space left on device" in full.stderr
    assert "nothing in it was changed" in full.stderr, full.stderr
    assert state(root / "out") == old  # every file as it was, and nothing left beside them

    again = forked.run(args, root, 30, env)  # space freed: the whole new set
    assert again.code == 0, again.stderr
    new = state(root / "out")
    assert new.keys() == old.keys()
    assert all(new[name] != old[name] for name in old), "a file was not renewed"
