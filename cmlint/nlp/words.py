"""Typed word lists in rule data: entries that must be lemmas, and regular expressions.

Rules compare lemmas, so a list entry that is not a lemma («требуется»,
«отделом») can never match.  :data:`Lemma` marks such entries; when data is
validated with a :class:`LemmaCheck` in the pydantic context (the engine does
this when it loads packs and the evidence markers), every entry must be one
token whose lemma is itself.  Without the context (listing rules, docs) the
words are not checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo

from cmlint.nlp.morphology import Morphology
from cmlint.russian import count
from cmlint.text.user_regex import regex_problem

#: The key of the lemma check in a pydantic validation context.
CONTEXT_KEY = "cmlint.lemma_check"


class LemmaCheck:
    """Says why a word is not a lemma the pipeline can produce (None when it is one).

    ``verified`` holds the words already found to be lemmas (from the lemma
    table, see :mod:`cmlint.nlp.lemma_table`); every word found to be one is added.
    """

    def __init__(self, morphology: Morphology, tokenize: Callable[[str], list[str]], verified: set[str]) -> None:
        self.morphology = morphology
        self.tokenize = tokenize
        self.verified = verified

    def __call__(self, word: str) -> str | None:
        if word in self.verified:
            return None
        tokens = self.tokenize(word)
        if len(tokens) != 1:
            pieces = count(len(tokens), "токен", "токена", "токенов")
            return f"«{word}» — не одно слово: в тексте это {pieces} ({' '.join(tokens)})"
        lemma = self.morphology.analyze(word).lemma
        if lemma != word:
            return f"«{word}» — не начальная форма: в тексте это слово получит лемму «{lemma}»"
        self.verified.add(word)
        return None

    def context(self) -> dict[str, Any]:
        """The pydantic validation context that turns the check on."""
        return {CONTEXT_KEY: self}


def _lemma(value: str, info: ValidationInfo) -> str:
    check = (info.context or {}).get(CONTEXT_KEY)
    if check is not None:
        problem = check(value)
        if problem:
            raise ValueError(problem)
    return value


def _regex(value: str) -> str:
    problem = regex_problem(value)
    if problem:
        raise ValueError(problem)
    return value


#: A word list entry compared with token lemmas.
Lemma = Annotated[str, AfterValidator(_lemma)]
#: A regular expression (Python ``re``), compiled when the data is validated.
Regex = Annotated[str, AfterValidator(_regex)]
