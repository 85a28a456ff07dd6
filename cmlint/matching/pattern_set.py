"""Sets of keyed patterns: phrases run by the fast matcher, raw token patterns by spaCy's.

:class:`PatternSet` matches one set of patterns; :class:`SharedPatterns` lets
many owners (every pattern rule, the role taxonomy) put their patterns in one
set, so that a posting is scanned once; the result is a :class:`MatchIndex`
read per :class:`PatternGroup`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from cmlint.matching.lemma_matcher import LemmaMatcher, Match, TokenView
from cmlint.matching.steps import StepPattern
from cmlint.matching.token_patterns import Anchor, Companion, SpacyPattern, Tagged, TokenTest
from cmlint.matching.word_bits import WordBits, indexes
from cmlint.matching.word_searches import WordSearches
from cmlint.nlp.pipeline import write_morph

K = TypeVar("K", bound=Hashable)
Pattern = StepPattern | SpacyPattern


#: What one more matcher call costs, in tokens read.
_CALL = 4


@dataclass(frozen=True, slots=True)
class Stretch:
    """Where a pattern set reads: tokens ``[start, end)`` of a doc with its view, and the set's regular
    expressions on words."""

    doc: Doc
    view: TokenView
    searches: WordSearches
    start: int
    end: int


class _Windowed:
    """One spaCy token pattern on a ``Matcher`` of its own, with the words it needs and where they stand.

    Per token that must occur (a word set, see :meth:`SpacyPattern.required_words`, or a ``REGEX`` on a word):
    how many tokens the pattern may span before it and after it (``None``: no bound).  The matcher runs only
    on windows around the occurrences of the needed token that is rarest in the stretch, which give the same
    matches as the whole stretch: a match holds that token, and the window around it holds the whole match.
    An occurrence without the pattern's other needed tokens at their distances from it (see
    :meth:`SpacyPattern.companions`) is in no match and gets no window.
    """

    __slots__ = (
        "_vocab", "_ident", "_tokens", "_matcher", "_tests_morph",
        "needs", "anchors", "companions", "searches", "regexes",
    )

    def __init__(self, vocab: Vocab, ident: int, pattern: SpacyPattern) -> None:
        self._vocab, self._ident, self._tokens = vocab, ident, pattern.tokens
        #: Built at the first window that needs it: most patterns never find their words in a posting.
        self._matcher: Matcher | None = None
        #: Whether it tests a token's morphology, which the pipeline writes only where asked (:func:`write_morph`).
        self._tests_morph = any("MORPH" in token for token in pattern.tokens)
        self.needs, self.anchors, self.companions = pattern.plan()
        #: The regular expressions some token must have a word for (the anchors' and the first one's companions').
        tests = [anchor.test for anchor in self.anchors] + [c.test for c in self.companions[0] if self.companions]
        self.searches = tuple(dict.fromkeys(test for test in tests if isinstance(test, re.Pattern)))
        #: Every regular expression of its anchors and companions.
        every = [anchor.test for anchor in self.anchors] + [c.test for group in self.companions for c in group]
        self.regexes = tuple(dict.fromkeys(test for test in every if isinstance(test, re.Pattern)))

    @property
    def matcher(self) -> Matcher:
        """The pattern's own spaCy ``Matcher``."""
        if self._matcher is None:
            # Not ``validate=True``: :func:`validate_token_pattern` checked the pattern against spaCy's schema.
            self._matcher = Matcher(self._vocab)
            self._matcher.add(str(self._ident), [[dict(token) for token in self._tokens]])
        return self._matcher

    def spans(self, stretch: Stretch) -> list[tuple[int, int]]:
        """Every match (start, end) in the stretch, overlapping ones included."""
        windows = _windows(self.anchors, self.companions, stretch)
        doc = stretch.doc
        found: set[tuple[int, int]] = set()
        for w_start, w_end in windows:
            if self._tests_morph:
                write_morph(doc, w_start, w_end)
            found.update((w_start + s, w_start + e) for _, s, e in self.matcher(doc[w_start:w_end]))
        return sorted(found)


