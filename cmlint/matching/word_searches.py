"""Which of a fixed set of regular expressions find something in a word, kept per word across docs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import cast


class WordSearches:
    """The regular expressions of one pattern set, one bit each, with every word's answer kept across docs:
    a posting's words are mostly words seen before, and a dict lookup is cheaper than running every expression.
    The set is fixed when it is made, so a kept answer is never read against other expressions.
    """

    #: Words whose masks are kept (then the table starts again).
    LIMIT = 100_000

    def __init__(self, regexes: Iterable[re.Pattern[str]] = ()) -> None:
        self.bits = {regex: 1 << index for index, regex in enumerate(dict.fromkeys(regexes))}
        self._masks: dict[str, int] = {}

    def mask_of(self, regexes: Iterable[re.Pattern[str]]) -> int:
        """The bits of ``regexes`` (each one of this set's)."""
        mask = 0
        for regex in regexes:
            mask |= self.bits[regex]
        return mask

    def masks(self, words: Sequence[str]) -> list[int]:
        """Per word, the bits of the expressions that find something in it."""
        known = self._masks
        masks = list(map(known.get, words))
        if None not in masks:  # the usual case: every word was answered before
            return cast("list[int]", masks)
        new = [word for word, mask in zip(words, masks, strict=True) if mask is None]
        if len(known) + len(new) > self.LIMIT:
            known.clear()
            new = list(words)
        for word in new:
            known[word] = sum(bit for regex, bit in self.bits.items() if regex.search(word))
        return list(map(known.__getitem__, words))
