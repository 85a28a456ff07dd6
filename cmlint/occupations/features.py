"""Features of a line of a posting for the occupation model: lemmas and lemma pairs.

A line («Ведение первичной документации») becomes its content lemmas
(``w:ведение``, ``w:первичный``, ``w:документация``) and the pairs of
neighbouring content lemmas (``b:первичный_документация``). Function words,
numbers and punctuation carry no occupation; Latin words are lower-cased
and lightly stemmed («deals» and «deal» are one feature).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

#: Parts of speech that carry what a line is about.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "X"})
#: Content-class lemmas that say nothing about an occupation.
STOP_LEMMAS = frozenset(
    {
        "быть",
        "мочь",
        "являться",
        "стать",
        "становиться",
        "иметь",
        "который",
        "весь",
        "свой",
        "наш",
        "ваш",
        "такой",
        "этот",
        "тот",
        "другой",
        "каждый",
        "любой",
        "самый",
        "год",
        "лет",
        "месяц",
        "день",
        "неделя",
        "а",
        "и",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "a",
        "an",
        "our",
        "your",
        "we",
        "you",
        "be",
        "is",
        "are",
        "will",
        "as",
        "at",
        "by",
        "from",
        "it",
        "etc",
        "др",
        "т",
        "д",
        "п",
        "г",
    }
)
_LATIN_SUFFIXES = ("ing", "ies", "ed", "es", "s")


def _latin(word: str) -> str:
    if len(word) > 5 and word.isascii() and word.isalpha():
        for suffix in _LATIN_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                return word[: -len(suffix)]
    return word


def terms(lemmas: Sequence[str], pos: Sequence[str], start: int, end: int) -> list[str]:
    """The content lemmas of tokens ``start:end``, in order."""
    found: list[str] = []
    for index in range(start, end):
        if pos[index] in CONTENT_POS:
            term = _term(lemmas[index])
            if term is not None:
                found.append(term)
    return found


@lru_cache(maxsize=1 << 16)
def _term(lemma: str) -> str | None:
    """The feature word of a content lemma; None for a stop word, a single letter or a word without letters."""
    lemma = lemma.lower()
    if len(lemma) < 2 or lemma in STOP_LEMMAS or not any(ch.isalpha() for ch in lemma):
        return None
    return _latin(lemma) if lemma.isascii() else lemma


def features(words: Sequence[str]) -> list[str]:
    """Unigram and neighbour-pair features of a line's content lemmas (duplicates kept once)."""
    found = [f"w:{word}" for word in words]
    found += [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False) if a != b]
    return list(dict.fromkeys(found))
