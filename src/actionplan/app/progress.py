"""Progress on a terminal for long work: a bar on stderr, nothing when piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


@contextmanager
def progress(label: str, stream: TextIO | None = None) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on a terminal (stderr) for long work; silent when piped."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=stream), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            if total >= 200:
                bar.update(task, completed=done, total=total)

        yield tick
