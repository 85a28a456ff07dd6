"""Signals held over a block (imports): raised at its end, never inside a library's code."""

from __future__ import annotations

import os
import signal

import pytest
import typer
from typer.core import TyperGroup

from cmlint.cli.app import app
from cmlint.cli.interrupt import Terminated, held


@pytest.mark.parametrize(("number", "error"), [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)])
def test_a_signal_inside_the_block_is_raised_at_its_end(number: int, error: type[BaseException]) -> None:
    before = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(Terminated()))
    reached = False
    try:
        with pytest.raises(error):
            with held():
                os.kill(os.getpid(), number)
                reached = True  # the block runs to its end
        assert reached
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGTERM, before)


def test_an_ignored_signal_stays_ignored() -> None:
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with held():
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def test_sigterm_while_the_arguments_are_read_ends_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typer turns a KeyboardInterrupt raised while it builds the context into a silent 130; SIGTERM there must
    end the run as anywhere else: one line and 143."""

    def stopped(*args: object, **kwargs: object) -> None:
        raise Terminated()

    monkeypatch.setattr(TyperGroup, "make_context", stopped)
    try:
        typer.main.get_command(app).make_context("cmlint", ["check", "-"])
    except typer.Exit as exit:
        assert exit.exit_code == 143
    except KeyboardInterrupt:
        pytest.fail("the signal reached typer, which ends the run with a silent 130")
    else:
        pytest.fail("the run went on")
    assert capsys.readouterr().err == "cmlint: остановлено сигналом SIGTERM\n"
