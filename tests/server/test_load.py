"""50 concurrent clients send 1 000 postings of our own over loopback: no errors, every answer the library's report."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from conftest import RunningServer

from cmlint import Linter
from cmlint.server.loadtest import compare, run_load

ROOT = Path(__file__).resolve().parents[2]


def _postings(count: int) -> list[dict]:
    """``count`` distinct postings from our corpora (each numbered, so none repeats)."""
    records = [json.loads(line) for path in sorted((ROOT / "corpora").rglob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        {"id": f"load-{i}", "title": record["title"], "text": f"{record['text']}\nНомер вакансии: {i}"}
        for i, record in ((i, records[i % len(records)]) for i in range(count))
    ]


def test_fifty_clients_thousand_postings(live_server: RunningServer, linter: Linter) -> None:
    postings = _postings(1000)
    result, answers = asyncio.run(run_load(live_server.url, postings, clients=50, timeout=60))
    assert not result.errors, result.errors[:5]
    assert len(result.latencies) == 1000
    compare(result, postings, answers, linter)
    assert not result.mismatches, result.mismatches[:5]
    print(result.summary())  # shown with pytest -s; the README number comes from real postings (python -m cmlint.server.loadtest)
