"""Ordered, streaming, bounded-memory map over worker processes that may die.

Each worker builds its own :class:`~cmlint.linter.Linter` from the pickled
config once.  Items travel one by one and results come back in input order
as soon as the head of the queue is done, so an interrupt keeps every
finished result.  A worker that dies (killed by a signal, the OOM killer)
or hangs past ``item_timeout`` is noticed, never waited on forever: the
pool is replaced and every unfinished item is retried once, alone, in a
fresh worker; an item that fails again becomes ``failure(item, reason)``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cmlint.russian import count

if TYPE_CHECKING:
    from cmlint.linter import Linter

In = TypeVar("In")
Out = TypeVar("Out")

log = logging.getLogger("cmlint")

#: Longest wait for one item before its worker is presumed hung (the linter's own time budget is far lower).
ITEM_TIMEOUT = 300.0
_WORKER: Linter | None = None


def usable_processes(requested: int) -> int:
    """How many worker processes to start for ``requested``: at least one, at most twice the CPUs (and no fewer
    than four may be asked for anywhere).  Linting is CPU-bound: more workers only fork and fill memory
    (``-j 100000`` started hundreds of processes before the first posting was read)."""
    return max(1, min(requested, max(4, 2 * (os.cpu_count() or 1))))


def _init_worker(linter: Linter) -> None:
    """Build the worker's linter; Ctrl-C is the parent's to handle."""
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = type(linter)(linter.config).prepare()


def _run(function: Callable[[Linter, Any], Any], item: Any) -> Any:
    assert _WORKER is not None
    return function(_WORKER, item)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@dataclass
class _Task(Generic[In, Out]):
    item: In
    future: Future[Out] | None
    result: Out | None = None
    done: bool = field(default=False)


class _Pool:
    """A process pool that can be thrown away and replaced."""

    def __init__(self, linter: Linter, size: int) -> None:
        self.linter = linter
        self.size = size
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.size, mp_context=_context(), initializer=_init_worker, initargs=(self.linter,))

    def submit(self, function: Callable[[Linter, Any], Any], item: Any) -> Future[Any]:
        return self.executor.submit(_run, function, item)

    def replace(self) -> None:
        self.close()
        self.executor = self._new()

    def close(self) -> None:
        """Stop now: cancel what has not started and end the worker processes."""
        processes = list(getattr(self.executor, "_processes", {}).values())  # no public way to stop running workers
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()


def ordered_map(
    linter: Linter,
    function: Callable[[Linter, In], Out],
    items: Iterable[In],
    n_process: int,
    failure: Callable[[In, str], Out],
    per_process: int = 4,
    item_timeout: float = ITEM_TIMEOUT,
) -> Iterator[Out]:
    """Apply ``function(linter, item)`` in ``n_process`` processes (:func:`usable_processes`), yielding in input
    order.

    ``function`` must be a module-level function.  At most ``per_process``
    items per process started are in flight, so a stream of millions never
    sits in memory.
    """
    source = iter(items)
    n_process = usable_processes(n_process)
    limit = per_process * n_process
    pool = _Pool(linter, n_process)
    pending: deque[_Task[In, Out]] = deque()
    try:
        while True:
            while len(pending) < limit:
                try:
                    item = next(source)
                except StopIteration:
                    break
                try:
                    future: Future[Out] | None = pool.submit(function, item)
                except BrokenProcessPool:  # a worker died since the last check: recovered below
                    future = None
                pending.append(_Task(item, future))
            if not pending:
                return
            head = pending[0]
            if not head.done and head.future is None:
                _recover(pool, function, pending, failure, "завершился аварийно (сигнал или нехватка памяти)", item_timeout)
            if not head.done:
                assert head.future is not None
                try:
                    head.result, head.done = head.future.result(timeout=item_timeout), True
                except (BrokenProcessPool, FutureTimeout) as error:
                    reason = "не ответил вовремя" if isinstance(error, FutureTimeout) else "завершился аварийно (сигнал или нехватка памяти)"
                    _recover(pool, function, pending, failure, reason, item_timeout)
                except Exception as error:  # the function itself failed: that item only
                    head.result, head.done = failure(head.item, f"{type(error).__name__}: {error}"), True
            pending.popleft()
            yield head.result  # type: ignore[misc]
    finally:
        pool.close()


def _recover(
    pool: _Pool,
    function: Callable[[Linter, In], Out],
    pending: deque[_Task[In, Out]],
    failure: Callable[[In, str], Out],
    reason: str,
    item_timeout: float,
) -> None:
    """After a worker died or hung: keep what finished, retry the rest once each, alone, in fresh workers."""
    suspects = []
    for task in pending:
        if task.done:
            continue
        future = task.future
        if future is not None and future.done() and not future.cancelled() and future.exception() is None:
            task.result, task.done = future.result(), True
        else:
            suspects.append(task)
    log.warning("cmlint: процесс-обработчик %s; заново проверяется: %s", reason, count(len(suspects), "вакансия", "вакансии", "вакансий"))
    pool.replace()
    for task in suspects:
        try:
            task.result = pool.submit(function, task.item).result(timeout=item_timeout)
        except (BrokenProcessPool, FutureTimeout) as error:
            again = "не ответил вовремя" if isinstance(error, FutureTimeout) else "завершился аварийно (сигнал или нехватка памяти)"
            task.result = failure(task.item, f"процесс-обработчик {again} на этой вакансии дважды")
            pool.replace()
        except Exception as error:  # the function itself failed: that item only
            task.result = failure(task.item, f"{type(error).__name__}: {error}")
        task.done, task.future = True, None
