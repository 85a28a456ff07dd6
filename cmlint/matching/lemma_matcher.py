"""A fast executor for the step patterns the phrase DSL compiles to.

spaCy's ``Matcher`` evaluates every ``{"LEMMA": {"IN": [...]}}`` with a Python
predicate on every token for every pattern — on hundreds of phrases that was
70 % of the run time.  This matcher runs :class:`~cmlint.matching.steps.Step`
tuples, indexes patterns by the lemmas or forms of their first step, and keeps
the longest match per start like ``greedy="LONGEST"``.  Raw spaCy token
patterns never come here: they run on spaCy's own ``Matcher``
(:class:`~cmlint.matching.pattern_set.PatternSet`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import reduce
from itertools import compress
from operator import or_
from typing import Generic, TypeVar

from spacy.tokens import Doc

from cmlint.matching.steps import JOINT_VALUES, MODIFIER_POS, Kind, Step, StepPattern
from cmlint.matching.word_bits import WordBits, indexes
from cmlint.matching.word_searches import WordSearches

K = TypeVar("K", bound=Hashable)
#: (key, start token, end token) of a match.
Match = tuple[K, int, int]

_INDEXED = (Kind.LEMMA, Kind.LOWER, Kind.ORTH)
#: The kinds the inner loops compare with, read once: an enum member read off its class costs a lookup of its own
#: each time (≈ 0.3 µs on Python 3.11, several per tried step).
_GAP, _RANGE = Kind.GAP, Kind.RANGE


@dataclass(slots=True)
class TokenView:
    """Per-token strings of a doc, computed once and shared by all matchers."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    #: Per token, its morphological features (``Field=Value``, as spaCy's Matcher reads them); None when not known
    #: (a test by features then holds everywhere).
    feats: list[frozenset[str]] | None = None
    # Caches, not fields: ``dataclasses.replace`` (a view with corrected spellings) must not copy them.
    _words: set[str] | None = field(default=None, init=False, repr=False, compare=False)
    _positions: dict[str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)
    _gap_flags: tuple[list[bool], list[bool]] | None = field(default=None, init=False, repr=False, compare=False)
    #: The expressions of :attr:`_searched_by` that find something in a word of the doc (their bits), the masks
    #: of the words they find something in with those words' tokens, and each asked expression's tokens.
    _found: int = field(default=0, init=False, repr=False, compare=False)
    _masked: list[tuple[int, list[int]]] = field(default_factory=list, init=False, repr=False, compare=False)
    _searched: dict[int, list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _searched_by: WordSearches | None = field(default=None, init=False, repr=False, compare=False)
    _holding: dict[frozenset[str], list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _tagged: dict[tuple[frozenset[str], frozenset[str]], list[int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def gap_flags(self) -> tuple[list[bool], list[bool]]:
        """Per token: is it a joint (hyphen, dash, colon, quote)? a modifier (by POS)?"""
        if self._gap_flags is None:
            self._gap_flags = ([t in JOINT_VALUES for t in self.text], [p in MODIFIER_POS for p in self.pos])
        return self._gap_flags

    def columns(self) -> tuple[list[str], ...]:
        """The token strings each step kind tests, indexed by kind."""
        return (self.lemma, self.lower, self.text, self.pos, self.pos, self.pos, self.text)

    @property
    def words(self) -> set[str]:
        """Every lemma, lower-cased form and exact form in the doc."""
        if self._words is None:
            self._words = set(self.positions)
        return self._words

    @property
    def positions(self) -> dict[str, list[int]]:
        """Every lemma, lower-cased form and exact form in the doc → the tokens that have it, in order
        (a token at most once per word)."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            add = positions.setdefault
            for i, lemma, lower, text in zip(range(len(self.text)), self.lemma, self.lower, self.text, strict=True):
                add(lemma, []).append(i)
                if lower != lemma:
                    add(lower, []).append(i)
                if text != lower and text != lemma:
                    add(text, []).append(i)
            self._positions = positions
        return self._positions

    def holding(self, words: frozenset[str]) -> list[int]:
        """The tokens one of whose words (lemma, lower-cased or exact form) is one of ``words``, in order."""
        found = self._holding.get(words)
        if found is None:
            positions = self.positions
            present = words.intersection(self.words)
            if len(present) == 1:
                (word,) = present
                found = positions[word]
            else:
                found = sorted({i for word in present for i in positions[word]})
            self._holding[words] = found
        return found

    def tagged(self, tags: frozenset[str], feats: frozenset[str] = frozenset()) -> list[int]:
        """The tokens whose part of speech is one of ``tags`` and whose features include ``feats`` (when known),
        in order."""
        found = self._tagged.get((tags, feats))
        if found is None:
            found = [i for i, tag in enumerate(self.pos) if tag in tags]
            if feats and self.feats is not None:
                features = self.feats
                found = [i for i in found if feats <= features[i]]
            self._tagged[(tags, feats)] = found
        return found

    def found(self, searches: WordSearches) -> int:
        """The bits of the expressions of ``searches`` that find something in a word (lemma, lower-cased or exact
        form) of the doc."""
        self._read(searches)
        return self._found

    def searched(self, regex: re.Pattern[str], searches: WordSearches) -> list[int]:
        """The tokens in one of whose words (lemma, lower-cased or exact form) ``regex``, one of ``searches``,
        finds something, in order."""
        self._read(searches)
        bit = searches.bits[regex]
        if not self._found & bit:
            return []
        found = self._searched.get(bit)
        if found is None:
            found = self._searched[bit] = sorted({i for mask, at in self._masked if mask & bit for i in at})
        return found

    def _read(self, searches: WordSearches) -> None:
        """Read the doc's words against ``searches``: every expression of it is answered at once, in one pass over
        the words; the tokens of one are gathered when it is asked."""
        if self._searched_by is not searches:
            positions = self.positions
            masks = searches.masks(list(positions))
            self._found = reduce(or_, masks, 0)
            self._masked = list(compress(zip(masks, positions.values(), strict=True), masks))
            self._searched = {}
            self._searched_by = searches

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        data = doc.user_data.get("cmlint.tokens")
        if data is not None:
            return cls(*data)
        text = [t.text for t in doc]
        feats = [frozenset(t.morph) for t in doc]
        return cls(text, [t.lower() for t in text], [t.lemma_ for t in doc], [t.pos_ for t in doc], feats)


class LemmaMatcher(Generic[K]):
    """Indexed matching of step patterns; results like spaCy's ``Matcher`` with ``greedy="LONGEST"``.

    A doc is read by its words, not token by token: the patterns whose first word occurs in the doc (and whose
    later words all occur too) are tried where that word stands (:attr:`TokenView.positions`).
    """

    def __init__(self) -> None:
        self._patterns: list[tuple[K, StepPattern]] = []
        # Word sets the rest of each pattern needs: a pattern whose later word
        # occurs nowhere in the doc is not tried at all.
        self._needs: list[tuple[frozenset[str], ...]] = []
        # Per pattern, the words its first token may be found by (lemmas, lower-cased and exact forms; empty when
        # it is found by part of speech): a token is found by any of its words; a false candidate is harmless
        # because the first step is tested again.
        self._first: list[frozenset[str]] = []
        #: Per pattern, the step after its first word and a gap when that step must hold (see :func:`_probe`).
        self._probes: list[Step | None] = []
        # First-token parts of speech (one each) → patterns.
        self._first_pos: dict[frozenset[str], list[int]] = defaultdict(list)
        self._unindexed: list[int] = []
        #: The word sets of each pattern found by a word, as bits (built at the first call, see :meth:`_needs_bits`).
        self._bits: WordBits | None = None

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, key: K, steps: StepPattern) -> None:
        if not steps or all(step.optional for step in steps):
            raise ValueError("в шаблоне нет обязательного шага")
        # A leading optional step: also index the pattern without it.
        while steps[0].optional:
            self._index(key, steps)
            steps = steps[1:]
        self._index(key, steps)

    def _index(self, key: K, steps: StepPattern) -> None:
        index = len(self._patterns)
        self._patterns.append((key, steps))
        self._probes.append(_probe(steps))
        self._needs.append(tuple(s.values for s in steps[1:] if not s.optional and s.kind in _INDEXED))
        self._bits = None
        first = steps[0]
        words = frozenset(value.lower() if first.kind is Kind.ORTH else value for value in first.values)
        self._first.append(words if first.kind in _INDEXED else frozenset())
        if first.kind is Kind.POS:
            for value in first.values:
                self._first_pos[frozenset({value})].append(index)
        elif first.kind is Kind.RANGE:  # numbers in digits are tagged NUM
            self._first_pos[frozenset({"NUM"})].append(index)
        elif first.kind not in _INDEXED:
            self._unindexed.append(index)

    def word_sets(self) -> list[tuple[frozenset[str], ...]]:
        """Per pattern, its first token's words and the word sets its later tokens need; a pattern found by its
        part of speech or by none gets an empty set (it never passes: :meth:`_starts` finds it otherwise)."""
        pairs = zip(self._first, self._needs, strict=True)
        return [(first, *needs) if first else (frozenset(),) for first, needs in pairs]

    def _needs_bits(self) -> WordBits:
        """The patterns' :meth:`word_sets` as bits."""
        if self._bits is None:
            self._bits = WordBits(self.word_sets())
        return self._bits

    def __call__(
        self, view: TokenView, start: int = 0, end: int | None = None, passing: int | None = None
    ) -> list[Match[K]]:
        """(key, start, end) of the longest match per key and start, non-overlapping per key.

        ``passing``: the patterns the doc's words let through (bits, by :meth:`word_sets`), when the caller found
        them in one pass with other patterns' (see :class:`~cmlint.matching.pattern_set.PatternSet`).
        """
        if passing is None:
            passing = self._needs_bits().passing(view.words)
        stop = len(view.lemma) if end is None else end
        best: dict[tuple[K, int], int] = {}
        patterns = self._patterns
        columns, text = view.columns(), view.text
        gaps: tuple[list[bool], list[bool]] | None = None  # read at the first pattern of more than one step
        for index, at in self._starts(view, passing):
            if at and (at[0] < start or at[-1] >= stop):
                at = at[bisect_left(at, start):bisect_left(at, stop)]
            key, steps = patterns[index]
            if len(steps) == 1:
                step = steps[0]
                for i in at:
                    if _first_holds(step, columns, text, i) and i + 1 > best.get((key, i), -1):
                        best[(key, i)] = i + 1
                continue
            if gaps is None:
                gaps = view.gap_flags
            joints, modifiers = gaps
            probe = self._probes[index]
            for i in at:
                if probe is not None and not _in_reach(probe, columns, i, stop):
                    continue
                found = _longest(steps, columns, text, joints, modifiers, i, stop)
                if found > i and found > best.get((key, i), -1):
                    best[(key, i)] = found
        return _non_overlapping(best)

    def _starts(self, view: TokenView, passing: int) -> Iterator[tuple[int, Sequence[int]]]:
        """Each pattern that may match in the doc, with the tokens it may start at, in order (a superset: the
        first step is tested again); a pattern whose later words do not all occur in the doc is left out (one
        found by a word is tried when ``passing``, the bits of :meth:`word_sets`, has it).  The order of the
        patterns' starts is no order of the matches: :meth:`__call__` keeps the longest per key and start and
        sorts."""
        present = view.words
        needs = self._needs
        positions = view.positions
        first = self._first
        for index in indexes(passing):
            # The doc's words among the first token's, not every one of those (up to a hundred) looked up.
            for start in first[index] & present:
                yield index, positions[start]
        for tags, tagged in self._first_pos.items():
            at = view.tagged(tags)
            if at:
                for index in tagged:
                    if all_occur(needs[index], present):
                        yield index, at
        if self._unindexed:
            every = range(len(view.lemma))
            for index in self._unindexed:
                if all_occur(needs[index], present):
                    yield index, every


def all_occur(needs: Sequence[frozenset[str]], present: set[str]) -> bool:
    """Whether each of ``needs`` has a word in ``present`` (a loop: cheaper than ``all`` over a generator)."""
    for values in needs:
        if values.isdisjoint(present):
            return False
    return True


def _probe(steps: StepPattern) -> Step | None:
    """The third step of a pattern that opens with a word and a gap (:data:`~cmlint.matching.steps.GAP`) when it
    must hold and tests a word: a start without it in the gap's reach cannot match (the first step matches one
    token, the gap spans up to three more)."""
    if len(steps) < 3 or steps[1].kind is not _GAP:
        return None
    step = steps[2]
    return step if not step.optional and step.kind in _INDEXED else None


#: The tokens after a pattern's first one that a gap may reach: an optional joint and up to two modifiers, then the
#: next step's token (:func:`_gap`).
_GAP_REACH = 4


def _in_reach(step: Step, columns: tuple[list[str], ...], start: int, stop: int) -> bool:
    """Whether ``step`` (a :func:`_probe`) holds at a token the gap after the token at ``start`` may reach."""
    column, values = columns[step.kind], step.values
    for i in range(start + 1, min(start + 1 + _GAP_REACH, stop)):
        if column[i] in values:
            return True
    return False


def _first_holds(step: Step, columns: tuple[list[str], ...], text: list[str], i: int) -> bool:
    """Whether a one-step pattern holds at ``i`` (its index may point at a near miss)."""
    if step.kind is _RANGE:
        return step.in_range(text[i])
    return (columns[step.kind][i] in step.values) is not step.negated


def _longest(
    steps: StepPattern,
    columns: tuple[list[str], ...],
    text: list[str],
    joints: list[bool],
    modifiers: list[bool],
    start: int,
    stop: int,
) -> int:
    """The end of the longest match of ``steps`` at ``start`` (or -1), on a view's ``columns`` and ``text`` and
    its gap flags (:attr:`TokenView.gap_flags`).

    Runs the pattern as an NFA over a handful of positions (lists, not sets:
    there are rarely more than three).
    """
    positions = [start]
    for step in steps:
        kind = step.kind
        if kind is _GAP:
            positions = _gap(positions, joints, modifiers, stop)
            continue
        # Loops, not comprehensions: a comprehension is a call of its own, and this runs for every step tried.
        advanced: list[int] = []
        if kind is _RANGE:
            for p in positions:
                if p < stop and step.in_range(text[p]):
                    advanced.append(p + 1)
        else:
            column, values, negated = columns[kind], step.values, step.negated
            for p in positions:
                if p < stop and (column[p] in values) is not negated:
                    advanced.append(p + 1)
        if step.optional:
            for p in advanced:
                if p not in positions:
                    positions.append(p)
        elif advanced:
            positions = advanced
        else:
            return -1
    return max(positions)


def _gap(positions: list[int], joints: list[bool], modifiers: list[bool], stop: int) -> list[int]:
    """Positions after an optional joint and up to two optional modifiers."""
    reached: list[int] = []
    for p in positions:
        for q in (p, p + 1) if p < stop and joints[p] else (p,):
            if q not in reached:
                reached.append(q)
            if q < stop and modifiers[q]:
                if q + 1 not in reached:
                    reached.append(q + 1)
                if q + 1 < stop and modifiers[q + 1] and q + 2 not in reached:
                    reached.append(q + 2)
    return reached


def _non_overlapping(best: dict[tuple[K, int], int]) -> list[Match[K]]:
    """Per key, keep the longest matches that do not overlap (spaCy's greedy="LONGEST")."""
    by_key: dict[K, list[tuple[int, int]]] = defaultdict(list)
    for (key, start), end in best.items():
        by_key[key].append((start, end))
    result: list[Match[K]] = []
    for key, spans in by_key.items():
        if len(spans) == 1:  # the usual case: one match of the key, nothing to choose
            start, end = spans[0]
            result.append((key, start, end))
            continue
        spans.sort(key=lambda s: (s[0] - s[1], s[0]))
        taken: list[tuple[int, int]] = []  # non-overlapping, sorted by start
        for start, end in spans:
            # only the taken span starting last before ``end`` can overlap (the others end before it starts)
            index = bisect_left(taken, (end, -1)) - 1
            if index < 0 or taken[index][1] <= start:
                insort(taken, (start, end))
        result.extend((key, start, end) for start, end in taken)
    result.sort(key=lambda m: (m[1], m[2], m[0]))
    return result
