"""Which patterns a doc's words let through, found in one pass over the words with bit masks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import reduce
from operator import and_


class WordBits:
    """Patterns by the word sets they need, as bits (bit ``i``: the ``i``-th pattern).

    A pattern passes in a doc when each of its word sets has a word in the doc: one with no sets always passes, one
    with an empty set never.
    Per place in the patterns' lists of sets and per word, the bits of the patterns whose set at that place holds
    the word are kept: the bits the doc's words set at every place, ANDed over the places, are the passing patterns
    — one pass over the doc's words instead of every candidate pattern's sets tested in turn.
    """

    __slots__ = ("_by_word", "_open")

    def __init__(self, sets: Sequence[Sequence[frozenset[str]]]) -> None:
        places = max(map(len, sets), default=0)
        #: Per place, the bits of the patterns of each set there (patterns share sets: one mask per set, not per
        #: pattern), built by ORing each pattern's bit in (summing lists of indexes was twice as slow).
        masks: list[dict[frozenset[str], int]] = [{} for _ in range(places)]
        #: Per place, the patterns that have no set there: it lets them through.
        shorter = [0] * places
        for index, needed in enumerate(sets):
            bit = 1 << index
            for place, words in enumerate(needed):
                at = masks[place]
                at[words] = at.get(words, 0) | bit
            for place in range(len(needed), places):
                shorter[place] |= bit
        by_word: dict[str, dict[int, int]] = {}
        for place, at in enumerate(masks):
            for words, bits in at.items():
                for word in words:
                    found = by_word.get(word)
                    if found is None:
                        by_word[word] = {place: bits}
                    else:
                        found[place] = found.get(place, 0) | bits
        #: A word → (place, the bits of the patterns whose set there holds the word).
        self._by_word = {word: tuple(at.items()) for word, at in by_word.items()}
        #: Without places (no pattern needs a word) every pattern passes.
        self._open = shorter or [_bits(range(len(sets)))]

    def passing(self, words: set[str]) -> int:
        """The bits of the patterns each of whose sets has a word in ``words``."""
        found = self._open.copy()
        by_word = self._by_word
        for word in by_word.keys() & words:
            for place, bits in by_word[word]:
                found[place] |= bits
        return reduce(and_, found)


def indexes(bits: int) -> Iterator[int]:
    """The positions of the bits set in ``bits``, lowest first."""
    while bits:
        lowest = bits & -bits
        yield lowest.bit_length() - 1
        bits ^= lowest


def _bits(indexes: Iterable[int]) -> int:
    """The int with the bits ``indexes`` set."""
    return sum(1 << index for index in indexes)
