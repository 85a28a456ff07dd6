"""A set of keyed token patterns run by the fast matcher, or by spaCy's when needed."""

from __future__ import annotations

from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from cmlint.engine.lemma_matcher import LemmaMatcher, TokenView


class PatternSet:
    """``add(key, patterns)`` then call on a doc: (key, start, end), longest per start.

    Patterns in the phrase-DSL subset run on :class:`LemmaMatcher`; other
    spaCy token patterns (MORPH, REGEX, ``+``/``*`` …) run on spaCy's
    ``Matcher`` with ``greedy="LONGEST"``.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._fast = LemmaMatcher()
        self._spacy: Matcher | None = None
        self._vocab = vocab

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        slow = []
        for pattern in patterns:
            try:
                self._fast.add(key, pattern)
            except ValueError:
                slow.append(pattern)
        if slow:
            if self._spacy is None:
                self._spacy = Matcher(self._vocab, validate=True)
            self._spacy.add(key, slow, greedy="LONGEST")

    def __call__(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        found = self._fast(view, start, end)
        if self._spacy is not None:
            span = doc[start:end] if end is not None else doc[start:]
            strings = self._vocab.strings
            found += [(strings[key], span.start + s, span.start + e) for key, s, e in self._spacy(span)]
            found.sort(key=lambda m: (m[1], m[2], m[0]))
        return found


class SharedPatterns:
    """One :class:`PatternSet` for all pattern rules, run once per doc range.

    Each rule registers its patterns under its own owner name; a posting's
    matches are computed on the first request and grouped by owner, so twenty
    rules cost one pass over the tokens instead of twenty.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._set = PatternSet(vocab)

    def add(self, owner: str, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        self._set.add(f"{owner}\x1f{key}", patterns)

    def matches(self, cache: dict[Any, Any], doc: Doc, view: TokenView, start: int, end: int | None) -> dict[str, list[tuple[str, int, int]]]:
        """Matches in ``doc[start:end]`` grouped by owner, memoized in ``cache``."""
        memo_key = ("shared-patterns", id(self), id(doc), start, end)
        found = cache.get(memo_key)
        if found is None:
            found = {}
            for key, s, e in self._set(doc, view, start, end):
                owner, _, own_key = key.partition("\x1f")
                found.setdefault(owner, []).append((own_key, s, e))
            cache[memo_key] = found
        return found
