"""What a title's position works on, and the duty lines that name it.

«Ведущий экономист по нормированию» works on norms, «Преподаватель Python» on
Python: the words of a title that are neither a role's name nor seniority
are its objects.  A duty line that names one («разработка норм выработки»,
«уроки по Python») is the title's own work, however the occupation model
reads it, so it cannot speak against the title.  Words after «без», «не»,
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
    """The items (by index) that name one of the title's ``objects`` (by lemma or lower-cased form)."""
    if not objects:
        return frozenset()
    return frozenset(
        item
        for item, lemma, lower in zip(token_items, view.lemma, view.lower, strict=False)
        if item >= 0 and (lemma.lower() in objects or lower in objects)
    )
