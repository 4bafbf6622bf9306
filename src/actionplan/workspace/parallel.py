"""Work over many files, spread over the machine's cores when there is enough of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 400  # items; below this, starting worker processes costs more than it saves


def ordered_map(function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
    """`function` over `items`, results in order and as they come: in worker processes for
    large batches (so `function` and its arguments must pickle), else in this process."""
    workers = min(len(os.sched_getaffinity(0)), 8)
    if len(items) < PARALLEL_FROM or workers < 2:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # only large batches pay for its import

    chunk = max(20, len(items) // (workers * 16))
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(function, items, chunksize=chunk)
