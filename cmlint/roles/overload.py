"""Role overload: how many unrelated jobs a posting's duty lines make up (CM002).

Every duty line goes to the role or occupation that holds most of it (lines
that read as nothing in particular go nowhere).  Compatible roles join into one
job: a community manager who runs events, a driver who loads the van; and
everything the title names is one job, the title's own (an «Инженер
технической поддержки отдела продаж» supports and sells as one job).  The
posting is overloaded when at least ``overload_roles`` jobs have lines and
the duties spread over them evenly enough: the *effective number* of jobs
(the exponent of the entropy of their weights) reaches ``overload_min_spread``.
Nine jobs of one line each count as nine; one main job with two stray lines
counts as less than two.  The jobs must also account for most of the duty
list (``overload_min_coverage``): when most lines read as nothing in
particular, the few sure ones are a sample too small to call the posting an
orchestra — the model splitting one unusual job (a property manager, a
marketplace manager) across the trades its lines touch.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Scoring


@dataclass(frozen=True, slots=True)
class Job:
    """One of the unrelated jobs of a posting: its main role, the lines it holds and their weight."""

    role: str
    items: tuple[int, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class Overload:
    """The jobs a posting's duties make up, largest first, and their effective number."""

    jobs: tuple[Job, ...]
    spread: float
    coverage: float

    def share(self, job: Job) -> float:
        total = sum(j.weight for j in self.jobs)
        return job.weight / total if total else 0.0


def jobs_of(
    masses: Mapping[int, Mapping[str, float]],
    weights: Mapping[int, float],
    taxonomy: Taxonomy,
    scoring: Scoring,
    min_lines: int = 1,
    title_job: frozenset[str] = frozenset(),
) -> Overload:
    """The unrelated jobs of the duty lines, of at least ``min_lines`` lines each.

    ``masses``: what each duty line gives each role or occupation;
    ``weights``: each duty line's weight (its masses sum to at most that);
    lines without a weight are not duties and count nowhere;
    ``title_job``: the roles and occupations of the title's own job, which
    make one job together.
    """
    lines: dict[str, list[tuple[int, float]]] = {}
    for item, spread in masses.items():
        weight = weights.get(item, 0.0)
        if not weight or not spread:
            continue
        mass, role = top_role(spread)
        if mass / weight >= scoring.overload_line_confidence:
            lines.setdefault(role, []).append((item, weight))
    by_weight = sorted(lines.items(), key=lambda kv: (-sum(w for _, w in kv[1]), kv[0]))
    groups: list[tuple[str, list[tuple[int, float]]]] = []
    for role, held in by_weight:
        if role in title_job:
            home = next((group for head, group in groups if head in title_job), None)
        else:
            home = next((group for head, group in groups if _one_job(head, role, taxonomy)), None)
        if home is None:
            groups.append((role, list(held)))
        else:
            home.extend(held)
    jobs = tuple(
        Job(head, tuple(sorted(item for item, _ in held)), sum(w for _, w in held))
        for head, held in groups
        if len(held) >= min_lines
    )
    total = sum(job.weight for job in jobs)
    entropy = -sum(job.weight / total * math.log(job.weight / total) for job in jobs) if total else 0.0
    duty_weight = sum(weights.values())
    coverage = total / duty_weight if duty_weight else 0.0
    return Overload(tuple(sorted(jobs, key=lambda job: -job.weight)), math.exp(entropy), coverage)


def top_role(spread: Mapping[str, float]) -> tuple[float, str]:
    """The largest mass of a line's ``spread`` with its role (the last role by name among equal masses), compared
    as (mass, role) pairs with no key function to call."""
    return max(zip(spread.values(), spread, strict=True))


def _one_job(a: str, b: str, taxonomy: Taxonomy) -> bool:
    """Whether two roles make one job.

    Fine roles: compatible ones (either way round); close roles that are
    still different jobs (sales and support) stay apart.  Occupations: any
    related ones, one family (IT, engineering), or a fine role and its own
    occupation — the model tells related trades apart too unsurely to count
    them as two jobs.
    """
    first, second = taxonomy.roles[a], taxonomy.roles[b]
    if first.kind == "role" and second.kind == "role":
        return a == b or b in first.compatible or a in second.compatible
    return taxonomy.related(a, b) or (first.family is not None and first.family == second.family)


def overloaded(overload: Overload, scoring: Scoring) -> bool:
    """Whether the posting asks for too many unrelated jobs at once."""
    return (
        len(overload.jobs) >= scoring.overload_roles
        and overload.spread >= scoring.overload_min_spread
        and overload.coverage >= scoring.overload_min_coverage
    )
