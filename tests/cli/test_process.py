"""The cmlint process ends cleanly: Ctrl-C and SIGTERM at start-up and mid-batch, a closed stdout."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

POSTING = "Комьюнити-менеджер\n\nОбязанности:\n- холодные звонки по базе клиентов\n- ведение соцсетей и контент-план\n"
CMLINT = [sys.executable, "-m", "cmlint"]


def _interactive() -> None:
    """Run the child as a terminal would: a shell's background job (``… &``, as CI may run us) ignores SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=180)
    return process.returncode, stderr


#: The module that installs the signal handling: a signal before it has been imported meets the interpreter's own
#: start-up, which no program can answer (on a loaded machine that start-up alone can take longer than a delay).
_HANDLING = "cmlint.cli.process"
#: The lines ``python -X importtime`` writes to stderr, one per import.
_IMPORT_TIME = "import time:"


def _started(process: subprocess.Popen[str]) -> list[str]:
    """Read the child's stderr until the signal handling is imported; the lines read, import timings left out."""
    assert process.stderr is not None
    lines: list[str] = []
    for line in process.stderr:
        if line.startswith(_IMPORT_TIME):
            if line.rstrip().endswith(_HANDLING):
                return lines
        else:
            lines.append(line)
    return lines


@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("delay", [0.3, 2.0])
def test_a_signal_during_start_up_ends_with_one_line(number: int, code: int, delay: float) -> None:
    """Stopped while Python imports spaCy, while the engine is built or while stdin is awaited: one line, 128 + the signal.
    The delay counts from the import of the signal handling (``-X importtime`` tells when it is done)."""
    process = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "cmlint", "check", "-"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interactive,
    )  # stdin stays open: the run cannot end before the signal
    before = _started(process)
    time.sleep(delay)
    process.send_signal(number)
    returncode, rest = _wait(process)
    stderr = "".join(before) + "".join(line + "\n" for line in rest.splitlines() if not line.startswith(_IMPORT_TIME))
    assert returncode == code, stderr
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and stderr.startswith("cmlint: ")


def test_sigterm_mid_batch_keeps_every_finished_record(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"p{i}", "title": "Комьюнити-менеджер", "text": POSTING}, ensure_ascii=False) + "\n" for i in range(400)),
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*CMLINT, "check", str(source), "-f", "jsonl", "-o", str(output)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while not any(p.stat().st_size for p in tmp_path.glob(".out.jsonl.*.tmp")):
        assert process.poll() is None and time.monotonic() < deadline, "no record was written"
        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    returncode, stderr = _wait(process)
    assert returncode == 143
    assert "Traceback" not in stderr and len(stderr.splitlines()) == 1 and "SIGTERM" in stderr
    ids = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
    assert ids and ids == [f"p{i}" for i in range(len(ids))]
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))


@pytest.mark.parametrize("command", [["check", "{folder}", "-f", "jsonl"], ["rules", "--format", "markdown"]])
def test_a_closed_stdout_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    """``cmlint … | head -1``: the run stops without a word and with code 0, like ruff."""
    for i in range(40):
        (tmp_path / f"p{i}.txt").write_text(POSTING, encoding="utf-8")
    args = [part.format(folder=tmp_path) for part in command]
    process = subprocess.Popen([*CMLINT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read() if process.stderr else ""
    assert process.wait(timeout=180) == 0
    assert stderr == ""
