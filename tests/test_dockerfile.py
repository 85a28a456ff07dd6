"""The Dockerfile runs ``cmlint serve``: checked as text everywhere, built and run where Docker can build."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def test_dockerfile_runs_cmlint_serve_for_everyone() -> None:
    steps = _instructions()
    kinds = [kind for kind, _ in steps]
    arguments = dict(steps)
    assert arguments["FROM"].startswith("python:3.1")
    assert json.loads(arguments["ENTRYPOINT"]) == ["cmlint"]  # exec form: SIGTERM reaches the server
    command = json.loads(arguments["CMD"])
    assert command[:1] == ["serve"] and command[command.index("--host") + 1] == "0.0.0.0" and command[command.index("--port") + 1] == "8000"
    assert arguments["EXPOSE"] == "8000"
    assert "/healthz" in arguments["HEALTHCHECK"]
    assert arguments["USER"] not in ("root", "0")
    assert kinds.index("USER") > kinds.index("RUN")
    assert any(kind == "RUN" and "'.[web]'" in args for kind, args in steps)


def test_everything_the_dockerfile_copies_exists() -> None:
    for kind, arguments in _instructions():
        if kind == "COPY":
            *sources, _ = arguments.split()
            for source in sources:
                assert (ROOT / source).exists(), source
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".git" in ignored


def _docker_can_build() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _docker_can_build(), reason="no Docker engine here to build with")
def test_image_builds_and_serves(tmp_path: Path) -> None:
    tag = f"cmlint-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    container = subprocess.run(["docker", "run", "-d", "--rm", "-p", "127.0.0.1::8000", tag], check=True, capture_output=True, text=True).stdout.strip()
    try:
        port = subprocess.run(["docker", "port", container, "8000"], check=True, capture_output=True, text=True).stdout.split(":")[-1].strip()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    assert json.load(response)["status"] == "ok"
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        request = urllib.request.Request(
            f"{url}/v1/lint",
            data=json.dumps({"title": "Комьюнити-менеджер", "text": "Обязанности:\n- холодные звонки\n- план продаж\n- сделки в CRM"}).encode(),
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.load(response)["findings"][0]["code"] == "CM001"
    finally:
        subprocess.run(["docker", "stop", "-t", "30", container], capture_output=True, timeout=60, check=False)
        subprocess.run(["docker", "rmi", "-f", tag], capture_output=True, timeout=120, check=False)
