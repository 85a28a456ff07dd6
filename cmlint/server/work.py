"""What a lint worker process does with a job, and the answer when it cannot.

A job is ``(kind, payload)``: ``"lint"`` with a posting, ``"fix"`` with a
posting and optionally the fixes to apply.  The answer is ``(status, json)``
so the server sends the worker's JSON on without parsing it again.
"""

from __future__ import annotations

from typing import Any

from cmlint.edits import apply_fixes
from cmlint.fixes import fix
from cmlint.linter import NOT_LINTED, Linter
from cmlint.models import Finding, Posting, Report, Severity
from cmlint.quality import assess
from cmlint.server.schemas import FixResponse, error_body

Answer = tuple[int, str]


def execute(linter: Linter, kind: str, payload: dict[str, Any]) -> Answer:
    """Run one job; never raises (the linter turns its own failures into ``CM000``)."""
    posting = Posting.model_validate(payload["posting"])
    if kind == "lint":
        return 200, linter.lint_posting(posting).model_dump_json()
    choices = payload.get("fixes")
    return _fix_all(linter, posting) if choices is None else _fix_chosen(linter, posting, choices)


def _fix_all(linter: Linter, posting: Posting) -> Answer:
    """Every fix, linting again until nothing is left."""
    fixed = fix(posting.text, posting.title, format=posting.format, id=posting.id, linter=linter)
    response = FixResponse(
        text=fixed.text, title=fixed.title, applied=fixed.applied, skipped=fixed.skipped, report=fixed.report
    )
    return 200, response.model_dump_json()


def _fix_chosen(linter: Linter, posting: Posting, choices: list[list[int]]) -> Answer:
    """The chosen fixes of the posting's report (one pass), or 409 when the report has no such fix."""
    report = linter.lint_posting(posting)
    findings = report.findings
    missing = [(f, n) for f, n in choices if not (0 <= f < len(findings) and 0 <= n < len(findings[f].suggestions))]
    if missing:
        where = ", ".join(f"[{finding}, {number}]" for finding, number in missing)
        return 409, error_body("stale-fix", f"в текущем тексте нет таких исправлений: {where}; проверьте текст заново")
    only = {(f, n) for f, n in choices}
    result = apply_fixes(report, posting.text, posting.title, only=only, format=posting.format)
    fixed = posting.model_copy(update={"text": result.text, "title": result.title})
    response = FixResponse(
        text=result.text,
        title=result.title,
        applied=result.applied,
        skipped=result.skipped,
        report=linter.lint_posting(fixed),
    )
    return 200, response.model_dump_json()


def not_linted(kind: str, payload: dict[str, Any], message: str, ruleset_version: str | None) -> Answer:
    """The answer for a job no worker could finish (killed far over the budget, or the worker died).

    A lint gets a ``CM000`` report, like the library gives for a posting it
    cannot lint; a fix gets a 503 error, since there is no fixed text to give.
    """
    if kind != "lint":
        return 503, error_body("not-finished", f"{message}; текст не изменён")
    posting = payload["posting"]
    finding = Finding(code="CM000", name=NOT_LINTED, severity=Severity.ERROR, message=message)
    report = Report(
        id=posting.get("id"),
        title=posting.get("title"),
        findings=[finding],
        ruleset_version=ruleset_version,
        **assess([finding]).model_dump(),
    )
    return 200, report.model_dump_json()


def ready_message(linter: Linter) -> dict[str, Any]:
    """What a worker reports once its engine is built: versions and the rules it runs."""
    rules = [
        {"spec": spec.model_dump(mode="json", by_alias=True), "severity": severity.value}
        for spec, severity in linter.active_rules()
    ]
    return {"ruleset_version": linter.ruleset_version, "rules": rules}
