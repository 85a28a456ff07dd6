"""tools/instructions.py: reading cachegrind's summary, and a clear stop without valgrind."""

from __future__ import annotations

import pytest

import tools.instructions as instructions


def test_executed_reads_the_summary_line() -> None:
    report = "==7746== Cachegrind, a high-precision tracing profiler\n==7746== \n==7746== I   refs:      17,127,664,223\n"
    assert instructions.executed(report) == 17_127_664_223


def test_executed_refuses_a_report_without_the_summary() -> None:
    with pytest.raises(ValueError, match="I refs"):
        instructions.executed("valgrind: command not found")


def test_per_posting_is_one_warm_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # A start-up of 1 000 instructions and 7 a posting per pass: the start-up cancels out.
    monkeypatch.setattr(instructions, "_run", lambda side, postings, passes: 1_000 + 7 * postings * passes)
    assert instructions.per_posting("cmlint", 10) == 7


def test_without_valgrind_it_says_so(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert instructions.main(["--side", "floor"]) == 2
    assert "valgrind" in capsys.readouterr().err
