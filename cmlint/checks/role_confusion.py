"""CM001 role-confusion: the title names a role or occupation the duties do not support.

The decision is the analyzer's (:mod:`cmlint.roles.decision`); this check
words it.  When the occupation model found the duties to belong to another
occupation, the message shows the occupations the lines read as and the
evidence is the lines that read most clearly as the other one; when the
phrase evidence found another community-adjacent role, the message shows
the roles' shares and the evidence is the phrases.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.analysis.roles import RoleAnalysis
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import EvidenceItem, Finding
from cmlint.roles.suggest import rename_fixes
from cmlint.roles.taxonomy import Taxonomy
from cmlint.russian import percent


class ConfusionOptions(Options):
    max_evidence: int = Field(default=8, ge=1, description="сколько строк-доказательств показывать")
    shown_roles: int = Field(default=3, ge=1, description="сколько ролей называть в сообщении")
    min_shown_share: float = Field(
        default=0.05, ge=0, le=1, description="роли с меньшей долей не называются (роль из названия — всегда)"
    )


@check(
    "role-confusion", ConfusionOptions, fields={"title": str, "title_role": str, "actual_role": str, "breakdown": str}
)
def role_confusion(posting: AnalyzedPosting, ctx: CheckContext[ConfusionOptions]) -> Iterable[Finding]:
    analysis = posting.roles
    decision = analysis.decision
    if not decision.confused or decision.actual is None:
        return
    taxonomy = ctx.taxonomy
    if decision.kind == "occupation":
        read = analysis.occupations.ranked()
        total = sum(share for _, share in read) or 1.0
        shares = [(occupation, share / total) for occupation, share in read]
        items = _occupation_lines(posting, decision.actual, taxonomy, ctx.options.max_evidence)
    else:
        shares = analysis.profile.ranked()
        items = _phrase_lines(posting, analysis, ctx.config.roles.overload_min_share, ctx.options.max_evidence)
    named = [role for role in analysis.title_roles if not taxonomy.roles[role].generic]
    # The title's role the duties do not support: of a combined title, the part they leave out.
    own = next((role for role in named if role in decision.fitting), named[0])
    noticed = [(role, share) for role, share in shares if share >= ctx.options.min_shown_share]
    shown = noticed[: ctx.options.shown_roles] or shares[:1]
    own_share = dict(shares).get(taxonomy.occupation_of(own) if decision.kind == "occupation" else own, 0.0)
    if not any(role in decision.fitting for role, _ in shown):
        shown.append((own, own_share))
    breakdown = ", ".join(f"{taxonomy.label(role)} — {percent(share)}" for role, share in shown)
    roles = set(analysis.title_roles)
    # The renames of the first two candidates the title does not name (no other is worked out).
    renames = [
        (suggestion, candidate, names)
        for candidate, suggestion, names in zip(
            analysis.candidates, analysis.suggestions, analysis.title_names, strict=True
        )
        if candidate.role not in roles
    ][:2]
    fixes = rename_fixes(
        renames, analysis.title_spots, posting.title.span_of, analysis.mentions, posting, taxonomy, ctx.morphology
    )
    yield ctx.finding(
        posting.title.span(),
        suggestions=fixes,
        evidence=items,
        title=posting.title.text,
        title_role=taxonomy.label(own),
        actual_role=taxonomy.label(decision.actual),
        breakdown=breakdown,
    )


def _occupation_lines(posting: AnalyzedPosting, occupation: str, taxonomy: Taxonomy, limit: int) -> list[EvidenceItem]:
    """The duty lines that speak most clearly for ``occupation`` (by the model or by phrases), in text order."""
    phrased: dict[int, float] = {}
    for ev in posting.roles.evidence:
        if taxonomy.occupation_of(ev.role) == occupation:
            phrased[ev.item] = max(phrased.get(ev.item, 0.0), ev.weight)
    scored = []
    for line in posting.roles.lines:
        if line.duty and (line.occupation == occupation or line.item in phrased):
            probability = dict(line.probabilities).get(occupation, 0.0)
            scored.append((max(probability, min(1.0, phrased.get(line.item, 0.0))) * line.weight, line.item))
    scored.sort(key=lambda pair: -pair[0])
    items = [
        EvidenceItem(
            role=occupation,
            span=posting.text.item_span(item),
            phrase=posting.text.item_text(item),
            weight=round(weight, 2),
        )
        for weight, item in scored[:limit]
    ]
    return sorted(items, key=lambda e: e.span.start)


def _phrase_lines(posting: AnalyzedPosting, analysis: RoleAnalysis, min_share: float, limit: int) -> list[EvidenceItem]:
    """The strongest phrase of each line that speaks for a role the title does not fit, in text order
    (a line only the fine-role head read shows whole)."""
    profile = analysis.profile
    fitting = analysis.decision.fitting
    others = [role for role, _ in profile.ranked() if role not in fitting] or [
        role for role, _ in profile.ranked() if role not in analysis.title_roles
    ]
    wrong = {role for role in others if profile.share(role) >= min_share} or {others[0]}
    items: list[EvidenceItem] = []
    seen: set[int] = set()
    found = (ev for ev in (*analysis.evidence, *analysis.learned) if ev.role in wrong)
    for ev in sorted(found, key=lambda ev: (-ev.weight, ev.start)):
        if ev.item in seen:
            continue
        seen.add(ev.item)
        phrase = posting.text.doc[ev.start : ev.end].text
        items.append(
            EvidenceItem(role=ev.role, span=posting.text.item_span(ev.item), phrase=phrase, weight=round(ev.weight, 2))
        )
        if len(items) == limit:
            break
    return sorted(items, key=lambda e: e.span.start)
