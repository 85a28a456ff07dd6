"""CM002 role-overload: one posting asks for three or more unrelated jobs.

Only the lines under a duties heading count: a company description, the
benefits or a list with no heading are not duties to split into jobs.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import EvidenceItem, Finding
from cmlint.roles.decision import fitting_occupations
from cmlint.roles.overload import Job, jobs_of, overloaded
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
    named = {role for role in posting.roles.title_roles if not ctx.taxonomy.roles[role].generic}
    title_job = posting.roles.decision.fitting | fitting_occupations(named, ctx.taxonomy)
    overload = jobs_of(posting.roles.line_masses, weights, ctx.taxonomy, scoring, ctx.options.min_items, title_job)
    if not overloaded(overload, scoring):
        return
    evidence = [_witness(posting, job) for job in overload.jobs]
    breakdown = ", ".join(f"{ctx.taxonomy.label(job.role)} — {percent(overload.share(job))}" for job in overload.jobs)
    yield ctx.finding(posting.title.span(), evidence=evidence, count=len(overload.jobs), breakdown=breakdown)


def _witness(posting: AnalyzedPosting, job: Job) -> EvidenceItem:
    """The job's first line, as evidence."""
    item = job.items[0]
    span = posting.text.item_span(item)
    return EvidenceItem(role=job.role, span=span, phrase=span.text, weight=round(job.weight, 2))
