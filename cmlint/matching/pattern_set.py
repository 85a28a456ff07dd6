"""Sets of keyed patterns: phrases run by the fast matcher, raw token patterns by spaCy's.

:class:`PatternSet` matches one set of patterns; :class:`SharedPatterns` lets
many owners (every pattern rule, the role taxonomy) put their patterns in one
set, so that a posting is scanned once; the result is a :class:`MatchIndex`
read per :class:`PatternGroup`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Generic, TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from cmlint.matching.lemma_matcher import LemmaMatcher, Match, TokenView
from cmlint.matching.steps import StepPattern
from cmlint.matching.token_patterns import SpacyPattern

K = TypeVar("K", bound=Hashable)
Pattern = StepPattern | SpacyPattern


class PatternSet(Generic[K]):
    """``add(key, patterns)`` then call on a doc: (key, start, end), longest per key and start.

    Step patterns run on :class:`LemmaMatcher`; spaCy token patterns on
    spaCy's ``Matcher`` with ``greedy="LONGEST"``.  Keys may be any hashable
    value; inside, both matchers see the key's position in :attr:`keys`.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._fast: LemmaMatcher[int] = LemmaMatcher()
        self._spacy: Matcher | None = None
        self._vocab = vocab
        self.keys: list[K] = []
        self._ids: dict[K, int] = {}

    def add(self, key: K, patterns: Sequence[Pattern]) -> None:
        ident = self._ids.get(key)
        if ident is None:
            ident = self._ids[key] = len(self.keys)
            self.keys.append(key)
        raw: list[list[dict[str, Any]]] = []
        for pattern in patterns:
            if isinstance(pattern, SpacyPattern):
                raw.append([dict(token) for token in pattern.tokens])
            else:
                self._fast.add(ident, pattern)
        if raw:
            if self._spacy is None:
                self._spacy = Matcher(self._vocab, validate=True)
            self._spacy.add(str(ident), raw, greedy="LONGEST")

    def ids(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> list[Match[int]]:
        """Matches with the keys' positions in :attr:`keys`, in text order."""
        found = self._fast(view, start, end)
        if self._spacy is not None:
            span = doc[start:end] if end is not None else doc[start:]
            strings = self._vocab.strings
            found += [(int(strings[key]), span.start + s, span.start + e) for key, s, e in self._spacy(span)]
            found.sort(key=lambda m: (m[1], m[2], m[0]))
        return found

    def __call__(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> list[Match[K]]:
        keys = self.keys
        return [(keys[ident], s, e) for ident, s, e in self.ids(doc, view, start, end)]


class PatternGroup(Generic[K]):
    """An owner's patterns inside :class:`SharedPatterns`, with keys of type ``K``."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"PatternGroup({self.name!r})"


class MatchIndex:
    """The matches of a :class:`SharedPatterns` in one stretch of a doc, by group."""

    __slots__ = ("_found",)

    def __init__(self, found: dict[PatternGroup[Any], list[Match[Any]]]) -> None:
        self._found = found

    def get(self, group: PatternGroup[K]) -> list[Match[K]]:
        """The group's matches in text order (empty when it has none)."""
        return self._found.get(group, [])


class SharedPatterns:
    """One :class:`PatternSet` for many owners, run once per stretch of a doc."""

    def __init__(self, vocab: Vocab) -> None:
        self._set: PatternSet[tuple[PatternGroup[Any], Hashable]] = PatternSet(vocab)

    def add(self, group: PatternGroup[K], key: K, patterns: Sequence[Pattern]) -> None:
        self._set.add((group, key), patterns)

    def matches(self, doc: Doc, view: TokenView, start: int, end: int | None) -> MatchIndex:
        """Matches in ``doc[start:end]`` grouped by owner."""
        found: dict[PatternGroup[Any], list[Match[Any]]] = {}
        keys = self._set.keys
        for ident, s, e in self._set.ids(doc, view, start, end):
            group, key = keys[ident]
            found.setdefault(group, []).append((key, s, e))
        return MatchIndex(found)
