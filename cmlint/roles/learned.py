"""Learned role evidence: the fine role a duty line reads as when no phrase speaks about it.

Phrases name the community-adjacent roles precisely, but people word SMM,
sales or support duties in more ways than any list holds.  The fine-role
head (``tools/train_roles.py``: the occupation model's features and training,
with the fine roles as labels, learned from real postings under their titles)
reads every duty line; a line that no phrase matched, and that the head
reads surely enough as one fine role, becomes evidence for that role at a
lower weight than a phrase.  A line whose phrases only hint at a role (a
lone «сообщество» in a sentence of prose) and that the head reads surely as
that role counts as much as the head's reading.  A line whose phrase was cancelled, that
disclaims work, or that denies, hands over or shares work in any words
(:func:`guarded_items`) is never read this way: the head does not see
negation.  The evidence spans the whole line, so
explanations still point at it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

from cmlint.matching.lemma_matcher import TokenView
from cmlint.occupations.model import CARD_FILE, MODELS_ENV, OccupationModel, models_folder
from cmlint.roles.evidence import Collected, Evidence, Markers
from cmlint.roles.lines import LineReading
from cmlint.roles.profile import contradicts
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import OccupationWeights

#: The head's folder inside ``cmlint/occupations`` (a card, the feature list, the weights).
HEAD_FOLDER = "fine_roles"
#: The head's label for lines of postings of any other occupation.
OTHER = "other"
#: The tag of learned evidence (no phrase matched it).
LEARNED = "learned"


@cache
def shipped_head() -> OccupationModel | None:
    """The fine-role head shipped with cmlint, or the one in ``$CMLINT_MODELS_DIR`` (read once per process);
    None in the package before it was first trained (a folder the variable names must hold it)."""
    folder = models_folder().joinpath(HEAD_FOLDER)
    if folder.joinpath(CARD_FILE).is_file() or os.environ.get(MODELS_ENV):
        return OccupationModel.read(folder)
    return None


def learned_evidence(
    lines: Sequence[LineReading],
    collected: Collected,
    bounds: dict[int, tuple[int, int]],
    weights: OccupationWeights,
    guarded: frozenset[int] = frozenset(),
) -> tuple[Evidence, ...]:
    """Evidence for the duty lines no phrase covers, and for what a phrase leaves out of a sure reading of its
    own role (``bounds``: each item's first and past-the-last token); ``guarded`` items (:func:`guarded_items`)
    are not read."""
    phrased: dict[int, dict[str, float]] = {}
    for ev in collected.evidence:
        strengths = phrased.setdefault(ev.item, {})
        strengths[ev.role] = strengths.get(ev.role, 0.0) + ev.weight
    blocked = {item for item, _ in collected.cancelled} | guarded
    found: list[Evidence] = []
    for line in lines:
        if not line.duty or line.item in blocked or line.role is None or line.item not in bounds:
            continue
        role, probability = line.role
        if role == OTHER or probability < weights.learned_min_probability:
            continue
        weight = weights.learned_weight * line.weight * probability
        phrases = phrased.get(line.item)
        if phrases is not None:
            # A line its phrases only hint at («сообщество», «участников» in a sentence): the head's sure
            # reading of the same role counts for what the hint leaves out.
            if probability < weights.learned_line_probability or role not in phrases:
                continue
            weight -= phrases[role]
            if weight <= 0:
                continue
        start, end = bounds[line.item]
        found.append(Evidence(role, weight, start, end, line.item, (LEARNED,)))
    return tuple(found)


def sure_evidence(
    learned: Sequence[Evidence], lines: Sequence[LineReading], taxonomy: Taxonomy, weights: OccupationWeights
) -> tuple[Evidence, ...]:
    """The learned evidence of lines the head reads surely (``learned_line_probability``): these also speak in
    the occupation question, where a line the occupation model cannot place (an agency's «коммуникация с
    клиентами в рамках проектов») would otherwise go to its best guess.  Less sure readings stay with the
    fine roles: the head reads some lines of other trades as a fine role («готовность к ночным сменам»).
    Nor does the head's reading of a role of a scarce occupation (community, SMM, PR: it learned them from
    few real postings) where the occupation model places the line surely in an unrelated trade
    (:func:`contradicts`; «вести группы по рисованию для школьников» is a teacher's work, not a community
    manager's groups).  A role the head knows from many postings keeps its reading: a line on the laboratory
    equipment a sales manager sells reads to the model as a process engineer's."""
    sure = {
        line.item
        for line in lines
        if line.role is not None
        and line.role[1] >= weights.learned_line_probability
        and not _refuted(line, line.role[0], taxonomy, weights)
    }
    return tuple(ev for ev in learned if ev.item in sure)


def _refuted(line: LineReading, role: str, taxonomy: Taxonomy, weights: OccupationWeights) -> bool:
    """Whether the occupation model surely refutes the head's reading of a role of a scarce occupation."""
    return (
        role != OTHER
        and taxonomy.occupation_of(role) in weights.scarce_occupations
        and contradicts(line, role, taxonomy, weights)
    )


def guarded_items(view: TokenView, token_items: Sequence[int], markers: Markers) -> frozenset[int]:
    """The items that deny, hand over or share work («продавать не нужно», «передавать обращения в
    поддержку», «вместе с отделом продаж»): the head reads what a line is about, not whose work it is, so
    such a line is left to the phrases.  A negator followed by an exception («не только», «не реже») denies
    nothing."""
    lemmas, lower = view.lemma, view.lower
    found: set[int] = set()
    # Only the tokens whose lemma is a marker are looked at, found by the view's word index, not by a loop over
    # every token.
    for index in _lemma_tokens(view, markers.handoff_verbs | markers.joint_markers):
        if token_items[index] >= 0:
            found.add(token_items[index])
    for index in _lemma_tokens(view, markers.negators | markers.post_negators):
        item = token_items[index]
        if item < 0 or item in found:
            continue
        after = index + 1
        undone = after < len(lemmas) and (
            lemmas[after] in markers.negation_exceptions or lower[after] in markers.negation_exception_forms
        )
        if not undone:
            found.add(item)
    return frozenset(found)


def _lemma_tokens(view: TokenView, lemmas: frozenset[str]) -> list[int]:
    """The tokens whose lemma is one of ``lemmas``, in order (:meth:`TokenView.holding` also finds forms)."""
    own = view.lemma
    return [index for index in view.holding(lemmas) if own[index] in lemmas]
