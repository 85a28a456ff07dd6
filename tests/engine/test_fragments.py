"""A short verbless line of the opening text reads as a listed requirement (:mod:`cmlint.engine.fragments`)."""

from __future__ import annotations

import pytest

from cmlint.engine.fragments import reads_as_listed
from cmlint.linter import Engine
from cmlint.models import Posting


def _reads(engine: Engine, text: str, word: str) -> bool:
    analyzed = engine.analyzer.analyze(Posting(text=text, title="Кладовщик"))
    body = analyzed.text
    start = next(token.i for token in body.doc if token.text == word)
    return reads_as_listed(body.doc, body.token_items, body.structure, start)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # A bare line describing the candidate, alone or among others.
        ("Аккуратный, непьющий\nСмены 2/2", "непьющий", True),
        ("Склад у метро\nВодительские права категории B\nОплата еженедельно", "права", True),
        # A sentence with a verb tells something, it is not a line of a list.
        ("Мы растём и открываем новый склад", "склад", False),
        # A long line is prose, however it is written.
        ("Крупный склад бытовой техники на юге города у кольцевой дороги", "техники", False),
        # Brackets after the job sought describe the candidate; the rest of the sentence does not read so.
        ("Требуется кладовщик (аккуратный, непьющий), график 5/2, склад у метро", "непьющий", True),
        ("Требуется кладовщик (аккуратный, непьющий), график 5/2, склад у метро", "склад", False),
        # A line under a heading keeps its own kind.
        ("Условия:\nоплата еженедельно", "оплата", False),
    ],
)
def test_reads_as_listed(engine: Engine, text: str, word: str, expected: bool) -> None:
    assert _reads(engine, text, word) is expected
