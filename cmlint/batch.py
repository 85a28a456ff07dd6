"""Batch linting of jobs (postings or input failures) in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from cmlint.io.readers import Job
from cmlint.linter import Linter
from cmlint.models import LintResult


def lint_job(linter: Linter, job: Job) -> LintResult:
    """Lint one job; an input failure passes through as an error result."""
    if job.posting is None:
        return LintResult(source=job.source, record=job.record, error=job.error, line=job.line)
    report = linter.lint_posting(job.posting, path=job.source)
    return LintResult(source=job.source, record=job.record, id=job.posting.id, report=report, line=job.line)


def run(linter: Linter, jobs: Iterable[Job], n_process: int = 1) -> Iterator[tuple[Job, LintResult]]:
    """(job, result) pairs in input order, linted in ``n_process`` processes."""
    if n_process <= 1:
        for job in jobs:
            yield job, lint_job(linter, job)
        return
    from cmlint.parallel import ordered_map

    sent: deque[Job] = deque()

    def remember(source: Iterable[Job]) -> Iterator[Job]:
        for job in source:
            sent.append(job)
            yield job

    def failure(job: Job, reason: str) -> LintResult:
        if job.posting is None:
            return LintResult(source=job.source, record=job.record, error=job.error, line=job.line)
        report = linter.not_linted(job.posting, reason)
        return LintResult(source=job.source, record=job.record, id=job.posting.id, report=report, line=job.line)

    for result in ordered_map(linter, lint_job, remember(jobs), n_process, failure):
        yield sent.popleft(), result
