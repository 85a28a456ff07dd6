"""The occupation model: predictions, saving and reading, and the shipped model being current."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
import spacy

from cmlint.config import ConfigError
from cmlint.linter import Linter
from cmlint.occupations.features import features, terms
from cmlint.occupations.model import DATA, MODELS_ENV, ModelCard, OccupationModel, models_folder, shipped_model
from cmlint.roles.learned import shipped_head
from cmlint.roles.taxonomy import load_taxonomy
from tools.train_occupations import code_fingerprint, default_data, main, occupation_titles, training_files
from tools.training_reader import (
    PostingReader,
    TitleLabels,
    data_fingerprint,
    label_fingerprint,
    probe_postings,
    read_labels,
    reading_fingerprint,
)

TRAINING_DATA = default_data()


@cache
def names() -> TitleLabels:
    return occupation_titles(Linter().engine)


def tiny() -> OccupationModel:
    card = ModelCard(
        labels=["courier", "developer"], features=2, code_fingerprint="x", data_fingerprint="y", label_fingerprint="z",
        reading_fingerprint="r", postings=2, lines=2, seed=0, parameters={}, validation={}, market_titles={},
    )
    weights = np.array([[2.0, -2.0], [-2.0, 2.0]], dtype=np.float32)
    return OccupationModel(card, ["w:доставка", "w:код"], weights, np.zeros(2, dtype=np.float32))


def test_predict_gives_a_distribution_per_line() -> None:
    rows = tiny().predict([["w:доставка"], ["w:код", "w:лишнее"], ["w:незнакомое"]])
    assert rows.shape == (3, 2)
    assert rows[0].argmax() == 0 and rows[1].argmax() == 1
    assert rows[0].sum() == pytest.approx(1.0) and not rows[2].any()  # no known feature: no reading


def test_saved_model_reads_back_the_same(tmp_path: Path) -> None:
    model = tiny()
    model.save(tmp_path / "new" / "folder")  # a trainer's --out that does not exist yet
    again = OccupationModel.read(tmp_path / "new" / "folder")
    assert again.card == model.card
    lines = [["w:доставка"], ["w:код"]]
    assert np.allclose(again.predict(lines), model.predict(lines), atol=1e-3)


def test_weights_must_fit_the_vocabulary() -> None:
    with pytest.raises(ValueError, match="не соответствуют"):
        OccupationModel(tiny().card, ["w:один"], np.zeros((2, 2), dtype=np.float32), np.zeros(2, dtype=np.float32))


def test_features_are_lemmas_and_neighbour_pairs() -> None:
    words = terms(["ведение", "первичный", "документация", "."], ["NOUN", "ADJ", "NOUN", "PUNCT"], 0, 4)
    assert features(words) == [
        "w:ведение", "w:первичный", "w:документация", "b:ведение_первичный", "b:первичный_документация",
    ]


def test_shipped_model_knows_only_taxonomy_roles() -> None:
    model = shipped_model()
    taxonomy = load_taxonomy()
    assert set(model.labels) <= set(taxonomy.roles)
    assert all(taxonomy.occupation_of(label) == label for label in model.labels)
    assert model.card.validation["top2"] >= 0.8


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Старший бухгалтер", "accountant"),
        ("Водитель-экспедитор", "driver"),
        ("Бухгалтер / кассир", None),  # two occupations teach nothing
        ("Менеджер", None),  # a broad name names none
        ("Инженер-программист", "developer"),  # the longer name, not the engineer in it
        ("Бугхалтер", None),  # no speller: a misspelt title teaches nothing
        ("Оператор колл-центра", "support"),  # a name shared with sales (``shared_titles``) does not count
    ],
)
def test_training_labels_come_from_title_patterns_only(title: str, label: str | None) -> None:
    assert names().label(title) == label


def test_shipped_model_was_trained_by_the_current_code() -> None:
    """Retrain after changing features, the model code, the trainer or title patterns:
    python -m tools.train_occupations"""
    assert shipped_model().card.code_fingerprint == code_fingerprint(load_taxonomy())


def test_shipped_model_reads_text_as_it_was_trained() -> None:
    """Retrain when normalisation, line splitting, the tokenizer, the lemmas or the line weights change what the
    probe posting reads as: python -m tools.train_occupations"""
    assert shipped_model().card.reading_fingerprint == reading_fingerprint(PostingReader(Linter().engine.nlp))


def test_reading_fingerprint_notices_other_lemmas() -> None:
    """The change the source fingerprint missed: the same code reading other lemmas (a pipeline without our
    morphology) gives another fingerprint, and the probe reads as lines of several kinds."""
    ours = PostingReader(Linter().engine.nlp)
    examples = [ours.example("probe", text) for text in probe_postings()]
    assert len(examples) >= 5 and all(example is not None and example.lines for example in examples)
    assert reading_fingerprint(ours) == reading_fingerprint(ours)
    assert reading_fingerprint(PostingReader(spacy.blank("ru"))) != reading_fingerprint(ours)


@pytest.mark.skipif(not TRAINING_DATA.exists(), reason="the training data is not on this machine")
def test_shipped_model_was_trained_on_the_current_data_and_labels() -> None:
    """The data file, and every title's label as the trainer reads it today (the matcher and morphology included)."""
    card = shipped_model().card
    files = training_files(TRAINING_DATA)
    assert card.data_fingerprint == data_fingerprint(files)
    assert card.label_fingerprint == label_fingerprint(read_labels(files, names()))


