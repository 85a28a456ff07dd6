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
from cmlint.roles.titles import POSITION_NOUNS, SENIORITY, TitleMatch
from cmlint.scoring import Scoring


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
    ``subject_ratio`` of ``thresholds``); ``own``: the occupations the title names (never its own subject)."""
    view, start, end, named = title.view, title.start, title.end, title.named
    covered = {i for match in named for i in range(match.start, match.end)}
    kept = [
        i
        for i in range(start, end)
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
