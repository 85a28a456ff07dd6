"""The steps a compiled phrase is made of: what one position of a match tests.

A phrase of the DSL (see :mod:`cmlint.matching.phrases`) compiles to a tuple
of :class:`Step`; :class:`~cmlint.matching.lemma_matcher.LemmaMatcher` runs
such tuples.  Nothing here knows spaCy's pattern dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Kind(IntEnum):
    """Which token string a step tests (the value is the column of a token view)."""

    LEMMA = 0
    LOWER = 1
    ORTH = 2
    POS = 3
    #: Any word: a token whose POS is not punctuation or space.
    WORD = 4
    #: The fused joint the DSL puts between words: an optional joint, then up to two optional modifiers.
    GAP = 5
    #: A number written in digits within ``Step.bounds`` («#NUM:14-80»).
    RANGE = 6


#: Between words: a hyphen, a dash, a colon or a quote («"Холодные" звонки», «пол: мужской»).
JOINT_VALUES = frozenset({"-", "‑", "–", "—", ":", '"', "«", "»", "“", "”", "'"})
#: Parts of speech that may stand between two words of a phrase («звонить потенциальным клиентам»).
MODIFIER_POS = frozenset({"ADJ", "ADV", "DET", "NUM", "PRON", "ADP"})
#: Hyphens inside a word of a phrase («контент-план» also matches «контент план»).
HYPHENS = frozenset({"-", "‑", "–"})
NOT_WORDS = frozenset({"PUNCT", "SPACE"})


@dataclass(frozen=True, slots=True)
class Step:
    """One position of a pattern: the token's ``kind`` string is one of ``values``.

    ``optional`` steps may match nothing; a ``WORD`` step matches tokens whose
    POS is *not* in its values.
    """

    kind: Kind
    values: frozenset[str]
    optional: bool = False
    #: The inclusive bounds of a ``RANGE`` step.
    bounds: tuple[int, int] | None = None
    #: Derived from ``kind`` (a plain attribute: the matcher reads it in its inner loop).
    negated: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "negated", self.kind is Kind.WORD)

    def in_range(self, text: str) -> bool:
        """Whether ``text`` is a number in digits within the bounds (``RANGE`` steps)."""
        assert self.bounds is not None
        return text.isdecimal() and len(text) <= 9 and self.bounds[0] <= int(text) <= self.bounds[1]


StepPattern = tuple[Step, ...]

GAP = Step(Kind.GAP, frozenset(), optional=True)
ANY_WORD = Step(Kind.WORD, NOT_WORDS, optional=True)
HYPHEN = Step(Kind.ORTH, HYPHENS, optional=True)
#: A dash or a colon after a gap of words, before the next word («иностранные граждане — не рассматриваются»).
GAP_LINK = Step(Kind.ORTH, HYPHENS | {"—", ":"}, optional=True)
NUMBER = Step(Kind.POS, frozenset({"NUM"}))
