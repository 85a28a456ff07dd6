"""The duty profile: how much of the duties belongs to each role or occupation.

Every duty line counts once, by its weight (a duty 1, a readiness ½ …), and
spreads that over roles.  Two sources meet on a line.  The occupation model
reads every line, so duties of any occupation count — a courier's, an
accountant's, a developer's.  Phrase evidence (the taxonomy's duty phrases,
with negation and other teams handled) names the fine roles around
community work precisely: the stronger the phrase, the more of the line goes
to its role, and the model's probability for the role's occupation goes to
the role itself («Маркетинг, реклама, PR» becomes SMM on a line about posts).
When the model is sure a line belongs to an occupation unrelated to the
phrase's role («реализовывать пайплайны» is a developer's line, «анализ
продаж» an analyst's), the phrase counts for little.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cmlint.roles.evidence import Collected, Evidence
from cmlint.roles.lines import LineReading
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import OccupationWeights, Scoring


class DutyProfile:
    """Raw role mass over the duties, each role's share of it, and how many witnesses speak for each role
    (phrase matches, a phrase profile only)."""

    __slots__ = ("mass", "total", "witnesses", "spans", "items", "_shares")

    def __init__(
        self,
        mass: dict[str, float],
        witnesses: dict[str, int] | None = None,
        spans: dict[str, tuple[tuple[int, int], ...]] | None = None,
        items: dict[str, frozenset[int]] | None = None,
    ) -> None:
        self.mass = mass
        self.witnesses = witnesses or {}
        #: Per role, the token spans of its phrases (a phrase profile only).
        self.spans = spans or {}
        #: Per role, the duty items its phrases stand on (a phrase profile only).
        self.items = items or {}
        self.total = sum(mass.values())
        self._shares: dict[str, float] | None = None

    def share(self, role: str) -> float:
        return self.mass.get(role, 0.0) / self.total if self.total else 0.0

    def shares(self) -> dict[str, float]:
        """Shares by role, largest first, rounded to three digits."""
        return dict(self._ranking())

    def ranked(self) -> list[tuple[str, float]]:
        return list(self._ranking().items())

    def _ranking(self) -> dict[str, float]:
        """:meth:`shares`, worked out at the first question: most phrase profiles are never asked."""
        if self._shares is None:
            total = self.total
            # (-mass, role) pairs sort the larger mass first, then by role, with no key function to call.
            ranked = sorted((-value, role) for role, value in self.mass.items() if value > 0)
            self._shares = {role: round(-negated / total, 3) for negated, role in ranked} if total else {}
        return self._shares


def item_masses(
    collected: Collected, lines: Sequence[LineReading], taxonomy: Taxonomy, weights: OccupationWeights
) -> dict[int, dict[str, float]]:
    """What each duty line gives each role.

    A line's masses sum to at most its weight: the model's probabilities are
    taken as they are, so a line it cannot place (no occupation above a few
    per cent) gives little to anyone instead of all to its best guess.
    Where a phrase was cancelled («продавать не нужно», «вместе с отделом
    продаж»), the model's reading of that line loses the phrase role's
    occupation too: the model does not see negation.
    """
    phrases: dict[int, dict[str, float]] = {}
    for ev in collected.evidence:
        strengths = phrases.setdefault(ev.item, {})
        strengths[ev.role] = strengths.get(ev.role, 0.0) + ev.weight
    denied: dict[int, set[str]] = {}
    for item, role in collected.cancelled:
        denied.setdefault(item, set()).add(taxonomy.occupation_of(role))
    masses: dict[int, dict[str, float]] = {}
    for line in lines:
        if not line.duty:
            continue
        gone = denied.get(line.item, ())
        model = {occupation: p for occupation, p in line.probabilities if occupation not in gone}
        strengths = phrases.get(line.item, {})
        if not strengths:
            if model:
                masses[line.item] = {role: line.weight * p for role, p in model.items()}
            continue
        mixed: dict[str, float] = {}
        pulls = {
            role: _pull(strength / line.weight, weights)
            * (weights.contradicted_factor if _contradicts(line, role, taxonomy, weights) else 1.0)
            for role, strength in strengths.items()
        }
        pull = min(1.0, sum(pulls.values())) if model else 1.0
        total = sum(pulls.values()) or 1.0
        for role, value in pulls.items():
            mixed[role] = mixed.get(role, 0.0) + pull * value / total
        rest = 1.0 - pull
        if rest > 0 and model:
            refined = {taxonomy.occupation_of(role): role for role in strengths}
            for occupation, p in model.items():
                target = refined.get(occupation, occupation)
                mixed[target] = mixed.get(target, 0.0) + rest * p
        masses[line.item] = {role: line.weight * value for role, value in mixed.items()}
    return masses


def _pull(strength: float, weights: OccupationWeights) -> float:
    """How much of a line a phrase of this strength takes (half at ``phrase_half``)."""
    return strength / (strength + weights.phrase_half)


def _contradicts(line: LineReading, role: str, taxonomy: Taxonomy, weights: OccupationWeights) -> bool:
    """Whether the model refutes a phrase of ``role`` on the line (:func:`contradicts`); never a phrase of a
    member role: the model reads a line about members as their trade or pastime."""
    return role not in weights.member_roles and contradicts(line, role, taxonomy, weights)


def contradicts(line: LineReading, role: str, taxonomy: Taxonomy, weights: OccupationWeights) -> bool:
    """Whether the model reads the line, surely enough, as an occupation unrelated to ``role``.

    Where the model knows the role's occupation well (sales, support, HR) its
    word weighs more than where real data is scarce (community, SMM, PR).
    """
    if not line.probabilities:
        return False
    top, probability = line.probabilities[0]
    occupation = taxonomy.occupation_of(role)
    scarce = occupation in weights.scarce_occupations
    needed = weights.scarce_contradiction_probability if scarce else weights.contradiction_probability
    return probability >= needed and not taxonomy.related(occupation, top)


def phrase_profile(
    evidence: Sequence[Evidence], lines: Sequence[LineReading], taxonomy: Taxonomy, scoring: Scoring
) -> DutyProfile:
    """The fine roles' phrase evidence alone (capped per item and role), weakened where the model contradicts it."""
    cap = scoring.evidence.item_role_cap
    readings = {line.item: line for line in lines}
    masses: dict[int, dict[str, float]] = {}
    witnesses: dict[str, int] = {}
    found_on: dict[str, list[tuple[int, int]]] = {}
    for ev in evidence:
        item = masses.setdefault(ev.item, {})
        item[ev.role] = min(cap, item.get(ev.role, 0.0) + ev.weight)
        witnesses[ev.role] = witnesses.get(ev.role, 0) + 1
        found_on.setdefault(ev.role, []).append((ev.start, ev.end))
    for index, item in masses.items():
        line = readings.get(index)
        if line is not None:
            for role in item:
                if _contradicts(line, role, taxonomy, scoring.occupations):
                    item[role] *= scoring.occupations.contradicted_factor
    items = {role: frozenset(index for index, item in masses.items() if role in item) for role in witnesses}
    spans = {role: tuple(on) for role, on in found_on.items()}
    return DutyProfile(_summed_mass(masses.values()), witnesses, spans, items)


