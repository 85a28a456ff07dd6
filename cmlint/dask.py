"""Scaling out: lint records in Dask (or any engine that maps a function over partitions).

:func:`lint_records` is the partition function: it takes records (mappings
with ``text``/``description`` …, ``title``, ``id`` — the fields the CLI
reads) and returns one plain ``dict`` per record (the Report's JSON, ``id``
kept; a bad record gives a ``CM000`` report, never an exception).  The
:class:`~cmlint.linter.Linter` it uses is built once per worker process and
config (:func:`worker_linter`), not once per partition: partitions only carry
the picklable :class:`~cmlint.config.Config`.

    import dask.bag as db
    from cmlint.dask import lint_bag, to_jsonl

    if __name__ == "__main__":          # Dask's process workers import this file
        bag = db.read_text("postings-*.jsonl").map(json.loads)
        to_jsonl(lint_bag(bag), "reports-*.jsonl")

Spark runs the same function: ``rdd.mapPartitions(lambda rows: lint_records(r.asDict() for r in rows))``.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cmlint.config import Config
from cmlint.linter import Linter

if TYPE_CHECKING:
    import dask.bag

#: Linters built in this process: (process id, config) → how many times (should stay 1 per config).
BUILDS: dict[tuple[int, str], int] = {}
_LINTERS: dict[str, Linter] = {}
_LOCK = threading.Lock()


def _key(config: Config) -> str:
    return json.dumps([config.model_dump(mode="json"), config.base_dir], sort_keys=True, ensure_ascii=False)


def worker_linter(config: Config | None = None) -> Linter:
    """The linter for ``config`` in this process, built on first use and kept."""
    config = config or Config()
    key = _key(config)
    with _LOCK:  # a worker may run several threads
        linter = _LINTERS.get(key)
        if linter is None:
            linter = _LINTERS[key] = Linter(config).prepare()
            marker = (os.getpid(), key)
            BUILDS[marker] = BUILDS.get(marker, 0) + 1
    return linter


def lint_records(records: Iterable[Any], config: Config | None = None) -> list[dict[str, Any]]:
    """One report dict (JSON-ready, Cyrillic as is) per record, in order, ``id`` kept."""
    linter = worker_linter(config)
    return [report.model_dump(mode="json") for report in linter.lint_many(records)]


def lint_bag(bag: dask.bag.Bag, config: Config | None = None) -> dask.bag.Bag:
    """A bag of report dicts for a bag of records (see :func:`lint_records`)."""
    return bag.map_partitions(lint_records, config=config or Config())


def to_jsonl(reports: dask.bag.Bag, path: str, **kwargs: Any) -> Any:
    """Write report dicts as UTF-8 JSONL, one line per report, Cyrillic not escaped."""
    return reports.map(_line).to_textfiles(path, encoding="utf-8", last_endline=True, **kwargs)


def _line(report: Mapping[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False)


def builds() -> dict[int, int]:
    """Linters built in this process, by process id (for checking one build per worker)."""
    counts: dict[int, int] = {}
    for (pid, _), count in BUILDS.items():
        counts[pid] = counts.get(pid, 0) + count
    return counts
