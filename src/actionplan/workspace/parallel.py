"""Work over many files, spread over the machine's cores when there is enough of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items from which worker processes pay for their start (about 10 ms for two on Linux, where
# they are forked) when each item takes about 0.2 ms, as parsing a plan file does. Callers with
# heavier items give their own measured figure.
PARALLEL_FROM = 400


def ordered_map(
    function: Callable[[T], R], items: Sequence[T], parallel_from: int | None = None
) -> Iterator[R]:
    """`function` over `items`, results in order and as they come: in worker processes for
    batches of `parallel_from` items or more (so `function` and its arguments must pickle),
    else in this process."""
    workers = min(len(os.sched_getaffinity(0)), 8)
    if len(items) < (PARALLEL_FROM if parallel_from is None else parallel_from) or workers < 2:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # only large batches pay for its import

    # Sixteen chunks a worker: few enough to cost little, enough to share out slow items evenly.
    chunk = max(1, len(items) // (workers * 16))
    with ProcessPoolExecutor(workers, initializer=_exit_with, initargs=(os.getpid(),)) as pool:
        yield from pool.map(function, items, chunksize=chunk)


def _exit_with(parent: int) -> None:
    """In each worker: end when the command that started it ends. A command killed mid-batch
    (Ctrl-C, a CI timeout) must not leave workers waiting for work that never comes."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
