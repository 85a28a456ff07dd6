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
    if choices is None:
        fixed = fix(posting.text, posting.title, format=posting.format, id=posting.id, linter=linter)
        response = FixResponse(
            text=fixed.text, title=fixed.title, applied=fixed.applied, skipped=fixed.skipped, report=fixed.report
        )
        return 200, response.model_dump_json()
    report = linter.lint_posting(posting)
    missing = [
        c
        for c in choices
        if not (0 <= c[0] < len(report.findings) and 0 <= c[1] < len(report.findings[c[0]].suggestions))
    ]
    if missing:
        where = ", ".join(f"[{finding}, {number}]" for finding, number in missing)
        return 409, error_body("stale-fix", f"в текущем тексте нет таких исправлений: {where}; проверьте текст заново")
    result = apply_fixes(report, posting.text, posting.title, only={tuple(c) for c in choices}, format=posting.format)
    fixed_posting = posting.model_copy(update={"text": result.text, "title": result.title})
    response = FixResponse(
        text=result.text,
        title=result.title,
        applied=result.applied,
        skipped=result.skipped,
        report=linter.lint_posting(fixed_posting),
    )
    return 200, response.model_dump_json()


def not_linted(kind: str, payload: dict[str, Any], message: str, ruleset_version: str | None) -> Answer:
    """The answer for a job no worker could finish (over the budget, or the worker died).

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
