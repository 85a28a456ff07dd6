"""Which item each token of the body belongs to, and each item's tokens."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from cmlint.analysis.text import token_items
from cmlint.text.normalize import normalize
from cmlint.text.segment import segment
from cmlint.text.token_items import item_bounds

_SAMPLES = sorted((Path(__file__).parents[2] / "corpora" / "samples").iterdir())


@pytest.mark.parametrize("path", _SAMPLES, ids=lambda path: path.name)
def test_every_offset_belongs_to_the_item_that_holds_it(path: Path) -> None:
    """The items are in order and apart, and a token starting at an offset belongs to the item that holds the
    offset (-1 outside items): every offset of a sample taken for a token's start; an item's tokens are those
    between its first and one past its last."""
    text = normalize(path.read_text(encoding="utf-8")).text
    structure = segment(text, title_from_text=True)
    items = structure.items
    assert items and all(item.end <= following.start for item, following in pairwise(items))
    starts = list(range(len(text) + 1))
    holding = [next((i for i, item in enumerate(items) if item.start <= char < item.end), -1) for char in starts]
    assert token_items(starts, structure) == tuple(holding)
    assert item_bounds(starts, items) == {
        index: (holding.index(index), len(holding) - holding[::-1].index(index))
        for index in range(len(items))
        if index in holding
    }
