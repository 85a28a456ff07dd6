"""Token → item indexes: which list item of the structure each token of a doc belongs to (``-1``: none)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby


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


def item_bounds(token_items: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Per item, its first token and one past its last (``token_items`` runs item by item)."""
    bounds: dict[int, tuple[int, int]] = {}
    position = 0
    for item, run in groupby(token_items):
        size = len(list(run))
        if item >= 0:
            bounds[item] = (bounds[item][0] if item in bounds else position, position + size)
        position += size
    return bounds
