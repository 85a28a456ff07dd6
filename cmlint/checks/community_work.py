"""Community checks that read the tags of duty evidence.

CM004 no-member-connections — a community role with no duty that connects
members with each other; CM006 lone-firefighter — the community manager only
puts out negativity, with no part in strategy or the team.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, NoOptions, Options, check
from cmlint.models import EvidenceItem, Finding


def _items_with(posting: AnalyzedPosting, tag: str) -> list[int]:
    return sorted({ev.item for ev in posting.roles.evidence if tag in ev.tags})


@check("no-member-connections", NoOptions, fields={"title": str})
def no_member_connections(posting: AnalyzedPosting, ctx: CheckContext[NoOptions]) -> Iterable[Finding]:
    roles = posting.roles
    if roles.profile.total < ctx.config.roles.min_evidence or roles.decision.confused:
        return
    connects = any("connection" in ev.tags or ev.role == "event" for ev in roles.evidence)
    if not connects:
        yield ctx.finding(posting.title.span(), title=posting.title.text)


class FirefighterOptions(Options):
    min_items: int = Field(default=2, ge=1, description="сколько пунктов о негативе и конфликтах нужно")
    min_share: float = Field(default=0.4, ge=0, le=1, description="их доля среди пунктов с обязанностями")


@check("lone-firefighter", FirefighterOptions, fields={"count": int, "total": int})
def lone_firefighter(posting: AnalyzedPosting, ctx: CheckContext[FirefighterOptions]) -> Iterable[Finding]:
    negativity = _items_with(posting, "negativity")
    if len(negativity) < ctx.options.min_items:
        return
    duty_items = {ev.item for ev in posting.roles.evidence}
    if len(negativity) / len(duty_items) < ctx.options.min_share:
        return
    if _items_with(posting, "strategy"):
        return
    text = posting.text
    evidence = [
        EvidenceItem(role="moderation", span=text.item_span(item), phrase=text.item_text(item), weight=1.0)
        for item in negativity
    ]
    yield ctx.finding(posting.title.span(), evidence=evidence, count=len(negativity), total=len(duty_items))
