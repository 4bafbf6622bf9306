"""Work over many files, spread over the machine's cores when there is enough of it."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn, TypeVar

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


class Standby:
    """A process forked to get ready for work the caller is still finding: it imports `module`
    (for judging plan files, pydantic and the models: a tenth of a second) on another core
    while the caller goes on, then runs the one batch it is given (`map`), or ends unused
    (`close`). Made only where forking a running Python is sound (Linux); if the process
    fails in any way, `map` gives None and the caller does the work itself."""

    def __init__(self, module: str) -> None:
        to_child, self._to = os.pipe()
        self._from, from_child = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # pragma: no cover (the child ends with os._exit, uncounted)
            os.close(self._to)
            os.close(self._from)
            _serve(module, to_child, from_child)
        os.close(to_child)
        os.close(from_child)

    @staticmethod
    def available() -> bool:
        """Linux, two cores or more, and no other thread (a thread holding a lock as the
        process forks would leave the lock held in the child for ever)."""
        import threading

        return (
            sys.platform == "linux"
            and len(os.sched_getaffinity(0)) > 1
            and threading.active_count() == 1
        )

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R] | None:
        """`function` over `items` in the standby process, or None if it failed."""
        import pickle

        job, answer = os.fdopen(self._to, "wb"), os.fdopen(self._from, "rb")
        try:
            with job:
                job.write(pickle.dumps((function, list(items))))
            results: list[R] = pickle.loads(answer.read())
            return results
        except Exception:  # the process died or sent nothing whole: do the work here
            return None
        finally:
            answer.close()
            os.waitpid(self._pid, 0)

    def close(self) -> None:
        """End the process unused."""
        os.close(self._to)
        os.close(self._from)
        os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)


def _serve(module: str, job: int, answer: int) -> NoReturn:  # pragma: no cover
    """In the standby process: import, wait for the batch, answer, end without running any of
    the parent's exit handlers or flushing its buffers."""
    try:
        import importlib
        import pickle

        importlib.import_module(module)
        with os.fdopen(job, "rb") as source:
            function, items = pickle.loads(source.read())
        data = pickle.dumps([function(item) for item in items])
        with os.fdopen(answer, "wb") as sink:
            sink.write(data)
    finally:
        os._exit(0)
