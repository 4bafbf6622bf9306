"""The results cache is never wrong: after every kind of change a file, the settings, the tool
or the date can go through, a cached `check` prints exactly what `check --no-cache` prints, and
only the files that changed are read again.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.workspace import reading, results
from support.cache_frames import framed, frames
from support.paths import ROOT

SMOKING = Path("plans/public-health/smoking-quitters.yaml")
OPIATE = Path("plans/public-health/opiate-users-not-re-presenting.yaml")
AS_OF = "2014-07-31"
runner = CliRunner()


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled plans, a settings file and copies of the smoking plan under other ids, with
    a cache folder of their own."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "actionplan.yaml").write_text("organisation: Wirral Council\n")
    text = (tmp_path / SMOKING).read_text()
    for n in range(3):
        copy = text.replace("617", str(600 + 200 * n)).replace("Quarter 3", f"Quarter {n + 1}")
        (tmp_path / "plans" / "copies" / f"smoking-{n}.yaml").parent.mkdir(exist_ok=True)
        (tmp_path / "plans" / "copies" / f"smoking-{n}.yaml").write_text(copy)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACTIONPLAN_DEBUG", raising=False)
    return tmp_path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """The files read (not served from the cache) by each run, cleared before each."""
    seen: list[Path] = []
    real = reading.parse_outcome

    def counting(path: Path, **options: bool) -> object:
        seen.append(path)
        return real(path, **options)

    monkeypatch.setattr(reading, "parse_outcome", counting)
    yield seen


def outputs(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def assert_as_uncached(parsed: list[Path], *args: str) -> set[str]:
    """Run the check cached and uncached with each output; they must agree. Returns the names
    of the files the cached runs read."""
    read: set[str] = set()
    for output in (["--format", "json"], ["--all"], ["--format", "github"], ["--missing"]):
        parsed.clear()
        cached = outputs(*args, *output)
        read |= {p.name for p in parsed}
        assert cached == outputs(*args, *output, "--no-cache"), output
        outputs(*args, *output)  # keep the cache as this output leaves it
    return read


def test_unchanged_files_are_not_read_again(tree: Path, parsed: list[Path]) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)

    assert assert_as_uncached(parsed, "--as-of", AS_OF) == set()


def test_an_edit_a_touch_a_rename_and_a_delete(tree: Path, parsed: list[Path]) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)
    smoking = tree / SMOKING
    smoking.write_text(smoking.read_text().replace("value: 617", "value: 1017"))
    assert assert_as_uncached(parsed, "--as-of", AS_OF) == {smoking.name}

    os.utime(tree / OPIATE)  # same bytes, a new modification time: read again, same result
    assert assert_as_uncached(parsed, "--as-of", AS_OF) == {OPIATE.name}

    copy = tree / "plans" / "copies" / "smoking-1.yaml"
    copy.rename(copy.with_name("renamed.yaml"))
    assert assert_as_uncached(parsed, "--as-of", AS_OF) == {"renamed.yaml"}

    (tree / "plans" / "copies" / "smoking-2.yaml").unlink()
    assert assert_as_uncached(parsed, "--as-of", AS_OF) == set()


def test_a_file_replaced_by_one_of_the_same_size_and_time(tree: Path, parsed: list[Path]) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)
    smoking = tree / SMOKING
    before = smoking.stat()
    replacement = smoking.with_name("new.tmp")
    replacement.write_text(smoking.read_text().replace("value: 617", "value: 716"))
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    replacement.replace(smoking)  # a new inode, as an editor's safe save makes
    after = smoking.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ino != before.st_ino

    assert assert_as_uncached(parsed, "--as-of", AS_OF) == {smoking.name}
    assert '"value": 716.0' in outputs("--as-of", AS_OF, "--format", "json")[1]


def test_changed_settings_judge_every_file_again(tree: Path, parsed: list[Path]) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)
    (tree / "plans" / "actionplan.yaml").write_text("tolerance: 50%\n")

    assert len(assert_as_uncached(parsed, "--as-of", AS_OF)) == 5
    assert "AMBER" in outputs("--as-of", AS_OF, "--all")[1]


def test_another_tool_version_judges_every_file_again(
    tree: Path, parsed: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)
    monkeypatch.setattr(results, "__version__", "99.0")

    assert len(assert_as_uncached(parsed, "--as-of", AS_OF)) == 5


@pytest.mark.slow
def test_each_day_gives_what_an_uncached_check_gives(tree: Path, parsed: list[Path]) -> None:
    """Kept results serve other days only while nothing a check compares with the date has
    turned: figures becoming known, going stale, plans falling overdue. Walk across all of
    them (the smoking plan is due by 31 December 2014, its April figure stale after June)."""
    day = date(2014, 4, 20)
    while day < date(2016, 3, 1):
        assert_as_uncached(parsed, "--as-of", day.isoformat())
        day += timedelta(days=9 if day.year == 2014 else 23)
    for turning in ("2014-06-30", "2014-07-01", "2014-12-31", "2015-01-01", "2014-08-31"):
        assert_as_uncached(parsed, "--as-of", turning)


def damage_entry(cache: Path, name: str) -> None:
    """The entry for `name` changed so that it still loads but no longer matches its CRC."""
    parts = frames(cache.read_bytes())
    [chunk] = [part for part in parts[1:] if name in part]
    crc, blob = chunk[name]
    assert b"RED" in blob
    chunk[name] = (crc, blob.replace(b"RED", b"GRE"))
    cache.write_bytes(framed(parts))


def test_a_damaged_entry_is_not_trusted(tree: Path, parsed: list[Path]) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)
    [cache] = (tree / "cache").glob("*.marshal")
    damage_entry(cache, str((tree / SMOKING).absolute()))

    assert assert_as_uncached(parsed, "--as-of", AS_OF) == {SMOKING.name}


def test_a_damaged_json_detail_is_not_trusted(tree: Path, parsed: list[Path]) -> None:
    assert_as_uncached(parsed, "--as-of", AS_OF)
    [details] = (tree / "cache").glob("*.detail")
    damage_entry(details, str((tree / SMOKING).absolute()))

    assert assert_as_uncached(parsed, "--as-of", AS_OF) == {SMOKING.name}


def test_json_after_a_table_run_of_an_edited_file_is_judged_afresh(
    tree: Path, parsed: list[Path]
) -> None:
    """A table run keeps no JSON: the JSON kept from before the edit must not be printed."""
    assert_as_uncached(parsed, "--as-of", AS_OF)
    smoking = tree / SMOKING
    smoking.write_text(smoking.read_text().replace("617", "5"))
    for table in (["--all"], []):
        assert outputs("--as-of", AS_OF, *table) == outputs("--as-of", AS_OF, *table, "--no-cache")
    parsed.clear()
    cached = outputs("--as-of", AS_OF, "--format", "json")
    assert {p.name for p in parsed} == {SMOKING.name}
    assert cached == outputs("--as-of", AS_OF, "--format", "json", "--no-cache")


def test_a_cache_that_fails_half_written_leaves_nothing(
    tree: Path, parsed: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills while the cache is written: the check's output is as ever, and no half
    of a cache file is left behind (to be trusted, or to fill the folder)."""
    writes: list[int] = []
    real = results._frame

    def full_disk(handle: object, data: bytes) -> None:
        writes.append(len(data))
        if len(writes) > 1:
            raise OSError(28, "No space left on device")
        real(handle, data)  # type: ignore[arg-type]

    monkeypatch.setattr(results, "_frame", full_disk)
    assert outputs("--as-of", AS_OF) == outputs("--as-of", AS_OF, "--no-cache")
    assert writes and not list((tree / "cache").iterdir())
