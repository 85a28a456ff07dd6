"""Sets of keyed patterns: phrases run by the fast matcher, raw token patterns by spaCy's.

:class:`PatternSet` matches one set of patterns; :class:`SharedPatterns` lets
many owners (every pattern rule, the role taxonomy) put their patterns in one
set, so that a posting is scanned once; the result is a :class:`MatchIndex`
read per :class:`PatternGroup`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Generic, TypeVar, cast

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from cmlint.matching.lemma_matcher import LemmaMatcher, Match, TokenView
from cmlint.matching.steps import StepPattern
from cmlint.matching.token_patterns import SpacyPattern

K = TypeVar("K", bound=Hashable)
Pattern = StepPattern | SpacyPattern


class _SpacyKey:
    """One key's spaCy token patterns on a ``Matcher`` of their own, with the words each needs.

    spaCy's ``Matcher`` tests its predicates on every token; most docs lack a
    word some token of the pattern must be, and then the matcher is not run.
    (One matcher per key keeps ``greedy="LONGEST"`` choosing among that key's
    patterns only, as one shared matcher does.)
    """

    __slots__ = ("matcher", "_needs")

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self._needs: list[tuple[frozenset[int], ...]] = []

    def add(self, ident: int, patterns: list[SpacyPattern]) -> None:
        self.matcher.add(str(ident), [[dict(token) for token in p.tokens] for p in patterns], greedy="LONGEST")
        for pattern in patterns:
            self._needs.append(tuple(frozenset(map(get_string_id, words)) for words in pattern.required_words()))

    def may_match(self, words: set[int]) -> bool:
        """Whether some pattern has every word it needs among ``words`` (hashes of lemmas and forms)."""
        return any(all(not needed.isdisjoint(words) for needed in needs) for needs in self._needs)


class PatternSet(Generic[K]):
    """``add(key, patterns)`` then call on a doc: (key, start, end), longest per key and start.

    Step patterns run on :class:`LemmaMatcher`; spaCy token patterns on
    spaCy's ``Matcher`` with ``greedy="LONGEST"``.  Keys may be any hashable
    value; inside, both matchers see the key's position in :attr:`keys`.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._fast: LemmaMatcher[int] = LemmaMatcher()
        self._spacy: dict[int, _SpacyKey] = {}
        self._vocab = vocab
        self.keys: list[K] = []
        self._ids: dict[K, int] = {}

    def add(self, key: K, patterns: Sequence[Pattern]) -> None:
        ident = self._ids.get(key)
        if ident is None:
            ident = self._ids[key] = len(self.keys)
            self.keys.append(key)
        raw: list[SpacyPattern] = []
        for pattern in patterns:
            if isinstance(pattern, SpacyPattern):
                raw.append(pattern)
            else:
                self._fast.add(ident, pattern)
        if raw:
            self._spacy.setdefault(ident, _SpacyKey(self._vocab)).add(ident, raw)

    def ids(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> list[Match[int]]:
        """Matches with the keys' positions in :attr:`keys`, in text order."""
        found = self._fast(view, start, end)
        if self._spacy:
            span = doc[start:end] if end is not None else doc[start:]
            # spaCy types ``to_array`` as floats; these attributes are uint64 string hashes.
            words = set(cast(list[int], doc.to_array([LEMMA, LOWER, ORTH])[span.start:span.end].ravel().tolist()))
            for ident, patterns in self._spacy.items():
                if patterns.may_match(words):
                    found += [(ident, span.start + s, span.start + e) for _, s, e in patterns.matcher(span)]
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
