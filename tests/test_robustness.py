"""Batch robustness: interrupted runs keep finished records; memory stays flat."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmlint import Linter

SALES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_keeps_finished_jsonl_records(tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "many.jsonl"
    rows = [json.dumps({"id": i, "title": "Комьюнити-менеджер", "text": SALES + f"\n- пункт {i}"}, ensure_ascii=False) for i in range(20000)]
    source.write_text("\n".join(rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "cmlint", "check", str(source), "--format", "jsonl", "--output", str(out), "--jobs", jobs],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 50:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    text = out.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "", "the last record was cut in the middle"
    records = [json.loads(line) for line in lines[:-1]]
    assert len(records) >= 50
    assert [r["id"] for r in records] == [str(i) for i in range(len(records))]
    assert all(r["report"]["findings"][0]["code"] == "CM001" for r in records)


@pytest.mark.slow
def test_memory_stays_flat_over_100k_lints() -> None:
    """Our postings with a never-seen word and number in each: caches and spaCy's strings must stay bounded."""
    from cmlint.bench import corpus_texts

    linter = Linter().prepare()
    texts = corpus_texts()
    rng = random.Random(7)
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщыэюя"

    def lint(i: int) -> None:
        title, text = texts[i % len(texts)]
        unique = "".join(rng.choice(alphabet) for _ in range(8))
        linter.lint(f"{text}\n- {unique} {i}", title=title)

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    for i in range(20_000):
        lint(i)
    warmed = rss_mb()
    for i in range(20_000, 100_000):
        lint(i)
    assert rss_mb() - warmed < 60, f"peak RSS grew from {warmed:.0f} MB to {rss_mb():.0f} MB"
