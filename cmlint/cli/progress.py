"""A progress line on stderr for long batches, only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts postings; redraws at most ten times a second after the first half second."""

    def __init__(self, total_files: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total_files = total_files
        self.files = 0
        self.postings = 0
        self.findings = 0
        self.errors = 0
        self._started = time.monotonic()
        self._drawn = 0.0
        self._visible = False
        self._last_source: str | None = None

    def update(self, source: str, findings: int, error: bool) -> None:
        if source != self._last_source:
            self.files += 1
            self._last_source = source
        self.postings += 1
        self.findings += findings
        self.errors += int(error)
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._started < 0.5 or now - self._drawn < 0.1:
            return
        self._drawn = now
        rate = self.postings / max(now - self._started, 1e-9)
        counts = f"вакансий {self.postings} · {rate:,.0f}/с · замечаний {self.findings} · ошибок {self.errors}"
        if self.total_files > 1:
            width = 24
            filled = int(width * min(self.files, self.total_files) / self.total_files)
            bar = "█" * filled + "░" * (width - filled)
            line = f"\r{bar} файлы {min(self.files, self.total_files)}/{self.total_files} · {counts}"
        else:  # one record file: how far it is cannot be known cheaply, so counts only
            line = f"\r{counts}"
        self.stream.write(line.replace(",", " ") + "\x1b[K")
        self.stream.flush()
        self._visible = True

    def close(self) -> None:
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
