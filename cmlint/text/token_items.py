"""Token → item indexes: which list item of the structure each token of a doc belongs to (``-1``: none)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

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
    """Per item that holds tokens, its first token and one past its last: the tokens (by their start offsets,
    ascending) that start inside it.  The items are in order and apart, so each one's tokens are a run found by two
    bisections (a dozen items, some hundred tokens)."""
    bounds: dict[int, tuple[int, int]] = {}
    for index, item in enumerate(items):
        first = bisect_left(token_starts, item.start)
        last = bisect_left(token_starts, item.end, first)
        if last > first:
            bounds[index] = (first, last)
    return bounds
