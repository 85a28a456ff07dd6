"""Role evidence: which role each duty line speaks of, and the duty profile.

A duty phrase counts only where it describes the job:

- negation cancels it («не нужно продавать», «без холодных звонков»,
  «продаж нет»);
- a role word that names another team is cooperation, not a duty
  («вместе с отделом продаж», «передавать обращения в поддержку»);
- requirements, wishes («опыт в SMM будет плюсом»), conditions and the
  company description carry no duties; readiness («готовность к холодным
  звонкам») counts half.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from cmlint.matching.lemma_matcher import TokenView
from cmlint.nlp.words import Lemma
from cmlint.scoring import EvidenceWeights
from cmlint.roles.matching import DutyMatch
from cmlint.text.segment import Item, Structure

_NOUN_PHRASE_POS = {"NOUN", "ADJ", "PROPN", "CCONJ", "ADP", "DET", "PUNCT", "X", "NUM"}


MARKERS_FILE = "evidence.yaml"


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
    handoff_verbs: frozenset[Lemma]
    joint_markers: frozenset[Lemma]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A counted duty match: role, weight, and where it is (tokens and item)."""

    role: str
    weight: float
    start: int
    end: int
    item: int
    tags: tuple[str, ...] = ()


class DutyProfile:
    """Raw role mass over the duties, and each role's share of it (computed once)."""

    __slots__ = ("mass", "total", "_shares")

    def __init__(self, mass: dict[str, float]) -> None:
        self.mass = mass
        self.total = sum(mass.values())
        ranked = sorted(mass.items(), key=lambda kv: (-kv[1], kv[0]))
        total = self.total
        self._shares = {role: round(value / total, 3) for role, value in ranked if value > 0} if total else {}

    def share(self, role: str) -> float:
        return self.mass.get(role, 0.0) / self.total if self.total else 0.0

    def shares(self) -> dict[str, float]:
        """Shares by role, largest first, rounded to three digits."""
        return dict(self._shares)

    def ranked(self) -> list[tuple[str, float]]:
        return list(self._shares.items())


def collect(
    matches: list[DutyMatch],
    view: TokenView,
    token_items: Sequence[int],
    structure: Structure,
    markers: Markers,
    weights: EvidenceWeights,
) -> list[Evidence]:
    """Turn raw duty matches into counted evidence.

    ``token_items`` gives the item index of every token (-1 outside items).
    """
    lemmas, pos = view.lemma, view.pos
    unsectioned = not structure.has_duty_section
    bounds: dict[int, tuple[int, int]] = {}
    kept: list[Evidence] = []
    for match in matches:
        item_index = token_items[match.start]
        if item_index < 0 or token_items[match.end - 1] != item_index:
            continue
        item = structure.items[item_index]
        weight = _item_weight(item, unsectioned, weights)
        if not weight:
            continue
        if item_index not in bounds:
            bounds[item_index] = _item_bounds(token_items, match.start, item_index)
        first, last = bounds[item_index]
        if _negated(match, view, first, last, markers, weights):
            continue
        cooperation = _cooperation(match, lemmas, pos, first, last, markers, weights)
        if cooperation == 0.0:
            continue
        kept.append(Evidence(match.role, match.weight * weight * cooperation, match.start, match.end, item_index, match.tags))
    return _dedupe(kept)


def profile(evidence: Sequence[Evidence], weights: EvidenceWeights) -> DutyProfile:
    """Sum evidence per role, capping what one item gives one role."""
    per_item: dict[tuple[int, str], float] = {}
    cap = weights.item_role_cap
    for ev in evidence:
        key = (ev.item, ev.role)
        per_item[key] = min(cap, per_item.get(key, 0.0) + ev.weight)
    mass: dict[str, float] = {}
    for (_, role), value in per_item.items():
        mass[role] = mass.get(role, 0.0) + value
    return DutyProfile(mass)


def _item_weight(item: Item, unsectioned: bool, weights: EvidenceWeights) -> float:
    if item.kind == "other" and unsectioned:
        return weights.unsectioned_weight
    return weights.item_weight(item.kind)


def _item_bounds(token_items: Sequence[int], inside: int, item: int) -> tuple[int, int]:
    """First and past-the-last token of ``item``, found from a token ``inside`` it."""
    first = inside
    while first > 0 and token_items[first - 1] == item:
        first -= 1
    last = inside + 1
    while last < len(token_items) and token_items[last] == item:
        last += 1
    return first, last


def _negated(match: DutyMatch, view: TokenView, first: int, last: int, markers: Markers, weights: EvidenceWeights) -> bool:
    """A negator before the match in its clause, or right after it («не реже», «не только» do not negate)."""
    lemmas, pos = view.lemma, view.pos

    def undone(after: int) -> bool:
        return after < last and (lemmas[after] in markers.negation_exceptions or view.lower[after] in markers.negation_exception_forms)

    index = match.start - 1
    while index >= first and match.start - index <= weights.negation_window:
        lemma = lemmas[index]
        if lemma in markers.clause_breakers:
            break
        if lemma == "," and any(pos[j] not in _NOUN_PHRASE_POS for j in range(index + 1, match.start)):
            break
        if lemma in markers.negators and not undone(index + 1):
            return True
        index -= 1
    index = match.end
    while index < last and index - match.end < weights.post_negation_window:
        lemma = lemmas[index]
        if lemma in markers.clause_breakers or lemma == ",":
            break
        if lemma in markers.post_negators and not undone(index + 1):
            return True
        index += 1
    return False


def _cooperation(
    match: DutyMatch, lemmas: list[str], pos: list[str], first: int, last: int, markers: Markers, weights: EvidenceWeights
) -> float:
    """0 when the match names another team or hands work over, 0.5 for joint work, else 1."""
    index = match.start - 1
    while index >= first and (pos[index] in ("ADJ", "ADP") or lemmas[index] in ("-", "‑")):
        index -= 1
    if index >= first and lemmas[index] in markers.team_nouns:
        return 0.0
    after = match.end
    while after < last and lemmas[after] in ("-", "‑"):
        after += 1
    if after < last and lemmas[after] in markers.team_heads:
        return 0.0
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


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    """Drop matches of a role that lie inside a longer match of the same role."""
    by_length = sorted(evidence, key=lambda e: (-(e.end - e.start), -e.weight, e.start))
    kept: list[Evidence] = []
    for ev in by_length:
        if any(k.role == ev.role and k.start <= ev.start and ev.end <= k.end for k in kept):
            continue
        kept.append(ev)
    kept.sort(key=lambda e: (e.start, e.end, e.role))
    return kept
