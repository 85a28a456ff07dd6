"""A bounded load test of a running server: concurrent clients, latency percentiles, answers checked.

``python -m cmlint.server.loadtest POSTINGS.jsonl`` starts ``cmlint serve``
on a free port, sends every posting from ``clients`` concurrent clients to
``POST /v1/lint``, compares each answer with the library's report for the
same posting and prints the latencies.  Everything is bounded: a timeout
per request and for the whole run, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from cmlint.linter import Linter
from cmlint.models import Posting
from cmlint.russian import decimal


@dataclass
class LoadResult:
    """What a load run saw: per-request latencies (seconds), failures, answers that differ from the library."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mismatches: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)] if ordered else math.nan

    def summary(self) -> str:
        count = len(self.latencies)
        return (
            f"запросов: {count}, ошибок: {len(self.errors)}, расхождений с библиотекой: {len(self.mismatches)}; "
            f"задержка p50 {self.percentile(0.5) * 1000:.0f} мс, p95 {self.percentile(0.95) * 1000:.0f} мс, "
            f"p99 {self.percentile(0.99) * 1000:.0f} мс, макс. {max(self.latencies, default=0) * 1000:.0f} мс; "
            f"{decimal(count / self.seconds, 1)} вакансии в секунду за {decimal(self.seconds, 1)} с"
        )


async def run_load(
    url: str, postings: Sequence[dict[str, Any]], clients: int, timeout: float = 120.0
) -> tuple[LoadResult, list[Any]]:
    """Send every posting once from ``clients`` concurrent clients; the answers in input order."""
    result = LoadResult()
    answers: list[Any] = [None] * len(postings)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(postings)):
        queue.put_nowait(index)

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            index = queue.get_nowait()
            started = time.perf_counter()
            try:
                response = await http.post(f"{url}/v1/lint", json=postings[index])
            except httpx.HTTPError as error:
                result.errors.append(f"{index}: {type(error).__name__}")
                continue
            result.latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                result.errors.append(f"{index}: HTTP {response.status_code}")
            answers[index] = response.json()

    started = time.perf_counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as http:
        await asyncio.wait_for(asyncio.gather(*(client(http) for _ in range(clients))), timeout=timeout * 10)
    result.seconds = time.perf_counter() - started
    return result, answers


def compare(result: LoadResult, postings: Sequence[dict[str, Any]], answers: Sequence[Any], linter: Linter) -> None:
    """Record every answer that is not exactly the library's report for the same posting (linted in 2 processes)."""
    expected = linter.lint_many((Posting.model_validate(p) for p in postings), n_process=2)
    for index, (answer, report) in enumerate(zip(answers, expected, strict=True)):
        if answer != report.model_dump(mode="json"):
            result.mismatches.append(index)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _read(path: Path, limit: int) -> list[dict[str, Any]]:
    postings: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and len(postings) < limit:
            record = json.loads(line)
            postings.append(
                {
                    "id": str(record.get("id") or f"{path.name}:{number}"),
                    "title": record.get("title"),
                    "text": record.get("text") or record.get("description") or "",
                }
            )
    return postings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Нагрузочная проверка cmlint serve")
    parser.add_argument("postings", nargs="+", type=Path, help="JSONL с полями title и text")
    parser.add_argument("-n", type=int, default=1000, help="сколько вакансий отправить")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    postings: list[dict[str, Any]] = []
    for path in args.postings:
        postings += _read(path, args.n - len(postings))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cmlint", "serve", "--port", str(port), "--workers", str(args.workers)],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        result, answers = asyncio.run(run_load(url, postings, args.clients))
    finally:
        server.terminate()
        server.wait(60)
    compare(result, postings, answers, Linter())
    print(f"{len(postings)} вакансий, {args.clients} клиентов, {args.workers} обработчика: {result.summary()}")
    return 1 if result.errors or result.mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
