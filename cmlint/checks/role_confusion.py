"""CM001 role-confusion: the title names a role the duties do not support."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import EvidenceItem, Finding
from cmlint.roles.suggest import rename_fix


class ConfusionOptions(Options):
    max_evidence: int = Field(default=8, ge=1, description="сколько строк-доказательств показывать")


@check(
    "role-confusion", ConfusionOptions, fields={"title": str, "title_role": str, "actual_role": str, "breakdown": str}
)
def role_confusion(posting: AnalyzedPosting, ctx: CheckContext[ConfusionOptions]) -> Iterable[Finding]:
    analysis = posting.roles
    if not analysis.decision.confused:
        return
    profile = analysis.profile
    title_roles = analysis.title_roles
    roles = set(title_roles)
    fitting = analysis.decision.fitting
    others = [(role, share) for role, share in profile.ranked() if role not in fitting] or [
        (role, share) for role, share in profile.ranked() if role not in roles
    ]

    taxonomy = ctx.taxonomy
    shown = [(role, share) for role, share in profile.ranked()[:3]]
    if not any(role in roles for role, _ in shown):
        shown.append((title_roles[0], profile.share(title_roles[0])))
    breakdown = ", ".join(f"{taxonomy.label(role)} — {round(share * 100)} %" for role, share in shown)
    wrong = {role for role, share in others if share >= ctx.config.roles.overload_min_share} or {others[0][0]}
    evidence = sorted(
        (ev for ev in analysis.evidence if ev.role in wrong),
        key=lambda ev: (-ev.weight, ev.start),
    )
    items: list[EvidenceItem] = []
    seen: set[int] = set()
    for ev in evidence:
        if ev.item in seen:
            continue
        seen.add(ev.item)
        phrase = posting.text.doc[ev.start:ev.end].text
        span = posting.text.item_span(ev.item)
        items.append(EvidenceItem(role=ev.role, span=span, phrase=phrase, weight=round(ev.weight, 2)))
        if len(items) == ctx.options.max_evidence:
            break
    items.sort(key=lambda e: e.span.start)

    other_titles = [s for s in analysis.suggestions if s.role not in roles][:2]
    fixes = [rename_fix(analysis.mentions, posting, s, ctx.morphology) for s in other_titles]
    yield ctx.finding(
        posting.title.span(),
        suggestions=fixes,
        evidence=items,
        title=posting.title.text,
        title_role=taxonomy.label(title_roles[0]),
        actual_role=taxonomy.label(others[0][0]),
        breakdown=breakdown,
    )