def summed(items: Iterable[Mapping[str, float]]) -> DutyProfile:
    """The profile of per-item role masses."""
    return DutyProfile(_summed_mass(items))


def _summed_mass(items: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Per role, its masses over the items summed."""
    mass: dict[str, float] = {}
    for item in items:
        for role, value in item.items():
            mass[role] = mass.get(role, 0.0) + value
    return mass


@dataclass(frozen=True, slots=True)
class OccupationScores:
    """What the duty lines together say about the posting's occupation.

    Each line is a distribution over occupations: a duty line's is the
    model's, pulled toward the occupation of a fine role its phrases name (a
    line about meetups is community work even where the model has not seen
    one); a requirement line's is the model's, at a lower weight.
    ``log_scores``: per occupation, the weighted sum of its log-probability
    over the lines (the lines as independent witnesses); ``shares``: the
    weighted mean probability; ``weight``: the lines' total weight;
    ``witnesses``: each line's weight and distribution; ``own``: per
    witness, whether the line names what the title works on
    (:mod:`cmlint.roles.objects`): such a line is the title's own work and
    never speaks against it in :meth:`margin`.
    """

    log_scores: dict[str, float]
    shares: dict[str, float]
    weight: float
    witnesses: tuple[tuple[float, dict[str, float]], ...]
    floor: float
    own: tuple[bool, ...] = ()
    #: :meth:`ranked`, sorted once (the decision and the suggestions ask for it several times).
    _ranking: tuple[tuple[str, float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # (-share, label) pairs sort the larger share first, then by label, with no key function to call.
        ranking = sorted((-share, label) for label, share in self.shares.items() if share > 0)
        object.__setattr__(self, "_ranking", tuple((label, -negated) for negated, label in ranking))

    @classmethod
    def of(
        cls,
        masses: Mapping[int, dict[str, float]],
        lines: Sequence[LineReading],
        taxonomy: Taxonomy,
        labels: Sequence[str],
        weights: OccupationWeights,
        naming: frozenset[int] = frozenset(),
    ) -> OccupationScores:
        """Scores from the duty lines' :func:`item_masses` and the requirement lines; ``naming``: the items
        that name what the title works on."""
        weights_of = {line.item: line.weight for line in lines}
        occupation_of = taxonomy.occupations
        witnesses: list[tuple[float, dict[str, float]]] = []
        own: list[bool] = []
        for index, item in masses.items():
            line_weight = weights_of.get(index, 0.0)
            if line_weight and item:
                probabilities: dict[str, float] = {}
                for role, mass in item.items():
                    occupation = occupation_of[role]
                    probabilities[occupation] = probabilities.get(occupation, 0.0) + mass / line_weight
                witnesses.append((line_weight, probabilities))
                own.append(index in naming)
        for line in lines:
            if not line.duty and line.probabilities:
                witnesses.append((line.weight, dict(line.probabilities)))
                own.append(line.item in naming)
        weight = sum(w for w, _ in witnesses)
        floor_probability = weights.floor_probability
        floor = math.log(floor_probability)
        log_scores = dict.fromkeys(labels, weight * floor)
        shares = dict.fromkeys(labels, 0.0)
        for line_weight, probabilities in witnesses:
            for label, p in probabilities.items():
                if label not in shares:
                    continue
                if p > floor_probability:
                    log_scores[label] += line_weight * (math.log(p) - floor)
                shares[label] += line_weight * p / weight
        return cls(log_scores, shares, weight, tuple(witnesses), floor_probability, tuple(own))

    def margin(self, rival: set[str] | frozenset[str], fitting: set[str] | frozenset[str]) -> float:
        """How much more the lines speak for the ``rival`` occupations than for the ``fitting`` ones.

        Per line, the log-odds of the mass on ``rival`` against the mass on
        ``fitting``, weighted and summed.  A rival is one occupation with its
        related ones, so a courier's lines reading partly as driver's and
        warehouse work still speak with one voice; lines that read as nothing
        in particular spread their mass and speak for no rival.  A line that
        names what the title works on speaks only for the title.
        """
        total = 0.0
        for index, (line_weight, probabilities) in enumerate(self.witnesses):
            inside = sum(p for occupation, p in probabilities.items() if occupation in fitting)
            outside = sum(p for occupation, p in probabilities.items() if occupation in rival)
            odds = line_weight * (math.log(max(outside, self.floor)) - math.log(max(inside, self.floor)))
            total += min(odds, 0.0) if index < len(self.own) and self.own[index] else odds
        return total

    def share_of(self, labels: Iterable[str]) -> float:
        """The mean probability of ``labels`` together (their shares summed)."""
        return sum(self.shares.get(label, 0.0) for label in labels)

    def clearest(self, labels: set[str] | frozenset[str]) -> float:
        """The highest probability any one line gives ``labels`` together."""
        sums = (sum(p for label, p in found.items() if label in labels) for _, found in self.witnesses)
        return max(sums, default=0.0)

    def best_outside(self, excluded: set[str] | frozenset[str]) -> tuple[str | None, float]:
        """The label not among ``excluded`` with the highest log-score, and that score."""
        found = [(score, label) for label, score in self.log_scores.items() if label not in excluded]
        if not found:
            return None, -math.inf
        score, label = max(found)
        return label, score

    def ranked(self) -> list[tuple[str, float]]:
        """Occupations by mean probability, largest first (those above zero)."""
        return list(self._ranking)
