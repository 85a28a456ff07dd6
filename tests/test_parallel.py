"""Worker processes that die or hang are noticed; their items are retried once, then recorded; order is kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmlint import Linter
from cmlint.parallel import ordered_map

MARKERS: dict[str, Path] = {}


def work(linter: Linter, item: str) -> str:
    """Doubles the item; ``kill`` always kills its worker, ``kill-once`` the first time only."""
    if item == "kill" or (item == "kill-once" and not MARKERS["once"].exists()):
        if item == "kill-once":
            MARKERS["once"].touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_dead_workers_are_replaced_and_their_items_retried(tmp_path: Path) -> None:
    MARKERS["once"] = tmp_path / "once"
    items = ["a", "b", "kill-once", "c", "kill", "d", *"efgh"]
    got = list(ordered_map(Linter(), work, items, 2, failure=lambda item, reason: f"failed:{item}", item_timeout=60))
    assert got == ["aa", "bb", "kill-oncekill-once", "cc", "failed:kill", "dd", "ee", "ff", "gg", "hh"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_kill_9_of_a_worker_during_jobs_2_ends_with_every_other_record(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    text = "Обязанности:\n" + "\n".join(f"- холодные звонки по базе {n}, выполнение плана продаж" for n in range(60))
    path.write_text("\n".join(json.dumps({"id": n, "title": "Комьюнити-менеджер", "text": text}, ensure_ascii=False) for n in range(400)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "cmlint", "check", str(path), "-f", "jsonl", "-o", str(out), "--jobs", "2"], stderr=subprocess.PIPE)
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and process.poll() is None:
        children = [int(p) for p in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()] if Path(f"/proc/{process.pid}/task/{process.pid}/children").exists() else []
        busy = [c for c in children if _cpu_ticks(c) > 50]  # a worker that has built its engine and is linting
        victim = busy[0] if busy else None
        time.sleep(0.2)
    assert victim is not None, "no busy worker found"
    os.kill(victim, signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [str(n) for n in range(400)]
    assert process.returncode in (1, 2) and b"Traceback" not in stderr
    assert sum(1 for r in records if r["report"] and "CM000" in [f["code"] for f in r["report"]["findings"]]) <= 8


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def test_workers_are_bounded_by_the_cpus() -> None:
    """``-j 100000`` forked hundreds of processes before reading a posting: workers stop at twice the CPUs (four
    may always be asked for), and there is always one."""
    from cmlint.parallel import usable_processes

    cpus = os.cpu_count() or 1
    assert usable_processes(100_000) == max(4, 2 * cpus)
    assert usable_processes(2) == 2 and usable_processes(0) == 1 and usable_processes(-3) == 1
