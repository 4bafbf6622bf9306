"""Run the command line in a forked copy of the test process.

Each run is a real process, so it can be timed, measured, killed and can fail in any way
without harming the tests; forking a process that has already imported everything saves the
start-up that hundreds of fresh interpreters would cost on a small CI machine.

Not for a command that typesets with Typst (a PDF, or the Word report's chart pictures): Typst
starts threads in the test process the first time it runs there, and a child forked later can
wait for ever on one of their locks. `spawned` runs such a command in a fresh interpreter.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import resource
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

# Imported once here, so that no child pays for them.
WARM = (
    "actionplan.cli",
    "actionplan.workspace.store",
    "actionplan.judge.assessment",
    "actionplan.edit.document",
    "actionplan.edit.records",
    "actionplan.workspace.journal",
    "actionplan.output.documents.templates",
    "actionplan.output.documents.context",
    "actionplan.output.check.printers",
    "actionplan.legacy.importer",
    "actionplan.legacy.docx",
    "docx",
    "rich.console",
)
for _module in WARM:
    with contextlib.suppress(ImportError):  # an older tree, when a test is tried on it
        importlib.import_module(_module)

TRACEBACK_EXIT = 99  # what a child exits with when an exception escaped the command line
_HEADROOM = 1024**3  # address space a child may add before a runaway fails fast


@dataclass(frozen=True)
class Child:
    pid: int
    out: Path
    err: Path
    started: float
    rss_at_fork_mb: float


@dataclass(frozen=True)
class Run:
    code: int | None  # None when it had to be killed
    stdout: str
    stderr: str
    seconds: float
    # The child's peak resident memory above the test process's at the fork: the child starts
    # with every page of the test process, which grows with the tests run before it (more of
    # them in one process under xdist), so its own peak is what the command itself used.
    added_mb: float


def start(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, *, gate: int | None = None
) -> Child:
    """Start `actionplan ARGS` in `cwd`, its output kept in files outside `cwd`. With `gate`
    (a pipe's reading end) the child waits until something is written to the pipe."""
    out = cwd.parent / f".out-{os.getpid()}-{time.monotonic_ns()}"
    err = out.with_suffix(".err")
    sys.stdout.flush()
    sys.stderr.flush()
    resident = _resident_mb()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to the test
        code = TRACEBACK_EXIT
        try:
            if gate is not None:
                os.read(gate, 1)
            code = _child(args, cwd, env or {}, out, err)
        finally:
            os._exit(code)
    return Child(pid, out, err, time.monotonic(), resident)


def _child(args: list[str], cwd: Path, env: dict[str, str], out: Path, err: Path) -> int:
    os.chdir(cwd)
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8")
    limit = _address_space() + _HEADROOM
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from actionplan.cli import app

    try:
        app(args, prog_name="actionplan")
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = TRACEBACK_EXIT
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _address_space() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def finish(child: Child, timeout: float) -> Run:
    """Wait for `child`, killing it after `timeout` seconds."""
    deadline = child.started + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            os.kill(child.pid, signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.002)
    seconds = time.monotonic() - child.started
    code = os.waitstatus_to_exitcode(status)
    return Run(
        None if code < 0 else code,
        _take(child.out),
        _take(child.err),
        seconds,
        usage.ru_maxrss / 1024 - child.rss_at_fork_mb,
    )


def kill(child: Child) -> None:
    os.kill(child.pid, signal.SIGKILL)
    os.waitpid(child.pid, 0)
    _take(child.out)
    _take(child.err)


def _take(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        path.unlink()
    except FileNotFoundError:
        return ""
    return text


def run(
    args: list[str], cwd: Path, timeout: float = 10.0, env: dict[str, str] | None = None
) -> Run:
    return finish(start(args, cwd, env), timeout)
