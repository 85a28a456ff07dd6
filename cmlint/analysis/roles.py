"""What a posting says about roles: the title's roles and mentions, duty evidence, profile, decision, suggestions."""

from __future__ import annotations

from dataclasses import dataclass

from cmlint.models import TitleSuggestion
from cmlint.roles.decision import RoleDecision
from cmlint.roles.evidence import DutyProfile, Evidence
from cmlint.roles.matching import TitleMention


@dataclass(frozen=True, slots=True)
class RoleAnalysis:
    """The role evidence of one posting.

    - ``title_roles``: roles the title names, in title order;
    - ``mentions``: where those roles are named (the title and the body), for renames;
    - ``evidence``: counted duty matches (role, weight, tokens, item);
    - ``profile``: the duty profile (role mass and shares);
    - ``decision``: whether the duties support the title (CM001), made once;
    - ``suggestions``: titles that fit the duties, best first.
    """

    title_roles: tuple[str, ...]
    mentions: tuple[TitleMention, ...]
    evidence: tuple[Evidence, ...]
    profile: DutyProfile
    decision: RoleDecision
    suggestions: tuple[TitleSuggestion, ...]
