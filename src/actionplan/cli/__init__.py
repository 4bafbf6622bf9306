"""The command line: each command parses its options, calls one core function, and prints what
it returns; the exit code is the core's. Heavy modules are imported inside the commands that
need them, so `--help` and small runs start quickly.

May import every layer below it: `domain`, `judge`, `workspace`, `edit`, `legacy`, `output`.
"""

from __future__ import annotations

import gc
import os
import sys

from actionplan.cli import (
    check,
    due,
    export,
    importing,
    new,
    record,
    render,
    report,
    schema,
    site,
)
from actionplan.cli.app import app

# each registers itself on `app`
COMMANDS = (check, due, export, importing, new, record, render, report, schema, site)

__all__ = ["app", "main"]


def main() -> None:
    # One command, then exit: a check of thousands of files builds millions of objects with no
    # reference cycles, and the collector's repeated passes over them cost more than the load.
    gc.disable()
    try:
        app()
    except SystemExit as done:
        _exit_now(done.code)


def _exit_now(code: object) -> None:
    """Exit once the output is flushed, without freeing every object one by one (a tenth of a
    second after a check of 10,000 files). Every file the command wrote is closed by then;
    anything unusual (a message as exit code, a closed pipe) takes Python's own way out."""
    if code is None:
        code = 0
    if not isinstance(code, int):
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None
    os._exit(code)
