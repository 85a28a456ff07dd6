"""The occupation a title's subject belongs to: what is taught, analysed, consulted on or sold.

«Преподаватель Python» teaches programming, «Консультант (1С:ЗУП, Бухгалтерия)»
consults on software, «Менеджер по продажам (лабораторное оборудование)» sells
instruments: the title's words besides the position's name and seniority
name a subject, and the duties describe it — lines about code, configuration
or the instruments read as another trade's work without being a confusion.
The occupation model reads those words as one line; when one occupation
other than the title's own clearly leads (``subject_min_probability`` and
``subject_ratio`` over the next), it is the subject's.  The decision counts
it with the title's context: its duties fit the title in the occupation
question only.  A title that names a community-adjacent role has no subject
(the analyzer asks only titles of the labour market's occupations): where a
community manager works («… языкового клуба») does not make a teacher's
duties fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cmlint.matching.lemma_matcher import TokenView
from cmlint.occupations.features import features, terms
from cmlint.occupations.model import OccupationModel
from cmlint.roles.titles import PART_SEPARATORS, POSITION_NOUNS, SENIORITY, TitleMatch
from cmlint.scoring import Scoring

#: Prepositions that say where a position works («Преподаватель Python в IT-школу»): the words after them, up to the
#: next part, are the place, not the subject (a bracket may still hold the subject: «Консультант (1С:ЗУП)»).
PLACE_OPENERS = frozenset({"в", "во", "на", "при", "in", "at"})


@dataclass(frozen=True, slots=True)
class TitleTokens:
    """A title's tokens ``start:end`` in ``view`` and the matches of its role names (their words are the
    position, not the subject)."""

    view: TokenView
    start: int
    end: int
    named: tuple[TitleMatch, ...]


def title_subject(
    title: TitleTokens, own: Iterable[str], model: OccupationModel, thresholds: Scoring
) -> str | None:
    """The occupation of what the title works on, if the model reads one (``subject_min_probability``,
    ``subject_ratio`` of ``thresholds``); ``own``: the occupations the title names (never its own subject).

    The position's own words are read first: where it works dilutes them («Преподаватель Python в IT-школу»
    teaches programming, not school).  Only when they name no subject does the place count («Хостес в ресторан»)."""
    view, start, end, named = title.view, title.start, title.end, title.named
    covered = {i for match in named for i in range(match.start, match.end)}
    placing = _placing(view, start, end)
    if placing:
        subject = _read_subject(view, range(start, end), covered | placing, own, model, thresholds)
        if subject is not None:
            return subject
    return _read_subject(view, range(start, end), covered, own, model, thresholds)


def _read_subject(
    view: TokenView, tokens: range, covered: set[int], own: Iterable[str], model: OccupationModel, thresholds: Scoring
) -> str | None:
    """The occupation the model reads in ``tokens`` besides the ``covered`` ones, seniority and position nouns."""
    kept = [
        i
        for i in tokens
        if i not in covered and view.lemma[i].lower() not in SENIORITY and view.lemma[i].lower() not in POSITION_NOUNS
    ]
    words = features(terms([view.lemma[i] for i in kept], [view.pos[i] for i in kept], 0, len(kept)))
    if not words:
        return None
    row = model.predict([words])[0].tolist()
    excluded = set(own)
    read = ((p, label) for label, p in zip(model.labels, row, strict=True) if label not in excluded)
    ranked = sorted(read, reverse=True)
    if len(ranked) < 2:
        return None
    (best, label), (second, _) = ranked[0], ranked[1]
    return label if best >= thresholds.subject_min_probability and best >= thresholds.subject_ratio * second else None


def _placing(view: TokenView, start: int, end: int) -> set[int]:
    """The tokens of ``start:end`` that say where the position works: from a place preposition outside brackets to
    the end of its part."""
    placing: set[int] = set()
    depth, placed = 0, False
    for index in range(start, end):
        token = view.lower[index]
        depth += (token in ("(", "[")) - (token in (")", "]"))
        if token in PART_SEPARATORS and depth <= 0:
            placed = False
        elif token in PLACE_OPENERS and depth <= 0 and index > start:
            placed = True
        if placed:
            placing.add(index)
    return placing
