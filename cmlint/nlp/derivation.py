"""Diminutives no dictionary lists, read as the word they are made from: «славяночка» → «славянка».

A productive diminutive names the same person or quality as its base word, so a rule that knows «славянка»,
«студентка» or «стройный» should also see «славяночка», «студенточка» and «стройненькая». The dictionary's own
diminutives keep their lemma (:class:`cmlint.nlp.morphology.Morphology` asks only for unknown words): it lists
those that took a meaning of their own («хорошенький» is pretty, not good; «девочка» is a child). A lemma
ending in a diminutive suffix becomes its base when the base is a dictionary lemma of the same kind: an
adjective for «-енький/-онький», an animate noun for the noun suffixes (a «звон» is no person).
"""

from __future__ import annotations

from collections.abc import Iterable

import pymorphy3

#: Adjective suffixes and the endings of their bases: «стройненький» → «стройный», «тоненький» → «тонкий».
_ADJECTIVE_SUFFIXES = ("енький", "онький")
_ADJECTIVE_ENDINGS = ("ый", "ой", "ий", "кий")
#: Noun suffixes and what replaces them in the base: «мамочка» → «мама», «славяночка» → «славянка»,
#: «паренёк» → «парень», «мужичок» → «мужик» (the suffixes, shown on dictionary words; not a bare «-ок»:
#: «турок» is no little «тур»).
_NOUN_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("очка", ("а", "ка")),
    ("ечка", ("а", "ка")),
    ("ичок", ("ик",)),
    ("ек", ("ь",)),
)
#: The shortest stem left before a suffix: «точка», «дочка» and «почка» are no diminutives.
_MIN_STEM = 3


def base_of(lemma: str, pos: str, analyzer: pymorphy3.MorphAnalyzer) -> str | None:
    """The word the diminutive ``lemma`` (UD ``pos``, «ё» written «е») is made from, or None."""
    if pos == "ADJ":
        for suffix in _ADJECTIVE_SUFFIXES:
            stem = lemma.removesuffix(suffix)
            if stem != lemma and len(stem) >= _MIN_STEM - 1:
                return _first_known((stem + ending for ending in _ADJECTIVE_ENDINGS), "ADJF", analyzer)
        return None
    if pos == "NOUN":
        for suffix, replacements in _NOUN_SUFFIXES:
            stem = lemma.removesuffix(suffix)
            if stem != lemma and len(stem) >= _MIN_STEM:
                return _first_known((stem + end for end in replacements), "NOUN", analyzer)
    return None


def _first_known(candidates: Iterable[str], tag: str, analyzer: pymorphy3.MorphAnalyzer) -> str | None:
    """The first candidate that is a dictionary lemma with the pymorphy3 part of speech ``tag`` (nouns: animate)."""
    for candidate in candidates:
        if not analyzer.word_is_known(candidate):
            continue
        for parse in analyzer.parse(candidate):
            if parse.normal_form.replace("ё", "е") != candidate or parse.tag.POS != tag:
                continue
            if tag == "ADJF" or "anim" in parse.tag:
                return candidate
    return None
