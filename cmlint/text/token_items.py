"""Token → item indexes: which list item of the structure each token of a doc belongs to (``-1``: none)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from itertools import repeat

from cmlint.text.segment import Item


def item_span(token_items: Sequence[int], inside: int) -> tuple[int, int]:
    """First and past-the-last token of the item that token ``inside`` belongs to."""
    item = token_items[inside]
    first = inside
    while first > 0 and token_items[first - 1] == item:
        first -= 1
    last = inside + 1
    while last < len(token_items) and token_items[last] == item:
        last += 1
    return first, last


def item_bounds(token_starts: Sequence[int], items: Sequence[Item]) -> dict[int, tuple[int, int]]:
    """Per item that holds a token, its first token and one past its last: the tokens whose start offset
    (``token_starts``, in order) falls inside it.  Two searches per item, not a step per token (items run in
    order and do not overlap)."""
    bounds: dict[int, tuple[int, int]] = {}
    first = 0
    for index, item in enumerate(items):
        first = bisect_left(token_starts, item.start, first)
        end = bisect_left(token_starts, item.end, first)
        if first < end:
            bounds[index] = (first, end)
    return bounds


def token_items(tokens: int, bounds: Mapping[int, tuple[int, int]]) -> tuple[int, ...]:
    """The item index of each of ``tokens`` tokens, -1 outside items, from :func:`item_bounds`."""
    found = [-1] * tokens
    for item, (first, end) in bounds.items():
        found[first:end] = repeat(item, end - first)
    return tuple(found)