def _windows(
    anchors: tuple[Anchor, ...], companions: tuple[tuple[Companion, ...], ...], stretch: Stretch
) -> list[tuple[int, int]]:
    """Windows of the stretch that hold every match: around the rarest needed token that has the other
    needed tokens in reach, merged; the whole stretch when windows around a part of speech would make the
    matcher read about as much (each call costs a few tokens' worth)."""
    start, end = stretch.start, stretch.end
    if not anchors:
        return [(start, end)]
    best: list[int] = []
    chosen = -1
    found: dict[TokenTest, list[int]] = {}
    for index, anchor in enumerate(anchors):
        at = found[anchor.test] = _occurrences(anchor.test, stretch)
        if not at:
            return []
        if chosen < 0 or len(at) < len(best):
            best, chosen = at, index
    _, before, after = anchors[chosen]
    near = _Near(stretch, found, companions[chosen])
    windows: list[tuple[int, int]] = []
    for i in best:
        if not near(i):
            continue
        w_start = start if before is None else max(start, i - before)
        w_end = end if after is None else min(end, i + after + 1)
        if windows and w_start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], w_end))
        else:
            windows.append((w_start, w_end))
    if isinstance(anchors[chosen].test, Tagged) and sum(e - s + _CALL for s, e in windows) >= end - start:
        return [(start, end)]
    return windows


def _occurrences(test: TokenTest, stretch: Stretch) -> list[int]:
    """The tokens of the stretch that pass ``test`` by one of their words or their part of speech, in order."""
    view, start, end = stretch.view, stretch.start, stretch.end
    if isinstance(test, Tagged):
        found = view.tagged(test.tags, test.feats)
    else:
        found = view.holding(test) if isinstance(test, frozenset) else view.searched(test, stretch.searches)
    if found and (found[0] < start or found[-1] >= end):
        return found[bisect_left(found, start):bisect_left(found, end)]
    return found


class _Near:
    """Whether an anchor's occurrence has each of its companion tokens in reach, inside the stretch."""

    __slots__ = ("_stretch", "_first", "_last", "_found", "_companions")

    def __init__(
        self, stretch: Stretch, found: dict[TokenTest, list[int]], companions: tuple[Companion, ...]
    ) -> None:
        self._stretch, self._first, self._last = stretch, stretch.start, stretch.end - 1
        #: A test's occurrences in the stretch (the anchors' found already, a companion's at its first use).
        self._found = found
        self._companions = companions

    def __call__(self, i: int) -> bool:
        for test, low, high in self._companions:
            first = self._first if low is None else max(self._first, i + low)
            last = self._last if high is None else min(self._last, i + high)
            if first > last:
                return False
            at = self._found.get(test)
            if at is None:
                at = self._found[test] = _occurrences(test, self._stretch)
            index = bisect_left(at, first)
            if index == len(at) or at[index] > last:
                return False
        return True


