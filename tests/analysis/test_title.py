"""The words of a title, with what the morphology says of them."""

from __future__ import annotations

import pytest

from cmlint.analysis.title import animacy, title_words
from cmlint.linter import Linter
from cmlint.matching.lemma_matcher import TokenView


@pytest.mark.parametrize(
    ("feats", "expected"),
    [
        ({"Animacy=Anim", "Case=Nom", "Gender=Masc", "Number=Sing"}, (True, False)),
        ({"Case=Nom", "Gender=Masc", "Animacy=Inan"}, (False, True)),
        ({"Animacy=Anim", "Animacy=Inan", "Case=Acc"}, (True, True)),
        ({"Case=Nom", "Number=Plur"}, (False, False)),
        (set(), (False, False)),
    ],
)
def test_animacy_is_read_off_the_features(feats: set[str], expected: tuple[bool, bool]) -> None:
    assert animacy(frozenset(feats)) == expected


def test_title_words_skip_punctuation_and_keep_offsets() -> None:
    doc = Linter().engine.nlp("Ведущий менеджер — (удалённо)")
    words = title_words(doc, TokenView.of(doc), 0, len(doc), 0)
    assert [(w.text, w.start, w.end) for w in words] == [("Ведущий", 0, 7), ("менеджер", 8, 16), ("удалённо", 20, 28)]
    manager = words[1]
    assert manager.lemma == "менеджер" and manager.animate and not manager.inanimate
