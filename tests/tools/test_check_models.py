"""tools/check_models.py: a card is compared with what a reading of the data and code gives."""

from __future__ import annotations

import json
from pathlib import Path

from cmlint.engine.build import Engine
from cmlint.occupations.model import ModelCard
from tools.check_models import Trainer, differences, reading
from tools.train_occupations import code_fingerprint, occupation_titles
from tools.training_reader import PostingReader

#: Invented postings of two occupations.
POSTINGS = [
    {"title": "Водитель категории C", "text": "Обязанности:\n- перевозить грузы по городу\n- следить за машиной"},
    {"title": "Бухгалтер", "text": "Обязанности:\n- вести первичную документацию\n- сдавать отчётность"},
    {"title": "Кто-то неясный", "text": "Обязанности:\n- делать всё подряд"},
]


def card(**fields: object) -> ModelCard:
    base: dict[str, object] = {
        "labels": ["accountant", "driver"],
        "features": 10,
        "code_fingerprint": "c",
        "data_fingerprint": "d",
        "label_fingerprint": "l",
        "reading_fingerprint": "r",
        "postings": 2,
        "lines": 4,
        "seed": 0,
        "parameters": {},
        "validation": {},
        "market_titles": {},
    }
    return ModelCard.model_validate({**base, **fields})


def test_a_card_that_matches_has_no_differences() -> None:
    found = {"code_fingerprint": "c", "data_fingerprint": "d", "labels": ["accountant", "driver"], "lines": 4}
    assert differences(card(), found) == []


def test_every_field_that_moved_is_named() -> None:
    found = {"code_fingerprint": "c", "label_fingerprint": "new", "postings": 3, "lines": 4}
    wrong = differences(card(), found)
    assert [(d.field, d.recorded, d.found) for d in wrong] == [("label_fingerprint", "l", "new"), ("postings", 2, 3)]
    assert str(wrong[1]) == "postings: в карточке 2, сейчас 3"


def test_a_reading_counts_the_labelled_postings_and_lines(engine: Engine, tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in POSTINGS) + "\n", encoding="utf-8")
    trainer = Trainer(
        "тест", "", occupation_titles(engine), [data], code_fingerprint(engine.taxonomy), 1, [data]
    )
    found = reading(trainer, PostingReader(engine.nlp))
    assert found["labels"] == ["accountant", "driver"]
    assert found["postings"] == 2
    assert found["lines"] == 4
    assert differences(card(**{k: found[k] for k in ("labels", "postings", "lines")}), found)[0].field in (
        "data_fingerprint",
        "code_fingerprint",
    )
