"""Garbage collection for the commands that build document after document.

The command line turns the collector off, as a check builds millions of objects without a
reference cycle. An edit builds a ruamel.yaml document for each file, and a Word file read or
written is a python-docx document: each is full of cycles, and with the collector off none was
ever freed (`record --table --create` of 10,000 new files took 470 MB, `import` of 600 old
plans 1.6 GB).
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
