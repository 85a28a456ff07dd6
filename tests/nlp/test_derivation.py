"""Diminutives no dictionary lists are read as the word they are made from."""

from __future__ import annotations

import pytest

from cmlint.nlp.derivation import base_of
from cmlint.nlp.morphology import Morphology


@pytest.mark.parametrize(
    ("lemma", "pos", "base"),
    [
        ("студенточка", "NOUN", "студентка"),
        ("пенсионерочка", "NOUN", "пенсионерка"),
        ("стройненький", "ADJ", "стройный"),
        ("симпатичненький", "ADJ", "симпатичный"),
    ],
)
def test_a_diminutive_has_its_base(morphology: Morphology, lemma: str, pos: str, base: str) -> None:
    assert base_of(lemma, pos, morphology.analyzer) == base


@pytest.mark.parametrize(("lemma", "pos"), [("звонок", "NOUN"), ("турок", "NOUN"), ("точка", "NOUN"), ("синий", "ADJ")])
def test_a_thing_or_a_short_stem_is_no_diminutive(morphology: Morphology, lemma: str, pos: str) -> None:
    assert base_of(lemma, pos, morphology.analyzer) is None


def test_unknown_diminutives_take_the_base_lemma_and_dictionary_words_keep_theirs(morphology: Morphology) -> None:
    assert morphology.analyze("студенточками").lemma == "студентка"
    assert morphology.analyze("стройненькую").lemma == "стройный"
    assert morphology.analyze("хорошенькая").lemma == "хорошенький"  # pretty, not good
    assert "студентка" in morphology.lemmas("студенточки")
