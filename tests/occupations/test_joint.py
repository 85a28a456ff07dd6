"""Both models read at once give each model's own probabilities, to the last bit."""

from __future__ import annotations

import numpy as np

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


OCCUPATIONS = model(["courier", "developer", "cook"], ["w:доставка", "w:код", "w:общий", "b:код_ревью"], 1)
HEAD = model(["sales", "support"], ["w:общий", "w:звонок", "w:код"], 2)
LINES = [
    ["w:доставка", "w:общий"],  # known to both
    ["w:звонок"],  # known to the head only
    ["w:доставка", "b:код_ревью"],  # known to the occupation model only
    ["w:незнакомое"],  # known to neither
    [],
    ["w:код", "w:незнакомое", "w:звонок", "w:общий"],
]


def test_each_model_reads_as_on_its_own() -> None:
    reading = JointModels(OCCUPATIONS, HEAD).predict(LINES)
    assert reading.head is not None
    assert np.array_equal(reading.occupations, OCCUPATIONS.predict(LINES))
    assert np.array_equal(reading.head, HEAD.predict(LINES))
    assert not reading.occupations[1].any() and not reading.head[2].any() and not reading.head[3].any()


def test_the_head_reads_only_the_lines_asked() -> None:
    asked = [True, False, True, True, False, True]
    reading = JointModels(OCCUPATIONS, HEAD).predict(LINES, asked)
    assert reading.head is not None
    assert np.array_equal(reading.head, HEAD.predict([line if ask else [] for line, ask in zip(LINES, asked, strict=True)]))


def test_without_a_head_only_the_occupations_are_read() -> None:
    reading = JointModels(OCCUPATIONS).predict(LINES)
    assert reading.head is None and np.array_equal(reading.occupations, OCCUPATIONS.predict(LINES))
    assert JointModels(OCCUPATIONS, HEAD).predict([]).occupations.shape == (0, 3)


def test_the_shipped_models_read_together_as_apart() -> None:
    occupations, head = shipped_model(), shipped_head()
    assert head is not None
    lines = [["w:доставка", "w:заказ", "b:доставка_заказ"], ["w:вести", "w:сообщество", "w:telegram"], ["w:ыыы"]]
    reading = JointModels(occupations, head).predict(lines)
    assert np.array_equal(reading.occupations, occupations.predict(lines))
    assert reading.head is not None and np.array_equal(reading.head, head.predict(lines))
