"""Reading duty lines: which occupations a line's probabilities name, in which order."""

from __future__ import annotations

import numpy as np

from cmlint.roles.lines import _picked, _rounded
from cmlint.roles.taxonomy import load_taxonomy

LABELS = ("accountant", "driver", "cook", "teacher")


def test_a_line_names_every_label_at_the_threshold_most_probable_first_ties_in_label_order() -> None:
    rows = np.array([[0.3, 0.1, 0.3, 0.3]], dtype=np.float32)
    assert _picked(rows, 0.25, LABELS) == [(("accountant", 0.3), ("cook", 0.3), ("teacher", 0.3))]


def test_a_line_below_the_threshold_names_its_most_probable_label_and_a_line_of_no_known_word_none() -> None:
    rows = np.array([[0.2, 0.25, 0.25, 0.3], [0.0, 0.0, 0.0, 0.0], [0.05, 0.9, 0.04, 0.01]], dtype=np.float32)
    assert _picked(rows, 0.5, LABELS) == [(("teacher", 0.3),), (), (("driver", 0.9),)]


def test_probabilities_are_rounded_to_four_places_as_the_float_of_the_model_value() -> None:
    value = np.float32(0.123456)
    rows = np.array([[value, 1 - value, 0, 0]], dtype=np.float32)
    assert _picked(rows, 0.1, LABELS) == [
        (("driver", round(float(np.float32(1 - value)), 4)), ("accountant", round(float(value), 4)))
    ]


def test_single_precision_values_are_rounded_to_four_places_exactly_as_round_does() -> None:
    # Random values, and every multiple of 0.00005 with its float32 neighbours: the ties and the values beside them.
    steps = (np.arange(20_001) / 20_000).astype(np.float32)
    values = np.concatenate(
        [
            np.random.default_rng(0).random(200_000, dtype=np.float32),
            steps,
            np.nextafter(steps, np.float32(0)),
            np.nextafter(steps, np.float32(1)),
        ]
    )
    assert _rounded(values) == [round(value, 4) for value in values.tolist()]


def test_the_threshold_is_compared_in_single_precision_as_the_model_values_are() -> None:
    # float32(0.7) is below 0.7: a value equal to it stands at the threshold, as numpy's comparison has it.
    rows = np.array([[0.7, 0.75, 0, 0]], dtype=np.float32)
    assert _picked(rows, 0.7, LABELS) == [(("driver", 0.75), ("accountant", 0.7))]


def test_a_line_below_the_threshold_with_two_most_probable_labels_names_the_first() -> None:
    rows = np.array([[0.1, 0.2, 0.2, 0.1]], dtype=np.float32)
    assert _picked(rows, 0.5, LABELS) == [(("driver", 0.2),)]


def test_related_roles_are_the_fitting_ones_either_way_round() -> None:
    taxonomy = load_taxonomy()
    for a in taxonomy.roles:
        for b in taxonomy.roles:
            assert taxonomy.related(a, b) == (a == b or b in taxonomy.fitting(a) or a in taxonomy.fitting(b))
