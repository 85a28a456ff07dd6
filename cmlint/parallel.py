"""Linting across processes, streaming, in input order, with bounded memory."""

from __future__ import annotations

import multiprocessing
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from cmlint.config import Config
from cmlint.models import Posting, Report

_WORKER = None


def _init_worker(config: Config) -> None:
    global _WORKER
    from cmlint.linter import Linter

    _WORKER = Linter(config).prepare()


def _lint_chunk(chunk: list[Posting]) -> list[Report]:
    assert _WORKER is not None
    return [_WORKER.lint_posting(posting) for posting in chunk]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def parallel_map(config: Config, postings: Iterable[Posting], n_process: int, chunk_size: int = 64) -> Iterator[Report]:
    """Lint ``postings`` in ``n_process`` worker processes.

    At most ``2 * n_process`` chunks are in flight, so a stream of millions
    of postings never sits in memory at once; results keep input order.
    """
    source = iter(postings)
    with _context().Pool(n_process, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * n_process:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    break
                pending.append(pool.apply_async(_lint_chunk, (chunk,)))
            if not pending:
                return
            yield from pending.popleft().get()
