"""What a title's position works on, and the duty lines that name it.

«Ведущий экономист по нормированию» works on norms, «Преподаватель Python» on
Python: the words of a title that are neither a role's name nor seniority
are its objects.  A duty line that names one («уроки по Python») is the
title's own work, however the occupation model reads it, so it cannot speak
against the title.  An object that is a noun of action made from a noun
(«нормирование», «бюджетирование») is named by that noun and its verb too
(«разработка норм выработки», «нормировать»).  Words after «без», «не»,
«кроме» name what the position does not do («SMM-менеджер (без продаж)»).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cmlint.matching.lemma_matcher import TokenView
from cmlint.roles.titles import PART_SEPARATORS, POSITION_NOUNS, SENIORITY, TitleMatch

#: Words after which the rest of a bracket or part is what the position does not do.
NEGATORS = frozenset({"без", "не", "кроме", "no", "not", "without"})
#: Where such a negation ends.
_NEGATION_ENDS = PART_SEPARATORS | {")", "]", "»", '"'}
#: Parts of speech that name things: nouns, proper names and foreign words («Python», «ERP»).
_OBJECT_POS = frozenset({"NOUN", "PROPN", "X"})
#: Shorter words are abbreviations too ambiguous to find in a line («ИП», «ПК»).
_MIN_LENGTH = 3
#: Endings of nouns of action and verbs made from a noun («норм-ирование», «норм-ировать»,
#: «бюджет-ирование»), and the endings a noun's lemma may add to the stem they share («норм-а»).
_ACTION_ENDINGS = ("ирование", "ование", "ировать", "овать")
_NOUN_ENDINGS = ("а", "я", "о", "ь")
#: The shortest shared stem: shorter ones are other words («копирование» is no «копа»).
_MIN_STEM = 4


def title_objects(view: TokenView, start: int, end: int, named: Iterable[TitleMatch]) -> frozenset[str]:
    """The lower-cased lemmas and forms of what the title between tokens ``start`` and ``end`` works on."""
    covered = {i for match in named for i in range(match.start, match.end)}
    found: set[str] = set()
    negated = False
    for i in range(start, end):
        lower = view.lower[i]
        if lower in NEGATORS:
            negated = True
        elif lower in _NEGATION_ENDS:
            negated = False
        elif not negated and i not in covered and view.pos[i] in _OBJECT_POS:
            # The form too: a capitalised word in a title is often read as a name with a lemma of its own.
            lemma = view.lemma[i].lower()
            if len(lemma) >= _MIN_LENGTH and lemma not in SENIORITY and lemma not in POSITION_NOUNS:
                found |= {lemma, lower}
    return frozenset(found)


def naming_items(objects: frozenset[str], view: TokenView, token_items: Sequence[int]) -> frozenset[int]:
    """The items (by index) that name one of the title's ``objects`` (by lemma or lower-cased form, or by the
    stem a noun of action among them shares with its noun and verb)."""
    if not objects:
        return frozenset()
    stems = {stem for stem in map(_action_stem, objects) if stem is not None}
    return frozenset(
        item
        for item, lemma, lower in zip(token_items, view.lemma, view.lower, strict=False)
        if item >= 0 and (lemma.lower() in objects or lower in objects or (stems and _stem(lemma.lower()) in stems))
    )


def _action_stem(lemma: str) -> str | None:
    """The stem of a noun of action or a verb made from a noun («нормирование» → «норм»), else None."""
    for ending in _ACTION_ENDINGS:
        stem = lemma.removesuffix(ending)
        if stem != lemma and len(stem) >= _MIN_STEM:
            return stem
    return None


def _stem(lemma: str) -> str:
    """The stem a lemma shares with the nouns of action made from it: «норма», «нормирование» → «норм»."""
    action = _action_stem(lemma)
    if action is not None:
        return action
    return lemma[:-1] if lemma.endswith(_NOUN_ENDINGS) else lemma
