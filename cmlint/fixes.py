"""Fixing a posting: lint, apply every fix, lint again … until nothing is left.

Which fixes go in and how collisions are resolved is documented in
:mod:`cmlint.edits`.  Because every pass lints the result again, a fix
skipped in one pass gets its chance in the next, and ``fix(fix(x))``
changes nothing more.
"""

from __future__ import annotations

from cmlint.edits import AppliedFix, FixResult, apply_fixes
from cmlint.linter import Linter, default_linter
from cmlint.models import Format, Report
from cmlint.posting import make_posting

#: :func:`fix` stops after this many lint-and-fix passes even if fixes remain.
MAX_PASSES = 5


class Fixed(FixResult):
    """The outcome of :func:`fix`: the fixed posting, its fresh report, the passes it took."""

    report: Report
    passes: int
    converged: bool


def fix(
    text: str,
    title: str | None = None,
    *,
    format: Format | None = None,
    id: str | None = None,
    linter: Linter | None = None,
    path: str | None = None,
    max_passes: int = MAX_PASSES,
) -> Fixed:
    """Lint, apply every fix, lint again … until nothing is left to fix.

    Returns the fixed text and title with the report of the fixed posting.
    ``converged`` is false only when fixes were still left after ``max_passes``
    (they are listed in ``skipped``).  ``path`` lets ``per-file-ignores`` apply.
    """
    linter = linter or default_linter()
    posting = make_posting(text, title, id, format)  # bad arguments: the library's TypeError / PostingError
    report = linter.lint_posting(posting, path=path)
    applied: list[AppliedFix] = []
    for passes in range(max_passes + 1):
        result = apply_fixes(report, posting.text, posting.title, format=format)
        if not result.changed or passes == max_passes:
            return Fixed(
                text=posting.text,
                title=posting.title,
                applied=applied,
                skipped=result.applied + result.skipped,
                report=report,
                passes=passes,
                converged=not result.changed,
            )
        applied += result.applied
        posting = posting.model_copy(update={"text": result.text, "title": result.title})
        report = linter.lint_posting(posting, path=path)
    raise AssertionError("unreachable: the loop returns on its last pass")
