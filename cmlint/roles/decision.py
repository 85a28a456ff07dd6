"""Whether a posting's duties support the roles its title names (the decision CM001 reports).

Made once per posting by the analyzer; CM001 reports it and the checks that
need it (CM004) read it instead of deciding again.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmlint.roles.evidence import DutyProfile
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Scoring


@dataclass(frozen=True, slots=True)
class RoleDecision:
    """The decision: ``confused`` when the duties do not support the title's roles.

    ``fitting`` are the title's roles and the roles compatible with them.
    """

    confused: bool
    fitting: frozenset[str]


def decide(title_roles: tuple[str, ...], profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring) -> RoleDecision:
    """Decide for one posting (see :class:`RoleDecision`)."""
    roles = set(title_roles)
    fitting = frozenset(roles | {c for r in roles for c in taxonomy.roles[r].compatible})
    if not title_roles or profile.total < thresholds.min_evidence:
        return RoleDecision(False, fitting)
    unsupported = _unsupported(roles, fitting, profile, thresholds)
    confused = unsupported or _taken_over(title_roles, profile, taxonomy, thresholds)
    return RoleDecision(confused, fitting)


def title_support(roles: set[str], fitting: frozenset[str], profile: DutyProfile, compatible_factor: float) -> float:
    """The share of the duty profile that fits the title's roles (compatible roles count at ``compatible_factor``)."""
    compatible = fitting - roles
    return sum(profile.share(r) for r in roles) + compatible_factor * sum(profile.share(r) for r in compatible)


def _unsupported(roles: set[str], fitting: frozenset[str], profile: DutyProfile, thresholds: Scoring) -> bool:
    """Most duties belong to roles unrelated to the title, and the title's own share is small."""
    foreign = sum(share for role, share in profile.ranked() if role not in fitting)
    support = title_support(roles, fitting, profile, thresholds.compatible_factor)
    return foreign >= thresholds.min_other_share and support < thresholds.max_title_support


def _taken_over(title_roles: tuple[str, ...], profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring) -> bool:
    """A related role does nearly all the work and the title's own role is absent
    (an «Event-менеджер» who only builds a community, a «Маркетолог» who only posts)."""
    if profile.total < 2 * thresholds.min_evidence:
        return False
    own = sum(profile.share(role) for role in title_roles)
    top, share = profile.ranked()[0]
    close = {c for r in title_roles for c in taxonomy.roles[r].close}
    related = top in title_roles or top in close
    return own < thresholds.max_own_share and not related and share >= thresholds.min_dominant_share
