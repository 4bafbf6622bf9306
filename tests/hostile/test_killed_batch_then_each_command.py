"""A `record --csv` killed between two of its renames leaves the plans half changed, with its
journal beside them. Every command run next finishes the change before it reads: what it
shows, writes or edits is what it would be on the old tree or on the new one, never on a tree
of both, however the plans are named (the folder, its parent, a file)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import forked
from support.output_sets import AS_OF, INDICATORS, KillAt, make_tree, state
from support.paths import ROOT

# Each case forks and kills a bulk edit, then runs commands on two reference trees.
pytestmark = pytest.mark.slow

JOURNAL = ".actionplan-journal.json"
RENAMED = 4  # renames made before the kill (the parse cache may be one): the rest still old
DOCUMENT = ROOT / "tests" / "fixtures" / "legacy" / "smoking-quitters.txt"

# What each command reads: `plans` where it is named, else the default folder.
COMMANDS = {
    "check": lambda at: ["check", *at, "--format", "json", *AS_OF],
    "render": lambda at: ["render", *at, "--out", "docs", *AS_OF],
    "report": lambda at: ["report", *at, "--format", "md", "--out", "docs", *AS_OF],
    "record": lambda at: ["record", "ind-00", "2014-07", "46"],
    "record --csv": lambda at: ["record", "--csv", "more.csv"],
    "new": lambda at: ["new", "--indicator", "fresh", "--title", "Fresh"],
    "import": lambda at: ["import", str(DOCUMENT), "--out", "plans"],
}
# How the tree is laid out, and how the reading commands name it.
LAYOUTS = {
    "settings at the root, default folder": (True, []),
    "no settings file, the folder's parent named": (False, ["."]),
    "no settings file, one plan named": (False, ["plans/ind-03.yaml"]),
}


def _tree(root: Path, settings: bool) -> Path:
    plans = make_tree(root)
    if not settings:
        (plans / "actionplan.yaml").unlink()
    rows = [f"ind-{n:02d},2014-06,{45 + n},June" for n in range(INDICATORS)]
    (root / "june.csv").write_text("id,period,value,note\n" + "\n".join(rows) + "\n")
    (root / "more.csv").write_text("id,period,value\nind-01,2014-07,47\nind-08,2014-07,48\n")
    return plans


def _view(root: Path, command: str, stdout: str) -> object:
    """What a command saw, as the files it wrote or edited, or its JSON without notes."""
    if command == "check":
        data = json.loads(stdout)
        data.pop("notes", None)
        return data
    if command in ("render", "report"):
        return state(root / "docs")
    return state(root / "plans")


def _reference(tmp: Path, name: str, settings: bool, command: str, at: list[str]) -> object:
    """The command's view on the old tree (`june.csv` not recorded) or the new one."""
    root = tmp / name
    _tree(root, settings)
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp / f"cache-{name}")}
    if name == "new":
        assert forked.run(["record", "--csv", "june.csv"], root, 30, env).code == 0
    run = forked.run(COMMANDS[command](at), root, 30, env)
    assert run.code in (0, 1), run.stderr
    return _view(root, command, run.stdout)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_next_command_sees_the_old_tree_or_the_new_never_half(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, layout: str
) -> None:
    settings, at = LAYOUTS[layout]
    old = _reference(tmp_path, "old", settings, command, at)
    new = _reference(tmp_path, "new", settings, command, at)
    assert old != new

    root = tmp_path / "work"
    plans = _tree(root, settings)
    before = state(plans)
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache")}
    with monkeypatch.context() as patch:
        kill = KillAt(patch, ("replace",))
        kill.at = RENAMED + 1
        child = forked.start(["record", "--csv", "june.csv"], root, env)
        kill.at = 0
        assert forked.finish(child, 30).code is None  # killed
    half = state(plans)
    changed = [name for name in before if half.get(name) != before[name]]
    assert JOURNAL in half and 0 < len(changed) < INDICATORS, changed

    run = forked.run(COMMANDS[command](at), root, 30, env)
    assert run.code in (0, 1) and "Traceback" not in run.stderr, run.stderr
    assert "finished the interrupted `record --csv`" in run.stdout + run.stderr
    assert not (plans / JOURNAL).exists()
    seen = _view(root, command, run.stdout)
    assert seen in (old, new), f"{command} read a half-changed tree"
    shutil.rmtree(root)
