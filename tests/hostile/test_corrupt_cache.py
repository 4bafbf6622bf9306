"""A results cache (its rows and, apart, their JSON) damaged one byte at a time is never
trusted: every check gives exactly what `--no-cache` gives, within a few seconds and without a
runaway of memory."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from support import forked
from support.paths import EXAMPLES

VALID = EXAMPLES / "valid"
CHECK = ["check", "--as-of", "2015-06-30", "--format", "json", "--all"]
CORRUPTIONS = 120


@pytest.mark.slow
def test_single_byte_corruptions_of_the_cache_give_the_no_cache_result(tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(VALID, work / "plans")
    cache_dir = tmp_path / "cache"
    env = {"ACTIONPLAN_CACHE_DIR": str(cache_dir)}
    truth = forked.run([*CHECK, "--no-cache"], work, env=env)
    plans = [p for p in VALID.glob("*.y*ml") if p.name != "actionplan.yaml"]
    assert truth.code == 1 and f'"indicators": {len(plans)}' in truth.stdout, truth
    first = forked.run(CHECK, work, env=env)  # writes the cache
    assert (first.code, first.stdout) == (truth.code, truth.stdout)
    caches = sorted(cache_dir.iterdir())
    assert [c.suffix for c in caches] == [".detail", ".marshal"]

    rng = random.Random(13)
    differing = []
    for cache in caches:
        intact = cache.read_bytes()
        for position in rng.sample(range(len(intact)), CORRUPTIONS // len(caches)):
            damaged = bytearray(intact)
            damaged[position] ^= rng.randrange(1, 256)
            cache.write_bytes(bytes(damaged))
            run = forked.run(CHECK, work, env=env, timeout=20)
            assert "Traceback" not in run.stderr and run.added_mb < 300, (position, run)
            if (run.code, run.stdout) != (truth.code, truth.stdout):
                differing.append((cache.suffix, position))
        cache.write_bytes(intact)
    assert not differing, f"{len(differing)} of {CORRUPTIONS} corruptions changed the result"
