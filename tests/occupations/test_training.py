"""The trainer's optimiser: segment sums, and the mean of several runs that makes a retrain stable."""

from __future__ import annotations

import hashlib

import numpy as np

from tools.train_occupations import Parameters, _add_rows, design, fit, fold_of, held_out, train
from tools.training_reader import Example


def invented(lines: int, seed: int) -> tuple[list[Example], list[str]]:
    """Lines of three invented occupations: a few common words each, and many rare words shared by chance."""
    rng = np.random.default_rng(seed)
    labels = ["водитель", "повар", "сварщик"]
    examples = []
    for number in range(lines):
        label = number % 3
        common = [f"w:{labels[label]}{k}" for k in rng.choice(4, 2, replace=False)]
        rare = [f"w:редкое{k}" for k in rng.choice(150, 3, replace=False)]
        examples.append(Example(labels[label], [(common + rare, 1.0, True)], f"вакансия {number}"))
    return examples, labels


def probabilities(vocabulary: list[str], w: np.ndarray, b: np.ndarray, lines: list[list[str]]) -> np.ndarray:
    index = {feature: row for row, feature in enumerate(vocabulary)}
    scores = np.array([w[[index[f] for f in line if f in index]].sum(axis=0) for line in lines]) + b
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    return scores / scores.sum(axis=1, keepdims=True)


def test_add_rows_sums_repeated_rows() -> None:
    table, expected = np.zeros((4, 2)), np.zeros((4, 2))
    indices, values = np.array([2, 0, 2, 3, 2]), np.arange(10.0).reshape(5, 2)
    _add_rows(table, indices, values)
    np.add.at(expected, indices, values)
    assert np.array_equal(table, expected)


def test_the_model_is_the_mean_of_its_runs() -> None:
    examples, labels = invented(90, 1)
    parameters = Parameters(seeds=3, prune=0.0, epochs=2, batch=16)
    vocabulary, w, b = train(examples, labels, parameters, seed=5)
    lines = design(examples, labels, parameters)
    runs = [fit(lines, parameters, seed) for seed in (5, 6, 7)]
    assert vocabulary == lines.vocabulary
    assert np.allclose(w, np.mean([run[0] for run in runs], axis=0), atol=1e-6)
    assert np.allclose(b, np.mean([run[1] for run in runs], axis=0), atol=1e-6)


def test_two_retrains_agree_far_better_than_two_runs() -> None:
    """Other seeds (another batch order) move a mean of eight runs less than half as far as one run."""
    examples, labels = invented(600, 2)
    probe = [line for example in invented(60, 3)[0] for line, _, _ in example.lines]

    def change(seeds: int) -> float:
        parameters = Parameters(seeds=seeds, prune=0.0, batch=64)
        first = probabilities(*train(examples, labels, parameters, seed=0), probe)
        second = probabilities(*train(examples, labels, parameters, seed=seeds), probe)
        return float(np.abs(first - second).mean())

    assert change(8) < 0.5 * change(1)


def test_folds_split_the_hash_range_and_fold_zero_is_the_old_held_out_part() -> None:
    bodies = [f"вакансия {n}" for n in range(2000)]
    parts = [fold_of(body, 5) for body in bodies]
    assert set(parts) == set(range(5))
    for body, part in zip(bodies, parts, strict=True):
        example = Example("водитель", [], body)
        old = int(hashlib.sha256(body.encode("utf-8")).hexdigest()[:8], 16) < 0.2 * 0x1_0000_0000
        assert held_out(example, 0.2) == old == (part == 0)
        assert [held_out(example, 0.2, fold) for fold in range(5)].count(True) == 1
        assert held_out(example, 0.2, part)
