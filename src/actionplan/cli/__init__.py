"""The command line: each command parses its options, calls one core function, and prints what
it returns; the exit code is the core's. Heavy modules are imported inside the commands that
need them, so `--help` and small runs start quickly.

May import every layer below it: `domain`, `judge`, `workspace`, `edit`, `legacy`, `output`.
"""

from __future__ import annotations

import gc

from actionplan.cli import check, importing, new, record, render, report, schema
from actionplan.cli.app import app

COMMANDS = (check, importing, new, record, render, report, schema)  # each registers itself on `app`

__all__ = ["app", "main"]


def main() -> None:
    # One command, then exit: a check of thousands of files builds millions of objects with no
    # reference cycles, and the collector's repeated passes over them cost more than the load.
    gc.disable()
    app()
