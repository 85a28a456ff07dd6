"""CM001 role-confusion: the title names a role the duties do not support."""

from __future__ import annotations

from collections.abc import Iterable

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, check
from cmlint.models import EvidenceItem, Finding
from cmlint.roles.suggest import rename_fix

#: A compatible role's duties support the title at this fraction of their share.
COMPATIBLE_FACTOR = 0.6
MAX_EVIDENCE = 8


def _fitting(posting: AnalyzedPosting, ctx: CheckContext) -> set[str]:
    """The title's roles and the roles compatible with them."""
    roles = set(posting.title_roles)
    return roles | {c for r in roles for c in ctx.taxonomy.roles[r].compatible}


def title_support(posting: AnalyzedPosting, ctx: CheckContext) -> float:
    """The share of the duty profile that fits the title's roles."""
    profile = posting.profile
    roles = set(posting.title_roles)
    compatible = _fitting(posting, ctx) - roles
    return sum(profile.share(r) for r in roles) + COMPATIBLE_FACTOR * sum(profile.share(r) for r in compatible)


def _unsupported(posting: AnalyzedPosting, ctx: CheckContext) -> bool:
    """Most duties belong to roles unrelated to the title, and the title's own share is small."""
    thresholds = ctx.config.roles
    fitting = _fitting(posting, ctx)
    foreign = sum(share for role, share in posting.profile.ranked() if role not in fitting)
    return foreign >= thresholds.min_other_share and title_support(posting, ctx) < thresholds.max_title_support


def _taken_over(posting: AnalyzedPosting, ctx: CheckContext) -> bool:
    """A related role does nearly all the work and the title's own role is absent
    (an «Event-менеджер» who only builds a community, a «Маркетолог» who only posts)."""
    thresholds = ctx.config.roles
    profile = posting.profile
    if profile.total < 2 * thresholds.min_evidence:
        return False
    own = sum(profile.share(role) for role in posting.title_roles)
    top, share = profile.ranked()[0]
    close = {c for r in posting.title_roles for c in ctx.taxonomy.roles[r].close}
    return own < thresholds.max_own_share and top not in posting.title_roles and top not in close and share >= thresholds.min_dominant_share


def confused(posting: AnalyzedPosting, ctx: CheckContext) -> bool:
    """Whether the duties fail to support the title's roles (the CM001 condition)."""
    if not posting.title_roles or posting.profile.total < ctx.config.roles.min_evidence:
        return False
    return _unsupported(posting, ctx) or _taken_over(posting, ctx)


@check("role-confusion")
def role_confusion(posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
    if not confused(posting, ctx):
        return
    profile = posting.profile
    roles = set(posting.title_roles)
    fitting = _fitting(posting, ctx)
    others = [(role, share) for role, share in profile.ranked() if role not in fitting] or [
        (role, share) for role, share in profile.ranked() if role not in roles
    ]

    taxonomy = ctx.taxonomy
    shown = [(role, share) for role, share in profile.ranked()[:3]]
    if not any(role in roles for role, _ in shown):
        shown.append((posting.title_roles[0], profile.share(posting.title_roles[0])))
    breakdown = ", ".join(f"{taxonomy.label(role)} — {round(share * 100)} %" for role, share in shown)
    wrong = {role for role, share in others if share >= ctx.config.roles.overload_min_share} or {others[0][0]}
    evidence = sorted(
        (ev for ev in posting.evidence if ev.role in wrong),
        key=lambda ev: (-ev.weight, ev.start),
    )
    items: list[EvidenceItem] = []
    seen: set[int] = set()
    for ev in evidence:
        if ev.item in seen:
            continue
        seen.add(ev.item)
        phrase = posting.doc[ev.start:ev.end].text
        items.append(EvidenceItem(role=ev.role, span=posting.item_span(ev.item), phrase=phrase, weight=round(ev.weight, 2)))
        if len(items) == MAX_EVIDENCE:
            break
    items.sort(key=lambda e: e.span.start)

    fixes = [rename_fix(posting, s, ctx.morphology) for s in ctx.suggestions if s.role not in roles][:2]
    yield ctx.finding(
        posting.title_span(),
        suggestions=fixes,
        evidence=items,
        title=posting.title,
        title_role=taxonomy.label(posting.title_roles[0]),
        actual_role=taxonomy.label(others[0][0]),
        breakdown=breakdown,
    )