class _SpacyKey:
    """One key's spaCy token patterns, each on a ``Matcher`` of its own and run only where it may match.

    spaCy's ``Matcher`` tests its predicates on every token; a pattern runs only
    when the stretch holds every word some token of it must be, and then only in
    windows around the rarest of them (:class:`_Windowed`).  ``greedy="LONGEST"``
    is applied here over the key's patterns together, as one matcher with all of
    them does.
    """

    __slots__ = ("_patterns", "_longest", "_vocab")

    def __init__(self, vocab: Vocab, every: bool = False) -> None:
        self._patterns: list[_Windowed] = []
        self._vocab = vocab
        #: ``every``: keep every match, overlapping ones too (for dependent keys: any overlap counts).
        self._longest = not every

    def add(self, ident: int, patterns: list[SpacyPattern]) -> None:
        self._patterns.extend(_Windowed(self._vocab, ident, p) for p in patterns)

    @property
    def patterns(self) -> list[_Windowed]:
        return self._patterns

    def __call__(self, stretch: Stretch, patterns: Iterable[_Windowed]) -> list[tuple[int, int]]:
        """The matches of ``patterns`` (the key's that may match here) in the stretch: the longest ones
        not overlapping, or all (``every``)."""
        found: set[tuple[int, int]] = set()
        for pattern in patterns:
            found.update(pattern.spans(stretch))
        if not self._longest:
            return sorted(found)
        # spaCy's ``greedy="LONGEST"``: longest first, then the earliest; a match overlapping a kept one is dropped.
        taken: set[int] = set()
        kept: list[tuple[int, int]] = []
        for s, e in sorted(found, key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
            if taken.isdisjoint(range(s, e)):
                kept.append((s, e))
                taken.update(range(s, e))
        return kept


class _Ready:
    """The spaCy token patterns of some keys, found by the words they need: which of them may match in a doc."""

    __slots__ = ("_entries", "_needs", "_searches")

    def __init__(self, keys: dict[int, _SpacyKey], searches: WordSearches) -> None:
        #: (key, pattern, the bits of the regular expressions it needs to find something), in the order added.
        self._entries = [
            (ident, p, searches.mask_of(p.searches)) for ident, key in keys.items() for p in key.patterns
        ]
        self._searches = searches
        #: The word sets each pattern needs, as bits (built at the first call that is not handed them).
        self._needs: WordBits | None = None

    def word_sets(self) -> list[tuple[frozenset[str], ...]]:
        """The word sets each pattern needs, in the order added."""
        return [pattern.needs for _, pattern, _ in self._entries]

    def __call__(self, view: TokenView, passing: int | None = None) -> dict[int, list[_Windowed]]:
        """Per key, its patterns whose needed words all occur in the doc and whose regular expressions all find
        something in its words, in the order they were added.

        ``passing``: the patterns whose needed words all occur (bits, by :meth:`word_sets`), when the caller
        found them in one pass with other patterns'.
        """
        if passing is None:
            if self._needs is None:
                self._needs = WordBits(self.word_sets())
            passing = self._needs.passing(view.words)
        ready: dict[int, list[_Windowed]] = {}
        entries = self._entries
        found: int | None = None
        for j in indexes(passing):
            ident, pattern, mask = entries[j]
            if mask:
                if found is None:
                    found = view.found(self._searches)
                if found & mask != mask:
                    continue
            ready.setdefault(ident, []).append(pattern)
        return ready


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What a :class:`PatternSet` builds at its first call.

    The ungated spaCy patterns' word sets and the step patterns' are one :class:`WordBits` (the spaCy patterns'
    bits below ``split``, the step patterns' from it on): a doc's words are looked up once for both.
    """

    words: WordBits
    split: int
    ungated: _Ready
    #: The gated keys' spaCy patterns by the gate they wait for (run only where it opened: bits of their own).
    gated: dict[Hashable, _Ready]
    #: The regular expressions on words all spaCy patterns of the set need.
    searches: WordSearches


class PatternSet(Generic[K]):
    """``add(key, patterns)`` then call on a doc: (key, start, end), longest per key and start.

    Step patterns run on :class:`LemmaMatcher`; spaCy token patterns on
    spaCy's ``Matcher`` with ``greedy="LONGEST"``.  Keys may be any hashable
    value; inside, both matchers see the key's position in :attr:`keys`.

    Keys added with ``title_only`` (a rule's patterns scoped to the title)
    have their spaCy patterns run only when the call says it matches a title.

    Gates: the spaCy token patterns of a key added with ``waits_for=gate``
    run only in a stretch where a key added with ``opens=gate`` matched (a
    rule's antipatterns need not be looked for where the rule found
    nothing), and give every match, overlapping ones included.  Step patterns
    always run: the one fast pass costs the same.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._fast: LemmaMatcher[int] = LemmaMatcher()
        self._spacy: dict[int, _SpacyKey] = {}
        #: Gated keys' spaCy patterns and the gate each waits for.
        self._waiting: dict[int, tuple[Hashable, _SpacyKey]] = {}
        #: Keys that open a gate when they match.
        self._opens: dict[int, Hashable] = {}
        #: Keys whose spaCy patterns count in a title only.
        self._title_only: set[int] = set()
        #: What the first call builds (:class:`_Prepared`).
        self._prepared: _Prepared | None = None
        self._vocab = vocab
        self.keys: list[K] = []
        self._ids: dict[K, int] = {}

    def add(
        self,
        key: K,
        patterns: Sequence[Pattern],
        opens: Hashable | None = None,
        waits_for: Hashable | None = None,
        title_only: bool = False,
    ) -> None:
        self._prepared = None
        ident = self._ids.get(key)
        if ident is None:
            ident = self._ids[key] = len(self.keys)
            self.keys.append(key)
        if title_only:
            self._title_only.add(ident)
        if opens is not None:
            self._opens[ident] = opens
        raw: list[SpacyPattern] = []
        for pattern in patterns:
            if isinstance(pattern, SpacyPattern):
                raw.append(pattern)
            else:
                self._fast.add(ident, pattern)
        if raw and waits_for is not None:
            # A gated key (a rule's antipatterns or exceptions) keeps all its matches: with ``LONGEST`` a long
            # match of one antipattern would hide a shorter, overlapping one of another that covers the rule's
            # match («развитие (обучение …» under «обучение … и перспективы роста»).
            self._waiting.setdefault(ident, (waits_for, _SpacyKey(self._vocab, every=True)))[1].add(ident, raw)
        elif raw:
            self._spacy.setdefault(ident, _SpacyKey(self._vocab)).add(ident, raw)

    def ids(
        self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None, title: bool = True
    ) -> list[Match[int]]:
        """Matches with the keys' positions in :attr:`keys`, in text order (``title``: the stretch is a title)."""
        if self._prepared is None:
            self._prepared = self._prepare()
        prepared = self._prepared
        passing = prepared.words.passing(view.words)
        found = self._fast(view, start, end, passing >> prepared.split)
        if self._spacy or self._waiting:
            gated, searches = prepared.gated, prepared.searches
            stretch = Stretch(doc, view, searches, start, len(doc) if end is None else end)
            ready = prepared.ungated(view, passing & ((1 << prepared.split) - 1))
            if not title and self._title_only:
                ready = {i: patterns for i, patterns in ready.items() if i not in self._title_only}
            for ident, patterns in ready.items():
                found += [(ident, s, e) for s, e in self._spacy[ident](stretch, patterns)]
            if self._waiting:
                opens = self._opens
                opened = {opens[ident] for ident, _, _ in found if ident in opens}
                waiting = self._waiting
                for gate, keys in gated.items():
                    if gate in opened:
                        for ident, patterns in keys(view).items():
                            found += [(ident, s, e) for s, e in waiting[ident][1](stretch, patterns)]
            found.sort(key=lambda m: (m[1], m[2], m[0]))
        return found

    def _prepare(self) -> _Prepared:
        """The spaCy patterns by the words they need, and one :class:`WordBits` for the words of the ungated ones
        and of the step patterns."""
        searches = self._searches()
        ungated = _Ready(self._spacy, searches)
        spacy = ungated.word_sets()
        words = WordBits([*spacy, *self._fast.word_sets()])
        return _Prepared(words, len(spacy), ungated, self._by_gate(searches), searches)

    def _searches(self) -> WordSearches:
        """The regular expressions on words of every spaCy pattern of the set, gated ones included."""
        keys = [*self._spacy.values(), *(key for _, key in self._waiting.values())]
        return WordSearches(regex for key in keys for pattern in key.patterns for regex in pattern.regexes)

    def _by_gate(self, searches: WordSearches) -> dict[Hashable, _Ready]:
        """The gated keys' spaCy patterns, by the gate they wait for."""
        by_gate: dict[Hashable, dict[int, _SpacyKey]] = {}
        for ident, (gate, key) in self._waiting.items():
            by_gate.setdefault(gate, {})[ident] = key
        return {gate: _Ready(keys, searches) for gate, keys in by_gate.items()}

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
        """The group's matches in text order (empty when it has none).

        A dependent key's matches are complete only where the group's other keys matched.
        """
        return self._found.get(group, [])


class SharedPatterns:
    """One :class:`PatternSet` for many owners, run once per stretch of a doc."""

    def __init__(self, vocab: Vocab) -> None:
        self._set: PatternSet[tuple[PatternGroup[Any], Hashable]] = PatternSet(vocab)

    def add(
        self,
        group: PatternGroup[K],
        key: K,
        patterns: Sequence[Pattern],
        dependent: bool = False,
        title_only: bool = False,
    ) -> None:
        """Add an owner's patterns; ``dependent`` ones (antipatterns, exceptions) matter only where the group's
        other patterns matched, and their spaCy token patterns are run only there; ``title_only`` ones count
        in a title only, and their spaCy token patterns are not run on a body."""
        if dependent:
            self._set.add((group, key), patterns, waits_for=group, title_only=title_only)
        else:
            self._set.add((group, key), patterns, opens=group, title_only=title_only)

    def matches(self, doc: Doc, view: TokenView, start: int, end: int | None, title: bool = True) -> MatchIndex:
        """Matches in ``doc[start:end]`` grouped by owner (``title``: the stretch is a title)."""
        found: dict[PatternGroup[Any], list[Match[Any]]] = {}
        keys = self._set.keys
        for ident, s, e in self._set.ids(doc, view, start, end, title):
            group, key = keys[ident]
            found.setdefault(group, []).append((key, s, e))
        return MatchIndex(found)
