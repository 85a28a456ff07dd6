"""CM002 role-overload: one posting asks for three or more unrelated jobs.

Only the lines under a duties heading count: a company description, the
benefits or a list with no heading are not duties to split into jobs.  Under
a head's title («Руководитель группы», «Team Lead») hiring, onboarding and
growing the team's people are the head's own job, not a recruiter's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import EvidenceItem, Finding
from cmlint.roles.decision import fitting_occupations
from cmlint.roles.overload import Job, jobs_of, overloaded, top_role
from cmlint.roles.titles import TEAM_HEADS
from cmlint.russian import percent


class OverloadOptions(Options):
    min_items: int = Field(default=1, ge=1, description="в скольких пунктах должна встретиться роль, чтобы считаться")


@check("role-overload", OverloadOptions, fields={"count": int, "breakdown": str})
def role_overload(posting: AnalyzedPosting, ctx: CheckContext[OverloadOptions]) -> Iterable[Finding]:
    scoring = ctx.config.roles
    items = posting.text.structure.items
    weights = {
        line.item: line.weight for line in posting.roles.lines if line.duty and items[line.item].section == "duties"
    }
    if any(word.lemma.lower() in TEAM_HEADS for word in posting.title.words):
        weights = _without_own_team_work(weights, posting.roles.line_masses, scoring.overload_line_confidence)
    named = {role for role in posting.roles.title_roles if not ctx.taxonomy.roles[role].generic}
    title_job = posting.roles.decision.fitting | fitting_occupations(named, ctx.taxonomy)
    overload = jobs_of(posting.roles.line_masses, weights, ctx.taxonomy, scoring, ctx.options.min_items, title_job)
    if not overloaded(overload, scoring):
        return
    evidence = [_witness(posting, job) for job in overload.jobs]
    breakdown = ", ".join(f"{ctx.taxonomy.label(job.role)} — {percent(overload.share(job))}" for job in overload.jobs)
    yield ctx.finding(posting.title.span(), evidence=evidence, count=len(overload.jobs), breakdown=breakdown)


#: Roles of the work with people that a head does for the own team (hiring, onboarding, growing them).
_PEOPLE_WORK = frozenset({"hr"})


def _without_own_team_work(
    weights: Mapping[int, float], masses: Mapping[int, Mapping[str, float]], confidence: float
) -> dict[int, float]:
    """The duty lines without those that surely read as work with people: under a head's title they are the
    head's own job for the team («Участвовать в найме и онбординге сотрудников»), not a recruiter's."""
    kept: dict[int, float] = {}
    for item, weight in weights.items():
        spread = masses.get(item)
        mass, role = top_role(spread) if spread else (0.0, "")
        if not (role in _PEOPLE_WORK and weight and mass / weight >= confidence):
            kept[item] = weight
    return kept


def _witness(posting: AnalyzedPosting, job: Job) -> EvidenceItem:
    """The job's first line, as evidence."""
    item = job.items[0]
    span = posting.text.item_span(item)
    return EvidenceItem(role=job.role, span=span, phrase=span.text, weight=round(job.weight, 2))
