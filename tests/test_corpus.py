"""Golden test over our own corpus: every record is valid, and CM001 scores stay high."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmlint import Linter
from cmlint.evaluate import evaluate_labeled, read_corpus
from cmlint.roles.taxonomy import ROLE_IDS

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "postings"


@pytest.fixture(scope="module")
def records():
    return read_corpus([CORPUS])


def test_corpus_is_large_and_valid(records) -> None:
    assert len(records) >= 150
    assert len({r.id for r in records}) == len(records)
    for record in records:
        assert record.confused is not None
        assert record.title_role in ROLE_IDS and record.actual_role in ROLE_IDS
        assert record.format in ("plain", "markdown", "html", "telegram")
        assert record.acceptable_titles


def test_cm001_scores(records, linter: Linter) -> None:
    result = evaluate_labeled(records, linter)
    assert result.cm001.f1 >= 0.9, result.model_dump_json(indent=1)
    assert result.top2_accuracy >= 0.85


def test_a_record_may_hold_a_line_separator(tmp_path: Path) -> None:
    file = tmp_path / "one.jsonl"
    file.write_text('{"id": "a", "title": "Курьер", "text": "Доставка\u2028заказов"}\n', encoding="utf-8")
    assert [r.text for r in read_corpus([file])] == ["Доставка\u2028заказов"]
