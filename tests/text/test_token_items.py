"""Which item of a posting's structure each token belongs to, and each item's tokens."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from cmlint.text.normalize import normalize
from cmlint.text.segment import Item, segment
from cmlint.text.token_items import item_bounds, item_span, token_items

_SAMPLES = sorted((Path(__file__).parents[2] / "corpora" / "samples").iterdir())


def _item(start: int, end: int) -> Item:
    return Item(start, end, "duties", "duty")


# Tokens start at these offsets; items cover 5–15, 15–16 (no token starts there), 20–31 and 40–50.
STARTS = [0, 3, 5, 9, 14, 16, 20, 25, 30, 31, 35]
ITEMS = [_item(5, 15), _item(15, 16), _item(20, 31), _item(40, 50)]


def test_an_item_holds_the_tokens_that_start_inside_it() -> None:
    assert item_bounds(STARTS, ITEMS) == {0: (2, 5), 2: (6, 9)}


def test_tokens_outside_items_get_minus_one() -> None:
    bounds = item_bounds(STARTS, ITEMS)
    assert token_items(len(STARTS), bounds) == (-1, -1, 0, 0, 0, -1, 2, 2, 2, -1, -1)


def test_token_items_agree_with_the_items_offsets() -> None:
    found = token_items(len(STARTS), item_bounds(STARTS, ITEMS))
    for char, item in zip(STARTS, found, strict=True):
        inside = [i for i, it in enumerate(ITEMS) if it.start <= char < it.end]
        assert item == (inside[0] if inside else -1)


def test_no_items_or_no_tokens() -> None:
    assert item_bounds(STARTS, []) == {} and token_items(3, {}) == (-1, -1, -1)
    assert item_bounds([], ITEMS) == {}


def test_item_span_is_the_run_of_a_token_s_item() -> None:
    assert item_span(token_items(len(STARTS), item_bounds(STARTS, ITEMS)), 7) == (6, 9)


@pytest.mark.parametrize("path", _SAMPLES, ids=lambda path: path.name)
def test_every_offset_belongs_to_the_item_that_holds_it(path: Path) -> None:
    """The items are in order and apart, and a token starting at an offset belongs to the item that holds the
    offset (-1 outside items): every offset of a sample taken for a token's start; an item's tokens are those
    between its first and one past its last."""
    text = normalize(path.read_text(encoding="utf-8")).text
    items = segment(text, title_from_text=True).items
    assert items and all(item.end <= following.start for item, following in pairwise(items))
    starts = list(range(len(text) + 1))
    holding = [next((i for i, item in enumerate(items) if item.start <= char < item.end), -1) for char in starts]
    bounds = item_bounds(starts, items)
    assert token_items(len(starts), bounds) == tuple(holding)
    assert bounds == {
        index: (holding.index(index), len(holding) - holding[::-1].index(index))
        for index in range(len(items))
        if index in holding
    }
