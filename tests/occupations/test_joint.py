"""Both models read at once give each model's own probabilities of a line's features, to the last bit."""

from __future__ import annotations

import numpy as np

from cmlint.occupations.features import features
from cmlint.occupations.joint import JointModels
from cmlint.occupations.model import ModelCard, OccupationModel, shipped_model
from cmlint.roles.learned import shipped_head


def model(labels: list[str], vocabulary: list[str], seed: int) -> OccupationModel:
    card = ModelCard(
        labels=labels, features=len(vocabulary), code_fingerprint="x", data_fingerprint="y", label_fingerprint="z",
        postings=1, lines=1, seed=seed, parameters={}, validation={}, market_titles={},
    )
    random = np.random.default_rng(seed)
    weights = random.normal(size=(len(vocabulary), len(labels))).astype(np.float32)
    return OccupationModel(card, vocabulary, weights, random.normal(size=len(labels)).astype(np.float32))


OCCUPATIONS = model(
    ["courier", "developer", "cook"], ["w:доставка", "w:код", "w:общий", "b:код_ревью", "b:x_y_z", "w:z"], 1
)
HEAD = model(["sales", "support"], ["w:общий", "w:звонок", "b:звонок_код"], 2)
#: Lines of content words; each model reads their features.
LINES = [
    ["доставка", "общий"],  # known to both
    ["звонок"],  # known to the head only
    ["доставка", "код", "ревью"],  # a pair known to the occupation model only
    ["незнакомое"],  # known to neither
    [],
    ["код", "незнакомое", "звонок", "код", "общий"],  # a word twice
    ["код", "код", "ревью", "код", "ревью", "незнакомое", "другое"],  # a word and a pair again, two unknown words
    ["x_y", "z", "x", "y_z"],  # two pairs that make one feature
    ["звонок", "код", "звонок", "код"],
]
FEATURES = [features(words) for words in LINES]


def test_each_model_reads_as_on_its_own() -> None:
    reading = JointModels(OCCUPATIONS, HEAD).predict(LINES)
    assert reading.head is not None
    assert np.array_equal(reading.occupations, OCCUPATIONS.predict(FEATURES))
    assert np.array_equal(reading.head, HEAD.predict(FEATURES))
    assert not reading.occupations[1].any() and not reading.head[2].any() and not reading.head[3].any()


def test_words_read_again_come_from_the_caches_with_the_same_result() -> None:
    models = JointModels(OCCUPATIONS, HEAD)
    first = models.predict(LINES)
    again = models.predict(LINES[::-1])
    assert np.array_equal(again.occupations, first.occupations[::-1])


def test_the_head_reads_only_the_lines_asked() -> None:
    asked = [True, False, True, True, False, True, False, True, True]
    reading = JointModels(OCCUPATIONS, HEAD).predict(LINES, asked)
    assert reading.head is not None
    expected = HEAD.predict([line if ask else [] for line, ask in zip(FEATURES, asked, strict=True)])
    assert np.array_equal(reading.head, expected)


def test_without_a_head_only_the_occupations_are_read() -> None:
    reading = JointModels(OCCUPATIONS).predict(LINES)
    assert reading.head is None and np.array_equal(reading.occupations, OCCUPATIONS.predict(FEATURES))
    assert JointModels(OCCUPATIONS, HEAD).predict([]).occupations.shape == (0, 3)


def test_the_shipped_models_read_together_as_apart() -> None:
    occupations, head = shipped_model(), shipped_head()
    assert head is not None
    lines = [["доставка", "заказ", "доставка"], ["вести", "сообщество", "telegram"], ["ыыы"]]
    reading = JointModels(occupations, head).predict(lines)
    expected = [features(words) for words in lines]
    assert np.array_equal(reading.occupations, occupations.predict(expected))
    assert reading.head is not None and np.array_equal(reading.head, head.predict(expected))
