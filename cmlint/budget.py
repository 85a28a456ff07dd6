"""A per-posting time budget: a runaway posting becomes a ``CM000`` record, the batch goes on.

:class:`Budget` is a deadline checked between stages (cooperative) and,
in the main thread of a process on POSIX, also enforced by ``SIGALRM``,
which interrupts pure-Python loops and regular expressions alike.  The
previous ``SIGALRM`` handler and timer are restored afterwards.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType, TracebackType


class BudgetExceeded(Exception):
    """The posting took longer than its time budget."""

    def __init__(self, seconds: float) -> None:
        written = f"{seconds:g}".replace(".", ",")  # a decimal comma: «0,5 с»
        super().__init__(f"проверка заняла больше {written} с (предел time-budget)")
        self.seconds = seconds


class Budget:
    """``with Budget(seconds): ...`` — raise :class:`BudgetExceeded` when time runs out (``None``: no limit)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.deadline = float("inf") if not seconds else time.monotonic() + seconds
        self._armed = False
        self._previous: object = None
        self.interrupted = False  # the alarm fired inside some stage (its state may be half updated)

    def check(self) -> None:
        """Raise if the deadline has passed (call between stages and inside long loops)."""
        if self.seconds and time.monotonic() > self.deadline:
            raise BudgetExceeded(self.seconds)

    def __enter__(self) -> Budget:
        if self.seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGALRM, self._alarm)
            if signal.getitimer(signal.ITIMER_REAL)[0] == 0:  # nobody else is timing this process
                signal.setitimer(signal.ITIMER_REAL, self.seconds)
                self._armed = True
            else:
                signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self._armed = False

    def _alarm(self, signum: int, frame: FrameType | None) -> None:
        assert self.seconds
        self.interrupted = True
        raise BudgetExceeded(self.seconds)
