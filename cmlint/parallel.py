"""Ordered, streaming, bounded-memory map over worker processes.

Each worker builds its own :class:`~cmlint.linter.Linter` from the pickled
config once; items travel in chunks and results come back in input order.
The same worker function runs anywhere a picklable callable does (Dask,
Spark, a job queue).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar
from collections.abc import Callable, Iterable, Iterator

if TYPE_CHECKING:
    from cmlint.linter import Linter

In = TypeVar("In")
Out = TypeVar("Out")

_WORKER: Linter | None = None


def _init_worker(linter: Linter) -> None:
    """Build the worker's linter; Ctrl-C is the parent's to handle (it terminates the pool)."""
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = type(linter)(linter.config).prepare()


def _run_chunk(function: Callable[[Linter, Any], Any], chunk: list[Any]) -> list[Any]:
    assert _WORKER is not None
    return [function(_WORKER, item) for item in chunk]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def ordered_map(
    linter: Linter,
    function: Callable[[Linter, In], Out],
    items: Iterable[In],
    n_process: int,
    chunk_size: int = 32,
) -> Iterator[Out]:
    """Apply ``function(linter, item)`` in ``n_process`` processes, in input order.

    ``function`` must be a module-level function.  At most ``2 * n_process``
    chunks are in flight, so a stream of millions never sits in memory.
    """
    source = iter(items)
    with _context().Pool(n_process, initializer=_init_worker, initargs=(linter,)) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * n_process:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    break
                pending.append(pool.apply_async(_run_chunk, (function, chunk)))
            if not pending:
                return
            yield from pending.popleft().get()
