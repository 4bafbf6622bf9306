"""Run the command line in a fresh interpreter, and measure its peak memory.

A process forked from the test process inherits its memory and, worse, any lock a thread of it
held at the fork: a test that ran Typst in the test process before leaves its worker threads'
locks behind, and a forked child that typesets again can wait on them for ever. A fresh
interpreter starts clean. Its peak is measured through a small launcher that starts it and
reads its usage: Linux counts, in a process's peak, the memory of the process it was forked
from (a test worker of 500 MB would be every command's peak).
"""

from __future__ import annotations

import os
import signal
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
    peak = cwd.parent / f".spawned-{os.getpid()}.peak"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        launcher = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(peak), *args],
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,  # its process group: the command is killed with it
        )
        try:
            code: int | None = launcher.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.wait()
            code = None
    texts = [path.read_text(errors="replace") for path in (out, err)]
    kilobytes = int(peak.read_text()) if peak.exists() else 0
    for path in (out, err, peak):
        path.unlink(missing_ok=True)
    if code is not None and code >= _KILLED:
        code = None  # killed by a signal, as the launcher reports it
    return Spawned(code, *texts, time.monotonic() - started, kilobytes / 1024)


# Starts the command, waits for it, and writes its peak resident memory (KiB) to a file; exits
# with its exit code, or _KILLED and more when a signal ended it.
_KILLED = 128
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen([sys.executable, "-m", "actionplan", *sys.argv[2:]])
_, status, usage = os.wait4(child.pid, 0)
child.returncode = 0
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""
