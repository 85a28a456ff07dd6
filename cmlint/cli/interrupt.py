"""A run stopped by Ctrl-C or SIGTERM: one line on stderr and the exit code 128 + the signal's number.

SIGTERM is raised as :class:`Terminated`, a ``KeyboardInterrupt``, so every
clean-up written for Ctrl-C (closing the output over the finished records,
stopping the worker pool) runs for it too.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be."""


def interrupted(error: KeyboardInterrupt, outcome: str = "") -> int:
    """Say on stderr that the run was stopped (and ``outcome``); the exit code, 130 or 143."""
    terminated = isinstance(error, Terminated)
    reason = "остановлено сигналом SIGTERM" if terminated else "прервано (Ctrl-C)"
    say(f"cmlint: {reason}" + (f"; {outcome}" if outcome else ""))
    return 128 + (signal.SIGTERM if terminated else signal.SIGINT)


def say(line: str) -> None:
    """One line on stderr, if stderr is still there."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # stderr is closed too


@contextmanager
def held() -> Iterator[None]:
    """Ctrl-C and SIGTERM that arrive inside the block are raised at its end, not inside it.

    For imports: a ``KeyboardInterrupt`` raised in the middle of a library's import can come out as that
    library's own error (pydantic-core wraps it in a ``SchemaError``) or be printed from a callback, so the
    promised one line would become a traceback.  A signal the process ignores (a shell's background job
    ignores SIGINT) stays ignored.
    """
    caught: list[int] = []

    def hold(number: int, frame: FrameType | None) -> None:
        caught.append(number)

    previous: dict[int, object] = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, hold)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if caught:
        raise Terminated() if caught[0] == signal.SIGTERM else KeyboardInterrupt()
