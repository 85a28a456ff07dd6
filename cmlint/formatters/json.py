"""JSON (one document) and JSONL (one line per input posting, errors included)."""

from __future__ import annotations

import json

from cmlint.formatters.base import Formatter
from cmlint.models import LintResult, Posting


def dump(result: LintResult) -> str:
    """Deterministic compact JSON of one result."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, sort_keys=False, separators=(",", ":"))


class JsonlFormatter(Formatter):
    """Exactly one line per input, flushed as it is written."""

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        self.stream.write(dump(result) + "\n")
        self.stream.flush()


class JsonFormatter(Formatter):
    """A JSON array of results, streamed element by element."""

    def start(self) -> None:
        self.stream.write("[")
        self._first = True

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        self.stream.write(("\n  " if self._first else ",\n  ") + dump(result))
        self._first = False

    def finish(self) -> None:
        self.stream.write("\n]\n" if not self._first else "]\n")
