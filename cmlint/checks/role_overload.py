"""CM002 role-overload: one posting asks for three or more unrelated roles."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import EvidenceItem, Finding


class OverloadOptions(Options):
    min_items: int = Field(default=2, ge=1, description="в скольких пунктах должна встретиться роль, чтобы считаться")


def distinct_roles(posting: AnalyzedPosting, ctx: CheckContext[OverloadOptions]) -> list[tuple[str, float]]:
    """Noticeable roles of the duties, skipping those compatible with one already counted."""
    thresholds = ctx.config.roles
    items: dict[str, set[int]] = {}
    for ev in posting.roles.evidence:
        items.setdefault(ev.role, set()).add(ev.item)
    chosen: list[tuple[str, float]] = []
    for role, share in posting.roles.profile.ranked():
        if share < thresholds.overload_min_share:
            break
        if len(items.get(role, ())) < ctx.options.min_items:
            continue
        related = any(
            role in ctx.taxonomy.roles[other].compatible or other in ctx.taxonomy.roles[role].compatible
            for other, _ in chosen
        )
        if not related:
            chosen.append((role, share))
    return chosen


@check("role-overload", OverloadOptions, fields={"count": int, "breakdown": str})
def role_overload(posting: AnalyzedPosting, ctx: CheckContext[OverloadOptions]) -> Iterable[Finding]:
    thresholds = ctx.config.roles
    if posting.roles.profile.total < 2 * thresholds.min_evidence:
        return
    roles = distinct_roles(posting, ctx)
    if len(roles) < thresholds.overload_roles:
        return
    evidence: list[EvidenceItem] = []
    for role, _ in roles:
        best = max((ev for ev in posting.roles.evidence if ev.role == role), key=lambda ev: ev.weight)
        span = posting.text.item_span(best.item)
        phrase = posting.text.doc[best.start:best.end].text
        evidence.append(EvidenceItem(role=role, span=span, phrase=phrase, weight=round(best.weight, 2)))
    breakdown = ", ".join(f"{ctx.taxonomy.label(role)} — {round(share * 100)} %" for role, share in roles)
    yield ctx.finding(posting.title.span(), evidence=evidence, count=len(roles), breakdown=breakdown)
