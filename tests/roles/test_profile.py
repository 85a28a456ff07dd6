"""The duty profile: how the occupation model's reading of a line weighs the phrases on it."""

from __future__ import annotations

import pytest

from cmlint.roles.evidence import Evidence
from cmlint.roles.lines import LineReading
from cmlint.roles.profile import phrase_profile
from cmlint.roles.taxonomy import load_taxonomy
from cmlint.scoring import OccupationWeights, Scoring

TAXONOMY = load_taxonomy()
SCORING = Scoring()
#: One duty line the model surely reads as a teacher's («родительский совет», «семейные праздники»).
TEACHER_LINE = (LineReading(0, 1.0, (("teacher", 0.95),)),)


def test_the_model_overrules_phrases_of_another_trade() -> None:
    profile = phrase_profile([Evidence("sales", 2.0, 0, 2, 0)], TEACHER_LINE, TAXONOMY, SCORING)
    assert profile.mass["sales"] == pytest.approx(2.0 * SCORING.occupations.contradicted_factor)


def test_the_members_trade_does_not_overrule_community_phrases() -> None:
    """A community of parents reads as a teacher's line and of developers as a developer's: the trade is the
    members', not the job's, so community phrases keep their weight (``member_roles``)."""
    evidence = [Evidence("community", 2.0, 0, 2, 0), Evidence("event", 1.5, 3, 5, 0)]
    profile = phrase_profile(evidence, TEACHER_LINE, TAXONOMY, SCORING)
    assert profile.mass["community"] == pytest.approx(2.0)
    assert profile.mass["event"] == pytest.approx(1.5 * SCORING.occupations.contradicted_factor)
    strict = Scoring(occupations=OccupationWeights(member_roles=frozenset()))
    assert phrase_profile(evidence, TEACHER_LINE, TAXONOMY, strict).mass["community"] == pytest.approx(
        2.0 * SCORING.occupations.contradicted_factor
    )
