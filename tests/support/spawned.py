"""Run the command line in a fresh interpreter, and measure its peak memory.

A process forked from the test process inherits its memory and, worse, any lock a thread of it
held at the fork: a test that ran Typst in the test process before leaves its worker threads'
locks behind, and a forked child that typesets again can wait on them for ever. A fresh
interpreter starts clean, so its peak is the command's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Spawned:
    code: int | None  # None when it had to be killed
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the process's peak resident memory


def run(args: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Spawned:
    """`actionplan ARGS` in `cwd`, with `env` added to this process's environment, killed
    after `timeout` seconds (a safety net against a hang, not a speed bound)."""
    out, err = (
        cwd.parent / f".spawned-{os.getpid()}.out",
        cwd.parent / f".spawned-{os.getpid()}.err",
    )
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "actionplan", *args],
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=stdout,
            stderr=stderr,
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                _, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.01)
        child.returncode = 0  # reaped here, not by Popen
    code = os.waitstatus_to_exitcode(status)
    texts = [path.read_text(errors="replace") for path in (out, err)]
    out.unlink()
    err.unlink()
    return Spawned(
        None if code < 0 else code, *texts, time.monotonic() - started, usage.ru_maxrss / 1024
    )
