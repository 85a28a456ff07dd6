"""A run stopped by Ctrl-C or SIGTERM: one line on stderr and the exit code 128 + the signal's number.

SIGTERM is raised as :class:`Terminated`, a ``KeyboardInterrupt``, so every
clean-up written for Ctrl-C (closing the output over the finished records,
stopping the worker pool) runs for it too.
"""

from __future__ import annotations

import signal
import sys


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
