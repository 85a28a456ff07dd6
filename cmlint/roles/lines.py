"""The occupation of every duty line, read by the occupation model.

Each item that counts as a duty (a duty, a readiness, an unlabelled line …)
becomes a :class:`LineReading`: the occupations it reads as, most probable
first.  Requirements are read too (``duty`` false): they are no duties, but
what a job asks for tells which job it is («права категории C», «знание
1С»).  Conditions and the company description are not read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from cmlint.matching.lemma_matcher import TokenView
from cmlint.occupations.features import terms
from cmlint.occupations.joint import JointModels
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


@dataclass(frozen=True, slots=True)
class LineContext:
    """What the duty and requirement lines are read in: the posting's tokens, items and structure, the weights,
    and what to leave out.

    ``bounds``: each item's first and past-the-last token (:func:`cmlint.text.token_items.item_bounds`);
    ``disclaimed`` items say which work is someone else's; they are not read.  ``names``: tokens that name the
    title's position («ищем SMM-менеджера»); a line is read without them."""

    view: TokenView
    bounds: Mapping[int, tuple[int, int]]
    structure: Structure
    evidence: EvidenceWeights
    weights: OccupationWeights
    disclaimed: frozenset[int] = frozenset()
    names: frozenset[int] = frozenset()


def read_lines(models: JointModels, context: LineContext) -> tuple[LineReading, ...]:
    """Readings of the duty and requirement lines in ``context``; a line with no known word gets no probabilities.

    The fine-role head (:mod:`cmlint.roles.learned`), when ``models`` have one, reads the duty lines too."""
    chosen: list[tuple[int, float, bool, list[str]]] = []
    lemmas, pos = context.view.lemma, context.view.pos
    bounds, names = context.bounds, context.names
    for item, weight, duty in read_items(context.structure, context.evidence, context.weights):
        if item in bounds and item not in context.disclaimed:
            first, last = bounds[item]
            if not names or names.isdisjoint(range(first, last)):
                words = terms(lemmas, pos, first, last)
            else:
                kept = [i for i in range(first, last) if i not in names]
                words = terms([lemmas[i] for i in kept], [pos[i] for i in kept], 0, len(kept))
            chosen.append((item, weight, duty, words))
    if not chosen:
        return ()
    reading = models.predict([found for _, _, _, found in chosen], [duty for _, _, duty, _ in chosen])
    roles = _head_roles(models.head, reading.head, len(chosen))
    picked = _picked(reading.occupations, context.weights.min_probability, models.model.labels)
    return tuple(
        LineReading(item, weight, read, duty, role)
        for (item, weight, duty, _), read, role in zip(chosen, picked, roles, strict=True)
    )


def _picked(probabilities: np.ndarray, threshold: float, labels: Sequence[str]) -> list[tuple[tuple[str, float], ...]]:
    """Per row, the labels at or above ``threshold`` (else the most probable) with their probabilities rounded
    to four places, most probable first, ties in label order; nothing for a row of zeros (no known word).

    The cells at or above the threshold are found and ordered for all rows in one go (a row has a few among its
    labels), and only they are read as Python floats; the threshold is compared in single precision, as the rows
    are."""
    read = cast("list[bool]", probabilities.any(axis=1).tolist())
    best: list[int] = probabilities.argmax(axis=1).tolist()
    rows, columns = np.nonzero(probabilities >= np.float32(threshold))
    cells = probabilities[rows, columns]
    # By row, then the higher probability first; the sort is stable, so ties keep the columns' (the labels') order.
    order = np.lexsort((-cells, rows))
    above: list[list[tuple[str, float]]] = [[] for _ in read]
    for row, column, shown in zip(rows[order].tolist(), columns[order].tolist(), _rounded(cells[order]), strict=True):
        above[row].append((labels[column], shown))
    found: list[tuple[tuple[str, float], ...]] = []
    for row, chosen in enumerate(above):
        if not read[row]:
            found.append(())
        elif chosen:
            found.append(tuple(chosen))
        else:
            column = best[row]
            found.append(((labels[column], _rounded(probabilities[row, column : column + 1])[0]),))
    return found


def _rounded(values: np.ndarray) -> list[float]:
    """Single-precision ``values`` rounded to four places, each exactly ``round(float(value), 4)``, in a few
    array operations instead of a decimal conversion per value.

    A float32 times 10⁴ is exact in double precision (24 + 14 bits of 53), so ``rint`` (half to even) rounds
    the exact value as ``round`` does, and the division back is correctly rounded as ``round``'s is."""
    return cast("list[float]", (np.rint(values * np.float64(1e4)) / 1e4).tolist())


def _head_roles(
    head: OccupationModel | None, rows: np.ndarray | None, lines: int
) -> list[tuple[str, float] | None]:
    """Per line, the head's most probable label with its probability in ``rows`` (None for a line it cannot
    read, and for every line without a head)."""
    if head is None or rows is None:
        return [None] * lines
    best = rows.argmax(axis=1)
    top = rows[np.arange(len(rows)), best]
    return [
        (head.labels[index], shown) if probability > 0 else None
        for index, probability, shown in zip(best.tolist(), top.tolist(), _rounded(top), strict=True)
    ]
