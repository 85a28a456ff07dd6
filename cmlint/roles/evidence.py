"""Role evidence: which fine role each duty phrase speaks of.

A duty phrase counts only where it describes the job:

- negation cancels it («не нужно продавать», «без холодных звонков»,
  «продаж нет»);
- a role word that names another team is cooperation, not a duty
  («вместе с отделом продаж», «передавать обращения в поддержку»);
- a phrase that names the aim of the work counts less («SMM-стратегия под цели
  клиники: привлечение новых клиентов» is SMM, not sales);
- requirements, wishes («опыт в SMM будет плюсом»), conditions and the
  company description carry no duties; readiness («готовность к холодным
  звонкам») counts half;
- a line that says which work is someone else's carries none either
  («Продажи и техподдержка — в других отделах», «Касса и бар — не ваши
  задачи, для этого есть администраторы»): :func:`disclaimed_items`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from operator import attrgetter

from pydantic import BaseModel, ConfigDict, field_validator

from cmlint.matching.lemma_matcher import TokenView
from cmlint.nlp.words import Lemma
from cmlint.roles.matching import DutyMatch
from cmlint.scoring import EvidenceWeights
from cmlint.text.segment import Item, Structure

_NOUN_PHRASE_POS = {"NOUN", "ADJ", "PROPN", "CCONJ", "ADP", "DET", "PUNCT", "X", "NUM"}
_DASHES = frozenset({"—", "–", "-"})
#: The prepositions after a hand-off verb that name where the work goes («— передавать в поддержку»).
_HANDOFF_TARGETS = frozenset({"в", "на"})


MARKERS_FILE = "evidence.yaml"
#: A disclaimer word that stands for any one token («остаются за * - агентство»: «за SMM-агентством»).
ANY_TOKEN = "*"


class Markers(BaseModel):
    """Words that change the meaning of a duty match (``rules/evidence.yaml``): lemmas, except the forms list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    negators: frozenset[Lemma]
    post_negators: frozenset[Lemma]
    negation_exceptions: frozenset[Lemma]
    #: Word forms (lower-cased) that undo a negator like the exceptions do: comparatives
    #: («не реже», «не больше») share their lemma with the plain adjective.
    negation_exception_forms: frozenset[str]
    clause_breakers: frozenset[Lemma]
    team_nouns: frozenset[Lemma]
    team_heads: frozenset[Lemma]
    #: People who are no staff: a team of them is a programme to run («собрать команду амбассадоров»), not
    #: another team.
    unpaid_people: frozenset[Lemma]
    handoff_verbs: frozenset[Lemma]
    joint_markers: frozenset[Lemma]
    #: A phrase after one of these names the aim of the work («цели: привлечение клиентов»), not the work.
    goal_markers: frozenset[Lemma]
    #: A phrase after one of these in its clause is work done now and then («Иногда готовить новости о релизах»).
    occasional_markers: frozenset[Lemma]
    #: Lemma sequences that say the work of their line is not the job's; each word may list
    #: alternatives with «|» («не ваш задача|забота»); «*» stands for any one token, not the first.
    disclaimers: tuple[str, ...]

    @cached_property
    def sentence_breakers(self) -> frozenset[str]:
        """The clause breakers that end a sentence: all but the colon («цели клиники: привлечение клиентов»)."""
        return self.clause_breakers - {":"}

    @field_validator("disclaimers")
    @classmethod
    def _no_leading_wildcard(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in phrases:
            words = phrase.split()
            if not words or words[0] == ANY_TOKEN:
                raise ValueError(f"«{phrase}»: фраза должна начинаться со слова, а не с «{ANY_TOKEN}»")
        return phrases


@dataclass(frozen=True, slots=True)
class Evidence:
    """A counted duty match: role, weight, and where it is (tokens and item)."""

    role: str
    weight: float
    start: int
    end: int
    item: int
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Collected:
    """Counted evidence, and the (item, role) pairs whose phrases were cancelled (negated, another team's)."""

    evidence: tuple[Evidence, ...]
    cancelled: frozenset[tuple[int, str]]


def collect(
    matches: list[DutyMatch],
    view: TokenView,
    token_items: Sequence[int],
    bounds: Mapping[int, tuple[int, int]],
    structure: Structure,
    markers: Markers,
    weights: EvidenceWeights,
    disclaimed: frozenset[int] = frozenset(),
) -> Collected:
    """Turn raw duty matches into counted evidence.

    ``token_items`` gives the item index of every token (-1 outside items), ``bounds`` each item's first and
    past-the-last token (:func:`cmlint.text.token_items.item_bounds`); the phrases of ``disclaimed`` items
    (:func:`disclaimed_items`) are cancelled.
    """
    lemmas, pos = view.lemma, view.pos
    unsectioned = not structure.has_duty_section
    marked = _MarkedTokens.of(view, markers)
    kept: list[Evidence] = []
    cancelled: set[tuple[int, str]] = set()
    for match in matches:
        item_index = token_items[match.start]
        if item_index < 0 or token_items[match.end - 1] != item_index:
            continue
        if _attribute(match, pos):
            continue
        if item_index in disclaimed:
            cancelled.add((item_index, match.role))
            continue
        item = structure.items[item_index]
        weight = item_weight(item, unsectioned, weights)
        if not weight:
            continue
        first, last = bounds[item_index]
        negated = _negated(match, view, first, last, markers, weights, marked)
        cooperation = 0.0 if negated else _cooperation(match, lemmas, pos, first, last, markers, weights, marked)
        if cooperation == 0.0:
            cancelled.add((item_index, match.role))
            continue
        if _goal(match, lemmas, first, markers, weights, marked):
            cooperation *= weights.goal_factor
        if _occasional(match, lemmas, first, markers, weights, marked):
            cooperation *= weights.occasional_factor
        kept.append(
            Evidence(match.role, match.weight * weight * cooperation, match.start, match.end, item_index, match.tags)
        )
    return Collected(tuple(_dedupe(kept)), frozenset(cancelled))


def without_objects_of_other_work(
    evidence: Sequence[Evidence], related: Callable[[str, str], bool]
) -> tuple[Evidence, ...]:
    """The evidence without the bare mentions (phrases tagged ``mention``: «участники», «сообщество») that stand
    on a line whose work only phrases of unrelated roles name: in «продлевать членство участников» or «звонить
    участникам, у которых заканчивается абонемент» the members are whom the account work is for, not a sign
    of community work.  Where a phrase of the mention's own or a related role names work on the line too, the
    mention stays."""
    worked: dict[int, set[str]] = defaultdict(set)
    for ev in evidence:
        if "mention" not in ev.tags:
            worked[ev.item].add(ev.role)

    def object_of_other_work(ev: Evidence) -> bool:
        roles = worked.get(ev.item, set())
        return bool(roles) and not any(related(ev.role, role) for role in roles)

    return tuple(ev for ev in evidence if "mention" not in ev.tags or not object_of_other_work(ev))


def disclaimed_items(
    view: TokenView,
    token_items: Sequence[int],
    markers: Markers,
    structure: Structure | None = None,
    token_starts: Sequence[int] = (),
) -> frozenset[int]:
    """The items that say which work is someone else's («Продажи — в других отделах», «Касса — не ваша
    задача», «этим занимается отдел продаж»): their phrases are no duties and the model does not read them.
    A heading that says so («Не ваша задача:», «Что не входит в обязанности:») disclaims every item under
    it (``structure`` and the tokens' character offsets ``token_starts`` tell where the headings are)."""
    lemmas = view.lemma
    positions, words = view.positions, view.words
    found: set[int] = set()
    for first, rest in _disclaimer_patterns(markers.disclaimers):
        if first.isdisjoint(words):
            continue
        size = len(rest) + 1
        second = rest[0] if rest else None
        # Only where the first word stands (the index also holds forms: the lemma is checked below); the second
        # word is tested before the rest, as most places of a common first word («не») fail there.
        starts = {i for word in first for i in positions.get(word, ())}
        for start in (i for i in starts if i <= len(lemmas) - size):
            if (
                lemmas[start] not in first
                or (second is not None and lemmas[start + 1] not in second)
                or not all(words is None or lemmas[start + k] in words for k, words in enumerate(rest, 1))
            ):
                continue
            item = token_items[start]
            if item >= 0:
                found.add(item)
            elif structure is not None and start < len(token_starts):
                found.update(_items_under_heading(structure, token_starts[start]))
    return frozenset(found)


def _items_under_heading(structure: Structure, char: int) -> list[int]:
    """The items of the section whose heading holds the character at ``char`` (none when no heading does)."""
    for section in structure.sections:
        if section.heading is not None and section.heading[0] <= char < section.heading[1]:
            return [i for i, item in enumerate(structure.items) if section.start <= item.start < section.end]
    return []


@lru_cache(maxsize=8)
def _disclaimer_patterns(
    phrases: tuple[str, ...],
) -> tuple[tuple[frozenset[str], tuple[frozenset[str] | None, ...]], ...]:
    """Each phrase as its first word's alternatives and the later words' (None for «*», any token)."""
    found = []
    for phrase in phrases:
        first, *rest = phrase.split()
        found.append(
            (frozenset(first.split("|")), tuple(None if w == ANY_TOKEN else frozenset(w.split("|")) for w in rest))
        )
    return tuple(found)


def _attribute(match: DutyMatch, pos: Sequence[str]) -> bool:
    """A one-word match that only describes the noun after it: «продающих объявлений» is copywriting, not selling."""
    one_word = match.end - match.start == 1
    return one_word and pos[match.start] == "ADJ" and match.end < len(pos) and pos[match.end] == "NOUN"


def item_weight(item: Item, unsectioned: bool, weights: EvidenceWeights) -> float:
    """How much an item counts as a duty (0 for requirements, conditions, the company description …)."""
    if item.kind == "other" and unsectioned:
        return weights.unsectioned_weight
    if item.kind == "other" and item.section == "intro":
        # Before the duties heading come the company and the offer, not the work.
        return weights.intro_weight
    return weights.item_weight(item.kind)


@dataclass(frozen=True, slots=True)
class _MarkedTokens:
    """The tokens of a posting that may be a marker of each kind (:meth:`TokenView.holding`: one of their words
    is one; the scans check the lemma), in order, found once: where none stands near a match (most matches), the
    scan for it is skipped."""

    negators: list[int]
    post_negators: list[int]
    denials: list[int]
    handoffs: list[int]
    joint: list[int]
    goals: list[int]
    occasional: list[int]

    @classmethod
    def of(cls, view: TokenView, markers: Markers) -> _MarkedTokens:
        """The tokens of ``view`` that may be one of ``markers``, of each kind."""
        return cls(
            view.holding(markers.negators),
            view.holding(markers.post_negators),
            view.holding(_DENIAL),
            view.holding(markers.handoff_verbs),
            view.holding(markers.joint_markers),
            view.holding(markers.goal_markers),
            view.holding(markers.occasional_markers),
        )


#: What a clause ends in to say the work is absent (:func:`_denied_at_clause_end`).
_DENIAL = frozenset({"нет"})


def _any_between(tokens: list[int], start: int, end: int) -> bool:
    """Whether one of ``tokens`` (in order) lies from ``start`` up to ``end``."""
    index = bisect_left(tokens, start)
    return index < len(tokens) and tokens[index] < end


def _negated(
    match: DutyMatch,
    view: TokenView,
    first: int,
    last: int,
    markers: Markers,
    weights: EvidenceWeights,
    marked: _MarkedTokens,
) -> bool:
    """A negator before the match in its clause, or right after it («не реже», «не только» do not negate), or a
    clause that ends in «нет»; each looked for only where a token of ``marked`` may be one."""
    start, end = match.start, match.end
    before, after = weights.negation_window, weights.post_negation_window
    return (
        (
            _any_between(marked.negators, max(first, start - before), start)
            and _negator_before(match, view, first, last, markers, before)
        )
        or (
            _any_between(marked.post_negators, end, min(last, end + after))
            and _negator_after(match, view, last, markers, after)
        )
        or (
            _any_between(marked.denials, end, last)
            and _denied_at_clause_end(match, view.lemma, view.pos, last, markers)
        )
    )


def _negator_before(match: DutyMatch, view: TokenView, first: int, last: int, markers: Markers, window: int) -> bool:
    """A negator within ``window`` words before the match in its clause (a comma ends it unless only a noun
    phrase follows)."""
    lemmas, pos = view.lemma, view.pos
    index = match.start - 1
    while index >= first and match.start - index <= window:
        lemma = lemmas[index]
        if lemma in markers.clause_breakers:
            break
        if lemma == "," and any(pos[j] not in _NOUN_PHRASE_POS for j in range(index + 1, match.start)):
            break
        if lemma in markers.negators and not _undone(index + 1, last, view, markers):
            return True
        index -= 1
    return False


def _negator_after(match: DutyMatch, view: TokenView, last: int, markers: Markers, window: int) -> bool:
    """A negator within ``window`` words after the match, before a comma or the clause's end («продаж нет»)."""
    lemmas = view.lemma
    index = match.end
    while index < last and index - match.end < window:
        lemma = lemmas[index]
        if lemma in markers.clause_breakers or lemma == ",":
            break
        if lemma in markers.post_negators and not _undone(index + 1, last, view, markers):
            return True
        index += 1
    return False


def _undone(after: int, last: int, view: TokenView, markers: Markers) -> bool:
    """Whether the word at ``after`` (before ``last``) undoes the negator before it («не реже», «не только»)."""
    return after < last and (
        view.lemma[after] in markers.negation_exceptions or view.lower[after] in markers.negation_exception_forms
    )


def _denied_at_clause_end(match: DutyMatch, lemmas: list[str], pos: list[str], last: int, markers: Markers) -> bool:
    """A clause that ends in «нет» says the work is absent however far the word stands from it
    («Работы с прессой в этой должности почти нет»), also with an adverb after it («… здесь нет вообще»,
    «… нет совсем»); a comma ends the clause («…, если ответа нет»)."""
    index = match.end
    while index < last and lemmas[index] not in markers.clause_breakers and lemmas[index] != ",":
        index += 1
    while index > match.end + 1 and lemmas[index - 1] != "нет" and pos[index - 1] == "ADV":
        index -= 1
    return index > match.end and lemmas[index - 1] == "нет"


def _cooperation(
    match: DutyMatch,
    lemmas: list[str],
    pos: list[str],
    first: int,
    last: int,
    markers: Markers,
    weights: EvidenceWeights,
    marked: _MarkedTokens,
) -> float:
    """0 when the match names another team or hands work over, 0.5 for joint work, else 1."""
    index = match.start - 1
    while index >= first and (pos[index] in ("ADJ", "ADP") or lemmas[index] in ("-", "‑")):
        index -= 1
    if index >= first and lemmas[index] in markers.team_nouns and lemmas[match.start] not in markers.unpaid_people:
        return 0.0
    after = match.end
    while after < last and lemmas[after] in ("-", "‑"):
        after += 1
    if after < last and lemmas[after] in markers.team_heads:
        return 0.0
    if _any_between(marked.handoffs, match.end + 1, last - 1) and _handed_on(match, lemmas, last, markers):
        return 0.0
    if _any_between(marked.handoffs, first, match.start) or _any_between(marked.joint, first, match.start):
        return _shared_before(match, lemmas, first, markers, weights)
    return 1.0


def _shared_before(
    match: DutyMatch, lemmas: list[str], first: int, markers: Markers, weights: EvidenceWeights
) -> float:
    """0 when a hand-off verb stands before the match in its clause, the joint factor for a marker of joint work,
    else 1."""
    factor = 1.0
    index = match.start - 1
    while index >= first:
        lemma = lemmas[index]
        if lemma in markers.clause_breakers:
            break
        if lemma in markers.handoff_verbs:
            return 0.0
        if lemma in markers.joint_markers:
            factor = weights.joint_factor
        index -= 1
    return factor


def _handed_on(match: DutyMatch, lemmas: list[str], last: int, markers: Markers) -> bool:
    """What stands before a dash that leads a hand-off to another team in the same clause is handed on,
    not done («если всплывёт баг или жалоба — передавать в поддержку»)."""
    index = match.end
    while index + 2 < last and lemmas[index] not in markers.clause_breakers:
        if (
            lemmas[index] in _DASHES
            and lemmas[index + 1] in markers.handoff_verbs
            and lemmas[index + 2] in _HANDOFF_TARGETS
        ):
            return True
        index += 1
    return False


def _goal(
    match: DutyMatch, lemmas: list[str], first: int, markers: Markers, weights: EvidenceWeights, marked: _MarkedTokens
) -> bool:
    """Whether the match names the aim of the work, not the work: a goal word before it in its sentence
    («… под цели клиники: привлечение новых клиентов», «посты для роста продаж»)."""
    marks, stops, window = markers.goal_markers, markers.sentence_breakers, weights.negation_window
    return _marked_before(match, lemmas, first, marks, marked.goals, stops, window)


def _occasional(
    match: DutyMatch, lemmas: list[str], first: int, markers: Markers, weights: EvidenceWeights, marked: _MarkedTokens
) -> bool:
    """Whether the work is said to be done now and then: a marker of it before the match in its clause
    («Иногда готовить новости о релизах», «изредка подменять администратора»)."""
    marks, stops, window = markers.occasional_markers, markers.clause_breakers, weights.negation_window
    return _marked_before(match, lemmas, first, marks, marked.occasional, stops, window)


def _marked_before(
    match: DutyMatch,
    lemmas: list[str],
    first: int,
    marks: frozenset[str],
    marked: list[int],
    stops: frozenset[str],
    window: int,
) -> bool:
    """Whether one of ``marks`` stands before the match, within ``window`` words of it, in its item (from
    ``first``) and with none of ``stops`` between; no scan where none of the tokens that may be one (``marked``,
    in order) stands there."""
    if not _any_between(marked, max(first, match.start - window), match.start):
        return False
    index = match.start - 1
    while index >= first and match.start - index <= window:
        lemma = lemmas[index]
        if lemma in marks:
            return True
        if lemma in stops:
            return False
        index -= 1
    return False


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    """Drop matches of a role that lie inside a longer match of the same role; in text order."""
    by_role: dict[str, list[Evidence]] = {}
    for ev in evidence:
        by_role.setdefault(ev.role, []).append(ev)
    kept = [ev for found in by_role.values() for ev in (found if _none_inside(found) else _outermost(found))]
    kept.sort(key=_TEXT_ORDER)
    return kept


def _none_inside(evidence: list[Evidence]) -> bool:
    """Whether each match starts and ends after the one before it, so none lies inside another: the usual case
    (the matches come in text order), with no sorting or comparing of spans."""
    return all(a.start < b.start and a.end < b.end for a, b in pairwise(evidence))


#: Evidence in text order (kept matches of one role never share both ends).
_TEXT_ORDER = attrgetter("start", "end", "role")


def _outermost(evidence: list[Evidence]) -> list[Evidence]:
    """The matches of one role that lie inside no longer one (of equal spans, the heavier one stays)."""
    by_length = sorted(evidence, key=lambda e: (-(e.end - e.start), -e.weight, e.start))
    longest = by_length[0].end - by_length[0].start
    kept: list[Evidence] = []
    spans: list[tuple[int, int]] = []  # kept (start, end) sorted
    for ev in by_length:
        # a span that contains ev starts no earlier than ev.end - longest: look only there (linear, not quadratic)
        low = bisect_left(spans, (ev.end - longest, -1))
        high = bisect_right(spans, (ev.start, ev.end + longest + 1))
        if any(end >= ev.end for _, end in spans[low:high]):
            continue
        insort(spans, (ev.start, ev.end))
        kept.append(ev)
    return kept
