"""The out-of-fold measure: which postings a fold holds, and refusing a folder without models."""

from __future__ import annotations

from pathlib import Path

from cmlint.evaluate import LabeledRecord
from cmlint.text.normalize import normalize
from tools.out_of_fold import folds, in_fold, main
from tools.train_occupations import fold_of


def test_the_folds_partition_the_postings_by_their_normalised_body() -> None:
    records = [LabeledRecord(id=f"r{n}", title="Водитель", text=f"Обязанности:\n- доставка  грузов № {n}") for n in range(60)]
    parts = [in_fold(records, fold) for fold in range(folds())]
    assert sorted(r.id for part in parts for r in part) == sorted(r.id for r in records)
    for fold, part in enumerate(parts):
        assert all(fold_of(normalize(r.text).text, folds()) == fold for r in part)


def test_a_folder_without_models_is_refused(tmp_path: Path) -> None:
    assert main(["--fold", "0", "--models", str(tmp_path)]) == 2
