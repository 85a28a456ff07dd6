"""A bounded memo: answers derived in this process, kept by their key, that start again when full.

For results that are cheap to keep and costly to work out again (a title inflected into a case, a word's noun
grammar, a misspelt word's correction): the same few keys come back over a stream of postings, and the memo never
grows past its size whatever the stream holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


class BoundedMemo(Generic[_Key, _Value]):
    """Answers by key, worked out on a miss; all are dropped when ``size`` are kept (no eviction order to track)."""

    __slots__ = ("_answers", "_size")

    def __init__(self, size: int) -> None:
        self._answers: dict[_Key, _Value] = {}
        self._size = size

    def get(self, key: _Key, work: Callable[[], _Value]) -> _Value:
        """The answer kept for ``key``, else ``work()``, kept."""
        answers = self._answers
        if key in answers:
            return answers[key]
        if len(answers) >= self._size:
            answers.clear()
        answer = answers[key] = work()
        return answer

    def kept(self) -> dict[_Key, _Value]:
        """A copy of what is kept now."""
        return dict(self._answers)

    def __len__(self) -> int:
        return len(self._answers)
