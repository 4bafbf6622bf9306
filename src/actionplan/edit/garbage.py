"""Garbage collection for the commands that edit file after file.

The command line turns the collector off, as a check builds millions of objects without a
reference cycle. An edit builds a ruamel.yaml document for each file, and each one is full of
cycles: with the collector off, none was ever freed, and `record --table --create` of 10,000
new files took 470 MB (40,000 took 1.7 GB).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collecting() -> Iterator[None]:
    """The collector on for the block (and in worker processes forked in it), then as it was."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()
