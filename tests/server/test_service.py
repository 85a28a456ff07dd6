"""``cmlint serve`` as a service: the time budget, dead workers, SIGTERM, the command itself."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import RunningServer
from server_samples import SALES_TEXT, TITLE
from typer.testing import CliRunner

from cmlint.cli.app import app
from cmlint.config import Config
from cmlint.server.pool import Worker, WorkerPool

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "postings"


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (started by any of its threads)."""
    return [int(child) for task in Path(f"/proc/{pid}/task").glob("*") for child in (task / "children").read_text().split()]


def _workers(pid: int) -> list[int]:
    """The lint worker processes of server ``pid``."""
    return [child for child in _children(pid) if "spawn_main" in Path(f"/proc/{child}/cmdline").read_text()]


def _gone(pid: int, wait: float = 10.0) -> bool:
    """Whether process ``pid`` has ended (a zombie counts) within ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat")
        if not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return True
        time.sleep(0.1)
    return False


def _huge_posting() -> str:
    texts = [json.loads(line)["text"] for line in (CORPUS / "confused.jsonl").read_text(encoding="utf-8").splitlines()]
    return ("\n".join(texts) * 4)[:199_000]


@pytest.fixture(scope="module")
def budget_server():
    # The huge posting takes about a second to lint here: a budget of a fraction of that cuts it on any machine,
    # and the ordinary postings take a few milliseconds.
    server = RunningServer("--workers", "2", "--time-budget", "0.25")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_a_slow_posting_costs_only_itself(budget_server: RunningServer) -> None:
    url = budget_server.url
    slow: dict = {}
    thread = threading.Thread(target=lambda: slow.update(httpx.post(f"{url}/v1/lint", json={"text": _huge_posting(), "title": TITLE}, timeout=60).json()))
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    for _ in range(5):
        report = httpx.post(f"{url}/v1/lint", json={"text": SALES_TEXT, "title": TITLE}, timeout=30).json()
        assert report["findings"][0]["code"] == "CM001"
    assert time.monotonic() - started < 5  # served by the other worker meanwhile
    thread.join(60)
    assert [f["code"] for f in slow["findings"]] == ["CM000"]
    assert "больше 0,25 с" in slow["findings"][0]["message"] and slow["verdict"] == "needs-fixes"
    assert httpx.get(f"{url}/healthz").json()["workers"] == 2


def test_a_worker_far_over_the_budget_is_replaced() -> None:
    """The backstop: a job the library could not stop (here: no time budget at all) is cut at ``kill_after``."""
    context = multiprocessing.get_context("spawn")
    worker = Worker(context, Config(time_budget=None))
    try:
        worker.wait_ready()
        first = worker.ready
        answer = worker.call(("lint", {"posting": {"text": _huge_posting(), "title": TITLE}}), timeout=0.5)
        assert answer == "проверка не уложилась в 0.5 с, обработчик остановлен"
        assert worker.alive and worker.ready == first  # a fresh worker took its place
        status, body = worker.call(("lint", {"posting": {"text": SALES_TEXT, "title": TITLE}}), timeout=60)
        assert status == 200 and json.loads(body)["findings"][0]["code"] == "CM001"
    finally:
        worker.stop()
    assert WorkerPool(1, Config(time_budget=3)).kill_after == 11


def test_a_killed_worker_is_replaced(budget_server: RunningServer) -> None:
    workers = _workers(budget_server.process.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    time.sleep(0.5)
    for _ in range(4):
        report = httpx.post(f"{budget_server.url}/v1/lint", json={"text": SALES_TEXT, "title": TITLE}, timeout=60).json()
        assert report["findings"][0]["code"] == "CM001"
    assert httpx.get(f"{budget_server.url}/healthz").json()["workers"] == 2


def test_sigterm_finishes_running_requests_then_stops() -> None:
    server = RunningServer("--workers", "1")
    server.wait_ready()
    workers = _workers(server.process.pid)
    assert workers
    batch = "\n".join(json.dumps({"id": i, "title": TITLE, "text": SALES_TEXT}, ensure_ascii=False) for i in range(40))
    lines: list[str] = []
    streaming = threading.Event()

    def send() -> None:
        with httpx.stream("POST", f"{server.url}/v1/lint/batch", content=batch.encode(), timeout=60) as response:
            for line in response.iter_lines():
                lines.append(line)
                streaming.set()

    thread = threading.Thread(target=send)
    thread.start()
    assert streaming.wait(60), "the batch never started"
    server.process.send_signal(signal.SIGTERM)
    thread.join(60)
    assert server.process.wait(60) == 0
    assert len(lines) == 40 and all(json.loads(line)["report"] for line in lines)  # the running batch was finished
    assert all(_gone(pid) for pid in workers)
    log = server.log.read_text()
    assert "готово" in log and "остановлен" in log and "Traceback" not in log
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/healthz", timeout=2)
    server.stop()


def test_serve_help_is_russian() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--workers" in result.stdout and "Процессов-обработчиков" in result.stdout


def test_serve_without_the_web_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2 and "pip install 'cmlint[web]'" in result.stderr


def test_serve_with_a_broken_config(tmp_path: Path) -> None:
    config = tmp_path / "cmlint.toml"
    config.write_text("select = 5\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--config", str(config)])
    assert result.exit_code == 2 and "cmlint.toml" in result.stderr
