"""Which patterns a doc's words let through, found in one pass over the words with bit masks."""

from __future__ import annotations

from collections import defaultdict
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
        #: The patterns of each set at each place (patterns share sets: one mask per set, not per pattern).
        holders: dict[tuple[int, frozenset[str]], list[int]] = defaultdict(list)
        #: Per place, the patterns that have no set there: it lets them through.
        shorter: list[list[int]] = [[] for _ in range(places)]
        for index, needed in enumerate(sets):
            for place in range(places):
                if place < len(needed):
                    holders[place, needed[place]].append(index)
                else:
                    shorter[place].append(index)
        by_word: dict[str, dict[int, int]] = defaultdict(dict)
        for (place, words), indexes in holders.items():
            bits = _bits(indexes)
            for word in words:
                at = by_word[word]
                at[place] = at.get(place, 0) | bits
        #: A word → (place, the bits of the patterns whose set there holds the word).
        self._by_word = {word: tuple(at.items()) for word, at in by_word.items()}
        #: Without places (no pattern needs a word) every pattern passes.
        self._open = [_bits(indexes) for indexes in shorter] or [_bits(range(len(sets)))]

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