def test_trainer_names_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "нет.jsonl"
    assert main(["--data", str(missing), "--out", str(tmp_path)]) == 2
    assert f"нет файла с обучающими вакансиями {missing}" in capsys.readouterr().err


def test_neighbours_come_from_the_held_out_confusion() -> None:
    card = ModelCard(
        labels=["developer", "power_engineer", "accountant"], features=1, code_fingerprint="x", data_fingerprint="y",
        label_fingerprint="z", reading_fingerprint="r", postings=1, lines=1, seed=0, parameters={}, validation={}, market_titles={},
        confusion={"developer": {"postings": 40, "power_engineer": 6, "accountant": 1}, "accountant": {"postings": 9}},
    )
    assert card.neighbours(0.1, 3) == {"developer": {"power_engineer"}, "power_engineer": {"developer"}}
    assert card.neighbours(0.2, 3) == {}
    assert ModelCard.model_validate({**card.model_dump(), "confusion": {}}).neighbours(0.1, 3) == {}


def test_duty_only_word_groups_change_no_training_label() -> None:
    """Duty vocabulary grows without retraining: ``duty_macros`` stay out of the code fingerprint, and a
    name may not be both a shared and a duty-only macro."""
    taxonomy = load_taxonomy()
    grown = taxonomy.model_copy(update={"duty_macros": {**taxonomy.duty_macros, "EXTRA": "сосед|житель"}})
    assert code_fingerprint(grown) == code_fingerprint(taxonomy)
    assert grown.phrase_macros["EXTRA"] == "сосед|житель"
    with pytest.raises(ValueError, match="уже есть в macros"):
        type(taxonomy).model_validate({**taxonomy.model_dump(), "duty_macros": {"MEMBER": "сосед"}})


def test_models_are_read_from_the_folder_the_environment_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert models_folder() == resources.files(DATA)
    tiny().save(tmp_path)
    monkeypatch.setenv(MODELS_ENV, str(tmp_path))
    assert OccupationModel.read(models_folder()).labels == ("courier", "developer")


@pytest.fixture
def fresh_models() -> Iterator[None]:
    """The models read again from wherever the environment points, before and after the test."""
    shipped_model.cache_clear()
    shipped_head.cache_clear()
    yield
    shipped_model.cache_clear()
    shipped_head.cache_clear()


@pytest.mark.parametrize("with_occupations", [False, True])
def test_a_models_folder_without_the_models_is_an_error_that_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_models: None, with_occupations: bool
) -> None:
    """An empty folder, or one without the fine-role head, is refused with the missing file named — not linted
    with fewer models."""
    if with_occupations:
        tiny().save(tmp_path)
    monkeypatch.setenv(MODELS_ENV, str(tmp_path))
    missing = tmp_path / ("fine_roles/model.json" if with_occupations else "model.json")
    with pytest.raises(ConfigError, match=f"модели не прочитаны из {tmp_path}: нет файла {missing}"):
        Linter().prepare()
