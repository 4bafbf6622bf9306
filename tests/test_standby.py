"""The standby process judges the few files of a large tree that changed, exactly as this
process would, and any failure of it only means the work is done here."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.app import check as checking
from actionplan.cli import app
from actionplan.workspace.parallel import Standby

ROOT = Path(__file__).parents[1]
SMOKING = ROOT / "plans" / "public-health" / "smoking-quitters.yaml"
runner = CliRunner()

pytestmark = pytest.mark.skipif(not Standby.available(), reason="forks only on Linux, 2+ cores")


def test_a_standby_process_maps_in_order() -> None:
    standby = Standby("json")
    assert standby.map(str.upper, ["a", "b", "c"]) == ["A", "B", "C"]


def test_a_standby_that_fails_gives_none() -> None:
    assert Standby("no.such.module").map(str.upper, ["a"]) is None


def test_a_standby_ended_unused_leaves_nothing_waiting() -> None:
    standby = Standby("json")
    standby.close()


@pytest.fixture
def large_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """160 copies of the smoking plan under their own ids, and a cache of their own."""
    text = SMOKING.read_text()
    for n in range(160):
        folder = tmp_path / "plans" / f"part-{n % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"smoking-{n}.yaml").write_text(text.replace("617", str(500 + 5 * n)))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "plans"


def outputs(*args: str) -> list[tuple[int, str, str]]:
    got = []
    for output in ([], ["--format", "json"]):
        result = runner.invoke(app, ["check", "--as-of", "2014-07-31", *output, *args])
        got.append((result.exit_code, result.stdout, result.stderr))
    return got


def test_changed_files_of_a_large_tree_are_judged_by_the_standby(
    large_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[int] = []
    real = Standby.map

    def counting(self: Standby, function: object, items: list[str]) -> object:
        used.append(len(items))
        return real(self, function, items)  # type: ignore[arg-type]

    monkeypatch.setattr(Standby, "map", counting)
    assert checking.JUDGED_IN_PARALLEL_FROM <= 160
    outputs("plans")  # fills the cache
    for n in (3, 77, 150):
        path = large_tree / f"part-{n % 4}" / f"smoking-{n}.yaml"
        path.write_text(path.read_text().replace("value: ", "value: 1"))
    assert outputs("plans") == outputs("plans", "--no-cache")
    assert used == [3, 3]  # the table, then JSON (the table kept no JSON for them)


def test_a_failing_standby_leaves_the_work_to_this_process(
    large_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs("plans")
    monkeypatch.setattr(Standby, "map", lambda self, function, items: self.close())
    path = large_tree / "part-1" / "smoking-5.yaml"
    path.write_text(path.read_text().replace("value: ", "value: 1"))
    assert outputs("plans") == outputs("plans", "--no-cache")
