"""The out-of-fold measure: which postings a fold holds, and refusing a folder without models."""

from __future__ import annotations

from pathlib import Path

from cmlint.evaluate import LabeledRecord
from cmlint.text.normalize import normalize
from tools.out_of_fold import folds, in_fold, main, measure
from tools.train_occupations import fold_of


def test_the_folds_partition_the_postings_by_their_normalised_body() -> None:
    records = [
        LabeledRecord(id=f"r{n}", title="Водитель", text=f"Обязанности:\n- доставка  грузов № {n}") for n in range(60)
    ]
    parts = [in_fold(records, fold) for fold in range(folds())]
    assert sorted(r.id for part in parts for r in part) == sorted(r.id for r in records)
    for fold, part in enumerate(parts):
        assert all(fold_of(normalize(r.text).text, folds()) == fold for r in part)


def test_a_folder_without_models_is_refused(tmp_path: Path) -> None:
    assert main(["--fold", "0", "--models", str(tmp_path)]) == 2


def test_a_fold_is_measured_re_titled_with_its_top_two_suggestions() -> None:
    courier = "Обязанности:\n- доставка заказов клиентам по адресам\n- соблюдение сроков доставки\n- выдача заказов и приём оплаты"
    record = LabeledRecord(id="c1", title="Курьер", text=courier)
    result = measure([record], fold_of(normalize(courier).text, folds()), jobs=1)
    assert (result.postings, result.retitled_postings, result.retitled_flagged_share) == (1, 1, 1.0)
    assert (result.retitled_top2_share, result.retitled_wrong_suggestions) == (1.0, [])
