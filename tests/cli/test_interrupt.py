"""Signals held over a block (imports): raised at its end, never inside a library's code."""

from __future__ import annotations

import os
import signal

import pytest

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
