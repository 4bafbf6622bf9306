"""A plans tree whose every document changes between two runs, the state of a folder read
whole, and a forked command stopped at a chosen step: what the tests of output sets (and of a
killed `record --csv`) compare."""

from __future__ import annotations

import errno
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

AS_OF = ["--as-of", "2014-07-31", "--no-cache"]
INDICATORS = 10

PLAN = """\
# indicator {n}
title: Indicator {n}
direction: higher
target: 50
measurements:
  - period: 2014-04
    value: 40   # April
  - period: 2014-05
    value: {may}
action_plan:
  period: 2014-05
  non_compliance_reason: Fewer referrals than planned.
  what: More clinics.
  how: Evening sessions.
  who: Public Health
  when: 2014-09
"""


def make_tree(root: Path, count: int = INDICATORS) -> Path:
    """`root/plans`, with a settings file and `count` RED indicators, each with a plan."""
    plans = root / "plans"
    plans.mkdir(parents=True)
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\n")
    for n in range(count):
        (plans / f"ind-{n:02d}.yaml").write_text(PLAN.format(n=n, may=41 + n))
    return plans


def change_every_plan(plans: Path) -> None:
    """A June figure for every indicator: every document and chart of them changes."""
    for path in sorted(plans.glob("ind-*.yaml")):
        text = path.read_text().replace("action_plan:\n  period: 2014-05", _JUNE)
        path.write_text(text)


# A figure for June, still RED, and the plan moved on to answer it: every run exits 0.
_JUNE = "  - period: 2014-06\n    value: 45\naction_plan:\n  period: 2014-06"


def state(folder: Path) -> dict[str, bytes | None]:
    """Every entry under `folder`, hidden ones included: a file's bytes, a folder's None."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        found[name] = None if path.is_dir() and not path.is_symlink() else path.read_bytes()
    return found


def fail_writes_after(monkeypatch: pytest.MonkeyPatch, files: int) -> None:
    """The disk fills up: after `files` files have been written in full, the next write of a
    file's content fails with ENOSPC (in a forked child, which inherits the patch)."""
    from actionplan.workspace import atomic, file_sets

    real: Callable[[int, bytes], None] = atomic._fill
    written = [0]

    def fill(fd: int, data: bytes) -> None:
        if written[0] >= files:
            os.close(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)
        written[0] += 1

    monkeypatch.setattr(atomic, "_fill", fill)
    real_open: Callable[..., Any] = file_sets.open_staged

    def open_staged(staged: Path, *, replacing: Path) -> Any:
        # A file of a set is written a piece at a time: its writes fail from the start.
        handle = real_open(staged, replacing=replacing)
        if written[0] >= files:
            handle.close()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as a write says it
        written[0] += 1
        return handle

    monkeypatch.setattr(file_sets, "open_staged", open_staged)


# Every call that changes what a folder holds, or makes a change durable: a process killed
# just before any one of them is a process killed at every step that matters.
_STEPS = ("replace", "rename", "link", "unlink", "rmdir", "fsync", "mkdir")


class KillAt:
    """Patches the steps of `_STEPS` (or those named) so that a child forked while `at` is set
    kills itself (SIGKILL) just before its `at`-th step; the test process is never stopped."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, steps: tuple[str, ...] = _STEPS) -> None:
        self.at = 0
        self.parent = os.getpid()
        self.count = 0
        for name in steps:
            monkeypatch.setattr(os, name, self._counted(getattr(os, name)))

    def _counted(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            if self.at and os.getpid() != self.parent:
                self.count += 1
                if self.count >= self.at:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return step
