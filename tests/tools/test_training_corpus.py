"""corpora/training: our own postings of occupations the real training split holds few of."""

from __future__ import annotations

import json

from cmlint.engine.build import Engine
from tools.train_occupations import OWN_CORPUS, occupation_titles, training_files


def test_each_posting_is_labelled_by_its_title_as_its_occupation(engine: Engine) -> None:
    titles = occupation_titles(engine)
    records = [json.loads(line) for path in sorted(OWN_CORPUS.glob("*.jsonl")) for line in path.open(encoding="utf-8")]
    assert records, f"{OWN_CORPUS}: нет вакансий"
    wrong = [(r["id"], r["title"], titles.label(r["title"])) for r in records if titles.label(r["title"]) != r["occupation"]]
    assert wrong == []
    assert len({r["id"] for r in records}) == len(records) and len({r["text"] for r in records}) == len(records)


def test_the_trainer_reads_them_after_the_real_postings(tmp_path) -> None:
    data = tmp_path / "train.jsonl"
    assert training_files(data)[0] == data and all(p.parent == OWN_CORPUS for p in training_files(data)[1:])
