"""The CM001 decision on hand-made duty profiles: unsupported titles, take-overs, honest titles."""

from __future__ import annotations

import pytest

from cmlint.roles.decision import decide, title_support
from cmlint.roles.evidence import DutyProfile
from cmlint.roles.taxonomy import load_taxonomy
from cmlint.scoring import Scoring

TAXONOMY = load_taxonomy()
SCORING = Scoring()


def decision(title_roles: tuple[str, ...], mass: dict[str, float], scoring: Scoring = SCORING) -> bool:
    return decide(title_roles, DutyProfile(mass), TAXONOMY, scoring).confused


@pytest.mark.parametrize(
    ("title_roles", "mass", "confused"),
    [
        (("community",), {"sales": 5.0, "community": 0.2}, True),  # duties are sales
        (("community",), {"community": 4.0, "sales": 1.0}, False),  # mostly community
        (("community",), {"event": 3.0, "moderation": 2.0, "sales": 0.5}, False),  # compatible roles support it
        (("community",), {"sales": 1.5}, False),  # too little evidence to judge
        ((), {"sales": 9.0}, False),  # no title role, nothing to compare
        (("smm", "community"), {"smm": 3.0, "community": 3.0}, False),  # an honest combined title
        (("event",), {"community": 6.0}, True),  # a related role took the posting over
    ],
)
def test_decision(title_roles: tuple[str, ...], mass: dict[str, float], confused: bool) -> None:
    assert decision(title_roles, mass) is confused


def test_fitting_roles_include_the_compatible_ones() -> None:
    result = decide(("community",), DutyProfile({"sales": 1.0}), TAXONOMY, SCORING)
    assert {"community", "event", "moderation"} <= result.fitting


def test_compatible_roles_count_at_the_configured_factor() -> None:
    profile = DutyProfile({"community": 1.0, "event": 1.0})
    fitting = frozenset({"community", "event"})
    assert title_support({"community"}, fitting, profile, 0.6) == pytest.approx(0.8)
    assert title_support({"community"}, fitting, profile, 0.0) == pytest.approx(0.5)


def test_thresholds_come_from_the_scoring_model() -> None:
    mass = {"sales": 2.0, "community": 1.0}
    assert decision(("community",), mass) is False
    strict = Scoring(max_title_support=0.5, min_other_share=0.6)
    assert decision(("community",), mass, strict) is True
