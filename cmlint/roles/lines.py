"""The occupation of every duty line, read by the occupation model.

Each item that counts as a duty (a duty, a readiness, an unlabelled line …)
becomes a :class:`LineReading`: the occupations it reads as, most probable
first.  Requirements are read too (``duty`` false): they are no duties, but
what a job asks for tells which job it is («права категории C», «знание
1С»).  Conditions and the company description are not read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import compress

from cmlint.matching.lemma_matcher import TokenView
from cmlint.occupations.features import features, terms
from cmlint.occupations.model import OccupationModel
from cmlint.roles.evidence import item_weight
from cmlint.scoring import EvidenceWeights, OccupationWeights
from cmlint.text.segment import Structure

#: Items that say what the job asks for (read as witnesses of the occupation, not as duties).
REQUIREMENT_KINDS = frozenset({"requirement", "wish", "listed"})


@dataclass(frozen=True, slots=True)
class LineReading:
    """The model's reading of one duty line: occupations with their probabilities, most probable first.

    ``weight`` is how much the item counts: as a duty (a duty 1, a readiness
    ½ …) or, for a requirement (``duty`` false), as a witness of the occupation.
    """

    item: int
    weight: float
    probabilities: tuple[tuple[str, float], ...]
    duty: bool = True
    #: The fine role the role head reads the line as, with its probability (None: no head or no known word).
    role: tuple[str, float] | None = None

    @property
    def occupation(self) -> str | None:
        """The most probable occupation (None when the line has no word the model knows)."""
        return self.probabilities[0][0] if self.probabilities else None

    @property
    def probability(self) -> float:
        return self.probabilities[0][1] if self.probabilities else 0.0


def read_items(
    structure: Structure, evidence: EvidenceWeights, weights: OccupationWeights
) -> Iterator[tuple[int, float, bool]]:
    """The items the model reads, as (index, weight, is a duty): duties by their duty weight, requirements lower."""
    unsectioned = not structure.has_duty_section
    for index, item in enumerate(structure.items):
        weight = item_weight(item, unsectioned, evidence)
        if weight:
            yield index, weight, True
        elif item.kind in REQUIREMENT_KINDS and weights.requirement_weight:
            yield index, weights.requirement_weight, False


def read_lines(
    model: OccupationModel,
    view: TokenView,
    bounds: Mapping[int, tuple[int, int]],
    structure: Structure,
    evidence: EvidenceWeights,
    weights: OccupationWeights,
    disclaimed: frozenset[int] = frozenset(),
    head: OccupationModel | None = None,
    names: frozenset[int] = frozenset(),
) -> tuple[LineReading, ...]:
    """Readings of the duty and requirement lines; a line with no known word gets no probabilities.

    ``bounds``: each item's first and past-the-last token (:func:`cmlint.text.token_items.item_bounds`);
    ``disclaimed`` items say which work is someone else's; they are not read.  ``head``, the fine-role
    model (:mod:`cmlint.roles.learned`), reads the duty lines too.  ``names``: tokens that name the title's
    position («ищем SMM-менеджера»); a line is read without them."""
    chosen: list[tuple[int, float, bool, list[str]]] = []
    for item, weight, duty in read_items(structure, evidence, weights):
        if item in bounds and item not in disclaimed:
            first, last = bounds[item]
            kept = [i for i in range(first, last) if i not in names]
            words = terms([view.lemma[i] for i in kept], [view.pos[i] for i in kept], 0, len(kept))
            chosen.append((item, weight, duty, features(words)))
    if not chosen:
        return ()
    probabilities = model.predict([found for _, _, _, found in chosen])
    roles = _head_roles(head, [found if duty else [] for _, _, duty, found in chosen])
    above = (probabilities >= weights.min_probability).tolist()
    labels = model.labels
    readings: list[LineReading] = []
    for (item, weight, duty, _), row, kept, role in zip(chosen, probabilities.tolist(), above, roles, strict=True):
        if not any(row):
            readings.append(LineReading(item, weight, (), duty, role))
            continue
        # The labels at or above the threshold (else the most probable), most probable first, ties in label order.
        picked = list(compress(range(len(row)), kept)) or [row.index(max(row))]
        picked.sort(key=lambda i: -row[i])
        readings.append(LineReading(item, weight, tuple((labels[i], round(row[i], 4)) for i in picked), duty, role))
    return tuple(readings)


def _head_roles(head: OccupationModel | None, lines: list[list[str]]) -> list[tuple[str, float] | None]:
    """Per line, the head's most probable label with its probability (None for a line it cannot read)."""
    if head is None:
        return [None] * len(lines)
    rows = head.predict(lines)
    best = rows.argmax(axis=1).tolist()
    return [
        (head.labels[index], round(float(row[index]), 4)) if row[index] > 0 else None
        for index, row in zip(best, rows, strict=True)
    ]
